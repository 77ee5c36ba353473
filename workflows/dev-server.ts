// Starts the Temporal CLI dev server as a child process: SQLite file under the data folder, with the
// WAL pragmas measured to triple its throughput, and the account search attributes registered.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';

export const SEARCH_ATTRIBUTES = ['AccountId=Keyword', 'OwnerId=Keyword', 'RiskLevel=Keyword', 'RiskScore=Int'];

export interface DevServerOptions {
  cliPath: string;
  /** Folder for the SQLite file and the log; omit for an in-memory server (tests). */
  dataDir?: string;
  port?: number;
  uiPort?: number;
  namespace?: string;
  ui?: boolean;
  /**
   * Restart the server, with backoff, on the same data file when it dies under us (the embedded
   * product sets it); `log` says so. Off by default (tests that stop their server mean it).
   */
  supervise?: { log: (msg: string) => void; minBackoffMs?: number; maxBackoffMs?: number };
}

export interface DevServer {
  address: string;
  uiUrl?: string;
  /** The current child's pid (a supervised server gets a new one on each restart). */
  readonly pid: number;
  /** Times the supervisor restarted it. */
  readonly restarts: number;
  stop(): Promise<void>;
}

/** What a data folder's `temporal.pid` says: which process serves its SQLite file, on which port. */
interface PidFile { pid: number; port: number; dbFile: string }

const pidFileOf = (dataDir: string) => join(dataDir, 'temporal.pid');

function processCmdline(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A dev server left running by an earlier product process that was killed hard (SIGKILL, the OOM
 * killer) holds the port and the SQLite file. The pid file names it; it is ours only if that process
 * still serves this folder's SQLite file, and then it is stopped (its data is the file, kept).
 */
async function stopOwnOrphan(dataDir: string, dbFile: string, log: (m: string) => void): Promise<void> {
  let recorded: PidFile;
  try {
    recorded = JSON.parse(readFileSync(pidFileOf(dataDir), 'utf8')) as PidFile;
  } catch {
    return;
  }
  const cmd = Number.isInteger(recorded.pid) ? processCmdline(recorded.pid) : undefined;
  if (cmd && cmd.includes('start-dev') && cmd.includes(dbFile)) {
    log(`Stopping the Temporal dev server left running by an earlier process (pid ${recorded.pid}, port ${recorded.port}, ${dbFile}).`);
    process.kill(recorded.pid, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (alive(recorded.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (alive(recorded.pid)) process.kill(recorded.pid, 'SIGKILL');
    while (alive(recorded.pid)) await new Promise((r) => setTimeout(r, 50));
    const free = Date.now() + 10_000;
    while ((await portOpen(recorded.port)) && Date.now() < free) await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(pidFileOf(dataDir), { force: true });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ port, host: '127.0.0.1' });
    sock.once('connect', () => { sock.destroy(); resolve(true); });
    sock.once('error', () => resolve(false));
  });
}

/**
 * An open port is not a ready server: its frontend answers "Frontend is not healthy yet" for a
 * moment after it listens (a CI run's first connect failed on it), so wait until GetSystemInfo answers.
 */
async function untilFrontendServes(port: number, deadline: number, exited: () => boolean): Promise<void> {
  for (;;) {
    try {
      const connection = await Connection.connect({ address: `127.0.0.1:${port}`, connectTimeout: '2s' });
      await connection.close();
      return;
    } catch (err) {
      if (exited()) throw new Error('Temporal dev server exited during start');
      if (Date.now() > deadline) throw new Error(`Temporal dev server did not serve within 60 s: ${err instanceof Error ? err.message : String(err)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  const port = opts.port ?? (await freePort());
  const uiPort = opts.uiPort ?? (await freePort());
  const dbFile = opts.dataDir ? join(opts.dataDir, 'temporal.sqlite') : undefined;
  if (opts.dataDir && dbFile) {
    mkdirSync(opts.dataDir, { recursive: true });
    await stopOwnOrphan(opts.dataDir, dbFile, opts.supervise?.log ?? ((m) => console.warn(m)));
  }
  if (await portOpen(port)) throw new Error(`Port ${port} is already in use: is another Temporal server running? Set TEMPORAL_PORT or TEMPORAL_ADDRESS.`);
  const args = [
    'server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', opts.namespace ?? 'default',
    '--log-level', 'warn', '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal',
    ...SEARCH_ATTRIBUTES.flatMap((a) => ['--search-attribute', a]),
  ];
  if (opts.ui === false) args.push('--headless');
  else args.push('--ui-port', String(uiPort));
  if (dbFile) args.push('--db-filename', dbFile);

  let child!: ChildProcess;
  let exited = false;
  let exitPromise: Promise<void> = Promise.resolve();
  let stopping = false;
  let restarts = 0;
  let started = false;

  /** Spawns the child and waits for its port; the pid file names it for the next start. */
  async function launch(): Promise<void> {
    let stdio: Array<'ignore' | number> = ['ignore', 'ignore', 'ignore'];
    if (opts.dataDir) {
      const log = openSync(join(opts.dataDir, 'temporal.log'), 'a');
      stdio = ['ignore', log, log];
    }
    child = spawn(opts.cliPath, args, { stdio });
    exited = false;
    const mine = child;
    exitPromise = new Promise<void>((resolve) => mine.once('exit', () => { exited = true; resolve(); if (!stopping) void supervise(); }));
    if (opts.dataDir && dbFile) writeFileSync(pidFileOf(opts.dataDir), JSON.stringify({ pid: child.pid ?? -1, port, dbFile } satisfies PidFile));
    const deadline = Date.now() + 60_000;
    while (!(await portOpen(port))) {
      if (exited) throw new Error(`Temporal dev server exited during start (see ${opts.dataDir ?? 'its output'}/temporal.log)`);
      if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error('Temporal dev server did not open its port within 60 s'); }
      await new Promise((r) => setTimeout(r, 100));
    }
    await untilFrontendServes(port, deadline, () => exited);
  }

  let supervising = false;
  /** The child died under us: restart it with backoff on the same data file, until it stays up or we stop. */
  async function supervise(): Promise<void> {
    if (!opts.supervise || supervising || !started) return;
    supervising = true;
    const { log, minBackoffMs = 500, maxBackoffMs = 30_000 } = opts.supervise;
    let backoff = minBackoffMs;
    try {
      while (!stopping) {
        log(`Temporal dev server (port ${port}) exited unexpectedly; restarting in ${backoff} ms on ${dbFile ?? 'memory'}.`);
        await new Promise((r) => setTimeout(r, backoff));
        if (stopping) return;
        try {
          await launch();
          restarts += 1;
          log(`Temporal dev server restarted (pid ${child.pid}, restart ${restarts}).`);
          return;
        } catch (err) {
          log(`Temporal dev server restart failed: ${err instanceof Error ? err.message : String(err)}`);
          backoff = Math.min(maxBackoffMs, backoff * 2);
        }
      }
    } finally {
      supervising = false;
    }
  }

  await launch();
  started = true;
  return {
    address: `127.0.0.1:${port}`,
    uiUrl: opts.ui === false ? undefined : `http://127.0.0.1:${uiPort}`,
    get pid() { return child.pid!; },
    get restarts() { return restarts; },
    async stop() {
      stopping = true;
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exitPromise;
        clearTimeout(timer);
      }
      if (opts.dataDir) rmSync(pidFileOf(opts.dataDir), { force: true });
    },
  };
}
