import { describe, expect, it } from 'vitest';
import { detectFormat, parseAny, parseUpload } from '../../../agents/signals/detect.js';
import { collect, fixture } from './helpers.js';

describe('detectFormat', () => {
  it.each([
    ['forwarded-thread.eml', 'eml'], ['latin1.eml', 'eml'], ['newsletter.eml', 'eml'], ['out-of-office.eml', 'eml'], ['bounce.eml', 'eml'],
    ['archive.mbox', 'mbox'], ['three-voices.vtt', 'vtt'], ['call.srt', 'srt'], ['gong-call.json', 'gong'], ['gong-api-responses.json', 'gong'],
    ['usage.csv', 'usage_csv'], ['segment-batch.json', 'segment'], ['hubspot-batch.json', 'hubspot'], ['hubspot-mixed.json', 'hubspot'],
    ['salesforce-opportunity.json', 'salesforce'],
  ])('%s → %s, whatever the file is called', (name, format) => {
    expect(detectFormat(fixture(name), 'upload.bin')).toBe(format);
    expect(detectFormat(fixture(name))).toBe(format);
  });

  it('reads only the head: a JSON array cut off after its first event is still recognised', () => {
    const big = Buffer.from(JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ eventId: i, subscriptionType: 'deal.propertyChange', objectId: 1, occurredAt: 1, propertyName: 'amount', propertyValue: '1' }))));
    expect(detectFormat(big.subarray(0, 300))).toBe('hubspot');
    expect(detectFormat(Buffer.from('{"batch":[{"type":"track","event":"Proposal Viewed","messageId":"m1","prop'))).toBe('segment');
    expect(detectFormat(Buffer.from('[{"ChangeEventHeader":{"entityName":"Opportunity"'))).toBe('salesforce');
  });

  it('signals JSON, "From " versus "From:", a BOM, an SRT with CRLF', () => {
    expect(detectFormat(Buffer.from(JSON.stringify({ signals: [] })))).toBe('signals_json');
    expect(detectFormat(Buffer.from(JSON.stringify([{ kind: 'note', occurredAt: '2026-11-01T00:00:00Z', text: 'x' }])))).toBe('signals_json');
    expect(detectFormat(Buffer.from('From a@b.co Mon Nov 16 10:00:00 2026\nFrom: a@b.co\n'))).toBe('mbox');
    expect(detectFormat(Buffer.from('From: a@b.co\nSubject: x\n\nbody'))).toBe('eml');
    expect(detectFormat(Buffer.from('\uFEFFWEBVTT\n\n'))).toBe('vtt');
    expect(detectFormat(Buffer.from('1\r\n00:00:01,000 --> 00:00:02,000\r\nhi\r\n'))).toBe('srt');
    expect(detectFormat(Buffer.from('"date","metric","value"\n'))).toBe('usage_csv');
  });

  it('the file name decides only when the content does not', () => {
    expect(detectFormat(Buffer.from('hello world'), 'notes.txt')).toBeNull();
    expect(detectFormat(Buffer.from('just some notes'))).toBeNull();
    expect(detectFormat(Buffer.from('when,what\n1,2\n'), 'usage.csv')).toBe('usage_csv');
    expect(detectFormat(Buffer.from('Sam Patel: hello'), 'call.srt')).toBe('srt');
    expect(detectFormat(fixture('three-voices.vtt'), 'looks-like.csv')).toBe('vtt');
    expect(detectFormat(Buffer.from('{"unknown": true}'), 'x.json')).toBeNull();
  });
});

describe('parseAny / parseUpload', () => {
  it('detects and parses each fixture', async () => {
    const opts = { accountDomains: ['acmefreight.com'], ourDomains: ['ourco.com'], title: 'Call', occurredAt: '2026-11-18T15:00:00Z' };
    const summary = async (name: string) => {
      const r = await parseAny(fixture(name), { ...opts, filename: name });
      return [r.format, r.items.length, r.rejected.length];
    };
    expect(await summary('archive.mbox')).toEqual(['mbox', 3, 1]);
    expect(await summary('forwarded-thread.eml')).toEqual(['eml', 1, 0]);
    expect(await summary('three-voices.vtt')).toEqual(['vtt', 1, 0]);
    expect(await summary('call.srt')).toEqual(['srt', 1, 0]);
    expect(await summary('gong-api-responses.json')).toEqual(['gong', 2, 0]);
    expect(await summary('usage.csv')).toEqual(['usage_csv', 4, 3]);
    expect(await summary('segment-batch.json')).toEqual(['segment', 7, 4]);
    expect(await summary('hubspot-mixed.json')).toEqual(['hubspot', 4, 3]);
    expect(await summary('salesforce-opportunity.json')).toEqual(['salesforce', 3, 0]);
    expect((await parseAny(fixture('salesforce-opportunity.json'))).contacts).toHaveLength(1);
  });

  it('an unrecognised upload and bad JSON are rejections, not exceptions', async () => {
    expect(await parseAny(Buffer.from('just some notes'), { filename: 'notes.txt' })).toMatchObject({ format: null, items: [], rejected: [{ position: 'notes.txt', reason: expect.stringMatching(/^unrecognised format/) }] });
    expect(await parseAny(Buffer.from('[{"eventId":1,"subscriptionType":"deal.prop'))).toMatchObject({ format: 'hubspot', rejected: [{ position: 'file', reason: expect.stringMatching(/^not valid JSON/) }] });
  });

  it('signals JSON: each signal validated, bad ones rejected by position', async () => {
    const r = await parseAny(Buffer.from(JSON.stringify({ signals: [
      { kind: 'note', occurredAt: '2026-11-01T00:00:00Z', text: 'Renewal call went well', source: 'notes', externalId: 'n1' },
      { kind: 'note', occurredAt: 'yesterday', text: 'x' },
      { kind: 'usage', occurredAt: '2026-11-01T00:00:00Z', metric: 'seats', value: 40 },
    ] })));
    expect(r.format).toBe('signals_json');
    expect(r.items.map((i) => i.signal.kind)).toEqual(['note', 'usage']);
    expect(r.rejected).toEqual([{ position: 'signal 2', reason: expect.stringMatching(/^occurredAt: /) }]);
  });

  it('parseUpload streams an mbox: one result a message', async () => {
    const results = await collect(parseUpload(fixture('archive.mbox'), 'mbox'));
    expect(results.map((r) => [r.items.length, r.rejected.length])).toEqual([[1, 0], [1, 0], [0, 1], [1, 0]]);
  });
});
