// The worker killed for real, again and again, while signals keep arriving. Separate processes: a
// Postgres wire-protocol server (PGlite behind pglite-socket), the API (`npm run start:api`), one
// worker (`npm run start:worker`), the shared Temporal dev server and a slow SMTP listener here.
// Each loop SIGKILLs the worker once at a random moment while accounts are being assessed, and once
// while an approved email is being sent (half of these at the worst moment: the listener holds the
// whole message and has not answered yet), then starts a new worker. Afterwards: every signal
// answered 202 is stored once and processed, and no assessment, recommendation, task or email
// exists twice (emails counted by their idempotency key, the Message-ID).
// FAULT_LOOPS (default 2) sets the number of loops; the full run is FAULT_LOOPS=20.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '../../db/connection.js';
import { createTemporalClient, type AccountsClient } from '../../workflows/client.js';
import { accountWorkflowId } from '../../workflows/account/messages.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import {
  activityPollers, api, dumpProcesses, splitEnv, startApi, startPgServer, startWorker, stopProcess, until, type NodeProcess,
} from './product.js';

const LOOPS = Number(process.env.FAULT_LOOPS ?? 2);
const DAY = 86_400_000;
const run = randomUUID().slice(0, 6);
const taskQueue = `worker-kill-${run}`;

let pgServer: NodeProcess & { databaseUrl: string };
let apiProc: NodeProcess;
let worker: NodeProcess;
let smtp: TestSmtp;
let db: Database;
let temporal: AccountsClient;
let env: Record<string, string>;
/** Set during a send: kill the worker when the listener has this Message-ID's message in hand. */
let killOnMessage: { messageId: string; kill: () => void } | undefined;

beforeAll(async () => {
  pgServer = await startPgServer();
  smtp = await startTestSmtp({ acceptDelayMs: 400, onMessage: (raw) => {
    // Only the approval under test: a retry of an earlier send (a redelivery) must not trigger it.
    if (killOnMessage && raw.includes(killOnMessage.messageId)) { const k = killOnMessage; killOnMessage = undefined; k.kill(); }
  } });
  env = splitEnv({ databaseUrl: pgServer.databaseUrl, temporalAddress: inject('temporalAddress'), taskQueue, extra: { SMTP_URL: smtp.url, MAIL_FROM: 'sam@ourco.com' } });
  apiProc = await startApi(env);
  temporal = await createTemporalClient({ address: inject('temporalAddress'), namespace: 'default', taskQueue });
  worker = await startWorker(env, () => activityPollers(temporal.client, taskQueue));
  db = await openDatabase({ databaseUrl: pgServer.databaseUrl, dataDir: 'unused', poolSize: 2 });
}, 300_000);

// A failed test prints what each process said.
beforeEach((ctx) => { ctx.onTestFailed(() => dumpProcesses([apiProc, worker, pgServer])); });

afterAll(async () => {
  killOnMessage = undefined;
  await stopProcess(worker);
  await stopProcess(apiProc);
  await db?.close();
  await temporal?.close();
  await smtp?.stop();
  await stopProcess(pgServer);
}, 120_000);

const call = (path: string, init: RequestInit = {}) => api(apiProc, path, init);
const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await db.pool.query(sql, params)).rows as T[];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo));

async function createAccount(id: string, name: string): Promise<void> {
  const res = await call('/v1/accounts', { method: 'POST', body: JSON.stringify({
    id, name, domains: [`${id}.io`], stage: 'negotiation', arr: 50_000,
    contacts: [{ email: `hank@${id}.io`, name: 'Hank Hill', title: 'VP Operations', role: 'decision_maker' }],
  }) });
  expect(res.status, await res.text()).toBe(201);
}

const question = (account: string, n: number, daysAgo = 0) => ({
  kind: 'email', occurredAt: new Date(Date.now() - daysAgo * DAY - 60_000).toISOString(), externalId: `<q${n}.${account}@${account}.io>`,
  from: { email: `hank@${account}.io`, name: 'Hank Hill' }, to: [{ email: 'sam@ourco.com', name: 'Sam Patel' }],
  subject: `Pricing question ${n}`, text: `Hi Sam, can you send the revised pricing for ${100 + n} seats? We need it for the budget meeting.`,
});

// Signals answered 202 (external id → account), and anything else the API answered.
const accepted = new Map<string, string>();
const refused: string[] = [];
async function post(account: string, signals: Array<ReturnType<typeof question>>): Promise<void> {
  const res = await call(`/v1/accounts/${account}/signals`, { method: 'POST', body: JSON.stringify(signals) });
  if (res.status === 202) for (const s of signals) accepted.set(s.externalId, account);
  else refused.push(`${res.status} ${await res.text()}`);
}

/** Activities the killed worker had started and not finished (they stay STARTED until their heartbeat times out). */
async function inFlight(accounts: string[], identity: string): Promise<string[]> {
  const out: string[] = [];
  for (const a of accounts) {
    const d = await temporal.client.workflow.getHandle(accountWorkflowId(a)).describe().catch(() => null);
    for (const p of d?.raw.pendingActivities ?? []) {
      const started = String(p.state) === '2' || String(p.state).endsWith('STARTED');
      if (started && p.lastWorkerIdentity === identity) out.push(`${p.activityType?.name}@${a}`);
    }
  }
  return out;
}

async function killWorker(): Promise<string> {
  const identity = `${worker.child.pid}@`;
  worker.child.kill('SIGKILL');
  expect(await worker.exited).toBe('SIGKILL');
  return identity;
}
const identityOf = async (prefix: string, accounts: string[]) => {
  // lastWorkerIdentity is `pid@host`; the prefix is the pid.
  const all: string[] = [];
  for (const a of accounts) {
    const d = await temporal.client.workflow.getHandle(accountWorkflowId(a)).describe().catch(() => null);
    for (const p of d?.raw.pendingActivities ?? []) if (p.lastWorkerIdentity?.startsWith(prefix)) all.push(p.lastWorkerIdentity);
  }
  return all[0] ?? `${prefix}?`;
};

/** A new account where Hank's question went unanswered for two days: the agent proposes a reply with a draft. */
async function proposedReply(id: string): Promise<{ id: string; draft: { to: string[] } }> {
  await createAccount(id, `Reply ${id}`);
  await post(id, [question(id, 0, 2)]);
  return until(`a reply proposed for ${id}`, async () => {
    const r = await call(`/v1/recommendations?account=${id}`);
    return ((await r.json()).recommendations as Array<{ id: string; kind: string; draft: { to: string[] } }>).find((x) => x.kind === 'reply');
  }, 120_000, 300);
}

describe(`the worker SIGKILLed ${LOOPS}×2 times while signals keep arriving`, () => {
  it('loses no accepted signal and does nothing twice', async () => {
    const busy = ['kill-a', 'kill-b', 'kill-c'].map((a) => `${a}-${run}`);
    for (const a of busy) await createAccount(a, a);
    let n = 1;
    let posting = true;
    const poster = (async () => {
      while (posting) {
        const a = busy[n % busy.length];
        await post(a, [question(a, n++)]).catch((err) => refused.push(String(err)));
        await sleep(150);
      }
    })();

    const kills: Array<{ loop: number; when: 'assess' | 'send'; how: string; inFlight: string[] }> = [];
    const approved: string[] = [];
    const t0 = performance.now();
    for (let loop = 1; loop <= LOOPS; loop++) {
      // 1. During assessment: a burst for every busy account, then a kill at a random moment in the next 2.5 s.
      for (const a of busy) await post(a, [question(a, n++), question(a, n++)]);
      const delay = between(150, 2500);
      await sleep(delay);
      let prefix = await killWorker();
      // Every account so far: an earlier approval's send may still be being retried.
      const sofar = [...busy, ...approved.map((_, i) => `kill-send-${i + 1}-${run}`)];
      kills.push({ loop, when: 'assess', how: `${delay} ms after a burst`, inFlight: await inFlight(sofar, await identityOf(prefix, sofar)) });
      worker = await startWorker(env, () => activityPollers(temporal.client, taskQueue));

      // 2. During an approved send: the listener holds each message 400 ms before accepting it.
      const acct = `kill-send-${loop}-${run}`;
      const rec = await proposedReply(acct);
      const atWorst = loop % 2 === 1;
      let how = '';
      let killed: Promise<string> | undefined;
      if (atWorst) {
        how = 'when the SMTP listener had the whole message, before it answered';
        killed = new Promise((resolve) => { killOnMessage = { messageId: `rec-${rec.id}@`, kill: () => resolve(killWorker()) }; });
      }
      const res = await call(`/v1/recommendations/${rec.id}/decision`, { method: 'POST', body: JSON.stringify({ decision: 'approve' }) });
      expect(res.status, await res.clone().text()).toBe(200);
      approved.push(rec.id);
      if (!atWorst) {
        const d = between(0, 700);
        how = `${d} ms after the approval answered`;
        await sleep(d);
        killed = killWorker();
      }
      prefix = await until('the kill during the send', () => killed!, 60_000);
      kills.push({ loop, when: 'send', how, inFlight: await inFlight([acct], await identityOf(prefix, [acct])) });
      worker = await startWorker(env, () => activityPollers(temporal.client, taskQueue));
    }
    posting = false;
    await poster;
    const faultsMs = performance.now() - t0;

    // Everything settles with the last worker alive (generous: on a loaded 2-core machine the busy
    // accounts' workflow tasks took 6–15 s, and one small account's task was retried 8 times).
    await until('no signal left pending', async () => (await (await call('/v1/stats/signals')).json()).pending === 0, 300_000, 500);
    await until('every approved email carried out', async () =>
      (await q<{ n: number }>(`select count(*)::int as n from recommendations where id = any($1) and status <> 'done'`, [approved]))[0].n === 0, 600_000, 500);

    // Signals: each one answered 202 is stored once and processed.
    const ids = [...accepted.keys()];
    const rows = await q<{ external_id: string; n: number; pending: number }>(
      `select external_id, count(*)::int as n, count(*) filter (where status = 'pending')::int as pending from signals where external_id = any($1) group by external_id`, [ids]);
    const missing = ids.filter((id) => !rows.some((r) => r.external_id === id));
    const doubled = rows.filter((r) => r.n > 1);
    const unprocessed = rows.filter((r) => r.pending > 0);

    // Assessments, recommendations, tasks, outbox rows: nothing twice.
    const accounts = [...busy, ...approved.map((_, i) => `kill-send-${i + 1}-${run}`)];
    const dupRuns = await q(`select run_key, count(*)::int as n from assessments where account_id = any($1) group by run_key having count(*) > 1`, [accounts]);
    const dupRecs = await q(`select assessment_id, kind, target, count(*)::int as n from recommendations where account_id = any($1) group by assessment_id, kind, target having count(*) > 1`, [accounts]);
    const dupOpen = await q(`select account_id, kind, target, count(*)::int as n from recommendations where account_id = any($1) and status in ('proposed', 'snoozed') group by account_id, kind, target having count(*) > 1`, [accounts]);
    const dupTasks = await q(`select recommendation_id, count(*)::int as n from tasks where account_id = any($1) group by recommendation_id having count(*) > 1`, [accounts]);
    // Each account's assessment rows match the runs its workflow counted (a retried run wrote nothing more).
    const runsCounted: Array<{ account: string; rows: number; workflow: number }> = [];
    for (const a of accounts) {
      // The workflow's own count, by its state query (retried: a query can time out while a busy worker replays the history).
      // Read at a still moment: a cycle can finish between the query and the count (an email sent is a new
      // outbound signal, assessed again), so both are read until the workflow's count holds across the row
      // count and agrees with it. A run written twice never agrees, and fails after the minute.
      const stateOf = async () => (await until(`the workflow state of ${a}`, async () => (await (await call(`/v1/accounts/${a}`)).json()).agent?.state, 60_000, 500))?.assessments ?? -1;
      let seen = { rows: -1, workflow: -2 };
      for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
        const before = await stateOf();
        const [{ n: rowsN }] = await q<{ n: number }>(`select count(*)::int as n from assessments where account_id = $1`, [a]);
        const after = await stateOf();
        seen = { rows: rowsN, workflow: after };
        if (before === after && rowsN === after) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      runsCounted.push({ account: a, ...seen });
    }

    // Emails: one outbox row, one outbound signal and one Message-ID per approval; redeliveries of the same Message-ID counted.
    const outbox = await q<{ recommendation_id: string; message_id: string; status: string }>(`select recommendation_id, message_id, status from outbox where recommendation_id = any($1)`, [approved]);
    const byId = new Map<string, number>();
    for (const m of smtp.messages) { const id = m.header('message-id') ?? '?'; byId.set(id, (byId.get(id) ?? 0) + 1); }
    const expectedIds = outbox.map((o) => o.message_id);
    const unexpected = [...byId.keys()].filter((id) => !expectedIds.includes(id));
    const redelivered = [...byId.values()].reduce((s, c) => s + c - 1, 0);
    const outboundSignals = await q<{ external_id: string; n: number }>(`select external_id, count(*)::int as n from signals where external_id = any($1) group by external_id`, [expectedIds]);

    const hit = kills.filter((k) => k.inFlight.length > 0);
    console.log(`[reliability] worker-kill: ${kills.length} SIGKILLs in ${LOOPS} loops (${(faultsMs / 1000).toFixed(0)} s); ` +
      `with an activity in flight: ${hit.length} (assess/remember: ${hit.filter((k) => k.when === 'assess').length}/${kills.filter((k) => k.when === 'assess').length}, ` +
      `act: ${hit.filter((k) => k.when === 'send').length}/${kills.filter((k) => k.when === 'send').length}); ` +
      `signals accepted ${ids.length}, refused ${refused.length}, missing ${missing.length}, doubled ${doubled.length}, unprocessed ${unprocessed.length}; ` +
      `duplicate assessments ${dupRuns.length}, recommendations ${dupRecs.length + dupOpen.length}, tasks ${dupTasks.length}; ` +
      `emails: ${approved.length} approved, ${byId.size} Message-IDs received, ${redelivered} redeliveries of a received Message-ID`);
    for (const k of kills) console.log(`  loop ${k.loop} ${k.when}: ${k.how}; in flight: ${k.inFlight.join(', ') || 'nothing'}`);
    for (const [i, id] of approved.entries()) {
      const deliveries = smtp.messages.filter((m) => m.header('message-id')?.includes(`rec-${id}@`)).length;
      if (deliveries !== 1) console.log(`  approval ${i + 1}: delivered ${deliveries} times with its one Message-ID`);
    }

    if (refused.length) console.log(`API output:\n${apiProc.output().slice(-6000)}`);
    expect(refused).toEqual([]);
    expect(missing).toEqual([]);
    expect(doubled).toEqual([]);
    expect(unprocessed).toEqual([]);
    expect(dupRuns).toEqual([]);
    expect(dupRecs).toEqual([]);
    expect(dupOpen).toEqual([]);
    expect(dupTasks).toEqual([]);
    for (const r of runsCounted) expect(r, `assessment rows vs the workflow's count for ${r.account}`).toMatchObject({ rows: r.workflow });
    expect(outbox).toHaveLength(approved.length);
    expect(outbox.every((o) => o.status === 'sent')).toBe(true);
    expect(unexpected).toEqual([]);
    expect([...byId.keys()].sort()).toEqual([...expectedIds].sort());
    expect(outboundSignals.map((s) => s.n)).toEqual(expectedIds.map(() => 1));
    // The faults were real: at least one kill caught an activity in flight.
    expect(hit.length).toBeGreaterThan(0);
  }, 1_800_000 + LOOPS * 240_000);
});
