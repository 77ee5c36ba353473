// Forward-only numbered SQL migrations (db/migrations/NNNN_<what>.sql), each applied once in its own
// transaction, its version row written first so two migrators cannot both apply it.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { withTransaction } from './tx.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration { version: number; name: string; sql: string }

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.replace(/\.sql$/, ''), sql: readFileSync(dir + f, 'utf8') }));
}

export async function migrate(pool: pg.Pool, migrations = listMigrations()): Promise<number[]> {
  await pool.query(`create table if not exists schema_migrations (
    version int primary key, name text not null, applied_at timestamptz not null default now())`);
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await withTransaction(pool, async (client) => {
      const ins = await client.query(
        'insert into schema_migrations (version, name) values ($1, $2) on conflict do nothing', [m.version, m.name]);
      if (ins.rowCount === 0) return false;
      await client.query(m.sql);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
