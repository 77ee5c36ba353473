// Shared by the fuzz tests: how many cases, the in-process app over a fresh PGlite with a Temporal
// that is down, a few rows for valid ids to point at, a count of every table's rows, and the check
// every answer must pass (never a 500, a 4xx that says what is wrong).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { freshDatabase } from '../helpers/db.js';
import { ADMIN_TOKEN } from '../helpers/stack.js';
import type { Database } from '../../db/connection.js';
import { buildApp, type AppDeps } from '../../api/app.js';
import { insertAccount } from '../../db/queries/accounts.js';
import { upsertContact } from '../../db/queries/contacts.js';
import { insertSignals } from '../../db/queries/signals.js';
import { upsertOpenRecommendation } from '../../db/queries/recommendations.js';
import { createToken, upsertUser } from '../../db/queries/users.js';
import { temporalDown } from './temporal-down.js';

/**
 * Cases per property: FUZZ_RUNS when set (the full run: FUZZ_RUNS=10000), else `short` (CI). The
 * seed is printed on a failure by fast-check; FUZZ_SEED replays one.
 */
export function fuzzRuns(short: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : short;
}
export const fuzzSeed = (): number | undefined => (process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined);
export const FULL_RUN = Boolean(process.env.FUZZ_RUNS);

export const SECRETS = { webhook: 'fuzz-webhook-secret', slack: 'fuzz-slack-secret', hubspot: 'fuzz-hubspot-secret' };

export interface FuzzApp {
  app: FastifyInstance;
  db: Database;
  ids: { account: string; account2: string; recommendation: string; signal: string; rep: string; csm: string; repToken: string };
  close(): Promise<void>;
}

export async function fuzzApp(extra: Partial<AppDeps> = {}): Promise<FuzzApp> {
  const db = await freshDatabase();
  const temporal = temporalDown();
  const app = await buildApp({
    db: db.pool, temporal, adminToken: ADMIN_TOKEN, ourDomains: ['ourco.com'], logLevel: process.env.FUZZ_LOG ?? 'silent',
    webhookSecret: SECRETS.webhook, slackSigningSecret: SECRETS.slack, hubspotClientSecret: SECRETS.hubspot, publicUrl: 'http://fuzz.test',
    ...extra,
  });
  await app.ready();
  const pool = db.pool;
  await upsertUser(pool, { id: 'rep-1', name: 'Rita Rep', role: 'rep', email: 'rita@ourco.com' });
  await upsertUser(pool, { id: 'csm-1', name: 'Carl Csm', role: 'csm', email: 'carl@ourco.com' });
  const repToken = await createToken(pool, 'rep-1', 'fuzz');
  const a = await insertAccount(pool, { id: 'acme', name: 'Acme', domains: ['acme.com'], stage: 'proposal', ownerId: 'rep-1', csmId: 'csm-1', settings: { externalIds: ['hubspot:deal:1', 'salesforce:0065e00000AbCdE'], slackChannels: ['C0ACME', '#acme-shared'] } });
  const b = await insertAccount(pool, { id: 'globex', name: 'Globex', domains: ['globex.io'], stage: 'renewal', settings: {} });
  await upsertContact(pool, a.id, { email: 'dana@acme.com', name: 'Dana Buyer', role: 'champion' });
  const stored = await insertSignals(pool, a.id, [{ kind: 'note', occurredAt: new Date().toISOString(), text: 'Kick-off went well.', externalId: 'seed-note', source: 'fuzz' }]);
  const { recommendation } = await upsertOpenRecommendation(pool, a.id, null, {
    kind: 'reply', target: 'dana@acme.com', title: 'Reply to Dana', rationale: 'Dana asked for pricing.',
    evidence: [{ signalId: stored.stored[0].id, excerpt: 'Kick-off went well.' }], priority: 50, dueAt: new Date().toISOString(),
    draft: { channel: 'email', to: ['dana@acme.com'], subject: 'Pricing', body: 'Hi Dana, here it is.' }, factors: ['no_next_step'],
  });
  return {
    app, db,
    ids: { account: a.id, account2: b.id, recommendation: recommendation.id, signal: stored.stored[0].id, rep: 'rep-1', csm: 'csm-1', repToken },
    close: async () => { await app.close(); await db.close(); },
  };
}

/** Every table's row count, in one statement (the migration bookkeeping left out). */
export async function rowCounter(db: Database): Promise<() => Promise<Record<string, number>>> {
  const { rows } = await db.pool.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name");
  const tables = rows.map((r) => r.table_name).filter((t) => !/migration/.test(t));
  const sql = `select ${tables.map((t) => `(select count(*)::int from "${t}") as "${t}"`).join(', ')}`;
  return async () => (await db.pool.query(sql)).rows[0] as Record<string, number>;
}

export function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((t) => after[t] !== before[t]).map((t) => `${t} ${before[t]}→${after[t]}`);
}

/** What one fuzz target saw, for the figures printed at the end of a run (and in RELIABILITY.md). */
export class Tally {
  cases = 0;
  readonly statuses = new Map<number, number>();
  serverErrors: string[] = [];
  rowsLeft: string[] = [];
  unnamed: string[] = [];
  constructor(readonly name: string) {}
  count(status: number): void { this.cases += 1; this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1); }
  line(): string {
    const st = [...this.statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    return `${this.name}: ${this.cases} cases [${st}] 5xx=${this.serverErrors.length} rowsLeft=${this.rowsLeft.length} unnamed4xx=${this.unnamed.length}`;
  }
}

/** FUZZ_REPORT=<file>: every failing sample of a run as JSON lines, for reading beside the summary. */
export async function reportTallies(file: string, tallies: Tally[], crashes: string[]): Promise<void> {
  const path = process.env.FUZZ_REPORT;
  if (!path) return;
  const { appendFile } = await import('node:fs/promises');
  const lines = tallies.map((t) => JSON.stringify({ file, target: t.name, cases: t.cases, statuses: Object.fromEntries(t.statuses), serverErrors: t.serverErrors, rowsLeft: t.rowsLeft, unnamed: t.unnamed }));
  await appendFile(path, `${[...lines, JSON.stringify({ file, crashes })].join('\n')}\n`);
}

const GENERIC = new Set(['Bad Request', 'Not Found', 'Unauthorized', 'Forbidden', 'Conflict', 'Payload Too Large', 'Unsupported Media Type', 'Error', 'invalid', '']);

/**
 * Why a 4xx answer does not say what is wrong (null when it does): a JSON body with a specific
 * message; a validation error lists issues, each with the field's path (body…, querystring…, params…).
 */
export function unnamedRejection(res: LightMyRequestResponse): string | null {
  let body: { message?: unknown; issues?: Array<{ path?: unknown; message?: unknown }> };
  try {
    body = res.json();
  } catch {
    return `not JSON: ${res.body.slice(0, 120)}`;
  }
  if (typeof body.message !== 'string' || GENERIC.has(body.message.trim())) return `no specific message: ${res.body.slice(0, 200)}`;
  if (body.issues) {
    for (const i of body.issues) {
      if (typeof i.path !== 'string' || !/^(body|querystring|params|headers)\b/.test(i.path)) return `an issue without its field: ${JSON.stringify(i)}`;
      if (typeof i.message !== 'string' || !i.message.trim()) return `an issue without a message: ${JSON.stringify(i)}`;
    }
  }
  return null;
}

/** Unhandled rejections and uncaught exceptions while a fuzz file runs (vitest also fails on them). */
export function watchCrashes(): { crashes: string[]; stop(): void } {
  const crashes: string[] = [];
  const onRejection = (err: unknown) => { crashes.push(`unhandledRejection: ${String((err as Error)?.stack ?? err).slice(0, 300)}`); };
  const onException = (err: unknown) => { crashes.push(`uncaughtException: ${String((err as Error)?.stack ?? err).slice(0, 300)}`); };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return { crashes, stop: () => { process.off('unhandledRejection', onRejection); process.off('uncaughtException', onException); } };
}
