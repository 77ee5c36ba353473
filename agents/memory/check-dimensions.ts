import type { Queryable } from '../../db/connection.js';
import type { Embedder } from './embedder.js';

// pgvector keeps a vector column's dimension in atttypmod (-1 when the column has none).
const COLUMN_DIMENSIONS = `
  select a.atttypmod as dims
  from pg_attribute a
  where a.attrelid = to_regclass('memory_chunks') and a.attname = 'embedding' and not a.attisdropped`;

/** The dimension of memory_chunks.embedding; null when the table is missing or the column has none. */
export async function memoryColumnDimensions(db: Queryable): Promise<number | null> {
  const { rows } = await db.query(COLUMN_DIMENSIONS);
  const dims = Number(rows[0]?.dims);
  return Number.isInteger(dims) && dims > 0 ? dims : null;
}

/** Fails at start, with what to do, when the embedder's vectors do not fit the memory column. */
export async function assertEmbedderMatchesSchema(db: Queryable, embedder: Embedder): Promise<void> {
  const dims = await memoryColumnDimensions(db);
  if (dims === null) throw new Error('memory_chunks.embedding not found or without a dimension: run the migrations first');
  if (dims !== embedder.dimensions) {
    throw new Error(`Embedder ${embedder.id} gives ${embedder.dimensions}-d vectors but memory_chunks.embedding is vector(${dims}): `
      + `set EMBEDDING_DIMENSIONS=${dims} (text-embedding-3 models accept it) or migrate the column`);
  }
}
