// The outbox: one email per approved recommendation, written before it is sent.
import { z } from 'zod';
import type { Queryable } from '../connection.js';

export const OutboxRow = z.object({
  recommendation_id: z.string(),
  account_id: z.string(),
  message_id: z.string(),
  from_address: z.string(),
  to_addresses: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  in_reply_to: z.string().nullable(),
  references: z.array(z.string()),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number(),
  last_error: z.string().nullable(),
  signal_id: z.string().nullable(),
  created_at: z.string(),
  sent_at: z.string().nullable(),
}).transform((r) => ({
  recommendationId: r.recommendation_id, accountId: r.account_id, messageId: r.message_id, from: r.from_address,
  to: r.to_addresses, subject: r.subject, body: r.body, inReplyTo: r.in_reply_to, references: r.references,
  status: r.status, attempts: r.attempts, lastError: r.last_error, signalId: r.signal_id, createdAt: r.created_at, sentAt: r.sent_at,
}));
export type OutboxEmail = z.output<typeof OutboxRow>;

export interface NewOutboxEmail {
  recommendationId: string; accountId: string; messageId: string; from: string; to: string[];
  subject: string; body: string; inReplyTo?: string | null; references?: string[];
}

// A second writer (a retried activity, a second approval) finds the first row and sends nothing new.
const INSERT = `
  insert into outbox (recommendation_id, account_id, message_id, from_address, to_addresses, subject, body, in_reply_to, "references")
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  on conflict (recommendation_id) do nothing`;

/** Writes the email once per recommendation and returns the stored row (the first one written wins). */
export async function putOutboxEmail(db: Queryable, e: NewOutboxEmail): Promise<OutboxEmail> {
  await db.query(INSERT, [e.recommendationId, e.accountId, e.messageId, e.from, e.to, e.subject, e.body, e.inReplyTo ?? null, e.references ?? []]);
  const row = await getOutboxEmail(db, e.recommendationId);
  if (!row) throw new Error(`outbox row for ${e.recommendationId} vanished`);
  return row;
}

export async function getOutboxEmail(db: Queryable, recommendationId: string): Promise<OutboxEmail | null> {
  const { rows } = await db.query('select * from outbox where recommendation_id = $1', [recommendationId]);
  return rows[0] ? OutboxRow.parse(rows[0]) : null;
}

/** One more attempt at sending, with its error when it failed. */
export async function recordOutboxAttempt(db: Queryable, recommendationId: string, error: string | null): Promise<void> {
  await db.query('update outbox set attempts = attempts + 1, last_error = coalesce($2, last_error) where recommendation_id = $1', [recommendationId, error]);
}

export async function markOutboxSent(db: Queryable, recommendationId: string, signalId: string | null): Promise<void> {
  await db.query(
    `update outbox set status = 'sent', sent_at = coalesce(sent_at, now()), signal_id = coalesce($2, signal_id)
     where recommendation_id = $1`, [recommendationId, signalId]);
}

export async function markOutboxFailed(db: Queryable, recommendationId: string, reason: string): Promise<void> {
  await db.query(`update outbox set status = 'failed', last_error = $2 where recommendation_id = $1 and status <> 'sent'`, [recommendationId, reason]);
}
