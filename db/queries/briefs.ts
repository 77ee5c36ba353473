// Briefs (a CSM's renewal-risk brief, or one account's), their delivery marks, each CSM's brief
// settings, and the reads a brief is composed from.
import { z } from 'zod';
import type { Queryable } from '../connection.js';
import type { BriefContent } from '../../agents/briefs/types.js';
import { AssessmentRow, type AssessmentRecord } from './assessments.js';
import { RecommendationRow, OPEN_STATUSES, type Recommendation } from './recommendations.js';
import { scopeSql, type AccountScope } from './accounts.js';

export const BriefRow = z.object({
  id: z.string(),
  account_id: z.string().nullable(),
  csm_id: z.string().nullable(),
  kind: z.string(),
  content: z.record(z.string(), z.unknown()),
  created_by: z.string().nullable(),
  created_at: z.string(),
  as_of: z.string().nullable(),
  brief_key: z.string().nullable(),
  email_to: z.string().nullable(),
  email_message_id: z.string().nullable(),
  email_sent_at: z.string().nullable(),
  email_error: z.string().nullable(),
  webhook_posted_at: z.string().nullable(),
}).transform((r) => ({
  id: r.id, accountId: r.account_id, csmId: r.csm_id, kind: r.kind, content: r.content as unknown as BriefContent,
  createdBy: r.created_by, createdAt: r.created_at, asOf: r.as_of ?? r.created_at, key: r.brief_key,
  delivery: {
    emailTo: r.email_to, emailMessageId: r.email_message_id, emailSentAt: r.email_sent_at, emailError: r.email_error,
    webhookPostedAt: r.webhook_posted_at,
  },
}));
export type Brief = z.output<typeof BriefRow>;

export interface NewBrief {
  key: string; csmId: string | null; accountId?: string | null; asOf: string; content: BriefContent; createdBy?: string | null;
}

// Keyed: a retried activity (or a second run for the same scheduled time) finds the first row.
const INSERT = `
  insert into briefs (brief_key, csm_id, account_id, kind, content, created_by, as_of)
  values ($1, $2, $3, 'renewal_risk', $4, $5, $6)
  on conflict (brief_key) do nothing
  returning *`;

export async function insertBrief(db: Queryable, b: NewBrief): Promise<{ brief: Brief; created: boolean }> {
  const ins = await db.query(INSERT, [b.key, b.csmId, b.accountId ?? null, JSON.stringify(b.content), b.createdBy ?? null, b.asOf]);
  if (ins.rows[0]) return { brief: BriefRow.parse(ins.rows[0]), created: true };
  const found = await getBriefByKey(db, b.key);
  if (!found) throw new Error(`brief ${b.key} vanished`);
  return { brief: found, created: false };
}

export async function getBriefByKey(db: Queryable, key: string): Promise<Brief | null> {
  const { rows } = await db.query('select * from briefs where brief_key = $1', [key]);
  return rows[0] ? BriefRow.parse(rows[0]) : null;
}

export async function getBrief(db: Queryable, id: string): Promise<Brief | null> {
  const { rows } = await db.query('select * from briefs where id = $1', [id]);
  return rows[0] ? BriefRow.parse(rows[0]) : null;
}

/** The CSM's latest brief before `before` (their "last brief"); one account's briefs do not count. */
export async function latestCsmBrief(db: Queryable, csmId: string, before?: string): Promise<Brief | null> {
  const { rows } = await db.query(
    `select * from briefs where csm_id = $1 and account_id is null and ($2::timestamptz is null or as_of < $2)
     order by as_of desc, created_at desc limit 1`, [csmId, before ?? null]);
  return rows[0] ? BriefRow.parse(rows[0]) : null;
}

/**
 * Who may see a brief: its CSM, their manager, an admin (scope null); one account's brief follows
 * the account's scope. A rep sees only account briefs of their own accounts.
 */
function visibleSql(u: number, r: number): string {
  return `($${u}::text is null
    or b.csm_id = $${u}
    or ($${r}::text = 'manager' and b.csm_id in (select id from users where manager_id = $${u}))
    or (b.account_id is not null and exists (select 1 from accounts a where a.id = b.account_id and ${scopeSql('a', u, r)})))`;
}

export interface BriefFilter { scope: AccountScope | null; csmId?: string; accountId?: string; limit?: number }

export async function listBriefs(db: Queryable, f: BriefFilter): Promise<Brief[]> {
  const { rows } = await db.query(
    `select b.* from briefs b
     where ${visibleSql(1, 2)}
       and ($3::text is null or b.csm_id = $3)
       and ($4::text is null or b.account_id = $4)
     order by coalesce(b.as_of, b.created_at) desc, b.created_at desc limit $5`,
    [f.scope?.userId ?? null, f.scope?.role ?? null, f.csmId ?? null, f.accountId ?? null, f.limit ?? 50]);
  return rows.map((r) => BriefRow.parse(r));
}

/** One brief, if it exists and this scope may see it (null either way). */
export async function getBriefInScope(db: Queryable, id: string, scope: AccountScope | null): Promise<Brief | null> {
  const { rows } = await db.query(`select b.* from briefs b where b.id = $3 and ${visibleSql(1, 2)}`, [scope?.userId ?? null, scope?.role ?? null, id]);
  return rows[0] ? BriefRow.parse(rows[0]) : null;
}

/** Claims the brief's email once: the Message-ID and recipient are written before anything is sent. */
export async function claimBriefEmail(db: Queryable, id: string, e: { messageId: string; to: string }): Promise<Brief> {
  await db.query('update briefs set email_message_id = $2, email_to = $3 where id = $1 and email_message_id is null', [id, e.messageId, e.to]);
  return (await getBrief(db, id))!;
}

export async function markBriefEmailSent(db: Queryable, id: string): Promise<void> {
  await db.query('update briefs set email_sent_at = coalesce(email_sent_at, now()), email_error = null where id = $1', [id]);
}

export async function markBriefEmailError(db: Queryable, id: string, error: string): Promise<void> {
  await db.query('update briefs set email_error = $2 where id = $1 and email_sent_at is null', [id, error.slice(0, 1000)]);
}

export async function markBriefWebhookPosted(db: Queryable, id: string): Promise<void> {
  await db.query('update briefs set webhook_posted_at = coalesce(webhook_posted_at, now()) where id = $1', [id]);
}

// ---- what a brief is composed from ----------------------------------------------------------------

/** The latest assessment of each of these accounts. */
export async function latestAssessmentsFor(db: Queryable, accountIds: string[]): Promise<Map<string, AssessmentRecord>> {
  if (accountIds.length === 0) return new Map();
  const { rows } = await db.query(
    `select distinct on (account_id) * from assessments where account_id = any($1)
     order by account_id, as_of desc, created_at desc`, [accountIds]);
  return new Map(rows.map((r) => { const a = AssessmentRow.parse(r); return [a.accountId, a]; }));
}

/** The open recommendations of these accounts, by account. */
export async function openRecommendationsFor(db: Queryable, accountIds: string[]): Promise<Map<string, Recommendation[]>> {
  const out = new Map<string, Recommendation[]>();
  if (accountIds.length === 0) return out;
  const { rows } = await db.query(
    'select * from recommendations where account_id = any($1) and status = any($2) order by priority desc, created_at',
    [accountIds, [...OPEN_STATUSES]]);
  for (const r of rows) {
    const rec = RecommendationRow.parse(r);
    out.set(rec.accountId, [...(out.get(rec.accountId) ?? []), rec]);
  }
  return out;
}

// ---- each CSM's brief settings --------------------------------------------------------------------

export const BriefSettings = z.object({
  localTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour'),
  timezone: z.string().min(1).max(64),
  windowDays: z.number().int().min(1).max(730),
  enabled: z.boolean(),
});
export type BriefSettings = z.infer<typeof BriefSettings>;

export const DEFAULT_BRIEF_SETTINGS: BriefSettings = { localTime: '07:30', timezone: 'UTC', windowDays: 120, enabled: true };

const SettingsRow = z.object({ local_time: z.string(), timezone: z.string(), window_days: z.number(), enabled: z.boolean() })
  .transform((r) => ({ localTime: r.local_time, timezone: r.timezone, windowDays: r.window_days, enabled: r.enabled }));

/** This CSM's settings, or `defaults` (the configured ones) where they have none. */
export async function getBriefSettings(db: Queryable, csmId: string, defaults: BriefSettings = DEFAULT_BRIEF_SETTINGS): Promise<BriefSettings> {
  const { rows } = await db.query('select * from brief_settings where csm_id = $1', [csmId]);
  return rows[0] ? SettingsRow.parse(rows[0]) : defaults;
}

export async function putBriefSettings(db: Queryable, csmId: string, s: Partial<BriefSettings>): Promise<BriefSettings> {
  const { rows } = await db.query(
    `insert into brief_settings (csm_id, local_time, timezone, window_days, enabled)
     values ($1, coalesce($2, '07:30'), coalesce($3, 'UTC'), coalesce($4, 120), coalesce($5, true))
     on conflict (csm_id) do update set
       local_time = coalesce($2, brief_settings.local_time), timezone = coalesce($3, brief_settings.timezone),
       window_days = coalesce($4, brief_settings.window_days), enabled = coalesce($5, brief_settings.enabled), updated_at = now()
     returning *`, [csmId, s.localTime ?? null, s.timezone ?? null, s.windowDays ?? null, s.enabled ?? null]);
  return SettingsRow.parse(rows[0]);
}

/** Every CSM with their settings (defaults where they have none): what the schedules are made from. */
export async function listCsmBriefSettings(db: Queryable, defaults: BriefSettings = DEFAULT_BRIEF_SETTINGS): Promise<Array<{ csmId: string } & BriefSettings>> {
  const { rows } = await db.query(
    `select u.id, s.local_time, s.timezone, s.window_days, s.enabled from users u
     left join brief_settings s on s.csm_id = u.id where u.role = 'csm' order by u.id`);
  return rows.map((r: { id: string; local_time: string | null; timezone: string | null; window_days: number | null; enabled: boolean | null }) => ({
    csmId: r.id, localTime: r.local_time ?? defaults.localTime, timezone: r.timezone ?? defaults.timezone,
    windowDays: r.window_days ?? defaults.windowDays, enabled: r.enabled ?? defaults.enabled,
  }));
}
