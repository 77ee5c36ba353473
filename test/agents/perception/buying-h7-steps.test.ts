// Buying steps said of the deal itself (the paper, the money or the approval as the subject, a pronoun
// standing for it), and look-alikes that are someone else's deal, a routine, a duty or a budget merely named.
// The back office of a purchase from us (where the PO goes, the PO attached, accounts payable setting us up,
// instalments, supplier onboarding, our scope put into the renewal quote, leave asked to pay a certain way),
// and the account's own selling or paper with parties of theirs, which is not buying from us.
import { describe, expect, it } from 'vitest';
import { findBuying } from '../../../agents/perception/buying.js';

const said = (text: string) => findBuying([{ side: 'them', text }]).length > 0;

describe('a verdict said of the deal', () => {
  it.each([
    // The paper, the money or the approval as the subject, in the passive or intransitive.
    'Finance came back: the spend is approved.',
    'Good news, the business case went through at the exec meeting.',
    'The money for your platform has been ring-fenced.',
    'The PO for the 40 licences went in this morning.',
    'Our budget request for the analytics module was granted.',
    'The DPA has now been executed on our side.',
    'Vendor security assessment: cleared.',
    // A pronoun for a deal named before it.
    'Your proposal got a warm reception. It was approved by the steering group this morning.',
    'I had a look at your MSA yesterday. It has been signed off by Rafael.',
    'We sent your pen test report to our assessors. It passed without comment.',
  ])('reads the step: %s', (text) => {
    expect(said(text)).toBe(true);
  });

  it.each([
    // Someone else's deal, or ours set apart.
    "The freight forwarder's contract was signed last month.",
    'The deal with the Danish retailer went through last night!',
    'The budget for the Gdansk depot refit came through.',
    'Our quarterly budget got approved, nothing to do with you.',
    'Our new hire signed her contract. It was approved by HR.',
    // The pronoun doing something, not having it done to it.
    'We got your proposal. Honestly it cleared nothing up.',
    'We discussed the contract. It was a long meeting.',
    // A budget named, owned or judged; a duty gained.
    'I still hold the budget for your platform, whatever you may have heard.',
    'The budget for the tool is tight this year.',
    'She was promoted, so she can approve the shift rotas herself now.',
  ])('not a step: %s', (text) => {
    expect(said(text)).toBe(false);
  });
});

describe('purchase paperwork', () => {
  it.each([
    'To whom should we address the purchase order on your side?',
    'Which of your entities should the PO be made out to?',
    'Could you confirm the company name to print on the purchase order?',
    'Our PO for the twelve-month term is attached.',
    'Please find enclosed the purchase order for the analytics add-on.',
    'Our payables team needs to set you up in the ledger first.',
    'Which banking details do we use for the initial invoice?',
    'Can we settle the annual fee in two instalments?',
    'Purchasing kicked off the vendor onboarding process this morning.',
    'Please fold the two new analysts into the renewal quote.',
    'Is it alright if we pay by wire instead of card?',
    'Trying to move our plan to the Premium tier from the admin page and it keeps failing.',
    'We accept your counter-proposal on the uplift.',
  ])('reads the step: %s', (text) => {
    expect(said(text)).toBe(true);
  });

  it.each([
    'The PO for the pallet wrappers is attached.',
    'Attached is the agenda for the offsite.',
    'We pay our hauliers in two instalments each quarter.',
    'HR kicked off the onboarding process for the interns.',
    'Just checking the Porto seats are included in the renewal quote?',
    'Is it alright if we push the workshop to Friday?',
    // Their own selling, or paper with a party of theirs.
    'Our sales team landed the Fjordline contract on Monday, drinks are on me.',
    'One of our clients signed a five-year renewal with us today.',
    'Finance approved the agreement with our new cleaning firm.',
    'We approved the purchase of Tessly licences for the inbound team.',
    'We set aside budget for Orrin\'s rollout next year.',
  ])('not a step: %s', (text) => {
    expect(said(text)).toBe(false);
  });
});

describe('the deal moved along their side', () => {
  it.each([
    'I have slotted the renewal onto the agenda for the steering committee next week.',
    'The order form is going through our procurement approval workflow.',
    'Our buyer is filling in the purchase requisition as we speak.',
    'Next year\'s budget already covers your platform at today\'s rate.',
    'Good news: the upgrade is a go.',
    'We would like to lock in this discount for two years.',
    'We hope to get this signed off before the holidays.',
    'We will proceed with the Growth edition.',
    'Could you draft the order form for the Madrid seats?',
  ])('reads the step: %s', (text) => {
    expect(said(text)).toBe(true);
  });

  it.each([
    'I have slotted the office move onto the agenda for the board.',
    'The holiday request is going through our HR approval workflow.',
    "Next year's budget already covers two extra drivers.",
    'The barbecue is a go for Saturday!',
    'Our landlord wants a multi-year agreement, which we are not keen on.',
    'Can we get a multi-year agreement with Kuehne?',
    'A proposal was put in front of our CFO by Vantly last week.',
  ])('not a step: %s', (text) => {
    expect(said(text)).toBe(false);
  });
});

describe('no step towards buying from us', () => {
  it.each([
    // An NDA, alone.
    'Could you send over the mutual NDA so we can sign it before the workshop?',
    // A refusal is no step.
    'Our CFO refused to approve the spend.',
    // Paper or money for other goods.
    'The client accepted our quote for the Tallinn lanes.',
    'We have the budget for three more forklift drivers.',
    // An alternative set aside, a bill dropped.
    'Could we add them to the current order rather than signing a new contract?',
    'Can we drop the paper invoices and get them by email?',
  ])('not a step: %s', (text) => {
    expect(said(text)).toBe(false);
  });

  it.each([
    'Please send the order form and the NDA together, we will sign both today.',
    'We have the budget for the forecasting module.',
    'Could you drop me the order form?',
  ])('still a step: %s', (text) => {
    expect(said(text)).toBe(true);
  });
});
