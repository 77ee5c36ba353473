// GET /v1/stats/signals: the counters move as signals arrive and as the agents process them.
// Rows written straight to the database stay pending (nothing signals their workflow, and the
// sweeper waits five seconds), which is how the pending count is observed honestly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, auth, eventually, uniqueId } from '../helpers/stack.js';
import type { Stack } from '../../stack.js';
import { insertAccount } from '../../db/queries/accounts.js';
import { insertSignals } from '../../db/queries/signals.js';
import { SignalInput } from '../../agents/signals/schema.js';

let stack: Stack;
let repToken = '';
beforeAll(async () => {
  stack = await startTestStack();
  const res = await stack.app.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { id: 'sam', name: 'Sam', role: 'rep' } });
  repToken = res.json().token;
});
afterAll(async () => { await stack?.stop(); });

interface Stats { received: number; pending: number; processed: number }
async function stats(): Promise<Stats> {
  const res = await stack.app.inject({ method: 'GET', url: '/v1/stats/signals', headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const note = (i: number) => ({ kind: 'note', occurredAt: new Date(Date.now() - i * 60_000).toISOString(), externalId: `n-${i}`, source: 'crm', text: `Call notes ${i}: they asked about the rollout plan.` });

describe('GET /v1/stats/signals', () => {
  it('counts received, pending and processed as signals arrive and are processed', async () => {
    expect(await stats()).toEqual({ received: 0, pending: 0, processed: 0 });

    const id = uniqueId('stats');
    await insertAccount(stack.database.pool, { id, name: 'Initech', domains: ['initech.com'], stage: 'discovery', ownerId: 'sam' });
    await insertSignals(stack.database.pool, id, [note(1), note(2), note(3)].map((s) => SignalInput.parse(s)));
    expect(await stats()).toEqual({ received: 3, pending: 3, processed: 0 });

    // Two more over HTTP: the post signals the workflow, which takes every pending row of the account.
    const posted = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: [note(4), note(5)] });
    expect(posted.statusCode, posted.body).toBe(202);
    const after = await stats();
    expect(after.received).toBe(5);
    expect(after.pending + after.processed).toBe(5);
    expect(await eventually(async () => { const s = await stats(); return s.processed === 5 && s; }, 60_000, 200))
      .toEqual({ received: 5, pending: 0, processed: 5 });

    // A duplicate delivery is not a new signal.
    await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: [note(5)] });
    expect(await stats()).toEqual({ received: 5, pending: 0, processed: 5 });
  }, 90_000);

  it('is for admins only', async () => {
    const rep = await stack.app.inject({ method: 'GET', url: '/v1/stats/signals', headers: { authorization: `Bearer ${repToken}` } });
    expect(rep.statusCode).toBe(403);
    const none = await stack.app.inject({ method: 'GET', url: '/v1/stats/signals' });
    expect(none.statusCode).toBe(401);
  });
});
