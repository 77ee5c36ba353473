import { z } from 'zod';
import type { Queryable } from '../connection.js';

export const ContactRow = z.object({
  id: z.string(),
  account_id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  title: z.string().nullable(),
  role: z.string().nullable(),
  status: z.enum(['active', 'left', 'moved']),
  created_at: z.string(),
  updated_at: z.string(),
}).transform((r) => ({
  id: r.id, accountId: r.account_id, email: r.email, name: r.name, title: r.title, role: r.role,
  status: r.status, createdAt: r.created_at, updatedAt: r.updated_at,
}));
export type Contact = z.output<typeof ContactRow>;

export interface ContactInput {
  email: string;
  name?: string | null;
  title?: string | null;
  role?: string | null;
  status?: 'active' | 'left' | 'moved';
}

// Upsert keeps what is known: a later delivery without a name does not erase the name.
const UPSERT = `
  insert into contacts (account_id, email, name, title, role, status)
  values ($1, lower($2), $3, $4, $5, coalesce($6, 'active'))
  on conflict (account_id, email) do update set
    name = coalesce(excluded.name, contacts.name),
    title = coalesce(excluded.title, contacts.title),
    role = coalesce(excluded.role, contacts.role),
    status = coalesce($6, contacts.status),
    updated_at = now()
  returning *`;

export async function upsertContact(db: Queryable, accountId: string, c: ContactInput): Promise<Contact> {
  const { rows } = await db.query(UPSERT, [accountId, c.email, c.name ?? null, c.title ?? null, c.role ?? null, c.status ?? null]);
  return ContactRow.parse(rows[0]);
}

export async function listContacts(db: Queryable, accountId: string): Promise<Contact[]> {
  const { rows } = await db.query('select * from contacts where account_id = $1 order by created_at, email', [accountId]);
  return rows.map((r) => ContactRow.parse(r));
}
