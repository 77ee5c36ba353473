// Send rate of approved emails to a loopback SMTP listener, printed (not asserted): through the whole
// path (API decision -> workflow update -> act activity -> SMTP -> outbound signal), and the act
// activity alone. What is asserted is that every approval sends exactly one email.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestStack, auth, eventually, uniqueId } from '../helpers/stack.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { createActionActivities } from '../../workflows/activities/act.js';
import { upsertOpenRecommendation } from '../../db/queries/recommendations.js';
import type { Stack } from '../../stack.js';

const N = Number(process.env.SEND_RATE_N ?? 40);
let stack: Stack;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startTestSmtp();
  stack = await startTestStack({ SMTP_URL: smtp.url });
  const u = await stack.app.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { id: 'sam', name: 'Sam Patel', email: 'sam@ourco.com', role: 'rep' } });
  expect(u.statusCode, u.body).toBe(201);
});
afterAll(async () => { await stack?.stop(); await smtp?.stop(); });

/**
 * n accounts, each with one proposed email recommendation (stored as the agent stores them, after the
 * account's first assessment, which would otherwise withdraw a recommendation it did not propose).
 */
async function emailRecommendations(n: number, prefix: string): Promise<Array<{ id: string; accountId: string }>> {
  const accounts: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const accountId = uniqueId(prefix);
    const res = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: { id: accountId, name: `Rate ${i}`, domains: [`${accountId}.io`], stage: 'customer', ownerId: 'sam' } });
    expect(res.statusCode, res.body).toBe(201);
    accounts.push(accountId);
  }
  await eventually(async () => (await stack.database.pool.query('select count(distinct account_id)::int as n from assessments where account_id = any($1)', [accounts])).rows[0].n === n, 120_000, 250);
  const out: Array<{ id: string; accountId: string }> = [];
  for (const [i, accountId] of accounts.entries()) {
    const { recommendation } = await upsertOpenRecommendation(stack.database.pool, accountId, null, {
      kind: 'follow_up', target: `pat@${accountId}.io`, title: `Follow up with Pat (${i})`, rationale: 'Quiet for three weeks.', evidence: [], priority: 50,
      dueAt: new Date(Date.now() + 86_400_000).toISOString(), factors: ['silence'],
      draft: { channel: 'email', to: [`pat@${accountId}.io`], subject: `Checking in (${i})`, body: `Hi Pat,\n\nHow is the rollout going?\n\nSam` },
    });
    out.push({ id: recommendation.id, accountId });
  }
  return out;
}

it(`sends ${N} approved emails, one each, and prints the rate`, async () => {
  const recs = await emailRecommendations(N, 'rate');
  const before = smtp.messages.length;
  const t0 = performance.now();
  const answers = await Promise.all(recs.map((r) => stack.app.inject({ method: 'POST', url: `/v1/recommendations/${r.id}/decision`, headers: auth, payload: { decision: 'approve' } })));
  expect(answers.map((a) => a.statusCode)).toEqual(recs.map(() => 200));
  await eventually(async () => smtp.messages.length - before >= N, 120_000, 20);
  const endToEnd = performance.now() - t0;
  await eventually(async () => (await stack.database.pool.query(`select count(*)::int as n from recommendations where id = any($1) and status = 'done'`, [recs.map((r) => r.id)])).rows[0].n === N, 60_000, 100);
  for (const r of recs) expect(smtp.messages.filter((m) => m.header('message-id') === `<rec-${r.id}@ourco.com>`)).toHaveLength(1);

  // The activity alone, one after another (SMTP handshake, outbox, signal and status writes per email).
  const direct = await emailRecommendations(N, 'direct');
  await stack.database.pool.query(`update recommendations set status = 'approved', decided_by = 'sam', decided_at = now() where id = any($1)`, [direct.map((r) => r.id)]);
  // Measured once the worker is idle again (the sent emails' reassessments share the embedded database).
  await eventually(async () => (await stack.database.pool.query(`select count(*)::int as n from signals where status = 'pending'`)).rows[0].n === 0, 120_000, 250);
  const act = createActionActivities({ db: stack.database.pool, ourDomains: ['ourco.com'], actions: { smtpUrl: smtp.url } });
  const t1 = performance.now();
  for (const r of direct) await act.act({ accountId: r.accountId, recommendationId: r.id });
  const activityOnly = performance.now() - t1;
  for (const r of direct) expect(smtp.messages.filter((m) => m.header('message-id') === `<rec-${r.id}@ourco.com>`)).toHaveLength(1);

  console.log(`send rate: ${N} approvals through the API and workflows in ${(endToEnd / 1000).toFixed(2)} s = ${(N / (endToEnd / 1000)).toFixed(1)} emails/s; `
    + `the act activity alone, sequential: ${(activityOnly / N).toFixed(1)} ms/email = ${(N / (activityOnly / 1000)).toFixed(1)} emails/s`);
}, 300_000);
