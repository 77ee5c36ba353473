import type { Queryable } from '../../db/connection.js';
import { insertChunks, rememberedSignalIds, type ChunkRow } from '../../db/queries/memory.js';
import type { Signal } from '../signals/schema.js';
import type { Embedder } from './embedder.js';
import { chunkSignal } from './chunk.js';

/** Chunks per embedding call (a longer signal goes alone). */
const BATCH = 64;

export interface RememberResult {
  /** Signals chunked and stored by this call. */
  signals: number;
  /** Chunks written by this call. */
  chunks: number;
  /** Signals already in memory (or given twice), left alone. */
  skipped: number;
}

type PendingChunk = Omit<ChunkRow, 'embedding'>;

/** Whole signals grouped into batches of about BATCH chunks: one batch, one embed call, one insert. */
function batches(signals: Signal[]): PendingChunk[][] {
  const out: PendingChunk[][] = [];
  let cur: PendingChunk[] = [];
  for (const s of signals) {
    const rows = chunkSignal(s).map((c) => ({
      accountId: s.accountId, signalId: s.id, kind: s.kind, occurredAt: s.occurredAt, seq: c.seq, speaker: c.speaker ?? null, text: c.text,
    }));
    if (cur.length && cur.length + rows.length > BATCH) { out.push(cur); cur = []; }
    cur.push(...rows);
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * Chunks, embeds and stores the signals not yet in memory. A signal's chunks are written by one
 * statement, so a signal is in memory whole or not at all: a retry after a crash or an embedding
 * error stores what is missing and nothing twice.
 */
export async function rememberSignals(deps: { db: Queryable; embedder: Embedder }, signals: Signal[]): Promise<RememberResult> {
  const unique = [...new Map(signals.map((s) => [s.id, s])).values()];
  const done = await rememberedSignalIds(deps.db, unique.map((s) => s.id));
  const todo = unique.filter((s) => !done.has(s.id));
  let chunks = 0;
  for (const batch of batches(todo)) {
    const vectors = await deps.embedder.embed(batch.map((c) => c.text));
    if (vectors.length !== batch.length) throw new Error(`Embedder ${deps.embedder.id} returned ${vectors.length} vectors for ${batch.length} texts`);
    chunks += await insertChunks(deps.db, batch.map((c, i) => ({ ...c, embedding: vectors[i] })));
  }
  return { signals: todo.length, chunks, skipped: signals.length - todo.length };
}
