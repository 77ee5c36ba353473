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

/** Issues a new bearer token; only its hash is stored, so it is shown once. */
export async function createToken(db: Queryable, userId: string, label?: string): Promise<string> {
  const token = `aat_${randomBytes(24).toString('base64url')}`;
  await db.query('insert into api_tokens (token_hash, user_id, label) values ($1, $2, $3)', [hashToken(token), userId, label ?? null]);
  return token;
}

export async function findUserByToken(db: Queryable, token: string): Promise<User | null> {
  const { rows } = await db.query(
    'select u.* from api_tokens t join users u on u.id = t.user_id where t.token_hash = $1', [hashToken(token)]);
  return rows[0] ? UserRow.parse(rows[0]) : null;
}
