import { describe, expect, it } from 'vitest';
import { account, at, contact, email, signal } from '../builders.js';
import { dueDateOf } from '../../../agents/perception/commitments.js';
import { automatedKind } from '../../../agents/perception/index.js';
import { stripQuotedReply } from '../../../agents/memory/strip-quotes.js';

const acc = account();
const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');

describe('commitments', () => {
  it('finds our promise with its due date from the reference moment', () => {
    const s = signal(email('2026-11-17T10:00:00Z', 'sam@ourco.com', 'dana@acme.com', "Thanks for the call. We'll send the security questionnaire answers by Friday."));
    expect(s.insights!.commitments).toEqual([{ text: "We'll send the security questionnaire answers by Friday.", owner: 'us', who: 'Sam', dueAt: '2026-11-20T17:00:00.000Z', counterparts: ['dana@acme.com'] }]);
  });

  it("attributes the customer's promise to them", () => {
    const s = signal(email(at(-1), 'dana@acme.com', 'sam@ourco.com', 'I will get you the signed order form next week.'), acc, [dana]);
    expect(s.insights!.commitments[0]).toMatchObject({ owner: 'them', who: 'Dana' });
  });

  it('reads promises per speaker turn in a transcript', () => {
    const s = signal({ kind: 'meeting', occurredAt: '2026-11-17T10:00:00Z', title: 'Review', attendees: [{ email: 'dana@acme.com', name: 'Dana Ruiz' }, { email: 'sam@ourco.com', name: 'Sam Patel' }],
      transcript: [{ speaker: 'Dana Ruiz', text: 'Can you share the roadmap?' }, { speaker: 'Sam Patel', text: 'Sure, I will share the roadmap deck tomorrow.' }] }, acc, [dana]);
    expect(s.insights!.commitments).toEqual([expect.objectContaining({ owner: 'us', who: 'Sam Patel', dueAt: '2026-11-18T17:00:00.000Z', counterparts: ['dana@acme.com'] })]);
  });

  it('does not take questions or conditionals for promises', () => {
    const s = signal(email(at(-1), 'sam@ourco.com', 'dana@acme.com', 'Could you send the logo? If you want, we will send a draft.'));
    expect(s.insights!.commitments).toEqual([]);
  });

  it('defaults an undated promise to three business days', () => {
    expect(dueDateOf("We'll follow up with pricing.", new Date('2026-11-20T10:00:00Z')).dueAt.toISOString()).toBe('2026-11-25T17:00:00.000Z');
  });
});

describe('stakeholder changes', () => {
  it('a champion writing that they moved is about the sender', () => {
    const s = signal(email(at(-2), 'dana@acme.com', 'sam@ourco.com', "Hi Sam, quick heads-up: I've moved to another division as of Monday."), acc, [dana]);
    expect(s.insights!.stakeholderChanges).toEqual([expect.objectContaining({ contactEmail: 'dana@acme.com', change: 'moved' })]);
  });

  it('someone else leaving is about the person named', () => {
    const li = contact('li@acme.com', 'Li Wen', 'economic_buyer');
    const s = signal(email(at(-2), 'dana@acme.com', 'sam@ourco.com', 'FYI Li Wen is no longer with the company; I will own the budget.'), acc, [dana, li]);
    expect(s.insights!.stakeholderChanges).toEqual([expect.objectContaining({ contactEmail: 'li@acme.com', change: 'left' })]);
  });

  it('a CRM contact_left change counts', () => {
    const s = signal({ kind: 'crm', occurredAt: at(-1), change: 'contact_left', contactEmail: 'dana@acme.com' }, acc, [dana]);
    expect(s.insights!.stakeholderChanges[0]).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
  });
});

describe('competitors, sentiment, opportunities, questions', () => {
  it('a competitor named as the tool being replaced is not a threat', () => {
    const s = signal(email(at(-1), 'dana@acme.com', 'sam@ourco.com', "We're replacing Gong this quarter and want one tool."), acc, [dana]);
    expect(s.insights!.competitors).toEqual([expect.objectContaining({ name: 'Gong', replacing: true })]);
    const t = signal(email(at(-1), 'dana@acme.com', 'sam@ourco.com', 'Gong offered us a 30% discount, to be honest.'), acc, [dana]);
    expect(t.insights!.competitors).toEqual([expect.objectContaining({ name: 'Gong', replacing: false })]);
  });

  it('scores negative sentiment with negation, and names the sentence', () => {
    const s = signal(email(at(-1), 'dana@acme.com', 'sam@ourco.com', 'Honestly we are not happy. The exports have been broken for two weeks and the team is frustrated.'), acc, [dana]);
    expect(s.insights!.sentiment).toBeLessThan(-0.3);
    expect(s.insights!.negativeText).toMatch(/broken|frustrated/);
    const p = signal(email(at(-1), 'dana@acme.com', 'sam@ourco.com', 'The team loves it, great work.'), acc, [dana]);
    expect(p.insights!.sentiment).toBeGreaterThan(0);
  });

  it('praise that criticises the old system, or says "no complaints", is not negative', () => {
    const s = signal(email(at(-1), 'dana@acme.com', 'sam@ourco.com', 'After years of fighting our old booking system - slow, constantly broken, and frustrating - this is a breath of fresh air. No complaints from the team at all.'), acc, [dana]);
    expect(s.insights!.sentiment).toBeGreaterThanOrEqual(0);
    expect(s.insights!.negativeText).toBeUndefined();
  });

  it('a question the customer asks a colleague, with us in copy, is not ours to answer', () => {
    const erik = contact('erik@acme.com', 'Erik Holm', 'technical_evaluator');
    const toColleague = signal({ ...email(at(-1), 'dana@acme.com', 'erik@acme.com', 'Erik, could you check the SSO settings before Monday?'), cc: [{ email: 'sam@ourco.com', name: 'Sam Patel' }] }, acc, [dana, erik]);
    expect(toColleague.insights!.question).toBe(false);
    const toUs = signal({ ...email(at(-1), 'dana@acme.com', 'erik@acme.com', 'Sam, could you resend the guide?'), cc: [{ email: 'sam@ourco.com', name: 'Sam Patel' }] }, acc, [dana, erik]);
    expect(toUs.insights!.question).toBe(true);
    expect(signal(email(at(-1), 'dana@acme.com', 'sam@ourco.com', 'Could you resend the guide?'), acc, [dana]).insights!.question).toBe(true);
  });

  it('hears expansion and buying intent from the customer side only', () => {
    const s = signal(email(at(-1), 'dana@acme.com', 'sam@ourco.com', 'We want to roll it out to the Berlin team too. Can you send the order form?'), acc, [dana]);
    expect(s.insights!.expansion[0].text).toMatch(/Berlin team/);
    expect(s.insights!.buying[0].text).toMatch(/order form/);
    expect(s.insights!.question).toBe(true);
    const ours = signal(email(at(-1), 'sam@ourco.com', 'dana@acme.com', 'Happy to expand to more seats whenever you are ready.'));
    expect(ours.insights!.expansion).toEqual([]);
    const moved = signal(email(at(-1), 'dana@acme.com', 'sam@ourco.com', 'Quick heads-up: I have moved to another division as of Monday.'), acc, [dana]);
    expect(moved.insights!.expansion).toEqual([]);
    expect(moved.insights!.stakeholderChanges[0]).toMatchObject({ change: 'moved' });
  });

  it('automated mail carries no intent', () => {
    const ooo = signal(email(at(-1), 'dana@acme.com', 'sam@ourco.com', 'I am currently out of the office with limited access to email. I will reply when I return. Can you wait?', { subject: 'Automatic reply: pricing' }), acc, [dana]);
    expect(ooo.insights).toMatchObject({ auto: 'auto_reply', question: false, commitments: [] });
    const news = signal(email(at(-1), 'news@acme.com', 'sam@ourco.com', 'Acme monthly: we are expanding to three new regions! Unsubscribe here.'), acc);
    expect(news.insights).toMatchObject({ auto: 'newsletter', expansion: [] });
    expect(automatedKind(signal(email(at(-1), 'mailer-daemon@ourco.com', 'sam@ourco.com', 'Delivery failed for dana@acme.com', { subject: 'Undeliverable: hello' })))).toBe('bounce');
  });
});

describe('quote stripping', () => {
  it('keeps only the new message', () => {
    expect(stripQuotedReply('Sounds good.\n\nOn Tue, Nov 17, 2026 at 10:00 AM Sam <sam@ourco.com> wrote:\n> old text')).toBe('Sounds good.');
    expect(stripQuotedReply('Yes.\n-----Original Message-----\nFrom: Sam\nSent: Monday')).toBe('Yes.');
    expect(stripQuotedReply('Top\n> quoted\nBottom')).toBe('Top\nBottom');
  });
});
