// The output of the risk model: explainable factors, a 0–100 score and its level; and its input.
import { z } from 'zod';
import { RiskFactorName, OpportunityFactorName, RiskLevel } from '../vocabulary.js';
import type { Account } from '../../db/queries/accounts.js';
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import type { RiskConfig } from './config.js';

export const Factor = z.object({
  factor: z.union([RiskFactorName, OpportunityFactorName]),
  /** Contribution to the 0–100 score (opportunities: strength, not netted against risk). */
  weight: z.number(),
  explanation: z.string(),
  /** Ids of the signals behind it. */
  evidence: z.array(z.string()),
  /** Contacts the factor is about (emails), when it is about people. */
  contacts: z.array(z.string()).optional(),
  /** When this factor would next change by the passage of time alone (ISO), if ever. */
  nextChangeAt: z.string().optional(),
});
export type Factor = z.infer<typeof Factor>;

export const Assessment = z.object({
  asOf: z.string(),
  score: z.number().int().min(0).max(100),
  level: RiskLevel,
  factors: z.array(Factor),
  opportunities: z.array(Factor),
  /** The earliest moment any factor would change with no new signal (ISO), if any. */
  nextChangeAt: z.string().optional(),
});
export type Assessment = z.infer<typeof Assessment>;

/** A recommendation still open on the account (the fields the risk model looks at). */
export interface OpenRecommendation {
  kind: string;
  status: string;
  factors?: string[];
  dueAt?: string | null;
  snoozedUntil?: string | null;
}

export interface RiskInput {
  account: Account;
  contacts: Contact[];
  /** The account's signals, each with its insights; those after `asOf` are ignored. */
  signals: Signal[];
  asOf: string;
  /** A snoozed one wakes the account when its snooze ends (a candidate for `nextChangeAt`). */
  openRecommendations?: OpenRecommendation[];
  /** Default: the account's own configuration (`riskConfigFor(account.settings)`). */
  config?: RiskConfig;
}
