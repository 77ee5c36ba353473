// The account list, the inbox and the user list as each role sees them: filters, scope by role,
// and pages that are full because the scope is applied before LIMIT/OFFSET. Accounts are written
// straight to the database (no workflow runs), so their order cannot move under the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, auth } from '../helpers/stack.js';
import type { Stack } from '../../stack.js';
import { insertAccount, updateAccountRisk } from '../../db/queries/accounts.js';
import { upsertOpenRecommendation } from '../../db/queries/recommendations.js';

let stack: Stack;
const tokens: Record<string, string> = {};

// Two teams. Mona manages reps Ravi and Rosa and CSM Cleo; Max manages rep Rex.
const USERS = [
  { id: 'mona', role: 'manager' }, { id: 'max', role: 'manager' },
  { id: 'ravi', role: 'rep', managerId: 'mona' }, { id: 'rosa', role: 'rep', managerId: 'mona' },
  { id: 'cleo', role: 'csm', managerId: 'mona' }, { id: 'rex', role: 'rep', managerId: 'max' },
] as const;

// Names interleave the owners, so a scope applied after LIMIT would leave holes in every page.
const ACCOUNTS = [
  { id: 'a01', owner: 'ravi', csm: 'cleo', level: 'high', score: 70 },
  { id: 'a02', owner: 'rex', csm: null, level: 'high', score: 68 },
  { id: 'a03', owner: 'ravi', csm: null, level: 'medium', score: 45 },
  { id: 'a04', owner: 'rosa', csm: null, level: 'high', score: 66 },
  { id: 'a05', owner: 'rex', csm: 'cleo', level: 'low', score: 10 },
  { id: 'a06', owner: 'ravi', csm: null, level: 'low', score: 12 },
  { id: 'a07', owner: 'rex', csm: null, level: 'medium', score: 40 },
  { id: 'a08', owner: 'ravi', csm: null, level: 'high', score: 61 },
  { id: 'a09', owner: 'rex', csm: null, level: 'critical', score: 90 },
  { id: 'a10', owner: 'ravi', csm: null, level: 'critical', score: 88 },
  { id: 'a11', owner: 'rex', csm: null, level: 'low', score: 5 },
  { id: 'a12', owner: null, csm: null, level: 'medium', score: 30 },
] as const;

const byScoreDesc = (ids: string[]) => ids
  .map((id) => ACCOUNTS.find((a) => a.id === id)!)
  .sort((a, b) => b.score - a.score)
  .map((a) => a.id);

const ids = (accounts: Array<{ id: string }>) => accounts.map((a) => a.id.replace(/^.*-/, ''));
let prefix = '';

beforeAll(async () => {
  stack = await startTestStack();
  for (const u of USERS) {
    const res = await stack.app.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { ...u, name: u.id, email: `${u.id}@ourco.com` } });
    expect(res.statusCode, res.body).toBe(201);
    tokens[u.id] = res.json().token;
  }
  prefix = `l${Date.now().toString(36)}`;
  for (const a of ACCOUNTS) {
    const id = `${prefix}-${a.id}`;
    await insertAccount(stack.database.pool, { id, name: `Account ${a.id}`, domains: [`${a.id}.example.com`], stage: 'customer', ownerId: a.owner, csmId: a.csm });
    await updateAccountRisk(stack.database.pool, id, { score: a.score, level: a.level, assessedAt: new Date().toISOString() });
    await upsertOpenRecommendation(stack.database.pool, id, null, {
      kind: 'follow_up', target: 'account', title: `Follow up on ${a.id}`, rationale: 'Quiet for too long.', evidence: [],
      priority: a.score, dueAt: new Date().toISOString(), factors: ['silence'],
    });
  }
});
afterAll(async () => { await stack?.stop(); });

const as = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
async function list(user: string | 'admin', query = '') {
  const res = await stack.app.inject({ method: 'GET', url: `/v1/accounts${query}`, headers: user === 'admin' ? auth : as(user) });
  expect(res.statusCode, res.body).toBe(200);
  return ids(res.json().accounts);
}
async function inbox(user: string | 'admin', query = '') {
  const res = await stack.app.inject({ method: 'GET', url: `/v1/recommendations${query}`, headers: user === 'admin' ? auth : as(user) });
  expect(res.statusCode, res.body).toBe(200);
  return ids((res.json().recommendations as Array<{ accountId: string }>).map((r) => ({ id: r.accountId })));
}
const owned = (...owners: string[]) => byScoreDesc(ACCOUNTS.filter((a) => owners.includes(a.owner ?? '')).map((a) => a.id));

describe('scope by role', () => {
  it('a rep sees the accounts they own, riskiest first', async () => {
    expect(await list('ravi')).toEqual(['a10', 'a01', 'a08', 'a03', 'a06']);
    expect(await list('rex')).toEqual(owned('rex'));
  });

  it('a CSM sees the accounts they cover, across teams', async () => {
    expect(await list('cleo')).toEqual(['a01', 'a05']);
  });

  it('a manager sees their team\'s accounts and no other team\'s', async () => {
    expect(await list('mona')).toEqual(byScoreDesc(ACCOUNTS.filter((a) => ['ravi', 'rosa'].includes(a.owner ?? '') || a.csm === 'cleo').map((a) => a.id)));
    expect(await list('max')).toEqual(owned('rex'));
  });

  it('an admin sees every account', async () => {
    const all = (await list('admin', '?limit=1000')).filter((id) => ACCOUNTS.some((a) => a.id === id));
    expect(all).toEqual(byScoreDesc(ACCOUNTS.map((a) => a.id)));
  });

  it('an account outside the scope answers 404, as if it did not exist', async () => {
    const other = await stack.app.inject({ method: 'GET', url: `/v1/accounts/${prefix}-a02`, headers: as('ravi') });
    expect(other.statusCode).toBe(404);
    const own = await stack.app.inject({ method: 'GET', url: `/v1/accounts/${prefix}-a03`, headers: as('ravi') });
    expect(own.statusCode, own.body).toBe(200);
    const team = await stack.app.inject({ method: 'GET', url: `/v1/accounts/${prefix}-a04/assessments`, headers: as('mona') });
    expect(team.statusCode).toBe(200);
    const otherTeam = await stack.app.inject({ method: 'GET', url: `/v1/accounts/${prefix}-a04/assessments`, headers: as('max') });
    expect(otherTeam.statusCode).toBe(404);
  });
});

describe('filters', () => {
  it('riskLevel keeps only that level, within the scope', async () => {
    expect(await list('ravi', '?riskLevel=high')).toEqual(['a01', 'a08']);
    expect(await list('rex', '?riskLevel=high')).toEqual(['a02']);
  });

  it('owner narrows an admin\'s or a manager\'s list', async () => {
    expect(await list('mona', '?owner=rosa')).toEqual(['a04']);
    expect((await list('admin', '?owner=rex'))).toEqual(owned('rex'));
  });

  it('owner never widens a scope: another team\'s owner gives an empty list', async () => {
    expect(await list('ravi', '?owner=rex')).toEqual([]);
    // Of Rex's accounts Mona sees only the one her team's CSM covers.
    expect(await list('mona', '?owner=rex')).toEqual(['a05']);
  });

  it('an unknown risk level is a 400 naming the field', async () => {
    const res = await stack.app.inject({ method: 'GET', url: '/v1/accounts?riskLevel=scary', headers: auth });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/riskLevel/);
  });
});

describe('pagination with a scope', () => {
  it('every page is full until the scope runs out, and the pages join up to the whole list', async () => {
    const whole = await list('ravi');
    const pages = [];
    for (let offset = 0; offset < 8; offset += 2) pages.push(await list('ravi', `?limit=2&offset=${offset}`));
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1, 0]);
    expect(pages.flat()).toEqual(whole);
  });

  it('a manager\'s pages hold only their team, in order, with no holes', async () => {
    const whole = await list('mona');
    const pages = [];
    for (let offset = 0; offset < whole.length; offset += 3) pages.push(await list('mona', `?limit=3&offset=${offset}`));
    expect(pages.slice(0, -1).every((p) => p.length === 3)).toBe(true);
    expect(pages.flat()).toEqual(whole);
  });
});

describe('the inbox', () => {
  it('a rep sees the recommendations of their own accounts', async () => {
    expect(await inbox('ravi')).toEqual(['a10', 'a01', 'a08', 'a03', 'a06']);
  });

  it('a rep adding ?owner=<another rep> does not read that rep\'s inbox', async () => {
    expect(await inbox('ravi', '?owner=rex')).toEqual([]);
  });

  it('a rep adding ?account=<someone else\'s account> gets nothing', async () => {
    expect(await inbox('ravi', `?account=${prefix}-a09`)).toEqual([]);
  });

  it('?kind= keeps one kind in the query itself, so a page of `limit` is a full page of that kind', async () => {
    // a10 (ravi's riskiest) also gets a reply: the kind filter must pick it out of a limit of one.
    await upsertOpenRecommendation(stack.database.pool, `${prefix}-a10`, null, {
      kind: 'reply', target: 'account', title: 'Answer the renewal question', rationale: 'Asked and not answered.', evidence: [],
      priority: 1, dueAt: new Date().toISOString(), factors: ['unanswered_inbound'],
    });
    expect(await inbox('ravi', '?kind=reply&limit=1')).toEqual(['a10']);
    expect(await inbox('ravi', '?kind=follow_up')).toEqual(['a10', 'a01', 'a08', 'a03', 'a06']);
    expect(await inbox('rex', '?kind=reply')).toEqual([]);
    const bad = await stack.app.inject({ method: 'GET', url: '/v1/recommendations?kind=call_them', headers: as('ravi') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('kind');
  });

  it('a CSM\'s inbox is the accounts they cover; a manager\'s, their team', async () => {
    expect(await inbox('cleo')).toEqual(['a01', 'a05']);
    expect(await inbox('max')).toEqual(owned('rex'));
    expect(await inbox('mona', '?owner=rosa')).toEqual(['a04']);
  });
});

describe('the user list', () => {
  it('is for admins only', async () => {
    for (const u of ['ravi', 'cleo', 'mona']) {
      const res = await stack.app.inject({ method: 'GET', url: '/v1/users', headers: as(u) });
      expect(res.statusCode, u).toBe(403);
      expect(res.body).not.toMatch(/@ourco\.com/);
    }
    const admin = await stack.app.inject({ method: 'GET', url: '/v1/users', headers: auth });
    expect(admin.statusCode).toBe(200);
    expect(admin.json().users.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining(USERS.map((u) => u.id)));
  });
});

describe('creating an account twice', () => {
  it('answers 409 on a duplicate id and leaves the first account as it was', async () => {
    const id = `${prefix}-dup`;
    const body = { id, name: 'Vandelay Industries', domains: ['vandelay.com'], stage: 'discovery', ownerId: 'ravi', contacts: [{ email: 'art@vandelay.com', name: 'Art' }] };
    const first = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: body });
    expect(first.statusCode, first.body).toBe(201);
    const second = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: { ...body, name: 'Vandelay Imports', ownerId: 'rex', contacts: [{ email: 'kramer@vandelay.com' }] } });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toMatch(new RegExp(`account ${id} already exists`));
    const detail = await stack.app.inject({ method: 'GET', url: `/v1/accounts/${id}`, headers: auth });
    expect(detail.json()).toMatchObject({ name: 'Vandelay Industries', ownerId: 'ravi' });
    expect(detail.json().contacts.map((c: { email: string }) => c.email)).toEqual(['art@vandelay.com']);
  });
});
