// The product as a user runs it (`npm start` = node --import tsx start.ts), as a real child process
// with its own data folder and free ports, for tests that kill it, corrupt its files or restart it.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../workflows/dev-server.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TOKEN = 'reliability-admin-token';

export interface Product {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or the signal name) when it exits. */
  exited: Promise<number | string>;
}

export interface ProductPorts { port: number; temporalPort: number; uiPort: number }

export async function freePorts(): Promise<ProductPorts> {
  return { port: await freePort(), temporalPort: await freePort(), uiPort: await freePort() };
}

/** Starts start.ts; `ready` waits for its "listening" line (or its exit). */
export async function startProduct(dataDir: string, ports: ProductPorts, opts: { env?: Record<string, string>; spawn?: SpawnOptions; readyMs?: number } = {}): Promise<Product> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'start.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp',
      ...(process.env.TEMPORAL_CLI_PATH ? { TEMPORAL_CLI_PATH: process.env.TEMPORAL_CLI_PATH } : {}),
      DATA_DIR: dataDir, PORT: String(ports.port), HOST: '127.0.0.1', TEMPORAL_PORT: String(ports.temporalPort), TEMPORAL_UI_PORT: String(ports.uiPort),
      ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'warn', DEBOUNCE_MS: '100', SWEEP_INTERVAL_MS: '500', OUR_DOMAINS: 'ourco.com',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...opts.spawn,
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += String(d); });
  child.stderr!.on('data', (d) => { out += String(d); });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, sig) => resolve(code ?? sig ?? -1)));
  return { child, url: `http://127.0.0.1:${ports.port}`, output: () => out, exited };
}

/** Waits until it says it listens; throws with its output if it exits or takes longer than readyMs. */
export async function whenListening(p: Product, readyMs = 120_000): Promise<void> {
  const deadline = Date.now() + readyMs;
  let done: number | string | undefined;
  void p.exited.then((c) => { done = c; });
  while (!/listening on http/.test(p.output())) {
    if (done !== undefined) throw new Error(`the product exited (${done}) before listening:\n${p.output()}`);
    if (Date.now() > deadline) throw new Error(`the product did not listen within ${readyMs} ms:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An exit within ms, or 'running'. */
export function exitWithin(p: Product, ms: number): Promise<number | string> {
  return Promise.race([p.exited, new Promise<string>((r) => setTimeout(() => r('running'), ms))]);
}

export const api = (p: Product, path: string, init: RequestInit = {}) => fetch(p.url + path, {
  ...init, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
});

// ---- The production split, as separate real processes: a Postgres wire-protocol server (PGlite with
// pgvector behind pglite-socket), the API (`npm run start:api`) and workers (`npm run start:worker`).

export interface NodeProcess extends Product { name: string }

/** `node --import tsx <entry> [...args]` from the project root, with only the given environment. */
export function startNode(name: string, entry: string, env: Record<string, string>, args: string[] = []): NodeProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += String(d); });
  child.stderr!.on('data', (d) => { out += String(d); });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, sig) => resolve(code ?? sig ?? -1)));
  return { name, child, url: '', output: () => out, exited };
}

/** Polls fn until it returns something truthy; throws naming `what` after ms. */
export async function until<T>(what: string, fn: () => Promise<T | false | null | undefined>, ms: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) { last = err; }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * PGlite + pgvector over the Postgres wire protocol, in its own process (test/helpers/pg-wire-server.ts,
 * which keeps each client's extended-protocol sequence together: see there why).
 */
export async function startPgServer(): Promise<NodeProcess & { databaseUrl: string }> {
  const port = await freePort();
  const p = startNode('pg-wire-server', 'test/helpers/pg-wire-server.ts', {}, [String(port)]);
  await until('the PGlite socket server ready', async () => {
    if (p.child.exitCode !== null) throw new Error(`pglite server exited:\n${p.output()}`);
    return /ready \d+/.test(p.output());
  }, 60_000, 100);
  return Object.assign(p, { databaseUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` });
}

/** The environment the API and worker processes share (one database, one Temporal, one task queue). */
export function splitEnv(o: { databaseUrl: string; temporalAddress: string; taskQueue: string; extra?: Record<string, string> }): Record<string, string> {
  return {
    DATABASE_URL: o.databaseUrl, DATABASE_POOL_SIZE: '3', TEMPORAL_ADDRESS: o.temporalAddress, TEMPORAL_TASK_QUEUE: o.taskQueue,
    ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'warn', DEBOUNCE_MS: '100', SWEEP_INTERVAL_MS: '500', OUR_DOMAINS: 'ourco.com',
    ...o.extra,
  };
}

/** `npm run start:api` (on a free port unless given); resolves once it answers HTTP. */
export async function startApi(env: Record<string, string>, port?: number): Promise<NodeProcess> {
  const listen = port ?? (await freePort());
  const p = startNode('api', 'api/server.ts', { ...env, PORT: String(listen), HOST: '127.0.0.1' });
  p.url = `http://127.0.0.1:${listen}`;
  await until('the API answering', async () => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) throw new Error(`the API exited:\n${p.output()}`);
    return (await fetch(`${p.url}/health`)).status > 0;
  }, 120_000, 200);
  return p;
}

/** `npm run start:worker`; resolves once Temporal lists it (by its pid) as a poller of the task queue. */
export async function startWorker(env: Record<string, string>, pollers: () => Promise<string[]>, name = 'worker'): Promise<NodeProcess> {
  const p = startNode(name, 'workflows/run-worker.ts', env);
  await until(`${name} polling`, async () => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) throw new Error(`${name} exited:\n${p.output()}`);
    return (await pollers()).some((id) => id.startsWith(`${p.child.pid}@`));
  }, 180_000, 250);
  return p;
}

/** Stops a process (SIGTERM, then SIGKILL after graceMs) if it still runs. */
export async function stopProcess(p: Product | undefined, graceMs = 15_000): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  if ((await exitWithin(p, graceMs)) === 'running') { p.child.kill('SIGKILL'); await p.exited; }
}

/** Identities (`pid@host`) Temporal lists as polling a task queue for activities. */
export async function activityPollers(client: import('@temporalio/client').Client, taskQueue: string): Promise<string[]> {
  const res = await client.workflowService.describeTaskQueue({ namespace: client.options.namespace, taskQueue: { name: taskQueue }, taskQueueType: 2 });
  return (res.pollers ?? []).map((p) => p.identity ?? '');
}

/** For a failed run's log: the tail of what each process printed, and how it ended if it did. */
export function dumpProcesses(procs: Array<NodeProcess | undefined>, chars = 4000): void {
  for (const p of procs) {
    if (!p) continue;
    const ended = p.child.exitCode ?? p.child.signalCode;
    console.log(`--- ${p.name} (pid ${p.child.pid}${ended !== null ? `, ended: ${ended}` : ''}) ---\n${p.output().slice(-chars)}`);
  }
}
