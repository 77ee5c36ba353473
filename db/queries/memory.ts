import { z } from 'zod';
import type { Queryable } from '../connection.js';

/** One chunk to store: its signal, its place in the signal, its text and that text's vector. */
export interface ChunkRow {
  accountId: string; signalId: string; kind: string; occurredAt: string; seq: number;
  speaker?: string | null; text: string; embedding: number[];
}

/** A vector as pgvector's text form, '[0.1,-0.2,…]' (float4 keeps about 7 significant digits). */
export function vectorLiteral(v: number[]): string {
  const parts = v.map((x) => {
    if (!Number.isFinite(x)) throw new Error(`Embedding contains ${x}: refusing to store or search with it`);
    return x.toPrecision(7);
  });
  return `[${parts.join(',')}]`;
}

// One statement for the batch, so a batch is written whole or not at all; keyed by (signal, seq):
// a retried activity writes nothing twice.
const INSERT = `
  insert into memory_chunks (account_id, signal_id, kind, occurred_at, seq, speaker, text, embedding)
  select a, s, k, o, q, sp, t, e::vector
  from unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::int[], $6::text[], $7::text[], $8::text[])
    as r(a, s, k, o, q, sp, t, e)
  on conflict (signal_id, seq) do nothing`;

/** Stores chunks, each once by (signal, seq); returns how many were new. */
export async function insertChunks(db: Queryable, rows: ChunkRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await db.query(INSERT, [
    rows.map((x) => x.accountId), rows.map((x) => x.signalId), rows.map((x) => x.kind), rows.map((x) => x.occurredAt),
    rows.map((x) => x.seq), rows.map((x) => x.speaker ?? null), rows.map((x) => x.text), rows.map((x) => vectorLiteral(x.embedding)),
  ]);
  return r.rowCount ?? 0;
}

export const MemoryHitRow = z.object({
  chunk_id: z.string(), signal_id: z.string(), kind: z.string(), occurred_at: z.string(), seq: z.number().int(),
  speaker: z.string().nullable(), text: z.string(), score: z.number(),
}).transform((r) => ({
  chunkId: r.chunk_id, signalId: r.signal_id, kind: r.kind, occurredAt: r.occurred_at, seq: r.seq,
  speaker: r.speaker, text: r.text, score: r.score,
}));
export type MemoryRow = z.output<typeof MemoryHitRow>;

export interface SearchInput {
  accountId: string;
  embedding: number[];
  /** How many chunks, best first (1–200; default 10). */
  k?: number;
  kinds?: string[];
  /** Only chunks of signals that occurred strictly after this instant. */
  after?: string;
  /** Only chunks of signals that occurred at or before this instant ("as of"). */
  before?: string;
  /** Only chunks whose speaker contains this text (case-insensitive): a name or an email. */
  speaker?: string;
}

// Always scoped to one account: an exact cosine scan over that account's chunks (btree on
// account_id), exact and fast at per-account sizes (DESIGN.md, "Measured on this machine").
// Score = cosine similarity; a zero vector has no direction (pgvector gives NaN), so it scores 0
// and sorts last, newest first among equals.
const SEARCH = `
  select id as chunk_id, signal_id, kind, occurred_at, seq, speaker, text,
         coalesce(nullif(1 - d, 'NaN'::float8), 0) as score
  from (
    select *, embedding <=> $2::vector as d
    from memory_chunks
    where account_id = $1
      and ($3::text[] is null or kind = any($3))
      and ($4::timestamptz is null or occurred_at > $4)
      and ($5::timestamptz is null or occurred_at <= $5)
      and ($6::text is null or speaker ilike '%' || $6 || '%')
  ) c
  order by d, occurred_at desc, seq
  limit $7`;

const likePattern = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchMemory(db: Queryable, q: SearchInput): Promise<MemoryRow[]> {
  const k = Math.min(200, Math.max(1, Math.floor(q.k ?? 10)));
  const { rows } = await db.query(SEARCH, [
    q.accountId, vectorLiteral(q.embedding), q.kinds?.length ? q.kinds : null, q.after ?? null, q.before ?? null,
    q.speaker?.trim() ? likePattern(q.speaker.trim()) : null, k,
  ]);
  return rows.map((r) => MemoryHitRow.parse(r));
}

const Count = z.object({ n: z.number().int() });

export async function countChunks(db: Queryable, accountId: string): Promise<number> {
  const { rows } = await db.query('select count(*)::int as n from memory_chunks where account_id = $1', [accountId]);
  return Count.parse(rows[0]).n;
}

/** True when the signal is in memory (its chunks are written in one statement, so all of them). */
export async function hasChunks(db: Queryable, signalId: string): Promise<boolean> {
  const { rows } = await db.query('select exists (select 1 from memory_chunks where signal_id = $1) as found', [signalId]);
  return z.object({ found: z.boolean() }).parse(rows[0]).found;
}

/** Which of these signals are already in memory. */
export async function rememberedSignalIds(db: Queryable, signalIds: string[]): Promise<Set<string>> {
  if (signalIds.length === 0) return new Set();
  const { rows } = await db.query('select distinct signal_id from memory_chunks where signal_id = any($1)', [signalIds]);
  return new Set(rows.map((r) => z.object({ signal_id: z.string() }).parse(r).signal_id));
}

/**
 * MEMORY_ANN_INDEX=hnsw: an HNSW index on the chunks' embeddings, for cross-account similarity search
 * on a large production Postgres. Off by default: retrieval is per account (an exact scan), and the
 * index made inserts about 20x slower (DESIGN.md). The setting is authoritative at every start:
 * 'hnsw' creates the index (never in embedded PGlite, where its upkeep runs in WASM), 'none' drops it.
 * Returns whether the index exists after the call.
 */
export async function ensureMemoryAnnIndex(db: Queryable, kind: 'none' | 'hnsw'): Promise<boolean> {
  if (kind === 'hnsw') {
    const { rows } = await db.query(`select version() ilike '%emscripten%' or version() ilike '%wasm%' as embedded`);
    if (!rows[0]?.embedded) await db.query('create index if not exists memory_chunks_embedding_hnsw on memory_chunks using hnsw (embedding vector_cosine_ops)');
  } else {
    await db.query('drop index if exists memory_chunks_embedding_hnsw');
  }
  const { rows } = await db.query(`select count(*)::int as n from pg_indexes where indexname = 'memory_chunks_embedding_hnsw'`);
  return Number(rows[0]?.n) > 0;
}
