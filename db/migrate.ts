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

/** The database was migrated by newer code (a version this code does not have): never run against it. */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

async function refuseNewerSchema(pool: pg.Pool, migrations: Migration[]): Promise<void> {
  const known = new Set(migrations.map((m) => m.version));
  const { rows } = await pool.query('select version, name from schema_migrations order by version');
  const unknown = rows.filter((r) => !known.has(Number(r.version)));
  if (unknown.length === 0) return;
  const newest = Math.max(...migrations.map((m) => m.version), 0);
  throw new SchemaTooNewError(`The database has schema version ${unknown.map((r) => `${r.version} (${r.name})`).join(', ')}, which this code does not know (its newest is ${newest}): it was written by a newer version of account-agents. Run that version, or restore a backup made with this one; nothing was changed.`);
}

export async function migrate(pool: pg.Pool, migrations = listMigrations()): Promise<number[]> {
  await pool.query(`create table if not exists schema_migrations (
    version int primary key, name text not null, applied_at timestamptz not null default now())`);
  await refuseNewerSchema(pool, migrations);
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
