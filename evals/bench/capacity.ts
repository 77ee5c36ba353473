// account capacity: start N account workflows with realistic histories (a few signals each), time
// until every account has been assessed after its signals (every account checked, page by page),
// and the resident memory of every process the product needs once it idles: the product (API +
// worker, + PGlite when embedded), the Temporal dev server, and the database process when the
// database runs on its own (--external-db).
import { startBenchServer, startExternalDb, api, formatMemory, watchPeak } from './server.js';
import { record } from './lib.js';
import { waitAllAssessed } from './accounts.js';

export interface CapacityOptions { accounts: number; signalsPerAccount: number; externalDb?: boolean; smoke?: boolean; command: string }

function history(id: string, n: number, now: number) {
  const day = 86_400_000;
  return Array.from({ length: n }, (_, i) => i % 2 === 0
    ? { kind: 'email', occurredAt: new Date(now - (n - i) * day).toISOString(), externalId: `cap-${i}`, from: { email: `champion@${id}.example`, name: 'Casey Champion' }, to: [{ email: 'rep@ourco.com' }], subject: `Rollout week ${i}`, text: 'The rollout is going well; two more teams start next week.' }
    : { kind: 'usage', occurredAt: new Date(now - (n - i) * day).toISOString(), externalId: `cap-${i}`, metric: 'active_users', value: 100 + i });
}

export async function runCapacity(o: CapacityOptions): Promise<string> {
  const db = o.externalDb ? await startExternalDb() : undefined;
  const server = await startBenchServer({ DEBOUNCE_MS: '1000' }, { externalDb: db }).catch(async (err) => { await db?.stop(); throw err; });
  try {
    const now = Date.now();
    const peak = watchPeak(server, 1000);
    const t0 = performance.now();
    const ids = Array.from({ length: o.accounts }, (_, i) => `cap-${i}`);
    const concurrency = 16;
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        const c = await api(server.url, 'POST', '/v1/accounts', { id, name: `Capacity ${id}`, domains: [`${id}.example`], stage: 'customer', arr: 30000, contacts: [{ email: `champion@${id}.example`, name: 'Casey Champion', role: 'champion' }] });
        if (c.status !== 201) throw new Error(`create ${id}: ${c.status}`);
        const s = await api(server.url, 'POST', `/v1/accounts/${id}/signals`, { signals: history(id, o.signalsPerAccount, now) });
        if (s.status !== 202) throw new Error(`signals ${id}: ${s.status}`);
      }
    }));
    const loadedS = (performance.now() - t0) / 1000;
    // Every account (all pages of the list) assessed, and no signal left pending.
    await waitAllAssessed(server.url, ids);
    const allS = (performance.now() - t0) / 1000;
    await new Promise((res) => setTimeout(res, 5000)); // let it idle
    const idle = await server.memory();
    const top = await peak.stop();
    const where = db ? 'database in its own process' : 'embedded: PGlite inside the product';
    const figures = `${o.accounts} accounts × ${o.signalsPerAccount} signals (${where}): loaded in ${loadedS.toFixed(0)} s, all ${o.accounts} assessed after ${allS.toFixed(0)} s `
      + `(${(o.accounts / allS).toFixed(1)} first assessments/s; every account checked); idle RSS ${formatMemory(idle)}; peak ${formatMemory(top)}; goal 10,000 accounts per worker under 2 GiB`;
    console.log(`capacity: ${figures}`);
    record('account capacity', o.command, figures, { smoke: o.smoke });
    return figures;
  } finally {
    await server.stop();
    await db?.stop();
  }
}
