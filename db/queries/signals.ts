import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '../connection.js';
import { Insights, type Signal, type SignalInput } from '../../agents/signals/schema.js';

/** A stored reading that no longer fits the Insights schema is no reading: the signal is perceived again. */
function parsedInsights(raw: unknown): Insights | undefined {
  if (raw === null || raw === undefined) return undefined;
  const r = Insights.safeParse(raw);
  return r.success ? r.data : undefined;
}

export const SignalRow = z.object({
  id: z.string(),
  account_id: z.string(),
  kind: z.string(),
  occurred_at: z.string(),
  source: z.string(),
  external_id: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  direction: z.string().nullable(),
  insights: z.unknown().transform(parsedInsights),
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
/**
 * stored: new rows; duplicates: already stored, left as they were; completed: an already stored
 * meeting that was waiting for its transcript, filled in by this delivery and pending again.
 */
export interface InsertResult { stored: StoredSignal[]; duplicates: StoredSignal[]; completed: StoredSignal[] }

function payloadOf(s: SignalInput): Record<string, unknown> {
  const { kind: _k, occurredAt: _o, externalId: _e, source: _s, ...rest } = s as Record<string, unknown>;
  return rest;
}

// One statement for a whole delivery: with PGlite every statement costs about a millisecond of fixed
// work, so a row per statement made the accept path cost 5-7x what one statement per batch costs
// (measured in evals/bench/ingest-cost.ts). Ids are made here so the rows the statement stored are
// known by id; `on conflict do nothing` skips a duplicate, also one repeated inside the same batch.
const INSERT = `
  insert into signals (id, account_id, kind, occurred_at, source, external_id, payload, direction)
  select x.id, $1, x.kind, x.occurred_at, x.source, x.external_id, x.payload, x.direction
  from jsonb_to_recordset($2::jsonb) as x(id text, kind text, occurred_at timestamptz, source text, external_id text, payload jsonb, direction text)
  on conflict (account_id, source, external_id) where external_id is not null do nothing
  returning id`;
const FIND = 'select id from signals where account_id = $1 and source = $2 and external_id = $3';

/**
 * A meeting stored before its transcript existed (Gong's call_completed webhook) is completed by the
 * later delivery of the same call with it: the payload takes the new fields (the transcript, the
 * parties as the full call names them) over the old, and the row is read again as new: pending, its
 * reading and its memory dropped (the chunks deleted here, in the same transaction, so `remember`
 * writes the new ones once and `perceive` reads it again). Only a row still marked pending is
 * completed, so a redelivery, or a concurrent one waiting on the row lock, finds nothing to do and is
 * a plain duplicate. received_at moves to now: the transcript is what was received.
 */
const COMPLETE = `
  update signals set payload = (payload - 'transcriptPending') || $4::jsonb, occurred_at = $5,
    status = 'pending', processed_at = null, remembered_at = null, received_at = now(),
    insights = null, perceiver = null, perceiver_version = null, perceived_for = null, perception_fallback = false, perceived_at = null
  where account_id = $1 and source = $2 and external_id = $3 and kind = 'meeting' and payload->>'transcriptPending' = 'true'
  returning id`;
const FORGET_CHUNKS = 'delete from memory_chunks where signal_id = $1';

/** A meeting delivered with its transcript: what completes one stored while it was pending. */
function completesPending(s: SignalInput): boolean {
  if (s.kind !== 'meeting' || s.transcriptPending) return false;
  return typeof s.transcript === 'string' ? s.transcript.trim().length > 0 : s.transcript.length > 0;
}

/**
 * Stores signals for one account, each once by (source, externalId); a meeting with its transcript
 * completes the stored one that was waiting for it (see COMPLETE). Call inside a transaction so a
 * batch is all written or not at all.
 */
export async function insertSignals(
  db: Queryable, accountId: string, signals: Array<SignalInput & { direction?: string }>,
): Promise<InsertResult> {
  const result: InsertResult = { stored: [], duplicates: [], completed: [] };
  if (signals.length === 0) return result;
  const rows = signals.map((s) => ({
    id: randomUUID(), kind: s.kind, occurred_at: s.occurredAt, source: s.source ?? 'api', external_id: s.externalId ?? null,
    payload: payloadOf(s), direction: 'direction' in s && s.direction ? s.direction : null,
  }));
  const ins = await db.query(INSERT, [accountId, JSON.stringify(rows)]);
  const inserted = new Set(ins.rows.map((r) => String(r.id)));
  for (const [index, row] of rows.entries()) {
    if (inserted.has(row.id)) {
      result.stored.push({ id: row.id, index });
      continue;
    }
    // Not stored: a duplicate of a stored row, or the transcript a stored meeting was waiting for.
    const s = signals[index];
    if (row.external_id !== null && completesPending(s)) {
      const done = await db.query(COMPLETE, [accountId, row.source, row.external_id, row.payload, s.occurredAt]);
      if (done.rows[0]) {
        await db.query(FORGET_CHUNKS, [done.rows[0].id]);
        result.completed.push({ id: done.rows[0].id, index });
        continue;
      }
    }
    const found = await db.query(FIND, [accountId, row.source, row.external_id]);
    result.duplicates.push({ id: found.rows[0].id, index });
  }
  return result;
}

export interface SignalFilter {
  kinds?: string[];
  before?: string;
  after?: string;
  /** At most this many (default 10,000): the newest ones, never the oldest. */
  limit?: number;
  /** Newest first when true (API listing); oldest first otherwise (the agent's timeline). */
  newestFirst?: boolean;
  /**
   * Oldest-first reads only (the agent's timeline): beside the newest `limit`, also the older
   * signals that summarise what came before the window (default true), see OLDER_SUMMARY.
   */
  withHistory?: boolean;
}

const WINDOW = `
  select * from signals
  where account_id = $1 and ($2::text[] is null or kind = any($2))
    and ($3::timestamptz is null or occurred_at <= $3)
    and ($4::timestamptz is null or occurred_at > $4)
  order by occurred_at desc, id desc limit $5`;

/**
 * What the risk model reads from before a bounded window, per key the first and the last signal:
 * each person's first and last signal of each kind and direction (last heard, first and last
 * reached, last touch), each recipient's or attendee's, the latest CRM change of each kind (stage,
 * owner, renewal date, per contact), each calendar event's latest state, each usage metric's ends,
 * and the first and last signal of each kind.
 */
const OLDER_SUMMARY = `
  with older as (
    select s.id, s.kind, s.occurred_at, s.direction, s.payload from signals s
    where s.account_id = $1 and ($2::text[] is null or s.kind = any($2))
      and ($4::timestamptz is null or s.occurred_at > $4)
      and (s.occurred_at, s.id) < ($3::timestamptz, $5::text)
  ), keyed as (
    select o.id, o.occurred_at, k.key from older o cross join lateral (
      select o.kind as key
      union all select o.kind || ':' || coalesce(o.direction, '') || ':' || lower(coalesce(
        case when jsonb_typeof(o.payload->'from') = 'object' then o.payload->'from'->>'email' end,
        o.payload->>'contactEmail', o.payload->'author'->>'email', o.payload->>'requesterEmail'))
      union all select o.kind || ':to:' || lower(p->>'email') from jsonb_array_elements(
        coalesce(case when jsonb_typeof(o.payload->'to') = 'array' then o.payload->'to' end, '[]'::jsonb)
        || coalesce(case when jsonb_typeof(o.payload->'cc') = 'array' then o.payload->'cc' end, '[]'::jsonb)
        || coalesce(case when jsonb_typeof(o.payload->'attendees') = 'array' then o.payload->'attendees' end, '[]'::jsonb)) p
      union all select 'crm:' || (o.payload->>'change') || ':' || coalesce(o.payload->>'contactEmail', '') where o.kind = 'crm'
      union all select 'calendar:' || (o.payload->>'eventId') where o.kind = 'calendar'
      union all select 'usage:' || (o.payload->>'metric') where o.kind = 'usage'
    ) k where k.key is not null
  ), ranked as (
    select id, row_number() over (partition by key order by occurred_at, id) as first,
               row_number() over (partition by key order by occurred_at desc, id desc) as last
    from keyed
  )
  select * from signals where id in (select id from ranked where first = 1 or last = 1)`;

/**
 * An account's signals. A large account is read as a bounded window of its newest signals (the
 * ones that matter: the newest is never dropped), plus, oldest first, the summary of older history
 * the timeline needs (OLDER_SUMMARY), so the read stays bounded by the number of people, events and
 * metrics rather than the account's age.
 */
export async function listSignals(db: Queryable, accountId: string, f: SignalFilter = {}): Promise<Signal[]> {
  const limit = f.limit ?? 10_000;
  const { rows } = await db.query(WINDOW, [accountId, f.kinds ?? null, f.before ?? null, f.after ?? null, limit]);
  if (f.newestFirst) return rows.map((r) => SignalRow.parse(r));
  rows.reverse();
  if (rows.length < limit || f.withHistory === false || rows.length === 0) return rows.map((r) => SignalRow.parse(r));
  const edge = rows[0];
  const older = await db.query(OLDER_SUMMARY, [accountId, f.kinds ?? null, edge.occurred_at, f.after ?? null, edge.id]);
  older.rows.sort((a, b) => (a.occurred_at === b.occurred_at ? (a.id < b.id ? -1 : 1) : Date.parse(a.occurred_at) - Date.parse(b.occurred_at)));
  return [...older.rows, ...rows].map((r) => SignalRow.parse(r));
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

/** One signal's reading: the insights, the perceiver that produced them, and the configured perceiver that asked. */
export interface StoredReading {
  signalId: string;
  insights: Insights;
  perceiver: string;
  version: string;
  /** `<id>@<version>` of the configured perceiver that asked for this reading. */
  perceivedFor: string;
  /** True when the configured perceiver failed and another one answered. */
  fallback: boolean;
}

const STORE_READINGS = `
  update signals s set insights = v.insights, perceiver = v.perceiver, perceiver_version = v.version,
    perceived_for = v.perceived_for, perception_fallback = v.fallback, perceived_at = now()
  from (select unnest($1::text[]) as id, unnest($2::text[])::jsonb as insights, unnest($3::text[]) as perceiver,
               unnest($4::text[]) as version, unnest($5::text[]) as perceived_for, unnest($6::boolean[]) as fallback) v
  where s.id = v.id`;

/** Stores readings in one statement (a reading replaces the signal's previous one). */
export async function storeReadings(db: Queryable, readings: StoredReading[]): Promise<number> {
  if (readings.length === 0) return 0;
  const r = await db.query(STORE_READINGS, [
    readings.map((x) => x.signalId), readings.map((x) => JSON.stringify(x.insights)), readings.map((x) => x.perceiver),
    readings.map((x) => x.version), readings.map((x) => x.perceivedFor), readings.map((x) => x.fallback),
  ]);
  return r.rowCount ?? 0;
}

/** The account's signals (up to `before`) with no reading asked by the configured perceiver `perceivedFor`. */
export async function listUnreadSignalIds(db: Queryable, accountId: string, perceivedFor: string, before?: string): Promise<Set<string>> {
  const { rows } = await db.query(
    `select id from signals where account_id = $1 and ($3::timestamptz is null or occurred_at <= $3)
       and (insights is null or perceived_for is distinct from $2)`, [accountId, perceivedFor, before ?? null]);
  return new Set(rows.map((r) => String(r.id)));
}

export interface StaleReadingsFilter {
  /** `<id>@<version>` of the configured perceiver. */
  perceivedFor: string;
  /** Also stale: rules readings of another rules version (the llm perceiver hands text-less signals to rules). */
  rulesVersion: string;
  accountId?: string;
  /** Keyset paging: ids greater than this. */
  afterId?: string;
  limit?: number;
}

/**
 * Signals whose stored reading is missing, asked by another perceiver or version, a fallback, or a
 * rules reading older than the rules perceiver: what `npm run reperceive` reads again.
 */
export async function listStaleReadings(db: Queryable, f: StaleReadingsFilter): Promise<Signal[]> {
  const { rows } = await db.query(
    `select * from signals
     where ($3::text is null or account_id = $3) and ($4::text is null or id > $4)
       and (insights is null or perceived_for is distinct from $1 or perception_fallback
            or (perceiver = 'rules' and perceiver_version is distinct from $2))
     order by id limit $5`,
    [f.perceivedFor, f.rulesVersion, f.accountId ?? null, f.afterId ?? null, f.limit ?? 500]);
  return rows.map((r) => SignalRow.parse(r));
}

export interface ReadingInfo { perceiver: string | null; version: string | null; perceivedFor: string | null; fallback: boolean }

/** Who read each of these signals (tests, reperceive's report). */
export async function readingInfo(db: Queryable, ids: string[]): Promise<Map<string, ReadingInfo>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query(
    'select id, perceiver, perceiver_version, perceived_for, perception_fallback from signals where id = any($1)', [ids]);
  return new Map(rows.map((r) => [String(r.id), {
    perceiver: r.perceiver, version: r.perceiver_version, perceivedFor: r.perceived_for, fallback: Boolean(r.perception_fallback),
  }]));
}

/** Marks signals as in memory (their chunks are stored). */
export async function markSignalsRemembered(db: Queryable, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.query('update signals set remembered_at = coalesce(remembered_at, now()) where id = any($1)', [ids]);
  return r.rowCount ?? 0;
}

/**
 * Puts signals back to pending: their reading changed and no assessment has used it yet. The
 * sweeper re-signals their accounts, so the next assessment runs even if nobody notifies it now.
 */
export async function markSignalsPending(db: Queryable, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.query(`update signals set status = 'pending', processed_at = null where id = any($1) and status = 'processed'`, [ids]);
  return r.rowCount ?? 0;
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
