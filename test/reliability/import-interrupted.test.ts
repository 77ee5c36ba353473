// A large mbox import interrupted for real, as separate processes: a Postgres wire-protocol server
// (PGlite behind pglite-socket), a Temporal dev server on a data file of its own, the API
// (`npm run start:api`) and a worker (`npm run start:worker`). The file is streamed to
// POST /v1/signals/import and held half-way while:
// 1. the Temporal server is stopped: the import goes on and answers what it stored; signals posted
//    meanwhile are answered 202; the routes that need Temporal answer 503 with Retry-After; reads
//    stay up; /health says `temporal: down` within a second. Temporal is started again on the same
//    file and every stored signal is processed (the sweeper re-signals the accounts);
// 2. the API is SIGKILLed: the upload breaks; nothing of the unfinished file is stored (an mbox is
//    spooled until all of it is in); signals answered 202 before the kill stay; the API is started
//    again and the same file imported again stores all of it, doubling nothing; all are processed.
// IMPORT_SIGNALS (default 400) sets the size of each file; the full run is IMPORT_SIGNALS=2000.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '../../db/connection.js';
import { upsertOpenRecommendation } from '../../db/queries/recommendations.js';
import { freePort, startDevServer, type DevServer } from '../../workflows/dev-server.js';
import { createTemporalClient, type AccountsClient } from '../../workflows/client.js';
import {
  TOKEN, activityPollers, api, dumpProcesses, splitEnv, startApi, startPgServer, startWorker, stopProcess, until, type NodeProcess,
} from './product.js';

const N = Number(process.env.IMPORT_SIGNALS ?? 400);
const run = randomUUID().slice(0, 6);
const taskQueue = `import-interrupted-${run}`;
const temporalDir = mkdtempSync(join(tmpdir(), 'aa-import-temporal-'));
const ACCOUNTS = ['north', 'south', 'east', 'west'].map((a) => `${a}-${run}`);

let pgServer: NodeProcess & { databaseUrl: string };
let devServer: DevServer;
let temporalPort: number;
let apiProc: NodeProcess;
let apiPort: number;
let worker: NodeProcess;
let db: Database;
let temporal: AccountsClient;
let env: Record<string, string>;
let temporalStopped = false;

const startTemporal = () => startDevServer({ cliPath: inject('temporalCliPath'), dataDir: temporalDir, port: temporalPort, ui: false });

beforeAll(async () => {
  pgServer = await startPgServer();
  temporalPort = await freePort();
  devServer = await startTemporal();
  env = splitEnv({ databaseUrl: pgServer.databaseUrl, temporalAddress: devServer.address, taskQueue });
  apiPort = await freePort();
  apiProc = await startApi(env, apiPort);
  temporal = await createTemporalClient({ address: devServer.address, namespace: 'default', taskQueue });
  worker = await startWorker(env, () => activityPollers(temporal.client, taskQueue));
  db = await openDatabase({ databaseUrl: pgServer.databaseUrl, dataDir: 'unused', poolSize: 2 });
}, 300_000);

// A failed test prints what each process said.
beforeEach((ctx) => { ctx.onTestFailed(() => dumpProcesses([apiProc, worker, pgServer])); });

afterAll(async () => {
  await stopProcess(worker);
  await stopProcess(apiProc);
  await temporal?.close();
  await db?.close();
  await devServer?.stop();
  await stopProcess(pgServer);
  rmSync(temporalDir, { recursive: true, force: true });
}, 120_000);

const call = (path: string, init: RequestInit = {}) => api(apiProc, path, init);
const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await db.pool.query(sql, params)).rows as T[];
const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => { const t = performance.now(); const v = await fn(); return [v, performance.now() - t]; };

/** Which account message i of a file comes from: in turn, or in runs of 250 (a batch of the import). */
type AccountOf = (i: number) => string;
const inTurn: AccountOf = (i) => ACCOUNTS[i % ACCOUNTS.length];
const inRuns: AccountOf = (i) => ACCOUNTS[Math.floor(i / 250) % ACCOUNTS.length];

/** An mbox of n emails from the four accounts' domains, each with its own Message-ID. */
function mboxMessages(tag: string, n: number, accountOf: AccountOf): Buffer[] {
  const base = Date.now() - 10 * 86_400_000;
  return Array.from({ length: n }, (_, i) => {
    const account = accountOf(i);
    const date = new Date(base + i * 60_000);
    return Buffer.from([
      `From hank@${account}.io ${date.toUTCString()}`,
      `Message-ID: <${tag}-${i}@${account}.io>`,
      `Date: ${date.toUTCString()}`,
      `From: Hank Hill <hank@${account}.io>`,
      'To: Sam Patel <sam@ourco.com>',
      `Subject: Rollout question ${i}`,
      '',
      `Hi Sam, question ${i} about the rollout: when does the next phase start?`,
      '', '',
    ].join('\n'));
  });
}

/**
 * Streams the file to POST /v1/signals/import; after `holdAfter` messages it waits for `resume`
 * (or breaks off when `resume` rejects, as a client whose connection died).
 */
function upload(messages: Buffer[], holdAfter: number, resume: Promise<void>): Promise<Response> {
  const boundary = `----reliability-${randomUUID()}`;
  let i = 0;
  let sentHead = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentHead) {
        sentHead = true;
        controller.enqueue(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="export.mbox"\r\nContent-Type: application/mbox\r\n\r\n`));
        return;
      }
      if (i === holdAfter) await resume;
      if (i >= messages.length) {
        controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
        controller.close();
        return;
      }
      controller.enqueue(Buffer.concat(messages.slice(i, i + 25)));
      i += 25;
    },
  });
  return fetch(`http://127.0.0.1:${apiPort}/v1/signals/import`, {
    method: 'POST', body, duplex: 'half',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
  } as RequestInit);
}

const ids = (tag: string, n: number, accountOf: AccountOf) => Array.from({ length: n }, (_, i) => `<${tag}-${i}@${accountOf(i)}.io>`);
const inbound = (account: string, id: string) => ({
  kind: 'email', occurredAt: new Date(Date.now() - 60_000).toISOString(), externalId: id,
  from: { email: `hank@${account}.io` }, to: [{ email: 'sam@ourco.com' }], subject: 'While you were down', text: `Posted as ${id}.`,
});

/** External ids stored, how often each, and how many are still pending. */
async function stored(externalIds: string[]): Promise<{ distinct: number; doubled: number; pending: number }> {
  const rows = await q<{ n: number; pending: number }>(
    `select count(*)::int as n, count(*) filter (where status = 'pending')::int as pending from signals where external_id = any($1) group by external_id`, [externalIds]);
  return { distinct: rows.length, doubled: rows.filter((r) => r.n > 1).length, pending: rows.reduce((s, r) => s + r.pending, 0) };
}

describe(`a ${N}-signal import interrupted for real`, () => {
  beforeAll(async () => {
    for (const a of ACCOUNTS) {
      const res = await call('/v1/accounts', { method: 'POST', body: JSON.stringify({ id: a, name: a, domains: [`${a}.io`], stage: 'customer', contacts: [{ email: `hank@${a}.io`, name: 'Hank Hill' }] }) });
      expect(res.status, await res.text()).toBe(201);
    }
  }, 60_000);

  it('Temporal stopped half-way: the import completes, 202s are stored, Temporal routes answer 503 + Retry-After, reads stay up; all processed once it is back', async () => {
    const tag = `t-${run}`;
    const messages = mboxMessages(tag, N, inTurn);
    let resume!: () => void;
    const held = new Promise<void>((r) => { resume = r; });
    const reply = upload(messages, Math.floor(N / 2 / 25) * 25, held);
    // Half the file is in when Temporal stops (spooled: the whole file is parsed and committed once
    // the rest arrives, which is while Temporal is down).
    await new Promise((r) => setTimeout(r, 3000)); // the server has read what was sent
    await devServer.stop();
    temporalStopped = true;

    // While it is down: /health answers within a second and names Temporal (a few answers, as a monitor polls).
    const healths: Array<{ status: number; body: { status: string; database: string; temporal: string }; ms: number }> = [];
    await until('/health saying temporal is down', async () => {
      const [res, ms] = await timed(() => call('/health'));
      const body = await res.json();
      return body.temporal === 'down' ? healths.push({ status: res.status, body, ms }) : null;
    }, 30_000, 300);
    for (let i = 0; i < 4; i++) {
      const [res, ms] = await timed(() => call('/health'));
      healths.push({ status: res.status, body: await res.json(), ms });
      await new Promise((r) => setTimeout(r, 500));
    }
    const dbDownAnswers = healths.filter((h) => h.body.database === 'down').length;
    const posted: string[] = [];
    for (const [k, a] of ACCOUNTS.entries()) {
      const id = `<down-${k}-${run}@${a}.io>`;
      const [res, ms] = await timed(() => call(`/v1/accounts/${a}/signals`, { method: 'POST', body: JSON.stringify(inbound(a, id)) }));
      expect(res.status, await res.text()).toBe(202);
      expect(ms).toBeLessThan(15_000);
      posted.push(id);
    }
    const [rec] = await upsertOpenRecommendation(db.pool, ACCOUNTS[0], null, {
      kind: 'escalate', target: 'account', title: 'Escalate the rollout delays', rationale: 'Questions pile up.', evidence: [], priority: 50,
      dueAt: new Date(Date.now() + 86_400_000).toISOString(), factors: [] as never,
    }).then((r) => [r.recommendation]);
    const needsTemporal: Array<[string, string, unknown]> = [
      ['POST', `/v1/recommendations/${rec.id}/decision`, { decision: 'approve' }],
      ['POST', `/v1/accounts/${ACCOUNTS[1]}/ask`, { question: 'What is open on this account?' }],
    ];
    const unavailable: Array<{ route: string; status: number; retryAfter: string | null; ms: number }> = [];
    for (const [method, path, body] of needsTemporal) {
      const [res, ms] = await timed(() => call(path, { method, body: JSON.stringify(body) }));
      unavailable.push({ route: `${method} ${path.replace(run, '…')}`, status: res.status, retryAfter: res.headers.get('retry-after'), ms: Math.round(ms) });
    }
    const reads: Array<{ route: string; status: number; ms: number }> = [];
    for (const path of [`/v1/accounts/${ACCOUNTS[0]}`, `/v1/accounts/${ACCOUNTS[0]}/signals`, '/v1/accounts', '/v1/recommendations', '/v1/stats/signals']) {
      const [res, ms] = await timed(() => call(path));
      reads.push({ route: `GET ${path.replace(run, '…')}`, status: res.status, ms: Math.round(ms) });
    }

    resume();
    const res = await reply;
    const summary = await res.json();
    expect(res.status, JSON.stringify(summary)).toBe(200);
    expect(summary).toMatchObject({ stored: N, duplicates: 0 });
    expect(await stored(ids(tag, N, inTurn))).toMatchObject({ distinct: N, doubled: 0 });

    devServer = await startTemporal();
    temporalStopped = false;
    const t0 = performance.now();
    await until('every stored signal processed after Temporal came back', async () => (await stored([...ids(tag, N, inTurn), ...posted])).pending === 0, 600_000, 1000);
    const recoveryS = (performance.now() - t0) / 1000;
    const final = await stored([...ids(tag, N, inTurn), ...posted]);
    const healthUp = await until('/health up again', async () => { const r = await call('/health'); return r.status === 200 ? r.json() : null; }, 60_000, 500);

    console.log(`[reliability] Temporal stopped mid-import: import stored ${summary.stored}/${N}; 202 while down ${posted.length}; ` +
      `/health: ${healths.length} answers while down, all ${healths.every((h) => h.status === 503 && h.body.temporal === 'down') ? '503 temporal: down' : 'NOT 503 temporal: down'}, ` +
      `slowest ${Math.round(Math.max(...healths.map((h) => h.ms)))} ms, ${dbDownAnswers} also said database: down; ` +
      `needing Temporal: ${unavailable.map((u) => `${u.route} → ${u.status} Retry-After ${u.retryAfter} (${u.ms} ms)`).join('; ')}; ` +
      `reads: ${reads.map((r) => `${r.route} ${r.status} ${r.ms} ms`).join(', ')}; all ${final.distinct} processed ${recoveryS.toFixed(0)} s after Temporal was back; doubled ${final.doubled}`);

    for (const h of healths) {
      expect(h.status).toBe(503);
      expect(h.body).toMatchObject({ status: 'degraded', temporal: 'down' });
      expect(h.ms).toBeLessThan(1000);
    }
    // The database stayed up; a probe stuck behind the shared single-session PGlite can time out (reported above).
    expect(healths.some((h) => h.body.database === 'up')).toBe(true);
    for (const u of unavailable) {
      expect(u, u.route).toMatchObject({ status: 503 });
      expect(Number(u.retryAfter), u.route).toBeGreaterThan(0);
      expect(u.ms, u.route).toBeLessThan(15_000);
    }
    for (const r of reads) {
      expect(r.status, r.route).toBe(200);
      expect(r.ms, r.route).toBeLessThan(5_000);
    }
    expect(final).toEqual({ distinct: N + posted.length, doubled: 0, pending: 0 });
    expect(healthUp).toMatchObject({ status: 'ok', temporal: 'up' });
    // The refused decision was not carried out (the agent may since have expired the recommendation itself).
    const after = (await q<{ status: string; decided_at: string | null }>('select status, decided_at from recommendations where id = $1', [rec.id]))[0];
    expect(after.decided_at).toBeNull();
    expect(['approved', 'done']).not.toContain(after.status);
  }, 900_000);

  it('the API SIGKILLed half-way through an upload: nothing of the unfinished file is stored, 202s stay, the same file again stores all of it, nothing doubled, all processed', async () => {
    if (temporalStopped) { devServer = await startTemporal(); temporalStopped = false; } // the first test failed part-way
    const tag = `a-${run}`;
    const messages = mboxMessages(tag, N, inRuns);
    let breakOff!: (err: Error) => void;
    const held = new Promise<void>((_, reject) => { breakOff = reject; });
    held.catch(() => {});
    // Held after half the file (past one account's whole run of 250) when the API is killed. An mbox
    // upload is spooled to disk and parsed only once all of it has arrived (so that an upload over
    // the limit stores nothing), so an upload cut off mid-way stores nothing of the file; an import
    // broken off while committing its batches is test/reliability/import-rerun.test.ts.
    const half = Math.max(Math.floor(N / 2 / 25) * 25, 275);
    const reply = upload(messages, half, held).then((r) => r.status, (err: Error) => `failed: ${err.message}`);
    // Let the server read what was sent so far, then kill it.
    await new Promise((r) => setTimeout(r, 3000));
    const before: string[] = [];
    for (const [k, a] of ACCOUNTS.entries()) {
      const id = `<before-kill-${k}-${run}@${a}.io>`;
      const res = await call(`/v1/accounts/${a}/signals`, { method: 'POST', body: JSON.stringify(inbound(a, id)) });
      expect(res.status).toBe(202);
      before.push(id);
    }
    apiProc.child.kill('SIGKILL');
    expect(await apiProc.exited).toBe('SIGKILL');
    breakOff(new Error('the client gave up'));
    const outcome = await reply;
    const afterKill = await stored(ids(tag, N, inRuns));

    apiProc = await startApi(env, apiPort);
    const again = await upload(messages, -1, Promise.resolve());
    const summary = await again.json();
    expect(again.status, JSON.stringify(summary)).toBe(200);

    await until('every signal processed after the re-run', async () => (await stored([...ids(tag, N, inRuns), ...before])).pending === 0, 600_000, 1000);
    const final = await stored([...ids(tag, N, inRuns), ...before]);
    console.log(`[reliability] API SIGKILLed mid-upload: upload ${outcome}; ${afterKill.distinct}/${N} stored at the kill (the mbox is spooled until complete), ` +
      `re-run stored ${summary.stored}, duplicates ${summary.duplicates}; 202 before the kill ${before.length}, stored ${final.distinct - N}; doubled ${final.doubled}; pending ${final.pending}`);

    expect(outcome).not.toBe(200);
    expect(afterKill).toMatchObject({ distinct: 0, doubled: 0 }); // nothing of an unfinished upload
    expect(summary).toMatchObject({ stored: N, duplicates: 0 });
    expect(final).toEqual({ distinct: N + before.length, doubled: 0, pending: 0 });
  }, 900_000);
});
