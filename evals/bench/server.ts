// Starts the embedded product as a separate process for a benchmark (fresh data folder, free
// ports), and measures the resident memory of every process the product needs: the product itself
// (API + worker, and PGlite when embedded), the Temporal dev server it starts as a child, and the
// database process when the database runs on its own (--external-db).
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../workflows/dev-server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BENCH_TOKEN = 'bench-admin-token';

export interface Memory {
  /** The product process: API + worker (+ PGlite when embedded). */
  productMiB: number;
  /** Everything the product process started: the Temporal dev server. */
  temporalMiB: number;
  /** The separate database process, when there is one (else 0). */
  databaseMiB: number;
  totalMiB: number;
}

export interface BenchServer {
  url: string;
  pid: number;
  dataDir: string;
  /** The Temporal frontend the product's dev server listens on (for the ceiling run). */
  temporalAddress: string;
  memory(): Promise<Memory>;
  /** CPU seconds used so far (user + system): the product process, and its dev server below it. */
  cpu(): Promise<{ productS: number; temporalS: number }>;
  stop(): Promise<void>;
}

export interface ExternalDb { url: string; pid: number; stop(): Promise<void> }

// Asynchronous, so sampling memory never stalls the benchmark's own requests.
const run = promisify(execFile);

async function rssMiB(pid: number): Promise<number> {
  try {
    return Number((await run('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' })).stdout.trim()) / 1024;
  } catch {
    return Number.NaN;
  }
}

async function childPids(pid: number): Promise<number[]> {
  try {
    return (await run('pgrep', ['-P', String(pid)], { encoding: 'utf8' })).stdout.trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds (user + system) of a process from /proc: a figure that holds when the machine is loaded, unlike a rate. */
function cpuSeconds(pid: number): number {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

/** Every process below `pid` (children, their children, …). */
async function descendants(pid: number): Promise<number[]> {
  const out: number[] = [];
  for (let queue = await childPids(pid); queue.length > 0;) {
    const p = queue.shift()!;
    out.push(p);
    queue.push(...(await childPids(p)));
  }
  return out;
}

const sum = (xs: number[]) => xs.filter(Number.isFinite).reduce((a, b) => a + b, 0);

/** A separate database process (PGlite over the wire), so the product's memory is measured alone. */
export async function startExternalDb(): Promise<ExternalDb> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/helpers/pg-wire-server.ts'), String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => { if (String(d).includes('ready')) resolve(); });
    child.once('exit', (code) => reject(new Error(`database process exited with ${code}`)));
  });
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, pid: child.pid!,
    async stop() { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); },
  };
}

/**
 * Starts `start.ts` with `env` over the inherited environment. A key given as `undefined` is
 * removed, so the product's own default applies (e.g. `DEBOUNCE_MS: undefined`).
 */
export async function startBenchServer(env: Record<string, string | undefined> = {}, opts: { externalDb?: ExternalDb } = {}): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aa-bench-'));
  const port = await freePort();
  const temporalPort = await freePort();
  const childEnv: Record<string, string | undefined> = {
    ...process.env, PORT: String(port), DATA_DIR: dataDir, ADMIN_TOKEN: BENCH_TOKEN, LOG_LEVEL: 'warn',
    TEMPORAL_PORT: String(temporalPort), TEMPORAL_UI_PORT: String(await freePort()), OUR_DOMAINS: 'ourco.com',
    // The benchmarks measure capacity with one token; the per-user rate limit would measure itself.
    RATE_LIMIT_PER_MINUTE: '0',
    ...(opts.externalDb ? { DATABASE_URL: opts.externalDb.url, DATABASE_POOL_SIZE: '1' } : {}),
    ...env,
  };
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
  const child: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []), '--import', 'tsx', join(ROOT, 'start.ts')], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product exited with ${child.exitCode} during start`);
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error('the product did not become healthy in 180 s'); }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url, pid: child.pid!, dataDir, temporalAddress: `127.0.0.1:${temporalPort}`,
    async memory() {
      const productMiB = await rssMiB(child.pid!);
      const temporalMiB = sum(await Promise.all((await descendants(child.pid!)).map(rssMiB)));
      const databaseMiB = opts.externalDb ? await rssMiB(opts.externalDb.pid) : 0;
      return { productMiB, temporalMiB, databaseMiB, totalMiB: sum([productMiB, temporalMiB, databaseMiB]) };
    },
    async cpu() {
      return { productS: cpuSeconds(child.pid!), temporalS: sum((await descendants(child.pid!)).map(cpuSeconds)) };
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** "total 1750 MiB (product 1300 + Temporal 250 + database 200)": every process counted. */
export function formatMemory(m: Memory): string {
  const parts = [`product ${m.productMiB.toFixed(0)}`, `Temporal ${m.temporalMiB.toFixed(0)}`];
  if (m.databaseMiB > 0) parts.push(`database ${m.databaseMiB.toFixed(0)}`);
  return `total ${m.totalMiB.toFixed(0)} MiB (${parts.join(' + ')})`;
}

/** Samples the memory every `everyMs` and keeps the sample with the highest total. */
export function watchPeak(server: BenchServer, everyMs = 500): { stop(): Promise<Memory> } {
  let peak: Memory | undefined;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const m = await server.memory();
      if (!peak || m.totalMiB > peak.totalMiB) peak = m;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      const last = await server.memory(); // the end counts too
      return last.totalMiB > peak!.totalMiB ? last : peak!;
    },
  };
}

export async function api<T = unknown>(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const r = await fetch(url + path, {
    method, headers: { authorization: `Bearer ${BENCH_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, json: (await r.json().catch(() => null)) as T };
}

export interface SignalStats { received: number; pending: number; processed: number }

export async function signalStats(url: string): Promise<SignalStats> {
  const r = await api<SignalStats>(url, 'GET', '/v1/stats/signals');
  if (r.status !== 200) throw new Error(`GET /v1/stats/signals: ${r.status}`);
  return r.json;
}
