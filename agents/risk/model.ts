// The risk model: deterministic and explainable. Each factor is a small pure function; the score is
// their capped sum; opportunities are reported beside risk, never netted against it.
import { levelForScore } from '../vocabulary.js';
import type { Assessment, Factor } from './types.js';
import { riskConfigFor, type RiskConfig } from './config.js';
import { buildTimeline, type RiskInput, type Timeline } from './timeline.js';
import { newLeadWaiting, noNextStep, silence, stageStalled, unansweredInbound } from './factors/engagement.js';
import { championChange, ownerGap, singleThreaded, stakeholderSilent } from './factors/people.js';
import { overdueCommitment } from './factors/commitments.js';
import { usageDrop, usageGrowth, usageTrends, type UsageTrend } from './factors/usage.js';
import { renewalApproaching } from './factors/renewal.js';
import { buyingSignal, competitorMention, expansionSignal, negativeSentiment } from './factors/voice.js';

export type { RiskInput } from './timeline.js';
export type { UsageTrend } from './factors/usage.js';

/** Usage per metric against the account's own baseline, as the risk model sees it. */
export function usageTrendsFor(input: RiskInput, config?: RiskConfig): UsageTrend[] {
  return usageTrends(buildTimeline(input, config ?? riskConfigFor(input.account.settings)));
}

type FactorFn = (tl: Timeline) => Factor | null;

export const RISK_FACTOR_FNS: FactorFn[] = [
  newLeadWaiting, unansweredInbound, silence, noNextStep, stageStalled, overdueCommitment, championChange, ownerGap,
  singleThreaded, stakeholderSilent, usageDrop, renewalApproaching, competitorMention, negativeSentiment,
];
export const OPPORTUNITY_FNS: FactorFn[] = [expansionSignal, usageGrowth, buyingSignal];

export function assessRisk(input: RiskInput, config?: RiskConfig): Assessment {
  const cfg = config ?? riskConfigFor(input.account.settings);
  const tl = buildTimeline(input, cfg);
  const run = (fns: FactorFn[]) => fns.map((f) => f(tl)).filter((f): f is Factor => f !== null);
  const riskAll = run(RISK_FACTOR_FNS);
  const oppAll = run(OPPORTUNITY_FNS);
  // Weight 0 means "not yet": it only tells when the factor would start to apply.
  const factors = riskAll.filter((f) => f.weight > 0).sort((a, b) => b.weight - a.weight);
  const opportunities = oppAll.filter((f) => f.weight > 0).sort((a, b) => b.weight - a.weight);
  const changes = [...riskAll, ...oppAll].map((f) => f.nextChangeAt).filter((x): x is string => Boolean(x) && Date.parse(x!) > tl.now);
  const score = Math.min(100, Math.round(factors.reduce((sum, f) => sum + f.weight, 0)));
  return {
    asOf: input.asOf,
    score,
    level: levelForScore(score),
    factors,
    opportunities,
    ...(changes.length ? { nextChangeAt: changes.sort()[0] } : {}),
  };
}
