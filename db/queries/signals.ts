import { z } from 'zod';
import type { Queryable } from '../connection.js';
import type { Signal, SignalInput, Insights } from '../../agents/signals/schema.js';

export const SignalRow = z.object({
  id: z.string(),
  account_id: z.string(),
  kind: z.string(),
  occurred_at: z.string(),
  source: z.string(),
  external_id: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  direction: z.string().nullable(),
  insights: z.record(z.string(), z.unknown()).nullable(),
  status: z.enum(['pending', 'processed']),
  received_at: z.string(),
}).transform((r) => ({
  ...r.payload,
  kind: r.kind,
  id: r.id,
  accountId: r.account_id,
  occurredAt: r.occurred_at,
  source: r.source,
  ...(r.external_id ? { externalId: r.external_id } : {}),
  ...(r.direction ? { direction: r.direction } : {}),
  ...(r.insights ? { insights: r.insights } : {}),
  receivedAt: r.received_at,
}) as unknown as Signal);

export interface StoredSignal { id: string; index: number }
export interface InsertResult { stored: StoredSignal[]; duplicates: StoredSignal[] }

function payloadOf(s: SignalInput): Record<string, unknown> {
  const { kind: _k, occurredAt: _o, externalId: _e, source: _s, ...rest } = s as Record<string, unknown>;
  return rest;
}

// `on conflict do nothing` then a lookup: a duplicate delivery returns the id already stored.
const INSERT = `
  insert into signals (account_id, kind, occurred_at, source, external_id, payload, direction)
  values ($1, $2, $3, $4, $5, $6, $7)
  on conflict (account_id, source, external_id) where external_id is not null do nothing
  returning id`;
const FIND = 'select id from signals where account_id = $1 and source = $2 and external_id = $3';

/**
 * Stores signals for one account, each once by (source, externalId). Call inside a transaction
 * so a batch is all written or not at all.
 */
export async function insertSignals(
  db: Queryable, accountId: string, signals: Array<SignalInput & { direction?: string }>,
): Promise<InsertResult> {
  const result: InsertResult = { stored: [], duplicates: [] };
  for (const [index, s] of signals.entries()) {
    const source = s.source ?? 'api';
    const externalId = s.externalId ?? null;
    const direction = 'direction' in s && s.direction ? s.direction : null;
    const ins = await db.query(INSERT, [accountId, s.kind, s.occurredAt, source, externalId, payloadOf(s), direction]);
    if (ins.rows[0]) {
      result.stored.push({ id: ins.rows[0].id, index });
    } else {
      const found = await db.query(FIND, [accountId, source, externalId]);
      result.duplicates.push({ id: found.rows[0].id, index });
    }
  }
  return result;
}

export interface SignalFilter {
  kinds?: string[];
  before?: string;
  after?: string;
  limit?: number;
  /** Newest first when true (API listing); oldest first otherwise (the agent's timeline). */
  newestFirst?: boolean;
}

export async function listSignals(db: Queryable, accountId: string, f: SignalFilter = {}): Promise<Signal[]> {
  const order = f.newestFirst ? 'desc' : 'asc';
  const { rows } = await db.query(
    `select * from signals
     where account_id = $1 and ($2::text[] is null or kind = any($2))
       and ($3::timestamptz is null or occurred_at <= $3)
       and ($4::timestamptz is null or occurred_at > $4)
     order by occurred_at ${order}, id ${order} limit $5`,
    [accountId, f.kinds ?? null, f.before ?? null, f.after ?? null, f.limit ?? 10_000]);
  return rows.map((r) => SignalRow.parse(r));
}

export async function getSignalsByIds(db: Queryable, ids: string[]): Promise<Signal[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query('select * from signals where id = any($1)', [ids]);
  return rows.map((r) => SignalRow.parse(r));
}

export async function listPendingSignals(db: Queryable, accountId: string, limit = 1000): Promise<Signal[]> {
  const { rows } = await db.query(
    `select * from signals where account_id = $1 and status = 'pending' order by received_at, id limit $2`,
    [accountId, limit]);
  return rows.map((r) => SignalRow.parse(r));
}

export async function setSignalInsights(db: Queryable, id: string, insights: Insights): Promise<void> {
  await db.query('update signals set insights = $2, remembered_at = now() where id = $1', [id, insights]);
}

export async function markSignalsProcessed(db: Queryable, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.query(
    `update signals set status = 'processed', processed_at = now() where id = any($1) and status = 'pending'`, [ids]);
  return r.rowCount ?? 0;
}

/** Accounts with signals left pending longer than `olderThanMs` (the sweeper re-notifies them). */
export async function listAccountsWithStalePending(db: Queryable, olderThanMs: number, limit = 500): Promise<string[]> {
  const { rows } = await db.query(
    `select distinct account_id from signals
     where status = 'pending' and received_at < now() - make_interval(secs => $1::float8 / 1000)
     limit $2`, [olderThanMs, limit]);
  return rows.map((r) => String(r.account_id));
}

export async function countSignals(db: Queryable, accountId: string): Promise<number> {
  const { rows } = await db.query('select count(*)::int as n from signals where account_id = $1', [accountId]);
  return rows[0].n;
}

/** Marks processed what `remember` has already read (its insights and memory are stored). */
export async function markRememberedProcessed(db: Queryable, accountId: string): Promise<number> {
  const r = await db.query(
    `update signals set status = 'processed', processed_at = now()
     where account_id = $1 and status = 'pending' and remembered_at is not null`, [accountId]);
  return r.rowCount ?? 0;
}

export async function signalStats(db: Queryable): Promise<{ received: number; pending: number; processed: number }> {
  const { rows } = await db.query(
    `select count(*)::int as received, count(*) filter (where status = 'pending')::int as pending,
            count(*) filter (where status = 'processed')::int as processed from signals`);
  return rows[0];
}
