import { describe, expect, it } from 'vitest';
import { usageDrop } from '../../../../agents/risk/factors/usage-drop.js';
import { usageGrowth } from '../../../../agents/risk/factors/usage-growth.js';
import { metricFamily, usageTrends } from '../../../../agents/risk/usage-trend.js';
import { Story, at } from '../builders.js';

const customer = (settings: Record<string, unknown> = {}) => new Story({ account: { stage: 'customer', renewalDate: at(300), settings } });
const days = (n: number, v: number) => Array<number>(n).fill(v);

describe('usage trend', () => {
  it('the trailing 7-day mean against the 28 days before, per metric', () => {
    const s = customer();
    s.usage('active_users', [...days(28, 140), ...days(7, 98)]);
    s.usage('reports_run', [...days(28, 50), ...days(7, 50)]);
    const trends = usageTrends(s.timeline());
    expect(trends.map((u) => [u.metric, u.baseline, u.recent, Math.round(u.changePct)])).toEqual([['active_users', 140, 98, -30], ['reports_run', 50, 50, 0]]);
  });

  it('needs enough history: three baseline points, two recent ones', () => {
    const s = customer();
    s.usage('active_users', [140, 140, 60, 60], 1);
    expect(usageTrends(s.timeline())).toEqual([]);
  });

  it('metric families: v1 and v2 of the same metric are one', () => {
    expect(metricFamily('api_v1_calls')).toBe('api_calls');
    expect(metricFamily('api-v2-calls')).toBe('api_calls');
    expect(metricFamily('active_users')).toBe('active_users');
  });
});

describe('usage_drop', () => {
  it('a persisting drop of 20% or more, with the numbers from and to', () => {
    const s = customer();
    const points = s.usage('active_users', [...days(28, 140), ...days(7, 98)]);
    const f = usageDrop(s.timeline()).factor!;
    expect(f.explanation).toBe("active_users fell 30% against the account's own baseline: 140 → 98 (mean of the last 7 days vs the 28 days before; latest 98 on Thu 19 Nov)");
    expect(f.evidence).toEqual([points[1].id, points[34].id]); // the first baseline point (35 days back is outside) and the latest
    expect(f.weight).toBe(30);
  });

  it('a small dip is not a drop; the threshold is per account', () => {
    const s = customer();
    s.usage('active_users', [...days(28, 140), ...days(7, 120)]);
    expect(usageDrop(s.timeline()).factor).toBeNull();
    const strict = customer({ thresholds: { usage: { dropPct: 10 } } });
    strict.usage('active_users', [...days(28, 140), ...days(7, 120)]);
    expect(usageDrop(strict.timeline()).factor).not.toBeNull();
  });

  it('a week that is down but whose latest days recovered is not a drop', () => {
    const s = customer();
    s.usage('active_users', [...days(28, 140), 40, 40, 40, 40, 140, 140, 140]);
    expect(usageTrends(s.timeline())[0].changePct).toBeLessThan(-20);
    expect(usageDrop(s.timeline()).factor).toBeNull();
  });

  it('usage that moved from v1 to v2 is not lost; a family that falls is', () => {
    const moved = customer();
    moved.usage('api_v1_calls', [...days(24, 120), ...days(11, 3)]);
    moved.usage('api_v2_calls', [...days(24, 0), ...days(11, 115)]);
    expect(usageDrop(moved.timeline()).factor).toBeNull();
    expect(usageGrowth(moved.timeline()).factor).toBeNull();
    const fell = customer();
    fell.usage('api_v1_calls', [...days(24, 120), ...days(11, 3)]);
    fell.usage('api_v2_calls', [...days(24, 0), ...days(11, 20)]);
    expect(usageDrop(fell.timeline()).factor!.explanation).toMatch(/^api_v1_calls fell/);
  });

  it('the worst metric leads; others are listed', () => {
    const s = customer();
    s.usage('active_users', [...days(28, 100), ...days(7, 70)]);
    s.usage('reports_run', [...days(28, 50), ...days(7, 10)]);
    expect(usageDrop(s.timeline()).factor!.explanation).toMatch(/^reports_run fell 80%.*; also active_users -30%$/);
  });
});

describe('usage_growth', () => {
  it('a persisting rise of 30% or more', () => {
    const s = customer();
    s.usage('api_calls', [...days(28, 100), ...days(7, 150)]);
    expect(usageGrowth(s.timeline()).factor!.explanation).toMatch(/^api_calls grew 50% against the account's own baseline: 100 → 150/);
  });

  it('a one-day spike that subsided is not growth', () => {
    const s = customer();
    s.usage('api_calls', [...days(28, 100), 400, 400, 100, 100, 100, 100, 100]);
    expect(usageGrowth(s.timeline()).factor).toBeNull();
  });
});
