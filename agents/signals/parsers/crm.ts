// CRM changes: HubSpot webhook events and Salesforce change events (Opportunity and
// OpportunityContactRole) → crm signals; contact records become contact upserts.
import { SignalInput } from '../schema.js';
import { zodReason, type ContactRecord, type ParseOptions, type ParseResult } from './types.js';

type Change = 'stage' | 'owner' | 'contact_role' | 'contact_left' | 'renewal_date' | 'amount' | 'next_step';

const HUBSPOT_DEAL_PROPERTIES: Record<string, Change> = {
  dealstage: 'stage', hubspot_owner_id: 'owner', closedate: 'renewal_date', renewal_date: 'renewal_date', amount: 'amount', hs_next_step: 'next_step',
};
const HUBSPOT_CONTACT_PROPERTIES: Record<string, keyof ContactRecord> = { jobtitle: 'title', firstname: 'name', email: 'email' };

interface HubspotEvent { eventId?: number | string; subscriptionType?: string; objectId?: number | string; propertyName?: string; propertyValue?: string; occurredAt?: number; portalId?: number }

export function parseHubspot(payload: unknown, _opts: ParseOptions = {}): ParseResult {
  const events: HubspotEvent[] = Array.isArray(payload) ? payload : [payload as HubspotEvent];
  const out: ParseResult = { items: [], rejected: [], contacts: [] };
  events.forEach((e, i) => {
    const position = `event ${i + 1}${e?.eventId !== undefined ? ` (${e.eventId})` : ''}`;
    const [object, action] = String(e?.subscriptionType ?? '').split('.');
    if (!e?.eventId || !e.occurredAt) { out.rejected.push({ position, reason: 'eventId and occurredAt are required' }); return; }
    if (object === 'contact') {
      const field = HUBSPOT_CONTACT_PROPERTIES[e.propertyName ?? ''];
      if (field === 'email' && e.propertyValue) out.contacts!.push({ email: e.propertyValue.toLowerCase(), route: { domain: e.propertyValue.split('@')[1]?.toLowerCase() } });
      else if (action === 'propertyChange' && !field) out.rejected.push({ position, reason: `contact property ${e.propertyName} is not read` });
      return;
    }
    const change = object === 'deal' ? HUBSPOT_DEAL_PROPERTIES[e.propertyName ?? ''] : undefined;
    if (!change) { out.rejected.push({ position, reason: `${e.subscriptionType} ${e.propertyName ?? ''} is not a change the agent reads`.trim() }); return; }
    const to = change === 'renewal_date' && e.propertyValue && /^\d+$/.test(e.propertyValue) ? new Date(Number(e.propertyValue)).toISOString() : e.propertyValue ?? null;
    const parsed = SignalInput.safeParse({ kind: 'crm', occurredAt: new Date(e.occurredAt).toISOString(), externalId: String(e.eventId), source: 'hubspot', change, to, text: `HubSpot deal ${e.objectId}: ${e.propertyName} → ${e.propertyValue ?? '(empty)'}` });
    if (!parsed.success) { out.rejected.push({ position, reason: zodReason(parsed.error) }); return; }
    out.items.push({ signal: parsed.data, route: { externalRef: `hubspot:deal:${e.objectId}` } });
  });
  return out;
}

/** Salesforce contact roles → DESIGN.md roles (Influencer and Other read as plain users). */
export const SALESFORCE_ROLES: Record<string, string> = {
  'business user': 'user', 'decision maker': 'decision_maker', 'economic buyer': 'economic_buyer', 'economic decision maker': 'economic_buyer',
  'executive sponsor': 'executive_sponsor', 'technical buyer': 'technical_evaluator', 'evaluator': 'technical_evaluator', 'influencer': 'user',
  'champion': 'champion', 'procurement': 'procurement', 'legal': 'legal', 'security': 'security', 'other': 'user',
};
const SF_FIELDS: Record<string, Change> = { StageName: 'stage', OwnerId: 'owner', CloseDate: 'renewal_date', Amount: 'amount', NextStep: 'next_step' };

interface SalesforceChange {
  ChangeEventHeader?: { entityName?: string; changeType?: string; changedFields?: string[]; recordIds?: string[]; commitTimestamp?: number; transactionKey?: string };
  sobject?: string; Id?: string; changes?: Record<string, unknown>; [field: string]: unknown;
}

export function parseSalesforce(payload: unknown, _opts: ParseOptions = {}): ParseResult {
  const events: SalesforceChange[] = Array.isArray(payload) ? payload : [payload as SalesforceChange];
  const out: ParseResult = { items: [], rejected: [], contacts: [] };
  events.forEach((e, i) => {
    const h = e.ChangeEventHeader;
    const entity = h?.entityName ?? e.sobject;
    const recordId = h?.recordIds?.[0] ?? e.Id;
    const fields: Record<string, unknown> = e.changes ?? e;
    const changed = h?.changedFields ?? Object.keys(fields);
    const occurredAt = new Date(h?.commitTimestamp ?? (fields.LastModifiedDate as string) ?? Date.now()).toISOString();
    const position = `change ${i + 1}${recordId ? ` (${recordId})` : ''}`;
    if (!entity || !recordId) { out.rejected.push({ position, reason: 'entityName (or sobject) and a record id are required' }); return; }
    const key = h?.transactionKey ?? `${occurredAt}`;
    if (entity === 'OpportunityContactRole') {
      const role = SALESFORCE_ROLES[String(fields.Role ?? '').toLowerCase()];
      const parsed = SignalInput.safeParse({ kind: 'crm', occurredAt, externalId: `${recordId}:${key}:Role`, source: 'salesforce', change: 'contact_role', to: role ?? String(fields.Role ?? ''), text: `Contact ${fields.ContactId} role: ${fields.Role}`, ...(typeof fields.ContactEmail === 'string' ? { contactEmail: fields.ContactEmail } : {}) });
      if (!parsed.success) { out.rejected.push({ position, reason: zodReason(parsed.error) }); return; }
      const route = { externalRef: `salesforce:${String(fields.OpportunityId ?? recordId)}` };
      out.items.push({ signal: parsed.data, route });
      if (typeof fields.ContactEmail === 'string' && role) out.contacts!.push({ email: fields.ContactEmail.toLowerCase(), role, route });
      return;
    }
    if (entity !== 'Opportunity') { out.rejected.push({ position, reason: `${entity} changes are not read` }); return; }
    const known = changed.filter((f) => SF_FIELDS[f]);
    if (known.length === 0) { out.rejected.push({ position, reason: `none of ${changed.join(', ')} is a change the agent reads` }); return; }
    for (const f of known) {
      const v = fields[f];
      const to = v === null || v === undefined ? null : f === 'CloseDate' ? new Date(String(v)).toISOString() : String(v);
      const parsed = SignalInput.safeParse({ kind: 'crm', occurredAt, externalId: `${recordId}:${key}:${f}`, source: 'salesforce', change: SF_FIELDS[f], to, text: `Opportunity ${recordId}: ${f} → ${to ?? '(empty)'}` });
      if (!parsed.success) { out.rejected.push({ position: `${position} ${f}`, reason: zodReason(parsed.error) }); continue; }
      out.items.push({ signal: parsed.data, route: { externalRef: `salesforce:${String(recordId)}` } });
    }
  });
  return out;
}
