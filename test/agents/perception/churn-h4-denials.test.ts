// Churn words with the intent denied, asked for the records, about the account's own customers, a worry
// put behind them, or a mailing unsubscribed (churn.ts, churn-frames.ts). Sentences in new words.
import { describe, expect, it } from 'vitest';
import { frame } from './churn-read.js';

describe('no churn with us', () => {
  it.each([
    'We have no plans whatsoever to leave, I only need the notice clause for our files.',
    "We're not thinking of cancelling, relax.",
    'For our annual audit of every supplier, what does the termination clause say?',
    'Several of our retailers have switched to other couriers since spring.',
    'In the summer we nearly walked away, but that is firmly behind us.',
    'Please cancel my subscription to the product newsletter.',
  ])('reads no churn: %s', (text) => {
    expect(frame(text)).toBe(false);
  });
});

describe('still churn', () => {
  it.each([
    'We have no plans to renew the subscription.',
    'What is the notice period? We want to give notice before the term rolls over.',
    'Our team have switched to another provider since spring.',
    'Please cancel our subscription at the end of the term.',
  ])('reads churn: %s', (text) => {
    expect(frame(text)).toBe(true);
  });
});
