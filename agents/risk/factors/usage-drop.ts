// Usage down against the account's own baseline, persisting (see usage-trend.ts for the rule).
import { NONE, flagged, type FactorCheck } from '../check.js';
import type { Timeline } from '../timeline.js';
import { usageTrends } from '../usage-trend.js';
import { day, num } from '../explain.js';

export function usageDrop(tl: Timeline): FactorCheck {
  const { dropPct, recentDays, baselineDays } = tl.config.usage;
  const drops = usageTrends(tl).filter((u) => -u.changePct >= dropPct && -u.latestChangePct >= dropPct && -u.familyChangePct >= dropPct);
  if (drops.length === 0) return NONE;
  const worst = drops.reduce((a, b) => (a.changePct < b.changePct ? a : b));
  const w = tl.config.weights.usage_drop;
  return flagged({
    factor: 'usage_drop',
    // Grows with the depth of the drop: 1.17× at the threshold, the 1.5× cap from 1.5× the threshold.
    weight: Math.round(w * Math.min(1.5, 0.5 + -worst.changePct / (dropPct * 1.5))),
    explanation: `${worst.metric} fell ${num(-worst.changePct)}% against the account's own baseline: ${num(worst.baseline)} → ${num(worst.recent)} (mean of the last ${recentDays} days vs the ${baselineDays} days before; latest ${num(worst.latest.value)} on ${day(worst.latest.occurredAt)})${drops.length > 1 ? `; also ${drops.filter((d) => d !== worst).map((d) => `${d.metric} ${num(d.changePct)}%`).join(', ')}` : ''}`,
    evidence: drops.flatMap((d) => [d.firstBaseline.id, d.latest.id]),
  });
}
