// A renewal-risk brief for one CSM: what goes in (accounts with their latest assessment, open
// recommendations, the signals they cite, the previous brief) and the stored content that comes out.
// Everything the brief claims names the signals (id, excerpt, date) or the assessment behind it.
import { z } from 'zod';
import { RiskLevel } from '../vocabulary.js';
import type { Factor } from '../risk/types.js';

export const Citation = z.object({
  signalId: z.string(),
  kind: z.string().optional(),
  excerpt: z.string(),
  occurredAt: z.string().optional(),
});
export type Citation = z.infer<typeof Citation>;

export const BriefFactor = z.object({
  factor: z.string(),
  weight: z.number(),
  explanation: z.string(),
  evidence: z.array(Citation),
  /** Not in this account's entry of the previous brief. */
  isNew: z.boolean(),
});
export type BriefFactor = z.infer<typeof BriefFactor>;

export const BriefAction = z.object({
  recommendationId: z.string(),
  title: z.string(),
  kind: z.string(),
  priority: z.number(),
  dueAt: z.string().nullable(),
  evidence: z.array(Citation),
});
export type BriefAction = z.infer<typeof BriefAction>;

export const BriefAccount = z.object({
  accountId: z.string(),
  name: z.string(),
  renewalDate: z.string(),
  daysLeft: z.number(),
  score: z.number(),
  level: RiskLevel,
  /** From the previous brief (null: the account was not in it). */
  previousScore: z.number().nullable(),
  previousLevel: RiskLevel.nullable(),
  /** The assessment the score and factors come from. */
  assessmentId: z.string(),
  assessedAt: z.string(),
  /** Rank key: risk score weighted by how close the renewal is. */
  urgency: z.number(),
  factors: z.array(BriefFactor),
  plan: z.array(BriefAction),
});
export type BriefAccount = z.infer<typeof BriefAccount>;

export const BriefChanges = z.object({
  newFactors: z.array(z.object({ accountId: z.string(), accountName: z.string(), factor: z.string(), explanation: z.string(), evidence: z.array(Citation) })),
  resolvedFactors: z.array(z.object({ accountId: z.string(), accountName: z.string(), factor: z.string(), explanation: z.string(), evidence: z.array(Citation) })),
  levelChanges: z.array(z.object({ accountId: z.string(), accountName: z.string(), from: RiskLevel, to: RiskLevel, scoreFrom: z.number(), scoreTo: z.number(), assessmentId: z.string() })),
  newSignals: z.array(z.object({ accountId: z.string(), accountName: z.string(), citation: Citation })),
});
export type BriefChanges = z.infer<typeof BriefChanges>;

export const ImprovedAccount = z.object({
  accountId: z.string(),
  name: z.string(),
  from: RiskLevel,
  to: RiskLevel,
  scoreFrom: z.number(),
  scoreTo: z.number(),
  assessmentId: z.string(),
  /** Factors of the previous brief that no longer hold, with the signals that had raised them. */
  resolved: z.array(z.object({ factor: z.string(), evidence: z.array(Citation) })),
});
export type ImprovedAccount = z.infer<typeof ImprovedAccount>;

export const BriefContent = z.object({
  version: z.literal(1),
  csm: z.object({ id: z.string(), name: z.string() }),
  asOf: z.string(),
  windowDays: z.number(),
  minLevel: RiskLevel,
  previous: z.object({ briefId: z.string(), asOf: z.string() }).nullable(),
  headline: z.string(),
  accounts: z.array(BriefAccount),
  changes: BriefChanges,
  improved: z.array(ImprovedAccount),
});
export type BriefContent = z.infer<typeof BriefContent>;

/** One account the CSM covers, as the brief needs it. */
export interface BriefAccountInput {
  account: { id: string; name: string; renewalDate: string | null };
  /** The latest assessment (null: never assessed; such an account is left out). */
  assessment: { id: string; asOf: string; score: number; level: string; factors: Factor[] } | null;
  /** Open recommendations on the account (any order). */
  recommendations: Array<{ id: string; title: string; kind: string; priority: number; dueAt: string | null; evidence: Array<{ signalId: string; excerpt: string; occurredAt?: string }> }>;
}

export interface SignalRef { id: string; kind: string; occurredAt: string; text: string }

export interface ComposeBriefInput {
  csm: { id: string; name: string };
  asOf: string;
  accounts: BriefAccountInput[];
  /** The signals the factors cite, by id (text gives the excerpt). */
  signals: Record<string, SignalRef>;
  previous: { id: string; content: BriefContent } | null;
  windowDays?: number;
  minLevel?: RiskLevel;
  /** Caps, so the brief stays short. */
  maxFactors?: number;
  maxActions?: number;
  maxNewSignals?: number;
}
