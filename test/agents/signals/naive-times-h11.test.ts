// A date-time written without an offset ("2026-02-25T12:00:00.123456", as a server clock without a
// zone writes it) is UTC wherever the importer runs: before, JavaScript read it in the host's own
// zone, so one payload stored different instants on differently configured servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSegment } from '../../../agents/signals/parsers/segment.js';
import { parseSalesforce } from '../../../agents/signals/parsers/crm.js';
import { parseGong } from '../../../agents/signals/parsers/gong.js';
import { toIso } from '../../../agents/signals/parsers/result.js';

describe('date-times without an offset', () => {
  const zone = process.env.TZ;
  beforeAll(() => { process.env.TZ = 'America/Denver'; });
  afterAll(() => { if (zone === undefined) delete process.env.TZ; else process.env.TZ = zone; });

  it('are read as UTC, with a T or a space, with or without fractions; an offset is kept', () => {
    expect(toIso('2026-07-04T08:30:00.654321')).toBe('2026-07-04T08:30:00.654Z');
    expect(toIso('2026-07-04 08:30')).toBe('2026-07-04T08:30:00.000Z');
    expect(toIso('2026-07-04T08:30:00+02:00')).toBe('2026-07-04T06:30:00.000Z');
  });

  it('hold for a Segment timestamp, a Salesforce LastModifiedDate and a Gong start', () => {
    const seg = parseSegment({ type: 'track', event: 'Report Exported', userId: 'u-4', timestamp: '2026-07-04T08:30:00.250' });
    expect(seg.items[0].signal.occurredAt).toBe('2026-07-04T08:30:00.250Z');
    const sf = parseSalesforce({ sobject: 'Opportunity', Id: '006Nv', LastModifiedDate: '2026-07-04 08:30:00', changes: { StageName: 'Closed Won' } });
    expect(sf.items[0].signal.occurredAt).toBe('2026-07-04T08:30:00.000Z');
    const gong = parseGong({ metaData: { id: 'g-77', started: '2026-07-04T08:30:00', title: 'QBR' }, parties: [], transcript: [{ speakerId: null, sentences: [{ start: 0, text: 'Shall we begin?' }] }] });
    expect(gong.items[0].signal.occurredAt).toBe('2026-07-04T08:30:00.000Z');
  });
});
