// Data survives a restart of the embedded product: PGlite on files and a Temporal dev server of its
// own on a SQLite file, both under one temporary DATA_DIR. Stop everything, start again from the
// same folder: the accounts, signals, recommendations, users and tokens are there, and the account's
// workflow is the same execution, carrying on with its state when the next signal arrives.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startTestStack, auth, eventually } from '../helpers/stack.js';
import type { Stack } from '../../stack.js';
import { freePort } from '../../workflows/dev-server.js';
import { accountWorkflowId, stateQuery } from '../../workflows/account/messages.js';

const dataDir = mkdtempSync(join(tmpdir(), 'aa-restart-'));
const taskQueue = `restart-${randomUUID()}`;
let stack: Stack | undefined;

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<Stack> {
  return startTestStack({
    DATA_DIR: dataDir, TEMPORAL_ADDRESS: '', TEMPORAL_CLI_PATH: inject('temporalCliPath'), TEMPORAL_TASK_QUEUE: taskQueue,
    TEMPORAL_PORT: String(await freePort()), TEMPORAL_UI_PORT: String(await freePort()),
  });
}

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const get = async (s: Stack, url: string, headers = auth) => {
  const res = await s.app.inject({ method: 'GET', url, headers });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};

describe('a restart', () => {
  it('keeps every row, and the account workflow continues where it was', async () => {
    const id = 'globex';
    stack = await start();
    expect(stack.devServer, 'the stack runs its own dev server on files').toBeDefined();
    const user = await stack.app.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { id: 'sam', name: 'Sam Patel', email: 'sam@ourco.com', role: 'rep' } });
    const samToken = user.json().token as string;
    expect((await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: {
      id, name: 'Globex', domains: ['globex.io'], stage: 'proposal', arr: 60000, ownerId: 'sam',
      contacts: [{ email: 'hank@globex.io', name: 'Hank Scorpio', title: 'CEO', role: 'decision_maker' }],
    } })).statusCode).toBe(201);
    const posted = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: [
      { kind: 'meeting', occurredAt: ago(9), externalId: 'm-1', title: 'Globex demo', attendees: [{ email: 'hank@globex.io', name: 'Hank Scorpio' }], transcript: 'Hank Scorpio: This looks great, send me a proposal.\nSam Patel: Will do.' },
      { kind: 'email', occurredAt: ago(6), externalId: 'e-1', from: { email: 'sam@ourco.com', name: 'Sam Patel' }, to: [{ email: 'hank@globex.io' }], subject: 'Proposal for Globex', text: 'Hi Hank, attached is our proposal for the 200-seat rollout.' },
    ] });
    expect(posted.statusCode, posted.body).toBe(202);
    const s1 = stack;
    await eventually(async () => (await get(s1, `/v1/recommendations?account=${id}`)).recommendations.some((r: { kind: string }) => r.kind === 'follow_up'), 60_000, 200);
    await eventually(async () => (await get(s1, '/v1/stats/signals')).pending === 0, 60_000, 200);

    const handle1 = stack.temporal.client.workflow.getHandle(accountWorkflowId(id));
    // Settled: nothing pending, no run in flight, the last assessment (of both signals) on the
    // account row, and no further run for a second (a notification that lands during a run, such as
    // the account's creation or the sweeper's, starts another run right after it).
    let seen = -1;
    await eventually(async () => {
      const state = await handle1.query(stateQuery);
      if (state.pending || state.assessing) return false;
      const [latest] = (await get(s1, `/v1/accounts/${id}/assessments`)).assessments;
      const row = await get(s1, `/v1/accounts/${id}`);
      const quiet = state.assessments === seen;
      seen = state.assessments;
      return quiet && latest?.signalCount === 2 && row.lastAssessedAt === state.lastAssessedAt;
    }, 60_000, 1000);
    const before = {
      account: await get(stack, `/v1/accounts/${id}`),
      signals: await get(stack, `/v1/accounts/${id}/signals`),
      assessments: await get(stack, `/v1/accounts/${id}/assessments`),
      recommendations: await get(stack, `/v1/recommendations?account=${id}&status=proposed,snoozed,approved,rejected,expired`),
      runId: (await handle1.describe()).runId,
      state: await handle1.query(stateQuery),
    };
    expect(before.signals.signals).toHaveLength(2);
    await stack.stop();
    stack = undefined;

    stack = await start();
    const s2 = stack;
    // The rows, as they were.
    const account = await get(s2, `/v1/accounts/${id}`);
    expect({ ...account, agent: undefined }).toEqual({ ...before.account, agent: undefined });
    expect(await get(s2, `/v1/accounts/${id}/signals`)).toEqual(before.signals);
    expect(await get(s2, `/v1/accounts/${id}/assessments`)).toEqual(before.assessments);
    expect(await get(s2, `/v1/recommendations?account=${id}&status=proposed,snoozed,approved,rejected,expired`)).toEqual(before.recommendations);
    // Users and their (hashed) tokens too.
    expect((await get(s2, `/v1/accounts/${id}`, { authorization: `Bearer ${samToken}` })).id).toBe(id);

    // The same workflow execution, with the state it had, picks up the next signal.
    const handle2 = s2.temporal.client.workflow.getHandle(accountWorkflowId(id));
    expect((await handle2.describe()).runId).toBe(before.runId);
    expect((await handle2.describe()).status.name).toBe('RUNNING');
    const reply = await s2.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: {
      kind: 'email', occurredAt: new Date().toISOString(), externalId: 'e-2', from: { email: 'hank@globex.io', name: 'Hank Scorpio' }, to: [{ email: 'sam@ourco.com' }],
      subject: 'Re: Proposal for Globex', text: 'Sam, thanks. We reviewed it and would like to move ahead. Can we talk on Tuesday?',
    } });
    expect(reply.statusCode, reply.body).toBe(202);
    const after = await eventually(async () => {
      const s = await handle2.query(stateQuery);
      return s.assessments > before.state.assessments && s.lastAssessedAt !== before.state.lastAssessedAt && s;
    }, 60_000, 250);
    expect(after.assessments).toBeGreaterThan(before.state.assessments);
    await eventually(async () => (await get(s2, `/v1/accounts/${id}/assessments`)).assessments[0].signalCount === 3, 30_000, 200);
  }, 240_000);
});
