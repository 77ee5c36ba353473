// Measures the raw signal → activity round-trip rate of a Temporal server: N tiny workflows (one
// per "account"), M concurrent clients; each client signals a workflow (signalWithStart, as the
// product's API does), waits until that signal's no-op activity has run in this process's worker,
// then signals the next workflow. Nothing is folded: one signal, one activity, one round trip.
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { ceilingWorkflow, pokeSignal, type CeilingActivities } from './workflow.js';
import { summarize, type Summary } from '../lib.js';

const WORKFLOWS_PATH = fileURLToPath(new URL('./workflow.ts', import.meta.url));

export interface CeilingOptions {
  /** The Temporal frontend, e.g. the product's dev server. */
  address: string;
  namespace?: string;
  workflows: number;
  clients: number;
  durationS: number;
  /** A round trip that takes longer than this counts as a timeout and is not waited for. */
  timeoutMs?: number;
}

export interface CeilingResult {
  roundTrips: number;
  seconds: number;
  perSecond: number;
  timeouts: number;
  latency: Summary;
  workflows: number;
  clients: number;
}

let runtimeInstalled = false;
function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try { Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] }); } catch { /* the host installed one */ }
}

const quietBundler = {
  log() {}, trace() {}, debug() {}, info() {},
  warn: (m: string) => console.warn(m), error: (m: string) => console.error(m),
};

export async function measureCeiling(o: CeilingOptions): Promise<CeilingResult> {
  quietRuntime();
  const namespace = o.namespace ?? 'default';
  const timeoutMs = o.timeoutMs ?? 30_000;
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const taskQueue = `bench-ceiling-${tag}`;
  const ids = Array.from({ length: o.workflows }, (_, i) => `ceiling:${tag}:${i}`);
  const waiters = new Map<string, () => void>();
  const activities: CeilingActivities = {
    async touch({ workflowId, seq }) { waiters.get(`${workflowId}#${seq}`)?.(); },
  };

  const nativeConnection = await NativeConnection.connect({ address: o.address });
  const connection = await Connection.connect({ address: o.address });
  const client = new Client({ connection, namespace });
  const worker = await Worker.create({
    connection: nativeConnection, namespace, taskQueue, activities,
    workflowBundle: await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundler }),
    maxCachedWorkflows: 250, // the product's default cache size
  });
  const seqOf = new Array<number>(o.workflows).fill(0);

  /** One round trip: signal workflow `w`, resolve when its activity for that signal ran. */
  async function roundTrip(w: number): Promise<number | null> {
    const workflowId = ids[w];
    const seq = (seqOf[w] += 1);
    const key = `${workflowId}#${seq}`;
    const t0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<boolean>((resolve) => {
      waiters.set(key, () => resolve(true));
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      await client.workflow.signalWithStart(ceilingWorkflow, { workflowId, taskQueue, args: [[]], signal: pokeSignal, signalArgs: [{ seq }] });
      return (await done) ? performance.now() - t0 : null;
    } finally {
      clearTimeout(timer);
      waiters.delete(key);
    }
  }

  try {
    return await worker.runUntil(async () => {
      // Warm-up (not timed): every workflow started and its first round trip done, as the product's
      // accounts exist before a load arrives.
      for (let i = 0; i < ids.length; i += o.clients) {
        await Promise.all(ids.slice(i, i + o.clients).map((_, j) => roundTrip(i + j)));
      }
      const latencies: number[] = [];
      let timeouts = 0;
      const t0 = performance.now();
      const endAt = t0 + o.durationS * 1000;
      await Promise.all(Array.from({ length: o.clients }, async (_, c) => {
        for (let k = c; performance.now() < endAt; k += o.clients) {
          const ms = await roundTrip(k % o.workflows);
          if (ms === null) timeouts += 1;
          else latencies.push(ms);
        }
      }));
      const seconds = (performance.now() - t0) / 1000;
      return {
        roundTrips: latencies.length, seconds, perSecond: latencies.length / seconds, timeouts,
        latency: summarize([...latencies, ...Array<number>(timeouts).fill(Number.POSITIVE_INFINITY)]),
        workflows: o.workflows, clients: o.clients,
      };
    });
  } finally {
    await connection.close();
    await nativeConnection.close();
  }
}

export function describeCeiling(r: CeilingResult): string {
  return `${r.perSecond.toFixed(0)} round trips/s (${r.roundTrips} signal → no-op activity round trips in ${r.seconds.toFixed(1)} s; `
    + `${r.workflows} workflows, ${r.clients} clients; round trip p50 ${r.latency.p50 === Number.POSITIVE_INFINITY ? 'timeout' : `${r.latency.p50.toFixed(0)} ms`}, `
    + `p95 ${r.latency.p95 === Number.POSITIVE_INFINITY ? 'timeout' : `${r.latency.p95.toFixed(0)} ms`}${r.timeouts ? `, ${r.timeouts} timed out` : ''})`;
}
