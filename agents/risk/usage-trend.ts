// Product usage against the account's own baseline, per metric.
//
// The rule (documented because it is a trap): the trailing window (7 days) is compared with the
// baseline window (the 28 days before it).
// - recent   = the mean of the points in the trailing window (at least 2 points);
// - baseline = the median of the weekly means in the baseline window (at least 3 points), so one
//              holiday week inside the baseline neither hides a drop nor fakes growth;
// - persistence: the mean of the latest 3 points must agree with the window (a dip that has
//              already recovered is not a drop, a spike that has subsided is not growth);
// - family: "api_v1_calls" and "api_v2_calls" are one metric family; usage that moved from one to
//              the other (a version migration) is not lost, so the family must move too.
import type { Signal } from '../signals/schema.js';
import { DAY, t, type Timeline } from './timeline.js';

export type Usage = Extract<Signal, { kind: 'usage' }>;

export interface UsageTrend {
  metric: string;
  baseline: number;
  recent: number;
  /** Recent against baseline, percent (negative: a drop). */
  changePct: number;
  /** The latest points (persistence) against baseline, percent. */
  latestChangePct: number;
  /** The metric's family (v1/v2 siblings summed) recent against baseline, percent. */
  familyChangePct: number;
  latest: Usage;
  firstBaseline: Usage;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** "api_v1_calls" and "api_v2_calls" are one family: a version migration moves usage between them. */
export const metricFamily = (metric: string) => metric.toLowerCase().replace(/(^|[_\-. ])v\d+(?=[_\-. ]|$)/g, '$1').replace(/[_\-. ]+/g, '_').replace(/^_|_$/g, '');

interface Windows { recent: Usage[]; base: Usage[]; baseFrom: number; recentFrom: number }

function windowsOf(tl: Timeline, points: Usage[]): Windows {
  const { recentDays, baselineDays } = tl.config.usage;
  const recentFrom = tl.now - recentDays * DAY;
  const baseFrom = recentFrom - baselineDays * DAY;
  return {
    recent: points.filter((p) => t(p.occurredAt) > recentFrom),
    base: points.filter((p) => t(p.occurredAt) > baseFrom && t(p.occurredAt) <= recentFrom),
    baseFrom, recentFrom,
  };
}

/** The median of the weekly means of the baseline window (weeks with no point left out). */
function baselineOf(w: Windows): number {
  const weeks = new Map<number, number[]>();
  for (const p of w.base) {
    const week = Math.floor((t(p.occurredAt) - w.baseFrom - 1) / (7 * DAY));
    weeks.set(week, [...(weeks.get(week) ?? []), p.value]);
  }
  return median([...weeks.values()].map(mean));
}

/** The family's change: each member's recent and baseline means summed (a member absent in a window counts 0). */
function familyChange(tl: Timeline, usage: Usage[], metric: string): number {
  const family = metricFamily(metric);
  let recent = 0;
  let base = 0;
  for (const m of new Set(usage.filter((u) => metricFamily(u.metric) === family).map((u) => u.metric))) {
    const w = windowsOf(tl, usage.filter((u) => u.metric === m));
    if (w.recent.length) recent += mean(w.recent.map((p) => p.value));
    if (w.base.length) base += baselineOf(w);
  }
  return base > 0 ? ((recent - base) / base) * 100 : 0;
}

export function usageTrends(tl: Timeline): UsageTrend[] {
  const { minBaselinePoints, minRecentPoints, persistPoints } = tl.config.usage;
  const usage = tl.signals.filter((s): s is Usage => s.kind === 'usage');
  const out: UsageTrend[] = [];
  for (const metric of new Set(usage.map((u) => u.metric))) {
    const w = windowsOf(tl, usage.filter((u) => u.metric === metric));
    if (w.recent.length < minRecentPoints || w.base.length < minBaselinePoints) continue;
    const baseline = baselineOf(w);
    if (baseline <= 0) continue;
    const recent = mean(w.recent.map((p) => p.value));
    const latestMean = mean(w.recent.slice(-persistPoints).map((p) => p.value));
    out.push({
      metric, baseline, recent,
      changePct: ((recent - baseline) / baseline) * 100,
      latestChangePct: ((latestMean - baseline) / baseline) * 100,
      familyChangePct: familyChange(tl, usage, metric),
      latest: w.recent[w.recent.length - 1],
      firstBaseline: w.base[0],
    });
  }
  return out;
}
