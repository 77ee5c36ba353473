// Recent inbound human messages that read negative (and open urgent tickets), unless the same
// person has since written in clearly positive terms, or the ticket has been solved.
import type { Signal } from '../../signals/schema.js';
import { NONE, flagged, type FactorCheck } from '../check.js';
import { DAY, senderOf, t, within, type Timeline } from '../timeline.js';
import { ago, quote, unique, who } from '../explain.js';

/** A ticket solved or closed (in this update or a later one with the same subject) is no longer a complaint. */
function ticketSolved(tl: Timeline, s: Signal): boolean {
  if (s.kind !== 'ticket') return false;
  const done = (x: Signal) => x.kind === 'ticket' && (x.status === 'solved' || x.status === 'closed');
  return done(s) || tl.signals.some((x) => done(x) && x.kind === 'ticket' && t(x.occurredAt) >= t(s.occurredAt) && x.subject.toLowerCase() === s.subject.toLowerCase());
}

export function negativeSentiment(tl: Timeline): FactorCheck {
  const { threshold, lookbackDays, resolvedAt } = tl.config.sentiment;
  const recent = within(tl, tl.fromThem, lookbackDays);
  const settled = (s: Signal) => {
    const from = senderOf(s);
    return Boolean(from) && recent.some((x) => t(x.occurredAt) > t(s.occurredAt) && senderOf(x) === from && (x.insights?.sentiment ?? 0) >= resolvedAt);
  };
  const negative = recent.filter((s) => (s.insights?.sentiment ?? 0) <= threshold && s.insights?.negativeText && !settled(s) && !ticketSolved(tl, s));
  const urgent = recent.filter((s) => s.kind === 'ticket' && (s.priority === 'high' || s.priority === 'urgent') && !ticketSolved(tl, s));
  const counted = [...negative, ...urgent.filter((s) => !negative.includes(s))];
  if (counted.length === 0) return NONE;
  const worst = negative.reduce<Signal | undefined>((a, b) => (!a || b.insights!.sentiment < a.insights!.sentiment ? b : a), undefined);
  const parts: string[] = [];
  if (worst) parts.push(`${who(tl, worst)} ${ago(tl.now - t(worst.occurredAt))} ago: ${quote(worst.insights!.negativeText!)}${negative.length > 1 ? ` (${negative.length} negative messages in ${lookbackDays} days)` : ''}`);
  if (urgent.length) parts.push(`${urgent.length} ${urgent.length === 1 ? 'urgent ticket is' : 'urgent tickets are'} open`);
  const newest = Math.max(...counted.map((s) => t(s.occurredAt)));
  return flagged({
    factor: 'negative_sentiment',
    weight: Math.round(tl.config.weights.negative_sentiment * Math.min(1.6, 0.8 + 0.3 * counted.length)),
    explanation: `Negative sentiment from ${tl.account.name}: ${parts.join('; ')}`,
    evidence: unique([...negative.slice(-3), ...urgent.slice(-2)].map((s) => s.id)),
    contacts: unique(counted.map(senderOf).filter((e): e is string => Boolean(e))),
  }, newest + lookbackDays * DAY);
}
