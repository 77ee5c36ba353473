// Segment events (one event, an array, or a batch `{ batch: [...] }`) → engagement and usage.
//   engagement: proposal views ("Proposal Viewed", "proposal_viewed", a page under /proposal),
//     pricing page visits ("Pricing Page Viewed", a page named Pricing or under /pricing),
//     "Form Submitted", "Link Clicked" (and their snake_case and past/present variants);
//   usage: any other track event with a numeric properties.value or properties.count, or one
//     named like a usage metric (logins, sessions, feature use, exports, API calls) counting 1;
//   everything else (identify, group, other pages, other tracks) is rejected with a reason.
// Keyed by messageId (source 'segment'); routed by context.groupId / properties.accountId, or the
// contact's email domain.
import { z } from 'zod';
import { ENGAGEMENT_EVENTS } from '../schema.js';
import { addSignal, routeByEmail, toIso } from './result.js';
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

function engagementOf(e: SegmentEvent): Engagement | null {
  const n = norm(e.event ?? e.name ?? '');
  const path = (() => {
    const u = urlOf(e) ?? '';
    try { return new URL(u, 'https://x.invalid').pathname.toLowerCase(); } catch { return u.toLowerCase(); }
  })();
  const page = e.type === 'page' || e.type === 'screen';
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

function eventsOf(payload: unknown): unknown[] {
  if (Array.isArray(payload)) return payload;
  const batch = (payload as { batch?: unknown })?.batch;
  return Array.isArray(batch) ? batch : [payload];
}

export function parseSegment(payload: unknown, _opts: ParseOptions = {}): ParseResult {
  const out: ParseResult = { items: [], rejected: [] };
  eventsOf(payload).forEach((raw, i) => {
    const e = (raw && typeof raw === 'object' ? raw : {}) as SegmentEvent;
    const position = `event ${i + 1}${e.messageId ? ` (${e.messageId})` : ''}`;
    const type = e.type ?? (e.event ? 'track' : undefined);
    if (type !== 'track' && type !== 'page' && type !== 'screen') { out.rejected.push({ position, reason: `only track and page events are read (got ${type ?? 'no type'})` }); return; }
    const occurredAt = toIso(e.timestamp ?? e.originalTimestamp ?? e.sentAt ?? e.receivedAt);
    if (!occurredAt) { out.rejected.push({ position, reason: 'no readable timestamp' }); return; }
    const email = [e.context?.traits?.email, e.properties?.email, e.traits?.email].map(str).find((x) => x && EMAIL.safeParse(x).success)?.toLowerCase();
    const contactName = str(e.context?.traits?.name) ?? str(e.traits?.name) ?? str(e.properties?.name);
    const base = { occurredAt, source: 'segment', ...(e.messageId ? { externalId: e.messageId } : {}) };
    const accountId = str(e.context?.groupId) ?? str(e.groupId) ?? str(e.properties?.accountId) ?? str(e.properties?.account_id);
    const route = { accountId, ...routeByEmail(email) };
    const engagement = engagementOf(e);
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
  });
  return out;
}
