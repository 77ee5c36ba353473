// The whole product in one process (the embedded default): database, Temporal (a dev-server child
// unless TEMPORAL_ADDRESS is set), the worker, the sweeper and the API. Used by `npm start` and by
// integration tests, which pass an in-memory database and the shared test dev server.
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { startDevServer, type DevServer } from './workflows/dev-server.js';
import { findOrBuildTemporalCli } from './workflows/temporal-cli.js';
import { createTemporalClient, type AccountsClient } from './workflows/client.js';
import { createAccountWorker } from './workflows/worker.js';
import { startSweeper } from './workflows/sweeper.js';
import { startRetention } from './workflows/retention.js';
import { ensureMemoryAnnIndex } from './db/queries/memory.js';
import { ensureBriefSchedules } from './workflows/schedules.js';
import { appSettings, buildApp } from './api/app.js';

export interface Stack {
  url: string;
  app: FastifyInstance;
  database: Database;
  temporal: AccountsClient;
  devServer?: DevServer;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Listen on this port (0: any free port). */
  listen?: boolean;
  log?: (msg: string) => void;
  /**
   * Replaying scenarios in this process (evals' --e2e) only: the moment each account is assessed
   * and answered as of (undefined: the workflow's clock). Not configurable from the environment.
   */
  replayAt?: (accountId: string) => string | undefined;
}

export async function startStack(config: Config, opts: StackOptions = {}): Promise<Stack> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const stops: Array<() => Promise<unknown>> = [];
  const stopAll = async () => { for (const s of stops.reverse()) await s().catch((err) => console.error(err)); };
  try {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
    stops.push(() => database.close());
    await migrate(database.pool);
    await ensureMemoryAnnIndex(database.pool, config.memoryAnnIndex);

    let address = config.temporal.address;
    let devServer: DevServer | undefined;
    if (!address) {
      const cliPath = findOrBuildTemporalCli(config.temporal.cliPath);
      if (!cliPath) throw new Error('No Temporal CLI found or buildable: set TEMPORAL_CLI_PATH or TEMPORAL_ADDRESS (see README).');
      devServer = await startDevServer({
        // An in-memory database gets an in-memory Temporal too (no files under a "memory:" folder).
        cliPath, dataDir: config.dataDir === 'memory://' ? undefined : config.dataDir, port: config.temporal.port, uiPort: config.temporal.uiPort, namespace: config.temporal.namespace,
        // The product's own child: restarted with backoff if it dies; an orphan of a killed product is stopped first.
        supervise: { log },
      });
      stops.push(() => devServer!.stop());
      address = devServer.address;
      log(`Temporal dev server at ${address} (UI ${devServer.uiUrl})`);
    }

    const temporal = await createTemporalClient({ ...config.temporal, address, debounceMs: config.debounceMs });
    stops.push(() => temporal.close());

    const { worker, connection } = await createAccountWorker({
      address, namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue, db: database.pool, ourDomains: config.ourDomains, models: config, workflowCacheSize: config.workflowCacheSize, replayAt: opts.replayAt, actions: config.actions, briefDefaults: config.briefs,
      log: (m, extra) => console.warn(m, extra ?? ''),
    });
    const running = worker.run();
    stops.push(async () => { if (worker.getState() === 'RUNNING') worker.shutdown(); await running; await connection.close(); });
    // Every CSM's daily brief schedule (brief:<csmId>), created or brought up to date; idempotent.
    await ensureBriefSchedules(temporal, database.pool, config.briefs).catch((err) => log(`Brief schedules not ensured: ${(err as Error).message}`));

    const app = await buildApp({ db: database.pool, temporal, ...appSettings(config) });
    stops.push(() => app.close());
    const sweeper = startSweeper({ db: database.pool, temporal, intervalMs: config.sweepIntervalMs, log: (m, err) => app.log.warn({ err }, m) });
    stops.push(() => sweeper.stop());
    if (config.retention.days) {
      const retention = startRetention({ db: database.pool, days: config.retention.days, intervalMs: config.retention.intervalMs, log: (m, err) => (err ? app.log.warn({ err }, m) : app.log.info(m)) });
      stops.push(() => retention.stop());
    }

    let url = '';
    if (opts.listen !== false) url = await app.listen({ port: config.port, host: config.host });
    else await app.ready();
    return { url, app, database, temporal, devServer, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
