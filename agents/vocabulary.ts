// The shared vocabulary of DESIGN.md. Evals, UI and docs depend on these exact strings.
import { z } from 'zod';

export const SIGNAL_KINDS = [
  'email', 'meeting', 'usage', 'crm', 'ticket', 'note', 'engagement', 'news', 'calendar', 'chat',
] as const;
export const SignalKind = z.enum(SIGNAL_KINDS);
export type SignalKind = z.infer<typeof SignalKind>;

export const RISK_FACTORS = [
  'new_lead_waiting', 'unanswered_inbound', 'silence', 'no_next_step', 'stage_stalled',
  'overdue_commitment', 'champion_change', 'owner_gap', 'single_threaded', 'stakeholder_silent',
  'usage_drop', 'renewal_approaching', 'competitor_mention', 'negative_sentiment',
] as const;
export const RiskFactorName = z.enum(RISK_FACTORS);
export type RiskFactorName = z.infer<typeof RiskFactorName>;

export const OPPORTUNITY_FACTORS = ['expansion_signal', 'usage_growth', 'buying_signal'] as const;
export const OpportunityFactorName = z.enum(OPPORTUNITY_FACTORS);
export type OpportunityFactorName = z.infer<typeof OpportunityFactorName>;

export const FactorName = z.enum([...RISK_FACTORS, ...OPPORTUNITY_FACTORS]);
export type FactorName = z.infer<typeof FactorName>;

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const RiskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;

export const STAGES = [
  'lead', 'qualified', 'discovery', 'demo', 'proposal', 'negotiation', 'closed_won', 'closed_lost', 'customer',
] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const CONTACT_ROLES = [
  'champion', 'economic_buyer', 'decision_maker', 'technical_evaluator', 'procurement', 'security',
  'legal', 'user', 'executive_sponsor',
] as const;
export const ContactRole = z.enum(CONTACT_ROLES);
export type ContactRole = z.infer<typeof ContactRole>;

export const RECOMMENDATION_KINDS = [
  'reply', 'follow_up', 'fulfil_commitment', 'multithread', 'find_new_champion', 'assign_owner',
  'renewal_plan', 'adoption_play', 'competitive_response', 'expansion_discovery', 'schedule_next_step',
  'escalate',
] as const;
export const RecommendationKind = z.enum(RECOMMENDATION_KINDS);
export type RecommendationKind = z.infer<typeof RecommendationKind>;

export const RECOMMENDATION_STATUSES = [
  'proposed', 'approved', 'edited', 'rejected', 'snoozed', 'done', 'failed', 'expired',
] as const;
export const RecommendationStatus = z.enum(RECOMMENDATION_STATUSES);
export type RecommendationStatus = z.infer<typeof RecommendationStatus>;

export const USER_ROLES = ['rep', 'csm', 'manager', 'admin'] as const;
export const UserRole = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof UserRole>;

/** Score thresholds of the 0–100 risk score; one place, used by the risk model and the UI. */
export function levelForScore(score: number): RiskLevel {
  if (score >= 75) return 'critical';
  if (score >= 50) return 'high';
  if (score >= 25) return 'medium';
  return 'low';
}
