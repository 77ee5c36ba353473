// The softer exits (churnHints in churn-drift.ts, and the grievances sentiment.ts counts): our work moved
// "over there" to a rival just named, "why don't we just use" the other thing, a champion who will not
// resist a replacement, a veiled threat about the renewal, work held until a decision about the vendor,
// paying for a service and waiting, the account taking the heat for us, an add-on not renewed. Negatives:
// the same words about files, our own API, a naming scheme, a security review, value for money, a date.
// Sentences in new words.
import { describe, expect, it } from 'vitest';
import { churn } from './churn-read.js';

describe('softer exits read', () => {
  it.each([
    'Our new CFO ran Pipedrift at her old firm and wants everything moved over there by summer.',
    "Finance keeps asking why we don't just use the free dashboards in our ERP.",
    "Legal has asked for an options paper on switching providers, and frankly I won't stand in the way.",
    'You can imagine what this means for the renewal.',
    'We have paused the regional rollout until the vendor decision is made in Q1.',
    'We pay for the enterprise tier and still wait a week for every answer.',
    'Our shippers ring us every day about the tracking gaps and my staff are taking the heat for your software.',
    'We will not renew the telematics add-on next year; nobody used it.',
  ])('%s', (text) => {
    expect(churn(text)).toBe(true);
  });
});

describe('the same words with no exit', () => {
  it.each([
    "Move the files over there and I'll pick them up.",
    "Why don't we just use your API for the nightly load instead?",
    "I'm not going to argue against the new naming scheme.",
    'We paused the rollout until the security review is done.',
    'We pay for the premium tier and get great value from it.',
    'Tell me what this means for the renewal date.',
    "That's a problem for your support team to look at, not us.",
  ])('%s', (text) => {
    expect(churn(text)).toBe(false);
  });
});
