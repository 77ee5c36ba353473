// Salesforce change events as they reach a webhook in practice: inside a CloudEvent or an AWS
// EventBridge envelope, and decoded from the Pub/Sub API, whose changedFields are bitmaps of schema
// positions rather than field names (every field is sent, the unchanged ones null).
import { describe, expect, it } from 'vitest';
import { parseSalesforce } from '../../../agents/signals/parsers/crm.js';
import { detectFormat } from '../../../agents/signals/detect.js';

const header = (over: Record<string, unknown> = {}) => ({
  entityName: 'Opportunity', recordIds: ['006Qz0000012Xy'], changeType: 'UPDATE', transactionKey: 'tk-9', commitTimestamp: 1767268800000, ...over,
});
const facts = (r: ReturnType<typeof parseSalesforce>) => r.items.map((i) => {
  const s = i.signal as { change: string; to: unknown; occurredAt: string };
  return [s.change, s.to, s.occurredAt];
});

describe('Salesforce change events in their envelopes', () => {
  it('reads a change event carried as a CloudEvent (data holds the event itself)', () => {
    const body = { specversion: '1.0', type: 'com.salesforce.eventbus.OpportunityChangeEvent', id: 'ce-1', data: { ChangeEventHeader: header({ changedFields: ['Amount'] }), Amount: 87500 } };
    expect(detectFormat(Buffer.from(JSON.stringify(body)))).toBe('salesforce');
    const r = parseSalesforce(body);
    expect(r.rejected).toEqual([]);
    expect(facts(r)).toEqual([['amount', '87500', '2026-01-01T12:00:00.000Z']]);
  });

  it('reads a change event relayed by EventBridge (detail.payload)', () => {
    const body = { version: '0', 'detail-type': 'OpportunityChangeEvent', detail: { payload: { ChangeEventHeader: header({ changedFields: ['NextStep'] }), NextStep: 'Legal review of the MSA' } } };
    expect(detectFormat(Buffer.from(JSON.stringify(body)))).toBe('salesforce');
    expect(facts(parseSalesforce(body))).toEqual([['next_step', 'Legal review of the MSA', '2026-01-01T12:00:00.000Z']]);
  });
});

describe('Pub/Sub API change events (changedFields as bitmaps)', () => {
  it('reads the fields that carry a value, with a warning that clears cannot be seen', () => {
    const body = { ChangeEventHeader: header({ changedFields: ['0x2000A0', '5-0x03'], nulledFields: ['0x40'] }), StageName: 'Negotiation/Review', Amount: null, NextStep: null, OwnerId: null, LastModifiedDate: 1767268800000 };
    const r = parseSalesforce(body);
    expect(r.rejected).toEqual([]);
    expect(facts(r)).toEqual([['stage', 'negotiation', '2026-01-01T12:00:00.000Z']]);
    expect(r.warnings?.[0]?.reason).toMatch(/bitmap/);
  });

  it('named changedFields are still read as named, nulls included', () => {
    const r = parseSalesforce({ ChangeEventHeader: header({ changedFields: ['NextStep'] }), NextStep: null, StageName: 'Closed Won' });
    expect(facts(r)).toEqual([['next_step', null, '2026-01-01T12:00:00.000Z']]);
    expect(r.warnings ?? []).toEqual([]);
  });
});
