// Production worker process: `npm run start:worker` (scale out with more of these).
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { createAccountWorker } from './worker.js';
import { createTemporalClient } from './client.js';
import { ensureBriefSchedules } from './schedules.js';

const config = loadConfig();
if (!config.temporal.address) {
  console.error('TEMPORAL_ADDRESS is required for a standalone worker (npm start runs an embedded one).');
  process.exit(1);
}
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
await migrate(db.pool);
const { worker, connection } = await createAccountWorker({
  address: config.temporal.address, namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue,
  db: db.pool, ourDomains: config.ourDomains, models: config, workflowCacheSize: config.workflowCacheSize, actions: config.actions, briefDefaults: config.briefs,
  log: (m, extra) => console.warn(m, extra ?? ''),
});
// Every CSM's daily brief schedule, created or brought up to date on each worker start (idempotent):
// a CSM added while Temporal was unreachable gets theirs here.
const temporal = await createTemporalClient({ ...config.temporal, address: config.temporal.address, debounceMs: config.debounceMs });
await ensureBriefSchedules(temporal, db.pool, config.briefs).catch((err) => console.warn(`Brief schedules not ensured: ${(err as Error).message}`));
await temporal.close();
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => worker.shutdown());
await worker.run();
await connection.close();
await db.close();
