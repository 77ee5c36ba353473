// Mail whose bytes and labels disagree (classes found by running the importer over other projects'
// MIME test suites and mailing-list archives): raw 8-bit bytes inside a Q-encoded word, an encoded word
// labelled UTF-8 over Latin-1, encoded names in archive addresses, 8-bit headers in the charset the message
// declares, text parts labelled UTF-8 over Latin-1 bytes in quoted-printable, base64 or any part of a
// multipart message, and a blank line written before the header. None may come out garbled or empty.
import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../../agents/signals/parsers/email.js';
import { detectFormat, parseAny } from '../../../agents/signals/detect.js';
import { as, opts } from './helpers.js';

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const read = async (raw: Buffer) => {
  const r = await parseEmail(raw, opts);
  expect(r.rejected).toEqual([]);
  return { r, mail: as('email', r.items[0]?.signal) };
};
const head = (...lines: string[]) => ['From: Jose Ibanez <jose@acmefreight.com>', 'To: sam@ourco.com', 'Date: Wed, 04 Mar 2026 10:15:00 +0100', 'Message-ID: <h9-cs@acmefreight.com>', ...lines].join('\r\n');

describe('headers', () => {
  it('8-bit bytes left raw inside a Q-encoded word are read in that word\'s charset', async () => {
    const raw = latin1(`${head('Subject: =?iso-8859-1?Q?R\xe9sum\xe9_of_the_pilot?=', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=us-ascii')}\r\n\r\nSee attached.\r\n`);
    const { mail } = await read(raw);
    expect(mail.subject).toBe('R\u00e9sum\u00e9 of the pilot');
  });

  it('raw 8-bit headers are read in the charset the message declares, not a guess from a few bytes', async () => {
    const raw = latin1(`${head('Subject: Gr\xfc\xdfe aus M\xfcnchen', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset="iso-8859-1"', 'Content-Transfer-Encoding: base64')}\r\n\r\n${Buffer.from('Bis bald.\r\n').toString('base64')}\r\n`);
    const { r, mail } = await read(raw);
    expect(mail.subject).toBe('Gr\u00fc\u00dfe aus M\u00fcnchen');
    expect(r.warnings?.[0].reason).toMatch(/decoded as iso-8859-1 \(the charset the message declares\)/);
  });
});

describe('encoded words', () => {
  it('a word labelled UTF-8 over a Latin-1 byte is read with a guess, not as U+FFFD', async () => {
    const raw = Buffer.from(`${head('Subject: =?utf-8?Q?Contrase=F1a_y_acceso?=')}\r\n\r\nHola.\r\n`);
    const { mail } = await read(raw);
    expect(mail.subject).toBe('Contrase\u00f1a y acceso');
  });

  it('the name of a mailing-list archive address ("x at y (name)") is decoded', async () => {
    const raw = Buffer.from(['From: tomas.novak at lumenport.example (=?ISO-8859-2?Q?Tom=E1=B9_Nov=E1k?=)', 'Date: Wed, 04 Mar 2026 10:15:00 +0100', 'Subject: [users] Export question', '', 'Is the export weekly?', ''].join('\n'));
    const { mail } = await read(raw);
    expect(mail.from).toEqual({ email: 'tomas.novak@lumenport.example', name: 'Tom\u00e1\u0161 Nov\u00e1k' });
  });

  it('an archive address written with raw 8-bit bytes keeps its letters', async () => {
    const raw = latin1(['From: jurgen.weiss at lumenport.example (J\xfcrgen Wei\xdf)', 'Date: Wed, 04 Mar 2026 10:15:00 +0100', 'Subject: [users] Renewal', '', 'See you in M\xfcnchen.', ''].join('\n'));
    const { mail } = await read(raw);
    expect(mail.from).toEqual({ email: 'jurgen.weiss@lumenport.example', name: 'J\u00fcrgen Wei\u00df' });
  });
});

describe('text parts whose label their bytes contradict', () => {
  it('a multipart message\'s quoted-printable part labelled utf-8 but written in Latin-1', async () => {
    const raw = latin1([head('Subject: Pricing', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b-h9"'), '',
      '--b-h9', 'Content-Type: text/plain;', '    charset="utf-8"', 'Content-Transfer-Encoding: quoted-printable', '',
      'The r=E9duction of 12 % holds until F=E9vrier, na=EFve as that sounds.', '',
      '--b-h9', 'Content-Type: text/html; charset="utf-8"', '', '<p>The r\xe9duction</p>', '--b-h9--', ''].join('\r\n'));
    const { r, mail } = await read(raw);
    expect(mail.text).toBe('The r\u00e9duction of 12 % holds until F\u00e9vrier, na\u00efve as that sounds.');
    expect(mail.text).not.toContain('\ufffd');
    expect(r.warnings?.[0].reason).toMatch(/a text part declared utf-8 is not UTF-8: decoded as windows-1252 \(a guess\)/);
  });

  it('a single base64 body labelled UTF-8 but written in Latin-1', async () => {
    const body = latin1('Le caf\xe9 est pr\xeat pour jeudi.\r\n').toString('base64');
    const raw = latin1(`${head('Subject: Jeudi', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64')}\r\n\r\n${body}\r\n`);
    const { mail } = await read(raw);
    expect(mail.text.trim()).toBe('Le caf\u00e9 est pr\u00eat pour jeudi.');
  });

  it('a part labelled Latin-1 that is really UTF-8 is read as UTF-8, and a correct label is left alone', async () => {
    const raw = Buffer.from([head('Subject: Mixed', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=zz'), '',
      '--zz', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: 8bit', '', 'Z\u00fcrich confirmed.', '',
      '--zz', 'Content-Type: text/plain; charset=utf-8', 'Content-Disposition: attachment; filename="notes.txt"', '', 'Sm\u00f8rrebr\u00f8d', '--zz--', ''].join('\r\n'), 'utf8');
    const { r, mail } = await read(raw);
    expect(mail.text.trim()).toBe('Z\u00fcrich confirmed.');
    expect(r.warnings).toEqual([{ position: 'message 1', reason: 'a text part declared iso-8859-1 is UTF-8: read as UTF-8' }]);
  });

  it('valid UTF-8 under a UTF-8 label gives no warning', async () => {
    const raw = Buffer.from(`${head('Subject: Fine', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable')}\r\n\r\nNa=C3=AFve but fine.\r\n`, 'utf8');
    const { r, mail } = await read(raw);
    expect(mail.text.trim()).toBe('Na\u00efve but fine.');
    expect(r.warnings).toBeUndefined();
  });
});

describe('a blank line before the header', () => {
  it('is detected as mail and read, not a message with no header', async () => {
    const raw = Buffer.from(`      \r\n${head('Subject: Leading blank')}\r\n\r\nHello there.\r\n`);
    expect(detectFormat(raw)).toBe('eml');
    const r = await parseAny(raw, opts);
    expect(r.rejected).toEqual([]);
    expect(as('email', r.items[0].signal)).toMatchObject({ subject: 'Leading blank', from: { email: 'jose@acmefreight.com' } });
  });

  it('nor does indentation before the first header line (pasted mail)', async () => {
    const raw = Buffer.from(`  ${head('Subject: Pasted')}\r\n\r\nForwarding the thread.\r\n`);
    expect(detectFormat(raw)).toBe('eml');
    const r = await parseAny(raw, opts);
    expect(as('email', r.items[0]?.signal)).toMatchObject({ subject: 'Pasted', from: { email: 'jose@acmefreight.com' } });
  });
});
