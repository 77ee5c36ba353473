// Segment HTTP API bodies as they are sent: a /v1/batch whose first event is identify, and
// /v1/track and /v1/page bodies without a type (the endpoint says what they are).
import { describe, expect, it } from 'vitest';
import { detectFormat, parseAny } from '../../../agents/signals/detect.js';
import { fixture } from './helpers.js';

describe('Segment HTTP API bodies', () => {
  it('a batch starting with identify is Segment: the supported events are stored, each other one rejected with a reason', async () => {
    expect(detectFormat(fixture('segment-http-batch.json'))).toBe('segment');
    const r = await parseAny(fixture('segment-http-batch.json'));
    expect(r.items.map((i) => i.signal)).toEqual([
      expect.objectContaining({ kind: 'engagement', event: 'proposal_viewed', externalId: 'seg-http-3' }),
      expect.objectContaining({ kind: 'usage', metric: 'Report Exported', value: 3 }),
    ]);
    expect(r.rejected.map((x) => x.position)).toEqual(['event 1', 'event 2', 'event 4', 'event 5']);
    expect(r.rejected[0].reason).toMatch(/identify events are not read/);
    expect(r.rejected[2].reason).toMatch(/alias events are not read/);
  });

  it('a /v1/track body without type is a track event', async () => {
    expect(detectFormat(fixture('segment-http-track.json'))).toBe('segment');
    const r = await parseAny(fixture('segment-http-track.json'));
    expect(r.items.map((i) => i.signal)).toEqual([expect.objectContaining({ kind: 'engagement', event: 'pricing_page_visit', contactEmail: 'ana@acmefreight.com' })]);
    expect(r.items[0].route).toMatchObject({ accountId: 'acct-77' });
  });

  it('a /v1/page body without type is a page view', async () => {
    expect(detectFormat(fixture('segment-http-page.json'))).toBe('segment');
    const r = await parseAny(fixture('segment-http-page.json'));
    expect(r.items.map((i) => i.signal)).toEqual([expect.objectContaining({ kind: 'engagement', event: 'pricing_page_visit', url: 'https://ourco.com/pricing' })]);
  });

  it('a cut-off head of an untyped body is recognised by its keys', () => {
    expect(detectFormat(Buffer.from('{"userId":"u-501","event":"Pricing Page Viewed","properties":{"pla'))).toBe('segment');
  });
});
