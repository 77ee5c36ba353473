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
//
// A steady slide has no cliff for the rule above to see (each week a little lower than the last), so
// `usageSlides` fits a robust line (Theil–Sen: the median of the slopes between every two weeks) through
// the weekly means of the last few weeks and compares where the line ends with where it starts, the
// account's own level at the start of the window. A one-day dip moves one weekly mean a little and one
// holiday week is one outlier among the pairs: neither moves the median slope. The slide must be
// steady (most week pairs fall), not recovered (the latest week is still down), and shared by the
// metric's family (a migration from v1 to v2 is not a slide).
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

export interface UsageWeek {
  /** Start of the week (ISO, exclusive). */
  from: string;
  mean: number;
  points: number;
}

export interface UsageSlide {
  metric: string;
  /** The weeks with points, oldest first. */
  weeks: UsageWeek[];
  /** The fitted line at the first and the latest week: the account's own level, and where it is now. */
  start: number;
  end: number;
  /** End against start, percent (negative: a slide). */
  changePct: number;
  /** The fitted slope per week, percent of the start. */
  perWeekPct: number;
  /** Share of week pairs that fall. */
  agreement: number;
  /** The metric's family, fitted the same way, percent. */
  familyChangePct: number;
  first: Usage;
  latest: Usage;
}

/** Theil–Sen: the median of pairwise slopes and the median intercept; also the share of falling pairs. */
export function theilSen(xs: number[], ys: number[]): { slope: number; intercept: number; falling: number } {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i += 1) {
    for (let j = i + 1; j < xs.length; j += 1) slopes.push((ys[j] - ys[i]) / (xs[j] - xs[i]));
  }
  const slope = slopes.length ? median(slopes) : 0;
  const intercept = median(ys.map((y, i) => y - slope * xs[i]));
  return { slope, intercept, falling: slopes.length ? slopes.filter((d) => d < 0).length / slopes.length : 0 };
}

/** Weekly means of the last `weeks` weeks ending now: index 0 is the oldest week. */
function weekly(tl: Timeline, points: Usage[], weeks: number): Array<{ x: number; week: UsageWeek; pts: Usage[] } | undefined> {
  const out: Array<{ x: number; week: UsageWeek; pts: Usage[] } | undefined> = [];
  for (let x = 0; x < weeks; x += 1) {
    const to = tl.now - (weeks - 1 - x) * 7 * DAY;
    const from = to - 7 * DAY;
    const pts = points.filter((p) => t(p.occurredAt) > from && t(p.occurredAt) <= to);
    out.push(pts.length ? { x, pts, week: { from: new Date(from).toISOString(), mean: mean(pts.map((p) => p.value)), points: pts.length } } : undefined);
  }
  return out;
}

function fit(series: Array<{ x: number; y: number }>) {
  const line = theilSen(series.map((p) => p.x), series.map((p) => p.y));
  const x0 = series[0].x;
  const x1 = series[series.length - 1].x;
  const start = line.intercept + line.slope * x0;
  const end = line.intercept + line.slope * x1;
  return { ...line, start, end, changePct: start > 0 ? ((end - start) / start) * 100 : 0 };
}

/** The fitted weekly trend of each metric over the last few weeks (see the header for the rule). */
export function usageTrendLines(tl: Timeline): UsageSlide[] {
  const { weeks, minWeeks } = tl.config.usage.slide;
  const usage = tl.signals.filter((s): s is Usage => s.kind === 'usage');
  const out: UsageSlide[] = [];
  for (const metric of new Set(usage.map((u) => u.metric))) {
    const buckets = weekly(tl, usage.filter((u) => u.metric === metric), weeks);
    const present = buckets.filter((b): b is NonNullable<typeof b> => Boolean(b));
    // Enough weeks, and the latest of them recent (a metric that stopped reporting is not a slide).
    if (present.length < minWeeks || present[present.length - 1].x < weeks - 2) continue;
    const line = fit(present.map((b) => ({ x: b.x, y: b.week.mean })));
    if (line.start <= 0) continue;
    // The family: members' weekly means summed (a member with no point in a week adds nothing).
    const family = metricFamily(metric);
    const members = [...new Set(usage.filter((u) => metricFamily(u.metric) === family).map((u) => u.metric))];
    const sums = new Map<number, number>();
    for (const m of members) {
      for (const b of weekly(tl, usage.filter((u) => u.metric === m), weeks)) if (b) sums.set(b.x, (sums.get(b.x) ?? 0) + b.week.mean);
    }
    const familyLine = members.length > 1 ? fit([...sums.entries()].sort((a, b) => a[0] - b[0]).map(([x, y]) => ({ x, y }))) : line;
    out.push({
      metric,
      weeks: present.map((b) => b.week),
      start: line.start, end: line.end, changePct: line.changePct,
      perWeekPct: (line.slope / line.start) * 100,
      agreement: line.falling,
      familyChangePct: familyLine.changePct,
      first: present[0].pts[0],
      latest: present[present.length - 1].pts[present[present.length - 1].pts.length - 1],
    });
  }
  return out;
}

/** Metrics sliding steadily: the fitted line falls far enough, most week pairs fall, the latest week is still down. */
export function usageSlides(tl: Timeline): UsageSlide[] {
  const { dropPct, agreement, latestShare } = tl.config.usage.slide;
  return usageTrendLines(tl).filter((u) => -u.changePct >= dropPct && -u.familyChangePct >= dropPct && u.agreement >= agreement
    && u.start - u.weeks[u.weeks.length - 1].mean >= latestShare * (u.start - u.end));
}
