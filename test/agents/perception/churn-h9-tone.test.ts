// Negative tone is not churn by itself (sentiment.ts, the churn guards): a fault report, a bad week, the
// account's own customers or suppliers, a task handed over, hearsay, trust not earned yet, a post being
// filled, a past wobble turned around in a later sentence. A grievance with us (a feeling, a verdict, a
// cost, counted persistence, a broken promise) and an exit still read. Sentences in new words.
import { describe, expect, it } from 'vitest';
import { churn } from './churn-read.js';

describe('tone that is no risk to the relationship', () => {
  it.each([
    'The nightly import failed again this morning, can you take a look?',
    'What a brutal month. Two depots flooded and we lost a week of shipments.',
    'Our VPN has been dropping all morning, which is infuriating, anyway the dashboard export went through fine.',
    "we nearly lost our biggest retailer today, they were livid about missed slots. all good now, not ur problem",
    "I'm afraid the budget committee won't have a final answer on your renewal before February.",
    "I'm told your analysts can build custom health scores for us.",
    "Leave this with me, I'll chase legal for the signed copy.",
    "Nearly a fifth of our shippers didn't renew with us this year, so the board is nervous.",
    'We parted company in October and Ingrid covers his accounts now.',
    "Back in March we were ready to walk away. That's all behind us now; the new release won everyone over.",
    "The planners don't trust the new forecast view yet, could you run a session on how it's built?",
    "We're trimming external spend by a tenth next year, and every vendor is getting the same message.",
    'Until a permanent replacement is hired, Noor will look after our vendor contracts.',
  ])('%s', (text) => {
    expect(churn(text)).toBe(false);
  });
});

describe('a grievance or an exit still reads', () => {
  it.each([
    'Three weeks in a row the route sync has failed and my planners are fed up.',
    'This is the fifth time the ETA feed has broken this month. Unacceptable.',
    'We feel badly let down by how the outage was communicated.',
    'We have decided to part ways with you at the end of the term.',
    "Next year's budget doesn't cover your subscription.",
    'Back in the summer we told you we were looking at other vendors. We still are.',
  ])('%s', (text) => {
    expect(churn(text)).toBe(true);
  });
});
