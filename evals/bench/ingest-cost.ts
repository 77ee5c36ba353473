// ingest cost: CPU milliseconds per signal of each stage a delivered signal goes through (accept:
// the insert a POST makes; remember: chunk, embed, store; assess: the graph, perception included),
// in-process against PGlite on disk as `npm start` runs it, without Temporal or HTTP. CPU time is
// the figure because it holds on a loaded machine where rates do not: the throughput benchmark's
// rate is bounded by the sum of these and Temporal's own CPU per signal, on two cores.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { insertAccount } from '../../db/queries/accounts.js';
import { upsertContact } from '../../db/queries/contacts.js';
import { insertSignals } from '../../db/queries/signals.js';
import { withTransaction } from '../../db/tx.js';
import { createAccountAgent } from '../../agents/index.js';
import { SignalInput } from '../../agents/signals/schema.js';
import { benchSignals } from './signal-mix.js';
import { record } from './lib.js';

export interface IngestCostOptions { accounts: number; rounds: number; batch: number; smoke?: boolean; command: string }

const cpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };

export async function runIngestCost(o: IngestCostOptions): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aa-ingest-cost-'));
  const db = await openDatabase({ dataDir });
  try {
    await migrate(db.pool);
    const ids = Array.from({ length: o.accounts }, (_, i) => `cost-${i}`);
    for (const id of ids) {
      await insertAccount(db.pool, { id, name: `Bench ${id}`, domains: [`${id}.example`], stage: 'customer', arr: 50000 });
      await upsertContact(db.pool, id, { email: `buyer@${id}.example`, name: 'Jordan Buyer', role: 'champion' });
    }
    const agent = createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'] });
    const spent = { accept: 0, remember: 0, assess: 0 };
    let measured = 0;
    // Round 0 warms the code paths (first imports, the NLP model) and is not counted.
    for (let round = 0; round <= o.rounds; round += 1) {
      for (const id of ids) {
        // Parsed as the API parses a body (its defaults filled in); the API sets an email's direction.
        const signals = benchSignals(id, o.batch, `${round}-${id}`).map((s) => SignalInput.parse(s.kind === 'email' ? { ...s, direction: 'inbound' } : s));
        const t0 = cpuMs();
        await withTransaction(db.pool, (tx) => insertSignals(tx, id, signals));
        const t1 = cpuMs();
        await agent.remember(id);
        const t2 = cpuMs();
        await agent.assess({ accountId: id, asOf: new Date().toISOString(), runKey: `cost-${round}` });
        const t3 = cpuMs();
        if (round === 0) continue;
        spent.accept += t1 - t0;
        spent.remember += t2 - t1;
        spent.assess += t3 - t2;
        measured += signals.length;
      }
    }
    const per = (ms: number) => (ms / measured).toFixed(2);
    const figures = `${o.accounts} accounts, ${o.rounds} rounds of ${o.batch} signals each (${measured} signals measured): CPU per signal accept ${per(spent.accept)} ms, `
      + `remember ${per(spent.remember)} ms, assess ${per(spent.assess)} ms (${(spent.assess / (measured / o.batch)).toFixed(1)} ms per assessment), total ${per(spent.accept + spent.remember + spent.assess)} ms`;
    console.log(`ingest-cost: ${figures}`);
    record('ingest cost', o.command, figures, { smoke: o.smoke });
    return figures;
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
