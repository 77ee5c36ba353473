// Buying intent in the words buyers use: readiness idioms, closing the paperwork in any form, choosing
// us, the stages a purchase goes through in plain words; and not paperwork with someone else, a verdict
// on something else, history, a stall, a refusal or a postponement.
import { describe, expect, it } from 'vitest';
import { findBuying } from '../../../agents/perception/buying.js';

const said = (text: string) => findBuying([{ side: 'them', text }]).length > 0;
const noted = (text: string) => findBuying([{ side: 'us', text }], { reported: true }).length > 0;
const answered = (question: string, reply: string) => findBuying([{ side: 'us', text: question }, { side: 'them', text: reply }]).length > 0;

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
    // Stages in plain words: verdicts about our deal, paper through their side, negotiation, references, payment set-up.
    // A verdict by an approver whose object is our deal, or nothing at all.
    'Compliance okayed your data processing terms on Wednesday.',
    'The steering group rubber-stamped it this morning.',
    'Our attorneys accepted nearly all of your changes.',
    // Money there for it.
    'Funding for this is secured, so timing is the only question.',
    // Paper with, back from, or handed to their approvers; marked up; clauses negotiated.
    'The SOW came back from procurement with two small questions.',
    "I've passed your agreement over to our counsel for a look.",
    'Counsel wants to tighten the indemnification wording before anything else.',
    // What is left, the award, a verbal yes, references, payment set-up.
    'Compliance is the final hurdle now.',
    'The notice of award should reach you by Thursday.',
    'Could we speak with a couple of clients who run fleets like ours?',
    'Can we pay by bank transfer, or do you only take cards?',
    'We need your insurance certificate for our vendor record.',
    // Renewing said in the progressive; joined for a term; the one who signs gets it next.
    "We're renewing for another year.",
    "I'm sending it to our CFO for signature today.",
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
    // Not our deal moving: a verdict on something else, another party's deal, history, stalls, unreal conditions.
    // The verdict is about something else.
    'The board approved a new parental leave policy.',
    'Our controller signs off every supplier invoice above 5k.',
    // Someone else's deal, or a thing that is not software.
    'Procurement approved the quote from our pallet supplier.',
    'We renewed the lease on the Bristol yard this week.',
    'Legal signed the distribution agreement with Ostrava Logistics.',
    // History, stalls, unreal conditions.
    'We used to sign three-year terms, never again.',
    'Legal is going through the MSA but has serious concerns about data residency.',
    "We'd sign tomorrow if the price halved, which it won't.",
    // An approved company-wide budget says nothing about us.
    'Finance approved the operating budget for 2027.',
  ])('not: %s', (text) => {
    expect(said(text)).toBe(false);
  });

  // Buying acts by class: assent, figurative or dated signing, payment for something of ours, a term
  // committed, money set aside, a review of us cleared, nothing left against the paper, misspelt words.
  it.each([
    "Honestly, it's a firm yes from the leadership team.",
    'Our MD says go.',
    "We're sold. Talk soon about start dates.",
    'Our director will put pen to paper on Monday.',
    'From our end the agreement can be countersigned now.',
    'Paid the deposit for the new routing add-on this morning.',
    'Put us down for another three years on the current terms.',
    "We'd like to convert to a multi-year subscription at renewal.",
    "We've set aside budget for your platform in next year's plan.",
    'Pentest summary came back clean.',
    'Counsel has no more redlines on the order form.',
    'finanse aproved the purchse',
    'Let me know if we can get a discount for paying three years upfront, Raj wants to know.',
  ])('reads the act: %s', (text) => {
    expect(said(text)).toBe(true);
  });

  it.each([
    // Paying for what is already bought is a complaint, not a purchase.
    "We're paying for a module nobody opens.",
    // A renewal already done, assent to someone else, a refusal beside a decision.
    "We've renewed for two more years already, nothing to do.",
    "It's a done deal with Harbinly, I'm afraid.",
    "We won't extend; the decision's been made.",
    // A review cleared of something else, a standing duty, money for something else.
    'Our IT check is complete, all desktops patched.',
    'Going forward Ama signs off on all software spend from now on.',
    'We set aside funds for the forklift replacement.',
    // A word one letter from a purchase word that is an ordinary word itself.
    'Send the slides when you can.',
  ])('not the act: %s', (text) => {
    expect(said(text)).toBe(false);
  });

  it('a short yes to our question about a step is the step', () => {
    expect(answered('Has procurement raised the PO?', 'Yup, this morning.')).toBe(true);
    expect(answered('Has procurement raised the PO?', 'Not yet, sorry.')).toBe(false);
    expect(answered('Did you enjoy the roadshow?', 'Yes, loved it.')).toBe(false);
    // A pronoun and its auxiliary answer too, and "no changes" is no refusal.
    expect(answered('Has finance released the PO?', 'It has, Raj did it an hour ago.')).toBe(true);
    expect(answered('Any word from legal on the contract?', 'All good, no changes from them.')).toBe(true);
  });
});
