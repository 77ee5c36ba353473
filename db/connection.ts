// One connection factory: DATABASE_URL → a real Postgres pool; otherwise PGlite (Postgres in WASM)
// with pgvector, persisted under the data folder, behind the same `pg` driver.
import pg from 'pg';
import { accessSync, constants, existsSync, mkdirSync, readdirSync } from 'node:fs';
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

/**
 * The data folder cannot be used as it is: unwritable, damaged, not a database, or from newer code.
 * `npm start` prints the message and exits non-zero; nothing is re-initialised over it.
 */
export class DataFolderError extends Error {
  override name = 'DataFolderError';
}

/** The folder exists (created if need be) and this process may write in it. */
function ensureWritable(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new DataFolderError(`The data folder ${dir} is not writable by this process (${code}). Fix its permissions or set DATA_DIR to a folder this user owns.`);
  }
}

/** PGlite initialises an empty database in any folder without PG_VERSION, over whatever is there: refuse that. */
function refuseNonDatabase(dir: string): void {
  const entries = existsSync(dir) ? readdirSync(dir) : [];
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new DataFolderError(`The database folder ${dir} holds files but no PG_VERSION: it is damaged or not a database. Refusing to initialise a new, empty database over it. Restore it from a backup, or move it away to start empty.`);
  }
}

async function openPglite(dir: string): Promise<PGlite> {
  try {
    const pglite = await PGlite.create(dir, { extensions: { vector } });
    await pglite.query('select 1');
    return pglite;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new DataFolderError(`The database in ${dir} could not be opened (${why}): its files are damaged. Restore it from a backup, or move the folder away to start empty; nothing was changed.`);
  }
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
    await pool.query('select 1');
    return { pool, embedded: false, close: () => pool.end() };
  }
  const dir = config.dataDir === 'memory://' ? 'memory://' : `${config.dataDir.replace(/\/$/, '')}/pglite`;
  if (dir !== 'memory://') {
    ensureWritable(config.dataDir);
    refuseNonDatabase(dir);
    ensureWritable(dir);
  }
  const pglite = await openPglite(dir);
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
