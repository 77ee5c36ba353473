// Traps the eval suite found late: a calm churn threat, a metric that moved to "v2".
import { describe, expect, it } from 'vitest';
import { Story, at, contact, names } from './builders.js';
import { metricFamily } from '../../../agents/risk/usage-trend.js';

describe('late traps', () => {
  it('"we won\'t be renewing unless…" is negative, however calmly said', () => {
    const s = new Story({ account: { stage: 'customer', renewalDate: at(100) }, contacts: [contact('victor@acme.com', 'Victor Lindgren', 'economic_buyer')] });
    const call = s.meeting(at(-2), 'Review', ['victor@acme.com', 'riley@ourco.com'], [['Victor Lindgren', "If the reporting gap isn't closed by March, we won't be renewing."]]);
    expect(call.insights!.sentiment).toBeLessThan(0);
    expect(names(s.assess())).toContain('negative_sentiment');
  });

  it('usage that moved from a v1 metric to its v2 is not a drop; a family that falls is', () => {
    expect(metricFamily('api_v1_calls')).toBe(metricFamily('api_v2_calls'));
    const series = (before: number, after: number) => Array.from({ length: 35 }, (_, i) => (i < 24 ? before : after));
    const moved = new Story({ account: { stage: 'customer' } });
    moved.usage('api_v1_calls', series(120, 3));
    moved.usage('api_v2_calls', series(0, 115));
    expect(names(moved.assess())).not.toContain('usage_drop');
    const fell = new Story({ account: { stage: 'customer' } });
    fell.usage('api_v1_calls', series(120, 3));
    fell.usage('api_v2_calls', series(0, 20));
    expect(names(fell.assess())).toContain('usage_drop');
  });
});
