// How the stakeholder tests read a text: an email from one of two contacts at Acme (Dana, Li), its
// perceived stakeholder changes, and `one` for a text that must hold exactly one change.
import { expect } from 'vitest';
import { Story, at, contact } from '../risk/builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const li = contact('li@acme.com', 'Li Wen', 'economic_buyer');
const story = () => new Story({ contacts: [dana, li] });
export type Change = { change: string; side?: string; name?: string; contactEmail?: string; successor?: { name?: string } };
export const read = (text: string, from = 'li@acme.com') => story().email(at(-1), { from, to: 'sam@ourco.com', text }).insights!.stakeholderChanges as Change[];
export const one = (text: string) => {
  const found = read(text);
  expect(found, text).toHaveLength(1);
  return found[0];
};
