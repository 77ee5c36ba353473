// Buying steps said without the paperwork's words, as people say them in calls and chats: a verdict with
// its subject left out, approval from someone as a noun, the paper handed back signed, the deal in the
// budget, the paper in the approvers' hands or put before them, "it's you"; our own message telling
// their step back to them. And the look-alikes: a duty, a skill, a wish taken back, a purchase made to
// replace us, a bare yes to an open question, readiness of a third party, a question about licensing.
import { describe, expect, it } from 'vitest';
import { findBuying } from '../../../agents/perception/buying.js';

const said = (text: string) => findBuying([{ side: 'them', text }]).length > 0;
const ours = (text: string) => findBuying([{ side: 'us', text }]).length > 0;
const replied = (question: string, text: string) => findBuying([{ side: 'us', text: question }, { side: 'them', text }]).length > 0;

describe('buying steps said in everyday words', () => {
  it.each([
    'Countersigned yesterday, you should have it in your inbox.',
    'ok so, all authorised on our side',
    'Thumbs up from Adaeze this afternoon.',
    'The purchase sailed through the steering committee.',
    'Procurement has done their part, over to you.',
    'Honestly we went round in circles, but the verdict is in and it\'s your platform.',
    'Executed copy enclosed for your records and ours.',
    'The renewal is already in next year\'s budget.',
    'Our counsel has the order form now.',
    'Ama will take the business case for your platform to the exec team next week.',
    'Our lawyers are working through both sets of terms.',
    'She\'s glad for us to go ahead.',
    'The finance committee backed the renewal on Monday.',
    // A decider's verdict said as news, the approval or the money in, a supplier record opened, the payment routed.
    'Rafael signed this morning.',
    'Sign-off is finally in.',
    'Adaeze agreed to free up the money for the licences.',
    'Our buyer will create the supplier record tomorrow.',
    'Where should we wire the first payment?',
    'The COO gave the go-ahead.',
  ])('reads the step: %s', (text) => {
    expect(said(text)).toBe(true);
  });

  it('reads their step told back in our words', () => {
    expect(ours('Per our call, your procurement team has approved the purchase and the PO follows on Monday.')).toBe(true);
    expect(ours('Great to hear you have signed the order form, welcome aboard.')).toBe(true);
  });

  it.each([
    // A duty, a skill, a wish taken back.
    'Since the reorg Keiko approves software spend for the sales team.',
    'Owen is better with the contract numbers than I am.',
    'I\'d love to say the board approved it, but they haven\'t even met yet.',
    // A purchase made to replace us, a third party ready to start, a licensing question.
    'Finance approved the budget to replace your platform next spring.',
    'The Porto crew are ready to go whenever the accounts exist.',
    'Would we need to purchase extra licences for the interns?',
    // The verdict on something else, a wait, an approval requested.
    'Signed up for your onboarding webinar.',
    'Still waiting on a nod from Raj.',
    'Agreed.',
    // A verdict whose own clause or agent says it is something else.
    'Signed off by the fire marshal, the depot reopens Monday.',
    'Okayed by QA this morning.',
    'Keiko freed up the budget for the summer party.',
    'The purchase req for the new forklifts is open.',
  ])('no step: %s', (text) => {
    expect(said(text)).toBe(false);
  });

  it.each([
    // Our own asks, conditions and duties to them are not their step.
    'Once you sign, we will switch the new region on.',
    'You will need to sign the DPA before we can turn on EU hosting.',
    'Let me know when your finance team has approved it.',
  ])('no step in our words: %s', (text) => {
    expect(ours(text)).toBe(false);
  });

  it('reads a short spoken reply to our question about a step or the terms', () => {
    expect(replied('Has the requisition gone in yet?', 'Mm-hmm, this morning.')).toBe(true);
    expect(replied('Are you still looking to upgrade in January?', 'Oh, definitely.')).toBe(true);
    expect(replied('Did your CFO go through the figures?', 'She did, and she is comfortable with them.')).toBe(true);
    expect(replied('How was the meeting with Raj?', 'Good, he countersigned it on the spot.')).toBe(true);
    expect(replied('Did your CFO go through the figures?', 'She is fine with them apart from the uplift.')).toBe(false);
    expect(replied('Did the drivers like the new app?', 'Oh, definitely.')).toBe(false);
    expect(replied('Has the requisition gone in yet?', 'Mm-hmm, not yet though.')).toBe(false);
  });

  it('reads the account as "they" in our notes, and action items on their decider', () => {
    const noted = (text: string) => findBuying([{ side: 'us', text }], { reported: true }).length > 0;
    expect(noted('Spoke to Ama: they will countersign before the holidays.')).toBe(true);
    expect(noted('Action: Rafael to sign once the redlines are merged.')).toBe(true);
    expect(noted('They will sign the NDA first, then we talk pricing.')).toBe(false);
    expect(noted('They went with Gong in the end.')).toBe(false);
    expect(said('I asked Keiko to sign the guestbook at reception.')).toBe(false);
  });

  it('a bare yes to an open question is no step', () => {
    expect(replied('Anything I should be aware of before the renewal?', 'Yes. Our new COO wants to see usage numbers first.')).toBe(false);
    expect(replied('Has procurement signed off on the renewal?', 'Yes, on Friday.')).toBe(true);
  });
});
