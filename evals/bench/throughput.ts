// ingest throughput: sustained signals/second accepted by the API and fully processed
// (remembered and assessed), with the backlog sampled over time. Signals are posted in batches by
// concurrent clients in a separate process; processing is read from the database through the API.
// Right after the backlog drains, the same dev server's raw signal → activity ceiling is measured
// (evals/bench/ceiling/), so the processed rate is read against a ceiling taken in the same run.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startBenchServer, BENCH_TOKEN, formatMemory, signalStats, watchPeak } from './server.js';
import { record } from './lib.js';
import { seedAccounts, waitAllAssessed } from './accounts.js';
import { describeCeiling, measureCeiling } from './ceiling/measure.js';

export interface ThroughputOptions {
  accounts: number; duration: number; batch: number; concurrency: number;
  /** Seconds of the ceiling measurement after the product's run (workflows = accounts, clients = concurrency). */
  ceilingDuration: number;
  smoke?: boolean; command: string;
}

export async function runThroughput(o: ThroughputOptions): Promise<string> {
  const server = await startBenchServer({ DEBOUNCE_MS: '500' });
  try {
    // Against a server of the user's own (DATABASE_URL), earlier runs' accounts are still there: a
    // prefix per run keeps the seed from colliding with them.
    const external = Boolean(process.env.DATABASE_URL);
    const ids = await seedAccounts(server.url, o.accounts, external ? `thr-${Date.now().toString(36)}` : 'thr');
    await waitAllAssessed(server.url, ids);
    const stats = () => signalStats(server.url);
    const before = await stats();
    const cpuBefore = await server.cpu();
    const client = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./ingest-client.ts', import.meta.url)),
      '--url', server.url, '--token', BENCH_TOKEN, '--accounts', ids.join(','), '--duration', String(o.duration),
      '--batch', String(o.batch), '--concurrency', String(o.concurrency)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    client.stdout.on('data', (d) => { out += d; });
    const peak = watchPeak(server, 1000);
    const t0 = performance.now();
    const backlog: Array<{ t: number; pending: number; processed: number }> = [];
    const exited = new Promise((res) => client.once('exit', res));
    let done = false;
    void exited.then(() => { done = true; });
    while (!done) {
      const s = await stats();
      backlog.push({ t: (performance.now() - t0) / 1000, pending: s.pending, processed: s.processed - before.processed });
      await new Promise((res) => setTimeout(res, 2000));
    }
    const { accepted, elapsedMs } = JSON.parse(out.trim().split('\n').pop()!) as { accepted: number; elapsedMs: number };
    const postWindow = (performance.now() - t0) / 1000;
    // Keep sampling until the backlog drains (or 5 minutes), to measure the processing rate.
    const drainStart = performance.now();
    let s = await stats();
    while (s.pending > 0 && performance.now() - drainStart < 300_000) {
      await new Promise((res) => setTimeout(res, 1000));
      s = await stats();
      backlog.push({ t: (performance.now() - t0) / 1000, pending: s.pending, processed: s.processed - before.processed });
    }
    const totalS = (performance.now() - t0) / 1000;
    const mem = await peak.stop();
    const cpuAfter = await server.cpu();
    const processed = s.processed - before.processed;
    const acceptedPerS = accepted / (elapsedMs / 1000);
    const processedPerS = processed / totalS;
    const drained = s.pending === 0 ? '' : ` (NOT drained: ${s.pending} still pending after 5 min)`;
    // CPU per processed signal holds on a loaded machine, where the rates do not.
    const perSignalMs = (a: number, b: number) => (processed ? ((a - b) * 1000 / processed).toFixed(2) : '-');
    const cpu = `CPU per processed signal: product ${perSignalMs(cpuAfter.productS, cpuBefore.productS)} ms, Temporal ${perSignalMs(cpuAfter.temporalS, cpuBefore.temporalS)} ms; `;
    const curve = backlog.filter((_, i) => i % Math.max(1, Math.floor(backlog.length / 8)) === 0).map((b) => `${b.t.toFixed(0)}s:${b.pending}`).join(' ');
    console.log(`throughput: product done (processed ${processedPerS.toFixed(0)}/s); measuring the raw ceiling on the same dev server…`);
    const ceiling = await measureCeiling({ address: server.temporalAddress, workflows: o.accounts, clients: o.concurrency, durationS: o.ceilingDuration });
    const ratio = processedPerS / ceiling.perSecond;
    const figures = `${external ? 'database: DATABASE_URL (the user\'s own server); ' : ''}${o.accounts} accounts, ${o.duration}s of posting: accepted ${acceptedPerS.toFixed(0)}/s (${accepted} signals), fully processed ${processedPerS.toFixed(0)}/s `
      + `(${processed} in ${totalS.toFixed(0)} s; posting window ${postWindow.toFixed(0)} s)${drained}; goal ≥ 500/s processed (issue 15); backlog ${curve}; ${cpu}peak RSS ${formatMemory(mem)}; `
      + `processed ${processedPerS.toFixed(0)}/s = ${ratio.toFixed(2)}× the raw ceiling of ${ceiling.perSecond.toFixed(0)}/s measured in this run right after, on the same dev server: ${describeCeiling(ceiling)}`;
    console.log(`throughput: ${figures}`);
    record('ingest throughput', o.command, figures, { smoke: o.smoke });
    return figures;
  } finally {
    await server.stop();
  }
}
