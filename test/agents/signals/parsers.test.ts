import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseEmail } from '../../../agents/signals/parsers/email.js';
import { parseMbox, splitMbox } from '../../../agents/signals/parsers/mbox.js';
import { parseGong, parseSrt, parseVtt } from '../../../agents/signals/parsers/transcripts.js';
import { parseUsageCsv } from '../../../agents/signals/parsers/usage-csv.js';
import { parseSegment } from '../../../agents/signals/parsers/segment.js';
import { parseHubspot, parseSalesforce } from '../../../agents/signals/parsers/crm.js';
import { detectFormat } from '../../../agents/signals/detect.js';
import { hubspotSignatureV3, verifyHubspotSignatureV3, verifyHmacSha256 } from '../../../agents/signals/hubspot-signature.js';
import type { SignalInputOf } from '../../../agents/signals/schema.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/signals/${name}`, import.meta.url)));
const opts = { accountDomains: ['acmefreight.com'], ourDomains: ['ourco.com'] };

describe('email', () => {
  it('reads a multipart message with a forwarded thread and an attachment', async () => {
    const r = await parseEmail(fixture('forwarded-thread.eml'), opts);
    expect(r.rejected).toEqual([]);
    const s = r.items[0].signal as SignalInputOf<'email'>;
    expect(s).toMatchObject({
      kind: 'email', occurredAt: '2026-11-17T09:15:00.000Z', externalId: '<CAF-7781@mail.acmefreight.com>', source: 'email',
      from: { email: 'dana@acmefreight.com', name: 'Dana Ruiz' }, cc: [{ email: 'li@acmefreight.com', name: 'Li Wen' }],
      subject: 'Fwd: Security review timeline', threadId: '<thread-root-42@ourco.com>', inReplyTo: '<thread-root-42@ourco.com>', direction: 'inbound',
      attachments: [{ name: 'review-board.pdf', contentType: 'application/pdf' }],
    });
    expect(s.text).toMatch(/Could you get us the SOC 2 report by Friday\?/);
    expect(s.text).toMatch(/We need the vendor questionnaire/); // the forwarded message is kept
    expect(s.text).not.toMatch(/Happy to help with the review/); // the quoted reply is not
    expect(r.items[0].route).toEqual({ email: 'dana@acmefreight.com', domain: 'acmefreight.com' });
  });

  it('extracts text from an HTML-only newsletter and marks it automated', async () => {
    const s = (await parseEmail(fixture('newsletter.eml'), opts)).items[0].signal as SignalInputOf<'email'>;
    expect(s.auto).toBe('newsletter');
    expect(s.text).toMatch(/We are expanding to two new depots this winter\./);
    expect(s.text).not.toMatch(/<p>/);
  });

  it('decodes a declared ISO-8859-1 charset', async () => {
    const s = (await parseEmail(fixture('latin1.eml'), opts)).items[0].signal as SignalInputOf<'email'>;
    expect(s.from.name).toBe('René François');
    expect(s.subject).toBe('Réunion de renouvellement');
    expect(s.text).toMatch(/Merci, René/);
  });

  it('recognises an out-of-office auto-reply', async () => {
    const s = (await parseEmail(fixture('out-of-office.eml'), opts)).items[0].signal as SignalInputOf<'email'>;
    expect(s.auto).toBe('auto_reply');
  });

  it('the same Message-ID gives the same idempotency key', async () => {
    const a = await parseEmail(fixture('forwarded-thread.eml'), opts);
    const b = await parseEmail(fixture('forwarded-thread.eml'), opts);
    expect(a.items[0].signal.externalId).toBe(b.items[0].signal.externalId);
  });
});

describe('mbox', () => {
  const good = (i: number) => `From sender@example.com Mon Nov 16 10:00:00 2026\nFrom: Buyer ${i} <buyer${i}@acmefreight.com>\nTo: sam@ourco.com\nSubject: Note ${i}\nDate: Mon, 16 Nov 2026 10:0${i}:00 +0000\nMessage-ID: <m${i}@acmefreight.com>\n\nHello ${i}.\n>From the desk of buyer ${i}.\n\n`;
  it('skips a corrupt message with its position and keeps the good ones', async () => {
    const corrupt = 'From nobody Mon Nov 16 10:00:00 2026\nThis is not a message at all\n\n';
    const text = good(1) + corrupt + good(2);
    const results = [];
    for await (const r of parseMbox(Readable.from([Buffer.from(text)]), opts)) results.push(r);
    expect(results.flatMap((r) => r.items).map((i) => i.signal.externalId)).toEqual(['<m1@acmefreight.com>', '<m2@acmefreight.com>']);
    expect(results.flatMap((r) => r.rejected)).toEqual([{ position: 'message 2 (line 11)', reason: 'no From address' }]);
    expect((results[0].items[0].signal as SignalInputOf<'email'>).text).toMatch(/^Hello 1\.\nFrom the desk/); // ">From " unescaped
  });

  it('streams: 2,000 messages in small chunks come out one by one', async () => {
    async function* chunks() { for (let i = 0; i < 2000; i += 1) yield Buffer.from(good(i % 10)); }
    let n = 0;
    for await (const m of splitMbox(chunks())) { n += 1; expect(m.raw.length).toBeLessThan(400); }
    expect(n).toBe(2000);
  });
});

describe('transcripts', () => {
  it('WebVTT: voices from <v> tags, consecutive cues merged', () => {
    const r = parseVtt(fixture('three-voices.vtt').toString(), { title: 'QBR', occurredAt: '2026-11-18T15:00:00Z' });
    const s = r.items[0].signal as SignalInputOf<'meeting'>;
    expect(s.attendees.map((a) => a.name)).toEqual(['Riley Chen', 'Priya Raman', 'Tom Becker']);
    expect(s.transcript).toEqual([
      { speaker: 'Riley Chen', text: 'Thanks for joining the quarterly review.', startSec: 1 },
      { speaker: 'Priya Raman', text: "Happy to. Adoption looks strong in clinical ops. We're launching a new initiative for our outpatient clinics next quarter.", startSec: 5.5 },
      { speaker: 'Tom Becker', text: 'The nurses would love the same scheduling view.', startSec: 15 },
    ]);
  });

  it('SRT: speaker from the Name: prefix', () => {
    const s = parseSrt(fixture('call.srt').toString()).items[0].signal as SignalInputOf<'meeting'>;
    expect(s.transcript).toEqual([{ speaker: 'Sam Patel', text: 'Did the pricing work for you?', startSec: 1 }, { speaker: 'Hank Scorpio', text: 'Mostly. Send me the contract.', startSec: 4.5 }]);
  });

  it('Gong: parties and monologues, keyed by call id, routed by the external party', () => {
    const r = parseGong(JSON.parse(fixture('gong-call.json').toString()));
    expect(r.items[0].signal).toMatchObject({ kind: 'meeting', externalId: '7782342274025937895', source: 'gong', title: 'Globex pricing call', occurredAt: '2026-11-18T15:00:00.000Z', durationSec: 1860,
      attendees: [{ name: 'Sam Patel', email: 'sam@ourco.com' }, { name: 'Hank Scorpio', email: 'hank@globex.io' }] });
    expect((r.items[0].signal as SignalInputOf<'meeting'>).transcript).toEqual([
      { speaker: 'Sam Patel', text: 'Thanks for the time, Hank. Did the 200-seat pricing work?', startSec: 0 },
      { speaker: 'Hank Scorpio', text: 'It does, but we also want to roll it out to our Tokyo office.', startSec: 6 }]);
    expect(r.items[0].route).toEqual({ email: 'hank@globex.io', domain: 'globex.io' });
  });

  it('an empty transcript is rejected with a reason', () => {
    expect(parseVtt('WEBVTT\n\n').rejected).toEqual([{ position: 'transcript', reason: 'the transcript is empty' }]);
    expect(parseGong({ callData: { metaData: { id: '1' } }, transcript: [] }).rejected[0].reason).toBe('the transcript is empty');
  });
});

describe('usage, Segment, CRM', () => {
  it('usage CSV: bad rows reported by row number, good rows kept with their routing', () => {
    const r = parseUsageCsv(fixture('usage.csv').toString());
    expect(r.items.map((i) => [i.signal.occurredAt.slice(0, 10), (i.signal as SignalInputOf<'usage'>).value])).toEqual([['2026-11-01', 140], ['2026-11-02', 138], ['2026-11-04', 137]]);
    expect(r.items[0].route).toEqual({ domain: 'acmefreight.com' });
    expect(r.items[0].signal.externalId).toBe('acmefreight.com:2026-11-01:active_users');
    expect(r.rejected).toEqual([{ position: 'row 4', reason: 'bad date "not-a-date"' }, { position: 'row 5', reason: 'bad value "ninety"' }]);
  });

  it('Segment: proposal views and pricing visits are engagement, other tracks are usage', () => {
    const r = parseSegment(JSON.parse(fixture('segment-batch.json').toString()));
    expect(r.items.map((i) => [i.signal.kind, (i.signal as { event?: string; metric?: string }).event ?? (i.signal as { metric?: string }).metric])).toEqual([
      ['engagement', 'proposal_viewed'], ['engagement', 'pricing_page_visit'], ['usage', 'Report Exported']]);
    expect(r.items[0].route).toEqual({ email: 'hank@globex.io', domain: 'globex.io' });
    expect(r.rejected).toEqual([{ position: 'event 4 (seg-4)', reason: 'only track and page events are read (got identify)' }]);
  });

  it('HubSpot: deal changes become crm signals keyed by event id', () => {
    const r = parseHubspot(JSON.parse(fixture('hubspot-batch.json').toString()));
    expect(r.items.map((i) => i.signal)).toEqual([
      expect.objectContaining({ kind: 'crm', change: 'stage', to: 'contractsent', externalId: '100', source: 'hubspot' }),
      expect.objectContaining({ kind: 'crm', change: 'owner', to: '', externalId: '101' })]);
    expect(r.items[0].route).toEqual({ externalRef: 'hubspot:deal:1246965' });
    expect(r.rejected).toEqual([{ position: 'event 3 (102)', reason: 'deal.propertyChange description is not a change the agent reads' }]);
  });

  it('Salesforce: Opportunity fields and contact roles', () => {
    const r = parseSalesforce(JSON.parse(fixture('salesforce-opportunity.json').toString()));
    expect(r.items.map((i) => [(i.signal as SignalInputOf<'crm'>).change, (i.signal as SignalInputOf<'crm'>).to])).toEqual([
      ['stage', 'Negotiation/Review'], ['next_step', 'Security review on the 27th'], ['contact_role', 'economic_buyer']]);
    expect(r.contacts).toEqual([{ email: 'li@acmefreight.com', role: 'economic_buyer', route: { externalRef: 'salesforce:0065e00000AbCdE' } }]);
  });
});

describe('format detection', () => {
  it('reads the format from content, not the file name', () => {
    expect(detectFormat(fixture('forwarded-thread.eml'), 'upload.bin')).toBe('eml');
    expect(detectFormat(fixture('three-voices.vtt'), 'x.txt')).toBe('vtt');
    expect(detectFormat(fixture('call.srt'))).toBe('srt');
    expect(detectFormat(fixture('gong-call.json'))).toBe('gong');
    expect(detectFormat(fixture('usage.csv'))).toBe('usage_csv');
    expect(detectFormat(fixture('segment-batch.json'))).toBe('segment');
    expect(detectFormat(fixture('hubspot-batch.json'))).toBe('hubspot');
    expect(detectFormat(fixture('salesforce-opportunity.json'))).toBe('salesforce');
    expect(detectFormat(Buffer.from('From a@b.c Mon Nov 16 10:00:00 2026\nFrom: a@b.c\n'))).toBe('mbox');
    expect(detectFormat(Buffer.from('hello world'), 'notes.txt')).toBeNull();
  });
});

describe('signatures', () => {
  const body = fixture('hubspot-batch.json').toString();
  const now = 1795500200000;
  const sign = (ts: number) => hubspotSignatureV3('s3cret', 'POST', 'https://agents.example.com/v1/webhooks/hubspot', body, String(ts));
  it('HubSpot v3: valid, tampered, stale', () => {
    const base = { method: 'POST', uri: 'https://agents.example.com/v1/webhooks/hubspot', body, secret: 's3cret', now };
    expect(verifyHubspotSignatureV3({ ...base, timestamp: String(now - 1000), signature: sign(now - 1000) })).toEqual({ ok: true });
    expect(verifyHubspotSignatureV3({ ...base, body: `${body} `, timestamp: String(now - 1000), signature: sign(now - 1000) })).toEqual({ ok: false, reason: 'signature does not match' });
    expect(verifyHubspotSignatureV3({ ...base, timestamp: String(now - 600_000), signature: sign(now - 600_000) }).ok).toBe(false);
  });
  it('generic HMAC-SHA256', () => {
    expect(verifyHmacSha256('k', '{"a":1}', '8b2c7f3b2c4e6c3c8f8a1e1c0c9e7f6b7a0b0c2b4f2c1e8b9d0a7c6e5f4d3c2b')).toBe(false);
  });
});
