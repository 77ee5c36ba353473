import { describe, expect, it } from 'vitest';
import { stripQuotedReply } from '../../../agents/signals/parsers/quoted-reply.js';

// A forward the sender introduces is content even when their client quoted it with ">" lines;
// reply history under the same shapes is still cut.
describe('stripQuotedReply: forwards quoted with ">"', () => {
  it('keeps a pasted forward the sender points at, under a forward marker', () => {
    const text = 'Passing this along from our warehouse manager, see below.\n\n> From: Ines Walter\n> The scanners in bay 4 stopped syncing on Tuesday.\n> Nobody can close a pick list.';
    const out = stripQuotedReply(text);
    expect(out).toContain('Passing this along from our warehouse manager, see below.');
    expect(out).toContain('---------- Forwarded message ---------\nFrom: Ines Walter\nThe scanners in bay 4 stopped syncing on Tuesday.\nNobody can close a pick list.');
  });

  it('keeps the forward under an attribution when the sender announces it, and names its author', () => {
    const text = 'Hi Tom, see below from our finance director. Can you help?\n\nOn Wed, 4 Nov 2026 at 14:20, Petra Lund <petra.lund@harbourline.example> wrote:\n> We need the Q1 invoice split across three cost centres.\n>\n> On Tue, Tom wrote:\n>> older thread\n\nThanks,\nBen';
    expect(stripQuotedReply(text)).toBe('Hi Tom, see below from our finance director. Can you help?\n\n---------- Forwarded message ---------\nFrom: Petra Lund <petra.lund@harbourline.example>\n\nWe need the Q1 invoice split across three cost centres.\n\nThanks,\nBen');
  });

  it('keeps an Apple Mail "Begin forwarded message:" whose header and body are quoted', () => {
    const text = 'FYI, not great news.\n\nBegin forwarded message:\n\n> From: Ola Berg <ola@harbourline.example>\n> Subject: tooling review\n> Date: 3 November 2026 at 11:02:44 CET\n>\n> We will review every logistics tool before the renewal.';
    expect(stripQuotedReply(text)).toBe('FYI, not great news.\n\nBegin forwarded message:\n\nFrom: Ola Berg <ola@harbourline.example>\nSubject: tooling review\nDate: 3 November 2026 at 11:02:44 CET\n\nWe will review every logistics tool before the renewal.');
  });

  it('a Fwd: subject makes the quoted block the forward', () => {
    const text = 'Over to you.\n\nOn Mon, 2 Nov 2026, Rui Costa <rui@harbourline.example> wrote:\n> Could we get two more admin logins?';
    expect(stripQuotedReply(text)).toBe('Over to you.');
    expect(stripQuotedReply(text, { forwarded: true })).toContain('Could we get two more admin logins?');
  });

  it.each([
    ['a plain reply', 'Thanks, Tuesday works.\n\nOn Mon, 2 Nov 2026, Rui Costa <rui@harbourline.example> wrote:\n> Could we meet Tuesday?', 'Thanks, Tuesday works.'],
    ['"see my answers below" over an attributed quote', 'Sure, see my answers below.\n\nOn Mon, 2 Nov 2026, Rui Costa <rui@harbourline.example> wrote:\n> Two questions', 'Sure, see my answers below.'],
    ['inline answers pointed at', 'Comments inline below.\n> Is SSO included?\nYes.\n> And SCIM?\nNext quarter.', 'Comments inline below.\nYes.\nNext quarter.'],
    ['a reply to a message that was itself a forward', 'Got it, thanks.\n\nOn Mon, 2 Nov 2026, Rui Costa <rui@harbourline.example> wrote:\n> Forwarding below\n> ---------- Forwarded message ---------\n> From: Ola\n> body', 'Got it, thanks.'],
    ['a quote after a forward already kept', 'FYI\n\n---------- Forwarded message ---------\nFrom: Ola <ola@x.example>\nDate: Mon\n\nBody one.\n\nOn Sun, Ola wrote:\n> older', 'FYI\n\n---------- Forwarded message ---------\nFrom: Ola <ola@x.example>\nDate: Mon\n\nBody one.'],
    ['an unannounced bare quote', 'Agreed with this part.\n\n> the rollout waits for IT', 'Agreed with this part.'],
  ])('still cuts history: %s', (_name, text, expected) => {
    expect(stripQuotedReply(text)).toBe(expected);
  });

  it('is stable: stripping what it kept keeps it all', () => {
    for (const text of [
      'Forwarding Ken\'s note below.\n\n> From: Ken\n> Sent: Monday\n> To: Ines\n>\n> We are moving the depot to Leeds.',
      'see below from our CTO\n\nKen Ito <ken@x.example> wrote:\n> We are dropping the mobile app.\n>\n> On Sun, Ines wrote:\n>> ok?',
      'Begin forwarded message:\n\n> From: Ken\n> Date: Mon\n>\n> Body.',
    ]) {
      const once = stripQuotedReply(text);
      expect(once).toMatch(/(moving the depot|dropping the mobile app|Body\.)/);
      expect(stripQuotedReply(once)).toBe(once);
    }
  });
});
