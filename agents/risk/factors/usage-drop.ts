// Usage down against the account's own baseline: a persisting drop (a cliff) or a steady slide over
// several weeks (see usage-trend.ts for both rules).
import { NONE, flagged, type FactorCheck } from '../check.js';
import type { Timeline } from '../timeline.js';
import { usageSlides, usageTrends, type UsageSlide, type UsageTrend } from '../usage-trend.js';
import { day, num } from '../explain.js';

type Fall = { metric: string; changePct: number; thresholdPct: number; evidence: string[]; explain: () => string };

function cliffOf(u: UsageTrend, tl: Timeline): Fall {
  const { dropPct, recentDays, baselineDays } = tl.config.usage;
  return {
    metric: u.metric, changePct: u.changePct, thresholdPct: dropPct, evidence: [u.firstBaseline.id, u.latest.id],
    explain: () => `${u.metric} fell ${num(-u.changePct)}% against the account's own baseline: ${num(u.baseline)} → ${num(u.recent)} (mean of the last ${recentDays} days vs the ${baselineDays} days before; latest ${num(u.latest.value)} on ${day(u.latest.occurredAt)})`,
  };
}

function slideOf(u: UsageSlide, tl: Timeline): Fall {
  return {
    metric: u.metric, changePct: u.changePct, thresholdPct: tl.config.usage.slide.dropPct, evidence: [u.first.id, u.latest.id],
    explain: () => `${u.metric} slid ${num(-u.changePct)}% over ${u.weeks.length} weeks with no single cliff, about ${num(-u.perWeekPct)}% a week: weekly means ${u.weeks.map((w) => num(w.mean)).join(' → ')} (fitted ${num(u.start)} → ${num(u.end)} against the account's own level ${u.weeks.length} weeks ago; latest ${num(u.latest.value)} on ${day(u.latest.occurredAt)})`,
  };
}

export function usageDrop(tl: Timeline): FactorCheck {
  const { dropPct } = tl.config.usage;
  const cliffs = usageTrends(tl).filter((u) => -u.changePct >= dropPct && -u.latestChangePct >= dropPct && -u.familyChangePct >= dropPct).map((u) => cliffOf(u, tl));
  const slides = usageSlides(tl).map((u) => slideOf(u, tl));
  // One line per metric: where both rules see it, the deeper of the two describes it.
  const falls = [...cliffs, ...slides].filter((f, _, all) => !all.some((g) => g !== f && g.metric === f.metric && (g.changePct < f.changePct || (g.changePct === f.changePct && all.indexOf(g) < all.indexOf(f)))));
  if (falls.length === 0) return NONE;
  const worst = falls.reduce((a, b) => (a.changePct < b.changePct ? a : b));
  const w = tl.config.weights.usage_drop;
  return flagged({
    factor: 'usage_drop',
    // Grows with the depth of the fall: 1.17× at the threshold, the 1.5× cap from 1.5× the threshold.
    weight: Math.round(w * Math.min(1.5, 0.5 + -worst.changePct / (worst.thresholdPct * 1.5))),
    explanation: `${worst.explain()}${falls.length > 1 ? `; also ${falls.filter((d) => d !== worst).map((d) => `${d.metric} ${num(d.changePct)}%`).join(', ')}` : ''}`,
    evidence: falls.flatMap((d) => d.evidence),
  });
}
