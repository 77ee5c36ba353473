// A secret per webhook source: WEBHOOK_SECRET_<SOURCE> replaces the shared WEBHOOK_SECRET for that
// source only (a delivery signed with another source's secret, or with the shared one, is refused);
// sources without their own secret keep the shared one; each source's documented scheme is checked
// (HubSpot v3, Slack v0, Segment's HMAC-SHA1 as well as HMAC-SHA256). The real app over a fresh
// database; deliveries match no account, so they are kept as unmatched and Temporal is not needed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { offlineApps, type OfflineApps } from '../helpers/offline-app.js';
import type { Database } from '../../db/connection.js';
import type { AppDeps } from '../../api/app.js';
import { loadConfig } from '../../config.js';
import { hubspotSignatureV3 } from '../../agents/signals/hubspot-signature.js';
import { slackSignatureV0 } from '../../agents/signals/slack-signature.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/signals/${name}`, import.meta.url))).toString();
const hmac = (algo: 'sha1' | 'sha256', secret: string, body: string) => createHmac(algo, secret).update(body).digest('hex');

let apps: OfflineApps;
let db: Database;
const app = (extra: Partial<AppDeps> = {}) => apps.app(extra);

const unmatched = async () => Number((await db.pool.query('select count(*)::int as n from unmatched_signals')).rows[0].n);
const post = (a: FastifyInstance, url: string, body: string, headers: Record<string, string>) =>
  a.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/json', ...headers } });

beforeAll(async () => {
  apps = await offlineApps();
  db = apps.db;
});
afterAll(async () => { await apps?.close(); });

describe('configuration', () => {
  it('reads WEBHOOK_SECRET_<SOURCE> variables into one map by source', () => {
    const c = loadConfig({ WEBHOOK_SECRET: 'shared', WEBHOOK_SECRET_GONG: 'g', WEBHOOK_SECRET_SALESFORCE: 's', WEBHOOK_SECRET_SEGMENT: '', WEBHOOK_SECRETX: 'no' });
    expect(c.webhookSecrets).toEqual({ gong: 'g', salesforce: 's' });
    expect(c.webhookSecret).toBe('shared');
  });
});

describe('per-source secrets', () => {
  const secrets = { gong: 'gong-only', salesforce: 'sf-only', segment: 'segment-only', calendar: 'cal-only' };

  it("a source's own secret signs its deliveries; the shared secret and another source's secret are refused", async () => {
    const a = await app({ webhookSecret: 'shared-secret', webhookSecrets: secrets });
    const body = fixture('salesforce-opportunity.json');
    const before = await unmatched();
    for (const wrong of ['shared-secret', 'gong-only']) {
      const r = await post(a, '/v1/webhooks/salesforce', body, { 'x-signature': hmac('sha256', wrong, body) });
      expect(r.statusCode, wrong).toBe(401);
      expect(r.json().message).toMatch(/WEBHOOK_SECRET_SALESFORCE/);
    }
    expect(await unmatched()).toBe(before);
    const ok = await post(a, '/v1/webhooks/salesforce', body, { 'x-signature': hmac('sha256', 'sf-only', body) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ format: 'salesforce' });
    expect(await unmatched()).toBeGreaterThan(before);
  });

  it('Gong deliveries take WEBHOOK_SECRET_GONG; a source without its own secret still takes the shared one', async () => {
    const a = await app({ webhookSecret: 'shared-secret', webhookSecrets: secrets });
    const gong = fixture('gong-call.json');
    expect((await post(a, '/v1/webhooks/gong', gong, { 'x-signature': hmac('sha256', 'shared-secret', gong) })).statusCode).toBe(401);
    const g = await post(a, '/v1/webhooks/gong', gong, { 'x-signature': hmac('sha256', 'gong-only', gong) });
    expect(g.statusCode, g.body).toBe(200);
    // No WEBHOOK_SECRET_ZENDESK: the shared secret signs, a source secret does not.
    expect((await post(a, '/v1/webhooks/zendesk', gong, { 'x-signature': hmac('sha256', 'gong-only', gong) })).statusCode).toBe(401);
    expect((await post(a, '/v1/webhooks/zendesk', gong, { 'x-signature': hmac('sha256', 'shared-secret', gong) })).statusCode).toBe(200);
  });

  it("Segment: its destination's HMAC-SHA1 is accepted as well as HMAC-SHA256, with the Segment secret only", async () => {
    const a = await app({ webhookSecret: 'shared-secret', webhookSecrets: secrets });
    const body = fixture('segment-http-track.json');
    expect((await post(a, '/v1/webhooks/segment', body, { 'x-signature': hmac('sha1', 'segment-only', body) })).statusCode).toBe(200);
    expect((await post(a, '/v1/webhooks/segment', body, { 'x-signature': hmac('sha256', 'segment-only', body) })).statusCode).toBe(200);
    expect((await post(a, '/v1/webhooks/segment', body, { 'x-signature': hmac('sha1', 'shared-secret', body) })).statusCode).toBe(401);
    // SHA-1 is Segment's scheme only: elsewhere it is refused.
    const sf = fixture('salesforce-opportunity.json');
    expect((await post(a, '/v1/webhooks/salesforce', sf, { 'x-signature': hmac('sha1', 'sf-only', sf) })).statusCode).toBe(401);
  });

  it('calendar: WEBHOOK_SECRET_CALENDAR in place of the shared secret', async () => {
    const a = await app({ webhookSecret: 'shared-secret', webhookSecrets: secrets });
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n';
    const send = (secret: string) => a.inject({ method: 'POST', url: '/v1/webhooks/calendar', payload: ics, headers: { 'content-type': 'text/calendar', 'x-signature': hmac('sha256', secret, ics) } });
    expect((await send('shared-secret')).statusCode).toBe(401);
    const ok = await send('cal-only');
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('with no secret for a source at all, its webhook is 503 naming both variables', async () => {
    const a = await app({ webhookSecrets: { gong: 'gong-only' } });
    const body = fixture('salesforce-opportunity.json');
    const r = await post(a, '/v1/webhooks/salesforce', body, { 'x-signature': hmac('sha256', 'anything', body) });
    expect(r.statusCode).toBe(503);
    expect(r.json().message).toMatch(/WEBHOOK_SECRET_SALESFORCE or WEBHOOK_SECRET/);
  });

  it('HubSpot (v3) and Slack (v0) take WEBHOOK_SECRET_HUBSPOT / WEBHOOK_SECRET_SLACK when their app secrets are not set', async () => {
    const a = await app({ webhookSecrets: { hubspot: 'hs-from-webhook-var', slack: 'slack-from-webhook-var' } });
    const hs = '[]';
    const ts = String(Date.now());
    const uri = 'http://localhost:80/v1/webhooks/hubspot';
    const hsHeaders = (secret: string) => ({ host: 'localhost:80', 'x-hubspot-request-timestamp': ts, 'x-hubspot-signature-v3': hubspotSignatureV3(secret, 'POST', uri, hs, ts) });
    expect((await post(a, '/v1/webhooks/hubspot', hs, hsHeaders('wrong'))).statusCode).toBe(401);
    const h = await post(a, '/v1/webhooks/hubspot', hs, hsHeaders('hs-from-webhook-var'));
    expect(h.statusCode, h.body).toBe(200);

    const sl = JSON.stringify({ token: 'legacy', challenge: 'c-123', type: 'url_verification' });
    const sts = String(Math.floor(Date.now() / 1000));
    const slHeaders = (secret: string) => ({ 'x-slack-request-timestamp': sts, 'x-slack-signature': slackSignatureV0(secret, sts, sl) });
    expect((await post(a, '/v1/webhooks/slack', sl, slHeaders('wrong'))).statusCode).toBe(401);
    const s = await post(a, '/v1/webhooks/slack', sl, slHeaders('slack-from-webhook-var'));
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json()).toEqual({ challenge: 'c-123' });
  });

  it('the app secrets win over the webhook variables when both are set', async () => {
    const a = await app({ slackSigningSecret: 'the-app-secret', webhookSecrets: { slack: 'ignored' } });
    const sl = JSON.stringify({ token: 'legacy', challenge: 'c-9', type: 'url_verification' });
    const sts = String(Math.floor(Date.now() / 1000));
    const send = (secret: string) => post(a, '/v1/webhooks/slack', sl, { 'x-slack-request-timestamp': sts, 'x-slack-signature': slackSignatureV0(secret, sts, sl) });
    expect((await send('ignored')).statusCode).toBe(401);
    expect((await send('the-app-secret')).statusCode).toBe(200);
  });
});
