// `npm run purge [-- --days N]`: deletes the signals older than RETENTION_DAYS (or N days) with their
// memory chunks, and writes how many to the audit log (also when none). Embedded database (DATA_DIR):
// run it while the product is stopped (one process owns the files); with DATABASE_URL, any time.
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { purgeExpired } from './retention.js';

const USAGE = 'usage: npm run purge [-- --days N]   (default: RETENTION_DAYS)';

function parseDays(argv: string[], fallback: number | undefined): number {
  let days = fallback;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--days' && /^\d+$/.test(argv[i + 1] ?? '') && Number(argv[i + 1]) >= 1) days = Number(argv[++i]);
    else throw new Error(`unknown or invalid argument ${argv[i]}\n${USAGE}`);
  }
  if (!days) throw new Error(`no retention period: set RETENTION_DAYS or pass --days N\n${USAGE}`);
  return days;
}

const config = loadConfig();
let days: number;
try {
  days = parseDays(process.argv.slice(2), config.retention.days);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
try {
  await migrate(db.pool);
  const started = Date.now();
  const r = await purgeExpired(db.pool, days, { actor: 'npm run purge', alwaysAudit: true });
  console.log(`purged ${r.signalsPurged} signals and ${r.chunksPurged} memory chunks older than ${r.cutoff} (${r.accounts} accounts) in ${Date.now() - started} ms`);
} finally {
  await db.close();
}
