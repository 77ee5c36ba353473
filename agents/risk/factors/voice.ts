// What the customer says: competitors in play, negative sentiment, expansion and buying intent.
import type { Factor } from '../types.js';
import type { Signal } from '../../signals/schema.js';
import { DAY, ago, t, type Timeline } from '../timeline.js';

function recent(tl: Timeline, daysBack: number): Signal[] {
  const since = tl.now - daysBack * DAY;
  return tl.signals.filter((s) => t(s.occurredAt) >= since);
}

export function competitorMention(tl: Timeline): Factor | null {
  const hits = recent(tl, tl.config.recentDays * 2).flatMap((s) => (s.insights?.competitors ?? []).filter((c) => !c.replacing).map((c) => ({ c, s })));
  if (hits.length === 0) return null;
  const names = [...new Set(hits.map((h) => h.c.name))];
  const lastHit = hits[hits.length - 1];
  return {
    factor: 'competitor_mention',
    weight: tl.config.weights.competitor_mention + 3 * Math.min(3, hits.length - 1),
    explanation: `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} in play: mentioned ${hits.length} time${hits.length === 1 ? '' : 's'}, last ${ago(tl.now - t(lastHit.s.occurredAt))} ago`,
    evidence: [...new Set(hits.slice(-3).map((h) => h.s.id))],
  };
}

export function negativeSentiment(tl: Timeline): Factor | null {
  const window = recent(tl, 14);
  const neg = window.filter((s) => (s.insights?.sentiment ?? 0) <= -0.25 && s.insights?.negativeText);
  const urgentTickets = window.filter((s) => s.kind === 'ticket' && ['high', 'urgent'].includes(s.priority) && ['open', 'pending'].includes(s.status));
  if (neg.length === 0 && urgentTickets.length === 0) return null;
  const worst = neg.reduce<Signal | undefined>((a, b) => (!a || (b.insights!.sentiment < a.insights!.sentiment) ? b : a), undefined);
  const parts: string[] = [];
  if (worst) parts.push(`${neg.length} recent message${neg.length === 1 ? '' : 's'} from ${tl.account.name} ${neg.length === 1 ? 'is' : 'are'} negative ("${worst.insights!.negativeText}")`);
  if (urgentTickets.length) parts.push(`${urgentTickets.length} ${urgentTickets.length === 1 ? 'urgent ticket is' : 'urgent tickets are'} open`);
  return {
    factor: 'negative_sentiment',
    weight: Math.round(tl.config.weights.negative_sentiment * Math.min(1.6, 0.8 + 0.3 * (neg.length + urgentTickets.length))),
    explanation: parts.join('; '),
    evidence: [...neg.slice(-3), ...urgentTickets.slice(-2)].map((s) => s.id),
  };
}

export function expansionSignal(tl: Timeline): Factor | null {
  const hits = recent(tl, tl.config.recentDays * 2).flatMap((s) => (s.insights?.expansion ?? []).map((e) => ({ e, s })));
  if (hits.length === 0) return null;
  const top = hits[hits.length - 1];
  const speaker = top.e.speaker ? tl.contacts.find((c) => c.name && top.e.speaker!.toLowerCase().includes(c.name.split(' ')[0].toLowerCase())) : undefined;
  const whoSaid = speaker ? `${speaker.name}${speaker.title ? ` (${speaker.title})` : ''}` : top.e.speaker ?? 'The customer';
  return {
    factor: 'expansion_signal',
    weight: tl.config.weights.expansion_signal,
    explanation: `${whoSaid} said ${ago(tl.now - t(top.s.occurredAt))} ago: "${top.e.text.replace(/^[^:]{2,60}:\s*/, '')}"`,
    evidence: [...new Set(hits.slice(-3).map((h) => h.s.id))],
    contacts: speaker ? [speaker.email] : [],
  };
}

export function buyingSignal(tl: Timeline): Factor | null {
  const hits = recent(tl, 14).flatMap((s) => (s.insights?.buying ?? []).map((b) => ({ b, s })));
  if (hits.length === 0) return null;
  const top = hits[hits.length - 1];
  return {
    factor: 'buying_signal',
    weight: tl.config.weights.buying_signal + 3 * Math.min(3, hits.length - 1),
    explanation: `Buying intent ${ago(tl.now - t(top.s.occurredAt))} ago: "${top.b.text}"${hits.length > 1 ? ` (${hits.length} signals in two weeks)` : ''}`,
    evidence: [...new Set(hits.slice(-3).map((h) => h.s.id))],
  };
}
