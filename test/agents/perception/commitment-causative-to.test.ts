// "I'll get <a team of ours> to <act> <thing>": the deliverable is the thing, not the team made to act.
import { describe, expect, it } from 'vitest';
import { Story, at, contact } from '../risk/builders.js';

const s = new Story({ account: { stage: 'customer', domains: ['aldana.mx'] }, contacts: [contact('rocio@aldana.mx', 'Rocío Vega', 'champion')] });
const owed = (text: string) => s.email(at(-1), { from: 'sam@ourco.com', to: 'rocio@aldana.mx', text }).insights!.commitments.map((c) => c.deliverable);

describe('a promise made through someone we get to act', () => {
  it('names what they are to act on', () => {
    expect(owed("I'll get support to rerun the failed invoice import before Wednesday.")).toEqual(['the failed invoice import']);
    expect(owed("We'll get procurement to countersign the data processing addendum by Friday.")).toEqual(['the data processing addendum']);
  });
});
