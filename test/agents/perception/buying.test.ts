// Buying intent in the words buyers use: readiness idioms, closing the paperwork in any form, choosing
// us; and not paperwork with someone else, a refusal or a postponement.
import { describe, expect, it } from 'vitest';
import { findBuying } from '../../../agents/perception/buying.js';

const said = (text: string) => findBuying([{ side: 'them', text }]).length > 0;
const noted = (text: string) => findBuying([{ side: 'us', text }], { reported: true }).length > 0;

describe('buying intent', () => {
  it.each([
    "Everything checks out on our side, so we're good to go on the annual licence.",
    'Let\'s make it happen. Who should receive the signature page?',
    "Our board approved it last night and we'd like to finalize the purchase this week.",
    'The committee voted and you came out on top.',
    'We are ready to execute the renewal.',
    'Happy to accept the revised terms you sent on Tuesday.',
    'Fine with the pricing, where should I sign?',
    'Could you draw up the order form for the warehouse licences?',
    "Let's go for the enterprise edition.",
    'Please add the forecasting module to our plan.',
    'Legal gave us the green light on the contract, so let\'s proceed.',
    'What happens after we countersign?',
    'We want to add the premium support package.',
  ])('reads: %s', (text) => {
    expect(said(text)).toBe(true);
  });

  it('in our notes, what the customer did, with an adverb between', () => {
    expect(noted('Ama formally accepted the proposal on the call.')).toBe(true);
  });

  it.each([
    'We finalised the agreement with our cleaning contractor yesterday.',
    'Not ready to sign anything before the audit wraps up.',
    'We signed a deal with a new payroll provider, so expect some emails from them.',
    'The purchase is on hold until the new budget year.',
    'We picked the basic tier two years ago and never changed it.',
    'Security gave us the green light to turn on SSO.',
    'We would like to add twelve seats for the Leeds office.',
  ])('not: %s', (text) => {
    expect(said(text)).toBe(false);
  });
});
