import { describe, expect, it } from 'vitest';
import { automatedKind, isAutoReplyNotice } from '../../../agents/perception/auto.js';
import type { Signal } from '../../../agents/signals/schema.js';

const email = (text: string, subject = 'Re: rollout', auto?: Extract<Signal, { kind: 'email' }>['auto']): Signal => ({
  id: 'e1', accountId: 'a', source: 't', externalId: 'x', occurredAt: '2026-11-10T10:00:00Z', receivedAt: '2026-11-10T10:00:00Z',
  kind: 'email', from: { email: 'ines@harbourline.example' }, to: [{ email: 'tom@ourco.com' }], cc: [], subject, text, ...(auto ? { auto } : {}),
} as Signal);

describe('auto-reply: the shape of a notice, not its words', () => {
  it.each([
    'Good morning,\n\nThank you for your message. I am away on a site visit until Wednesday 18 November and will reply as soon as possible after that.\n\nIf it is urgent, please ring the front desk on +31 10 555 0199.\n\nInes Walter',
    'I am on annual leave with no access to e-mail. In my absence please write to planning@harbourline.example.',
    "This is an automated reply. I'm travelling this week and will be back in the office on the 23rd.",
  ])('a whole message that is the notice: %s', (text) => {
    expect(isAutoReplyNotice(text)).toBe(true);
    expect(automatedKind(email(text))).toBe('auto_reply');
  });

  it.each([
    "I'm away on Monday, but before I leave I'll push the corrected rates to your sandbox.",
    "I'm on holiday from the 20th with limited access to email, so I'll sign the order form tomorrow morning.",
    "Quick one before I'm off on leave: the depot in Breda wants six more logins. Can you quote?",
    'Dana is on parental leave until March, so the security review sits with Bram until then.',
    "I'll be out of the office next week at our offsite. Could we move Tuesday's review to the week after?",
  ])('a person telling us something around an absence: %s', (text) => {
    expect(isAutoReplyNotice(text)).toBe(false);
    expect(automatedKind(email(text))).toBeUndefined();
  });

  it('automatic headers and an auto-responder subject decide alone; a subject merely about leave does not', () => {
    expect(automatedKind(email('Will do.', 'Re: rollout', 'auto_reply'))).toBe('auto_reply');
    expect(automatedKind(email('Back next week.', 'Automatic reply: rollout plan'))).toBe('auto_reply');
    expect(automatedKind(email('Noted, thanks.', 'Out of Office'))).toBe('auto_reply');
    expect(automatedKind(email("I'll send the cover plan tomorrow.", 'Re: cover while Bram is on leave'))).toBeUndefined();
    expect(automatedKind(email("I'll send the cover plan tomorrow.", 'Out of office cover for December'))).toBeUndefined();
  });

  it('reads the fresh text, not the quoted history under it', () => {
    const text = "Sure, I'll have the mapping file to you by Thursday.\n\nOn Mon, 9 Nov 2026, Tom <tom@ourco.com> wrote:\n> I'm out of the office until Wednesday with limited access to email.";
    expect(automatedKind(email(text))).toBeUndefined();
  });
});
