import type { Queryable } from '../../db/connection.js';
import { insertChunks, rememberedSignalIds, type ChunkRow } from '../../db/queries/memory.js';
import type { Signal } from '../signals/schema.js';
import type { Embedder } from './embedder.js';
import { chunkSignal } from './chunk.js';

const BATCH = 64;

/** Chunks, embeds and stores signals not yet in memory; a second call stores nothing. */
export async function rememberSignals(deps: { db: Queryable; embedder: Embedder }, signals: Signal[]): Promise<{ chunks: number; signals: number }> {
  const done = await rememberedSignalIds(deps.db, signals.map((s) => s.id));
  const todo = signals.filter((s) => !done.has(s.id));
  const pending: Array<Omit<ChunkRow, 'embedding'>> = todo.flatMap((s) => chunkSignal(s).map((c) => ({
    accountId: s.accountId, signalId: s.id, kind: s.kind, occurredAt: s.occurredAt, seq: c.seq, speaker: c.speaker ?? null, text: c.text,
  })));
  let stored = 0;
  for (let i = 0; i < pending.length; i += BATCH) {
    const batch = pending.slice(i, i + BATCH);
    const vectors = await deps.embedder.embed(batch.map((c) => c.text));
    stored += await insertChunks(deps.db, batch.map((c, j) => ({ ...c, embedding: vectors[j] })));
  }
  return { chunks: stored, signals: todo.length };
}
