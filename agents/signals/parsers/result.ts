// Building a ParseResult: every candidate is validated with SignalInput, so nothing a parser
// returns can fail the API's own schema later.
import { SignalInput } from '../schema.js';
import { domainOf } from '../direction.js';
import { zodReason, type ContactRecord, type ParseResult, type ParsedItem, type RouteHint } from './types.js';

export function emptyResult(): ParseResult {
  return { items: [], rejected: [] };
}

export function rejectedOnly(position: string, reason: string): ParseResult {
  return { items: [], rejected: [{ position, reason }] };
}

/** A UTF-16 surrogate without its other half. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Postgres text and jsonb cannot hold U+0000, and jsonb refuses an unpaired UTF-16 surrogate
 * ("\\ud800", which JSON.parse lets through and JSON.stringify writes back as an escape). A NUL read
 * from a file (a stray byte in a mail archive, a transcript, a CRM field) is dropped and an unpaired
 * surrogate becomes U+FFFD, wherever they are: before this, one such character failed the whole
 * import batch or webhook with a 500 (found by test/fuzz/parsers.test.ts and webhooks.test.ts).
 * Applied to values already shaped by a schema, so the depth is small.
 */
export function storable<T>(v: T): T {
  if (typeof v === 'string') return v.replace(/\u0000/g, '').replace(LONE_SURROGATE, '\uFFFD') as T;
  if (Array.isArray(v)) return v.map(storable) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [storable(k), storable(x)])) as T;
  return v;
}
/** Validates one candidate; adds it as an item (with its route) or as a rejection. Returns the item. */
export function addSignal(out: ParseResult, position: string, candidate: Record<string, unknown>, route?: RouteHint, raw?: string): ParsedItem | null {
  const first = SignalInput.safeParse(candidate);
  // Validated again once storable: a field that was nothing but NULs is then missing, and said so.
  const parsed = first.success ? SignalInput.safeParse(storable(first.data)) : first;
  if (!parsed.success) {
    out.rejected.push({ position, reason: zodReason(parsed.error) });
    return null;
  }
  const clean = route ? storable(route) : undefined;
  const hint = clean && Object.values(clean).some((v) => v !== undefined && v !== '') ? dropEmpty(clean) : undefined;
  const item: ParsedItem = { signal: parsed.data, ...(hint ? { route: hint } : {}), ...(raw !== undefined ? { raw: storable(raw) } : {}) };
  out.items.push(item);
  return item;
}

/**
 * Reads one record of a JSON payload: a record whose fields have types the reader did not expect (a
 * number where a list belongs, an object for a title) is rejected with its position and the error
 * instead of failing the whole payload with a TypeError (found by test/fuzz/parsers.test.ts).
 */
export function readRecord(out: ParseResult, position: string, read: () => void): void {
  try {
    read();
  } catch (err) {
    out.rejected.push({ position, reason: `unreadable record (${(err as Error)?.message ?? String(err)})` });
  }
}

/** Adds a contact fact, storable (see storable). */
export function addContact(out: ParseResult, contact: ContactRecord): void {
  (out.contacts ??= []).push(storable(contact));
}

/** Appends `more` to `into` (items, rejections, warnings, contacts). */
export function mergeResults(into: ParseResult, more: ParseResult): ParseResult {
  into.items.push(...more.items);
  into.rejected.push(...more.rejected);
  if (more.warnings?.length) (into.warnings ??= []).push(...more.warnings);
  if (more.contacts?.length) (into.contacts ??= []).push(...more.contacts);
  if (more.contactUpdates?.length) (into.contactUpdates ??= []).push(...more.contactUpdates);
  return into;
}

function dropEmpty(route: RouteHint): RouteHint {
  return Object.fromEntries(Object.entries(route).filter(([, v]) => v !== undefined && v !== '')) as RouteHint;
}

/** A route from an email address: the address and its domain. */
export function routeByEmail(email: string | undefined): RouteHint {
  const e = email?.trim().toLowerCase();
  return e && e.includes('@') ? { email: e, domain: domainOf(e) } : {};
}

/** Epoch numbers below this are seconds (as milliseconds they would fall before March 1973). */
const EPOCH_SECONDS_BELOW = 1e11;

/** An ISO date and time without an offset ("2026-02-25T12:00:00.123456", as naive server clocks write it). */
const NAIVE_ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * An ISO 8601 instant from epoch seconds or milliseconds, an ISO string or a date; null when
 * unreadable. A date or date-time without an offset is UTC: JavaScript would read a date-time in the
 * server's own zone, so the same payload stored different instants on differently configured hosts.
 */
export function toIso(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  const epoch = (n: number) => new Date(Math.abs(n) < EPOCH_SECONDS_BELOW ? n * 1000 : n);
  const s = typeof v === 'string' ? v.trim() : '';
  const d = typeof v === 'number' || /^\d{10,}$/.test(s) ? epoch(Number(v))
    : /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`)
      : NAIVE_ISO.test(s) ? new Date(`${s.replace(' ', 'T')}Z`)
        : typeof v === 'string' ? new Date(s) : v instanceof Date ? v : null;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
}

/**
 * A payload's fields as plain values: an object or array where a scalar belongs becomes its JSON text,
 * so String() and template literals cannot throw on it ({"toString": 1} has no callable toString: a 500).
 */
export function scalarFields<T>(raw: unknown): T {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {} as T;
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v !== null && typeof v === 'object' ? jsonText(v) : v])) as T;
}

function jsonText(v: object): string {
  try { return JSON.stringify(v); } catch { return '[unreadable]'; }
}
