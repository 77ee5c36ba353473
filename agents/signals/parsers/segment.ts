// Segment events (one event, an array, or a batch `{ batch: [...] }`) → engagement and usage.
//   engagement: proposal views ("Proposal Viewed", "proposal_viewed", a page under /proposal),
//     pricing page visits ("Pricing Page Viewed", a page named Pricing or under /pricing),
//     "Form Submitted", "Link Clicked" (and their snake_case and past/present variants);
//   usage: any other track event with a numeric properties.value or properties.count, or one
//     named like a usage metric (logins, sessions, feature use, exports, API calls) counting 1;
//   everything else (identify, group, alias, other pages and screens, other tracks) is rejected with a reason.
// HTTP API bodies without a type (/v1/track, /v1/page) are typed by their fields (segmentType).
// Keyed by messageId (source 'segment'); routed by context.groupId / properties.accountId, or the
// contact's email domain.
import { z } from 'zod';
import { ENGAGEMENT_EVENTS } from '../schema.js';
import { addSignal, readRecord, routeByEmail, toIso } from './result.js';
import type { ParseOptions, ParseResult } from './types.js';

type Props = Record<string, unknown>;
interface SegmentEvent {
  type?: string; event?: string; name?: string; messageId?: string; timestamp?: string; originalTimestamp?: string; sentAt?: string; receivedAt?: string;
  userId?: string; anonymousId?: string; groupId?: string;
  properties?: Props; traits?: Props;
  context?: { traits?: Props; page?: { url?: string; path?: string; title?: string }; groupId?: string };
}
type Engagement = (typeof ENGAGEMENT_EVENTS)[number];
const EMAIL = z.email();

/** "Proposal Viewed", "proposal_viewed", "proposalViewed" → "proposal_viewed". */
const norm = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

const USAGE_NAMES = /(^|_)(log(ged)?_?in|sign(ed)?_in|session|feature_used|used|export(ed)?|api_(call|request)s?|report_(run|generated|exported|created)|seats?|active_users?|upload(ed)?|download(ed)?|created|completed)(_|$)/;

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function urlOf(e: SegmentEvent): string | undefined {
  return str(e.context?.page?.url) ?? str(e.properties?.url) ?? str(e.properties?.href) ?? str(e.context?.page?.path) ?? str(e.properties?.path);
}

function engagementOf(e: SegmentEvent, type: string): Engagement | null {
  const n = norm(e.event ?? e.name ?? '');
  const path = (() => {
    const u = urlOf(e) ?? '';
    try { return new URL(u, 'https://x.invalid').pathname.toLowerCase(); } catch { return u.toLowerCase(); }
  })();
  const page = type === 'page' || type === 'screen';
  if (/proposal.*(view|open)|(view|open).*proposal/.test(n) || (page && /(^|\/)proposals?(\/|$)/.test(path))) return 'proposal_viewed';
  if (/pricing.*(view|visit)|(view|visit).*pricing/.test(n) || (page && (n === 'pricing' || /(^|\/)pricing(\/|$)/.test(path)))) return 'pricing_page_visit';
  if (/form.*submit|submit.*form/.test(n)) return 'form_submitted';
  if (/link.*click|click.*link/.test(n)) return 'link_clicked';
  return null;
}

function numberOf(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

const SPEC_TYPES = ['track', 'page', 'screen', 'identify', 'group', 'alias'];

/**
 * An event's Segment type: its own `type`, else what the HTTP API endpoint it was posted to implies
 * (a /v1/track body has `event`; a /v1/page body has `name` or `properties`; /v1/identify `traits`).
 */
export function segmentType(raw: unknown): string | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const e = raw as SegmentEvent & { previousId?: string };
  // Segment-compatible senders (RudderStack, some server libraries) write the type capitalised: "Track".
  if (typeof e.type === 'string') return e.type.trim().toLowerCase();
  if (!e.userId && !e.anonymousId) return e.event ? 'track' : undefined;
  if (e.event) return 'track';
  if (e.previousId) return 'alias';
  if (e.groupId && e.traits) return 'group';
  if (e.traits && !e.properties && !e.name) return 'identify';
  if (e.name || e.properties) return 'page';
  return undefined;
}

/** True when some event of the payload is in one of the Segment spec's shapes (looks past the first). */
export function looksLikeSegment(payload: unknown): boolean {
  return eventsOf(payload).some((raw) => {
    const e = raw as SegmentEvent | null;
    const type = segmentType(raw);
    if (!e || !type || !SPEC_TYPES.includes(type)) return false;
    // An id the spec requires (userId or anonymousId), or the fields a typed event carries.
    return !!(e.userId || e.anonymousId || (e.type && ('messageId' in e || 'event' in e || 'properties' in e)));
  });
}

function eventsOf(payload: unknown): unknown[] {
  if (Array.isArray(payload)) return payload;
  const batch = (payload as { batch?: unknown })?.batch;
  return Array.isArray(batch) ? batch : [payload];
}

export function parseSegment(payload: unknown, _opts: ParseOptions = {}): ParseResult {
  const out: ParseResult = { items: [], rejected: [] };
  eventsOf(payload).forEach((raw, i) => readRecord(out, `event ${i + 1}`, () => {
    const e = (raw && typeof raw === 'object' ? raw : {}) as SegmentEvent;
    const position = `event ${i + 1}${e.messageId ? ` (${e.messageId})` : ''}`;
    const type = segmentType(e);
    if (type !== 'track' && type !== 'page' && type !== 'screen') {
      out.rejected.push({ position, reason: type ? `${type} events are not read (only track, page and screen events carry engagement or usage)` : 'not a Segment event (no type, and not a track, page or identify body)' });
      return;
    }
    const occurredAt = toIso(e.timestamp ?? e.originalTimestamp ?? e.sentAt ?? e.receivedAt);
    if (!occurredAt) { out.rejected.push({ position, reason: 'no readable timestamp' }); return; }
    const email = [e.context?.traits?.email, e.properties?.email, e.traits?.email].map(str).find((x) => x && EMAIL.safeParse(x).success)?.toLowerCase();
    const contactName = str(e.context?.traits?.name) ?? str(e.traits?.name) ?? str(e.properties?.name);
    const base = { occurredAt, source: 'segment', ...(e.messageId ? { externalId: e.messageId } : {}) };
    const accountId = str(e.context?.groupId) ?? str(e.groupId) ?? str(e.properties?.accountId) ?? str(e.properties?.account_id);
    const route = { accountId, ...routeByEmail(email) };
    const engagement = engagementOf(e, type);
    if (engagement) {
      const url = urlOf(e);
      const text = str(e.properties?.message) ?? str(e.properties?.comment) ?? str(e.properties?.comments) ?? str(e.properties?.text) ?? str(e.properties?.label);
      addSignal(out, position, {
        kind: 'engagement', ...base, event: engagement,
        ...(email ? { contactEmail: email } : {}), ...(contactName ? { contactName: contactName.slice(0, 200) } : {}),
        ...(url ? { url: url.slice(0, 2000) } : {}), ...(text ? { text: text.slice(0, 20_000) } : {}),
      }, route);
      return;
    }
    const name = (e.event ?? e.name ?? '').trim();
    const value = numberOf(e.properties?.value) ?? numberOf(e.properties?.count) ?? (type === 'track' && USAGE_NAMES.test(norm(name)) ? 1 : null);
    if (type !== 'track' || !name || value === null) {
      out.rejected.push({ position, reason: type === 'track' ? `"${name}" is not an engagement event and has no numeric properties.value or properties.count` : `a ${type} view that is not a proposal or pricing page` });
      return;
    }
    const unit = str(e.properties?.unit);
    addSignal(out, position, { kind: 'usage', ...base, metric: name.slice(0, 200), value, ...(unit ? { unit: unit.slice(0, 50) } : {}) }, route);
  }));
  return out;
}
