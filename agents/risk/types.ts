// The output of the risk model: explainable factors, a 0–100 score and its level.
import { z } from 'zod';
import { RiskFactorName, OpportunityFactorName, RiskLevel } from '../vocabulary.js';

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
