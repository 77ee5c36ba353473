// Nothing is lost between the database and Temporal. The API first runs while Temporal is
// unreachable (its client points at a closed port): the account and its signals are stored, the
// notification fails, and the request still answers promptly. Then Temporal is back (the real
// client, a worker, the sweeper): the pending rows are re-signalled and processed.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { freshDatabase } from '../helpers/db.js';
import { ADMIN_TOKEN, auth, eventually, uniqueId } from '../helpers/stack.js';
import type { Database } from '../../db/connection.js';
import { buildApp } from '../../api/app.js';
import { createTemporalClient, type AccountsClient } from '../../workflows/client.js';
import { createAccountWorker } from '../../workflows/worker.js';
import { startSweeper, sweepOnce } from '../../workflows/sweeper.js';
import { freePort } from '../../workflows/dev-server.js';
import { accountWorkflowId } from '../../workflows/account/messages.js';

const taskQueue = `sweeper-${randomUUID()}`;
let db: Database;
let down: AccountsClient;
let up: AccountsClient;
let app: FastifyInstance;

beforeAll(async () => {
  db = await freshDatabase();
  // A port nobody listens on: every call fails as it would with Temporal down.
  const address = `127.0.0.1:${await freePort()}`;
  const connection = Connection.lazy({ address, connectTimeout: 1000 });
  down = { client: new Client({ connection, namespace: 'default' }), settings: { address, namespace: 'default', taskQueue, debounceMs: 100 }, close: () => connection.close() };
  up = await createTemporalClient({ address: inject('temporalAddress'), namespace: 'default', taskQueue, debounceMs: 100 });
  app = await buildApp({ db: db.pool, temporal: down, adminToken: ADMIN_TOKEN, ourDomains: ['ourco.com'], logLevel: 'silent' });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await down?.close().catch(() => {});
  await up?.close();
  await db?.close();
});

const pendingOf = async (id: string) =>
  (await db.pool.query(`select count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'processed')::int as processed from signals where account_id = $1`, [id])).rows[0] as { pending: number; processed: number };

describe('the sweeper', () => {
  it('re-signals the pending rows of an account once Temporal is back, and they are processed once', async () => {
    const id = uniqueId('outage');
    const t0 = Date.now();
    const created = await app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: {
      id, name: 'Globex', domains: ['globex.io'], stage: 'proposal',
      contacts: [{ email: 'hank@globex.io', name: 'Hank Scorpio', role: 'decision_maker' }],
    } });
    expect(created.statusCode, created.body).toBe(201);
    const posted = await app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: [
      { kind: 'email', occurredAt: new Date(Date.now() - 6 * 86_400_000).toISOString(), externalId: 'p-1', from: { email: 'sam@ourco.com' }, to: [{ email: 'hank@globex.io' }], subject: 'Proposal', text: 'Hi Hank, attached is our proposal.' },
      { kind: 'note', occurredAt: new Date(Date.now() - 86_400_000).toISOString(), externalId: 'n-1', text: 'Hank is travelling this week.' },
    ] });
    expect(posted.statusCode, posted.body).toBe(202);
    // Both requests answered although neither could reach Temporal (the notification is bounded).
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(await pendingOf(id)).toEqual({ pending: 2, processed: 0 });
    const handle = up.client.workflow.getHandle(accountWorkflowId(id));
    await expect(handle.describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

    // Temporal is back. Rows younger than the sweeper's threshold are left to their own notification.
    expect(await sweepOnce({ db: db.pool, temporal: up, intervalMs: 0, staleMs: 600_000 })).toBe(0);
    await expect(handle.describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

    const { worker, connection } = await createAccountWorker({ address: inject('temporalAddress'), namespace: 'default', taskQueue, db: db.pool, ourDomains: ['ourco.com'] });
    const sweeper = startSweeper({ db: db.pool, temporal: up, intervalMs: 250, staleMs: 1000 });
    try {
      await worker.runUntil(eventually(async () => (await pendingOf(id)).processed === 2, 60_000, 200));
    } finally {
      await sweeper.stop();
      await connection.close();
    }
    expect(await pendingOf(id)).toEqual({ pending: 0, processed: 2 });
    expect((await handle.describe()).status.name).toBe('RUNNING');
    const { rows } = await db.pool.query('select count(*)::int as n from assessments where account_id = $1', [id]);
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
    const history = await handle.fetchHistory();
    expect(history.events!.filter((e) => e.workflowExecutionSignaledEventAttributes).length).toBeGreaterThanOrEqual(1);
    // Nothing left to sweep.
    expect(await sweepOnce({ db: db.pool, temporal: up, intervalMs: 0, staleMs: 0 })).toBe(0);
  }, 120_000);
});
