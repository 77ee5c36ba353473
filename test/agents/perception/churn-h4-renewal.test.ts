// A renewal named or a renewing verb negated where the negation denies something else (renewalAside and
// offFrame in churn.ts): timing, a stall, necessity, a credential, a modifier, a phrase, another predicate,
// a channel that fails, a double negation, a third party's paper; and the refusals that stay churn.
// Sentences in new words.
import { describe, expect, it } from 'vitest';
import { frame } from './churn-read.js';

describe('renewal words that decline nothing', () => {
  it.each([
    "We don't renew until October, no hurry on the forms.",
    'Our account is not up for renewal until Q2.',
    "I haven't renewed yet, the purchase order is sitting with finance.",
    "You don't need to extend anything before the new year.",
    "The wildcard certificate wasn't renewed, so the callback broke.",
    "Our office lease won't be renewed after March.",
    "I don't expect the renewal to be a big discussion this year.",
    'No worries at all about the renewal on my side.',
    "Can't find the renewal date anywhere in the admin area.",
    "We couldn't renew through the billing page, the checkout keeps failing.",
    'Not extending was never an option for us.',
    'Honestly nobody is talking about leaving you.',
    "I didn't mean to suggest we won't renew.",
    "We didn't extend our Clari contract and moved that budget to you.",
    "We're looking at other options for the holiday party venue.",
    "We didn't renew in time because the approver was on holiday, apologies for the gap.",
    "I can't extend the licences myself, it needs an admin login.",
    "There's no chance we wouldn't renew, relax.",
    'We plan to phase out the legacy spreadsheets now that your reports are live.',
    "I'll leave the renewal paperwork to Adaeze.",
    'We want to switch away from paper manifests to your mobile app.',
    "Let's plan to terminate the old FTP export once the API feed is live.",
  ])('reads no churn: %s', (text) => {
    expect(frame(text)).toBe(false);
  });
});

describe('refusals that stay churn', () => {
  it.each([
    'The board has chosen not to renew the agreement.',
    "We won't be renewing when the term is up.",
    'Our subscription will not be extended past June.',
    'The renewal is not happening this year.',
    "We're not going ahead with the renewal.",
    'There will be no renewal, I am afraid.',
    'We intend to move away from your platform in the spring.',
    'We have started looking at other vendors.',
  ])('reads churn: %s', (text) => {
    expect(frame(text)).toBe(true);
  });
});
