// memory retrieval: top-10 latency scoped to one account with N chunks in the table (embedded
// PGlite by default; a real Postgres when DATABASE_URL is set). Chunks are spread over accounts of
// 100 chunks each, as a book of accounts would be.
import { openDatabase } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { insertChunks, type ChunkRow } from '../../db/queries/memory.js';
import { createLocalEmbedder } from '../../agents/memory/local-embedder.js';
import { retrieve } from '../../agents/memory/retrieve.js';
import { ms, record, summarize } from './lib.js';

export interface RetrievalOptions { chunks: number; queries: number; databaseUrl?: string; smoke?: boolean; command: string }

const WORDS = 'renewal security questionnaire pricing rollout dispatch training budget procurement champion contract onboarding SSO latency dashboard export invoice roadmap pilot expansion'.split(' ');

export async function runRetrieval(o: RetrievalOptions): Promise<string> {
  const db = await openDatabase({ databaseUrl: o.databaseUrl, dataDir: 'memory://' });
  try {
    await migrate(db.pool);
    const embedder = createLocalEmbedder();
    const perAccount = 100;
    const accounts = Math.ceil(o.chunks / perAccount);
    const t0 = performance.now();
    await db.pool.query(`insert into accounts (id, name, stage) select 'r' || g, 'Account ' || g, 'customer' from generate_series(0, $1 - 1) g`, [accounts]);
    await db.pool.query(`insert into signals (id, account_id, kind, occurred_at, payload) select 's' || g, 'r' || (g / ${perAccount}), 'note', now() - make_interval(hours => g % 5000), '{}'::jsonb from generate_series(0, $1 - 1) g`, [o.chunks]);
    for (let i = 0; i < o.chunks; i += 1000) {
      const rows: Omit<ChunkRow, 'embedding'>[] = Array.from({ length: Math.min(1000, o.chunks - i) }, (_, j) => {
        const g = i + j;
        const text = `Note ${g}: ${WORDS[g % WORDS.length]} ${WORDS[(g * 7) % WORDS.length]} discussion with ${WORDS[(g * 13) % WORDS.length]} follow-up.`;
        return { accountId: `r${Math.floor(g / perAccount)}`, signalId: `s${g}`, kind: 'note', occurredAt: new Date(Date.now() - g * 1000).toISOString(), seq: 0, text };
      });
      const vectors = await embedder.embed(rows.map((r) => r.text));
      await insertChunks(db.pool, rows.map((r, k) => ({ ...r, embedding: vectors[k] })));
    }
    const loadS = (performance.now() - t0) / 1000;
    const times: number[] = [];
    for (let q = 0; q < o.queries; q += 1) {
      const accountId = `r${(q * 7919) % accounts}`;
      const t = performance.now();
      const hits = await retrieve({ db: db.pool, embedder }, { accountId, query: `what did they say about ${WORDS[q % WORDS.length]} and ${WORDS[(q * 3) % WORDS.length]}?`, k: 10 });
      times.push(performance.now() - t);
      if (hits.length === 0) throw new Error('retrieval returned nothing');
    }
    const s = summarize(times);
    const where = o.databaseUrl ? 'Postgres (DATABASE_URL)' : 'embedded PGlite';
    const figures = `${where}, ${o.chunks} chunks (${accounts} accounts × ${perAccount}), loaded in ${loadS.toFixed(0)} s; top-10 per account over ${s.n} queries: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}; goal p95 ≤ 20 ms`;
    console.log(`retrieval: ${figures}`);
    record('memory retrieval', o.command, figures, { smoke: o.smoke });
    return figures;
  } finally {
    await db.close();
  }
}
