// An unlisted organisation is a competitor only in a slot of the evaluation frame read from roles (no nearby word is enough):
// tried, talked to, quoted from, invited to present, ranked against us, running a pilot, able where we are not; names listed
// together share the slot, and a pronoun after the one name stands for it. Not a competitor: a person's move, a day, a
// comparison of the customer's own sites, the customer's own rival, a supplier it already has, a plan of ours.
import { describe, expect, it } from 'vitest';
import { findCompetitors } from '../../../agents/perception/competitors.js';

const inPlay = (text: string) =>
  findCompetitors([{ side: 'them', text }], ['Gong', 'Clari'])
    .filter((c) => c.context === 'evaluation' || c.context === 'mention')
    .map((c) => c.name);

describe('competitors read from the frame\'s roles', () => {
  it.each([
    ['Our finance lead has been tinkering with Brolly\'s free plan all week.', ['Brolly']],
    ['We are in conversations with Tamarind about the same rollout.', ['Tamarind']],
    ['Rostra\'s sales team emailed our CFO twice yesterday.', ['Rostra']],
    ['Of the bids, the two cheaper ones came from Quaystone and Merrowby.', ['Quaystone', 'Merrowby']],
    ['We had Pavona in for a briefing last week.', ['Pavona']],
    ['Carrow and Fenby were both asked to quote.', ['Carrow', 'Fenby']],
    ['In the scoring you finished just behind Ambrel.', ['Ambrel']],
    ['Sorrento is running a two-week pilot at our Leeds site.', ['Sorrento']],
    ['You can\'t export to PDF, right? Kavida can.', ['Kavida']],
    ['Our COO met the founders of Ostley and is quite keen on them now.', ['Ostley']],
    ['Security sent the vendor questionnaire to Varden as well as to you.', ['Varden']],
    // A listed rival chosen over us: the non-renewal is ours, not the rival's.
    ['We have gone with Clari for next year, so we will not be renewing with you.', ['Clari']],
    // Not in play (a former tool is a replacement, not a rival in play).
    ['Nobody here misses Gong.', []],
    ['I\'m moving to Porto in the spring, so expect replies on a different clock.', []],
    ['Can we move the review to next Weds?', []],
    ['Brenton Freight undercut us on the Leipzig route again.', []],
    ['Our payroll provider, Ledgerly, needs a CSV export every Friday.', []],
    ['We compared Leeds and Bristol on late deliveries last month.', []],
    ['Could you resend the Premier pricing? I cannot find it.', []],
    ['Promised a demo of the new reports for Halloran\'s board.', []],
    ['Scania is running a pilot of our routing service in the north.', []],
  ])('%s', (text, names) => {
    expect(inPlay(text)).toEqual(names);
  });
});
