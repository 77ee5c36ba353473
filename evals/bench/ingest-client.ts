// Load generator for the throughput benchmark: concurrent clients post batches of signals as fast
// as the API accepts them for a fixed duration; prints one JSON line.
import { parseArgs } from './lib.js';
import { benchSignals } from './signal-mix.js';

const args = parseArgs(process.argv.slice(2));
const url = String(args.url);
const headers = { authorization: `Bearer ${String(args.token)}`, 'content-type': 'application/json' };
const accounts = String(args.accounts).split(',');
const durationMs = Number(args.duration) * 1000;
const batch = Number(args.batch ?? 20);
const concurrency = Number(args.concurrency ?? 8);

let accepted = 0;
let n = 0;
const start = performance.now();
async function worker(w: number) {
  while (performance.now() - start < durationMs) {
    const accountId = accounts[(n += 1) % accounts.length];
    const signals = benchSignals(accountId, batch, `${w}-${n}`);
    const r = await fetch(`${url}/v1/accounts/${accountId}/signals`, { method: 'POST', headers, body: JSON.stringify({ signals }) });
    if (r.status === 202) accepted += ((await r.json()) as { stored: string[] }).stored.length;
  }
}
await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
process.stdout.write(`${JSON.stringify({ accepted, elapsedMs: performance.now() - start })}\n`);
