// Segment-compatible pipelines (RudderStack and some server libraries) send the spec's types
// capitalised ("Track", "Page"); they are the same events and are read the same way.
import { describe, expect, it } from 'vitest';
import { parseSegment } from '../../../agents/signals/parsers/segment.js';
import { detectFormat } from '../../../agents/signals/detect.js';

describe('Segment event types in any case', () => {
  it('reads a capitalised track and page, and detects the upload as Segment', () => {
    const events = [
      { type: 'Track', event: 'Proposal Viewed', userId: 'u-7', messageId: 'cap-1', timestamp: '2026-03-02T09:15:00Z', context: { traits: { email: 'dana@northwind.example' } } },
      { type: 'PAGE', name: 'Pricing', anonymousId: 'a-3', messageId: 'cap-2', timestamp: '2026-03-02T09:20:00Z', context: { page: { url: 'https://ours.example/pricing' } } },
    ];
    expect(detectFormat(Buffer.from(JSON.stringify(events)))).toBe('segment');
    const r = parseSegment(events);
    expect(r.rejected).toEqual([]);
    expect(r.items.map((i) => [(i.signal as { event: string }).event, i.signal.occurredAt])).toEqual([
      ['proposal_viewed', '2026-03-02T09:15:00.000Z'], ['pricing_page_visit', '2026-03-02T09:20:00.000Z'],
    ]);
  });

  it('a capitalised identify is still refused as an identify', () => {
    const r = parseSegment([{ type: 'Identify', userId: 'u-7', traits: { email: 'dana@northwind.example' }, timestamp: '2026-03-02T09:15:00Z' }]);
    expect(r.items).toEqual([]);
    expect(r.rejected[0].reason).toMatch(/^identify events are not read/);
  });
});
