// Starts the embedded product as a separate process for a benchmark (fresh data folder, free
// ports), and measures its resident memory including the Temporal dev-server child.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../workflows/dev-server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BENCH_TOKEN = 'bench-admin-token';

export interface BenchServer {
  url: string;
  pid: number;
  dataDir: string;
  /** RSS in MiB of the product process and of the Temporal server. */
  memory(): { productMiB: number; temporalMiB: number };
  stop(): Promise<void>;
}

function rssMiB(pid: number): number {
  try {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
  } catch {
    return Number.NaN;
  }
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** A separate database process (PGlite over the wire), so the product's memory is measured alone. */
export async function startExternalDb(): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'evals/bench/pglite-server.ts'), String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => { if (String(d).includes('ready')) resolve(); });
    child.once('exit', (code) => reject(new Error(`database process exited with ${code}`)));
  });
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, pid: child.pid!,
    async stop() { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); },
  };
}

export function rssOf(pid: number): number { return rssMiB(pid); }

export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aa-bench-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'start.ts')], {
    cwd: ROOT,
    env: {
      ...process.env, PORT: String(port), DATA_DIR: dataDir, ADMIN_TOKEN: BENCH_TOKEN, LOG_LEVEL: 'warn',
      TEMPORAL_PORT: String(await freePort()), TEMPORAL_UI_PORT: String(await freePort()), OUR_DOMAINS: 'ourco.com', ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product exited with ${child.exitCode} during start`);
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error('the product did not become healthy in 120 s'); }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url, pid: child.pid!, dataDir,
    memory() {
      const kids = childPids(child.pid!);
      // npm is not in between: the product is this child; Temporal is its child.
      const temporal = kids.map(rssMiB).filter(Number.isFinite).reduce((a, b) => a + b, 0);
      return { productMiB: rssMiB(child.pid!), temporalMiB: temporal };
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
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
