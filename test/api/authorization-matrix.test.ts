// Every route the app registers × every kind of caller → the class of answer expected. The route
// list is read from the running app (printRoutes), so a route added without a row here fails the
// first test. Classes: '401' no or bad credentials, '403' the role may not, '404' outside the
// caller's scope (answered as if it did not exist), 'ok' past access control (2xx, 3xx or a 4xx
// about the request itself such as 400/409/415; never 401/403/404, never 5xx).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ADMIN_TOKEN, startTestStack } from '../helpers/stack.js';
import { multipart } from '../helpers/multipart.js';
import { upsertOpenRecommendation } from '../../db/queries/recommendations.js';
import { issueToken } from '../../db/queries/users.js';
import type { Stack } from '../../stack.js';

type Role = 'anonymous' | 'rep' | 'csm' | 'manager' | 'admin';
type Expect = 'ok' | '401' | '403' | '404';
const ROLES: Role[] = ['anonymous', 'rep', 'csm', 'manager', 'admin'];

interface Req { url: string; payload?: unknown; headers?: Record<string, string> }
interface Case { label: string; req: (role: Role) => Req | Promise<Req>; expect: Record<Role, Expect> }

const PUBLIC: Record<Role, Expect> = { anonymous: 'ok', rep: 'ok', csm: 'ok', manager: 'ok', admin: 'ok' };
const SIGNED_ONLY: Record<Role, Expect> = { anonymous: '401', rep: '401', csm: '401', manager: '401', admin: '401' };
const SIGNED_IN: Record<Role, Expect> = { anonymous: '401', rep: 'ok', csm: 'ok', manager: 'ok', admin: 'ok' };
const ADMIN_ONLY: Record<Role, Expect> = { anonymous: '401', rep: '403', csm: '403', manager: '403', admin: 'ok' };
const OUT_OF_SCOPE: Record<Role, Expect> = { anonymous: '401', rep: '404', csm: '404', manager: '404', admin: 'ok' };
const NOWHERE: Record<Role, Expect> = { anonymous: '401', rep: '404', csm: '404', manager: '404', admin: '404' };
const NOT_REPS: Record<Role, Expect> = { anonymous: '401', rep: '403', csm: 'ok', manager: 'ok', admin: 'ok' };

const WEBHOOK_SECRET = 'matrix-webhook-secret';
let stack: Stack;
let app: FastifyInstance;
const tokens: Partial<Record<Role, string>> = { admin: ADMIN_TOKEN };
const run = randomUUID().slice(0, 6);
const ids = { rep: `mx-rep-${run}`, rep2: `mx-rep2-${run}`, csm: `mx-csm-${run}`, csm2: `mx-csm2-${run}`, manager: `mx-mgr-${run}`, manager2: `mx-mgr2-${run}`, own: `mx-own-${run}`, foreign: `mx-foreign-${run}` };
/** A brief of the CSM in the manager's team, and one of a CSM in another team (no account of theirs in anyone's scope). */
const briefs = { own: '', foreign: '' };
const recs = { own: '', foreign: '' };
const contacts = { own: '', foreign: '' };
/** A spare token per user (revoked by the DELETE rows, so the tokens the matrix signs in with stay good). */
const spare: Record<string, string> = {};
/** The user each role acts on as "themselves" (ADMIN_TOKEN is no user row: the admin acts on the rep). */
const self = (role: Role) => (role === 'csm' ? ids.csm : role === 'manager' ? ids.manager : ids.rep);

const eml = (to: string) => `From: Dana Reyes <dana@${to}>\r\nTo: rep@ourco.com\r\nSubject: Rollout\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\nMessage-ID: <${randomUUID()}@${to}>\r\n\r\nCan we talk about the rollout next week?\r\n`;
const upload = async (domain: string): Promise<Req> => {
  const body = await multipart([{ name: 'mail.eml', content: eml(domain) }]);
  return { url: '', payload: body.payload, headers: body.headers };
};
const note = () => ({ kind: 'note', occurredAt: new Date().toISOString(), externalId: `mx-${randomUUID()}`, source: 'crm', text: 'Call notes: they asked about the rollout plan.' });
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

/** One row per "METHOD path" the app registers; account routes are tried inside and outside the caller's scope. */
const MATRIX: Record<string, Case[]> = {
  'GET /': [{ label: 'redirect to the web app', req: () => ({ url: '/' }), expect: PUBLIC }],
  'GET /ui': [{ label: 'redirect', req: () => ({ url: '/ui' }), expect: PUBLIC }],
  'GET /ui/*': [{ label: 'the web app', req: () => ({ url: '/ui/app.js' }), expect: PUBLIC }],
  'GET /docs': [{ label: 'API docs', req: () => ({ url: '/docs' }), expect: PUBLIC }],
  'GET /docs/': [{ label: 'API docs', req: () => ({ url: '/docs/' }), expect: PUBLIC }],
  'GET /docs/static/index.html': [{ label: 'API docs', req: () => ({ url: '/docs/static/index.html' }), expect: PUBLIC }],
  'GET /docs/static/swagger-initializer.js': [{ label: 'API docs', req: () => ({ url: '/docs/static/swagger-initializer.js' }), expect: PUBLIC }],
  'GET /docs/*': [{ label: 'API docs assets', req: () => ({ url: '/docs/static/swagger-ui.css' }), expect: PUBLIC }],
  'GET /docs/json': [{ label: 'spec', req: () => ({ url: '/docs/json' }), expect: PUBLIC }],
  'GET /docs/yaml': [{ label: 'spec', req: () => ({ url: '/docs/yaml' }), expect: PUBLIC }],
  'GET /openapi.json': [{ label: 'spec', req: () => ({ url: '/openapi.json' }), expect: PUBLIC }],
  'GET /health': [{ label: 'health', req: () => ({ url: '/health' }), expect: PUBLIC }],
  'GET /v1/me': [{ label: 'the caller', req: () => ({ url: '/v1/me' }), expect: SIGNED_IN }],
  'POST /v1/users': [{ label: 'create a user', req: (role) => ({ url: '/v1/users', payload: { id: `mx-new-${role}-${run}`, name: 'New Rep', role: 'rep' } }), expect: ADMIN_ONLY }],
  'GET /v1/users': [{ label: 'list users', req: () => ({ url: '/v1/users' }), expect: ADMIN_ONLY }],
  'GET /v1/unmatched': [{ label: 'unmatched signals', req: () => ({ url: '/v1/unmatched' }), expect: ADMIN_ONLY }],
  'GET /v1/stats/signals': [{ label: 'signal counts', req: () => ({ url: '/v1/stats/signals' }), expect: ADMIN_ONLY }],
  'POST /v1/signals/import': [{ label: 'routed import', req: async () => ({ ...(await upload('matrix-own.example')), url: '/v1/signals/import' }), expect: ADMIN_ONLY }],
  // Any signed-in user may create an account (a rep adds a prospect); it is then in their scope.
  'POST /v1/accounts': [{ label: 'create', req: (role) => ({ url: '/v1/accounts', payload: { id: `mx-made-${role}-${run}`, name: `Made by ${role}`, stage: 'discovery' } }), expect: SIGNED_IN }],
  'GET /v1/accounts': [{ label: 'list (scoped in SQL)', req: () => ({ url: '/v1/accounts' }), expect: SIGNED_IN }],
  'GET /v1/accounts/:id': scoped((id) => ({ url: `/v1/accounts/${id}` })),
  'PATCH /v1/accounts/:id/settings': scoped((id) => ({ url: `/v1/accounts/${id}/settings`, payload: {} })),
  'POST /v1/accounts/:id/signals': scoped((id) => ({ url: `/v1/accounts/${id}/signals`, payload: note() })),
  'GET /v1/accounts/:id/signals': scoped((id) => ({ url: `/v1/accounts/${id}/signals` })),
  'POST /v1/accounts/:id/signals/import': scoped(async (id) => ({ ...(await upload(id === ids.own ? 'matrix-own.example' : 'matrix-foreign.example')), url: `/v1/accounts/${id}/signals/import` })),
  'GET /v1/accounts/:id/assessments': scoped((id) => ({ url: `/v1/accounts/${id}/assessments` })),
  'GET /v1/accounts/:id/commitments': scoped((id) => ({ url: `/v1/accounts/${id}/commitments` })),
  'POST /v1/accounts/:id/ask': scoped((id) => ({ url: `/v1/accounts/${id}/ask`, payload: { question: 'Why is this account at risk?' } })),
  // The account's own route composes a brief for its CSM for anyone who may see the account.
  'POST /v1/accounts/:id/briefs': scoped((id) => ({ url: `/v1/accounts/${id}/briefs` })),
  'GET /v1/recommendations': [{ label: 'inbox (scoped in SQL)', req: () => ({ url: '/v1/recommendations' }), expect: SIGNED_IN }],
  'POST /v1/recommendations/:id/decision': [
    { label: 'in scope', req: () => ({ url: `/v1/recommendations/${recs.own}/decision`, payload: { decision: 'snooze', until: tomorrow() } }), expect: SIGNED_IN },
    { label: 'out of scope', req: () => ({ url: `/v1/recommendations/${recs.foreign}/decision`, payload: { decision: 'snooze', until: tomorrow() } }), expect: OUT_OF_SCOPE },
    { label: 'unknown id', req: () => ({ url: `/v1/recommendations/${randomUUID()}/decision`, payload: { decision: 'snooze', until: tomorrow() } }), expect: NOWHERE },
  ],
  'GET /v1/accounts/:id/export': scoped((id) => ({ url: `/v1/accounts/${id}/export` })),
  // Erasure: the account's owner, a manager of its team or an admin; a CSM who only covers it may not.
  'DELETE /v1/contacts/:id': [
    { label: 'own account', req: () => ({ url: `/v1/contacts/${contacts.own}` }), expect: { anonymous: '401', rep: 'ok', csm: '403', manager: 'ok', admin: 'ok' } },
    { label: "another team's account", req: () => ({ url: `/v1/contacts/${contacts.foreign}` }), expect: OUT_OF_SCOPE },
    { label: 'unknown contact', req: () => ({ url: `/v1/contacts/${randomUUID()}` }), expect: NOWHERE },
  ],
  // Tokens: a user's own, or anyone's for an admin; another user's are not there (404).
  'GET /v1/users/:id/tokens': [
    { label: 'own', req: (role) => ({ url: `/v1/users/${self(role)}/tokens` }), expect: SIGNED_IN },
    { label: "another team's user", req: () => ({ url: `/v1/users/${ids.rep2}/tokens` }), expect: OUT_OF_SCOPE },
  ],
  'POST /v1/users/:id/tokens': [
    { label: 'own', req: (role) => ({ url: `/v1/users/${self(role)}/tokens`, payload: { label: 'matrix' } }), expect: SIGNED_IN },
    { label: "another team's user", req: () => ({ url: `/v1/users/${ids.rep2}/tokens`, payload: { label: 'matrix' } }), expect: OUT_OF_SCOPE },
  ],
  'DELETE /v1/users/:id/tokens/:tokenId': [
    { label: 'own spare token', req: (role) => ({ url: `/v1/users/${self(role)}/tokens/${spare[self(role)]}` }), expect: SIGNED_IN },
    { label: "another team's user", req: () => ({ url: `/v1/users/${ids.rep2}/tokens/${spare[ids.rep2]}` }), expect: OUT_OF_SCOPE },
  ],
  'POST /v1/briefs': [{ label: "the CSM's brief", req: () => ({ url: '/v1/briefs', payload: { csmId: ids.csm } }), expect: NOT_REPS }],
  'GET /v1/briefs': [{ label: 'list (scoped)', req: () => ({ url: '/v1/briefs' }), expect: SIGNED_IN }],
  'GET /v1/briefs/:id': [
    { label: 'unknown id', req: () => ({ url: `/v1/briefs/${randomUUID()}` }), expect: NOWHERE },
    // The CSM's own, read by them and their manager; a rep reads no CSM's brief.
    { label: "the team CSM's brief", req: () => ({ url: `/v1/briefs/${briefs.own}` }), expect: { anonymous: '401', rep: '404', csm: 'ok', manager: 'ok', admin: 'ok' } },
    { label: "another team's brief", req: () => ({ url: `/v1/briefs/${briefs.foreign}` }), expect: OUT_OF_SCOPE },
  ],
  'PUT /v1/briefs/settings': [{ label: "the CSM's settings", req: () => ({ url: '/v1/briefs/settings', payload: { csmId: ids.csm, localTime: '08:30' } }), expect: NOT_REPS }],
  'GET /v1/briefs/settings': [{ label: "the CSM's settings", req: () => ({ url: `/v1/briefs/settings?csm=${ids.csm}` }), expect: NOT_REPS }],
  // Webhooks ignore bearer tokens: only the source's signature lets a delivery in.
  'POST /v1/webhooks/calendar': [{ label: 'unsigned', req: () => ({ url: '/v1/webhooks/calendar', payload: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', headers: { 'content-type': 'text/calendar' } }), expect: SIGNED_ONLY }],
  'POST /v1/webhooks/slack': [{ label: 'unsigned', req: () => ({ url: '/v1/webhooks/slack', payload: { type: 'url_verification', challenge: 'x' } }), expect: SIGNED_ONLY }],
  'POST /v1/webhooks/segment': [{ label: 'unsigned', req: () => ({ url: '/v1/webhooks/segment', payload: { type: 'track', event: 'Signed Up', userId: 'u1' } }), expect: SIGNED_ONLY }],
  'POST /v1/webhooks/hubspot': [{ label: 'unsigned', req: () => ({ url: '/v1/webhooks/hubspot', payload: [] }), expect: SIGNED_ONLY }],
  'POST /v1/webhooks/:source': [{ label: 'unsigned', req: () => ({ url: '/v1/webhooks/salesforce', payload: {} }), expect: SIGNED_ONLY }],
};

function scoped(req: (accountId: string) => Req | Promise<Req>): Case[] {
  return [
    { label: 'own account', req: () => req(ids.own), expect: SIGNED_IN },
    { label: "another team's account", req: () => req(ids.foreign), expect: OUT_OF_SCOPE },
    { label: 'unknown account', req: () => req(`mx-none-${run}`), expect: NOWHERE },
  ];
}

/** "METHOD /path" for every route in the app's router tree (HEAD is Fastify's own twin of GET). */
function registeredRoutes(a: FastifyInstance): string[] {
  const out: string[] = [];
  const stack: Array<{ depth: number; path: string }> = [];
  for (const line of a.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([\s│]*)(?:[└├]── )(.+?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
    const parent = stack.length ? stack[stack.length - 1].path : '';
    const seg = m[2];
    const path = parent === '' ? seg : parent.endsWith('/') || seg.startsWith('/') ? parent + seg : `${parent}/${seg}`;
    stack.push({ depth, path });
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      if (method !== 'HEAD') out.push(`${method} ${path}`);
    }
  }
  return [...new Set(out)].sort();
}

function classOf(status: number): Expect | `other ${number}` {
  if (status === 401 || status === 403 || status === 404) return String(status) as Expect;
  return status < 500 ? 'ok' : `other ${status}`;
}

beforeAll(async () => {
  stack = await startTestStack({ WEBHOOK_SECRET, SLACK_SIGNING_SECRET: 'matrix-slack-secret', HUBSPOT_CLIENT_SECRET: 'matrix-hubspot-secret' });
  app = stack.app;
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const user = async (id: string, role: string, managerId?: string) => {
    const res = await app.inject({ method: 'POST', url: '/v1/users', headers: admin, payload: { id, name: id, role, ...(managerId ? { managerId } : {}) } });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { token: string }).token;
  };
  tokens.manager = await user(ids.manager, 'manager');
  await user(ids.manager2, 'manager');
  tokens.rep = await user(ids.rep, 'rep', ids.manager);
  await user(ids.rep2, 'rep', ids.manager2);
  tokens.csm = await user(ids.csm, 'csm', ids.manager);
  await user(ids.csm2, 'csm', ids.manager2);
  for (const [id, ownerId, csmId, domain] of [[ids.own, ids.rep, ids.csm, 'matrix-own.example'], [ids.foreign, ids.rep2, undefined, 'matrix-foreign.example']] as const) {
    const res = await app.inject({ method: 'POST', url: '/v1/accounts', headers: admin, payload: { id, name: id, domains: [domain], stage: 'proposal', ownerId, ...(csmId ? { csmId } : {}), renewalDate: new Date(Date.now() + 30 * 86_400_000).toISOString(), contacts: [{ email: `pat.quinn@${domain}`, name: 'Pat Quinn' }] } });
    expect(res.statusCode, res.body).toBe(201);
  }
  for (const key of ['own', 'foreign'] as const) {
    const { rows } = await stack.database.pool.query('select id from contacts where account_id = $1', [ids[key]]);
    contacts[key] = rows[0].id;
  }
  for (const id of [ids.rep, ids.rep2, ids.csm, ids.manager]) spare[id] = (await issueToken(stack.database.pool, id, 'spare')).info.id;
  for (const key of ['own', 'foreign'] as const) {
    const { recommendation } = await upsertOpenRecommendation(stack.database.pool, ids[key], null, {
      kind: 'follow_up', target: 'account', title: 'Follow up', rationale: 'Quiet for too long.', evidence: [], priority: 50, dueAt: new Date().toISOString(), factors: ['silence'],
    });
    recs[key] = recommendation.id;
  }
  for (const [key, csmId] of [['own', ids.csm], ['foreign', ids.csm2]] as const) {
    const res = await app.inject({ method: 'POST', url: '/v1/briefs', headers: admin, payload: { csmId } });
    expect(res.statusCode, res.body).toBe(201);
    briefs[key] = (res.json() as { id: string }).id;
  }
}, 120_000);
afterAll(async () => { await stack?.stop(); });

describe('authorization matrix', () => {
  it('has a row for every route the app registers, and no row for a route that is gone', () => {
    const routes = registeredRoutes(app);
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !(r in MATRIX)), 'routes without a row in the matrix').toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r)), 'rows for routes the app does not register').toEqual([]);
  });

  for (const [route, cases] of Object.entries(MATRIX)) {
    for (const c of cases) {
      it(`${route} (${c.label}) answers each caller as expected`, async () => {
        const method = route.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        const got: Record<string, string> = {};
        for (const role of ROLES) {
          const r = await c.req(role);
          const headers: Record<string, string> = { ...(r.headers ?? {}) };
          if (role !== 'anonymous') headers.authorization = `Bearer ${tokens[role]}`;
          const res = await app.inject({ method, url: r.url, headers, ...(r.payload === undefined ? {} : { payload: r.payload as string }) });
          got[role] = classOf(res.statusCode);
          if (got[role] !== c.expect[role]) got[role] += ` (${res.statusCode}: ${res.body.slice(0, 160)})`;
        }
        expect(got).toEqual(c.expect);
      }, 90_000);
    }
  }
});
