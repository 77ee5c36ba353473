// Segment `track` (and `page`) events: proposal views, pricing page visits, form fills and link
// clicks become engagement; other events with a numeric value become usage points.
import { SignalInput } from '../schema.js';
import { zodReason, type ParseOptions, type ParseResult } from './types.js';

interface SegmentEvent {
  type?: string; event?: string; name?: string; messageId?: string; timestamp?: string; receivedAt?: string; userId?: string;
  properties?: Record<string, unknown>; traits?: Record<string, unknown>;
  context?: { traits?: Record<string, unknown>; page?: { url?: string; path?: string }; groupId?: string };
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, '_').replace(/^_|_$/g, '');

function engagementEvent(e: SegmentEvent): 'proposal_viewed' | 'pricing_page_visit' | 'form_submitted' | 'link_clicked' | null {
  const n = norm(e.event ?? e.name ?? '');
  const url = String(e.context?.page?.url ?? e.properties?.url ?? e.context?.page?.path ?? '');
  if (/proposal.*(view|open)|(view|open).*proposal/.test(n)) return 'proposal_viewed';
  if (/pricing/.test(n) || (e.type === 'page' && /\/pricing\b/.test(url))) return 'pricing_page_visit';
  if (/form.*submit|submit.*form|demo_request|contact_request/.test(n)) return 'form_submitted';
  if (/link.*click|click.*link|cta_click/.test(n)) return 'link_clicked';
  return null;
}

export function parseSegment(payload: unknown, _opts: ParseOptions = {}): ParseResult {
  const events: SegmentEvent[] = Array.isArray(payload) ? payload : (payload as { batch?: SegmentEvent[] })?.batch ?? [payload as SegmentEvent];
  const out: ParseResult = { items: [], rejected: [] };
  events.forEach((e, i) => {
    const position = `event ${i + 1}${e?.messageId ? ` (${e.messageId})` : ''}`;
    if (!e || (e.type && !['track', 'page'].includes(e.type))) { out.rejected.push({ position, reason: `only track and page events are read (got ${e?.type})` }); return; }
    const email = String(e.context?.traits?.email ?? e.properties?.email ?? e.traits?.email ?? '').toLowerCase() || undefined;
    const occurredAt = e.timestamp ?? e.receivedAt;
    const base = { occurredAt: occurredAt ? new Date(occurredAt).toISOString() : '', source: 'segment', ...(e.messageId ? { externalId: e.messageId } : {}) };
    const kind = engagementEvent(e);
    const candidate = kind
      ? { kind: 'engagement', ...base, event: kind, ...(email ? { contactEmail: email } : {}), ...(e.context?.page?.url || e.properties?.url ? { url: String(e.context?.page?.url ?? e.properties?.url) } : {}),
        ...(typeof e.properties?.message === 'string' ? { text: e.properties.message } : {}) }
      : { kind: 'usage', ...base, metric: e.event ?? e.name ?? '', value: Number(e.properties?.value ?? e.properties?.count ?? 1) };
    const parsed = SignalInput.safeParse(candidate);
    if (!parsed.success) { out.rejected.push({ position, reason: zodReason(parsed.error) }); return; }
    const accountId = (e.context?.groupId ?? e.properties?.accountId) as string | undefined;
    out.items.push({ signal: parsed.data, route: { ...(accountId ? { accountId: String(accountId) } : {}), ...(email ? { email, domain: email.split('@')[1] } : {}) } });
  });
  return out;
}
