// An evaluation told as over (before the choice of us, or a choice said to stand) puts no rival in play.
import { describe, expect, it } from 'vitest';
import { Story, at, contact } from '../risk/builders.js';

const s = new Story({ account: { stage: 'customer', domains: ['aldana.mx'] }, contacts: [contact('rocio@aldana.mx', 'Rocío Vega', 'champion')] });
const rivals = (text: string) => s.email(at(-1), { from: 'rocio@aldana.mx', to: 'sam@ourco.com', text }).insights!.competitors.filter((c) => c.context === 'evaluation').map((c) => c.name);

describe('an evaluation that ended with us', () => {
  it('is no rival in play', () => {
    expect(rivals('We trialled Kestrelio for a month before we picked you, and the team still talks about how clunky it was.')).toEqual([]);
    expect(rivals('Our board benchmarked you against Vantorra in the spring and would make the same decision today.')).toEqual([]);
  });

  it('an evaluation before a choice still to come is', () => {
    expect(rivals('Before we pick you for the second region we want to see a Kestrelio demo.')).toEqual(['Kestrelio']);
  });
});
