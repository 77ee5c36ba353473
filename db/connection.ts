// One connection factory: DATABASE_URL → a real Postgres pool; otherwise PGlite (Postgres in WASM)
// with pgvector, persisted under the data folder, behind the same `pg` driver.
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';

export type Db = pg.Pool;
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export interface DatabaseConfig {
  databaseUrl?: string;
  /** Folder for the embedded database; 'memory://' keeps it in memory (tests). */
  dataDir: string;
  poolSize?: number;
}

export interface Database {
  pool: pg.Pool;
  embedded: boolean;
  close(): Promise<void>;
}

// timestamptz as ISO strings and bigint counts as numbers: what zod row schemas expect.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
    await pool.query('select 1');
    return { pool, embedded: false, close: () => pool.end() };
  }
  const dir = config.dataDir === 'memory://' ? 'memory://' : `${config.dataDir.replace(/\/$/, '')}/pglite`;
  if (dir !== 'memory://') mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, { extensions: { vector } });
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  return {
    pool,
    embedded: true,
    async close() {
      await pool.end();
      await pglite.close();
    },
  };
}
