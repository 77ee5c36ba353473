import { z } from 'zod';
import type { Queryable } from '../connection.js';

export interface ChunkRow {
  accountId: string; signalId: string; kind: string; occurredAt: string; seq: number;
  speaker?: string | null; text: string; embedding: number[];
}

const vectorLiteral = (v: number[]) => `[${v.map((x) => (Number.isFinite(x) ? x.toFixed(6) : '0')).join(',')}]`;

// Keyed by (signal, seq): a retried activity writes nothing twice.
const INSERT = `
  insert into memory_chunks (account_id, signal_id, kind, occurred_at, seq, speaker, text, embedding)
  select * from unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::int[], $6::text[], $7::text[], $8::vector[])
  on conflict (signal_id, seq) do nothing`;

export async function insertChunks(db: Queryable, rows: ChunkRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await db.query(INSERT, [
    rows.map((x) => x.accountId), rows.map((x) => x.signalId), rows.map((x) => x.kind), rows.map((x) => x.occurredAt),
    rows.map((x) => x.seq), rows.map((x) => x.speaker ?? null), rows.map((x) => x.text), rows.map((x) => vectorLiteral(x.embedding)),
  ]);
  return r.rowCount ?? 0;
}

export const MemoryHitRow = z.object({
  chunk_id: z.string(), signal_id: z.string(), kind: z.string(), occurred_at: z.string(), seq: z.number(),
  speaker: z.string().nullable(), text: z.string(), score: z.number(),
}).transform((r) => ({
  chunkId: r.chunk_id, signalId: r.signal_id, kind: r.kind, occurredAt: r.occurred_at, seq: r.seq,
  speaker: r.speaker, text: r.text, score: r.score,
}));
export type MemoryRow = z.output<typeof MemoryHitRow>;

export interface SearchInput {
  accountId: string; embedding: number[]; k?: number; kinds?: string[]; after?: string; before?: string; speaker?: string;
}

// Always scoped to one account: an exact cosine scan over that account's chunks (btree on
// account_id), which is exact and fast at per-account sizes; HNSW serves cross-account search.
const SEARCH = `
  select id as chunk_id, signal_id, kind, occurred_at, seq, speaker, text, 1 - (embedding <=> $2::vector) as score
  from memory_chunks
  where account_id = $1
    and ($3::text[] is null or kind = any($3))
    and ($4::timestamptz is null or occurred_at > $4)
    and ($5::timestamptz is null or occurred_at <= $5)
    and ($6::text is null or speaker ilike '%' || $6 || '%')
  order by embedding <=> $2::vector
  limit $7`;

export async function searchMemory(db: Queryable, q: SearchInput): Promise<MemoryRow[]> {
  const { rows } = await db.query(SEARCH, [
    q.accountId, vectorLiteral(q.embedding), q.kinds ?? null, q.after ?? null, q.before ?? null, q.speaker ?? null, q.k ?? 10,
  ]);
  return rows.map((r) => MemoryHitRow.parse(r));
}

export async function countChunks(db: Queryable, accountId: string): Promise<number> {
  const { rows } = await db.query('select count(*)::int as n from memory_chunks where account_id = $1', [accountId]);
  return rows[0].n;
}

export async function rememberedSignalIds(db: Queryable, signalIds: string[]): Promise<Set<string>> {
  if (signalIds.length === 0) return new Set();
  const { rows } = await db.query('select distinct signal_id from memory_chunks where signal_id = any($1)', [signalIds]);
  return new Set(rows.map((r) => String(r.signal_id)));
}
