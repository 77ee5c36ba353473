// Retention: signals that occurred before a cutoff are deleted with their memory chunks, in batches
// (each batch its own transaction, so a long purge never holds the database for long).
import type { Db } from '../connection.js';
import { withTransaction } from '../tx.js';
import { insertAudit } from './audit.js';

export interface PurgeResult { cutoff: string; signalsPurged: number; chunksPurged: number; accounts: number }

/** Deletes every signal with occurred_at before `cutoff`, and its memory chunks; audited when anything went (or when `alwaysAudit`). */
export async function purgeSignalsBefore(db: Db, cutoff: Date, opts: { batch?: number; actor?: string; alwaysAudit?: boolean } = {}): Promise<PurgeResult> {
  const batch = opts.batch ?? 1000;
  const result: PurgeResult = { cutoff: cutoff.toISOString(), signalsPurged: 0, chunksPurged: 0, accounts: 0 };
  const accounts = new Set<string>();
  for (;;) {
    const n = await withTransaction(db, async (tx) => {
      const { rows } = await tx.query('select id from signals where occurred_at < $1 order by occurred_at, id limit $2 for update', [result.cutoff, batch]);
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => String(r.id));
      const chunks = await tx.query('delete from memory_chunks where signal_id = any($1::text[])', [ids]);
      const gone = await tx.query('delete from signals where id = any($1::text[]) returning account_id', [ids]);
      for (const r of gone.rows) accounts.add(String(r.account_id));
      result.chunksPurged += chunks.rowCount ?? 0;
      result.signalsPurged += gone.rowCount ?? 0;
      return ids.length;
    });
    if (n < batch) break;
  }
  result.accounts = accounts.size;
  if (result.signalsPurged > 0 || opts.alwaysAudit) {
    await insertAudit(db, { actor: opts.actor ?? 'retention', action: 'retention.purge', entity: 'signals', details: { ...result } });
  }
  return result;
}
