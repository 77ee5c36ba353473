// Mail whose bytes and labels disagree, third pass (classes found by running the importer over other
// projects' MIME test suites: flanker, MimeKit, letters): one header field in Latin-1 beside UTF-8
// ones, a UTF-8 field with a stray byte, a text part with no charset inside a message that names
// one, 7-bit Japanese (ISO-2022-JP) in a part with no charset, and a UTF-8 part with a damaged byte.
// None may come out as mojibake, as escape codes or as another script.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../../agents/signals/parsers/email.js';
import { as, opts } from './helpers.js';

const read = async (raw: Buffer) => {
  const r = await parseEmail(raw, opts);
  expect(r.rejected).toEqual([]);
  return { r, mail: as('email', r.items[0]?.signal) };
};
const bytes = (...pieces: Array<string | Buffer>) => Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
const head = ['From: Oksana Petrenko <oksana@brightmill.example>', 'To: dev@ourco.com', 'Date: Tue, 10 Mar 2026 09:30:00 +0200', 'Message-ID: <h10-cs@brightmill.example>'].join('\r\n');

describe('8-bit headers, field by field', () => {
  it('a Latin-1 field added by a relay does not garble the UTF-8 subject', async () => {
    const raw = bytes(head, '\r\nX-Relay-Note: gepr\xfcft in K\xf6ln\r\nSubject: ', Buffer.from('Оновлення договору', 'utf8'), '\r\n\r\nДобрий день.\r\n');
    const { mail } = await read(raw);
    expect(mail.subject).toBe('Оновлення договору');
  });

  it('a UTF-8 name with one stray byte keeps its letters', async () => {
    const raw = bytes('From: ', Buffer.from('Олена Коваль', 'utf8'), '\xe9 <olena@brightmill.example>\r\nTo: dev@ourco.com\r\nDate: Tue, 10 Mar 2026 09:30:00 +0200\r\nSubject: hi\r\n\r\nHello.\r\n');
    const { r, mail } = await read(raw);
    expect(mail.from.name).toBe('Олена Ковальé');
    expect(r.warnings?.[0].reason).toMatch(/stray bytes/);
  });
});

describe('a text part with no charset', () => {
  const signed = (charsetParam: string, part: Buffer, cte = '8bit') => bytes(head, '\r\nSubject: Signed\r\nMIME-Version: 1.0\r\n',
    `Content-Type: multipart/signed; ${charsetParam}protocol="application/pkcs7-signature"; boundary="sig-7"\r\n\r\n`,
    `--sig-7\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: ${cte}\r\n\r\n`, part, '\r\n--sig-7\r\nContent-Type: application/pkcs7-signature\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n--sig-7--\r\n');

  it('is read in the charset the message names, not a guess in another script', async () => {
    const text = 'Ελάτε στη συνάντηση της Τρίτης για τον προϋπολογισμό.';
    const { r, mail } = await read(signed('charset="iso-8859-7"; ', iconv.encode(text, 'iso-8859-7')));
    expect(mail.text).toBe(text);
    expect(r.warnings?.[0].reason).toMatch(/decoded as iso-8859-7 \(the charset the message declares\)/);
  });

  it('holding ISO-2022-JP escapes is read as Japanese', async () => {
    const { mail } = await read(signed('', Buffer.from('\x1b$BMh=5$N2q5D$N;qNA$G$9!#\x1b(B', 'latin1'), '7bit'));
    expect(mail.text).toBe('来週の会議の資料です。');
  });
});

describe('a UTF-8 part with a damaged byte', () => {
  it('stays UTF-8: one byte lost, not every letter', async () => {
    const body = Buffer.concat([Buffer.from('Дякую за зустріч, надішлю рахунок завтра', 'utf8'), Buffer.from([0xd0]), Buffer.from('.', 'utf8')]);
    const raw = bytes(head, '\r\nSubject: Re: invoice\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n',
      body.toString('base64'), '\r\n--b1--\r\n');
    const { mail } = await read(raw);
    expect(mail.text).toMatch(/^Дякую за зустріч, надішлю рахунок завтра/);
  });
});

describe('a byte-order mark before the header', () => {
  it('is dropped: the From line after it is read', async () => {
    const raw = Buffer.from(`\uFEFF${head}\r\nSubject: Abuse report\r\n\r\nSee attached.\r\n`, 'utf8');
    const { mail } = await read(raw);
    expect(mail.from.email).toBe('oksana@brightmill.example');
  });
});

describe('HTML labelled text/plain', () => {
  const alternative = (second: string) => bytes(head, '\r\nSubject: Pilot\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="alt-3"\r\n\r\n',
    '--alt-3\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThe pilot starts Monday.\r\n\r\nThanks,\r\nOksana\r\n',
    `--alt-3\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n${second}\r\n--alt-3--\r\n`);

  it('the HTML copy of the text is left out, not stored as markup', async () => {
    const { mail } = await read(alternative('<div dir="ltr"><div>The pilot starts Monday.</div><div><br></div><div>Thanks,</div><div>Oksana</div></div>'));
    expect(mail.text).toBe('The pilot starts Monday.\n\nThanks,\nOksana');
  });

  it('HTML that says more is read as HTML', async () => {
    const { mail } = await read(alternative('<div>Legal signed off too &amp; the PO is <b>attached</b>.</div>'));
    expect(mail.text).toContain('Legal signed off too & the PO is attached.');
    expect(mail.text).not.toMatch(/<div|&amp;/);
  });
});
