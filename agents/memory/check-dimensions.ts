import type { Queryable } from '../../db/connection.js';
import type { Embedder } from './embedder.js';

/** Fails at start when the embedder's vectors do not fit the memory column. */
export async function assertEmbedderMatchesSchema(db: Queryable, embedder: Embedder): Promise<void> {
  const { rows } = await db.query(
    `select a.atttypmod as dims from pg_attribute a join pg_class c on c.oid = a.attrelid
     where c.relname = 'memory_chunks' and a.attname = 'embedding'`);
  const dims = Number(rows[0]?.dims);
  if (!Number.isFinite(dims) || dims <= 0) throw new Error('memory_chunks.embedding not found: run the migrations first');
  if (dims !== embedder.dimensions) {
    throw new Error(`Embedder ${embedder.id} gives ${embedder.dimensions}-d vectors but memory_chunks.embedding is vector(${dims}): set EMBEDDING_DIMENSIONS=${dims} (text-embedding-3 models accept it) or migrate the column`);
  }
}
