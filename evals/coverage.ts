// Which scenarios expect each factor and recommendation kind present, and which expect it absent.
import { OPPORTUNITY_FACTORS, RECOMMENDATION_KINDS, RISK_FACTORS } from '../agents/vocabulary.js';
import type { Scenario } from './scenario.js';

export interface CoverageRow { name: string; group: 'risk factor' | 'opportunity factor' | 'recommendation'; present: string[]; absent: string[] }

/** One row per vocabulary name, from the scenarios' main expectations (checkpoints excluded). */
export function coverage(scenarios: Scenario[]): CoverageRow[] {
  const row = (name: string, group: CoverageRow['group'], isFactor: boolean): CoverageRow => ({
    name, group,
    present: scenarios.filter((s) => (isFactor ? s.expect.factors?.present ?? [] : (s.expect.recommendations?.present ?? []).map((r) => r.kind)).includes(name as never)).map((s) => s.name),
    absent: scenarios.filter((s) => ((isFactor ? s.expect.factors?.absent : s.expect.recommendations?.absent) ?? []).includes(name as never)).map((s) => s.name),
  });
  return [
    ...RISK_FACTORS.map((f) => row(f, 'risk factor', true)),
    ...OPPORTUNITY_FACTORS.map((f) => row(f, 'opportunity factor', true)),
    ...RECOMMENDATION_KINDS.map((k) => row(k, 'recommendation', false)),
  ];
}
