// An assessment reads its own past advice in one statement, and writes its proposals in one: every open recommendation (proposed or
// snoozed, however old) first, then those decided within the decision memory, each part by priority;
// older decisions and other accounts' rows stay out. The same rows the two separate reads returned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { listRecommendationsForAccount, listWorkingRecommendations, upsertOpenRecommendations } from '../../db/queries/recommendations.js';
import type { ProposedRecommendation } from '../../agents/recommendation.js';
import { freshDatabase } from '../helpers/db.js';
import { seedAccount } from '../helpers/seed.js';

let db: Database;
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

async function rec(account: string, target: string, status: string, priority: number, updatedDaysAgo: number): Promise<string> {
  const { rows } = await db.pool.query(
    `insert into recommendations (account_id, kind, target, title, rationale, priority, status, updated_at)
     values ($1, 'follow_up', $2, $3, 'why', $4, $5, $6) returning id`, [account, target, `${status} ${target}`, priority, status, ago(updatedDaysAgo)]);
  return rows[0].id as string;
}

beforeAll(async () => {
  db = await freshDatabase();
  await seedAccount(db.pool, { id: 'tarn', name: 'Tarn Logistics', domains: ['tarn.example'], stage: 'customer' }, []);
  await seedAccount(db.pool, { id: 'moss', name: 'Moss Dairy', domains: ['moss.example'], stage: 'customer' }, []);
}, 300_000);
afterAll(async () => { await db?.close(); });

describe('listWorkingRecommendations', () => {
  it('open ones of any age, then those decided since the cut-off, each by priority', async () => {
    const oldOpen = await rec('tarn', 'a', 'proposed', 40, 90);
    const snoozed = await rec('tarn', 'b', 'snoozed', 70, 5);
    const recentReject = await rec('tarn', 'c', 'rejected', 30, 3);
    const recentDone = await rec('tarn', 'd', 'done', 80, 10);
    await rec('tarn', 'e', 'rejected', 95, 60); // decided before the memory
    await rec('tarn', 'f', 'expired', 50, 1); // neither open nor a decision
    await rec('moss', 'a', 'proposed', 99, 1); // another account
    const since = ago(31);
    const one = await listWorkingRecommendations(db.pool, 'tarn', { open: ['proposed', 'snoozed'], decided: ['approved', 'edited', 'rejected', 'done', 'failed'], since });
    expect(one.map((r) => r.id)).toEqual([snoozed, oldOpen, recentDone, recentReject]);
    const two = [
      ...await listRecommendationsForAccount(db.pool, 'tarn', { statuses: ['proposed', 'snoozed'] }),
      ...await listRecommendationsForAccount(db.pool, 'tarn', { statuses: ['approved', 'edited', 'rejected', 'done', 'failed'], since }),
    ];
    expect(one).toEqual(two);
  });
});

describe('upsertOpenRecommendations', () => {
  const proposal = (target: string, title: string, priority: number): ProposedRecommendation => ({
    kind: 'follow_up', target, title, rationale: `because ${target}`, priority, dueAt: ago(-2), factors: ['silence'],
    evidence: [{ signalId: 's1', excerpt: 'quiet since the pilot' }], draft: { channel: 'email', to: [`${target}@moss.example`], subject: 'Checking in', body: 'Hi' },
  }) as ProposedRecommendation;

  it('inserts new ones, refreshes an open one in place, leaves a decided one, and keeps the later of a repeated key', async () => {
    const open = await rec('moss', 'ana', 'proposed', 10, 2);
    const decided = await rec('moss', 'ben', 'rejected', 10, 2);
    const n = await upsertOpenRecommendations(db.pool, 'moss', null, [
      proposal('ana', 'Follow up with Ana', 61), proposal('ben', 'Follow up with Ben', 55),
      proposal('cy', 'first title', 20), proposal('cy', 'Follow up with Cy', 44),
    ]);
    expect(n).toBe(3);
    const rows = await listRecommendationsForAccount(db.pool, 'moss', { statuses: ['proposed'] });
    const byTarget = new Map(rows.map((r) => [r.target, r]));
    expect(byTarget.get('ana')).toMatchObject({ id: open, title: 'Follow up with Ana', priority: 61, factors: ['silence'], draft: { to: ['ana@moss.example'] } });
    expect(byTarget.get('ben')?.id).not.toBe(decided);
    expect(byTarget.get('cy')).toMatchObject({ title: 'Follow up with Cy', priority: 44, evidence: [{ signalId: 's1', excerpt: 'quiet since the pilot' }] });
    expect(Date.parse(byTarget.get('cy')!.dueAt!)).toBeGreaterThan(Date.now());
    expect(await upsertOpenRecommendations(db.pool, 'moss', null, [])).toBe(0);
  });
});
