// A recommendation as the agent proposes it; the stored row adds id, status and decision fields.
import { z } from 'zod';
import { FactorName, RecommendationKind } from './vocabulary.js';

export const Evidence = z.object({
  signalId: z.string(),
  excerpt: z.string().max(1000),
  occurredAt: z.string().optional(),
});
export type Evidence = z.infer<typeof Evidence>;

export const Draft = z.object({
  channel: z.enum(['email', 'task']).default('email'),
  to: z.array(z.string()).default([]),
  subject: z.string().max(500).optional(),
  body: z.string().max(20_000),
});
export type Draft = z.infer<typeof Draft>;

export const ProposedRecommendation = z.object({
  kind: RecommendationKind,
  /** What it is about (a contact email, a commitment, 'account'): with kind, the dedupe key. */
  target: z.string().min(1).max(500),
  title: z.string().min(1).max(300),
  rationale: z.string().min(1).max(4000),
  evidence: z.array(Evidence).max(20),
  /** 0–100: risk contribution × deal value × urgency, normalised. */
  priority: z.number().min(0).max(100),
  dueAt: z.string(),
  draft: Draft.optional(),
  factors: z.array(FactorName).min(1),
});
export type ProposedRecommendation = z.infer<typeof ProposedRecommendation>;
