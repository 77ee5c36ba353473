// An import cut off part-way (the upload or the process dies after some batches were committed)
// leaves nothing a re-run cannot complete: running the same file again stores the rest, doubles
// nothing (items without an external id get a content key), and says what was stored and what was
// a duplicate. Contacts are written in the same transaction as the signals that name them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, uniqueId } from '../helpers/stack.js';
import type { Stack } from '../../stack.js';
import { insertAccount } from '../../db/queries/accounts.js';
import { createIngest } from '../../api/ingest.js';
import { SignalInput } from '../../agents/signals/schema.js';
import type { ParseResult } from '../../agents/signals/parsers/types.js';

let stack: Stack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack?.stop(); });

const N = 600;
/** One parsed file: N emails without external ids (as an mbox without Message-IDs), 60 contacts among them. */
function file(account: string): ParseResult[] {
  const base = Date.parse('2026-10-01T09:00:00Z');
  return Array.from({ length: N / 50 }, (_, chunk) => ({
    rejected: chunk === 0 ? [{ position: 'message 0', reason: 'no Date header' }] : [],
    contacts: Array.from({ length: 5 }, (_, k) => ({ email: `person${chunk * 5 + k}@${account}.example`, name: `Person ${chunk * 5 + k}` })),
    items: Array.from({ length: 50 }, (_, k) => {
      const i = chunk * 50 + k;
      return { signal: SignalInput.parse({
        kind: 'email', occurredAt: new Date(base + i * 60_000).toISOString(), source: 'mbox',
        from: { email: `person${i % 60}@${account}.example` }, to: [{ email: 'rep@ourco.com' }], subject: `Thread ${i}`, text: `Message ${i} about the rollout.`,
      }) };
    }),
  }));
}

/** The same file, cut off after `after` parse chunks (as a dropped connection or a killed process). */
async function* cutOff(results: ParseResult[], after: number): AsyncGenerator<ParseResult> {
  for (const [i, r] of results.entries()) {
    if (i === after) throw new Error('connection reset by peer');
    yield r;
  }
}

const count = async (sql: string, id: string) => (await stack.database.pool.query(sql, [id])).rows[0].n as number;

describe('an interrupted import', () => {
  it('is completed by running the same file again, nothing doubled', async () => {
    const id = uniqueId('imp');
    await insertAccount(stack.database.pool, { id, name: 'Halvorsen Freight', domains: [`${id}.example`], stage: 'customer' });
    const ingest = createIngest({ db: stack.database.pool, temporal: stack.temporal, ourDomains: ['ourco.com'] });

    // 11 of 12 chunks arrive (550 items): two batches of 250 are committed, the third is not.
    await expect(ingest(cutOff(file(id), 11), { accountId: id })).rejects.toThrow('connection reset');
    const partial = await count('select count(*)::int as n from signals where account_id = $1', id);
    const partialContacts = await count('select count(*)::int as n from contacts where account_id = $1', id);
    expect(partial).toBe(500);
    // Contacts travel with their batch: those seen before the committed batches are in, no others.
    expect(partialContacts).toBeGreaterThan(0);
    expect(partialContacts).toBeLessThanOrEqual(55);

    const rerun = await ingest(file(id), { accountId: id });
    expect(rerun).toMatchObject({ stored: N - 500, duplicates: 500, rejected: [{ position: 'message 0', reason: 'no Date header' }] });
    expect(await count('select count(*)::int as n from signals where account_id = $1', id)).toBe(N);
    expect(await count('select count(distinct external_id)::int as n from signals where account_id = $1', id)).toBe(N);
    expect(await count('select count(*)::int as n from contacts where account_id = $1', id)).toBe(60);

    const third = await ingest(file(id), { accountId: id });
    expect(third).toMatchObject({ stored: 0, duplicates: N });
    expect(await count('select count(*)::int as n from signals where account_id = $1', id)).toBe(N);
    console.log(`[reliability] import cut after 550 of ${N}: ${partial} stored; re-run stored ${rerun.stored}, duplicates ${rerun.duplicates}; third run stored ${third.stored}`);
  }, 180_000);
});
