// HubSpot webhook events (an array of { eventId, subscriptionId, portalId, occurredAt (epoch ms),
// subscriptionType, objectId, propertyName, propertyValue, changeSource }) → crm signals for deal
// property changes, and contact updates for contact events. Keyed by eventId (source 'hubspot');
// routed by the deal (externalRef hubspot:deal:<id>). Generic "object.*" events are read by their
// objectTypeId (0-3 deals, 0-1 contacts).
//   deal: dealstage → stage (as a DESIGN stage), hubspot_owner_id → owner (empty = nobody),
//         closedate and renewal dates → renewal_date (ISO), amount → amount, hs_next_step → next_step
//   contact: creation, deletion and email, firstname, lastname, jobtitle, hs_lead_status,
//         lifecyclestage changes → contactUpdates (ref hubspot:contact:<id>; HubSpot sends no
//         email with them); an email change is also a contact record.
import { crmStage } from './crm-vocabulary.js';
import { addContact, addSignal, routeByEmail, scalarFields, toIso } from './result.js';
import { lookup } from '../../lookup.js';
import type { ContactUpdate, ParseOptions, ParseResult } from './types.js';
import type { CRM_CHANGES } from '../schema.js';

type Change = (typeof CRM_CHANGES)[number];

interface HubspotEvent {
  eventId?: number | string; subscriptionId?: number; portalId?: number; occurredAt?: number | string; subscriptionType?: string;
  objectId?: number | string; objectTypeId?: string; propertyName?: string; propertyValue?: string | null; changeSource?: string;
}

const DEAL_PROPERTIES: Record<string, Change> = {
  dealstage: 'stage', hubspot_owner_id: 'owner', closedate: 'renewal_date', amount: 'amount', hs_next_step: 'next_step',
};
const CONTACT_PROPERTIES: Record<string, ContactUpdate['field']> = {
  email: 'email', firstname: 'first_name', lastname: 'last_name', jobtitle: 'title', hs_lead_status: 'lead_status', lifecyclestage: 'lifecycle_stage',
};
const OBJECT_TYPES: Record<string, string> = { '0-1': 'contact', '0-3': 'deal', '0-2': 'company', '0-5': 'ticket' };

function dealChange(property: string): Change | undefined {
  return lookup(DEAL_PROPERTIES, property) ?? (/renewal.*date|contract_end_date/.test(property) ? 'renewal_date' : undefined);
}

export function parseHubspot(payload: unknown, opts: ParseOptions = {}): ParseResult {
  const events: unknown[] = Array.isArray(payload) ? payload : [payload];
  const out: ParseResult = { items: [], rejected: [], contacts: [], contactUpdates: [] };
  events.forEach((raw, i) => {
    const e = scalarFields<HubspotEvent>(raw);
    const position = `event ${i + 1}${e.eventId !== undefined ? ` (${e.eventId})` : ''}`;
    const reject = (reason: string) => { out.rejected.push({ position, reason }); };
    const [kind, action = ''] = String(e.subscriptionType ?? '').split('.');
    const object = kind === 'object' ? lookup(OBJECT_TYPES, String(e.objectTypeId ?? '')) ?? `object ${e.objectTypeId ?? '?'}` : kind;
    const occurredAt = toIso(e.occurredAt);
    if (e.eventId === undefined || e.eventId === null || e.eventId === '') return reject('no eventId');
    if (!occurredAt) return reject('no readable occurredAt (epoch milliseconds)');
    if (e.objectId === undefined || e.objectId === null) return reject('no objectId');
    const property = String(e.propertyName ?? '');
    const value = e.propertyValue === undefined || e.propertyValue === null || e.propertyValue === '' ? null : String(e.propertyValue);
    const externalId = String(e.eventId);

    if (object === 'contact') {
      const ref = `hubspot:contact:${e.objectId}`;
      const field = action === 'creation' ? 'created' : action === 'deletion' ? 'deleted' : action === 'propertyChange' ? lookup(CONTACT_PROPERTIES, property) : undefined;
      if (!field) return reject(`${e.subscriptionType}${property ? ` ${property}` : ''} is not a contact change the agent reads`);
      out.contactUpdates!.push({ ref, field, value: action === 'propertyChange' ? value : null, occurredAt, source: 'hubspot', externalId });
      if (field === 'email' && value && value.includes('@')) addContact(out, { email: value.toLowerCase(), ref, route: routeByEmail(value) });
      return;
    }
    const change = object === 'deal' && action === 'propertyChange' ? dealChange(property) : undefined;
    if (!change) return reject(`${e.subscriptionType}${property ? ` ${property}` : ''} is not a change the agent reads`);
    let to = value;
    if (value !== null && change === 'renewal_date') {
      to = toIso(value);
      if (!to) return reject(`unreadable date "${value.slice(0, 80)}" for ${property}`);
    }
    if (value !== null && change === 'stage') to = crmStage(value, { ...opts.stageMap, ...opts.portalStageMaps?.[String(e.portalId)] });
    addSignal(out, position, {
      kind: 'crm', occurredAt, externalId, source: 'hubspot', change, to,
      text: `HubSpot deal ${e.objectId}: ${property} → ${value ?? '(empty)'}${e.changeSource ? ` (${e.changeSource})` : ''}`,
    }, { externalRef: `hubspot:deal:${e.objectId}` });
  });
  return out;
}
