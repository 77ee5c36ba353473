// The account and the helpers the commitment-h9 tests read signals with: a Tuesday, two contacts.
import { Story, contact } from '../risk/builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const piet = contact('piet@acme.com', 'Piet Varga', 'procurement');
const story = () => new Story({ contacts: [dana, piet] });
const TUESDAY = '2026-11-17T10:00:00.000Z';
export const FRIDAY = '2026-11-20T17:00:00.000Z';
export const THURSDAY = '2026-11-19T17:00:00.000Z';
export const ours = (text: string) => story().email(TUESDAY, { from: 'sam@ourco.com', to: 'dana@acme.com', text }).insights!.commitments;
export const theirs = (text: string) => story().email(TUESDAY, { from: 'dana@acme.com', to: 'sam@ourco.com', text }).insights!.commitments;
export const chat = (from: string, text: string) => story().chat(TUESDAY, from, text).insights!.commitments;
export const note = (text: string) => story().note(TUESDAY, text).insights!.commitments;
