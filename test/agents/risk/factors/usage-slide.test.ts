// Usage that slides a little every week has no cliff for the 7-day-against-28-day rule to see; the
// fitted weekly line must catch it, and still shrug off a one-day dip, a holiday week, noise, growth
// and a move from a v1 metric to its v2.
import { describe, expect, it } from 'vitest';
import { usageDrop } from '../../../../agents/risk/factors/usage-drop.js';
import { theilSen, usageSlides, usageTrendLines, usageTrends } from '../../../../agents/risk/usage-trend.js';
import { riskConfigFor } from '../../../../agents/risk/config.js';
import { Story, at } from '../builders.js';

const customer = (settings: Record<string, unknown> = {}) => new Story({ account: { stage: 'customer', renewalDate: at(300), settings } });

/** Daily values whose weekly level moves from week to week: each level held for seven days. */
const weeksOf = (levels: number[]) => levels.flatMap((v) => Array<number>(7).fill(v));

/** A straight daily line from `from` to `to` over `n` days. */
const line = (from: number, to: number, n: number) => Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));

/** Deterministic noise: ±`pct` percent around each value (a small linear congruential generator). */
function noisy(values: number[], pct: number, seed = 7): number[] {
  let x = seed;
  return values.map((v) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return Math.round(v * (1 + ((x / 2147483648) * 2 - 1) * (pct / 100)));
  });
}

describe('Theil–Sen', () => {
  it('the median slope ignores one outlier that least squares would follow', () => {
    const fit = theilSen([0, 1, 2, 3, 4, 5], [100, 100, 100, 40, 100, 100]);
    expect(fit.slope).toBe(0);
    expect(fit.intercept).toBe(100);
    expect(theilSen([0, 1, 2, 3], [100, 90, 80, 70])).toMatchObject({ slope: -10, intercept: 100, falling: 1 });
  });
});

describe('usage_drop: a steady slide', () => {
  it('six weeks of daily usage sliding from 140 to 95: no cliff, but the fitted line says -28%', () => {
    const s = customer();
    const points = s.usage('active_users', line(140, 95, 42));
    // The cliff rule alone misses it: the last week is less than 20% under the median of the four before.
    expect(usageTrends(s.timeline())[0].changePct).toBeGreaterThan(-20);
    const f = usageDrop(s.timeline()).factor!;
    expect(f.explanation).toMatch(/^active_users slid 2\d(\.\d)?% over 6 weeks with no single cliff, about [5-7](\.\d)?% a week: weekly means 136 → 128 → 120 → 113 → 105 → 97\.7 \(fitted 136 → 97\.2 against the account's own level 6 weeks ago; latest 95 on Thu 19 Nov\)$/);
    expect(f.evidence).toEqual([points[1].id, points[41].id]); // the first point sits exactly six weeks back, on the window's open edge
    expect(f.weight).toBeGreaterThanOrEqual(20);
  });

  it('four weeks are enough; three are not', () => {
    const four = customer();
    four.usage('reports_run', weeksOf([100, 91, 82, 74]), 0);
    expect(usageDrop(four.timeline()).factor?.explanation).toMatch(/^reports_run slid 26\.5% over 4 weeks with no single cliff.*weekly means 100 → 91 → 82 → 74/);
    const three = customer();
    three.usage('reports_run', weeksOf([100, 85, 72]), 0);
    expect(usageSlides(three.timeline())).toEqual([]);
  });

  it('one point a week (a weekly export): the cliff rule needs two recent points, the slide does not', () => {
    const s = customer();
    [300, 282, 260, 241, 225, 204].forEach((value, i) => s.add({ kind: 'usage', occurredAt: at(-1 - 7 * (5 - i)), metric: 'seats_active', value }));
    expect(usageTrends(s.timeline())).toEqual([]);
    expect(usageDrop(s.timeline()).factor?.explanation).toMatch(/^seats_active slid 31\.7% over 6 weeks.*weekly means 300 → 282 → 260 → 241 → 225 → 204/);
  });

  it('a slide that speeds up, and one with ±8% daily noise, are both caught', () => {
    const speeding = customer();
    speeding.usage('active_users', weeksOf([200, 197, 190, 178, 160, 136]));
    expect(usageDrop(speeding.timeline()).factor).not.toBeNull();
    const rough = customer();
    rough.usage('active_users', noisy(line(120, 80, 42), 8));
    expect(usageDrop(rough.timeline()).factor?.explanation).toMatch(/^active_users slid/);
  });

  it('noise around a flat level is not a slide', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const s = customer();
      s.usage('active_users', noisy(Array<number>(42).fill(100), 15, seed));
      expect(usageSlides(s.timeline()), `seed ${seed}`).toEqual([]);
      expect(usageDrop(s.timeline()).factor, `seed ${seed}`).toBeNull();
    }
  });

  it('a one-day outage is not a slide, wherever it falls', () => {
    for (const dayIndex of [3, 17, 30, 41]) {
      const s = customer();
      const values = Array<number>(42).fill(100);
      values[dayIndex] = 0;
      s.usage('active_users', values);
      expect(usageDrop(s.timeline()).factor, `day ${dayIndex}`).toBeNull();
    }
  });

  it('a holiday week inside the window is one outlier, not a trend', () => {
    for (const levels of [[100, 100, 40, 100, 100, 100], [100, 100, 100, 100, 45, 100], [100, 42, 100, 98, 101, 99]]) {
      const s = customer();
      s.usage('active_users', weeksOf(levels));
      expect(usageDrop(s.timeline()).factor, levels.join(',')).toBeNull();
    }
  });

  it('growth is not a slide', () => {
    const s = customer();
    s.usage('active_users', line(80, 130, 42));
    expect(usageTrendLines(s.timeline())[0].changePct).toBeGreaterThan(0);
    expect(usageDrop(s.timeline()).factor).toBeNull();
  });

  it('a slide that has recovered in the latest week is not one', () => {
    const s = customer();
    s.usage('active_users', weeksOf([100, 92, 84, 76, 70, 97]));
    expect(usageDrop(s.timeline()).factor).toBeNull();
  });

  it('a gradual move from api_v1_calls to api_v2_calls is not lost usage; a family that slides is', () => {
    const moved = customer();
    moved.usage('api_v1_calls', weeksOf([120, 100, 80, 60, 40, 20]));
    moved.usage('api_v2_calls', weeksOf([0, 21, 40, 61, 79, 101]));
    expect(usageSlides(moved.timeline())).toEqual([]);
    expect(usageDrop(moved.timeline()).factor).toBeNull();
    const fell = customer();
    fell.usage('api_v1_calls', weeksOf([120, 100, 80, 60, 40, 20]));
    fell.usage('api_v2_calls', weeksOf([0, 5, 10, 14, 18, 22]));
    expect(usageDrop(fell.timeline()).factor?.explanation).toMatch(/^api_v1_calls slid/);
  });

  it('a shallow slide stays under the default threshold; an account can ask for a tighter one', () => {
    const shallow = weeksOf([100, 98, 96, 94, 92, 90]);
    const s = customer();
    s.usage('active_users', shallow);
    expect(usageDrop(s.timeline()).factor).toBeNull();
    const strict = customer({ thresholds: { usage: { slide: { dropPct: 8 } } } });
    strict.usage('active_users', shallow);
    expect(usageDrop(strict.timeline()).factor?.explanation).toMatch(/^active_users slid 10% over 6 weeks/);
  });

  it('a cliff is still reported as the cliff, with the slide of another metric beside it', () => {
    const s = customer();
    s.usage('active_users', [...Array<number>(35).fill(140), ...Array<number>(7).fill(70)]);
    s.usage('reports_run', weeksOf([60, 55, 50, 46, 42, 38]));
    const f = usageDrop(s.timeline()).factor!;
    expect(f.explanation).toMatch(/^active_users fell 50% against the account's own baseline: 140 → 70 .*; also reports_run -3\d(\.\d)?%$/);
  });
});

describe('slide configuration', () => {
  it('strict, and overridable per account', () => {
    expect(riskConfigFor({ thresholds: { usage: { slide: { weeks: 5 } } } }).usage.slide).toMatchObject({ weeks: 5, minWeeks: 4, dropPct: 20 });
    expect(() => riskConfigFor({ thresholds: { usage: { slide: { weeks: 4, minWeeks: 5 } } } })).toThrow(/usage\.slide: minWeeks must not exceed weeks/);
    expect(() => riskConfigFor({ thresholds: { usage: { slide: { agreement: 0.3 } } } })).toThrow(/usage\.slide\.agreement/);
    expect(() => riskConfigFor({ thresholds: { usage: { slide: { slope: 3 } } } })).toThrow(/usage\.slide\.slope/);
  });
});
