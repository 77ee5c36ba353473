// A competitor named as an alternative in play. Named as the tool being replaced, or a tool we integrate with, it is no threat.
import { NONE, flagged, type FactorCheck } from '../check.js';
import { DAY, senderOf, t, within, type Timeline } from '../timeline.js';
import { ago, quote, unique } from '../explain.js';

export function competitorMention(tl: Timeline): FactorCheck {
  const { lookbackDays } = tl.config.competitor;
  const hits = within(tl, tl.human, lookbackDays).flatMap((s) => (s.insights?.competitors ?? []).filter((c) => !c.replacing && c.context !== 'replacing' && c.context !== 'integration').map((c) => ({ c, s })));
  const latest = hits[hits.length - 1];
  if (!latest) return NONE;
  const names = unique(hits.map((h) => h.c.name));
  return flagged({
    factor: 'competitor_mention',
    weight: tl.config.weights.competitor_mention + 3 * Math.min(3, hits.length - 1),
    explanation: `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} in play: mentioned ${hits.length} time${hits.length === 1 ? '' : 's'} in ${lookbackDays} days, last ${ago(tl.now - t(latest.s.occurredAt))} ago: ${quote(latest.c.text)}`,
    evidence: unique(hits.slice(-3).map((h) => h.s.id)),
    contacts: unique(hits.map((h) => senderOf(h.s)).filter((e): e is string => Boolean(e) && tl.people.has(e!.toLowerCase()))),
  }, t(latest.s.occurredAt) + lookbackDays * DAY);
}
