import { describe, expect, it } from 'vitest';
import { crmRole, crmStage, parseHubspot, parseSalesforce } from '../../../agents/signals/parsers/crm.js';
import { CONTACT_ROLES, STAGES } from '../../../agents/vocabulary.js';
import { as, json } from './helpers.js';

describe('parseHubspot', () => {
  it('deal property changes become crm signals keyed by event id and routed by deal', () => {
    const r = parseHubspot(json('hubspot-batch.json'));
    expect(r.items.map((i) => i.signal)).toEqual([
      { kind: 'crm', change: 'stage', to: 'negotiation', occurredAt: '2026-11-24T06:00:00.000Z', externalId: '100', source: 'hubspot', text: 'HubSpot deal 1246965: dealstage → contractsent (CRM)' },
      { kind: 'crm', change: 'owner', to: null, occurredAt: '2026-11-24T06:01:00.000Z', externalId: '101', source: 'hubspot', text: 'HubSpot deal 1246965: hubspot_owner_id → (empty) (CRM)' },
    ]);
    expect(r.items.map((i) => i.route)).toEqual([{ externalRef: 'hubspot:deal:1246965' }, { externalRef: 'hubspot:deal:1246965' }]);
    expect(r.rejected).toEqual([{ position: 'event 3 (102)', reason: 'deal.propertyChange description is not a change the agent reads' }]);
  });

  it('renewal dates, amounts, next steps and owners; contact events become contact updates', () => {
    const r = parseHubspot(json('hubspot-mixed.json'));
    expect(r.items.map((i) => [as('crm', i.signal).change, as('crm', i.signal).to, i.signal.externalId])).toEqual([
      ['renewal_date', '2027-01-01T00:00:00.000Z', '2001'],
      ['amount', '52000', '2002'],
      ['next_step', 'Send the DPA to legal by Friday', '2003'],
      ['owner', '81523344', '2004'],
    ]);
    expect(r.contactUpdates).toEqual([
      { ref: 'hubspot:contact:51', field: 'title', value: 'Chief Operating Officer', occurredAt: '2026-11-25T06:04:00.000Z', source: 'hubspot', externalId: '2005' },
      { ref: 'hubspot:contact:52', field: 'email', value: 'Maria@AcmeFreight.com', occurredAt: '2026-11-25T06:05:00.000Z', source: 'hubspot', externalId: '2006' },
      { ref: 'hubspot:contact:53', field: 'created', value: null, occurredAt: '2026-11-25T06:06:00.000Z', source: 'hubspot', externalId: '2007' },
      { ref: 'hubspot:contact:51', field: 'lead_status', value: 'OPEN_DEAL', occurredAt: '2026-11-25T06:07:00.000Z', source: 'hubspot', externalId: '2008' },
    ]);
    expect(r.contacts).toEqual([{ email: 'maria@acmefreight.com', ref: 'hubspot:contact:52', route: { email: 'maria@acmefreight.com', domain: 'acmefreight.com' } }]);
    expect(r.rejected).toEqual([
      { position: 'event 9 (2009)', reason: 'deal.creation is not a change the agent reads' },
      { position: 'event 10 (2010)', reason: 'unreadable date "next quarter" for closedate' },
      { position: 'event 11', reason: 'no eventId' },
    ]);
  });

  it('generic object.* events by objectTypeId; custom pipeline stages through stageMap; one event on its own', () => {
    const e = { eventId: 9, occurredAt: 1795586400000, subscriptionType: 'object.propertyChange', objectTypeId: '0-3', objectId: 7, propertyName: 'dealstage', propertyValue: '1180299' };
    expect(as('crm', parseHubspot(e, { stageMap: { 1180299: 'proposal' } }).items[0].signal).to).toBe('proposal');
    expect(as('crm', parseHubspot([e]).items[0].signal).to).toBe('1180299'); // unknown stages pass through
    expect(parseHubspot({ ...e, objectTypeId: '0-2' }).rejected[0].reason).toBe('object.propertyChange dealstage is not a change the agent reads');
  });
});

describe('parseSalesforce', () => {
  it('Change Data Capture: Opportunity fields and a contact role', () => {
    const r = parseSalesforce(json('salesforce-opportunity.json'));
    expect(r.items.map((i) => i.signal)).toEqual([
      { kind: 'crm', change: 'stage', to: 'negotiation', occurredAt: '2026-11-24T06:00:00.000Z', externalId: '0065e00000AbCdE:00013a4b-1c2d:StageName', source: 'salesforce', text: 'Opportunity 0065e00000AbCdE: StageName → Negotiation/Review' },
      { kind: 'crm', change: 'next_step', to: 'Security review on the 27th', occurredAt: '2026-11-24T06:00:00.000Z', externalId: '0065e00000AbCdE:00013a4b-1c2d:NextStep', source: 'salesforce', text: 'Opportunity 0065e00000AbCdE: NextStep → Security review on the 27th' },
      { kind: 'crm', change: 'contact_role', to: 'economic_buyer', contactEmail: 'li@acmefreight.com', occurredAt: '2026-11-24T06:01:40.000Z', externalId: '00K5e0000012345:00013a4b-1c2e:Role', source: 'salesforce', text: 'Contact li@acmefreight.com is Economic Buyer on opportunity 0065e00000AbCdE' },
    ]);
    expect(r.items.map((i) => i.route)).toEqual(Array(3).fill({ externalRef: 'salesforce:0065e00000AbCdE' }));
    expect(r.contacts).toEqual([{ email: 'li@acmefreight.com', role: 'economic_buyer', ref: 'salesforce:contact:0035e00000XyZ', route: { externalRef: 'salesforce:0065e00000AbCdE' } }]);
    expect(r.contactUpdates).toEqual([{ ref: 'salesforce:contact:0035e00000XyZ', field: 'role', value: 'economic_buyer', occurredAt: '2026-11-24T06:01:40.000Z', source: 'salesforce', externalId: '00K5e0000012345:00013a4b-1c2e:Role', route: { externalRef: 'salesforce:0065e00000AbCdE' } }]);
    expect(r.rejected).toEqual([]);
  });

  const header = (h: object) => ({ entityName: 'Opportunity', changeType: 'UPDATE', recordIds: ['006A'], commitTimestamp: 1795500000000, transactionKey: 'tk', ...h });

  it('CREATE events read the fields they set (CloseDate is not a renewal date); nulledFields clear on an update; one signal a record; wrapped payloads', () => {
    const create = { ChangeEventHeader: header({ changeType: 'CREATE', changedFields: [] }), Name: 'Acme renewal', StageName: 'Prospecting', CloseDate: '2027-01-31', Amount: 48000, OwnerId: '005X' };
    expect(parseSalesforce(create).items.map((i) => [as('crm', i.signal).change, as('crm', i.signal).to])).toEqual([
      ['stage', 'lead'], ['amount', '48000'], ['owner', '005X']]);
    const nulled = { data: { payload: { ChangeEventHeader: header({ changedFields: ['OwnerId'], nulledFields: ['OwnerId'], recordIds: ['006A', '006B'] }) } } };
    expect(parseSalesforce(nulled).items.map((i) => [i.signal.externalId, as('crm', i.signal).to, i.route])).toEqual([
      ['006A:tk:OwnerId', null, { externalRef: 'salesforce:006A' }], ['006B:tk:OwnerId', null, { externalRef: 'salesforce:006B' }]]);
  });

  it('the plain variant with old and new values, and a custom renewal date field', () => {
    const r = parseSalesforce({ sobject: 'Opportunity', Id: '006P', LastModifiedDate: '2026-11-20T10:00:00.000+0000', changes: { StageName: { old: 'Proposal/Price Quote', new: 'Closed Lost' }, Renewal_Date__c: '2027-03-01' } });
    expect(r.items.map((i) => i.signal)).toEqual([
      expect.objectContaining({ change: 'stage', from: 'proposal', to: 'closed_lost', occurredAt: '2026-11-20T10:00:00.000Z', externalId: '006P:2026-11-20T10:00:00.000Z:StageName' }),
      expect.objectContaining({ change: 'renewal_date', to: '2027-03-01T00:00:00.000Z' }),
    ]);
  });

  it('rejections: other entities, deletes, no timestamp, nothing readable, a role change without a role', () => {
    const r = parseSalesforce([
      { ChangeEventHeader: header({ entityName: 'Account', changedFields: ['Name'] }), Name: 'x' },
      { ChangeEventHeader: header({ changeType: 'DELETE' }) },
      { sobject: 'Opportunity', Id: '006Q', changes: { StageName: 'Closed Won' } },
      { ChangeEventHeader: header({ changedFields: ['Description', 'LastModifiedDate'] }), Description: 'x' },
      { ChangeEventHeader: header({ entityName: 'OpportunityContactRole', changedFields: ['IsPrimary'] }), IsPrimary: true },
      { ChangeEventHeader: header({ recordIds: [] }) },
    ]);
    expect(r.items).toEqual([]);
    expect(r.rejected).toEqual([
      { position: 'change 1 (006A)', reason: 'Account changes are not read' },
      { position: 'change 2 (006A)', reason: 'Opportunity DELETE changes are not read' },
      { position: 'change 3 (006Q)', reason: 'no commitTimestamp (or occurredAt / LastModifiedDate)' },
      { position: 'change 4 (006A)', reason: 'none of Description is a change the agent reads' },
      { position: 'change 5 (006A)', reason: 'a contact role change without a Role' },
      { position: 'change 6', reason: 'entityName (or sobject) and a record id are required' },
    ]);
  });
});

describe('CRM vocabulary', () => {
  it('contact roles map onto DESIGN roles', () => {
    expect(['Economic Buyer', 'Economic Decision Maker', 'Decision Maker', 'Technical Buyer', 'Evaluator', 'Executive Sponsor', 'Influencer', 'Business User', 'Other', 'champion', 'technical_evaluator', 'Chief Wizard'].map(crmRole))
      .toEqual(['economic_buyer', 'economic_buyer', 'decision_maker', 'technical_evaluator', 'technical_evaluator', 'executive_sponsor', 'user', 'user', 'user', 'champion', 'technical_evaluator', undefined]);
    for (const role of CONTACT_ROLES) expect(crmRole(role)).toBe(role);
  });

  it('stages: HubSpot and Salesforce defaults, DESIGN stages, overrides, unknown values unchanged', () => {
    expect(['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedwon', 'closedlost'].map((s) => crmStage(s)))
      .toEqual(['discovery', 'qualified', 'demo', 'proposal', 'negotiation', 'closed_won', 'closed_lost']);
    expect(['Prospecting', 'Qualification', 'Needs Analysis', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won'].map((s) => crmStage(s)))
      .toEqual(['lead', 'qualified', 'discovery', 'proposal', 'negotiation', 'closed_won']);
    for (const stage of STAGES) expect(crmStage(stage)).toBe(stage);
    expect(crmStage('Legal Review', { 'legal review': 'negotiation' })).toBe('negotiation');
    expect(crmStage('Pilot')).toBe('Pilot');
  });
});
