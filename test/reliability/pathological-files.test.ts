// Files that break importers, through the real import route (multipart, PGlite, the real parsers):
// an mbox over the upload limit, declared and undeclared (a chunked request with no Content-Length);
// MIME nested 300 levels deep; JSON nested 100,000 levels deep, as an import and as a request body;
// a one-line 1 MB transcript (WebVTT and SRT); undeclared and mis-declared charsets. Each: the
// answer a person would want, a 4xx saying what is wrong where it is refused, and every table's
// rows as they were after a refusal. A CR/LF in a drafted subject or recipient is covered where the
// draft is sent: test/workflows/actions-state.test.ts (subject, to, inReplyTo), actions.test.ts
// (the SMTP listener gets nothing) and test/api/decision.test.ts (an edit is refused by field).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { ADMIN_TOKEN } from '../helpers/stack.js';
import { multipart } from '../helpers/multipart.js';
import { changedTables, fuzzApp, rowCounter, type FuzzApp } from '../fuzz/harness.js';

const LIMIT = 2 * 1024 * 1024;
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
let f: FuzzApp;
let counts: () => Promise<Record<string, number>>;
beforeAll(async () => { f = await fuzzApp({ maxUploadBytes: LIMIT }); counts = await rowCounter(f.db); }, 120_000);
afterAll(async () => { await f?.close(); });

async function importFiles(files: Array<{ name: string; content: Buffer | string }>, fields: Record<string, string> = {}, opts: { chunked?: boolean } = {}) {
  const { payload, headers } = await multipart(files, fields);
  // A stream payload is sent without a Content-Length, as a chunked upload is.
  const body = opts.chunked ? Readable.from([payload.subarray(0, 65_536), payload.subarray(65_536)]) : payload;
  return f.app.inject({ method: 'POST', url: '/v1/accounts/acme/signals/import', headers: { ...auth, ...headers }, payload: body });
}

const latestSignal = async () => (await f.db.pool.query("select kind, payload from signals where account_id = 'acme' order by received_at desc, occurred_at desc limit 1")).rows[0] as { kind: string; payload: Record<string, unknown> };

const message = (i: number) => `From dana@acme.com Mon Nov 16 09:00:00 2026\nFrom: dana@acme.com\nTo: sam@ourco.com\nSubject: Note ${i}\nMessage-ID: <big-${i}@acme.com>\nDate: Mon, 16 Nov 2026 09:00:00 +0000\n\n${'Can you send the pricing for the renewal? '.repeat(5)}\n`;
const bigMbox = Array.from({ length: 6000 }, (_, i) => message(i)).join('\n');

describe('an mbox over the upload limit', () => {
  it('declared (Content-Length): 413 before anything is read, nothing stored', async () => {
    expect(bigMbox.length).toBeGreaterThan(LIMIT);
    const before = await counts();
    const res = await importFiles([{ name: 'archive.mbox', content: bigMbox }]);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().message).toMatch(/^file: the upload is \d+ bytes, over the limit of 2097152 bytes; nothing was stored$/);
    expect(changedTables(before, await counts())).toEqual([]);
  });

  it('chunked (no Content-Length): 413 naming the file, nothing stored (the mbox is spooled, then parsed)', async () => {
    const before = await counts();
    const res = await importFiles([{ name: 'archive.mbox', content: bigMbox }], {}, { chunked: true });
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().message).toBe('file: archive.mbox is larger than the upload limit of 2097152 bytes; nothing of it was stored');
    expect(changedTables(before, await counts())).toEqual([]);
  });

  it('the same mbox under the limit is stored, streamed message by message', async () => {
    const res = await importFiles([{ name: 'archive.mbox', content: Array.from({ length: 600 }, (_, i) => message(i)).join('\n') }], {}, { chunked: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'mbox', stored: 600, rejected: [] });
  });
});

describe('deep nesting', () => {
  it('MIME nested 300 levels deep: the text at the bottom is read, in well under a second', async () => {
    let body = 'Content-Type: text/plain\r\n\r\nThe text at the bottom: can you send the pricing?';
    for (let i = 0; i < 300; i++) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--\r\n`;
    const eml = `From: dana@acme.com\r\nTo: sam@ourco.com\r\nSubject: Nested\r\nMessage-ID: <nested-300@acme.com>\r\nDate: Mon, 16 Nov 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n${body}`;
    const t0 = Date.now();
    const res = await importFiles([{ name: 'nested.eml', content: eml }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'eml', stored: 1 });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect((await latestSignal()).payload.text).toContain('The text at the bottom: can you send the pricing?');
  });

  it('JSON nested 100,000 levels deep: an import says the file is unreadable, a request body is a 400; nothing stored', async () => {
    const deep = `{"signals":[{"kind":"note","occurredAt":"2026-11-20T10:00:00Z","text":"x","extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
    const before = await counts();
    const asFile = await importFiles([{ name: 'deep.json', content: deep }]);
    expect(asFile.statusCode, asFile.body).toBeLessThan(500);
    const asBody = await f.app.inject({ method: 'POST', url: '/v1/accounts/acme/signals', headers: { ...auth, 'content-type': 'application/json' }, payload: `${'['.repeat(100_000)}${']'.repeat(100_000)}` });
    expect(asBody.statusCode, asBody.body).toBe(400);
    expect(asBody.json().message).toMatch(/^body\./);
    // The note itself is a valid signal: the unknown deep field is dropped, the note kept (or, if not, nothing).
    const changed = changedTables(before, await counts());
    expect(changed.every((c) => c.startsWith('signals '))).toBe(true);
  });
});

describe('a one-line 1 MB transcript', () => {
  const line = 'We will sign the renewal next week if legal agrees. '.repeat(20_000);
  it('WebVTT: stored whole, as turns of at most 50,000 characters split between words, in seconds', async () => {
    expect(line.length).toBeGreaterThan(1_000_000);
    const t0 = Date.now();
    const res = await importFiles([{ name: 'long.vtt', content: `WEBVTT\n\n00:00:01.000 --> 00:59:00.000\n<v Dana Ruiz>${line}\n` }], { occurredAt: '2026-11-20T10:00:00Z' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'vtt', stored: 1, rejected: [] });
    expect(Date.now() - t0).toBeLessThan(10_000);
    const s = await latestSignal();
    expect(s.kind).toBe('meeting');
    const turns = s.payload.transcript as Array<{ speaker: string; text: string }>;
    expect(turns.length).toBeGreaterThan(20);
    expect(turns.every((t) => t.speaker === 'Dana Ruiz' && t.text.length <= 50_000)).toBe(true);
    expect(turns.map((t) => t.text).join(' ')).toBe(line.trim());
  });

  it('SRT: the same', async () => {
    const res = await importFiles([{ name: 'long.srt', content: `1\n00:00:01,000 --> 00:59:00,000\nDana Ruiz: ${line}\n` }], { occurredAt: '2026-11-21T10:00:00Z' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'srt', stored: 1, rejected: [] });
    const turns = (await latestSignal()).payload.transcript as Array<{ speaker: string; text: string }>;
    expect(turns.every((t) => t.speaker === 'Dana Ruiz')).toBe(true);
    expect(turns.map((t) => t.text).join(' ')).toBe(line.trim());
  });
});

describe('charsets undeclared and mis-declared', () => {
  const eml = (id: string, extraHeaders: string, body: Buffer | string, subject = 'Pricing') => Buffer.concat([
    Buffer.from(`From: dana@acme.com\r\nTo: sam@ourco.com\r\nSubject: `, 'latin1'), Buffer.isBuffer(subject) ? subject : Buffer.from(subject, 'latin1'),
    Buffer.from(`\r\nMessage-ID: <${id}@acme.com>\r\nDate: Mon, 16 Nov 2026 09:00:00 +0000\r\n${extraHeaders}\r\n`, 'latin1'),
    Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'),
  ]);
  const cases: Array<[string, Buffer, RegExp, string]> = [
    ['Latin-1 bytes, no charset (headers too)', eml('cs-1', '', 'The caf\xe9 r\xe9sum\xe9 for Z\xfcrich, \xe0 bient\xf4t.\r\n', 'Caf\xe9 pricing'), /no charset declared but the text is not UTF-8: decoded as windows-1252/, 'The café résumé for Zürich, à bientôt.'],
    ['declared UTF-8, really Windows-1252', eml('cs-2', 'Content-Type: text/plain; charset=utf-8\r\n', 'The caf\xe9 \x93quote\x94 for Z\xfcrich.\r\n'), /declared utf-8 but the text is not UTF-8: decoded as windows-1252/, 'The café “quote” for Zürich.'],
    ['declared ISO-8859-1, really UTF-8', eml('cs-3', 'Content-Type: text/plain; charset=iso-8859-1\r\n', Buffer.from('The café résumé for Zürich.\r\n', 'utf8')), /declared iso-8859-1 but the text is UTF-8/, 'The café résumé for Zürich.'],
    ['a charset that does not exist', eml('cs-4', 'Content-Type: text/plain; charset=x-no-such-charset\r\n', Buffer.from('The café for Zürich.\r\n', 'utf8')), /^$/, 'The café for Zürich.'],
  ];
  for (const [name, bytes, warning, text] of cases) {
    it(name, async () => {
      const res = await importFiles([{ name: 'message.eml', content: bytes }]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().stored).toBe(1);
      const warnings = (res.json().warnings ?? []).map((w: { reason: string }) => w.reason).join('; ');
      expect(warnings).toMatch(warning);
      const s = await latestSignal();
      expect(s.payload.text).toBe(text);
      expect(JSON.stringify(s.payload)).not.toContain('\uFFFD');
    });
  }

  it('a Windows-1252 transcript without a BOM is decoded with a warning', async () => {
    const res = await importFiles([{ name: 'call.vtt', content: Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v Ren\xe9e>The caf\xe9 pricing \x93works\x94.\n', 'latin1') }], { occurredAt: '2026-11-22T10:00:00Z' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().warnings[0].reason).toMatch(/decoded as windows-1252 \(a guess\)/);
    expect((await latestSignal()).payload.transcript).toEqual([expect.objectContaining({ speaker: 'Renée', text: 'The café pricing “works”.' })]);
  });
});
