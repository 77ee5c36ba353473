// Production API process: `npm run start:api`. The only file besides start.ts that listens.
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { createTemporalClient } from '../workflows/client.js';
import { startSweeper } from '../workflows/sweeper.js';
import { startRetention } from '../workflows/retention.js';
import { ensureMemoryAnnIndex } from '../db/queries/memory.js';
import { appSettings, buildApp } from './app.js';

const config = loadConfig();
if (!config.temporal.address) {
  console.error('TEMPORAL_ADDRESS is required for a standalone API (npm start runs an embedded Temporal).');
  process.exit(1);
}
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
await migrate(db.pool);
await ensureMemoryAnnIndex(db.pool, config.memoryAnnIndex);
const temporal = await createTemporalClient({ ...config.temporal, address: config.temporal.address, debounceMs: config.debounceMs });
const app = await buildApp({ db: db.pool, temporal, ...appSettings(config) });
const sweeper = startSweeper({ db: db.pool, temporal, intervalMs: config.sweepIntervalMs, log: (m, err) => app.log.warn({ err }, m) });
const retention = config.retention.days ? startRetention({ db: db.pool, days: config.retention.days, intervalMs: config.retention.intervalMs, log: (m, err) => (err ? app.log.warn({ err }, m) : app.log.info(m)) }) : null;
await app.listen({ port: config.port, host: config.host });

async function shutdown() {
  await app.close();
  await sweeper.stop();
  await retention?.stop();
  await temporal.close();
  await db.close();
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void shutdown());
