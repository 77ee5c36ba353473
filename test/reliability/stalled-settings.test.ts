// One bad setting must not stall an account for ever. The API refuses a wrong `settings.thresholds`
// by field (create and update); an account whose stored settings are bad anyway (written before this
// check, or straight into the database) is shown as stalled with the reason, and resumes once the
// settings are corrected through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/activity';
import { startTestStack, auth, eventually, uniqueId } from '../helpers/stack.js';
import type { Stack } from '../../stack.js';
import { insertAccount, updateAccountSettings } from '../../db/queries/accounts.js';
import { typedFailure } from '../../workflows/activities/errors.js';
import { thresholdIssues } from '../../agents/signals/settings.js';

let stack: Stack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack?.stop(); });

const account = (settings: unknown) => ({ id: uniqueId('stall'), name: 'Kessler Logistics', domains: ['kessler-log.de'], stage: 'proposal', settings });
const state = async (id: string) => {
  const res = await stack.app.inject({ method: 'GET', url: `/v1/accounts/${id}`, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().agent.state as { stalled?: { type: string; reason: string; permanent: boolean }; assessments: number } | null;
};

describe('settings.thresholds at the API', () => {
  it('refuses a string where a number belongs on create, naming the field', async () => {
    const res = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: account({ thresholds: { silenceDays: { proposal: 'ten' } } }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('body.settings.thresholds.silenceDays.proposal');
  });

  it('refuses an unknown threshold and a wrong shape on update, naming the field; stores nothing', async () => {
    const created = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: account({ thresholds: { silenceDays: { proposal: 9 } } }) });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    for (const [thresholds, field] of [[{ silenceDayz: 3 }, 'silenceDayz'], [{ maxScore: -5 }, 'maxScore'], [{ newLead: 'fast' }, 'newLead']] as const) {
      const res = await stack.app.inject({ method: 'PATCH', url: `/v1/accounts/${id}/settings`, headers: auth, payload: { thresholds } });
      expect(res.statusCode, JSON.stringify(thresholds)).toBe(400);
      expect(res.json().message).toContain(`body.thresholds.${field}`);
    }
    const got = await stack.app.inject({ method: 'GET', url: `/v1/accounts/${id}`, headers: auth });
    expect(got.json().settings.thresholds).toEqual({ silenceDays: { proposal: 9 } });
  });

  it('accepts what the risk model accepts (the same schema)', () => {
    expect(thresholdIssues({ silenceDays: { proposal: 12 } })).toEqual([]);
    expect(thresholdIssues({ silenceDays: { proposal: '12' } }).map((i) => i.path.join('.'))).toEqual(['silenceDays.proposal']);
  });
});

describe('errors no retry can fix', () => {
  it('are non-retryable ApplicationFailures with their type; others pass through as thrown', () => {
    const bad = typedFailure(new Error('invalid risk thresholds in account settings: silenceDays.proposal: expected number'));
    expect(bad).toBeInstanceOf(ApplicationFailure);
    expect((bad as ApplicationFailure).type).toBe('InvalidConfig');
    expect((bad as ApplicationFailure).nonRetryable).toBe(true);
    const gone = typedFailure(new Error('account acme-1 not found')) as ApplicationFailure;
    expect([gone.type, gone.nonRetryable]).toEqual(['AccountNotFound', true]);
    const transient = new Error('connection terminated unexpectedly');
    expect(typedFailure(transient)).toBe(transient);
  });

  it('an account with bad stored settings is stalled with the reason, and resumes once they are corrected', async () => {
    const id = uniqueId('stall');
    await insertAccount(stack.database.pool, { id, name: 'Kessler Logistics', domains: ['kessler-log.de'], stage: 'proposal' });
    // As if stored before validation existed: the API would refuse it now.
    await updateAccountSettings(stack.database.pool, id, { thresholds: { silenceDays: { proposal: 'ten' } } });
    const t0 = Date.now();
    const posted = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: [
      { kind: 'email', direction: 'inbound', occurredAt: new Date().toISOString(), externalId: `${id}-m1`, from: { email: 'jana@kessler-log.de' }, to: [{ email: 'rep@ourco.com' }], subject: 'Pricing', text: 'Could you send the revised pricing?' },
    ] });
    expect(posted.statusCode, posted.body).toBe(202);

    const stalled = await eventually(async () => (await state(id))?.stalled, 60_000);
    const stalledMs = Date.now() - t0;
    expect(stalled.type).toBe('InvalidConfig');
    expect(stalled.permanent).toBe(true);
    expect(stalled.reason).toContain('silenceDays.proposal');
    // Non-retryable: one attempt, not a minute of backoff before the account shows it.
    expect(stalledMs).toBeLessThan(30_000);
    expect((await state(id))!.assessments).toBe(0);

    const fixed = await stack.app.inject({ method: 'PATCH', url: `/v1/accounts/${id}/settings`, headers: auth, payload: { thresholds: { silenceDays: { proposal: 10 } } } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const resumed = await eventually(async () => { const s = await state(id); return s && s.assessments >= 1 && !s.stalled ? s : null; }, 60_000);
    expect(resumed.stalled).toBeUndefined();
    const { rows } = await stack.database.pool.query(`select count(*)::int as n from signals where account_id = $1 and status = 'pending'`, [id]);
    expect(rows[0].n).toBe(0);
  }, 150_000);
});
