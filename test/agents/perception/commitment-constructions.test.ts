// Promises said in constructions other than "I/we will V X": a pronoun for a colleague, a thing on its way,
// a promise said as a noun or owned as a task, a plain present with a
// date, and the deliverable behind a causative or a person brought into a meeting.
import { describe, expect, it } from 'vitest';
import { Story, contact } from '../risk/builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const story = () => new Story({ contacts: [dana] });
const TUESDAY = '2026-11-17T10:00:00.000Z';
const ours = (text: string) => story().email(TUESDAY, { from: 'sam@ourco.com', to: 'dana@acme.com', text }).insights!.commitments;
const theirs = (text: string) => story().email(TUESDAY, { from: 'dana@acme.com', to: 'sam@ourco.com', text }).insights!.commitments;

describe('commitments in other constructions', () => {
  it('he/she after a colleague named in the same sentence, only for a thing handed over', () => {
    expect(ours("I've copied Ingrid from our payments desk, she'll email you the remittance advice on Thursday.")[0])
      .toMatchObject({ owner: 'us', who: 'Ingrid', deliverable: 'the remittance advice', dueAt: '2026-11-19T17:00:00.000Z' });
    expect(ours('Bruno spent years in logistics, so he will have plenty of views on your routing.')).toEqual([]);
  });

  it('a present-perfect promise by a named colleague', () => {
    expect(ours('Ingrid has promised to return the filled-in tax form to you.')[0]).toMatchObject({ owner: 'us', deliverable: 'the filled-in tax form' });
  });

  it('a thing on its way or on a schedule, without will', () => {
    expect(ours('The signed change request goes out to you this afternoon.')[0]).toMatchObject({ owner: 'us', deliverable: 'The signed change request' });
    expect(ours('The reporting fix is scheduled for release on Thursday.')[0]).toMatchObject({ owner: 'us', deliverable: 'The reporting fix', dueAt: '2026-11-19T17:00:00.000Z' });
    // Gone already is a report, not a promise.
    expect(ours('The signed change request went out to you this morning.')).toEqual([]);
  });

  it('"it" pointing back to the thing prepared earlier in the sentence; "re-" acts are deliveries', () => {
    expect(ours('Our analyst is drafting a capacity forecast for you; it will land in your inbox by Friday.')[0]).toMatchObject({ owner: 'us', deliverable: 'a capacity forecast' });
    expect(ours('The three failed payouts will be re-run and confirmed to you by Friday.')[0]).toMatchObject({ owner: 'us', deliverable: 'The three failed payouts' });
  });

  it('a promise said as a noun, a pseudo-cleft, or a task owned', () => {
    expect(ours('Our promise to your team is a weekly status digest until the cutover.')[0]).toMatchObject({ deliverable: 'a weekly status digest' });
    expect(ours("What you'll receive from us next is a signed copy of the amendment.")[0]).toMatchObject({ deliverable: 'a signed copy of the amendment' });
    expect(ours("Cleaning up the duplicate accounts is our job, and it'll happen before launch.")[0]).toMatchObject({ deliverable: 'the duplicate accounts' });
    expect(ours("It's on us to rebuild the broken dashboard.")[0]).toMatchObject({ deliverable: 'the broken dashboard' });
    // Owning a mistake is no promise.
    expect(ours("That's on us, apologies for the mix-up.")).toEqual([]);
  });

  it('taking a task: "I\'ll take that one" answers the ask before it', () => {
    const s = story().meeting(TUESDAY, 'Sync', ['dana@acme.com', 'sam@ourco.com'], [
      ['Dana Ruiz', 'Could somebody send us the audit log export?'],
      ['Sam Patel', "Sure, I'll take that one."],
    ]);
    expect(s.insights!.commitments[0]).toMatchObject({ owner: 'us', deliverable: 'the audit log export' });
  });

  it('a plain present with a date (non-native or terse), not a habit', () => {
    expect(theirs('ok I take care of the seating plan, you have it monday')[0]).toMatchObject({ owner: 'them', deliverable: 'the seating plan', dueAt: '2026-11-23T17:00:00.000Z' });
    expect(ours('We send the usage digest every Monday.')).toEqual([]);
  });

  it('the deliverable behind a causative or a meeting, never the person', () => {
    expect(ours("I'll have HR update your billing contacts by Friday.")[0]).toMatchObject({ deliverable: 'your billing contacts' });
    expect(ours("I'm going to get our head of data on a call with your analysts next week.")[0]).toMatchObject({ deliverable: 'a call' });
  });

  it('a plan with an act of handing over, our own open items under a label, a bare department as our subject', () => {
    expect(ours('Our plan is to share the rollout calendar with your leads on Thursday.')[0]).toMatchObject({ owner: 'us', deliverable: 'the rollout calendar', dueAt: '2026-11-19T17:00:00.000Z' });
    expect(ours('Our plan is to keep an eye on it.')).toEqual([]);
    expect(ours('Still on our plate: the translated admin handbook.')[0]).toMatchObject({ owner: 'us', deliverable: 'the translated admin handbook' });
    expect(ours('Support will send you the log bundle by Friday.')[0]).toMatchObject({ owner: 'us', deliverable: 'the log bundle' });
    expect(ours('Expect a calendar invite from our trainers later today.')[0]).toMatchObject({ deliverable: 'a calendar invite' });
  });

  it('"as you\'ll see" is a pointer, not a promise; a handover minutes away needs no date', () => {
    expect(ours('As you will see in the appendix, the import finished on Monday.')).toEqual([]);
    expect(story().chat(TUESDAY, 'sam@ourco.com', 'sending the updated NDA across in 10').insights!.commitments[0]).toMatchObject({ owner: 'us', deliverable: 'the updated NDA' });
    expect(story().chat(TUESDAY, 'sam@ourco.com', 'sending the updated NDA across at some point').insights!.commitments).toEqual([]);
  });
  it('a free-choice object is a standing arrangement, not a deliverable', () => {
    for (const text of ['While Dana is away I will pass anything urgent straight to Li.', 'We will forward whatever comes in from the auditors.']) {
      expect(ours(text), text).toEqual([]);
    }
    expect(ours('I will forward the auditors\' letter to Li tomorrow.')[0]).toMatchObject({ owner: 'us' });
  });
});
