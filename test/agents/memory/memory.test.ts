import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../helpers/db.js';
import { seedAccount } from '../../helpers/seed.js';
import type { Database } from '../../../db/connection.js';
import { listSignals } from '../../../db/queries/signals.js';
import { countChunks } from '../../../db/queries/memory.js';
import { createLocalEmbedder, embedText } from '../../../agents/memory/local-embedder.js';
import { chunkSignal } from '../../../agents/memory/chunk.js';
import { rememberSignals } from '../../../agents/memory/remember.js';
import { retrieve } from '../../../agents/memory/retrieve.js';
import { assertEmbedderMatchesSchema } from '../../../agents/memory/check-dimensions.js';
import { excerptIsIn } from '../../../agents/evidence.js';

let db: Database;
const embedder = createLocalEmbedder();
const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

const corpus = (domain: string) => [
  { kind: 'email', occurredAt: '2026-11-01T10:00:00Z', externalId: 'p1', from: { email: `olu@${domain}`, name: 'Olu Adeyemi' }, to: [{ email: 'sam@ourco.com' }], subject: 'Security review status', text: 'Procurement cannot issue the PO until the security review is complete and the SOC 2 report is on file.\n\nOn Mon, Oct 30, 2026 at 9:00 AM Sam <sam@ourco.com> wrote:\n> Any update on the PO?' },
  { kind: 'email', occurredAt: '2026-11-03T10:00:00Z', externalId: 'p2', from: { email: `marta@${domain}`, name: 'Marta Silva' }, to: [{ email: 'sam@ourco.com' }], subject: 'Lunch', text: 'The team enjoyed the offsite; the dashboards look great.' },
  { kind: 'meeting', occurredAt: '2026-11-05T10:00:00Z', externalId: 'p3', title: 'Pricing call', attendees: [], transcript: [
    { speaker: 'Marta Silva', text: 'Our budget for next year is flat, so pricing matters.' },
    { speaker: 'Sam Patel', text: 'Understood, we can phase the rollout.' }] },
  { kind: 'usage', occurredAt: '2026-11-06T10:00:00Z', externalId: 'p4', metric: 'active_users', value: 120, unit: 'users' },
];

beforeAll(async () => {
  db = await freshDatabase();
  await seedAccount(db.pool, { id: 'a', name: 'A', domains: ['a.com'], stage: 'negotiation' }, corpus('a.com'));
  await seedAccount(db.pool, { id: 'b', name: 'B', domains: ['b.com'], stage: 'negotiation' }, corpus('b.com'));
  for (const id of ['a', 'b']) await rememberSignals({ db: db.pool, embedder }, await listSignals(db.pool, id));
});
afterAll(async () => { await db.close(); });

describe('local embedder', () => {
  it('is deterministic, normalised and 384-d', async () => {
    const [x] = await embedder.embed(['renewal contract for Acme']);
    expect(x).toHaveLength(384);
    expect(Math.hypot(...x)).toBeCloseTo(1, 6);
    expect(embedText('renewal contract for Acme')).toEqual(x);
  });

  it('scores related text above unrelated text', () => {
    const q = embedText('security review SOC 2');
    expect(cos(q, embedText('the security review needs the SOC 2 report'))).toBeGreaterThan(cos(q, embedText('lunch at the offsite was lovely')) + 0.2);
    expect(cos(embedText('renewal'), embedText('renewing the contract'))).toBeGreaterThan(0.1); // trigrams meet word variants
  });
});

describe('chunking', () => {
  it('strips quoted replies from email and keeps the subject', () => {
    const [s] = corpus('a.com');
    const chunks = chunkSignal({ ...(s as object), id: 'x', accountId: 'a', source: 'api', receivedAt: s.occurredAt } as never);
    expect(chunks).toHaveLength(1);
    expect(chunks[0].text).toMatch(/^Security review status\nProcurement cannot issue the PO/);
    expect(chunks[0].text).not.toMatch(/Any update on the PO/);
  });

  it('windows transcripts by speaker turns, labelled', () => {
    const turns = Array.from({ length: 40 }, (_, i) => ({ speaker: i % 2 ? 'Sam' : 'Marta', text: `Point number ${i} about the rollout plan and the timeline.` }));
    const chunks = chunkSignal({ kind: 'meeting', occurredAt: '2026-11-05T10:00:00Z', title: 'Long call', attendees: [], transcript: turns, id: 'y', accountId: 'a', source: 'api', receivedAt: '' } as never);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(900);
    expect(chunks[1].text.split('\n')[0]).toMatch(/^(Sam|Marta): Point number/);
  });
});

describe('memory in pgvector', () => {
  it('stores each signal once, however often remember runs', async () => {
    const before = await countChunks(db.pool, 'a');
    await rememberSignals({ db: db.pool, embedder }, await listSignals(db.pool, 'a'));
    expect(await countChunks(db.pool, 'a')).toBe(before);
    expect(before).toBe(4);
  });

  it('finds what procurement said about the security review, quoting it verbatim', async () => {
    const hits = await retrieve({ db: db.pool, embedder }, { accountId: 'a', query: 'what did procurement say about the security review?', k: 3 });
    expect(hits[0].excerpt).toMatch(/^Procurement cannot issue the PO until the security review is complete/);
    const [signal] = (await listSignals(db.pool, 'a')).filter((s) => s.id === hits[0].signalId);
    expect(excerptIsIn(signal, hits[0].excerpt)).toBe(true);
  });

  it('never returns another account\'s chunks, even identical ones', async () => {
    const hits = await retrieve({ db: db.pool, embedder }, { accountId: 'a', query: 'security review SOC 2', k: 20 });
    const ids = new Set((await listSignals(db.pool, 'a')).map((s) => s.id));
    expect(hits.length).toBe(4);
    expect(hits.every((h) => ids.has(h.signalId))).toBe(true);
  });

  it('filters by kind, time and speaker', async () => {
    const q = { accountId: 'a', query: 'budget pricing', k: 5 };
    expect((await retrieve({ db: db.pool, embedder }, { ...q, kinds: ['meeting'] })).map((h) => h.kind)).toEqual(['meeting']);
    expect((await retrieve({ db: db.pool, embedder }, { ...q, after: '2026-11-04T00:00:00Z' })).every((h) => h.occurredAt > '2026-11-04')).toBe(true);
    const marta = await retrieve({ db: db.pool, embedder }, { ...q, speaker: 'Marta' });
    expect(marta.every((h) => /Marta/.test(h.speaker ?? ''))).toBe(true);
    expect(marta.length).toBeGreaterThan(0);
  });

  it('fails clearly when the embedder does not fit the vector column', async () => {
    await expect(assertEmbedderMatchesSchema(db.pool, createLocalEmbedder(1536))).rejects.toThrow(/gives 1536-d vectors but memory_chunks.embedding is vector\(384\): set EMBEDDING_DIMENSIONS=384/);
    await expect(assertEmbedderMatchesSchema(db.pool, embedder)).resolves.toBeUndefined();
  });
});
