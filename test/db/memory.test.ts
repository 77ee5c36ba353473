import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { insertAccount } from '../../db/queries/accounts.js';
import { insertSignals } from '../../db/queries/signals.js';
import { countChunks, hasChunks, insertChunks, rememberedSignalIds, searchMemory, vectorLiteral, type ChunkRow } from '../../db/queries/memory.js';
import { assertEmbedderMatchesSchema, memoryColumnDimensions } from '../../agents/memory/check-dimensions.js';
import { createLocalEmbedder } from '../../agents/memory/local-embedder.js';
import { freshDatabase } from '../helpers/db.js';

const DIMS = 384;
/** A unit vector on axis i, leaning towards axis j by w. */
const vec = (i: number, j?: number, w = 0) => {
  const v = new Array<number>(DIMS).fill(0);
  v[i] = Math.sqrt(1 - w * w);
  if (j !== undefined) v[j] = w;
  return v;
};

let db: Database;
const ids: Record<string, string[]> = {};

beforeAll(async () => {
  db = await freshDatabase();
  for (const id of ['a', 'b']) {
    await insertAccount(db.pool, { id, name: id.toUpperCase(), domains: [`${id}.com`], stage: 'proposal' });
    const r = await insertSignals(db.pool, id, [
      { kind: 'email', occurredAt: '2026-11-01T10:00:00Z', from: { email: `olu@${id}.com`, name: 'Olu Adeyemi' }, to: [], cc: [], subject: 'PO', text: 'Procurement needs the security review.' },
      { kind: 'meeting', occurredAt: '2026-11-05T10:00:00Z', title: 'Pricing call', attendees: [], transcript: 'Marta: budget is flat' },
      { kind: 'note', occurredAt: '2026-11-09T10:00:00Z', text: 'Renewal owner is 100%_sure', author: 'Sam Patel' },
    ]);
    ids[id] = r.stored.map((s) => s.id);
  }
});
afterAll(async () => { await db.close(); });

const rows = (account: 'a' | 'b'): ChunkRow[] => [
  { accountId: account, signalId: ids[account][0], kind: 'email', occurredAt: '2026-11-01T10:00:00Z', seq: 0, speaker: 'Olu Adeyemi <olu@a.com>', text: 'Email: PO\nProcurement needs the security review.', embedding: vec(1) },
  { accountId: account, signalId: ids[account][0], kind: 'email', occurredAt: '2026-11-01T10:00:00Z', seq: 1, speaker: 'Olu Adeyemi <olu@a.com>', text: 'Email: PO\nsecond window', embedding: vec(1, 2, 0.6) },
  { accountId: account, signalId: ids[account][1], kind: 'meeting', occurredAt: '2026-11-05T10:00:00Z', seq: 0, speaker: 'Marta', text: 'Meeting "Pricing call": Marta\nMarta: budget is flat', embedding: vec(2, 1, 0.3) },
  { accountId: account, signalId: ids[account][2], kind: 'note', occurredAt: '2026-11-09T10:00:00Z', seq: 0, speaker: 'Sam Patel', text: 'Note by Sam Patel\nRenewal owner is 100%_sure', embedding: vec(3) },
];

describe('memory_chunks queries', () => {
  it('insert each (signal, seq) once: a second insert writes nothing', async () => {
    expect(await insertChunks(db.pool, rows('a'))).toBe(4);
    expect(await insertChunks(db.pool, rows('a'))).toBe(0);
    expect(await insertChunks(db.pool, [...rows('b'), ...rows('b')])).toBe(4);
    expect(await countChunks(db.pool, 'a')).toBe(4);
    expect(await countChunks(db.pool, 'b')).toBe(4);
    expect(await insertChunks(db.pool, [])).toBe(0);
  });

  it('know which signals are in memory', async () => {
    expect(await hasChunks(db.pool, ids.a[0])).toBe(true);
    expect(await hasChunks(db.pool, 'nope')).toBe(false);
    expect(await rememberedSignalIds(db.pool, [ids.a[1], 'nope'])).toEqual(new Set([ids.a[1]]));
  });

  it('search one account only, nearest first, with cosine scores', async () => {
    const hits = await searchMemory(db.pool, { accountId: 'a', embedding: vec(1), k: 10 });
    expect(hits.map((h) => [h.signalId, h.seq])).toEqual([[ids.a[0], 0], [ids.a[0], 1], [ids.a[1], 0], [ids.a[2], 0]]);
    expect(hits[0]).toMatchObject({ kind: 'email', occurredAt: '2026-11-01T10:00:00.000Z', speaker: 'Olu Adeyemi <olu@a.com>', text: 'Email: PO\nProcurement needs the security review.' });
    expect(hits[0].score).toBeCloseTo(1, 5);
    expect(hits[1].score).toBeLessThan(hits[0].score);
    // Account b holds the same texts and vectors: none of its chunks ever comes back for a.
    expect(hits.every((h) => ids.a.includes(h.signalId))).toBe(true);
    expect((await searchMemory(db.pool, { accountId: 'b', embedding: vec(1), k: 1 }))[0].signalId).toBe(ids.b[0]);
    expect(await searchMemory(db.pool, { accountId: 'nobody', embedding: vec(1) })).toEqual([]);
  });

  it('filter by kind, time and speaker', async () => {
    const q = { accountId: 'a', embedding: vec(1), k: 10 };
    const signalIds = async (f: Partial<Parameters<typeof searchMemory>[1]>) => (await searchMemory(db.pool, { ...q, ...f })).map((h) => h.signalId);
    expect(await signalIds({ kinds: ['meeting', 'note'] })).toEqual([ids.a[1], ids.a[2]]);
    expect(await signalIds({ kinds: [] })).toHaveLength(4);
    expect(await signalIds({ after: '2026-11-01T10:00:00Z' })).toEqual([ids.a[1], ids.a[2]]); // strictly after
    expect(await signalIds({ before: '2026-11-05T10:00:00Z' })).toEqual([ids.a[0], ids.a[0], ids.a[1]]); // at or before
    expect(await signalIds({ after: '2026-11-02T00:00:00Z', before: '2026-11-06T00:00:00Z' })).toEqual([ids.a[1]]);
    expect(await signalIds({ speaker: 'olu@A.COM' })).toEqual([ids.a[0], ids.a[0]]);
    expect(await signalIds({ speaker: 'marta' })).toEqual([ids.a[1]]);
    expect(await signalIds({ speaker: '%' })).toEqual([]); // a literal %, not a wildcard
    expect(await signalIds({ speaker: '  ' })).toHaveLength(4);
  });

  it('honour k', async () => {
    expect(await searchMemory(db.pool, { accountId: 'a', embedding: vec(3), k: 1 })).toMatchObject([{ signalId: ids.a[2] }]);
    expect(await searchMemory(db.pool, { accountId: 'a', embedding: vec(3), k: 0 })).toHaveLength(1);
  });

  it('rank nothing for a zero query vector: score 0, newest first', async () => {
    const hits = await searchMemory(db.pool, { accountId: 'a', embedding: new Array(DIMS).fill(0) });
    expect(hits.map((h) => h.score)).toEqual([0, 0, 0, 0]);
    expect(hits.map((h) => h.occurredAt)).toEqual(['2026-11-09T10:00:00.000Z', '2026-11-05T10:00:00.000Z', '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z']);
  });

  it('refuse vectors of the wrong length or with NaN', async () => {
    await expect(searchMemory(db.pool, { accountId: 'a', embedding: [1, 0, 0] })).rejects.toThrow(/dimensions/);
    expect(() => vectorLiteral([0.5, Number.NaN])).toThrow(/NaN/);
    expect(vectorLiteral([0.25, -1e-9])).toBe('[0.2500000,-1.000000e-9]');
  });
});

describe('embedder and column', () => {
  it('pass when the dimensions agree', async () => {
    expect(await memoryColumnDimensions(db.pool)).toBe(384);
    await expect(assertEmbedderMatchesSchema(db.pool, createLocalEmbedder())).resolves.toBeUndefined();
  });

  it('fail with what to do when they do not', async () => {
    const large = { id: 'text-embedding-3-large', dimensions: 3072, embed: async () => [] };
    await expect(assertEmbedderMatchesSchema(db.pool, large)).rejects.toThrow(
      'Embedder text-embedding-3-large gives 3072-d vectors but memory_chunks.embedding is vector(384): set EMBEDDING_DIMENSIONS=384 (text-embedding-3 models accept it) or migrate the column');
  });

  it('fail clearly before the migrations ran', async () => {
    const empty = await import('../../db/connection.js').then((m) => m.openDatabase({ dataDir: 'memory://' }));
    try {
      await expect(assertEmbedderMatchesSchema(empty.pool, createLocalEmbedder())).rejects.toThrow(/run the migrations first/);
    } finally {
      await empty.close();
    }
  });
});
