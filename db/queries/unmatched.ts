import { z } from 'zod';
import type { Queryable } from '../connection.js';

export const UnmatchedRow = z.object({
  id: z.string(), source: z.string(), external_id: z.string().nullable(), payload: z.record(z.string(), z.unknown()),
  route: z.record(z.string(), z.unknown()), reason: z.string(), created_at: z.string(),
}).transform((r) => ({ id: r.id, source: r.source, externalId: r.external_id, signal: r.payload, route: r.route, reason: r.reason, createdAt: r.created_at }));
export type Unmatched = z.output<typeof UnmatchedRow>;

/** Stored once per (source, external id), like signals. Returns true when it was new. */
export async function insertUnmatched(db: Queryable, u: { source: string; externalId?: string; payload: unknown; route: unknown; reason: string }): Promise<boolean> {
  const r = await db.query(
    `insert into unmatched_signals (source, external_id, payload, route, reason) values ($1, $2, $3, $4, $5)
     on conflict (source, external_id) where external_id is not null do nothing`,
    [u.source, u.externalId ?? null, JSON.stringify(u.payload), JSON.stringify(u.route ?? {}), u.reason]);
  return (r.rowCount ?? 0) > 0;
}

export async function listUnmatched(db: Queryable, limit = 200): Promise<Unmatched[]> {
  const { rows } = await db.query('select * from unmatched_signals order by created_at desc limit $1', [limit]);
  return rows.map((r) => UnmatchedRow.parse(r));
}

export async function findAccountByExternalRef(db: Queryable, ref: string): Promise<string | null> {
  const { rows } = await db.query(`select id from accounts where settings->'externalIds' ? $1 order by created_at limit 1`, [ref]);
  return rows[0]?.id ?? null;
}
