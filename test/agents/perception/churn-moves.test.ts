// Churn read as a move with its roles checked (churn-moves.ts and the guards in churn.ts): a vendor
// chosen by the account's deciders, a decision whose complement is to end, being "out" at a date, the
// product judged unfit or oversold, use lapsed, the exit planned; and the same words where the act is
// a hypothesis, a person's job move, someone else's contract, trust lost in something else, or praise.
import { describe, expect, it } from 'vitest';
import { churn, frame } from './churn-read.js';

describe('churn moves', () => {
  it.each([
    'The steering committee selected Brightwave after the bake-off.',
    'In the end we went with Orbitly for the coming contract year.',
    'The plan is to terminate once the current term is up.',
    'Our CFO has made the decision to cancel, I am sorry to say.',
    "Realistically we'll be out by the end of the contract.",
    'For a firm of our size it just is not fit for purpose.',
    'The sales team oversold it badly.',
    'It covers maybe half of what you demoed to us.',
    "The finance team haven't logged in for months.",
    'If we walk away, what happens to our historical data?',
    'Our lawyers are going through the agreement to see what our options are for an early exit.',
    'With that uplift there is no way the renewal gets approved.',
    "Frankly the rollout hasn't made any real difference for us.",
    'We will not prolong the agreement beyond June.',
    'Honestly I doubt we will still be customers next year.',
    'Could you turn off the auto-renewal on our account?',
    "We'd be better off with our own spreadsheets at this point.",
  ])('reads churn: %s', (text) => {
    expect(frame(text)).toBe(true);
  });

  it.each([
    // A hypothesis, denied.
    'If we ever did move away from you, it would not be because of support.',
    // A negative subject denies the act.
    'No one in the leadership team wants to drop the platform.',
    // A person's job move, and offboarding people.
    'Tomasz has decided to leave the company in the spring.',
    'What is the best way to offboard the interns who have finished?',
    // Someone else's agreement, pointed back to by "it".
    'The lease with our landlord runs out in May and we will not extend it.',
    // Trust lost in something that is not ours.
    'We lost all confidence in the paper process years ago, which is why we bought you.',
    // Shopping for something we do not sell.
    'Procurement is shopping around for a new forklift supplier.',
    // A named vendor left for us.
    'We left Nimbly for you and have not looked back.',
    // Praise said with the frame's words.
    'Not what I expected: the reports load far quicker than the old ones did.',
    // A doubt turned around.
    'Finance questioned the price initially, but the first quarter won them over.',
    // Planned non-use.
    'Most of the new hires are drivers who will never touch the dashboards.',
    // A person promoted, not a complaint escalated.
    'Luca has been elevated to Head of Sales for the region.',
    // A retender with us still in it is not a retender of us.
    'The shortlist is down to two vendors, you and one other.',
  ])('no churn: %s', (text) => {
    expect(frame(text)).toBe(false);
  });

  it.each([
    'Disappointed with our own quarterly numbers, the market is rough. Your alerts at least warned us early.',
    'Absolutely crazy week with the audit, your exports saved us.',
    'Churn in our client base was our worst headache last year; your health scores are why it is falling.',
    'Before you ask: we are not ready to sign yet and pressing us will not help.',
  ])('not dissatisfaction: %s', (text) => {
    expect(churn(text)).toBe(false);
  });
});
