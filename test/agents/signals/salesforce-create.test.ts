// A Salesforce CREATE change event: the fields set on the new record are its facts; nothing is
// "cleared", and a new opportunity's CloseDate is when it should close, not a renewal date.
import { describe, expect, it } from 'vitest';
import { parseSalesforce } from '../../../agents/signals/parsers/crm.js';
import { json } from './helpers.js';

describe('Salesforce CREATE', () => {
  it('emits the set fields only, no next step cleared and no CloseDate renewal', () => {
    const r = parseSalesforce(json('salesforce-create.json'));
    expect(r.rejected).toEqual([]);
    const facts = r.items.map((i) => i.signal as { change: string; to: string | null });
    expect(facts.map((f) => [f.change, f.to])).toEqual([
      ['stage', 'lead'], ['amount', '48000'], ['owner', '005Hs00000OwnerAAA'], ['renewal_date', '2027-12-31T00:00:00.000Z'],
    ]);
    expect(facts.some((f) => f.to === null)).toBe(false);
  });

  it('an UPDATE of CloseDate is still read as the renewal date, and a nulled NextStep as cleared', () => {
    const header = { entityName: 'Opportunity', recordIds: ['006A'], changeType: 'UPDATE', commitTimestamp: 1763390400000, transactionKey: 't2', changedFields: ['CloseDate'], nulledFields: ['NextStep'] };
    const r = parseSalesforce({ ChangeEventHeader: header, CloseDate: '2027-06-30' });
    expect(r.items.map((i) => [(i.signal as { change: string }).change, (i.signal as { to: unknown }).to])).toEqual([['renewal_date', '2027-06-30T00:00:00.000Z'], ['next_step', null]]);
  });
});
