// The HNSW index on memory chunks is opt-in. Migration 0006 drops it unless the database opts in
// (account_agents.memory_ann_index = 'hnsw'); at start MEMORY_ANN_INDEX decides (none drops it,
// hnsw creates it on a real Postgres, never in embedded PGlite). PGlite cannot stand in for a real
// server's create path, so the index is made here by hand to see the drops. (The pool has one
// connection: while the test holds it, every query goes through that client.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/db.js';
import type { Database } from '../../db/connection.js';
import { listMigrations } from '../../db/migrate.js';
import { ensureMemoryAnnIndex } from '../../db/queries/memory.js';
import { loadConfig } from '../../config.js';

let db: Database;
const exists = async (on: Pick<Database['pool'], 'query'> = db.pool) => Number((await on.query(`select count(*)::int as n from pg_indexes where indexname = 'memory_chunks_embedding_hnsw'`)).rows[0].n) === 1;
const createByHand = () => db.pool.query('create index if not exists memory_chunks_embedding_hnsw on memory_chunks using hnsw (embedding vector_cosine_ops)');
const migration0006 = () => listMigrations().find((m) => m.version === 6)!.sql;

beforeAll(async () => { db = await freshDatabase(); });
afterAll(async () => { await db?.close(); });

describe('MEMORY_ANN_INDEX', () => {
  it('is none unless set', () => {
    expect(loadConfig({}).memoryAnnIndex).toBe('none');
    expect(loadConfig({ MEMORY_ANN_INDEX: 'hnsw' }).memoryAnnIndex).toBe('hnsw');
    expect(() => loadConfig({ MEMORY_ANN_INDEX: 'ivfflat' })).toThrow(/MEMORY_ANN_INDEX/);
  });

  it('migration 0006 drops the index unless the database opts in', async () => {
    await createByHand();
    expect(await exists()).toBe(true);
    const client = await db.pool.connect();
    try {
      await client.query(`set account_agents.memory_ann_index = 'hnsw'`);
      await client.query(migration0006().slice(migration0006().indexOf('do $$')));
      expect(await exists(client)).toBe(true);
      await client.query('reset account_agents.memory_ann_index');
      await client.query(migration0006().slice(migration0006().indexOf('do $$')));
      expect(await exists(client)).toBe(false);
    } finally {
      client.release();
    }
  });

  it('at start: none drops it; hnsw keeps embedded PGlite without it (its upkeep runs in WASM)', async () => {
    await createByHand();
    expect(await ensureMemoryAnnIndex(db.pool, 'none')).toBe(false);
    expect(await ensureMemoryAnnIndex(db.pool, 'hnsw')).toBe(false);
    expect(await exists()).toBe(false);
  });
});
