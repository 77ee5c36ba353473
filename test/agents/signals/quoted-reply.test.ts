import { describe, expect, it } from 'vitest';
import { isForwardSubject, stripQuotedReply } from '../../../agents/signals/parsers/quoted-reply.js';
import { stripQuotedReply as fromEmailModule } from '../../../agents/signals/parsers/email.js';

describe('stripQuotedReply', () => {
  it('is exported by the email parser too', () => {
    expect(fromEmailModule).toBe(stripQuotedReply);
  });

  it.each([
    ['Gmail', 'Sounds good.\n\nOn Tue, Nov 17, 2026 at 10:00 AM Sam <sam@ourco.com> wrote:\n> old text\n> more', 'Sounds good.'],
    ['Gmail, attribution wrapped over two lines', 'Thanks, works for us.\n\nOn Mon, Nov 16, 2026 at 9:00 AM Sam Patel <sam@ourco.com>\nwrote:\n> Happy to help.', 'Thanks, works for us.'],
    ['French, wrapped', 'Merci.\n\nLe lun. 16 nov. 2026 à 09:00, Sam Patel <sam@ourco.com> a\nécrit :\n> vieux', 'Merci.'],
    ['German', 'Passt.\n\nAm 16.11.2026 um 09:00 schrieb Sam Patel <sam@ourco.com>:\n> alt', 'Passt.'],
    ['"Name <address> wrote:" without a date', 'Agreed.\nSam Patel <sam@ourco.com> wrote:\n> old', 'Agreed.'],
    ['Outlook -----Original Message-----', 'Yes.\n-----Original Message-----\nFrom: Sam\nSent: Monday\n\nold', 'Yes.'],
    ['Outlook From:/Sent: block', 'Sounds good.\n\nFrom: Sam Patel <sam@ourco.com>\nSent: Monday, November 16, 2026 9:00 AM\nTo: Dana\nSubject: RE: x\n\nold stuff', 'Sounds good.'],
    ['Outlook block under a rule', 'OK.\n\n________________________________\nFrom: Sam Patel <sam@ourco.com>\nSent: Monday\nTo: Dana\n\nold', 'OK.'],
    ['inline answers between quoted lines', 'See my answers inline.\n> Q1?\nA1 yes\n> Q2?\nA2 no', 'See my answers inline.\nA1 yes\nA2 no'],
    ['a reply written below the quote', 'On Mon, Nov 16, 2026 at 9:00 AM Sam wrote:\n> Can you do Tuesday?\n\nTuesday works.', 'Tuesday works.'],
    ['an attribution over unquoted history (HTML mail)', 'Sure.\n\nOn Mon, Nov 16, 2026 at 9:00 AM Sam wrote:\n\nold unquoted history', 'Sure.'],
    ['a message that is only a quote', '> all quoted', ''],
    ['a body line that merely starts with "From:"', 'From: our perspective this is fine.\nThanks', 'From: our perspective this is fine.\nThanks'],
    ['a signature is not a quote', 'Ok.\n\n-- \nDana Ruiz\nVP Ops', 'Ok.\n\n-- \nDana Ruiz\nVP Ops'],
    ['CRLF line ends', 'Fine.\r\n\r\nOn Mon, Nov 16, 2026 Sam wrote:\r\n> x', 'Fine.'],
  ])('%s', (_name, text, expected) => {
    expect(stripQuotedReply(text)).toBe(expected);
  });

  it('keeps a forwarded message with its header and cuts the reply history inside it', () => {
    const text = 'FYI\n\n---------- Forwarded message ---------\nFrom: Ken <ken@acme.com>\nDate: Mon, Nov 16, 2026\nSubject: x\nTo: Dana\n\nForwarded body.\n\nOn Sun, Nov 15, 2026 Dana wrote:\n> q';
    expect(stripQuotedReply(text)).toBe('FYI\n\n---------- Forwarded message ---------\nFrom: Ken <ken@acme.com>\nDate: Mon, Nov 16, 2026\nSubject: x\nTo: Dana\n\nForwarded body.');
    expect(stripQuotedReply('Look:\n\nBegin forwarded message:\n\nFrom: Ken <ken@acme.com>\nDate: Mon\nSubject: x\n\nApple Mail forward.')).toMatch(/Apple Mail forward\.$/);
  });

  it('an Outlook header block is a forward only when the subject says so', () => {
    const text = 'FYI\n\nFrom: Ken <ken@acme.com>\nSent: Monday\nTo: Dana\nSubject: x\n\nForwarded body.\n\nFrom: Dana\nSent: Sunday\nTo: Ken\n\nolder';
    expect(stripQuotedReply(text)).toBe('FYI');
    expect(stripQuotedReply(text, { forwarded: true })).toBe('FYI\n\nFrom: Ken <ken@acme.com>\nSent: Monday\nTo: Dana\nSubject: x\n\nForwarded body.');
  });

  it('isForwardSubject', () => {
    expect(['Fwd: x', 'FW: x', 'Fw:x', 'WG: x', 'TR: x'].map(isForwardSubject)).toEqual([true, true, true, true, true]);
    expect(['Re: Fwd: x', 'Forward planning', 'x'].map(isForwardSubject)).toEqual([false, false, false]);
  });
});
