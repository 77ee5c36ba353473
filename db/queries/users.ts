import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '../connection.js';

export const UserRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(['rep', 'csm', 'manager', 'admin']),
  manager_id: z.string().nullable(),
  created_at: z.string(),
}).transform((r) => ({ id: r.id, name: r.name, email: r.email, role: r.role, managerId: r.manager_id, createdAt: r.created_at }));
export type User = z.output<typeof UserRow>;

export interface NewUser { id: string; name: string; email?: string | null; role: User['role']; managerId?: string | null }

export async function upsertUser(db: Queryable, u: NewUser): Promise<User> {
  const { rows } = await db.query(
    `insert into users (id, name, email, role, manager_id) values ($1, $2, $3, $4, $5)
     on conflict (id) do update set name = excluded.name, email = coalesce(excluded.email, users.email),
       role = excluded.role, manager_id = coalesce(excluded.manager_id, users.manager_id)
     returning *`, [u.id, u.name, u.email ?? null, u.role, u.managerId ?? null]);
  return UserRow.parse(rows[0]);
}

export async function getUser(db: Queryable, id: string): Promise<User | null> {
  const { rows } = await db.query('select * from users where id = $1', [id]);
  return rows[0] ? UserRow.parse(rows[0]) : null;
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const { rows } = await db.query('select * from users order by id');
  return rows.map((r) => UserRow.parse(r));
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const TokenRow = z.object({
  id: z.string(),
  user_id: z.string(),
  label: z.string().nullable(),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  revoked_by: z.string().nullable(),
}).transform((r) => ({ id: r.id, userId: r.user_id, label: r.label, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at, revokedBy: r.revoked_by }));
export type TokenInfo = z.output<typeof TokenRow>;

const TOKEN_COLUMNS = 'id, user_id, label, created_at, expires_at, revoked_at, revoked_by';

/**
 * Issues a new bearer token; only its hash is stored, so it is shown once. `ttlDays` > 0: it expires
 * that many days from now; 0 or unset: never.
 */
export async function createToken(db: Queryable, userId: string, label?: string, ttlDays = 0): Promise<string> {
  return (await issueToken(db, userId, label, ttlDays)).token;
}

/** Like createToken, with the stored token's id and expiry. */
export async function issueToken(db: Queryable, userId: string, label?: string, ttlDays = 0): Promise<{ token: string; info: TokenInfo }> {
  const token = `aat_${randomBytes(24).toString('base64url')}`;
  const { rows } = await db.query(
    `insert into api_tokens (token_hash, user_id, label, expires_at)
     values ($1, $2, $3, case when $4::int > 0 then now() + make_interval(days => $4::int) end)
     returning ${TOKEN_COLUMNS}`, [hashToken(token), userId, label ?? null, ttlDays]);
  return { token, info: TokenRow.parse(rows[0]) };
}

/** A user's tokens (never their hashes), newest first. */
export async function listTokens(db: Queryable, userId: string): Promise<TokenInfo[]> {
  const { rows } = await db.query(`select ${TOKEN_COLUMNS} from api_tokens where user_id = $1 order by created_at desc, id`, [userId]);
  return rows.map((r) => TokenRow.parse(r));
}

/** Revokes one of a user's tokens (idempotent: a revoked token keeps its first revocation). Null: no such token of that user. */
export async function revokeToken(db: Queryable, userId: string, tokenId: string, by: string | null): Promise<TokenInfo | null> {
  const { rows } = await db.query(
    `update api_tokens set revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, $3)
     where user_id = $1 and id = $2 returning ${TOKEN_COLUMNS}`, [userId, tokenId, by]);
  return rows[0] ? TokenRow.parse(rows[0]) : null;
}

/** Who a bearer token belongs to, and whether it is still good. */
export type TokenLookup =
  | { status: 'ok'; user: User; tokenId: string }
  | { status: 'expired'; expiresAt: string }
  | { status: 'revoked'; revokedAt: string }
  | { status: 'unknown' };

export async function lookupToken(db: Queryable, token: string): Promise<TokenLookup> {
  const { rows } = await db.query(
    `select u.*, t.id as token_id, t.expires_at as token_expires_at, t.revoked_at as token_revoked_at, (t.expires_at is not null and t.expires_at <= now()) as token_expired
     from api_tokens t join users u on u.id = t.user_id where t.token_hash = $1`, [hashToken(token)]);
  const r = rows[0];
  if (!r) return { status: 'unknown' };
  if (r.token_revoked_at) return { status: 'revoked', revokedAt: String(r.token_revoked_at) };
  if (r.token_expired) return { status: 'expired', expiresAt: String(r.token_expires_at) };
  return { status: 'ok', user: UserRow.parse(r), tokenId: String(r.token_id) };
}

/** The user of a token that is neither expired nor revoked. */
export async function findUserByToken(db: Queryable, token: string): Promise<User | null> {
  const found = await lookupToken(db, token);
  return found.status === 'ok' ? found.user : null;
}
