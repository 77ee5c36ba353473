import { z } from 'zod';
import type { Queryable } from '../connection.js';
import type { ProposedRecommendation, Evidence, Draft } from '../../agents/recommendation.js';
import { scopeSql, type AccountScope } from './accounts.js';

export const RecommendationRow = z.object({
  id: z.string(),
  account_id: z.string(),
  assessment_id: z.string().nullable(),
  kind: z.string(),
  target: z.string(),
  title: z.string(),
  rationale: z.string(),
  evidence: z.array(z.unknown()),
  priority: z.number(),
  due_at: z.string().nullable(),
  draft: z.record(z.string(), z.unknown()).nullable(),
  factors: z.array(z.string()),
  status: z.string(),
  status_reason: z.string().nullable(),
  snoozed_until: z.string().nullable(),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  account_name: z.string().optional(),
}).transform((r) => ({
  id: r.id, accountId: r.account_id, assessmentId: r.assessment_id, kind: r.kind, target: r.target,
  title: r.title, rationale: r.rationale, evidence: r.evidence as Evidence[], priority: r.priority,
  dueAt: r.due_at, draft: r.draft as Draft | null, factors: r.factors, status: r.status,
  statusReason: r.status_reason, snoozedUntil: r.snoozed_until, decidedBy: r.decided_by,
  decidedAt: r.decided_at, createdAt: r.created_at, updatedAt: r.updated_at,
  ...(r.account_name !== undefined ? { accountName: r.account_name } : {}),
}));
export type Recommendation = z.output<typeof RecommendationRow>;

export const OPEN_STATUSES = ['proposed', 'snoozed'] as const;

/** Open ones and recently decided ones: what the critic needs to dedupe and suppress. */
export async function listRecommendationsForAccount(
  db: Queryable, accountId: string, opts: { statuses?: string[]; since?: string } = {},
): Promise<Recommendation[]> {
  const { rows } = await db.query(
    `select * from recommendations where account_id = $1
       and ($2::text[] is null or status = any($2))
       and ($3::timestamptz is null or updated_at >= $3)
     order by priority desc, created_at`,
    [accountId, opts.statuses ?? null, opts.since ?? null]);
  return rows.map((r) => RecommendationRow.parse(r));
}

/**
 * What an assessment must know of its own past advice, in one statement: the open recommendations
 * (`open` statuses, any age) then those decided since `since` (`decided` statuses), each part by
 * priority as listRecommendationsForAccount orders it.
 */
export async function listWorkingRecommendations(
  db: Queryable, accountId: string, opts: { open: string[]; decided: string[]; since: string },
): Promise<Recommendation[]> {
  const { rows } = await db.query(
    `select * from recommendations where account_id = $1
       and (status = any($2) or (status = any($3) and updated_at >= $4))
     order by (status = any($2)) desc, priority desc, created_at`,
    [accountId, opts.open, opts.decided, opts.since]);
  return rows.map((r) => RecommendationRow.parse(r));
}

export interface InboxFilter {
  statuses?: string[]; ownerId?: string; accountId?: string; accountIds?: string[]; kind?: string; limit?: number;
  /** The caller's scope: filters narrow within it, never widen it. */
  scope?: AccountScope | null;
}

export async function listInbox(db: Queryable, f: InboxFilter = {}): Promise<Recommendation[]> {
  const { rows } = await db.query(
    `select r.*, a.name as account_name from recommendations r join accounts a on a.id = r.account_id
     where ($1::text[] is null or r.status = any($1))
       and ($2::text is null or a.owner_id = $2 or a.csm_id = $2)
       and ($3::text is null or r.account_id = $3)
       and ($4::text[] is null or r.account_id = any($4))
       and ${scopeSql('a', 6, 7)}
       and ($8::text is null or r.kind = $8)
     order by r.priority desc, r.due_at nulls last, r.created_at
     limit $5`,
    [f.statuses ?? null, f.ownerId ?? null, f.accountId ?? null, f.accountIds ?? null, f.limit ?? 200,
      f.scope?.userId ?? null, f.scope?.role ?? null, f.kind ?? null]);
  return rows.map((r) => RecommendationRow.parse(r));
}

export async function getRecommendation(db: Queryable, id: string): Promise<Recommendation | null> {
  const { rows } = await db.query('select * from recommendations where id = $1', [id]);
  return rows[0] ? RecommendationRow.parse(rows[0]) : null;
}

// One open recommendation per (account, kind, target): a new proposal refreshes the open one.
const REFRESH_OPEN = `
  on conflict (account_id, kind, target) where status in ('proposed', 'snoozed') do update set
    assessment_id = excluded.assessment_id, title = excluded.title, rationale = excluded.rationale,
    evidence = excluded.evidence, priority = excluded.priority, due_at = excluded.due_at,
    draft = excluded.draft, factors = excluded.factors, updated_at = now()`;
const UPSERT_OPEN = `
  insert into recommendations (account_id, assessment_id, kind, target, title, rationale, evidence, priority, due_at, draft, factors)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  ${REFRESH_OPEN}
  returning *, (xmax = 0) as inserted`;

export async function upsertOpenRecommendation(
  db: Queryable, accountId: string, assessmentId: string | null, r: ProposedRecommendation,
): Promise<{ recommendation: Recommendation; inserted: boolean }> {
  const { rows } = await db.query(UPSERT_OPEN, [
    accountId, assessmentId, r.kind, r.target, r.title, r.rationale, JSON.stringify(r.evidence), r.priority,
    r.dueAt, r.draft ? JSON.stringify(r.draft) : null, r.factors,
  ]);
  const { inserted, ...row } = rows[0];
  return { recommendation: RecommendationRow.parse(row), inserted: Boolean(inserted) };
}

// The same upsert for a whole assessment's proposals in one statement (each statement through pg →
// PGlite costs about a millisecond of CPU whatever its size).
const UPSERT_OPEN_MANY = `
  insert into recommendations (account_id, assessment_id, kind, target, title, rationale, evidence, priority, due_at, draft, factors)
  select $1, $2, v.kind, v.target, v.title, v.rationale, v.evidence, v.priority, v.due_at, v.draft,
         array(select jsonb_array_elements_text(v.factors))
  from jsonb_to_recordset($3::jsonb) as v(kind text, target text, title text, rationale text, evidence jsonb, priority numeric, due_at timestamptz, draft jsonb, factors jsonb)
  ${REFRESH_OPEN}
  returning id`;

/**
 * Upserts every proposal of one assessment (as upsertOpenRecommendation does each). A (kind, target)
 * proposed twice keeps the later one: one statement may not update the same row twice.
 */
export async function upsertOpenRecommendations(
  db: Queryable, accountId: string, assessmentId: string | null, recs: ProposedRecommendation[],
): Promise<number> {
  const byKey = new Map(recs.map((r) => [`${r.kind}\u0000${r.target}`, r] as const));
  if (byKey.size === 0) return 0;
  const rows = [...byKey.values()].map((r) => ({
    kind: r.kind, target: r.target, title: r.title, rationale: r.rationale, evidence: r.evidence, priority: r.priority,
    due_at: r.dueAt ?? null, draft: r.draft ?? null, factors: r.factors,
  }));
  const res = await db.query(UPSERT_OPEN_MANY, [accountId, assessmentId, JSON.stringify(rows)]);
  return res.rowCount ?? 0;
}

/** The agent withdraws what no longer applies: open ones whose (kind, target) it did not propose again. */
export async function expireRecommendations(db: Queryable, accountId: string, ids: string[], reason: string): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.query(
    `update recommendations set status = 'expired', status_reason = $3, updated_at = now()
     where account_id = $1 and id = any($2) and status = 'proposed'`, [accountId, ids, reason]);
  return r.rowCount ?? 0;
}

export interface DecisionUpdate {
  status: string;
  reason?: string | null;
  snoozedUntil?: string | null;
  decidedBy?: string | null;
  title?: string;
  draft?: Draft | null;
  dueAt?: string | null;
}

export async function setRecommendationStatus(db: Queryable, id: string, u: DecisionUpdate): Promise<Recommendation | null> {
  const { rows } = await db.query(
    `update recommendations set status = $2, status_reason = coalesce($3, status_reason), snoozed_until = $4,
       decided_by = coalesce($5, decided_by), decided_at = now(), title = coalesce($6, title),
       draft = coalesce($7, draft), due_at = coalesce($8, due_at), updated_at = now()
     where id = $1 returning *`,
    [id, u.status, u.reason ?? null, u.snoozedUntil ?? null, u.decidedBy ?? null, u.title ?? null,
      u.draft ? JSON.stringify(u.draft) : null, u.dueAt ?? null]);
  return rows[0] ? RecommendationRow.parse(rows[0]) : null;
}

export async function countOpenRecommendations(db: Queryable, accountId: string): Promise<number> {
  const { rows } = await db.query(
    `select count(*)::int as n from recommendations where account_id = $1 and status = 'proposed'`, [accountId]);
  return rows[0].n;
}

/**
 * What happened after the decision (the action carried out or failed, a snooze ended): the status
 * and its reason change, the decision (who, when) stays as it was. `from` guards the transition.
 */
export async function setRecommendationOutcome(
  db: Queryable, id: string, u: { status: string; reason?: string | null; from: string[] },
): Promise<Recommendation | null> {
  const { rows } = await db.query(
    `update recommendations set status = $2, status_reason = coalesce($3, status_reason), snoozed_until = null, updated_at = now()
     where id = $1 and status = any($4) returning *`, [id, u.status, u.reason ?? null, u.from]);
  return rows[0] ? RecommendationRow.parse(rows[0]) : null;
}
