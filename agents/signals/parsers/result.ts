// Building a ParseResult: every candidate is validated with SignalInput, so nothing a parser
// returns can fail the API's own schema later.
import { SignalInput } from '../schema.js';
import { domainOf } from '../direction.js';
import { zodReason, type ParseResult, type ParsedItem, type RouteHint } from './types.js';

export function emptyResult(): ParseResult {
  return { items: [], rejected: [] };
}

export function rejectedOnly(position: string, reason: string): ParseResult {
  return { items: [], rejected: [{ position, reason }] };
}

/** Validates one candidate; adds it as an item (with its route) or as a rejection. Returns the item. */
export function addSignal(out: ParseResult, position: string, candidate: Record<string, unknown>, route?: RouteHint, raw?: string): ParsedItem | null {
  const parsed = SignalInput.safeParse(candidate);
  if (!parsed.success) {
    out.rejected.push({ position, reason: zodReason(parsed.error) });
    return null;
  }
  const hint = route && Object.values(route).some((v) => v !== undefined && v !== '') ? dropEmpty(route) : undefined;
  const item: ParsedItem = { signal: parsed.data, ...(hint ? { route: hint } : {}), ...(raw !== undefined ? { raw } : {}) };
  out.items.push(item);
  return item;
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

/** An ISO 8601 instant from epoch seconds or milliseconds, an ISO string or a date; null when unreadable. */
export function toIso(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  const epoch = (n: number) => new Date(Math.abs(n) < EPOCH_SECONDS_BELOW ? n * 1000 : n);
  const d = typeof v === 'number' || (typeof v === 'string' && /^\d{10,}$/.test(v.trim())) ? epoch(Number(v))
    : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? new Date(`${v.trim()}T00:00:00Z`)
      : typeof v === 'string' ? new Date(v.trim()) : v instanceof Date ? v : null;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
}
