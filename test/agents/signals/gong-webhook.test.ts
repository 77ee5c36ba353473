// Gong's call_completed webhook (no transcript yet) and epoch-second start times.
import { describe, expect, it } from 'vitest';
import { parseGong } from '../../../agents/signals/parsers/transcripts.js';
import { detectFormat } from '../../../agents/signals/detect.js';
import { as, fixture, json } from './helpers.js';

describe('Gong call_completed', () => {
  it('is a gong upload, stored as a meeting whose transcript is marked to come later', () => {
    expect(detectFormat(fixture('gong-call-completed.json'))).toBe('gong');
    const r = parseGong(json('gong-call-completed.json'));
    expect(r.rejected).toEqual([]);
    const m = as('meeting', r.items[0]?.signal);
    expect(m).toMatchObject({ externalId: '5120334917662001', title: 'Initech renewal check-in', transcript: [], transcriptPending: true, durationSec: 1500 });
    expect(m.attendees.map((a) => a.email)).toEqual(['priya@initech.example', 'sam@ourco.com']);
    expect(r.items[0].route).toEqual({ email: 'priya@initech.example', domain: 'initech.example' });
  });

  it('reads metaData.started as epoch seconds when it is a number below 1e11, and as ISO or milliseconds otherwise', () => {
    const started = (v: unknown) => as('meeting', parseGong({ callData: { metaData: { id: 'c1', started: v }, parties: [] } }).items[0]?.signal).occurredAt;
    expect(started(1763305200)).toBe('2025-11-16T15:00:00.000Z');
    expect(started('1763305200')).toBe('2025-11-16T15:00:00.000Z');
    expect(started(1763305200000)).toBe('2025-11-16T15:00:00.000Z');
    expect(started('2025-11-16T10:00:00-05:00')).toBe('2025-11-16T15:00:00.000Z');
  });
});
