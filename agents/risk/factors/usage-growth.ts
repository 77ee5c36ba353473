// Usage up against the account's own baseline, persisting: an expansion opportunity.
import { NONE, flagged, type FactorCheck } from '../check.js';
import type { Timeline } from '../timeline.js';
import { usageTrends } from '../usage-trend.js';
import { day, num } from '../explain.js';

export function usageGrowth(tl: Timeline): FactorCheck {
  const { growthPct, recentDays, baselineDays } = tl.config.usage;
  const ups = usageTrends(tl).filter((u) => u.changePct >= growthPct && u.latestChangePct >= growthPct && u.familyChangePct >= growthPct);
  if (ups.length === 0) return NONE;
  const best = ups.reduce((a, b) => (a.changePct > b.changePct ? a : b));
  return flagged({
    factor: 'usage_growth',
    weight: tl.config.weights.usage_growth,
    explanation: `${best.metric} grew ${num(best.changePct)}% against the account's own baseline: ${num(best.baseline)} → ${num(best.recent)} (mean of the last ${recentDays} days vs the ${baselineDays} days before; latest ${num(best.latest.value)} on ${day(best.latest.occurredAt)})`,
    evidence: ups.flatMap((d) => [d.firstBaseline.id, d.latest.id]),
  });
}
