// Uploads and webhooks through HTTP: formats detected, items routed, idempotent, bad items
// reported with their position, signatures enforced, nothing half-written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestStack, auth, uniqueId } from '../helpers/stack.js';
import { multipart } from '../helpers/multipart.js';
import { hubspotSignatureV3 } from '../../agents/signals/hubspot-signature.js';
import { createHmac } from 'node:crypto';
import type { Stack } from '../../stack.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/signals/${name}`, import.meta.url)));
let stack: Stack;
let acme = '';

beforeAll(async () => {
  stack = await startTestStack({ HUBSPOT_CLIENT_SECRET: 'hs-secret', WEBHOOK_SECRET: 'wh-secret' });
  acme = uniqueId('acme');
  const r = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: {
    id: acme, name: 'Acme Freight', domains: ['acmefreight.com'], stage: 'customer', settings: { externalIds: ['hubspot:deal:1246965', 'salesforce:0065e00000AbCdE'] } } });
  expect(r.statusCode).toBe(201);
});
afterAll(async () => { await stack?.stop(); });

const count = async (sql: string, params: unknown[] = []) => (await stack.database.pool.query(sql, params)).rows[0].n as number;

describe('import', () => {
  it('stores an mbox, an .eml and a transcript into one account; a re-run stores nothing new', async () => {
    const mbox = `From a@b Mon Nov 16 10:00:00 2026\nFrom: Dana <dana@acmefreight.com>\nTo: sam@ourco.com\nSubject: One\nDate: Mon, 16 Nov 2026 10:00:00 +0000\nMessage-ID: <one@acmefreight.com>\n\nFirst.\n\nFrom nobody Mon Nov 16 10:00:00 2026\ngarbage without headers\n\nFrom a@b Mon Nov 16 11:00:00 2026\nFrom: Sam <sam@ourco.com>\nTo: dana@acmefreight.com\nSubject: Two\nDate: Mon, 16 Nov 2026 11:00:00 +0000\nMessage-ID: <two@ourco.com>\n\nSecond.\n`;
    const body = await multipart([{ name: 'archive.mbox', content: mbox }, { name: 'thread.eml', content: fixture('forwarded-thread.eml') }, { name: 'qbr.vtt', content: fixture('three-voices.vtt') }], { title: 'QBR' });
    const first = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${acme}/signals/import`, headers: { ...auth, ...body.headers }, payload: body.payload });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ format: 'mbox,eml,vtt', stored: 4, duplicates: 0, unmatched: 0, rejected: [{ position: 'message 2 (line 10)', reason: 'no From address' }] });
    const directions = (await stack.database.pool.query(`select direction from signals where account_id = $1 and kind = 'email' order by occurred_at`, [acme])).rows.map((r) => r.direction);
    expect(directions).toEqual(['inbound', 'outbound', 'inbound']);
    const again = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${acme}/signals/import`, headers: { ...auth, ...body.headers }, payload: body.payload });
    expect(again.json()).toMatchObject({ stored: 0, duplicates: 4 });
    expect(await count('select count(*)::int as n from signals where account_id = $1', [acme])).toBe(4);
  });

  it('routes by domain and keeps what matches no account as unmatched', async () => {
    const csv = 'date,metric,value,domain\n2026-11-01,active_users,140,acmefreight.com\n2026-11-01,active_users,12,unknown-co.com\n2026-11-02,active_users,oops,acmefreight.com\n';
    const body = await multipart([{ name: 'usage.csv', content: csv }]);
    const r = await stack.app.inject({ method: 'POST', url: '/v1/signals/import', headers: { ...auth, ...body.headers }, payload: body.payload });
    expect(r.json()).toMatchObject({ format: 'usage_csv', stored: 1, unmatched: 1, rejected: [{ position: 'row 4', reason: 'bad value "oops"' }], accounts: [acme] });
    const un = await stack.app.inject({ method: 'GET', url: '/v1/unmatched', headers: auth });
    expect(un.json().unmatched[0]).toMatchObject({ source: 'csv', route: { domain: 'unknown-co.com' }, signal: { kind: 'usage', value: 12 } });
  });

  it('reports what was read with a guess or a fallback as warnings, and stores it', async () => {
    const body = await multipart([{ name: 'call.srt', content: fixture('cp1252.srt') }, { name: 'clock.eml', content: fixture('future-date.eml') }], { title: 'Pricing call' });
    const r = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${acme}/signals/import`, headers: { ...auth, ...body.headers }, payload: body.payload });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ format: 'srt,eml', stored: 2, rejected: [], warnings: [
      { position: 'file', reason: expect.stringMatching(/decoded as windows-1252/) },
      { position: 'message 1', reason: expect.stringMatching(/implausible \(after its receipt\)/) },
    ] });
    const stored = await stack.database.pool.query(`select occurred_at from signals where account_id = $1 and external_id = '<future-1@acmefreight.com>'`, [acme]);
    expect(new Date(stored.rows[0].occurred_at).toISOString()).toBe('2026-11-17T09:13:58.000Z');
  });

  it('rejects an unknown format with a reason and stores nothing', async () => {
    const body = await multipart([{ name: 'notes.txt', content: 'just some notes' }]);
    const r = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${acme}/signals/import`, headers: { ...auth, ...body.headers }, payload: body.payload });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ stored: 0, rejected: [{ position: 'notes.txt', reason: expect.stringMatching(/^unrecognised format/) }] });
  });
});

describe('webhooks', () => {
  const hubspotBody = fixture('hubspot-batch.json').toString();
  const sign = (ts: number, body = hubspotBody) => hubspotSignatureV3('hs-secret', 'POST', 'http://localhost:80/v1/webhooks/hubspot', body, String(ts));
  const headers = (ts: number, sig: string) => ({ 'content-type': 'application/json', host: 'localhost:80', 'x-hubspot-request-timestamp': String(ts), 'x-hubspot-signature-v3': sig });

  it('HubSpot: an invalid or stale signature is 401 and stores nothing; a valid one is routed by deal id', async () => {
    const before = await count(`select count(*)::int as n from signals where source = 'hubspot'`);
    const now = Date.now();
    const bad = await stack.app.inject({ method: 'POST', url: '/v1/webhooks/hubspot', headers: headers(now, sign(now, '[]')), payload: hubspotBody });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().message).toMatch(/signature does not match/);
    const stale = await stack.app.inject({ method: 'POST', url: '/v1/webhooks/hubspot', headers: headers(now - 600_000, sign(now - 600_000)), payload: hubspotBody });
    expect(stale.statusCode).toBe(401);
    expect(await count(`select count(*)::int as n from signals where source = 'hubspot'`)).toBe(before);
    const ok = await stack.app.inject({ method: 'POST', url: '/v1/webhooks/hubspot', headers: headers(now, sign(now)), payload: hubspotBody });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ stored: 2, accounts: [acme], rejected: [{ position: 'event 3 (102)' }] });
    const redelivered = await stack.app.inject({ method: 'POST', url: '/v1/webhooks/hubspot', headers: headers(now, sign(now)), payload: hubspotBody });
    expect(redelivered.json()).toMatchObject({ stored: 0, duplicates: 2 });
  });

  it('generic: Salesforce changes with an HMAC signature; contact roles update contacts', async () => {
    const body = fixture('salesforce-opportunity.json').toString();
    const sig = createHmac('sha256', 'wh-secret').update(body).digest('hex');
    const unsigned = await stack.app.inject({ method: 'POST', url: '/v1/webhooks/salesforce', headers: { 'content-type': 'application/json' }, payload: body });
    expect(unsigned.statusCode).toBe(401);
    const r = await stack.app.inject({ method: 'POST', url: '/v1/webhooks/salesforce', headers: { 'content-type': 'application/json', 'x-signature': sig }, payload: body });
    expect(r.json()).toMatchObject({ format: 'salesforce', stored: 3, accounts: [acme] });
    const li = await stack.database.pool.query('select role from contacts where account_id = $1 and email = $2', [acme, 'li@acmefreight.com']);
    expect(li.rows[0].role).toBe('economic_buyer');
  });

  it('malformed JSON is a 400', async () => {
    const r = await stack.app.inject({ method: 'POST', url: '/v1/webhooks/segment', headers: { 'content-type': 'application/json', 'x-signature': 'x' }, payload: '{"batch": [' });
    expect(r.statusCode).toBe(400);
  });
});
