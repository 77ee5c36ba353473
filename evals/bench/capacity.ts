// account capacity: start N account workflows with realistic histories (a few signals each), time
// until every account has its first assessment, and the resident memory of the product process
// (API + worker + agent) and of the Temporal server once they idle.
import { startBenchServer, startExternalDb, rssOf, api } from './server.js';
import { record } from './lib.js';

export interface CapacityOptions { accounts: number; signalsPerAccount: number; externalDb?: boolean; smoke?: boolean; command: string }

function history(id: string, n: number, now: number) {
  const day = 86_400_000;
  return Array.from({ length: n }, (_, i) => i % 2 === 0
    ? { kind: 'email', occurredAt: new Date(now - (n - i) * day).toISOString(), externalId: `cap-${i}`, from: { email: `champion@${id}.example`, name: 'Casey Champion' }, to: [{ email: 'rep@ourco.com' }], subject: `Rollout week ${i}`, text: 'The rollout is going well; two more teams start next week.' }
    : { kind: 'usage', occurredAt: new Date(now - (n - i) * day).toISOString(), externalId: `cap-${i}`, metric: 'active_users', value: 100 + i });
}

export async function runCapacity(o: CapacityOptions): Promise<string> {
  // --external-db: the database in its own process, so the product's RSS is the worker + API alone.
  const db = o.externalDb ? await startExternalDb() : undefined;
  const server = await startBenchServer({ DEBOUNCE_MS: '1000', ...(db ? { DATABASE_URL: db.url, DATABASE_POOL_SIZE: '1' } : {}) });
  try {
    const now = Date.now();
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
    // Every account assessed after its signals: no pending signals left and every account has a score.
    for (;;) {
      const stats = (await api<{ pending: number }>(server.url, 'GET', '/v1/stats/signals')).json;
      const page = (await api<{ accounts: Array<{ lastAssessedAt: string | null }> }>(server.url, 'GET', '/v1/accounts?limit=1000')).json.accounts;
      if (stats.pending === 0 && page.every((a) => a.lastAssessedAt)) break;
      if (performance.now() - t0 > 3_600_000) throw new Error('capacity: not all assessed within an hour');
      await new Promise((res) => setTimeout(res, 1000));
    }
    const allS = (performance.now() - t0) / 1000;
    await new Promise((res) => setTimeout(res, 5000)); // let it idle
    const mem = server.memory();
    const where = db ? `database in its own process (${rssOf(db.pid).toFixed(0)} MiB); product = API + worker` : 'embedded: product = API + worker + PGlite';
    const figures = `${o.accounts} accounts × ${o.signalsPerAccount} signals (${where}): loaded in ${loadedS.toFixed(0)} s, all assessed after ${allS.toFixed(0)} s (${(o.accounts / allS).toFixed(1)} first assessments/s); idle RSS product ${mem.productMiB.toFixed(0)} MiB, Temporal ${mem.temporalMiB.toFixed(0)} MiB; goal 10,000 accounts per worker under 2 GiB`;
    console.log(`capacity: ${figures}`);
    record('account capacity', o.command, figures, { smoke: o.smoke });
    return figures;
  } finally {
    await server.stop();
    await db?.stop();
  }
}
