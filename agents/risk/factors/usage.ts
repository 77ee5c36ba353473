// Product usage against the account's own trailing baseline.
import type { Factor } from '../types.js';
import type { Signal } from '../../signals/schema.js';
import { DAY, t, type Timeline } from '../timeline.js';

type Usage = Extract<Signal, { kind: 'usage' }>;

export interface UsageTrend { metric: string; baseline: number; recent: number; changePct: number; latest: Usage; firstBaseline: Usage; latestBelowPct: number }

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Recent window (default 7 days) against the prior baseline window (28 days) per metric. The latest
 * point is reported separately: a dip that has already recovered is not a drop.
 */
export function usageTrends(tl: Timeline): UsageTrend[] {
  const { recentDays, baselineDays, minBaselinePoints } = tl.config.usage;
  const usage = tl.signals.filter((s): s is Usage => s.kind === 'usage');
  const out: UsageTrend[] = [];
  for (const metric of new Set(usage.map((u) => u.metric))) {
    const pts = usage.filter((u) => u.metric === metric);
    const recentFrom = tl.now - recentDays * DAY;
    const baseFrom = recentFrom - baselineDays * DAY;
    const recent = pts.filter((p) => t(p.occurredAt) > recentFrom);
    const base = pts.filter((p) => t(p.occurredAt) > baseFrom && t(p.occurredAt) <= recentFrom);
    if (recent.length < 2 || base.length < minBaselinePoints) continue;
    const b = mean(base.map((p) => p.value));
    if (b <= 0) continue;
    const r = mean(recent.map((p) => p.value));
    const latest = recent[recent.length - 1];
    out.push({ metric, baseline: b, recent: r, changePct: ((r - b) / b) * 100, latest, firstBaseline: base[0], latestBelowPct: ((b - latest.value) / b) * 100 });
  }
  return out;
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toString() : (Math.round(x * 10) / 10).toString());

/** "api_v1_calls" and "api_v2_calls" are one family: a version migration moves usage between them. */
export const metricFamily = (metric: string) => metric.toLowerCase().replace(/(^|[_\-. ])v\d+(?=[_\-. ]|$)/g, '$1').replace(/[_\-. ]+/g, '_').replace(/^_|_$/g, '');

/** The family's change: sums of each member's recent and baseline means (a member absent counts 0). */
function familyChangePct(tl: Timeline, metric: string): number {
  const { recentDays, baselineDays } = tl.config.usage;
  const family = metricFamily(metric);
  const pts = tl.signals.filter((s): s is Usage => s.kind === 'usage' && metricFamily(s.metric) === family);
  const recentFrom = tl.now - recentDays * DAY;
  const baseFrom = recentFrom - baselineDays * DAY;
  let recent = 0;
  let base = 0;
  for (const m of new Set(pts.map((p) => p.metric))) {
    const r = pts.filter((p) => p.metric === m && t(p.occurredAt) > recentFrom).map((p) => p.value);
    const b = pts.filter((p) => p.metric === m && t(p.occurredAt) > baseFrom && t(p.occurredAt) <= recentFrom).map((p) => p.value);
    if (r.length) recent += mean(r);
    if (b.length) base += mean(b);
  }
  return base > 0 ? ((recent - base) / base) * 100 : 0;
}

export function usageDrop(tl: Timeline): Factor | null {
  const { dropPct } = tl.config.usage;
  // Persisting: the week's mean is down AND the latest point has not recovered to near baseline;
  // and the metric's family is down too (usage that moved to "v2" of the same metric is not lost).
  const drops = usageTrends(tl).filter((u) => -u.changePct >= dropPct && u.latestBelowPct >= dropPct / 2 && -familyChangePct(tl, u.metric) >= dropPct);
  if (drops.length === 0) return null;
  const worst = drops.reduce((a, b) => (a.changePct < b.changePct ? a : b));
  const w = tl.config.weights.usage_drop;
  return {
    factor: 'usage_drop',
    weight: Math.round(w * Math.min(1.5, -worst.changePct / (dropPct * 1.5) + 0.5)),
    explanation: `${worst.metric} fell ${fmt(-worst.changePct)}% against the account's own baseline: ${fmt(worst.recent)} over the last ${tl.config.usage.recentDays} days vs ${fmt(worst.baseline)} over the ${tl.config.usage.baselineDays} days before`,
    evidence: drops.flatMap((d) => [d.latest.id, d.firstBaseline.id]),
  };
}

export function usageGrowth(tl: Timeline): Factor | null {
  const { growthPct } = tl.config.usage;
  const ups = usageTrends(tl).filter((u) => u.changePct >= growthPct && u.latestBelowPct <= -growthPct / 2);
  if (ups.length === 0) return null;
  const best = ups.reduce((a, b) => (a.changePct > b.changePct ? a : b));
  return {
    factor: 'usage_growth',
    weight: tl.config.weights.usage_growth,
    explanation: `${best.metric} grew ${fmt(best.changePct)}% against the account's own baseline: ${fmt(best.recent)} over the last ${tl.config.usage.recentDays} days vs ${fmt(best.baseline)} before`,
    evidence: ups.flatMap((d) => [d.latest.id, d.firstBaseline.id]),
  };
}
