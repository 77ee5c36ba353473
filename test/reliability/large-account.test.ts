// A large account (12,000 signals) is read as a bounded window of its newest signals plus the
// summary of older history the risk model needs: the newest signal is read and assessed, the
// oldest CRM stage change and the first email to a contact are still seen, and the read stays
// bounded. (Before: oldest first with a limit of 10,000, so the newest 2,000 were dropped.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/db.js';
import type { Database } from '../../db/connection.js';
import { insertAccount } from '../../db/queries/accounts.js';
import { upsertContact } from '../../db/queries/contacts.js';
import { insertSignals, listSignals } from '../../db/queries/signals.js';
import { SignalInput } from '../../agents/signals/schema.js';
import { createAccountAgent } from '../../agents/index.js';

const N = 12_000;
const HOUR = 3_600_000;
let db: Database;
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  db = await freshDatabase();
  await insertAccount(db.pool, { id: 'big', name: 'Brightwater Health', domains: ['brightwater.org'], stage: 'proposal' });
  await upsertContact(db.pool, 'big', { email: 'jana@brightwater.org', name: 'Jana Roth', role: 'champion' });
  const start = now - (N + 10) * HOUR;
  const first = [
    { kind: 'crm', occurredAt: iso(start), externalId: 'stage-0', source: 'crm', change: 'stage', from: 'discovery', to: 'proposal' },
    { kind: 'email', direction: 'outbound', occurredAt: iso(start + 1000), externalId: 'first-out', from: { email: 'rep@ourco.com' }, to: [{ email: 'jana@brightwater.org' }], subject: 'Proposal', text: 'Here is the proposal we discussed.' },
  ];
  await insertSignals(db.pool, 'big', first.map((s) => SignalInput.parse(s)));
  // The bulk of the history: hourly usage readings, written in one statement.
  await db.pool.query(
    `insert into signals (account_id, kind, occurred_at, source, external_id, payload)
     select 'big', 'usage', to_timestamp(($1::float8 + g::float8 * 3600000) / 1000), 'product', 'u-' || g,
            jsonb_build_object('metric', 'active_users', 'value', 40 + (g % 7))
     from generate_series(1, $2::int) g`, [start, N - 3]);
  const newest = { kind: 'email', direction: 'inbound', occurredAt: iso(now - 10 * 60_000), externalId: 'newest', from: { email: 'jana@brightwater.org' }, to: [{ email: 'rep@ourco.com' }], subject: 'Contract', text: 'Can you send the signed order form today? Our board meets tomorrow.' };
  await insertSignals(db.pool, 'big', [SignalInput.parse(newest)]);
  await db.pool.query(`update signals set status = 'processed' where account_id = 'big'`);
}, 120_000);
afterAll(async () => { await db?.close(); });

describe('a large account', () => {
  it('reads the newest window plus the older summary, bounded, oldest first', async () => {
    const { rows } = await db.pool.query(`select count(*)::int as n from signals where account_id = 'big'`);
    expect(rows[0].n).toBe(N);
    const t = performance.now();
    const signals = await listSignals(db.pool, 'big', { before: iso(now) });
    const ms = performance.now() - t;
    const ids = signals.map((s) => s.externalId);
    expect(ids.at(-1)).toBe('newest');
    expect(ids).toContain('stage-0');
    expect(ids).toContain('first-out');
    expect(signals.length).toBeLessThanOrEqual(10_000 + 20);
    expect(new Set(signals.map((s) => s.id)).size).toBe(signals.length);
    const times = signals.map((s) => Date.parse(s.occurredAt));
    expect(times.every((x, i) => i === 0 || times[i - 1] <= x)).toBe(true);
    console.log(`[reliability] ${N} signals: listSignals read ${signals.length} (window 10,000 + ${signals.length - 10_000} older summary) in ${ms.toFixed(0)} ms`);
  }, 60_000);

  it('assesses the newest signal: factors of the assessment cite it', async () => {
    const agent = createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'] });
    const { rows } = await db.pool.query(`select id from signals where account_id = 'big' and external_id = 'newest'`);
    const t = performance.now();
    const { assessment } = await agent.evaluate({ accountId: 'big', asOf: iso(now) });
    const ms = performance.now() - t;
    const cited = assessment.factors.filter((f) => f.evidence.includes(rows[0].id));
    console.log(`[reliability] ${N} signals: assessed in ${(ms / 1000).toFixed(1)} s; factors citing the newest signal: ${cited.map((f) => f.factor).join(', ')}`);
    expect(cited.length).toBeGreaterThan(0);
  }, 600_000);
});
