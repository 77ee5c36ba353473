// Workflow code must stay deterministic: a history recorded against real Temporal replays without
// a non-determinism error, both a fresh one and the ones committed under test/fixtures/histories/.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { startTestStack, auth, eventually, uniqueId } from '../helpers/stack.js';
import { workflowBundle } from '../../workflows/worker.js';
import { accountWorkflowId, stateQuery } from '../../workflows/account/messages.js';
import type { Stack } from '../../stack.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));

let stack: Stack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack?.stop(); });

async function replay(history: unknown, workflowId: string) {
  await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, workflowId);
}

describe('replay', () => {
  it('replays a fresh history of signals, assessments, a query and an update', async () => {
    const id = uniqueId('replay');
    await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: { id, name: 'Replay Co', domains: ['replay.example'], stage: 'discovery' } });
    const handle = stack.temporal.client.workflow.getHandle(accountWorkflowId(id));
    const assessed = (n: number) => eventually(async () => { const st = await handle.query(stateQuery); return st.assessments >= n && !st.pending; }, 30_000);
    await assessed(1);
    for (let i = 0; i < 2; i += 1) {
      await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: {
        kind: 'email', occurredAt: new Date(Date.now() - (3 - i) * 3_600_000).toISOString(), externalId: `r-${i}`,
        from: { email: 'ann@replay.example', name: 'Ann' }, to: [{ email: 'sam@ourco.com' }], subject: `Q${i}`, text: `Question ${i}: can you send the pricing?` } });
      await assessed(i + 2);
    }
    await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/ask`, headers: auth, payload: { question: 'When did we last hear from them?' } });
    const history = await handle.fetchHistory();
    expect(history.events!.length).toBeGreaterThan(10);
    await replay(history, accountWorkflowId(id));
    // Keep one recorded history so later changes to the workflow are replayed against it.
    const recorded = `${FIXTURES}account-workflow-v2.json`; // v1: before the leading-edge debounce
    if (!existsSync(recorded) && process.env.RECORD_HISTORIES) {
      // The CLI's JSON is the format Temporal's tools exchange; the replayer reads it as is.
      const json = execFileSync(inject('temporalCliPath'), ['workflow', 'show', '-w', accountWorkflowId(id), '--address', inject('temporalAddress'), '--output', 'json']);
      writeFileSync(recorded, json);
    }
  }, 60_000);

  it('replays every committed history', async () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) await replay(JSON.parse(readFileSync(FIXTURES + f, 'utf8')), f);
  }, 60_000);
});
