// Retention (RETENTION_DAYS): signals older than that many days are purged with their memory chunks,
// once at start and then every `intervalMs` (hourly by default), beside the sweeper in the process
// that runs it (npm start, npm run start:api); `npm run purge` does the same on demand. Deleting by
// age is idempotent, so two API processes purging at once do no harm. Accounts are not reassessed for
// it: their next assessment (a new signal, a wake-up) works from what is left.
import type { Db } from '../db/connection.js';
import { purgeSignalsBefore, type PurgeResult } from '../db/queries/retention.js';

export interface RetentionOptions { db: Db; days: number; intervalMs: number; log?: (msg: string, err?: unknown) => void }

export const retentionCutoff = (days: number, now = Date.now()) => new Date(now - days * 86_400_000);

export function purgeExpired(db: Db, days: number, opts: { actor?: string; alwaysAudit?: boolean } = {}): Promise<PurgeResult> {
  return purgeSignalsBefore(db, retentionCutoff(days), opts);
}

export function startRetention(opts: RetentionOptions): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = purgeExpired(opts.db, opts.days)
      .then((r) => { if (r.signalsPurged > 0) opts.log?.(`retention: purged ${r.signalsPurged} signals and ${r.chunksPurged} memory chunks older than ${r.cutoff} (${r.accounts} accounts)`); })
      .catch((err) => opts.log?.('retention purge failed', err));
  };
  run();
  const timer = setInterval(run, opts.intervalMs);
  timer.unref();
  return { async stop() { clearInterval(timer); await running; } };
}
