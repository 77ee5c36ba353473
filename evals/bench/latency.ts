// signal-to-recommendation latency: the embedded stack with N accounts loaded; a separate load
// process posts inbound questions at a fixed rate and measures from POST to the recommendation
// citing that signal being readable through the API (so queueing is included). A sample with no
// such recommendation within the timeout (or a refused POST) is a miss: it is printed, and it
// counts in the percentiles as +∞, so p95 reads "timeout" once more than 5 % of samples missed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startBenchServer, BENCH_TOKEN, formatMemory } from './server.js';
import { ms, record, summarize } from './lib.js';
import { seedAccounts, waitAllAssessed } from './accounts.js';
import type { Sample } from './load-client.js';

export interface LatencyOptions { accounts: number; rate: number; duration: number; debounceMs: number; timeoutS?: number; smoke?: boolean; command: string }

/** Percentiles over every sample: a miss is +∞, never dropped. */
export function latencyFigures(samples: Sample[]): { misses: Sample[]; text: string } {
  const misses = samples.filter((s) => s.latencyMs === null);
  const s = summarize(samples.map((x) => x.latencyMs ?? Number.POSITIVE_INFINITY));
  const post = summarize(samples.map((x) => x.postMs));
  const missPct = samples.length ? (100 * misses.length) / samples.length : 0;
  const text = `n=${samples.length}, misses ${misses.length} (${missPct.toFixed(1)} %), p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (POST p95 ${ms(post.p95)})`;
  return { misses, text };
}

export async function runLatency(o: LatencyOptions): Promise<string> {
  const timeoutS = o.timeoutS ?? 30;
  const server = await startBenchServer({ DEBOUNCE_MS: String(o.debounceMs) });
  try {
    const ids = await seedAccounts(server.url, o.accounts, 'lat');
    await waitAllAssessed(server.url, ids);
    const client = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./load-client.ts', import.meta.url)),
      '--url', server.url, '--token', BENCH_TOKEN, '--accounts', ids.join(','), '--rate', String(o.rate), '--duration', String(o.duration),
      '--timeout', String(timeoutS)],
    { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    client.stdout.on('data', (d) => { out += d; });
    const code = await new Promise((res) => client.once('exit', res));
    if (code !== 0) throw new Error(`the load client exited with ${code}`);
    const { samples } = JSON.parse(out.trim().split('\n').pop()!) as { samples: Sample[] };
    const { misses, text } = latencyFigures(samples);
    for (const m of misses) {
      console.log(`latency: miss #${m.i} at ${m.at.toFixed(1)} s on ${m.accountId}: ${m.status === 202 ? `no recommendation citing ${m.signalId} within ${timeoutS} s` : `POST answered ${m.status || 'nothing'}`}`);
    }
    const mem = await server.memory();
    const figures = `${o.accounts} accounts, ${o.rate}/s for ${o.duration}s, debounce ${o.debounceMs} ms, timeout ${timeoutS} s: ${text}; goal p95 ≤ 1 s; RSS ${formatMemory(mem)}`;
    console.log(`latency: ${figures}`);
    record('signal-to-recommendation latency', o.command, figures, { smoke: o.smoke });
    return figures;
  } finally {
    await server.stop();
  }
}
