// Accounts for the benchmarks: seeding a book, and waiting until every account in it has been
// assessed. The list is read page by page to its end: a check of the first page alone passes while
// the rest of a large book is still waiting.
import { api, signalStats } from './server.js';

export async function seedAccounts(url: string, n: number, prefix: string): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  const batch = 16;
  for (let i = 0; i < ids.length; i += batch) {
    await Promise.all(ids.slice(i, i + batch).map(async (id) => {
      const r = await api(url, 'POST', '/v1/accounts', {
        id, name: `Bench ${id}`, domains: [`${id}.example`], stage: 'customer', arr: 50000,
        contacts: [{ email: `buyer@${id}.example`, name: 'Jordan Buyer', role: 'champion' }],
      });
      if (r.status !== 201) throw new Error(`seeding ${id}: ${r.status} ${JSON.stringify(r.json)}`);
    }));
  }
  return ids;
}

interface AccountRow { id: string; lastAssessedAt: string | null }

const PAGE = 1000;

/** Every account the API lists, read to the last page. */
export async function listAllAccounts(url: string): Promise<AccountRow[]> {
  const out: AccountRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const r = await api<{ accounts: AccountRow[] }>(url, 'GET', `/v1/accounts?limit=${PAGE}&offset=${offset}`);
    if (r.status !== 200) throw new Error(`GET /v1/accounts: ${r.status}`);
    out.push(...r.json.accounts);
    if (r.json.accounts.length < PAGE) return out;
  }
}

/**
 * Waits until every one of `ids` has been seen with an assessment and no signal is pending.
 * The list is ordered by risk, which moves while assessments land, so one pass over the pages can
 * skip or repeat an account; an account seen assessed stays assessed, so the sightings are
 * gathered over passes until they cover every id.
 */
export async function waitAllAssessed(url: string, ids: string[], timeoutMs = 3_600_000): Promise<number> {
  const t0 = performance.now();
  const wanted = new Set(ids);
  const assessed = new Set<string>();
  for (;;) {
    const stats = await signalStats(url);
    for (const a of await listAllAccounts(url)) if (a.lastAssessedAt && wanted.has(a.id)) assessed.add(a.id);
    if (assessed.size === wanted.size && stats.pending === 0) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs) {
      throw new Error(`only ${assessed.size}/${wanted.size} accounts assessed (${stats.pending} signals pending) after ${(timeoutMs / 1000).toFixed(0)} s`);
    }
    await new Promise((res) => setTimeout(res, 1000));
  }
}
