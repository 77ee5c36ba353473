// Nothing is lost between the database and Temporal: any account whose signals stay pending longer
// than `staleMs` (a failed notify, a crash between insert and signal) is signalled again.
import type { Db } from '../db/connection.js';
import { listAccountsWithStalePending } from '../db/queries/signals.js';
import { getAccount } from '../db/queries/accounts.js';
import { notifyAccount, type AccountsClient } from './client.js';

export interface SweeperOptions { db: Db; temporal: AccountsClient; intervalMs: number; staleMs?: number; log?: (msg: string, err?: unknown) => void }

export async function sweepOnce(opts: SweeperOptions): Promise<number> {
  const ids = await listAccountsWithStalePending(opts.db, opts.staleMs ?? 5000);
  let signalled = 0;
  for (const id of ids) {
    const account = await getAccount(opts.db, id);
    try {
      await notifyAccount(opts.temporal, { accountId: id, ownerId: account?.ownerId }, { reason: 'sweep' });
      signalled += 1;
    } catch (err) {
      opts.log?.(`sweeper could not signal account ${id}`, err);
    }
  }
  return signalled;
}

export function startSweeper(opts: SweeperOptions): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = sweepOnce(opts).catch((err) => opts.log?.('sweep failed', err));
  }, opts.intervalMs);
  timer.unref();
  return { async stop() { clearInterval(timer); await running; } };
}
