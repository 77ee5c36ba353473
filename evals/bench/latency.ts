// signal-to-recommendation latency: the embedded stack with N accounts loaded; a separate load
// process posts inbound questions at a fixed rate and measures from POST to the recommendation
// citing that signal being readable through the API (so queueing is included).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startBenchServer, api, BENCH_TOKEN } from './server.js';
import { ms, record, summarize } from './lib.js';

export interface LatencyOptions { accounts: number; rate: number; duration: number; debounceMs: number; smoke?: boolean; command: string }

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

export async function waitAllAssessed(url: string, ids: string[], timeoutMs = 600_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const r = await api<{ accounts: Array<{ id: string; lastAssessedAt: string | null }> }>(url, 'GET', `/v1/accounts?limit=1000`);
    const done = r.json.accounts.filter((a) => ids.includes(a.id) && a.lastAssessedAt).length;
    if (done >= Math.min(ids.length, 1000)) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs) throw new Error(`only ${done}/${ids.length} accounts assessed`);
    await new Promise((res) => setTimeout(res, 500));
  }
}

export async function runLatency(o: LatencyOptions): Promise<string> {
  const server = await startBenchServer({ DEBOUNCE_MS: String(o.debounceMs) });
  try {
    const ids = await seedAccounts(server.url, o.accounts, 'lat');
    await waitAllAssessed(server.url, ids);
    const client = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./load-client.ts', import.meta.url)),
      '--url', server.url, '--token', BENCH_TOKEN, '--accounts', ids.join(','), '--rate', String(o.rate), '--duration', String(o.duration)],
    { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    client.stdout.on('data', (d) => { out += d; });
    await new Promise((res) => client.once('exit', res));
    const { samples } = JSON.parse(out.trim().split('\n').pop()!) as { samples: Array<{ latencyMs: number | null; postMs: number }> };
    const ok = samples.filter((s) => s.latencyMs !== null).map((s) => s.latencyMs!);
    const s = summarize(ok);
    const post = summarize(samples.map((x) => x.postMs));
    const mem = server.memory();
    const figures = `${o.accounts} accounts, ${o.rate}/s for ${o.duration}s, debounce ${o.debounceMs} ms: n=${s.n}/${samples.length}, p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (POST p95 ${ms(post.p95)}); goal p95 ≤ 1 s; RSS product ${mem.productMiB.toFixed(0)} MiB, Temporal ${mem.temporalMiB.toFixed(0)} MiB`;
    console.log(`latency: ${figures}`);
    record('signal-to-recommendation latency', o.command, figures, { smoke: o.smoke });
    return figures;
  } finally {
    await server.stop();
  }
}
