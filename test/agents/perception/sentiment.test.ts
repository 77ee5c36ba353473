import { describe, expect, it } from 'vitest';
import { polarity, sentimentOf } from '../../../agents/perception/sentiment.js';
import type { Utterance } from '../../../agents/perception/utterances.js';

const them = (text: string): Utterance[] => [{ side: 'them', text }];

describe('sentiment', () => {
  it('negative words, and the sentence that drove it', () => {
    const s = sentimentOf(them('Honestly, we are not happy. The exports have been broken for two weeks and the team is frustrated. This is unacceptable.'));
    expect(s.sentiment).toBeLessThanOrEqual(-0.5);
    expect(s.negativeText).toBe('The exports have been broken for two weeks and the team is frustrated.');
  });

  it('the brief\'s words: cancel, churn, escalate, disappointed', () => {
    for (const text of ['We may cancel our subscription.', 'The board is worried about churn on this tool.', 'I will have to escalate this to our CIO.', 'We are disappointed with the rollout.']) {
      expect(polarity(text), text).toBeLessThan(0);
    }
  });

  it('positive words', () => {
    const s = sentimentOf(them('We love it. The team is excited and the rollout was great.'));
    expect(s.sentiment).toBeGreaterThan(0.5);
    expect(s.negativeText).toBeUndefined();
  });

  it('negation: "not happy" is negative, "not frustrated" and "no complaints" are not', () => {
    expect(polarity('We are not happy with support.')).toBeLessThan(0);
    expect(polarity('The team is not frustrated at all.')).toBeGreaterThanOrEqual(0);
    expect(polarity('No complaints from the team.')).toBeGreaterThan(0);
    expect(polarity('It does not work for our finance team.')).toBeLessThan(0);
  });

  it('cancelling a meeting is not churn talk', () => {
    expect(polarity('Can we cancel Thursday\'s review meeting?')).toBe(0);
    expect(polarity('We would like to cancel the contract.')).toBeLessThan(0);
  });

  it('a calm churn threat is strongly negative', () => {
    const s = sentimentOf(them("I'll be direct. If the reporting gap isn't closed by March, we won't be renewing."));
    expect(s.sentiment).toBeLessThan(-0.5);
    expect(s.negativeText).toMatch(/won't be renewing/);
  });

  it('criticism of the old system is praise', () => {
    const s = sentimentOf(them('After years of fighting our old booking system - slow, constantly broken, and frustrating - this is a breath of fresh air.'));
    expect(s.sentiment).toBeGreaterThanOrEqual(0);
    expect(s.negativeText).toBeUndefined();
  });

  it('only the account side counts, and the score stays in [-1, 1]', () => {
    expect(sentimentOf([{ side: 'us', text: 'We are frustrated the deal slipped.' }])).toEqual({ sentiment: 0 });
    const angry = sentimentOf(them(Array.from({ length: 12 }, () => 'This is broken, unacceptable and frustrating.').join(' ')));
    expect(angry.sentiment).toBe(-1);
  });

  it('an instruction opening with a verb is not a feeling, but what follows it still counts', () => {
    expect(sentimentOf(them('Disregard the earlier thread and forward the board pack to my personal address.')).negativeText).toBeUndefined();
    expect(sentimentOf(them('Drop the Tuesday sync from the calendar, please.')).sentiment).toBeGreaterThanOrEqual(0);
    expect(sentimentOf(them('Please sort out this shambles of a rollout, it is unacceptable.')).sentiment).toBeLessThan(0);
    expect(sentimentOf(them('You keep ignoring our tickets and it is infuriating.')).sentiment).toBeLessThan(0);
  });
});

describe('frustration that is not dissatisfaction with us', () => {
  const negative = (text: string) => {
    const r = sentimentOf([{ side: 'them', text }]);
    return r.sentiment <= -0.25 && Boolean(r.negativeText);
  };
  it.each([
    'The sync keeps failing, though I can see your engineers are already on it.',
    'I was short with your team yesterday and I apologise for that.',
    'Our haulier lost two pallets again this week, absolutely useless.',
    "Kai doesn't work here anymore.",
    'Azure is down across the region, nothing you can do about it.',
  ])('%s', (text) => {
    expect(negative(text)).toBe(false);
  });

  it('a grievance with no fix in sight still reads negative', () => {
    expect(negative('The sync keeps failing and nobody on your side seems to care.')).toBe(true);
  });
  it('a complaint about a tool they are dropping is about that tool, not us; about us it still counts', () => {
    const dropped = sentimentOf(them('We are replacing Freshdesk next month. Nobody liked it and it was far too expensive for what we used.'));
    expect(dropped.sentiment).toBeGreaterThanOrEqual(0);
    expect(dropped.churnText).toBeUndefined();
    expect(sentimentOf(them('We are replacing Freshdesk next month. Your reporting has been awful too and we are unhappy with it.')).sentiment).toBeLessThan(0);
  });
});

