import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { parseMbox, splitMbox } from '../../../agents/signals/parsers/mbox.js';
import { as, collect, fixture, opts } from './helpers.js';

const envelope = (i: number) => `From buyer${i}@acmefreight.com Mon Nov 16 10:${String(i % 60).padStart(2, '0')}:00 2026`;
const messageText = (i: number) => [
  envelope(i), `From: Buyer ${i} <buyer${i}@acmefreight.com>`, 'To: sam@ourco.com', `Subject: Note ${i}`,
  `Date: Mon, 16 Nov 2026 10:${String(i % 60).padStart(2, '0')}:00 +0000`, `Message-ID: <m${i}@acmefreight.com>`, '',
  `Hello ${i}.`, '', `>From the desk of buyer ${i}.`, '',
].join('\n');

describe('parseMbox', () => {
  it('returns the good messages and reports the corrupt one with its index and line', async () => {
    const results = await collect(parseMbox(Readable.from([fixture('archive.mbox')]), opts));
    expect(results).toHaveLength(4); // one result a message
    const items = results.flatMap((r) => r.items);
    expect(items.map((i) => i.signal.externalId)).toEqual(['<kickoff-1@acmefreight.com>', '<kickoff-2@ourco.com>', '<attendees-1@acmefreight.com>']);
    expect(results.flatMap((r) => r.rejected)).toEqual([{ position: 'message 3 (line 26)', reason: 'no From address' }]);

    const [first, reply, last] = items.map((i) => as('email', i.signal));
    expect(first).toMatchObject({ direction: 'inbound', text: 'Can we do the kickoff on Thursday?', threadId: '<kickoff-1@acmefreight.com>' });
    // ">From " is unescaped, and the quoted reply under it is stripped.
    expect(reply).toMatchObject({ direction: 'outbound', threadId: '<kickoff-1@acmefreight.com>', inReplyTo: '<kickoff-1@acmefreight.com>' });
    expect(reply.text).toBe('Thursday works.\n\nFrom the agenda: security first.');
    // A body line starting "From " that follows no blank line is not a message boundary;
    // no Date header: the envelope line's time is used.
    expect(last.text).toBe('I will bring our security lead.\nFrom the security side we need SSO.');
    expect(last.occurredAt).toBe('2026-11-17T08:15:00.000Z');
  });

  it('reads a Buffer, a string and a CRLF archive the same way', async () => {
    const text = [messageText(1), messageText(2)].join('\n');
    const ids = async (input: Parameters<typeof parseMbox>[0]) => (await collect(parseMbox(input))).flatMap((r) => r.items.map((i) => i.signal.externalId));
    const expected = ['<m1@acmefreight.com>', '<m2@acmefreight.com>'];
    expect(await ids(Buffer.from(text))).toEqual(expected);
    expect(await ids(text)).toEqual(expected);
    expect(await ids(Buffer.from(text.replace(/\n/g, '\r\n')))).toEqual(expected);
    const crlf = (await collect(parseMbox(text.replace(/\n/g, '\r\n')))).map((r) => as('email', r.items[0].signal).text);
    expect(crlf[0]).toBe('Hello 1.\n\nFrom the desk of buyer 1.');
  });

  it('keeps every byte of a non-UTF-8 message intact across chunk boundaries', async () => {
    const latin1 = Buffer.concat([Buffer.from('From rene@acmefreight.com Thu Nov 19 13:00:00 2026\n'), fixture('latin1.eml')]);
    // Split into 5-byte chunks, so lines and the 8-bit characters are cut mid-way.
    const chunks = Array.from({ length: Math.ceil(latin1.length / 5) }, (_, i) => latin1.subarray(i * 5, i * 5 + 5));
    const [r] = await collect(parseMbox(Readable.from(chunks), opts));
    expect(as('email', r.items[0].signal).text).toMatch(/Merci, René$/);
  });
});

describe('splitMbox streams', () => {
  it('2,000 messages come out one at a time, while the input is still being read', async () => {
    let produced = 0;
    const total = 2000;
    async function* source() {
      // Chunks of 300 bytes: messages and lines are cut at arbitrary places.
      let pending = '';
      for (let i = 0; i < total; i += 1) {
        pending += `${messageText(i)}\n`;
        while (pending.length >= 300) {
          produced += 1;
          yield Buffer.from(pending.slice(0, 300));
          pending = pending.slice(300);
        }
      }
      produced += 1;
      yield Buffer.from(pending);
    }
    let n = 0;
    let producedAtFirst = -1;
    let largest = 0;
    for await (const m of splitMbox(source())) {
      if (n === 0) producedAtFirst = produced;
      expect(m.index).toBe(n);
      largest = Math.max(largest, m.raw.length);
      n += 1;
    }
    expect(n).toBe(total);
    expect(producedAtFirst).toBeLessThanOrEqual(3); // the first message left before the rest was read
    expect(largest).toBeLessThan(300); // each message on its own, never the archive
  });

  it('reports each message with its envelope line and date', async () => {
    const messages = await collect(splitMbox(Readable.from([Buffer.from([messageText(1), messageText(2)].join('\n'))])));
    expect(messages.map((m) => [m.index, m.line, m.envelopeDate])).toEqual([[0, 1, '2026-11-16T10:01:00.000Z'], [1, 12, '2026-11-16T10:02:00.000Z']]);
    expect(messages[0].raw.toString()).toMatch(/^From: Buyer 1/); // the envelope line is not part of the message
    expect(messages[0].raw.toString()).toMatch(/\nFrom the desk of buyer 1\.$/); // unescaped; the separating blank line dropped
  });

  it('reads envelope dates with a zone (Gmail takeout) and "From -" envelopes (Thunderbird)', async () => {
    const text = 'From 1783@xxx Sat Jan 03 23:59:06 +0100 2026\nFrom: a@b.co\n\nx\n\nFrom - Mon Nov 16 10:00:00 2026\nFrom: c@d.co\n\ny\n';
    expect((await collect(splitMbox(text))).map((m) => m.envelopeDate)).toEqual(['2026-01-03T22:59:06.000Z', '2026-11-16T10:00:00.000Z']);
  });

  it('parses a generated archive of 300 messages cut into 7-byte chunks', async () => {
    const text = Array.from({ length: 300 }, (_, i) => messageText(i)).join('\n');
    const chunks = Array.from({ length: Math.ceil(text.length / 7) }, (_, i) => text.slice(i * 7, i * 7 + 7));
    const results = await collect(parseMbox(Readable.from(chunks), opts));
    expect(results.flatMap((r) => r.rejected)).toEqual([]);
    expect(results.map((r) => r.items[0].signal.externalId)).toEqual(Array.from({ length: 300 }, (_, i) => `<m${i}@acmefreight.com>`));
  });
});
