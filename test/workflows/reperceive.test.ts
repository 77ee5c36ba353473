// `npm run reperceive`: after a perceiver version bump, the signals read by the older version are
// read again and stored, their accounts come back to an assessment (pending rows the sweeper
// re-signals), and that assessment uses the new readings without perceiving anything itself. The
// CLI runs against the embedded database (DATA_DIR) and against DATABASE_URL.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepSequencesTogether } from '../helpers/pg-wire-server.js';
import { freshDatabase } from '../helpers/db.js';
import { seedAccount, at } from '../helpers/seed.js';
import { createAccountAgent } from '../../agents/index.js';
import { createRulesPerceiver } from '../../agents/perceivers/rules.js';
import type { Perceiver } from '../../agents/perceivers/types.js';
import { RULES_PERCEIVER_VERSION } from '../../agents/perception/version.js';
import { listAccountsWithStalePending, listSignals, readingInfo } from '../../db/queries/signals.js';
import { latestAssessment } from '../../db/queries/assessments.js';
import { openDatabase, type Database } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { freePort } from '../../workflows/dev-server.js';
import { reperceive } from '../../workflows/reperceive.js';
import { createTemporalClient } from '../../workflows/client.js';
import { createAccountWorker } from '../../workflows/worker.js';
import { accountWorkflowId } from '../../workflows/account/messages.js';
import { eventually } from '../helpers/stack.js';

const NOW = Date.parse('2026-11-20T15:00:00Z');
const asOf = new Date(NOW).toISOString();
const CLI = fileURLToPath(new URL('../../workflows/reperceive-cli.ts', import.meta.url));

/**
 * A perceiver at an injected version, counting what it reads. Version 'b' stands for an improved
 * reader: it also sees the vendor the customer is trialling (version 'a' does not).
 */
function perceiverAt(version: 'a' | 'b'): Perceiver & { calls: string[] } {
  const rules = createRulesPerceiver({ version });
  const calls: string[] = [];
  return {
    id: 'rules', version: rules.version, calls,
    async perceive(s, ctx) {
      calls.push(s.id);
      const insights = await rules.perceive(s, ctx);
      const sentence = s.kind === 'email' ? s.text.split(/(?<=\.)\s+/).find((x) => /Quillstone/.test(x)) : undefined;
      // Version 'a' stands for an older reader that misses the trial (today's rules read it, so it is taken out).
      const others = insights.competitors.filter((c) => c.name !== 'Quillstone');
      insights.competitors = version === 'b' && sentence ? [...others, { name: 'Quillstone', text: sentence, replacing: false, context: 'evaluation' }] : others;
      return insights;
    },
  };
}

function story(id: string) {
  return {
    account: { id, name: 'Initech', domains: [`${id}.example`], stage: 'negotiation' as const, ownerId: 'dana', contacts: [{ email: `bo@${id}.example`, name: 'Bo Lind', role: 'champion' }] },
    signals: [
      { kind: 'email', occurredAt: at(NOW, -3), externalId: `${id}-1`, from: { email: 'dana@ourco.com', name: 'Dana' }, to: [{ email: `bo@${id}.example` }], subject: 'Contract', text: 'Hi Bo, here is the final contract for review.' },
      { kind: 'email', occurredAt: at(NOW, -1), externalId: `${id}-2`, from: { email: `bo@${id}.example`, name: 'Bo Lind' }, to: [{ email: 'dana@ourco.com' }], subject: 'Re: Contract', text: 'Thanks Dana. Our ops team started a two-week trial of Quillstone on Monday. We will decide after that.' },
    ],
  };
}

describe('reperceive (in process)', () => {
  let db: Database;
  beforeAll(async () => { db = await freshDatabase(); });
  afterAll(async () => { await db.close(); });

  it('reads again what an older version read, for one account; the next assessment uses it and perceives nothing', async () => {
    const one = story('rp-one');
    const other = story('rp-other');
    const ids = await seedAccount(db.pool, one.account, one.signals);
    const otherIds = await seedAccount(db.pool, other.account, other.signals);
    const a = perceiverAt('a');
    const agentA = createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'], perceiver: a });
    for (const acc of ['rp-one', 'rp-other']) {
      await agentA.remember(acc);
      await agentA.assess({ accountId: acc, asOf, runKey: `${acc}-a` });
    }
    expect((await latestAssessment(db.pool, 'rp-one'))!.factors.map((f) => f.factor)).not.toContain('competitor_mention');

    const b = perceiverAt('b');
    const agentB = createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'], perceiver: b });
    const report = await reperceive({ agent: agentB, db: db.pool, accountId: 'rp-one' });
    expect(report).toMatchObject({ read: 2, fallbacks: 0, accounts: ['rp-one'], notified: [], notNotified: [] });
    expect([...b.calls].sort()).toEqual([...ids].sort());
    const info = await readingInfo(db.pool, [...ids, ...otherIds]);
    expect(ids.map((id) => info.get(id)!.perceivedFor)).toEqual(['rules@b', 'rules@b']);
    expect(otherIds.map((id) => info.get(id)!.perceivedFor)).toEqual(['rules@a', 'rules@a']);
    const stored = await listSignals(db.pool, 'rp-one');
    expect(stored.find((s) => s.id === ids[1])!.insights!.competitors.map((c) => c.name)).toContain('Quillstone');
    // The account is back to pending, so the sweeper re-signals its workflow; the other is not.
    const pending = await listAccountsWithStalePending(db.pool, 0);
    expect(pending).toContain('rp-one');
    expect(pending).not.toContain('rp-other');

    b.calls.length = 0;
    await agentB.remember('rp-one');
    await agentB.assess({ accountId: 'rp-one', asOf, runKey: 'rp-one-b' });
    expect(b.calls).toEqual([]);
    const assessment = (await latestAssessment(db.pool, 'rp-one'))!;
    expect(assessment.factors.map((f) => f.factor)).toContain('competitor_mention');
    expect((await db.pool.query("select count(*)::int as n from signals where account_id = 'rp-one' and status = 'pending'")).rows[0].n).toBe(0);

    // Everything current: a second run reads nothing.
    expect(await reperceive({ agent: agentB, db: db.pool, accountId: 'rp-one' })).toMatchObject({ read: 0, accounts: [] });
  });

  it('reads again a reading the configured perceiver could not make (a fallback), and rules readings of another rules version', async () => {
    const s = story('rp-fb');
    const ids = await seedAccount(db.pool, s.account, s.signals);
    let failing = true;
    const rules = createRulesPerceiver();
    const flaky: Perceiver = {
      id: 'llm', version: 'x1',
      perceive: async (sig, ctx) => rules.perceive(sig, ctx),
      read: async (sig, ctx) => ({ insights: await rules.perceive(sig, ctx), perceiver: failing ? 'rules' : 'llm', version: failing ? rules.version : 'x1', fallback: failing }),
    };
    const agent = createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'], perceiver: flaky });
    await agent.assess({ accountId: 'rp-fb', asOf, runKey: 'rp-fb-1' });
    expect([...(await readingInfo(db.pool, ids)).values()].map((x) => x.fallback)).toEqual([true, true]);
    // The graph does not ask again on every assessment; reperceive does.
    expect(await agent.reperceive({ accountId: 'rp-fb' })).toMatchObject({ read: 2, fallbacks: 2 });
    failing = false;
    expect(await agent.reperceive({ accountId: 'rp-fb' })).toMatchObject({ read: 2, fallbacks: 0 });
    expect([...(await readingInfo(db.pool, ids)).values()].map((x) => x.perceiver)).toEqual(['llm', 'llm']);
    expect(await agent.reperceive({ accountId: 'rp-fb' })).toMatchObject({ read: 0 });
    // A text-less reading the llm perceiver handed to rules is stale once rules moves on.
    await db.pool.query("update signals set perceiver = 'rules', perceiver_version = 'old' where id = $1", [ids[0]]);
    expect(await agent.reperceive({ accountId: 'rp-fb' })).toMatchObject({ read: 1 });
  });
});

describe('reperceive with Temporal', () => {
  it('notifies each affected account\'s workflow, whose next assessment runs on the new readings', async () => {
    const db = await freshDatabase();
    const taskQueue = `reperceive-${randomUUID()}`;
    const temporal = await createTemporalClient({ address: inject('temporalAddress'), namespace: 'default', taskQueue, debounceMs: 0 });
    const { worker, connection } = await createAccountWorker({ address: inject('temporalAddress'), namespace: 'default', taskQueue, db: db.pool, ourDomains: ['ourco.com'] });
    try {
      await worker.runUntil(async () => {
        const ids = await seedOldReadings(db, 'rp-temporal');
        const before = (await latestAssessment(db.pool, 'rp-temporal'))!;
        const agent = createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'] });
        const report = await reperceive({ agent, db: db.pool, accountId: 'rp-temporal', temporal });
        expect(report).toMatchObject({ read: 2, accounts: ['rp-temporal'], notified: ['rp-temporal'], notNotified: [] });
        // The workflow (started by the notify) remembers and assesses: the signals leave pending,
        // and a new assessment exists, made after the readings were stored.
        const after = await eventually(async () => {
          const pending = (await db.pool.query("select count(*)::int as n from signals where account_id = 'rp-temporal' and status = 'pending'")).rows[0].n;
          const latest = await latestAssessment(db.pool, 'rp-temporal');
          return pending === 0 && latest && latest.id !== before.id ? latest : null;
        }, 120_000, 250);
        const stamp = (await db.pool.query('select max(perceived_at) as t from signals where id = any($1)', [ids])).rows[0].t as string;
        expect(Date.parse(after.createdAt)).toBeGreaterThanOrEqual(Date.parse(stamp));
        const info = await readingInfo(db.pool, ids);
        expect([...info.values()].map((x) => x.perceivedFor)).toEqual([`rules@${RULES_PERCEIVER_VERSION}`, `rules@${RULES_PERCEIVER_VERSION}`]);
        await temporal.client.workflow.getHandle(accountWorkflowId('rp-temporal')).terminate('test over');
      });
    } finally {
      await connection.close();
      await temporal.close();
      await db.close();
    }
  }, 300_000);
});

/** Seeds a story read by an older rules version ('0', as migration 0003 marks pre-version readings). */
async function seedOldReadings(db: Database, id: string): Promise<string[]> {
  await migrate(db.pool);
  const s = story(id);
  const ids = await seedAccount(db.pool, s.account, s.signals);
  await createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'] }).assess({ accountId: id, asOf, runKey: `${id}-old` });
  await db.pool.query("update signals set perceiver_version = '0', perceived_for = 'rules@0' where account_id = $1", [id]);
  return ids;
}

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, DATABASE_URL: '', TEMPORAL_ADDRESS: '', PERCEIVER: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

describe('npm run reperceive (the CLI)', () => {
  it('refuses to guess: exactly one of --account and --all', async () => {
    const r = await runCli([], { DATA_DIR: '/nonexistent-never-opened' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--account <id> and --all/);
  }, 120_000);

  it('against the embedded database (DATA_DIR): reads all stale signals and leaves them pending for the sweeper', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reperceive-'));
    try {
      let db = await openDatabase({ dataDir: dir });
      const ids = await seedOldReadings(db, 'rp-cli-embedded');
      await db.close();
      const r = await runCli(['--all'], { DATA_DIR: dir });
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`perceiver rules@${RULES_PERCEIVER_VERSION}: 2 signals read again in [\\d.]+ s across 1 account`));
      expect(r.out).toMatch(/sweeper/);
      db = await openDatabase({ dataDir: dir });
      const info = await readingInfo(db.pool, ids);
      expect([...info.values()].map((x) => x.perceivedFor)).toEqual([`rules@${RULES_PERCEIVER_VERSION}`, `rules@${RULES_PERCEIVER_VERSION}`]);
      expect(await listAccountsWithStalePending(db.pool, 0)).toEqual(['rp-cli-embedded']);
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('against DATABASE_URL: one account', async () => {
    const pglite = await PGlite.create('memory://', { extensions: { vector } });
    const port = await freePort();
    const server = new PGLiteSocketServer({ db: pglite, port, host: '127.0.0.1', maxConnections: 8 });
    keepSequencesTogether(server);
    await server.start();
    const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    const db = await openDatabase({ databaseUrl: url, dataDir: 'unused', poolSize: 2 });
    try {
      const ids = await seedOldReadings(db, 'rp-cli-url');
      const untouched = await seedOldReadings(db, 'rp-cli-url-other');
      const r = await runCli(['--account', 'rp-cli-url'], { DATABASE_URL: url });
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/2 signals read again in [\d.]+ s across 1 account/);
      const info = await readingInfo(db.pool, [...ids, ...untouched]);
      expect(ids.map((id) => info.get(id)!.perceivedFor)).toEqual([`rules@${RULES_PERCEIVER_VERSION}`, `rules@${RULES_PERCEIVER_VERSION}`]);
      expect(untouched.map((id) => info.get(id)!.perceivedFor)).toEqual(['rules@0', 'rules@0']);
      const again = await runCli(['--account', 'rp-cli-url'], { DATABASE_URL: url });
      expect(again.out).toMatch(/0 signals read again/);
      expect(again.out).toMatch(/nothing to do/);
    } finally {
      await db.close();
      await server.stop();
      await pglite.close();
    }
  }, 300_000);
});
