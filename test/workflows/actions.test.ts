// Decisions that act, over the real stack: PGlite with the migrations, the shared Temporal dev
// server, a worker, the API by inject, a real SMTP listener and a webhook receiver on loopback.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { Worker } from '@temporalio/worker';
import { startTestStack, auth, eventually, uniqueId } from '../helpers/stack.js';
import { closedPort, startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { startActingStack, type ActingStack, type WebhookPost } from '../helpers/acting-stack.js';
import { workflowBundle } from '../../workflows/worker.js';
import { accountWorkflowId } from '../../workflows/account/messages.js';
import { createActionActivities } from '../../workflows/activities/act.js';
import { decide as decideOnWorkflow } from '../../workflows/client.js';
import { upsertOpenRecommendation } from '../../db/queries/recommendations.js';
import type { Stack } from '../../stack.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));
const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

let acting: ActingStack;
let stack: Stack;
let smtp: TestSmtp;
let posted: WebhookPost[];

beforeAll(async () => {
  acting = await startActingStack();
  ({ stack, smtp, posted } = acting);
});
afterAll(async () => { await acting?.stop(); });

const asSam = () => acting.asRep();
const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await stack.database.pool.query(sql, params)).rows as T[];
const decide = (s: Stack, id: string, body: Record<string, unknown>, headers = asSam()) =>
  s.app.inject({ method: 'POST', url: `/v1/recommendations/${id}/decision`, headers, payload: body });
const statusOf = async (s: Stack, id: string) =>
  (await s.database.pool.query('select status, status_reason from recommendations where id = $1', [id])).rows[0] as { status: string; status_reason: string | null };
const mailsFor = (recId: string) => smtp.messages.filter((m) => m.header('message-id')?.includes(`rec-${recId}@`));

interface Rec { id: string; accountId: string; kind: string; target: string; factors: string[]; draft: { to: string[]; subject?: string; body: string } | null }

/** An account owned by Sam where Hank asked a question two days ago and nobody answered: the agent proposes a reply. */
async function proposedReply(s: Stack, ownerId = 'sam', subject = 'Pricing for 200 seats'): Promise<Rec> {
  const id = uniqueId('initech');
  const created = await s.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: {
    id, name: 'Initech', domains: ['initech.io'], stage: 'negotiation', arr: 80000, ownerId,
    contacts: [{ email: 'hank@initech.io', name: 'Hank Hill', title: 'VP Operations', role: 'decision_maker' }],
  } });
  expect(created.statusCode, created.body).toBe(201);
  const sent = await s.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: {
    kind: 'email', occurredAt: ago(2 * DAY), externalId: `<q1.${id}@initech.io>`, inReplyTo: `<p0.${id}@ourco.com>`,
    from: { email: 'hank@initech.io', name: 'Hank Hill' }, to: [{ email: 'sam@ourco.com', name: 'Sam Patel' }],
    subject, text: 'Hi Sam, can you send the revised pricing for 200 seats? We need it for the budget meeting.',
  } });
  expect(sent.statusCode, sent.body).toBe(202);
  // The reply, once the account's workflow is idle: a later assessment still under way could rewrite
  // the draft a test is about to tamper with (seen under load in CI).
  return eventually(async () => {
    const a = await s.app.inject({ method: 'GET', url: `/v1/accounts/${id}`, headers: auth });
    if (a.json().agent?.state?.pending !== false) return undefined;
    const r = await s.app.inject({ method: 'GET', url: `/v1/recommendations?account=${id}`, headers: auth });
    return (r.json().recommendations as Rec[]).find((x) => x.kind === 'reply');
  }, 60_000, 200);
}

/** A recommendation without a draft (an escalation), stored as the agent would store it. */
async function proposedEscalation(s: Stack, factors: string[] = ['negative_sentiment']): Promise<Rec> {
  const id = uniqueId('hooli');
  const created = await s.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: {
    id, name: 'Hooli', domains: ['hooli.io'], stage: 'customer', arr: 120000, ownerId: 'sam' } });
  expect(created.statusCode, created.body).toBe(201);
  await eventually(async () => (await s.database.pool.query('select 1 from assessments where account_id = $1', [id])).rows.length > 0, 60_000, 200);
  const { recommendation } = await upsertOpenRecommendation(s.database.pool, id, null, {
    kind: 'escalate', target: 'account', title: 'Escalate the outage complaints to support leadership',
    rationale: 'Three tickets in a week about the same outage.', evidence: [], priority: 70,
    dueAt: new Date(Date.now() + DAY).toISOString(), factors: factors as never,
  });
  return recommendation as unknown as Rec;
}

describe('approving an email', () => {
  it('sends exactly one email from the owner, threaded, stores the outbound signal once, and the agent sees it', async () => {
    const rec = await proposedReply(stack);
    expect(rec.draft?.to).toEqual(['hank@initech.io']);
    const res = await decide(stack, rec.id, { decision: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('approved');

    await eventually(async () => (await statusOf(stack, rec.id)).status === 'done', 30_000);
    const mails = mailsFor(rec.id);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    const messageId = `<rec-${rec.id}@ourco.com>`;
    expect(mail.header('message-id')).toBe(messageId);
    expect(mail.parsed.from?.value[0].address).toBe('sam@ourco.com');
    expect(mail.envelope).toEqual({ from: 'sam@ourco.com', to: ['hank@initech.io'] });
    expect(mail.parsed.subject).toBe(rec.draft!.subject);
    expect(mail.parsed.text?.trim()).toBe(rec.draft!.body.trim());
    expect(mail.header('in-reply-to')).toBe(`<q1.${rec.accountId}@initech.io>`);
    expect(mail.header('references')).toBe(`<p0.${rec.accountId}@ourco.com> <q1.${rec.accountId}@initech.io>`);

    const signals = await q<{ id: string; direction: string; source: string; payload: { from: { email: string }; inReplyTo: string } }>(
      `select id, direction, source, payload from signals where account_id = $1 and external_id = $2`, [rec.accountId, messageId]);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ direction: 'outbound', source: 'outbox', payload: { from: { email: 'sam@ourco.com' }, inReplyTo: `<q1.${rec.accountId}@initech.io>` } });
    const [outbox] = await q<{ status: string; signal_id: string; attempts: number }>('select * from outbox where recommendation_id = $1', [rec.id]);
    expect(outbox).toMatchObject({ status: 'sent', signal_id: signals[0].id, attempts: 1 });

    // The workflow was told: an assessment after the send no longer finds Hank's question unanswered.
    const sentAt = (await q<{ at: string }>(`select at from audit_log where entity_id = $1 and action = 'recommendation.done'`, [rec.id]))[0].at;
    const after = await eventually(async () => (await q<{ factors: Array<{ factor: string }> }>(
      'select factors from assessments where account_id = $1 and created_at > $2 order by created_at desc limit 1', [rec.accountId, sentAt]))[0], 30_000);
    expect(after.factors.map((f) => f.factor)).not.toContain('unanswered_inbound');
    const before = await q<{ factors: Array<{ factor: string }> }>('select factors from assessments where account_id = $1 and created_at < $2', [rec.accountId, sentAt]);
    expect(before.some((a) => a.factors.some((f) => f.factor === 'unanswered_inbound'))).toBe(true);

    const audit = await q<{ actor: string; action: string; details: { before: { status: string }; after: { status: string }; messageId: string } }>(
      'select actor, action, details from audit_log where entity_id = $1 order by id', [rec.id]);
    expect(audit.map((a) => a.action)).toEqual(['recommendation.approve', 'recommendation.done']);
    expect(audit[1]).toMatchObject({ actor: 'sam', details: { before: { status: 'approved' }, after: { status: 'done' }, messageId } });

    // Approving again sends nothing more: the API says it is done, and the workflow's own update
    // (reached without the API's check) answers with the status it has.
    const again = await decide(stack, rec.id, { decision: 'approve' });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().message).toMatch(/already done/);
    const direct = await decideOnWorkflow(stack.temporal, { accountId: rec.accountId, ownerId: 'sam' }, { recommendationId: rec.id, decision: 'approve', decidedBy: 'sam' });
    expect(direct).toEqual({ recommendationId: rec.id, status: 'done' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(mailsFor(rec.id)).toHaveLength(1);

    // The activity run again (a retry whose status write was lost): the outbox says sent, nothing is sent.
    await q(`update recommendations set status = 'approved' where id = $1`, [rec.id]);
    const act = createActionActivities({ db: stack.database.pool, ourDomains: ['ourco.com'], actions: { smtpUrl: smtp.url } });
    for (let i = 0; i < 2; i += 1) {
      const r = await act.act({ accountId: rec.accountId, recommendationId: rec.id });
      expect(r).toMatchObject({ outcome: i === 0 ? 'email' : 'none', status: 'done' });
    }
    expect(mailsFor(rec.id)).toHaveLength(1);
    expect(await q('select 1 from signals where account_id = $1 and external_id = $2', [rec.accountId, messageId])).toHaveLength(1);
  }, 120_000);

  it('an edit sends the edited draft: its recipients, subject and body', async () => {
    const rec = await proposedReply(stack);
    const res = await decide(stack, rec.id, { decision: 'edit', edit: { draft: {
      to: ['hank@initech.io', 'peggy@initech.io'], subject: 'Re: Pricing for 200 seats (revised)', body: 'Hi Hank, the revised pricing is attached.\n\nSam' } } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('edited');
    await eventually(async () => (await statusOf(stack, rec.id)).status === 'done', 30_000);
    const [mail, ...more] = mailsFor(rec.id);
    expect(more).toEqual([]);
    expect(mail.envelope.to).toEqual(['hank@initech.io', 'peggy@initech.io']);
    expect(mail.parsed.subject).toBe('Re: Pricing for 200 seats (revised)');
    expect(mail.parsed.text?.trim()).toBe('Hi Hank, the revised pricing is attached.\n\nSam');
    expect(mail.header('in-reply-to')).toBe(`<q1.${rec.accountId}@initech.io>`);
  }, 120_000);

  it('an approved draft with a CR/LF in its subject is refused before SMTP: nothing sent, failed with the reason, no retry', async () => {
    // The API refuses such an edit, but a customer's subject line with a line break in it reaches the
    // agent's own draft ("Re: <their subject>"), and so the approval.
    const rec = await proposedReply(stack, 'sam', 'Pricing\r\nBcc: everyone@initech.io');
    expect(rec.draft?.subject).toMatch(/\r\nBcc:/);
    const res = await decide(stack, rec.id, { decision: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    const st = await eventually(async () => { const s = await statusOf(stack, rec.id); return s.status === 'failed' && s; }, 30_000);
    expect(st.status_reason).toMatch(/^subject: a line break/);
    expect(mailsFor(rec.id)).toEqual([]);
    expect(smtp.messages.some((m) => m.raw.includes('everyone@initech.io'))).toBe(false);
    expect(await q('select 1 from outbox where recommendation_id = $1', [rec.id])).toEqual([]);
    const audit = await q<{ action: string; details: { reason: string } }>('select action, details from audit_log where entity_id = $1 order by id', [rec.id]);
    expect(audit.map((a) => a.action)).toEqual(['recommendation.approve', 'recommendation.failed']);
  }, 120_000);
});

describe('approving another kind', () => {
  it('writes one task for the owner and posts it once to the webhook', async () => {
    const rec = await proposedEscalation(stack);
    const res = await decide(stack, rec.id, { decision: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    await eventually(async () => (await statusOf(stack, rec.id)).status === 'done', 30_000);
    const tasks = await q<{ owner_id: string; title: string; status: string; account_id: string; due_at: string; webhook_posted_at: string | null }>(
      'select * from tasks where recommendation_id = $1', [rec.id]);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ owner_id: 'sam', account_id: rec.accountId, title: 'Escalate the outage complaints to support leadership', status: 'open' });
    expect(tasks[0].webhook_posted_at).not.toBeNull();
    const hits = posted.filter((p) => JSON.stringify(p.body).includes('Escalate the outage complaints'));
    expect(hits).toHaveLength(1);
    expect(hits[0].contentType).toBe('application/json');
    const body = hits[0].body as { text: string; blocks: Array<{ type: string }> };
    expect(body.text).toMatch(/^New task for Sam Patel on Hooli: Escalate the outage complaints/);
    expect(body.blocks[0].type).toBe('section');
    expect(mailsFor(rec.id)).toEqual([]);
    // Run again: same task, no second post.
    await q(`update recommendations set status = 'approved' where id = $1`, [rec.id]);
    const act = createActionActivities({ db: stack.database.pool, ourDomains: ['ourco.com'], actions: { webhookUrl: acting.webhookUrl } });
    expect(await act.act({ accountId: rec.accountId, recommendationId: rec.id })).toMatchObject({ outcome: 'task', status: 'done' });
    expect(await q('select 1 from tasks where recommendation_id = $1', [rec.id])).toHaveLength(1);
    expect(posted.filter((p) => JSON.stringify(p.body).includes('Escalate the outage complaints'))).toHaveLength(1);
  }, 120_000);
});

describe('rejecting as already done', () => {
  it('records an outbound touch: a note by the owner on the timeline, audited', async () => {
    const rec = await proposedReply(stack);
    const res = await decide(stack, rec.id, { decision: 'reject', reason: 'already_done' });
    expect(res.statusCode, res.body).toBe(200);
    const notes = await q<{ kind: string; source: string; payload: { author: string; text: string } }>(
      `select kind, source, payload from signals where account_id = $1 and kind = 'note'`, [rec.accountId]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'note', source: 'decision', payload: { author: 'Sam Patel' } });
    expect(notes[0].payload.text).toContain('already did this');
    const audit = await q<{ actor: string; action: string }>('select actor, action from audit_log where entity_id = $1 order by id', [rec.id]);
    expect(audit).toEqual([{ actor: 'sam', action: 'recommendation.reject' }, { actor: 'sam', action: 'recommendation.touch' }]);
    expect(mailsFor(rec.id)).toEqual([]);
  }, 120_000);
});

describe('snooze', () => {
  it('comes back as proposed when the snooze ends, with no new signal', async () => {
    const rec = await proposedReply(stack);
    const signalsBefore = (await q('select id from signals where account_id = $1', [rec.accountId])).length;
    const until = new Date(Date.now() + 3000).toISOString();
    const res = await decide(stack, rec.id, { decision: 'snooze', until });
    expect(res.statusCode, res.body).toBe(200);
    expect((await statusOf(stack, rec.id)).status).toBe('snoozed');
    await eventually(async () => (await statusOf(stack, rec.id)).status === 'proposed', 30_000, 200);
    const woke = await q<{ at: string; actor: string | null }>(`select at, actor from audit_log where entity_id = $1 and action = 'recommendation.unsnooze'`, [rec.id]);
    expect(woke).toHaveLength(1);
    expect(Date.parse(woke[0].at)).toBeGreaterThanOrEqual(Date.parse(until));
    expect(woke[0].actor).toBeNull();
    expect((await q('select id from signals where account_id = $1', [rec.accountId])).length).toBe(signalsBefore);
    const inbox = await stack.app.inject({ method: 'GET', url: `/v1/recommendations?account=${rec.accountId}`, headers: asSam() });
    expect((inbox.json().recommendations as Rec[]).map((r) => r.id)).toContain(rec.id);

    // The history of approvals and snoozes replays (and is kept as a fixture when asked to record).
    const ok = await decide(stack, rec.id, { decision: 'approve' });
    expect(ok.statusCode, ok.body).toBe(200);
    await eventually(async () => (await statusOf(stack, rec.id)).status === 'done', 30_000);
    const handle = stack.temporal.client.workflow.getHandle(accountWorkflowId(rec.accountId));
    await eventually(async () => (await handle.fetchHistory()).events!.some((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'act'), 10_000);
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, await handle.fetchHistory(), accountWorkflowId(rec.accountId));
    const recorded = `${FIXTURES}account-workflow-v3.json`; // v3: decisions act (approve → act, snooze → wake)
    if (!existsSync(recorded) && process.env.RECORD_HISTORIES) {
      writeFileSync(recorded, execFileSync(inject('temporalCliPath'), ['workflow', 'show', '-w', accountWorkflowId(rec.accountId), '--address', inject('temporalAddress'), '--output', 'json']));
    }
  }, 120_000);

  it('expires instead when the factors behind it are gone from the latest assessment', async () => {
    const rec = await proposedEscalation(stack, ['usage_drop']);
    const res = await decide(stack, rec.id, { decision: 'snooze', until: new Date(Date.now() + 2000).toISOString() });
    expect(res.statusCode, res.body).toBe(200);
    const st = await eventually(async () => { const s = await statusOf(stack, rec.id); return s.status !== 'snoozed' && s; }, 30_000, 200);
    expect(st.status).toBe('expired');
    expect(st.status_reason).toMatch(/usage_drop not in the latest assessment/);
  }, 120_000);
});

describe('SMTP down', () => {
  it('retries with backoff, then marks the recommendation failed with the reason; nothing is sent', async () => {
    const down = await startTestStack({ SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` });
    try {
      const u = await down.app.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { id: 'sam', name: 'Sam Patel', email: 'sam@ourco.com', role: 'rep' } });
      expect(u.statusCode, u.body).toBe(201);
      const rec = await proposedReply(down);
      const t0 = Date.now();
      const res = await decide(down, rec.id, { decision: 'approve' }, auth);
      expect(res.statusCode, res.body).toBe(200);
      const st = await eventually(async () => { const s = await statusOf(down, rec.id); return s.status === 'failed' && s; }, 60_000, 200);
      expect(st.status_reason).toMatch(/ECONNREFUSED|connect/i);
      // Four attempts, 1 + 2 + 4 s apart.
      expect(Date.now() - t0).toBeGreaterThanOrEqual(7000);
      const [outbox] = (await down.database.pool.query('select status, attempts, last_error from outbox where recommendation_id = $1', [rec.id])).rows;
      expect(outbox).toMatchObject({ status: 'failed', attempts: 4 });
      const audit = (await down.database.pool.query('select action from audit_log where entity_id = $1 order by id', [rec.id])).rows.map((r) => r.action);
      expect(audit).toEqual(['recommendation.approve', 'recommendation.failed']);
      expect((await down.database.pool.query(`select 1 from signals where account_id = $1 and direction = 'outbound'`, [rec.accountId])).rows).toEqual([]);
    } finally {
      await down.stop();
    }
  }, 120_000);
});
