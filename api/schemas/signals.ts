import { z } from 'zod';
import { SignalInput, isoInstant } from '../../agents/signals/schema.js';
import { SignalKind } from '../../agents/vocabulary.js';

export const MAX_SIGNALS_PER_REQUEST = 1000;

/** One signal, an array of them, or `{signals: [...]}`: all normalised to `{signals}`. */
export const PostSignalsBody = z.preprocess(
  (v) => (Array.isArray(v) ? { signals: v } : v && typeof v === 'object' && 'signals' in v ? v : { signals: [v] }),
  z.object({ signals: z.array(SignalInput).min(1).max(MAX_SIGNALS_PER_REQUEST) }),
);

export const PostSignalsReply = z.object({
  accountId: z.string(),
  stored: z.array(z.string()),
  duplicates: z.array(z.string()),
  /** Meetings stored while their transcript was pending, filled in by this delivery (only when there are some). */
  completed: z.array(z.string()).optional(),
});

export const ListSignalsQuery = z.object({
  kind: SignalKind.optional(),
  before: isoInstant().optional(),
  after: isoInstant().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const SignalView = z.looseObject({
  id: z.string(),
  accountId: z.string(),
  kind: z.string(),
  occurredAt: z.string(),
  source: z.string(),
});
