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
  const { threshold, lookbackDays, resolvedAt, churnLookbackDays, churnMultiplier } = tl.config.sentiment;
  const recent = within(tl, tl.fromThem, lookbackDays);
  const settled = (s: Signal) => {
    const from = senderOf(s);
    return Boolean(from) && recent.some((x) => t(x.occurredAt) > t(s.occurredAt) && senderOf(x) === from && (x.insights?.sentiment ?? 0) >= resolvedAt);
  };
  // A stated decision not to renew or to leave is not a mood: it counts for longer, however calmly or
  // warmly it was said, and a friendly note afterwards does not settle it; a later step towards buying does.
  const recommitted = (s: Signal) => tl.fromThem.some((x) => t(x.occurredAt) > t(s.occurredAt) && (x.insights?.buying.length ?? 0) > 0);
  const churn = within(tl, tl.fromThem, churnLookbackDays).filter((s) => s.insights?.churnIntent && !recommitted(s));
  const negative = recent.filter((s) => !s.insights?.churnIntent && (s.insights?.sentiment ?? 0) <= threshold && s.insights?.negativeText && !settled(s) && !ticketSolved(tl, s));
  const urgent = recent.filter((s) => s.kind === 'ticket' && (s.priority === 'high' || s.priority === 'urgent') && !ticketSolved(tl, s));
  const counted = [...churn, ...negative, ...urgent.filter((s) => !negative.includes(s) && !churn.includes(s))];
  if (counted.length === 0) return NONE;
  const worst = negative.reduce<Signal | undefined>((a, b) => (!a || b.insights!.sentiment < a.insights!.sentiment ? b : a), undefined);
  const stated = churn[churn.length - 1];
  const parts: string[] = [];
  if (stated) parts.push(`${who(tl, stated)} said ${ago(tl.now - t(stated.occurredAt))} ago that they may not stay: ${quote(stated.insights!.churnIntent!.text)}`);
  if (worst) parts.push(`${who(tl, worst)} ${ago(tl.now - t(worst.occurredAt))} ago: ${quote(worst.insights!.negativeText!)}${negative.length > 1 ? ` (${negative.length} negative messages in ${lookbackDays} days)` : ''}`);
  if (urgent.length) parts.push(`${urgent.length} ${urgent.length === 1 ? 'urgent ticket is' : 'urgent tickets are'} open`);
  const base = tl.config.weights.negative_sentiment * Math.min(1.6, 0.8 + 0.3 * counted.length);
  return flagged({
    factor: 'negative_sentiment',
    weight: Math.round(stated ? Math.max(base, tl.config.weights.negative_sentiment * churnMultiplier) : base),
    explanation: `Negative sentiment from ${tl.account.name}: ${parts.join('; ')}`,
    evidence: unique([...churn.slice(-2), ...negative.slice(-3), ...urgent.slice(-2)].map((s) => s.id)),
    contacts: unique(counted.map(senderOf).filter((e): e is string => Boolean(e))),
  }, Math.max(...[...negative, ...urgent].map((s) => t(s.occurredAt) + lookbackDays * DAY), ...churn.map((s) => t(s.occurredAt) + churnLookbackDays * DAY)));
}
