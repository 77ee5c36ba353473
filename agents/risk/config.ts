// Every threshold and weight of the risk model, in one place. Accounts may override any of it
// through `settings.thresholds` (deep-merged, validated).
import { z } from 'zod';

const byStage = z.object({
  lead: z.number(), qualified: z.number(), discovery: z.number(), demo: z.number(), proposal: z.number(),
  negotiation: z.number(), closed_won: z.number(), closed_lost: z.number(), customer: z.number(),
});

export const RiskConfig = z.object({
  /** First response to a new lead, minutes. */
  leadResponseMinutes: z.number().positive(),
  /** An inbound human question unanswered this long (hours) is at full weight. */
  replySlaHours: z.number().positive(),
  /** No two-way contact for longer than this many days, per stage. */
  silenceDays: byStage,
  /** A stage unchanged for longer than this many days is stalled. */
  stageStalledDays: byStage,
  /** A role-holding stakeholder not heard from for this many days while others are active. */
  stakeholderSilentDays: z.number().positive(),
  /** Renewal windows in days: notice, warning, urgent. */
  renewalWindowsDays: z.tuple([z.number(), z.number(), z.number()]),
  /** A renewal conversation within this many days counts as "in motion". */
  renewalConversationDays: z.number().positive(),
  usage: z.object({
    recentDays: z.number().positive(),
    baselineDays: z.number().positive(),
    dropPct: z.number().positive(),
    growthPct: z.number().positive(),
    minBaselinePoints: z.number().int().positive(),
  }),
  /** Look-back windows in days for recent sentiment, competitors and opportunities. */
  recentDays: z.number().positive(),
  singleThreadedDays: z.number().positive(),
  competitors: z.array(z.string()),
  weights: z.object({
    new_lead_waiting: z.number(), unanswered_inbound: z.number(), silence: z.number(), no_next_step: z.number(),
    stage_stalled: z.number(), overdue_commitment: z.number(), champion_change: z.number(), owner_gap: z.number(),
    single_threaded: z.number(), stakeholder_silent: z.number(), usage_drop: z.number(), renewal_approaching: z.number(),
    competitor_mention: z.number(), negative_sentiment: z.number(), expansion_signal: z.number(), usage_growth: z.number(),
    buying_signal: z.number(),
  }),
});
export type RiskConfig = z.infer<typeof RiskConfig>;

const OPEN_STAGES = { lead: 1, qualified: 3, discovery: 7, demo: 5, proposal: 5, negotiation: 3, closed_won: 30, closed_lost: 3650, customer: 14 };

export const DEFAULT_RISK_CONFIG: RiskConfig = {
  leadResponseMinutes: 5,
  replySlaHours: 24,
  silenceDays: OPEN_STAGES,
  stageStalledDays: { lead: 14, qualified: 21, discovery: 30, demo: 21, proposal: 21, negotiation: 30, closed_won: 3650, closed_lost: 3650, customer: 3650 },
  stakeholderSilentDays: 14,
  renewalWindowsDays: [120, 90, 60],
  renewalConversationDays: 30,
  usage: { recentDays: 7, baselineDays: 28, dropPct: 20, growthPct: 30, minBaselinePoints: 3 },
  recentDays: 30,
  singleThreadedDays: 30,
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

function deepMerge<T>(base: T, over: unknown): T {
  if (!isObject(base) || !isObject(over)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge((base as Record<string, unknown>)[k], v);
  return out as T;
}

/** The configuration for one account: defaults, overridden by its settings (validated). */
export function riskConfigFor(settings: Record<string, unknown> | undefined, base: RiskConfig = DEFAULT_RISK_CONFIG): RiskConfig {
  const over = settings?.thresholds;
  const competitors = Array.isArray(settings?.competitors) ? { competitors: settings.competitors } : {};
  const merged = deepMerge(deepMerge(base, over ?? {}), competitors);
  const parsed = RiskConfig.safeParse(merged);
  if (!parsed.success) throw new Error(`invalid risk thresholds in account settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
