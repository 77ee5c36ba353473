// The eval metrics, pure. Each scenario contributes counts; the report adds them up.
import type { RiskLevel } from '../agents/vocabulary.js';

export const LEVEL_ORDER: RiskLevel[] = ['low', 'medium', 'high', 'critical'];

export function levelSatisfies(level: string, expect: RiskLevel | { min?: RiskLevel; max?: RiskLevel }): boolean {
  const i = LEVEL_ORDER.indexOf(level as RiskLevel);
  if (i < 0) return false; // no level produced (the run failed) satisfies nothing
  if (typeof expect === 'string') return level === expect;
  if (expect.min && i < LEVEL_ORDER.indexOf(expect.min)) return false;
  if (expect.max && i > LEVEL_ORDER.indexOf(expect.max)) return false;
  return true;
}

export interface ScenarioCounts {
  /** Factors expected present and produced / expected present and missing / expected absent but produced. */
  factorTP: number; factorFN: number; factorFP: number;
  recExpected: number; recHit: number;
  /** Scenarios that expect low risk (level max low), and whether the agent raised an alarm on it. */
  expectsLow: boolean; falseAlarm: boolean;
  levelChecked: boolean; levelOk: boolean;
  citations: number; citationsValid: number;
  answersExpected: number; answersHit: number;
  /** Days before the evaluation moment at which the earliest passing checkpoint already flagged. */
  leadTimeDays: number | null;
}

export interface Metrics {
  scenarios: number;
  factorPrecision: number; factorRecall: number;
  recommendationHitRate: number;
  falseAlarmRate: number; lowRiskScenarios: number;
  levelAccuracy: number;
  citationValidity: number; citations: number;
  answerHitRate: number;
  meanLeadTimeDays: number | null; leadTimeScenarios: number;
}

const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);

/**
 * Lead time of one scenario: how many days before the evaluation moment the earliest checkpoint
 * that expects something flagged and met all its expectations was; null when none did. Control
 * checkpoints (only absences or a maximum level: "nothing yet") count for pass/fail, not here.
 */
export function leadTimeDays(now: number, checkpoints: Array<{ at: string; passed: boolean; flags: boolean }>): number | null {
  const passing = checkpoints.filter((c) => c.passed && c.flags).map((c) => Date.parse(c.at));
  return passing.length ? (now - Math.min(...passing)) / 86_400_000 : null;
}

/** True when an expectation asks for something to be flagged: a factor or recommendation present, or a level above low. */
export function expectsFlag(e: { level?: RiskLevel | { min?: RiskLevel; max?: RiskLevel }; factors?: { present: string[] }; recommendations?: { present: unknown[] } }): boolean {
  const lv = e.level;
  const levelFlag = lv !== undefined && (typeof lv === 'string' ? lv !== 'low' : lv.min !== undefined && lv.min !== 'low');
  return levelFlag || (e.factors?.present.length ?? 0) > 0 || (e.recommendations?.present.length ?? 0) > 0;
}

/** Runs of whitespace (spaces, tabs, line breaks) become one space; ends trimmed. Case is kept. */
export const normaliseWhitespace = (s: string) => s.replace(/\s+/g, ' ').trim();

/** True when the excerpt, whitespace-normalised and non-empty, occurs verbatim in one of the texts. */
export function excerptInTexts(excerpt: string, texts: string[]): boolean {
  const e = normaliseWhitespace(excerpt);
  return e.length > 0 && texts.some((t) => normaliseWhitespace(t).includes(e));
}

export interface CitedSignal { accountId: string; texts: string[] }

/** A citation is valid when its signal exists, belongs to the account, and contains the excerpt. */
export function citationValid(excerpt: string, signal: CitedSignal | undefined, accountId: string): boolean {
  return signal !== undefined && signal.accountId === accountId && excerptInTexts(excerpt, signal.texts);
}

export function aggregate(all: ScenarioCounts[]): Metrics {
  const sum = (f: (c: ScenarioCounts) => number) => all.reduce((s, c) => s + f(c), 0);
  const tp = sum((c) => c.factorTP);
  const lows = all.filter((c) => c.expectsLow);
  const levels = all.filter((c) => c.levelChecked);
  const leads = all.map((c) => c.leadTimeDays).filter((x): x is number => x !== null);
  return {
    scenarios: all.length,
    factorPrecision: ratio(tp, tp + sum((c) => c.factorFP)),
    factorRecall: ratio(tp, tp + sum((c) => c.factorFN)),
    recommendationHitRate: ratio(sum((c) => c.recHit), sum((c) => c.recExpected)),
    falseAlarmRate: ratio(lows.filter((c) => c.falseAlarm).length, lows.length),
    lowRiskScenarios: lows.length,
    levelAccuracy: ratio(levels.filter((c) => c.levelOk).length, levels.length),
    citationValidity: ratio(sum((c) => c.citationsValid), sum((c) => c.citations)),
    citations: sum((c) => c.citations),
    answerHitRate: ratio(sum((c) => c.answersHit), sum((c) => c.answersExpected)),
    meanLeadTimeDays: leads.length ? leads.reduce((a, b) => a + b, 0) / leads.length : null,
    leadTimeScenarios: leads.length,
  };
}

export function formatMetrics(m: Metrics): string[] {
  const pct = (x: number) => (Number.isNaN(x) ? 'n/a' : `${(x * 100).toFixed(1)}%`);
  return [
    `factor precision      ${pct(m.factorPrecision)}`,
    `factor recall         ${pct(m.factorRecall)}`,
    `recommendation hits   ${pct(m.recommendationHitRate)}`,
    `false-alarm rate      ${pct(m.falseAlarmRate)} (of ${m.lowRiskScenarios} low-risk scenarios)`,
    `level accuracy        ${pct(m.levelAccuracy)}`,
    `citation validity     ${pct(m.citationValidity)} (${m.citations} citations)`,
    `answer hit rate       ${pct(m.answerHitRate)}`,
    `mean lead time        ${m.meanLeadTimeDays === null ? 'n/a' : `${m.meanLeadTimeDays.toFixed(1)} days`} (${m.leadTimeScenarios} scenarios with checkpoints)`,
  ];
}
