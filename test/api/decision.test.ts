// POST /v1/recommendations/:id/decision over HTTP, through the account's workflow (a Temporal
// Update) to the row and the audit log. Each recommendation is a real one: the agent proposes a
// follow-up on a proposal that went unanswered for six days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, auth, eventually, uniqueId } from '../helpers/stack.js';
import type { Stack } from '../../stack.js';

let stack: Stack;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack();
  // Mona manages Sam; Max manages Rex.
  for (const u of [{ id: 'mona', role: 'manager' }, { id: 'max', role: 'manager' }, { id: 'sam', role: 'rep', managerId: 'mona' }, { id: 'rex', role: 'rep', managerId: 'max' }]) {
    const res = await stack.app.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { ...u, name: u.id, email: `${u.id}@ourco.com` } });
    expect(res.statusCode, res.body).toBe(201);
    tokens[u.id] = res.json().token;
  }
});
afterAll(async () => { await stack?.stop(); });

const as = (user: string) => (user === 'admin' ? auth : { authorization: `Bearer ${tokens[user]}` });
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

interface Rec {
  id: string; accountId: string; kind: string; target: string; title: string; status: string; statusReason: string | null;
  snoozedUntil: string | null; decidedBy: string | null; decidedAt: string | null; dueAt: string | null;
  draft: { subject?: string; body: string; to: string[] } | null;
}

/** An account owned by Sam whose agent has proposed a follow-up to Hank. */
async function proposedFollowUp(): Promise<Rec> {
  const id = uniqueId('globex');
  const created = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: {
    id, name: 'Globex', domains: ['globex.io'], stage: 'proposal', arr: 60000, ownerId: 'sam',
    contacts: [{ email: 'hank@globex.io', name: 'Hank Scorpio', title: 'CEO', role: 'decision_maker' }],
  } });
  expect(created.statusCode, created.body).toBe(201);
  const posted = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: {
    kind: 'email', occurredAt: at(-6), externalId: 'proposal-1', from: { email: 'sam@ourco.com', name: 'Sam Patel' },
    to: [{ email: 'hank@globex.io', name: 'Hank Scorpio' }], subject: 'Proposal for Globex', text: 'Hi Hank, attached is our proposal for the 200-seat rollout.',
  } });
  expect(posted.statusCode, posted.body).toBe(202);
  return eventually(async () => {
    const r = await stack.app.inject({ method: 'GET', url: `/v1/recommendations?account=${id}`, headers: auth });
    return (r.json().recommendations as Rec[]).find((x) => x.kind === 'follow_up');
  }, 60_000, 200);
}

const decide = (id: string, body: unknown, user = 'sam') =>
  stack.app.inject({ method: 'POST', url: `/v1/recommendations/${id}/decision`, headers: as(user), payload: body as Record<string, unknown> });

async function auditRows(recId: string) {
  const { rows } = await stack.database.pool.query(
    // The decisions only: what the workflow does after an approval (recommendation.done) is audited too, moments later.
    `select actor, action, entity, entity_id, at, details from audit_log where entity_id = $1
       and action = any(array['recommendation.approve', 'recommendation.edit', 'recommendation.reject', 'recommendation.snooze']) order by id`, [recId]);
  return rows as Array<{ actor: string; action: string; entity: string; entity_id: string; at: string; details: { reason: string | null; before: Partial<Rec>; after: Partial<Rec> } }>;
}

async function row(id: string): Promise<Rec> {
  const { rows } = await stack.database.pool.query('select status, status_reason, snoozed_until, due_at, draft, title from recommendations where id = $1', [id]);
  return { ...rows[0], statusReason: rows[0].status_reason } as Rec;
}

/** Waits for the assessment the decision triggers, then returns the account's open follow-ups. */
async function openFollowUpsAfterReassessment(rec: Rec): Promise<Rec[]> {
  await eventually(async () => {
    const { rows } = await stack.database.pool.query('select count(*)::int as n from assessments where account_id = $1 and as_of > $2', [rec.accountId, rec.decidedAt]);
    return rows[0].n > 0;
  }, 60_000, 200);
  const r = await stack.app.inject({ method: 'GET', url: `/v1/recommendations?account=${rec.accountId}&status=proposed,snoozed`, headers: auth });
  return (r.json().recommendations as Rec[]).filter((x) => x.kind === 'follow_up' && x.target === rec.target);
}

describe('approve', () => {
  it('marks it approved by the caller, writes one audit row with before and after, and it leaves the inbox', async () => {
    const rec = await proposedFollowUp();
    const t0 = Date.now();
    const res = await decide(rec.id, { decision: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    const after: Rec = res.json();
    expect(after).toMatchObject({ id: rec.id, decidedBy: 'sam' });
    // Read after the decision: the approved action may already have run ('done'); the audit row below is the decision.
    expect(['approved', 'done']).toContain(after.status);
    expect(Date.parse(after.decidedAt!)).toBeGreaterThanOrEqual(t0 - 1000);

    const audit = await auditRows(rec.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'sam', action: 'recommendation.approve', entity: 'recommendation' });
    expect(Date.parse(String(audit[0].at))).toBeGreaterThanOrEqual(t0 - 1000);
    expect(Date.parse(String(audit[0].at))).toBeLessThanOrEqual(Date.now());
    expect(audit[0].details.before).toMatchObject({ status: 'proposed', title: rec.title });
    expect(audit[0].details.after).toMatchObject({ status: 'approved', title: rec.title });

    const inbox = await stack.app.inject({ method: 'GET', url: `/v1/recommendations?account=${rec.accountId}`, headers: as('sam') });
    expect((inbox.json().recommendations as Rec[]).map((r) => r.id)).not.toContain(rec.id);
    // The agent re-assesses after a decision and does not propose the approved action again.
    expect(await openFollowUpsAfterReassessment(after)).toEqual([]);
  });
});

describe('edit', () => {
  it('approves a changed draft, recipient and due date, and the audit row keeps both versions', async () => {
    const rec = await proposedFollowUp();
    expect(rec.draft).not.toBeNull();
    const dueAt = at(2).replace(/\.\d+Z$/, '.000Z');
    const res = await decide(rec.id, { decision: 'edit', edit: {
      title: 'Call Hank about the proposal',
      draft: { subject: 'Proposal: a quick call?', body: 'Hi Hank, could we walk through the proposal on Thursday?', to: ['hank@globex.io', 'pa@globex.io'] },
      dueAt,
    } });
    expect(res.statusCode, res.body).toBe(200);
    const after: Rec = res.json();
    expect(after.status).toBe('edited');
    expect(after.title).toBe('Call Hank about the proposal');
    expect(after.draft).toMatchObject({ subject: 'Proposal: a quick call?', body: 'Hi Hank, could we walk through the proposal on Thursday?', to: ['hank@globex.io', 'pa@globex.io'] });
    expect(Date.parse(after.dueAt!)).toBe(Date.parse(dueAt));

    const [audit] = await auditRows(rec.id);
    expect(audit.action).toBe('recommendation.edit');
    expect(audit.details.before).toMatchObject({ status: 'proposed', title: rec.title, draft: rec.draft });
    expect(audit.details.after).toMatchObject({ status: 'edited', title: 'Call Hank about the proposal', draft: { to: ['hank@globex.io', 'pa@globex.io'] } });
    expect(Date.parse(audit.details.after.dueAt!)).toBe(Date.parse(dueAt));
  });

  it('an edit of the body alone keeps the rest of the draft', async () => {
    const rec = await proposedFollowUp();
    const res = await decide(rec.id, { decision: 'edit', edit: { draft: { body: 'Hank, any questions on the proposal?' } } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().draft).toEqual({ ...rec.draft, body: 'Hank, any questions on the proposal?' });
    expect(res.json().title).toBe(rec.title);
  });
});

describe('reject', () => {
  it('records each reason code and free text, and the agent keeps the rejected action quiet', async () => {
    const reasons = ['not_relevant', 'already_done', 'wrong_timing', 'wrong_contact', 'Hank told me on the phone he needs two weeks'];
    const recs = await Promise.all(reasons.map(() => proposedFollowUp()));
    for (const [i, reason] of reasons.entries()) {
      const res = await decide(recs[i].id, { decision: 'reject', reason });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'rejected', statusReason: reason, decidedBy: 'sam' });
      const [audit] = await auditRows(recs[i].id);
      expect(audit).toMatchObject({ actor: 'sam', action: 'recommendation.reject' });
      expect(audit.details.reason).toBe(reason);
      expect(audit.details.after).toMatchObject({ status: 'rejected', statusReason: reason });
    }
    for (const [i, reason] of reasons.entries()) {
      const decided = { ...recs[i], decidedAt: (await stack.app.inject({ method: 'GET', url: `/v1/recommendations?account=${recs[i].accountId}&status=rejected`, headers: auth })).json().recommendations[0].decidedAt };
      expect(await openFollowUpsAfterReassessment(decided), reason).toEqual([]);
    }
  }, 180_000);
});

describe('snooze', () => {
  it('keeps the time it was snoozed until, leaves the inbox, and is listed as snoozed', async () => {
    const rec = await proposedFollowUp();
    const until = at(3);
    const res = await decide(rec.id, { decision: 'snooze', until });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('snoozed');
    expect(Date.parse(res.json().snoozedUntil)).toBe(Date.parse(until));
    const inbox = await stack.app.inject({ method: 'GET', url: `/v1/recommendations?account=${rec.accountId}`, headers: as('sam') });
    expect((inbox.json().recommendations as Rec[]).map((r) => r.id)).not.toContain(rec.id);
    const snoozed = await stack.app.inject({ method: 'GET', url: `/v1/recommendations?account=${rec.accountId}&status=snoozed`, headers: as('sam') });
    expect((snoozed.json().recommendations as Rec[]).map((r) => r.id)).toEqual([rec.id]);
    const [audit] = await auditRows(rec.id);
    expect(audit.action).toBe('recommendation.snooze');
    expect(Date.parse(audit.details.after.snoozedUntil!)).toBe(Date.parse(until));
    // Snoozed again to a later time: the new time holds, and it is a second audited decision.
    const later = at(5);
    const again = await decide(rec.id, { decision: 'snooze', until: later });
    expect(again.statusCode, again.body).toBe(200);
    expect(Date.parse(again.json().snoozedUntil)).toBe(Date.parse(later));
    expect((await auditRows(rec.id)).map((a) => a.action)).toEqual(['recommendation.snooze', 'recommendation.snooze']);
    // A snoozed item can still be decided. The reply is the recommendation read after the decision, and the approved
    // action may already have run by then ('done', seen once in CI on a loaded machine); the audit row is the decision itself.
    const approved = await decide(rec.id, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(['approved', 'done']).toContain(approved.json().status);
    expect((await auditRows(rec.id)).at(-1)).toMatchObject({ action: 'recommendation.approve', details: { after: { status: 'approved' } } });
  });
});

describe('refusals', () => {
  it('an unknown recommendation is a 404', async () => {
    const res = await decide('00000000-0000-0000-0000-000000000000', { decision: 'approve' }, 'admin');
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/recommendation .* not found/);
  });

  it('a bad body is a 400 naming the field, and changes nothing', async () => {
    const rec = await proposedFollowUp();
    const cases: Array<[unknown, RegExp]> = [
      [{ decision: 'maybe' }, /body\.decision/],
      [{}, /body\.decision/],
      [{ decision: 'snooze' }, /body\.until/],
      [{ decision: 'snooze', until: 'next tuesday' }, /body\.until/],
      [{ decision: 'edit' }, /body\.edit/],
      [{ decision: 'edit', edit: { dueAt: 'soon' } }, /body\.edit\.dueAt/],
      [{ decision: 'edit', edit: { draft: { to: ['hank at globex'] } } }, /body\.edit\.draft\.to\.0/],
      [{ decision: 'edit', edit: { draft: { to: ['hank@globex.io\r\nBcc: all@globex.io'] } } }, /body\.edit\.draft\.to\.0/],
      [{ decision: 'edit', edit: { draft: { subject: 'Hello\r\nBcc: all@globex.io' } } }, /body\.edit\.draft\.subject/],
      [{ decision: 'reject', reason: 'x'.repeat(2001) }, /body\.reason/],
    ];
    for (const [body, field] of cases) {
      const res = await decide(rec.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message, JSON.stringify(body)).toMatch(field);
    }
    expect((await row(rec.id)).status).toBe('proposed');
    expect(await auditRows(rec.id)).toEqual([]);
  });

  it('deciding an already decided recommendation is a 409 that says what it already is', async () => {
    const rec = await proposedFollowUp();
    expect((await decide(rec.id, { decision: 'reject', reason: 'not_relevant' })).statusCode).toBe(200);
    for (const body of [{ decision: 'approve' }, { decision: 'reject', reason: 'wrong_timing' }, { decision: 'snooze', until: at(1) }]) {
      const res = await decide(rec.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(409);
      expect(res.json().message).toMatch(/already rejected/);
    }
    const r = await row(rec.id);
    expect(r.status).toBe('rejected');
    expect(r.statusReason).toBe('not_relevant');
    expect(await auditRows(rec.id)).toHaveLength(1);
  });
});

describe('roles', () => {
  it("neither another rep nor another team's manager can decide on a rep's recommendation (404, nothing changes); the rep can", async () => {
    const rec = await proposedFollowUp();
    const other = await decide(rec.id, { decision: 'approve' }, 'rex');
    expect(other.statusCode).toBe(404);
    const manager = await decide(rec.id, { decision: 'approve' }, 'max');
    expect(manager.statusCode).toBe(404);
    expect((await row(rec.id)).status).toBe('proposed');
    expect(await auditRows(rec.id)).toEqual([]);
    const inbox = await stack.app.inject({ method: 'GET', url: '/v1/recommendations?owner=sam', headers: as('rex') });
    expect((inbox.json().recommendations as Rec[]).map((r) => r.id)).not.toContain(rec.id);

    const own = await decide(rec.id, { decision: 'approve' }, 'sam');
    expect(own.statusCode, own.body).toBe(200);
    expect((await auditRows(rec.id))[0].actor).toBe('sam');
  });

  it("the rep's own manager can decide for the team", async () => {
    const rec = await proposedFollowUp();
    const res = await decide(rec.id, { decision: 'snooze', until: at(1) }, 'mona');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().decidedBy).toBe('mona');
  });
});
