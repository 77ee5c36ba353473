import { z } from 'zod';

export const IngestReply = z.object({
  format: z.string().optional(),
  stored: z.number(),
  duplicates: z.number(),
  /** Calls stored before their transcript (Gong call_completed) that this delivery completed; only when there are some. */
  completed: z.number().optional(),
  unmatched: z.number(),
  rejected: z.array(z.object({ position: z.string(), reason: z.string() })),
  warnings: z.array(z.object({ position: z.string(), reason: z.string() })).optional(),
  accounts: z.array(z.string()),
});

export const UnmatchedView = z.object({
  id: z.string(), source: z.string(), externalId: z.string().nullable(), signal: z.record(z.string(), z.unknown()),
  route: z.record(z.string(), z.unknown()), reason: z.string(), createdAt: z.string(),
});
