// Snoozes the account workflow never heard of: rows left `snoozed` with a `snoozed_until` before
// snooze timers existed (or written outside a decision). The assess activity reads the account's
// snoozed rows and the workflow adopts those it has no timer for, so they come back like any other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { startTestStack, auth, eventually, uniqueId } from '../helpers/stack.js';
import { workflowBundle } from '../../workflows/worker.js';
import { accountWorkflowId, stateQuery } from '../../workflows/account/messages.js';
import { AccountState } from '../../workflows/account/state.js';
import { upsertOpenRecommendation } from '../../db/queries/recommendations.js';
import type { Stack } from '../../stack.js';

describe('AccountState.adoptSnoozes', () => {
  it('adds a timer for each unknown snooze, keeps the time of one it knows, and skips bad times', () => {
    const s = new AccountState('a', { snoozes: { known: '2026-12-05T09:00:00.000Z' } });
    const adopted = s.adoptSnoozes({
      known: '2026-12-01T09:00:00.000Z', late: '2026-12-03T09:00:00.000Z', past: '2026-11-01T09:00:00.000Z', broken: 'not a time',
    });
    expect(adopted).toEqual(['late', 'past']);
    expect(s.snoozes).toEqual({ known: '2026-12-05T09:00:00.000Z', late: '2026-12-03T09:00:00.000Z', past: '2026-11-01T09:00:00.000Z' });
    // The past one is due at once; the view shows the earliest.
    expect(s.dueSnoozes(Date.parse('2026-12-01T00:00:00Z'))).toEqual(['past']);
    expect(s.view().nextSnoozeAt).toBe('2026-11-01T09:00:00.000Z');
    // Carried across continue-as-new like the snoozes decisions set.
    expect(new AccountState('a', s.carry()).snoozes).toEqual(s.snoozes);
  });
});

describe('a snooze made before snooze timers existed', () => {
  let stack: Stack;
  beforeAll(async () => { stack = await startTestStack(); }, 60_000);
  afterAll(async () => { await stack?.stop(); });

  const q = async (sql: string, params: unknown[] = []) => (await stack.database.pool.query(sql, params)).rows;

  it('comes back to the inbox after the next assessment: one already overdue at once, one still ahead at its time', async () => {
    const id = uniqueId('legacy');
    const created = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: {
      id, name: 'Legacy Co', domains: ['legacy.example'], stage: 'customer', arr: 50000 } });
    expect(created.statusCode, created.body).toBe(201);
    const handle = stack.temporal.client.workflow.getHandle(accountWorkflowId(id));
    await eventually(async () => { const st = await handle.query(stateQuery); return st.assessments >= 1 && !st.pending && !st.assessing; }, 60_000, 200);

    // Two snoozed rows written straight to the table, as the product left them before timers: the
    // workflow was never told (no decision went through it).
    const rec = async (target: string) => (await upsertOpenRecommendation(stack.database.pool, id, null, {
      kind: 'escalate', target, title: `Escalate ${target}`, rationale: 'Snoozed by hand long ago.', evidence: [], priority: 50,
      dueAt: new Date(Date.now() + 86_400_000).toISOString(), factors: [],
    })).recommendation;
    const overdue = await rec('overdue');
    const ahead = await rec('ahead');
    const aheadUntil = new Date(Date.now() + 6_000);
    await q(`update recommendations set status = 'snoozed', snoozed_until = $2 where id = $1`, [overdue.id, new Date(Date.now() - 3_600_000).toISOString()]);
    await q(`update recommendations set status = 'snoozed', snoozed_until = $2 where id = $1`, [ahead.id, aheadUntil.toISOString()]);
    expect((await handle.query(stateQuery)).nextSnoozeAt).toBeUndefined();

    // Nothing brings them back until the workflow assesses again (here: a new signal).
    const sent = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: {
      kind: 'note', occurredAt: new Date().toISOString(), externalId: `n-${id}`, source: 'crm', text: 'Quarterly check-in went fine.' } });
    expect(sent.statusCode, sent.body).toBe(202);

    // Each wake is in the audit log with the status it left (proposed: back in the inbox). Read from
    // there: a later assessment may withdraw these hand-made items, which is its business, not this test's.
    const wakes = async () => (await q(`select entity_id, at, details->'after'->>'status' as status from audit_log
      where action in ('recommendation.unsnooze', 'recommendation.expire') and entity_id = any($1)`, [[overdue.id, ahead.id]]));
    const statusOf = async (recId: string) => (await q('select status from recommendations where id = $1', [recId]))[0].status as string;
    await eventually(async () => (await wakes()).some((w) => w.entity_id === overdue.id), 60_000, 200);
    // The one ahead is still snoozed, and the workflow now holds a timer for it.
    if (Date.now() < aheadUntil.getTime() - 1000) {
      expect(await statusOf(ahead.id)).toBe('snoozed');
      expect(Date.parse((await handle.query(stateQuery)).nextSnoozeAt!)).toBe(aheadUntil.getTime());
    }
    await eventually(async () => (await wakes()).some((w) => w.entity_id === ahead.id), 60_000, 200);
    const woke = await wakes();
    expect(woke.map((w) => [w.entity_id, w.status]).sort()).toEqual([[overdue.id, 'proposed'], [ahead.id, 'proposed']].sort());
    expect(Date.parse(woke.find((w) => w.entity_id === ahead.id)!.at)).toBeGreaterThanOrEqual(aheadUntil.getTime());
    expect((await handle.query(stateQuery)).nextSnoozeAt).toBeUndefined();

    // The history with the new patch replays.
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, await handle.fetchHistory(), accountWorkflowId(id));
  }, 120_000);
});
