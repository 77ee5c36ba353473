import type { Queryable } from '../../db/connection.js';
import { searchMemory } from '../../db/queries/memory.js';
import { keywords, sentences } from '../evidence.js';
import type { Embedder } from './embedder.js';

export interface RetrieveInput { accountId: string; query: string; k?: number; kinds?: string[]; after?: string; before?: string; speaker?: string }
export interface RetrieveHit { chunkId: string; signalId: string; kind: string; occurredAt: string; speaker: string | null; text: string; excerpt: string; score: number }

/** The sentence(s) of a chunk that best answer the query, verbatim. */
export function bestExcerpt(text: string, query: string, max = 300): string {
  const want = new Set(keywords(query));
  const parts = sentences(text);
  let best = parts[0] ?? text;
  let bestScore = -1;
  for (const p of parts) {
    const score = keywords(p).filter((w) => want.has(w)).length;
    if (score > bestScore) { best = p; bestScore = score; }
  }
  return best.length <= max ? best : best.slice(0, max);
}

/** Top passages for a query, always within one account, optionally filtered by kind, time and speaker. */
export async function retrieve(deps: { db: Queryable; embedder: Embedder }, q: RetrieveInput): Promise<RetrieveHit[]> {
  const [embedding] = await deps.embedder.embed([q.query]);
  const rows = await searchMemory(deps.db, { ...q, embedding, k: q.k ?? 10 });
  return rows.map((r) => ({ ...r, excerpt: bestExcerpt(r.text, q.query) }));
}
