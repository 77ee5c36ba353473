import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, auth, eventually, uniqueId } from '../helpers/stack.js';
import type { Stack } from '../../stack.js';
import { accountWorkflowId } from '../../workflows/account/messages.js';

let stack: Stack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack?.stop(); });

const now = () => new Date().toISOString();

async function createAccount(body: Record<string, unknown> = {}) {
  const id = uniqueId('acct');
  const res = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: { id, name: 'Acme', domains: ['acme.com'], stage: 'discovery', ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return id;
}

const email = (extra: Record<string, unknown> = {}) => ({
  kind: 'email', occurredAt: now(), from: { email: 'dana@acme.com', name: 'Dana' }, to: [{ email: 'sam@ourco.com' }],
  subject: 'Question', text: 'Can you send the pricing?', ...extra,
});

async function countRows(table: string, where = 'true', params: unknown[] = []) {
  const { rows } = await stack.database.pool.query(`select count(*)::int as n from ${table} where ${where}`, params);
  return rows[0].n as number;
}

describe('health', () => {
  it('reports database and Temporal up, without a token', async () => {
    const res = await stack.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'up', temporal: 'up' });
  });
});

describe('signals through real Temporal', () => {
  it('stores a signal, answers 202, and the account workflow processes it', async () => {
    const id = await createAccount();
    const res = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: email({ externalId: 'm-1', source: 'gmail' }) });
    expect(res.statusCode, res.body).toBe(202);
    const body = res.json();
    expect(body.stored).toHaveLength(1);
    expect(body.duplicates).toEqual([]);

    const handle = stack.temporal.client.workflow.getHandle(accountWorkflowId(id));
    const desc = await handle.describe();
    expect(desc.status.name).toBe('RUNNING');
    await eventually(async () => (await countRows('signals', "account_id = $1 and status = 'processed'", [id])) === 1);
    await eventually(async () => (await countRows('assessments', 'account_id = $1', [id])) >= 1);
  });

  it('stores a duplicate delivery once and reports it', async () => {
    const id = await createAccount();
    const first = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: email({ externalId: 'dup-1', source: 'gmail' }) });
    const second = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: [email({ externalId: 'dup-1', source: 'gmail' })] });
    expect(second.statusCode).toBe(202);
    expect(second.json().stored).toEqual([]);
    expect(second.json().duplicates).toEqual(first.json().stored);
    expect(await countRows('signals', 'account_id = $1', [id])).toBe(1);
  });

  it('derives email direction from the account domains', async () => {
    const id = await createAccount();
    await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: { signals: [email(), email({ from: { email: 'sam@ourco.com' }, to: [{ email: 'dana@acme.com' }] })] } });
    const list = await stack.app.inject({ method: 'GET', url: `/v1/accounts/${id}/signals`, headers: auth });
    expect(list.json().signals.map((s: { direction: string }) => s.direction).sort()).toEqual(['inbound', 'outbound']);
  });
});

describe('bad input leaves nothing behind', () => {
  it('unknown signal kind → 400 naming kind', async () => {
    const id = await createAccount();
    const res = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: { kind: 'telepathy', occurredAt: now() } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/kind/);
    expect(await countRows('signals', 'account_id = $1', [id])).toBe(0);
  });

  it('missing required field → 400 naming it; a bad item rejects the whole batch', async () => {
    const id = await createAccount();
    const { text: _t, ...noText } = email();
    const res = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: [email({ externalId: 'ok-1' }), noText] });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/signals\.1\.text/);
    expect(await countRows('signals', 'account_id = $1', [id])).toBe(0);
  });

  it('malformed JSON → 400', async () => {
    const id = await createAccount();
    const res = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: { ...auth, 'content-type': 'application/json' }, payload: '{"kind": "email",' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/JSON/i);
    expect(await countRows('signals', 'account_id = $1', [id])).toBe(0);
  });

  it('unknown account → 404', async () => {
    const res = await stack.app.inject({ method: 'POST', url: '/v1/accounts/nope-404/signals', headers: auth, payload: email() });
    expect(res.statusCode).toBe(404);
    expect(await countRows('signals', "account_id = 'nope-404'")).toBe(0);
  });

  it('no token or a wrong token → 401', async () => {
    const id = await createAccount();
    const none = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, payload: email() });
    const wrong = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: { authorization: 'Bearer wrong-token' }, payload: email() });
    expect(none.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(await countRows('signals', 'account_id = $1', [id])).toBe(0);
  });

  it('body over the size limit → 413', async () => {
    const id = await createAccount();
    const res = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: email({ text: 'x'.repeat(1_100_000) }) });
    expect(res.statusCode).toBe(413);
    expect(await countRows('signals', 'account_id = $1', [id])).toBe(0);
  });

  it('bad account body → 400 naming the field', async () => {
    const res = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: { name: 'X', stage: 'sleeping' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/stage/);
  });
});

describe('OpenAPI', () => {
  it('serves /openapi.json generated from the route schemas', async () => {
    const res = await stack.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3/);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/accounts', '/v1/accounts/{id}/signals', '/v1/recommendations', '/health']));
  });
});
