// The risk model: deterministic and explainable. Each factor is a small pure function of the
// account's timeline as of a moment; the score is the capped sum of the risk factors' weights;
// opportunities are reported beside risk, never netted against it. `nextChangeAt` is the earliest
// moment any answer would change with no new signal, so the account's workflow can sleep until then.
import { levelForScore } from '../vocabulary.js';
import type { Assessment, Factor, RiskInput } from './types.js';
import { riskConfigFor, type RiskConfig } from './config.js';
import { buildTimeline, t } from './timeline.js';
import type { FactorFn } from './check.js';
import { usageSlides, usageTrends, type UsageSlide, type UsageTrend } from './usage-trend.js';
import { newLeadWaiting } from './factors/new-lead-waiting.js';
import { unansweredInbound } from './factors/unanswered-inbound.js';
import { silence } from './factors/silence.js';
import { noNextStep } from './factors/no-next-step.js';
import { stageStalled } from './factors/stage-stalled.js';
import { overdueCommitment } from './factors/overdue-commitment.js';
import { championChange } from './factors/champion-change.js';
import { ownerGap } from './factors/owner-gap.js';
import { singleThreaded } from './factors/single-threaded.js';
import { stakeholderSilent } from './factors/stakeholder-silent.js';
import { usageDrop } from './factors/usage-drop.js';
import { renewalApproaching } from './factors/renewal-approaching.js';
import { competitorMention } from './factors/competitor-mention.js';
import { negativeSentiment } from './factors/negative-sentiment.js';
import { expansionSignal } from './factors/expansion-signal.js';
import { usageGrowth } from './factors/usage-growth.js';
import { buyingSignal } from './factors/buying-signal.js';

export type { RiskInput, OpenRecommendation } from './types.js';
export type { UsageTrend, UsageSlide } from './usage-trend.js';

export const RISK_FACTOR_FNS: FactorFn[] = [
  newLeadWaiting, unansweredInbound, silence, noNextStep, stageStalled, overdueCommitment, championChange, ownerGap,
  singleThreaded, stakeholderSilent, usageDrop, renewalApproaching, competitorMention, negativeSentiment,
];
export const OPPORTUNITY_FNS: FactorFn[] = [expansionSignal, usageGrowth, buyingSignal];

const configOf = (input: RiskInput, config?: RiskConfig) => config ?? input.config ?? riskConfigFor(input.account.settings);

/** Usage per metric against the account's own baseline, as the risk model sees it. */
export function usageTrendsFor(input: RiskInput, config?: RiskConfig): UsageTrend[] {
  return usageTrends(buildTimeline(input, configOf(input, config)));
}

/** Metrics sliding steadily over the last weeks, as the risk model sees them. */
export function usageSlidesFor(input: RiskInput, config?: RiskConfig): UsageSlide[] {
  return usageSlides(buildTimeline(input, configOf(input, config)));
}

const byWeight = (a: Factor, b: Factor) => b.weight - a.weight;

export function assessRisk(input: RiskInput): Assessment {
  const config = configOf(input);
  const tl = buildTimeline(input, config);
  const risks = RISK_FACTOR_FNS.map((f) => f(tl));
  const opportunities = OPPORTUNITY_FNS.map((f) => f(tl));
  const factors = risks.flatMap((c) => (c.factor && c.factor.weight > 0 ? [c.factor] : [])).sort(byWeight);
  const opps = opportunities.flatMap((c) => (c.factor && c.factor.weight > 0 ? [c.factor] : [])).sort(byWeight);
  // A snoozed recommendation wakes the account when its snooze ends.
  const snoozes = (input.openRecommendations ?? []).filter((r) => r.status === 'snoozed' && r.snoozedUntil).map((r) => r.snoozedUntil!);
  const wakes = [...risks, ...opportunities].map((c) => c.nextChangeAt).filter((x): x is string => Boolean(x));
  const next = [...wakes, ...snoozes].map((x) => new Date(x).toISOString()).filter((x) => t(x) > tl.now).sort()[0];
  const score = Math.min(config.maxScore, 100, Math.round(factors.reduce((sum, f) => sum + f.weight, 0)));
  return { asOf: input.asOf, score, level: levelForScore(score), factors, opportunities: opps, ...(next ? { nextChangeAt: next } : {}) };
}
