// Reading signals again after the perceiver changed (a new rules version, a switch to the llm
// perceiver, another model), like re-embedding after an embedder change. The new readings are
// stored and their signals put back to pending, so every affected account gets an assessment that
// uses them: at once when a Temporal client is given (its workflow is notified), else when the
// running product's sweeper finds the pending rows (within seconds of its start).
import type { AccountAgent, ReperceiveResult } from '../agents/index.js';
import type { Db } from '../db/connection.js';
import { getAccount } from '../db/queries/accounts.js';
import { notifyAccount, type AccountsClient } from './client.js';

export interface ReperceiveOptions {
  agent: AccountAgent;
  db: Db;
  /** One account; absent = all accounts. */
  accountId?: string;
  /** Notify each affected account's workflow now; absent = leave it to the sweeper. */
  temporal?: AccountsClient;
  log?: (msg: string) => void;
}

export interface ReperceiveReport extends ReperceiveResult {
  /** Accounts whose workflows were notified by this call. */
  notified: string[];
  /** Accounts that could not be notified (they stay pending; the sweeper retries). */
  notNotified: string[];
}

export async function reperceive(opts: ReperceiveOptions): Promise<ReperceiveReport> {
  const result = await opts.agent.reperceive({ accountId: opts.accountId });
  const notified: string[] = [];
  const notNotified: string[] = [];
  if (opts.temporal) {
    for (const accountId of result.accounts) {
      try {
        const account = await getAccount(opts.db, accountId);
        await notifyAccount(opts.temporal, { accountId, ownerId: account?.ownerId }, { reason: 'account_changed' });
        notified.push(accountId);
      } catch (err) {
        opts.log?.(`could not notify account ${accountId}: ${String(err)}`);
        notNotified.push(accountId);
      }
    }
  }
  return { ...result, notified, notNotified };
}
