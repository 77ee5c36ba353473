import { z } from 'zod';
import type { Queryable } from '../connection.js';

/** An account as the rest of the code (and the API) sees it. */
export const Account = z.object({
  id: z.string(),
  name: z.string(),
  domains: z.array(z.string()),
  stage: z.string(),
  arr: z.number().nullable(),
  renewalDate: z.string().nullable(),
  ownerId: z.string().nullable(),
  csmId: z.string().nullable(),
  settings: z.record(z.string(), z.unknown()),
  riskScore: z.number().nullable(),
  riskLevel: z.string().nullable(),
  lastAssessedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const AccountRow = z.object({
  id: z.string(),
  name: z.string(),
  domains: z.array(z.string()),
  stage: z.string(),
  arr: z.number().nullable(),
  renewal_date: z.string().nullable(),
  owner_id: z.string().nullable(),
  csm_id: z.string().nullable(),
  settings: z.record(z.string(), z.unknown()),
  risk_score: z.number().nullable(),
  risk_level: z.string().nullable(),
  last_assessed_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
}).transform((r) => ({
  id: r.id,
  name: r.name,
  domains: r.domains,
  stage: r.stage,
  arr: r.arr,
  renewalDate: r.renewal_date,
  ownerId: r.owner_id,
  csmId: r.csm_id,
  settings: r.settings,
  riskScore: r.risk_score,
  riskLevel: r.risk_level,
  lastAssessedAt: r.last_assessed_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})).pipe(Account);
export type Account = z.output<typeof Account>;

export interface NewAccount {
  id?: string;
  name: string;
  domains: string[];
  stage: string;
  arr?: number | null;
  renewalDate?: string | null;
  ownerId?: string | null;
  csmId?: string | null;
  settings?: Record<string, unknown>;
}

const INSERT = `
  insert into accounts (id, name, domains, stage, arr, renewal_date, owner_id, csm_id, settings)
  values (coalesce($1, gen_random_uuid()::text), $2, $3, $4, $5, $6, $7, $8, $9)
  returning *`;

export async function insertAccount(db: Queryable, a: NewAccount): Promise<Account> {
  const { rows } = await db.query(INSERT, [
    a.id ?? null, a.name, a.domains.map((d) => d.toLowerCase()), a.stage, a.arr ?? null, a.renewalDate ?? null,
    a.ownerId ?? null, a.csmId ?? null, a.settings ?? {},
  ]);
  return AccountRow.parse(rows[0]);
}

export async function getAccount(db: Queryable, id: string): Promise<Account | null> {
  const { rows } = await db.query('select * from accounts where id = $1', [id]);
  return rows[0] ? AccountRow.parse(rows[0]) : null;
}

/**
 * Whose accounts a user may see: a rep the ones they own, a CSM the ones they cover (or own), a
 * manager those of their team (users whose manager they are) and their own. No scope: all.
 */
export interface AccountScope { userId: string; role: 'rep' | 'csm' | 'manager' }

/** The scope as SQL over an accounts alias, with the user id and role at parameters $u and $r. */
export function scopeSql(alias: string, u: number, r: number): string {
  const team = `(select id from users where manager_id = $${u})`;
  return `($${u}::text is null
    or ($${r}::text = 'rep' and ${alias}.owner_id = $${u})
    or ($${r}::text = 'csm' and (${alias}.csm_id = $${u} or ${alias}.owner_id = $${u}))
    or ($${r}::text = 'manager' and (${alias}.owner_id = $${u} or ${alias}.csm_id = $${u}
      or ${alias}.owner_id in ${team} or ${alias}.csm_id in ${team})))`;
}

export interface AccountFilter {
  riskLevel?: string; ownerId?: string; csmId?: string; ids?: string[]; limit?: number; offset?: number;
  /** Applied in SQL before LIMIT/OFFSET, so every page is full. */
  scope?: AccountScope | null;
}

const LIST = `
  select * from accounts a
  where ($1::text is null or risk_level = $1)
    and ($2::text is null or owner_id = $2)
    and ($3::text is null or csm_id = $3)
    and ($4::text[] is null or id = any($4))
    and ${scopeSql('a', 7, 8)}
  order by coalesce(risk_score, -1) desc, name, id
  limit $5 offset $6`;

export async function listAccounts(db: Queryable, f: AccountFilter = {}): Promise<Account[]> {
  const { rows } = await db.query(LIST, [
    f.riskLevel ?? null, f.ownerId ?? null, f.csmId ?? null, f.ids ?? null, f.limit ?? 500, f.offset ?? 0,
    f.scope?.userId ?? null, f.scope?.role ?? null,
  ]);
  return rows.map((r) => AccountRow.parse(r));
}

/** One account, if it exists and lies within the scope (null either way). */
export async function getAccountInScope(db: Queryable, id: string, scope: AccountScope | null): Promise<Account | null> {
  const [account] = await listAccounts(db, { ids: [id], scope, limit: 1 });
  return account ?? null;
}

/** Every account whose domains include one of these (routing of email and webhooks by domain). */
export async function findAccountsByDomain(db: Queryable, domain: string): Promise<Account[]> {
  const { rows } = await db.query('select * from accounts where $1 = any(domains) order by created_at', [domain.toLowerCase()]);
  return rows.map((r) => AccountRow.parse(r));
}

export async function updateAccountRisk(
  db: Queryable, id: string, risk: { score: number; level: string; assessedAt: string },
): Promise<void> {
  await db.query(
    'update accounts set risk_score = $2, risk_level = $3, last_assessed_at = $4, updated_at = now() where id = $1',
    [id, risk.score, risk.level, risk.assessedAt]);
}

export async function updateAccountFields(
  db: Queryable, id: string, fields: Partial<Pick<NewAccount, 'stage' | 'arr' | 'renewalDate' | 'ownerId' | 'csmId' | 'name'>>,
): Promise<void> {
  await db.query(
    `update accounts set
       stage = coalesce($2, stage), arr = coalesce($3, arr), renewal_date = coalesce($4, renewal_date),
       owner_id = case when $5::boolean then $6 else owner_id end,
       csm_id = case when $7::boolean then $8 else csm_id end,
       name = coalesce($9, name), updated_at = now()
     where id = $1`,
    [id, fields.stage ?? null, fields.arr ?? null, fields.renewalDate ?? null,
      'ownerId' in fields, fields.ownerId ?? null, 'csmId' in fields, fields.csmId ?? null, fields.name ?? null]);
}

/** Replaces the named top-level settings (others stay); returns the account, or null when there is none. */
export async function updateAccountSettings(db: Queryable, id: string, settings: Record<string, unknown>): Promise<Account | null> {
  const { rows } = await db.query(
    'update accounts set settings = coalesce(settings, \'{}\'::jsonb) || $2::jsonb, updated_at = now() where id = $1 returning *',
    [id, JSON.stringify(settings)]);
  return rows[0] ? AccountRow.parse(rows[0]) : null;
}
