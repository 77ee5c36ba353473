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
