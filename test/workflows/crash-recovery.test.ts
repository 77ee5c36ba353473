// A worker killed during `assess`, after its transaction committed: the activity is retried on
// another worker and writes nothing twice. The database is shared over the Postgres wire protocol
// (PGlite behind pglite-socket), so the killed worker is a real separate process.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepSequencesTogether } from '../helpers/pg-wire-server.js';
import { openDatabase, type Database } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { createTemporalClient, notifyAccount, type AccountsClient } from '../../workflows/client.js';
import { createAccountWorker } from '../../workflows/worker.js';
import { accountWorkflowId, stateQuery } from '../../workflows/account/messages.js';
import { seedAccount, at } from '../helpers/seed.js';
import { eventually } from '../helpers/stack.js';
import { freePort } from '../../workflows/dev-server.js';

let pglite: PGlite;
let server: PGLiteSocketServer;
let db: Database;
let temporal: AccountsClient;
const taskQueue = `crash-${randomUUID()}`;
let url = '';

beforeAll(async () => {
  pglite = await PGlite.create('memory://', { extensions: { vector } });
  const port = await freePort();
  server = new PGLiteSocketServer({ db: pglite, port, host: '127.0.0.1', maxConnections: 16 });
  keepSequencesTogether(server);
  await server.start();
  url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  db = await openDatabase({ databaseUrl: url, dataDir: 'unused', poolSize: 2 });
  await migrate(db.pool);
  temporal = await createTemporalClient({ address: inject('temporalAddress'), namespace: 'default', taskQueue, debounceMs: 0 });
});
afterAll(async () => {
  await temporal?.close();
  await db?.close();
  await server?.stop();
  await pglite?.close();
});

describe('crash recovery', () => {
  it('a worker killed after assess committed: the retry writes nothing twice', async () => {
    const now = Date.now();
    await seedAccount(db.pool, { id: 'crash-acct', name: 'Globex', domains: ['globex.io'], stage: 'proposal', arr: 60000, contacts: [{ email: 'hank@globex.io', name: 'Hank', role: 'decision_maker' }] }, [
      { kind: 'email', occurredAt: at(now, -6), externalId: 'g1', from: { email: 'sam@ourco.com', name: 'Sam' }, to: [{ email: 'hank@globex.io' }], subject: 'Proposal', text: 'Attached is our proposal.' },
    ]);
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../helpers/crashing-worker.ts', import.meta.url))], {
      env: { ...process.env, DATABASE_URL: url, TEMPORAL_ADDRESS: inject('temporalAddress'), TASK_QUEUE: taskQueue },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    await eventually(async () => out.includes('ready'), 60_000).catch((e) => { console.log('CHILD OUT:', out); throw e; });
    await notifyAccount(temporal, { accountId: 'crash-acct' }, { reason: 'signals' });
    const exit = await new Promise<string | null>((res) => child.once('exit', (_code, signal) => res(signal)));
    expect(exit).toBe('SIGKILL');
    expect(out).toMatch(/committed /);
    const runKey = /committed (\S+)/.exec(out)![1];
    const count = async (sql: string) => (await db.pool.query(sql, ['crash-acct'])).rows[0].n as number;
    const recsBefore = await count(`select count(*)::int as n from recommendations where account_id = $1`);
    expect(recsBefore).toBeGreaterThan(0);

    // A healthy worker takes over; Temporal retries the activity after the heartbeat timeout.
    const { worker, connection } = await createAccountWorker({ address: inject('temporalAddress'), namespace: 'default', taskQueue, db: db.pool, ourDomains: ['ourco.com'] });
    const handle = temporal.client.workflow.getHandle(accountWorkflowId('crash-acct'));
    await worker.runUntil(eventually(async () => (await handle.query(stateQuery)).assessments >= 1, 60_000, 250));
    await connection.close();

    expect(await count(`select count(*)::int as n from assessments where account_id = $1`)).toBe(1);
    expect((await db.pool.query('select count(*)::int as n from assessments where run_key = $1', [runKey])).rows[0].n).toBe(1);
    expect(await count(`select count(*)::int as n from recommendations where account_id = $1`)).toBe(recsBefore);
    expect(await count(`select count(*)::int as n from memory_chunks where account_id = $1`)).toBe(1);
    const history = await handle.fetchHistory();
    const retried = history.events!.some((e) => (e.activityTaskStartedEventAttributes?.attempt ?? 1) > 1);
    expect(retried).toBe(true);
  }, 120_000);
});
