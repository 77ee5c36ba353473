// The capacity check reads every account, not the first page: a fake API lists 2,500 accounts a
// page of 1,000 at a time, reorders them between passes (as the risk order does while assessments
// land) and holds one account on the last page unassessed for a while.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listAllAccounts, waitAllAssessed } from '../../evals/bench/accounts.js';

const ids = Array.from({ length: 2500 }, (_, i) => `acc-${i}`);
let server: Server | undefined;

afterEach(async () => { await new Promise((r) => server?.close(r)); server = undefined; });

async function fakeApi(opts: { lateId: string; assessedAfterListings: number; pendingUntilListing?: number; stableOrder?: boolean }) {
  let listings = 0;
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/v1/stats/signals') {
      const pending = listings < (opts.pendingUntilListing ?? 0) ? 3 : 0;
      res.end(JSON.stringify({ received: 10, pending, processed: 10 - pending }));
      return;
    }
    const limit = Number(url.searchParams.get('limit'));
    const offset = Number(url.searchParams.get('offset'));
    listings += 1;
    // Reversed on every other listing, so one pass can skip an account another pass shows.
    const order = !opts.stableOrder && listings % 2 === 0 ? [...ids].reverse() : ids;
    const page = order.slice(offset, offset + limit).map((id) => ({
      id, lastAssessedAt: id === opts.lateId && listings <= opts.assessedAfterListings ? null : '2026-12-01T00:00:00Z',
    }));
    res.end(JSON.stringify({ accounts: page }));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, listings: () => listings };
}

describe('benchmark accounts', () => {
  it('lists every page to the end', async () => {
    const api = await fakeApi({ lateId: 'none', assessedAfterListings: 0, stableOrder: true });
    const all = await listAllAccounts(api.url);
    expect(all).toHaveLength(2500);
    expect(new Set(all.map((a) => a.id)).size).toBe(2500);
  });

  it('waits for an account beyond the first page, and for pending signals', async () => {
    // acc-2400 sits on page 3 of the first pass; it is assessed only from the 7th page read on.
    const api = await fakeApi({ lateId: 'acc-2400', assessedAfterListings: 6, pendingUntilListing: 9 });
    await waitAllAssessed(api.url, ids, 60_000);
    expect(api.listings()).toBeGreaterThanOrEqual(9);
  }, 90_000);

  it('fails, naming the count, when an account never gets assessed', async () => {
    const api = await fakeApi({ lateId: 'acc-1999', assessedAfterListings: Number.POSITIVE_INFINITY });
    await expect(waitAllAssessed(api.url, ids, 2_500)).rejects.toThrow(/only 2499\/2500 accounts assessed/);
  }, 30_000);
});
