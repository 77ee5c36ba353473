import { describe, expect, it } from 'vitest';
import { unansweredInbound } from '../../../../agents/risk/factors/unanswered-inbound.js';
import { Story, at, contact } from '../builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const story = () => new Story({ account: { stage: 'customer', renewalDate: at(300) }, contacts: [dana] });

describe('unanswered_inbound', () => {
  it('a question unanswered past the reply target, weight growing by the day', () => {
    const s = story();
    s.email(at(-3), { from: 'dana@acme.com', to: 'riley@ourco.com', subject: 'Invoice', text: 'Can you resend the October invoice?' });
    const check = unansweredInbound(s.timeline());
    expect(check.factor).toMatchObject({ weight: 24, contacts: ['dana@acme.com'], evidence: [s.signals[0].id] });
    expect(check.factor!.explanation).toBe('Dana Ruiz asked a question (email "Invoice") 3 days ago and nobody has replied; the reply target is 24 hours');
    expect(check.nextChangeAt).toBe(at(1)); // when it has waited another day
  });

  it('before the target: not yet, with the moment it becomes late', () => {
    const s = story();
    s.email(at(0, -5), { from: 'dana@acme.com', to: 'riley@ourco.com', text: 'Can you resend the October invoice?' });
    expect(unansweredInbound(s.timeline())).toEqual({ factor: null, nextChangeAt: at(0, 19) });
  });

  it('answered by any message from us after it (email, chat, a call)', () => {
    for (const reply of [
      (s: Story) => s.email(at(-2), { from: 'riley@ourco.com', to: 'dana@acme.com', text: 'Attached.' }),
      (s: Story) => s.chat(at(-2), 'riley@ourco.com', 'Sent it over just now.'),
      (s: Story) => s.meeting(at(-2), 'Sync', ['dana@acme.com', 'riley@ourco.com'], [['Riley Chen', 'I resent the invoice.']]),
    ]) {
      const s = story();
      s.email(at(-3), { from: 'dana@acme.com', to: 'riley@ourco.com', text: 'Can you resend the October invoice?' });
      reply(s);
      expect(unansweredInbound(s.timeline()).factor).toBeNull();
    }
  });

  it('a Slack question counts; statements and our own questions do not', () => {
    const s = story();
    s.chat(at(-2), 'dana@acme.com', 'Is the SSO fix shipping this week?', 'acme-shared');
    expect(unansweredInbound(s.timeline()).factor!.explanation).toMatch(/^Dana Ruiz asked a question \(message in #acme-shared\) 2 days ago/);
    const calm = story();
    calm.email(at(-3), { from: 'dana@acme.com', to: 'riley@ourco.com', text: 'Thanks, all good on our side.' });
    calm.email(at(-4), { from: 'riley@ourco.com', to: 'dana@acme.com', text: 'Could you confirm the date?' });
    expect(unansweredInbound(calm.timeline()).factor).toBeNull();
  });

  it('several open questions: waiting since the oldest, all counted', () => {
    const s = story();
    s.email(at(-4), { from: 'dana@acme.com', to: 'riley@ourco.com', subject: 'Invoice', text: 'Can you resend the invoice?' });
    s.email(at(-2), { from: 'dana@acme.com', to: 'riley@ourco.com', subject: 'Invoice', text: 'Any update?' });
    const f = unansweredInbound(s.timeline()).factor!;
    expect(f.explanation).toMatch(/4 days ago and nobody has replied \(2 messages waiting\)/);
    expect(f.weight).toBe(26);
  });

  it('questions older than the look-back are silence, not an open question', () => {
    const s = story();
    s.email(at(-40), { from: 'dana@acme.com', to: 'riley@ourco.com', text: 'Can you resend the invoice?' });
    expect(unansweredInbound(s.timeline()).factor).toBeNull();
  });
});

describe('unanswered_inbound and internal work', () => {
  it('an internal meeting does not answer the customer', () => {
    const s = story();
    s.email(at(-3), { from: 'dana@acme.com', to: 'riley@ourco.com', text: 'Can you resend the October invoice?' });
    s.meeting(at(-2), 'Billing sync (internal)', ['riley@ourco.com', 'jo@ourco.com'], [['Riley Chen', 'Dana needs the invoice.']]);
    expect(unansweredInbound(s.timeline()).factor).not.toBeNull();
  });
});
