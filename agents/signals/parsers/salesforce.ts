// Salesforce opportunity changes → crm signals. Two shapes:
//   Change Data Capture events: { ChangeEventHeader: { entityName, changeType, changedFields,
//     nulledFields?, recordIds, commitTimestamp, transactionKey }, <changed fields> }, also wrapped
//     as { payload } or { data: { payload } } (CometD);
//   a plain change: { sobject, Id, occurredAt | LastModifiedDate, changes: { Field: value | { old, new } } }.
// Opportunity: StageName → stage (as a DESIGN stage), OwnerId → owner, CloseDate and renewal date
// fields → renewal_date, Amount → amount, NextStep → next_step; one signal a field and record. A CREATE
// reads only the fields it set (nothing is cleared) and not CloseDate (a close date, not a renewal).
// OpportunityContactRole: Role → contact_role, mapped to DESIGN roles (see crm-vocabulary.ts), with
// a contact record when the contact's email is known (ContactEmail, or Contact.Email) and a
// contact update by ContactId. Keyed by record, transaction and field (source 'salesforce');
// routed by the opportunity (externalRef salesforce:<OpportunityId>).
import { z } from 'zod';
import { crmRole, crmStage } from './crm-vocabulary.js';
import { addContact, addSignal, readRecord, toIso } from './result.js';
import { lookup } from '../../lookup.js';
import type { ParseOptions, ParseResult } from './types.js';
import type { CRM_CHANGES } from '../schema.js';

type Change = (typeof CRM_CHANGES)[number];
type Fields = Record<string, unknown>;

interface ChangeEventHeader { entityName?: string; changeType?: string; changedFields?: string[]; nulledFields?: string[]; recordIds?: string[]; commitTimestamp?: number; transactionKey?: string }
export interface SalesforceChange { ChangeEventHeader?: ChangeEventHeader; sobject?: string; Id?: string; occurredAt?: string; changes?: Fields; [field: string]: unknown }

/** One change, whatever shape it came in: entity, records, time, key, and each field's new (and old) value. */
interface Normalised { entity?: string; changeType: string; recordIds: string[]; occurredAt: string | null; key?: string; fields: Map<string, { to: unknown; from?: unknown }>; body: Fields; bitmaps?: boolean }

const OPPORTUNITY_FIELDS: Record<string, Change> = { StageName: 'stage', OwnerId: 'owner', CloseDate: 'renewal_date', Amount: 'amount', NextStep: 'next_step' };
const EMAIL = z.email();

/** The change a field reads as; a new opportunity's CloseDate is when it should close, not a renewal. */
function opportunityChange(field: string, changeType = 'UPDATE'): Change | undefined {
  if (changeType === 'CREATE' && field === 'CloseDate') return undefined;
  return lookup(OPPORTUNITY_FIELDS, field) ?? (/renewal.*date/i.test(field) ? 'renewal_date' : undefined);
}

const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : undefined);

/**
 * The change event inside the envelope it came in: CometD ({ data: { payload } }), a bare
 * { payload }, a CloudEvent ({ specversion, data }) or an AWS EventBridge event ({ detail:
 * { payload } }); the first that holds a ChangeEventHeader, else the payload as sent.
 */
export function changeEventOf(raw: unknown): SalesforceChange {
  const o = obj(raw);
  const inner = [obj(obj(o?.data)?.payload), obj(o?.payload), obj(obj(o?.detail)?.payload), obj(o?.detail), obj(o?.data)];
  return (inner.find((e) => e?.ChangeEventHeader) ?? inner[0] ?? inner[1] ?? o ?? {}) as SalesforceChange;
}

/** Pub/Sub API events name their fields by bit positions in the schema ("0x400002", "3-0x01"), not by name. */
const BITMAP = /^(\d+-)?0x[0-9a-f]+$/i;
const hasValue = (v: unknown) => v !== null && v !== undefined && v !== '';

function normalise(raw: unknown): Normalised {
  const e = changeEventOf(raw);
  const h = e.ChangeEventHeader;
  if (h) {
    const { ChangeEventHeader: _, ...body } = e;
    const changeType = (h.changeType ?? 'UPDATE').toUpperCase();
    const named = (list: unknown) => (Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string' && !BITMAP.test(f)) : []);
    // Without the schema a bitmap cannot be decoded; Pub/Sub sends every field and leaves the
    // unchanged ones null, so the fields that carry a value are the ones that changed.
    const bitmaps = Array.isArray(h.changedFields) && h.changedFields.length > 0 && named(h.changedFields).length === 0;
    const names = changeType === 'UPDATE' && named(h.changedFields).length ? named(h.changedFields) : Object.keys(body);
    // A CREATE's facts are the fields it set: an empty field was never cleared, only left unset.
    const set = (f: string) => (changeType !== 'CREATE' && !bitmaps) || hasValue(body[f]);
    const fields = new Map<string, { to: unknown }>(names.filter((f) => f in body && set(f)).map((f) => [f, { to: body[f] }]));
    if (changeType !== 'CREATE') for (const f of named(h.nulledFields)) fields.set(f, { to: null });
    // A list, or nothing: a string here was walked character by character (300,000 one-letter "records"
    // from one field, seconds of work; found by test/fuzz/parsers.test.ts).
    const recordIds = Array.isArray(h.recordIds) ? h.recordIds.filter((id) => typeof id === 'string' || typeof id === 'number').map(String) : [];
    return { entity: h.entityName, changeType, recordIds, occurredAt: toIso(h.commitTimestamp), key: h.transactionKey, fields, body, bitmaps };
  }
  const changes = e.changes ?? {};
  const fields = new Map(Object.entries(changes).map(([f, v]) => [f, v && typeof v === 'object' && 'new' in v ? { to: (v as { new: unknown }).new, from: (v as { old?: unknown }).old } : { to: v }]));
  const body: Fields = { ...e, ...Object.fromEntries([...fields].map(([f, v]) => [f, v.to])) };
  return { entity: e.sobject, changeType: 'UPDATE', recordIds: e.Id ? [String(e.Id)] : [], occurredAt: toIso(e.occurredAt ?? e.LastModifiedDate ?? changes.LastModifiedDate), fields, body };
}

/** A field value as the signal's text value: dates as ISO, numbers as strings, empty as null. */
function valueOf(change: Change, v: unknown, opts: ParseOptions): string | null | undefined {
  if (v === null || v === undefined || v === '') return null;
  if (change === 'renewal_date') return toIso(v) ?? undefined;
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return change === 'stage' ? crmStage(s, opts.stageMap) : s;
}

export function parseSalesforce(payload: unknown, opts: ParseOptions = {}): ParseResult {
  const list: unknown[] = Array.isArray(payload) ? payload : Array.isArray((payload as { events?: unknown[] })?.events) ? (payload as { events: unknown[] }).events : [payload];
  const out: ParseResult = { items: [], rejected: [], contacts: [], contactUpdates: [] };
  list.forEach((raw, i) => readRecord(out, `change ${i + 1}`, () => {
    const c = normalise(raw);
    const position = `change ${i + 1}${c.recordIds[0] ? ` (${c.recordIds[0]})` : ''}`;
    const reject = (reason: string, where = position) => { out.rejected.push({ position: where, reason }); };
    if (!c.entity || c.recordIds.length === 0) return reject('entityName (or sobject) and a record id are required');
    if (!c.occurredAt) return reject('no commitTimestamp (or occurredAt / LastModifiedDate)');
    if (c.changeType !== 'UPDATE' && c.changeType !== 'CREATE') return reject(`${c.entity} ${c.changeType} changes are not read`);
    const key = c.key ?? c.occurredAt;

    if (c.entity === 'OpportunityContactRole') {
      const roleRaw = c.fields.get('Role')?.to;
      if (typeof roleRaw !== 'string' || !roleRaw.trim()) return reject('a contact role change without a Role');
      const role = crmRole(roleRaw);
      const contactId = c.body.ContactId ? String(c.body.ContactId) : undefined;
      const emailRaw = c.body.ContactEmail ?? (c.body.Contact as { Email?: unknown } | undefined)?.Email;
      const email = typeof emailRaw === 'string' && EMAIL.safeParse(emailRaw.trim()).success ? emailRaw.trim().toLowerCase() : undefined;
      const oldRole = c.fields.get('Role')?.from;
      for (const id of c.recordIds) {
        const route = { externalRef: `salesforce:${String(c.body.OpportunityId ?? id)}` };
        const item = addSignal(out, position, {
          kind: 'crm', occurredAt: c.occurredAt, externalId: `${id}:${key}:Role`, source: 'salesforce', change: 'contact_role',
          to: role ?? roleRaw.trim(), ...(typeof oldRole === 'string' ? { from: crmRole(oldRole) ?? oldRole } : {}),
          ...(email ? { contactEmail: email } : {}),
          text: `Contact ${email ?? contactId ?? 'unknown'} is ${roleRaw.trim()} on opportunity ${String(c.body.OpportunityId ?? id)}`,
        }, route);
        if (!item) continue;
        const ref = contactId ? `salesforce:contact:${contactId}` : undefined;
        if (email && role) addContact(out, { email, role, ...(ref ? { ref } : {}), route });
        if (ref) out.contactUpdates!.push({ ref, field: 'role', value: role ?? roleRaw.trim(), occurredAt: c.occurredAt, source: 'salesforce', externalId: `${id}:${key}:Role`, route });
      }
      return;
    }
    if (c.entity !== 'Opportunity') return reject(`${c.entity} changes are not read`);
    const known = [...c.fields.keys()].filter((f) => opportunityChange(f, c.changeType));
    if (known.length === 0) return reject(`none of ${[...c.fields.keys()].join(', ') || 'its fields'} is a change the agent reads`);
    if (c.bitmaps && c.changeType === 'UPDATE') (out.warnings ??= []).push({ position, reason: 'changedFields are bitmaps (Pub/Sub API): read the fields that carry a value; a field cleared to empty is not seen' });
    for (const id of c.recordIds) {
      for (const f of known) {
        const change = opportunityChange(f, c.changeType)!;
        const { to: newValue, from: oldValue } = c.fields.get(f)!;
        const to = valueOf(change, newValue, opts);
        if (to === undefined) { reject(`unreadable date "${String(newValue).slice(0, 80)}"`, `${position} ${f}`); continue; }
        const from = oldValue === undefined ? undefined : valueOf(change, oldValue, opts);
        addSignal(out, `${position} ${f}`, {
          kind: 'crm', occurredAt: c.occurredAt, externalId: `${id}:${key}:${f}`, source: 'salesforce', change, to,
          ...(from !== undefined ? { from } : {}),
          text: `Opportunity ${id}: ${f} → ${newValue === null || newValue === undefined || newValue === '' ? '(empty)' : String(newValue)}`,
        }, { externalRef: `salesforce:${id}` });
      }
    }
  }));
  return out;
}
