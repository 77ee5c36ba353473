// The production split scaled out, as separate real processes: a Postgres wire-protocol server
// (PGlite with pgvector behind pglite-socket, several client connections), the API
// (`npm run start:api`) and two workers (`npm run start:worker`) on one task queue of the shared
// Temporal dev server. Every account is processed, none twice; SIGTERM on a worker that has an
// activity in flight drains it: the worker stops polling, the activity finishes (or is handed back
// and completed by the other worker), and the process exits by itself.
// SCALE_ACCOUNTS (default 8) sets the number of accounts; the full run is SCALE_ACCOUNTS=40.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '../../db/connection.js';
import { createTemporalClient, type AccountsClient } from '../../workflows/client.js';
import { accountWorkflowId } from '../../workflows/account/messages.js';
import {
  activityPollers, api, dumpProcesses, exitWithin, splitEnv, startApi, startPgServer, startWorker, stopProcess, until, type NodeProcess,
} from './product.js';

const ACCOUNTS = Number(process.env.SCALE_ACCOUNTS ?? 8);
const run = randomUUID().slice(0, 6);
const taskQueue = `scale-out-${run}`;
const accounts = Array.from({ length: ACCOUNTS }, (_, i) => `scale-${i}-${run}`);

let pgServer: NodeProcess & { databaseUrl: string };
let apiProc: NodeProcess;
let workers: NodeProcess[] = [];
let db: Database;
let temporal: AccountsClient;
let env: Record<string, string>;

beforeAll(async () => {
  pgServer = await startPgServer();
  env = splitEnv({ databaseUrl: pgServer.databaseUrl, temporalAddress: inject('temporalAddress'), taskQueue });
  apiProc = await startApi(env);
  temporal = await createTemporalClient({ address: inject('temporalAddress'), namespace: 'default', taskQueue });
  const pollers = () => activityPollers(temporal.client, taskQueue);
  workers = [await startWorker(env, pollers, 'worker-1'), await startWorker(env, pollers, 'worker-2')];
  db = await openDatabase({ databaseUrl: pgServer.databaseUrl, dataDir: 'unused', poolSize: 2 });
}, 300_000);

// A failed test prints what each process said.
beforeEach((ctx) => { ctx.onTestFailed(() => dumpProcesses([apiProc, ...workers, pgServer])); });

afterAll(async () => {
  for (const w of workers) await stopProcess(w);
  await stopProcess(apiProc);
  await db?.close();
  await temporal?.close();
  await stopProcess(pgServer);
}, 120_000);

const call = (path: string, init: RequestInit = {}) => api(apiProc, path, init);
const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await db.pool.query(sql, params)).rows as T[];
let seq = 0;
const email = (account: string) => {
  const n = seq++;
  return {
    kind: 'email', occurredAt: new Date(Date.now() - 3_600_000 + n).toISOString(), externalId: `<s${n}.${account}@${account}.io>`,
    from: { email: `hank@${account}.io`, name: 'Hank Hill' }, to: [{ email: 'sam@ourco.com' }],
    subject: `Question ${n}`, text: `Hi Sam, question ${n}: can you send the revised pricing for the rollout?`,
  };
};

/** Which worker (by pid) completed each activity, from the account workflows' histories. */
async function completedBy(): Promise<Map<string, number>> {
  const byPid = new Map<string, number>();
  for (const a of accounts) {
    const history = await temporal.client.workflow.getHandle(accountWorkflowId(a)).fetchHistory();
    for (const e of history.events ?? []) {
      const identity = e.activityTaskCompletedEventAttributes?.identity;
      if (identity) byPid.set(identity.split('@')[0], (byPid.get(identity.split('@')[0]) ?? 0) + 1);
    }
  }
  return byPid;
}

async function duplicates(): Promise<{ runs: number; recs: number; open: number }> {
  const [runs] = await q<{ n: number }>(`select count(*)::int as n from (select run_key from assessments where account_id = any($1) group by run_key having count(*) > 1) d`, [accounts]);
  const [recs] = await q<{ n: number }>(`select count(*)::int as n from (select 1 from recommendations where account_id = any($1) group by assessment_id, kind, target having count(*) > 1) d`, [accounts]);
  const [open] = await q<{ n: number }>(`select count(*)::int as n from (select 1 from recommendations where account_id = any($1) and status in ('proposed', 'snoozed') group by account_id, kind, target having count(*) > 1) d`, [accounts]);
  return { runs: runs.n, recs: recs.n, open: open.n };
}

/** Per account: assessment rows, the runs its workflow counted, signals still pending. */
async function perAccount(): Promise<Array<{ account: string; rows: number; runs: number; pending: number }>> {
  const out = [];
  for (const a of accounts) {
    const state = (await (await call(`/v1/accounts/${a}`)).json()).agent?.state;
    const [{ rows, pending }] = await q<{ rows: number; pending: number }>(
      `select (select count(*)::int from assessments where account_id = $1) as rows, (select count(*)::int from signals where account_id = $1 and status = 'pending') as pending`, [a]);
    out.push({ account: a, rows, runs: state?.assessments ?? -1, pending });
  }
  return out;
}

describe(`two workers and an API apart, ${ACCOUNTS} accounts`, () => {
  it('processes every account, none twice, with both workers taking work', async () => {
    const t0 = performance.now();
    for (const a of accounts) {
      const res = await call('/v1/accounts', { method: 'POST', body: JSON.stringify({ id: a, name: a, domains: [`${a}.io`], stage: 'negotiation', contacts: [{ email: `hank@${a}.io`, name: 'Hank Hill' }] }) });
      expect(res.status, await res.text()).toBe(201);
    }
    const accepted = await Promise.all(accounts.map(async (a) => {
      const res = await call(`/v1/accounts/${a}/signals`, { method: 'POST', body: JSON.stringify([email(a), email(a), email(a)]) });
      return res.status;
    }));
    expect(accepted.every((s) => s === 202)).toBe(true);
    const settled = await until('every account assessed, nothing pending', async () => {
      const rows = await perAccount();
      return rows.every((r) => r.pending === 0 && r.rows >= 1 && r.runs === r.rows) ? rows : null;
    }, 600_000, 1000);
    const seconds = (performance.now() - t0) / 1000;
    const dup = await duplicates();
    const byPid = await completedBy();
    const pids = workers.map((w) => String(w.child.pid));
    const connections = Math.max(0, ...[...pgServer.output().matchAll(/connections (\d+)/g)].map((m) => Number(m[1])));
    console.log(`[reliability] scale-out: ${ACCOUNTS} accounts processed in ${seconds.toFixed(1)} s by 2 workers; activities completed per worker ${pids.map((p) => byPid.get(p) ?? 0).join(' / ')}; ` +
      `assessment rows ${settled.reduce((s, r) => s + r.rows, 0)} = runs counted ${settled.reduce((s, r) => s + r.runs, 0)}; duplicates ${JSON.stringify(dup)}; at most ${connections} client connections open at once on the wire server`);
    expect(dup).toEqual({ runs: 0, recs: 0, open: 0 });
    for (const p of pids) expect(byPid.get(p) ?? 0, `activities completed by worker pid ${p}`).toBeGreaterThan(0);
    expect(connections).toBeGreaterThanOrEqual(4); // the API, both workers and this test each hold their own
  }, 900_000);

  it('SIGTERM on a worker with an activity in flight drains it and exits; the other worker carries on', async () => {
    const [w1, w2] = workers;
    const prefix = `${w1.child.pid}@`;
    // Bursts until worker 1 has an activity running (checked in the account workflows' pending activities).
    let inFlight: { account: string; activity: string; scheduledEventId: string } | undefined;
    for (let attempt = 0; attempt < 40 && !inFlight; attempt++) {
      await Promise.all(accounts.map((a) => call(`/v1/accounts/${a}/signals`, { method: 'POST', body: JSON.stringify([email(a)]) })));
      const until2 = Date.now() + 4000;
      while (!inFlight && Date.now() < until2) {
        for (const a of accounts) {
          const d = await temporal.client.workflow.getHandle(accountWorkflowId(a)).describe();
          const p = (d.raw.pendingActivities ?? []).find((x) => x.lastWorkerIdentity?.startsWith(prefix) && (String(x.state) === '2' || String(x.state).endsWith('STARTED')));
          if (p) { inFlight = { account: a, activity: p.activityType?.name ?? '?', scheduledEventId: String(p.activityId) }; break; }
        }
      }
    }
    expect(inFlight, 'worker 1 never had an activity in flight').toBeDefined();
    const t = performance.now();
    w1.child.kill('SIGTERM');
    const exit = await exitWithin(w1, 120_000);
    const drainMs = performance.now() - t;
    expect(exit).toBe(0);

    // The activity that was running: finished by worker 1 (drained), or by worker 2 after a handback.
    const history = await temporal.client.workflow.getHandle(accountWorkflowId(inFlight!.account)).fetchHistory();
    const scheduled = (history.events ?? []).find((e) => e.activityTaskScheduledEventAttributes?.activityId === inFlight!.scheduledEventId);
    const scheduledId = String(scheduled?.eventId);
    const events = (history.events ?? []).filter((e) => [
      e.activityTaskStartedEventAttributes?.scheduledEventId, e.activityTaskCompletedEventAttributes?.scheduledEventId,
      e.activityTaskFailedEventAttributes?.scheduledEventId, e.activityTaskTimedOutEventAttributes?.scheduledEventId,
    ].some((id) => id != null && String(id) === scheduledId));
    const outcome = await until(`the ${inFlight!.activity} activity closed`, async () => {
      const h = await temporal.client.workflow.getHandle(accountWorkflowId(inFlight!.account)).fetchHistory();
      const done = (h.events ?? []).find((e) => String(e.activityTaskCompletedEventAttributes?.scheduledEventId) === scheduledId);
      return done ? done.activityTaskCompletedEventAttributes!.identity ?? '?' : null;
    }, 180_000, 1000);
    const finishedBy = outcome.startsWith(prefix) ? 'worker 1 (drained before exit)' : `worker 2 (handed back: ${events.map((e) => e.eventType).join(', ')})`;

    // Everything still gets done by the remaining worker, once each.
    await Promise.all(accounts.map((a) => call(`/v1/accounts/${a}/signals`, { method: 'POST', body: JSON.stringify([email(a)]) })));
    await until('every account settled after the SIGTERM', async () => {
      const rows = await perAccount();
      return rows.every((r) => r.pending === 0 && r.runs === r.rows);
    }, 600_000, 1000);
    const dup = await duplicates();
    console.log(`[reliability] scale-out SIGTERM: worker 1 had ${inFlight!.activity} in flight on ${inFlight!.account.replace(run, '…')}; exited ${exit} after ${(drainMs / 1000).toFixed(1)} s; ` +
      `the activity was completed by ${finishedBy}; afterwards duplicates ${JSON.stringify(dup)}`);
    expect(dup).toEqual({ runs: 0, recs: 0, open: 0 });
    expect(w2.child.exitCode).toBeNull();
  }, 900_000);
});
