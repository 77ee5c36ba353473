// Every threshold and weight of the risk model, in one configuration. An account overrides any part
// through `settings.thresholds` (deep-merged over the defaults, then validated: a wrong type or an
// unknown key is an error naming its path), and its competitor list through `settings.competitors`.
import { z } from 'zod';
import { FactorName, STAGES, type Stage } from '../vocabulary.js';

const days = z.number().positive();
const perStage = z.strictObject(Object.fromEntries(STAGES.map((s) => [s, days])) as Record<Stage, typeof days>);
export type PerStage = z.infer<typeof perStage>;

const weights = z.strictObject(Object.fromEntries(FactorName.options.map((f) => [f, z.number().min(0)])) as Record<FactorName, z.ZodNumber>);

export const RiskConfig = z.strictObject({
  /** The score is the sum of risk weights, capped here. */
  maxScore: z.number().positive(),
  newLead: z.strictObject({
    /** First response to a new lead, minutes. */
    responseMinutes: z.number().positive(),
    /** Share of the weight while the target still runs: the lead is flagged (and its reply drafted) at once,
     * and the full weight (a higher priority) comes when the target passes unanswered. */
    waitingShare: z.number().gt(0).max(1),
  }),
  unanswered: z.strictObject({
    /** An inbound question unanswered this long is flagged. */
    replyHours: z.number().positive(),
    /** Weight added per day past the reply target, up to `maxExtra`. */
    extraPerDay: z.number().min(0),
    maxExtra: z.number().min(0),
    /** Questions older than this are silence, not an open question. */
    lookbackDays: days,
  }),
  /** No two-way human contact for longer than this many days, per stage (the customer stage: the cadence). */
  silenceDays: perStage,
  /** A stage unchanged for longer than this many days is stalled. */
  stageStalledDays: perStage,
  noNextStep: z.strictObject({
    /** A next step set in the CRM counts this many days. */
    crmNextStepDays: days,
  }),
  stakeholderSilent: z.strictObject({
    days,
    /** Roles whose silence matters while others talk. */
    roles: z.array(z.string()),
  }),
  singleThreaded: z.strictObject({
    /** The window of two-way contact looked at. */
    days,
    /** Known active contacts from which one voice is too few (a deal past discovery: always). */
    minContacts: z.number().int().positive(),
  }),
  usage: z.strictObject({
    /** The trailing window, days. */
    recentDays: days,
    /** The account's own baseline: the window before the trailing one, days. */
    baselineDays: days,
    /** A drop or growth of at least this percentage of the baseline flags. */
    dropPct: z.number().positive().max(100),
    growthPct: z.number().positive(),
    minBaselinePoints: z.number().int().positive(),
    minRecentPoints: z.number().int().positive(),
    /** The latest this-many points must agree (not recovered), so a dip that is over is not a drop. */
    persistPoints: z.number().int().positive(),
    /** A steady slide: a robust line (Theil–Sen) through the weekly means of the last `weeks` weeks. */
    slide: z.strictObject({
      /** Weeks looked back (the current week included). */
      weeks: z.number().int().min(3).max(12),
      /** Weeks that must have a point, so one missing week does not make a trend. */
      minWeeks: z.number().int().min(3),
      /** The fitted line must fall at least this percentage of its starting level over the window. */
      dropPct: z.number().positive().max(100),
      /** Share of week pairs that fall (a steady slide, not one bad week): 0.5 is a coin toss. */
      agreement: z.number().min(0.5).max(1),
      /** The latest week must keep at least this share of the fitted fall (it has not recovered). */
      latestShare: z.number().min(0).max(1),
    }).refine((x) => x.minWeeks <= x.weeks, 'minWeeks must not exceed weeks'),
  }),
  renewal: z.strictObject({
    /** Days before the renewal date: notice, warning, urgent (descending). */
    windowsDays: z.tuple([days, days, days]).refine(([a, b, c]) => a > b && b > c, 'windows must be descending, e.g. [120, 90, 60]'),
    /** Weight multipliers inside each window. */
    multipliers: z.tuple([z.number().min(0), z.number().min(0), z.number().min(0)]),
    /** Added when nothing said in the window mentions the renewal. */
    noConversationExtra: z.number().min(0),
    /** Days past the renewal date it is still reported (a lapsed renewal). */
    daysAfter: z.number().min(0),
  }),
  sentiment: z.strictObject({
    /** A message scoring at or below this is negative. */
    threshold: z.number().min(-1).max(0),
    lookbackDays: days,
    /** A later message from the same person at or above this settles it. */
    resolvedAt: z.number().min(0).max(1),
    /** How long a stated intent not to renew or to leave counts: a decision outlasts a mood. */
    churnLookbackDays: days,
    /** The weight of a stated churn intent, as a multiple of the factor's weight. */
    churnMultiplier: z.number().min(1).max(4),
  }),
  competitor: z.strictObject({ lookbackDays: days }),
  expansion: z.strictObject({ lookbackDays: days }),
  buying: z.strictObject({
    lookbackDays: days,
    /** Proposal views count when repeated this often in the window (a pricing-page visit counts on its own). */
    minProposalViews: z.number().int().positive(),
  }),
  /** Competitor names perception looks for. */
  competitors: z.array(z.string().min(1)),
  weights,
});
export type RiskConfig = z.infer<typeof RiskConfig>;

export const DEFAULT_RISK_CONFIG: RiskConfig = {
  maxScore: 100,
  newLead: { responseMinutes: 5, waitingShare: 0.4 },
  unanswered: { replyHours: 24, extraPerDay: 2, maxExtra: 10, lookbackDays: 30 },
  silenceDays: { lead: 1, qualified: 3, discovery: 7, demo: 5, proposal: 5, negotiation: 3, closed_won: 30, closed_lost: 3650, customer: 14 },
  stageStalledDays: { lead: 14, qualified: 21, discovery: 30, demo: 21, proposal: 21, negotiation: 30, closed_won: 3650, closed_lost: 3650, customer: 3650 },
  noNextStep: { crmNextStepDays: 14 },
  stakeholderSilent: { days: 14, roles: ['procurement', 'security', 'legal', 'economic_buyer', 'decision_maker', 'technical_evaluator', 'executive_sponsor'] },
  singleThreaded: { days: 30, minContacts: 2 },
  usage: {
    recentDays: 7, baselineDays: 28, dropPct: 20, growthPct: 30, minBaselinePoints: 3, minRecentPoints: 2, persistPoints: 3,
    slide: { weeks: 6, minWeeks: 4, dropPct: 20, agreement: 0.7, latestShare: 0.5 },
  },
  renewal: { windowsDays: [120, 90, 60], multipliers: [0.6, 1, 1.3], noConversationExtra: 5, daysAfter: 30 },
  sentiment: { threshold: -0.25, lookbackDays: 14, resolvedAt: 0.5, churnLookbackDays: 90, churnMultiplier: 2 },
  competitor: { lookbackDays: 60 },
  expansion: { lookbackDays: 60 },
  buying: { lookbackDays: 14, minProposalViews: 2 },
  competitors: ['Salesforce', 'HubSpot', 'Gong', 'Clari', 'Outreach', 'Salesloft', 'Gainsight', 'ChurnZero', 'Totango', 'Zendesk', 'Intercom', 'Freshworks', 'Pipedrive', 'Zoho', 'Monday.com', 'Asana', 'Workday', 'ServiceNow'],
  weights: {
    new_lead_waiting: 35, unanswered_inbound: 20, silence: 22, no_next_step: 12, stage_stalled: 12,
    overdue_commitment: 20, champion_change: 25, owner_gap: 20, single_threaded: 10, stakeholder_silent: 15,
    usage_drop: 20, renewal_approaching: 15, competitor_mention: 12, negative_sentiment: 18,
    expansion_signal: 20, usage_growth: 15, buying_signal: 15,
  },
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; anything else (numbers, arrays) in the override replaces the default. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isObject(base) || !isObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

/** The configuration for one account: the defaults, overridden by its settings (validated). */
export function riskConfigFor(settings: Record<string, unknown> | undefined, base: RiskConfig = DEFAULT_RISK_CONFIG): RiskConfig {
  const competitors = Array.isArray(settings?.competitors) ? { competitors: settings.competitors } : {};
  const merged = deepMerge(deepMerge(base, settings?.thresholds ?? {}), competitors);
  const parsed = RiskConfig.safeParse(merged);
  if (!parsed.success) {
    throw new Error(`invalid risk thresholds in account settings: ${parsed.error.issues.map((i) => `${[...i.path, ...('keys' in i ? i.keys : [])].join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The per-stage value for a stage name (unknown stages: the discovery value). */
export function forStage(values: PerStage, stage: string): number {
  return (values as Record<string, number>)[stage] ?? values.discovery;
}
