// Traps the eval suite found late in the day: a calm churn threat, a metric that moved to "v2".
import { describe, expect, it } from 'vitest';
import { account, asOf, at, contact, email, signal } from '../builders.js';
import { assessRisk } from '../../../agents/risk/model.js';
import { metricFamily } from '../../../agents/risk/usage-trend.js';

describe('late traps', () => {
  it('"we won\'t be renewing unless…" is negative, however calmly said', () => {
    const acc = account({ stage: 'customer', renewalDate: at(100) });
    const cfo = contact('victor@acme.com', 'Victor Lindgren', 'economic_buyer');
    const s = signal({ kind: 'meeting', occurredAt: at(-2), title: 'Review', attendees: [{ email: 'victor@acme.com', name: 'Victor Lindgren' }],
      transcript: [{ speaker: 'Victor Lindgren', text: "If the reporting gap isn't closed by March, we won't be renewing." }] }, acc, [cfo]);
    expect(s.insights!.sentiment).toBeLessThan(0);
    const a = assessRisk({ account: acc, contacts: [cfo], signals: [s], asOf });
    expect(a.factors.map((f) => f.factor)).toContain('negative_sentiment');
  });

  it('usage that moved from a v1 metric to its v2 is not a drop; a family that falls is', () => {
    expect(metricFamily('api_v1_calls')).toBe(metricFamily('api_v2_calls'));
    const acc = account({ stage: 'customer' });
    const series = (metric: string, before: number, after: number) => Array.from({ length: 35 }, (_, i) => signal({ kind: 'usage', occurredAt: at(-35 + i), metric, value: i < 24 ? before : after }, acc));
    const moved = assessRisk({ account: acc, contacts: [], signals: [...series('api_v1_calls', 120, 3), ...series('api_v2_calls', 0, 115)], asOf });
    expect(moved.factors.map((f) => f.factor)).not.toContain('usage_drop');
    const fell = assessRisk({ account: acc, contacts: [], signals: [...series('api_v1_calls', 120, 3), ...series('api_v2_calls', 0, 20)], asOf });
    expect(fell.factors.map((f) => f.factor)).toContain('usage_drop');
  });
});
