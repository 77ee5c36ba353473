// Settings reach the app the same way under `npm start` (stack.ts) and the production API
// (api/server.ts): both build it from appSettings(config). A setting that was read and validated but
// never passed on (HUBSPOT_STAGE_MAP under npm start, the brief settings under start:api) failed here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, auth, uniqueId } from '../helpers/stack.js';
import { hubspotSignatureV3 } from '../../agents/signals/hubspot-signature.js';
import { appSettings } from '../../api/app.js';
import { loadConfig } from '../../config.js';
import type { Stack } from '../../stack.js';

const ENV = {
  HUBSPOT_CLIENT_SECRET: 'hs-wiring',
  HUBSPOT_STAGE_MAP: '{"871": {"77412093": "negotiation"}}',
  BRIEF_LOCAL_TIME: '06:45', BRIEF_TIMEZONE: 'Europe/Lisbon', BRIEF_WINDOW_DAYS: '90',
};

describe('appSettings', () => {
  it('passes on every setting the app takes from the configuration', () => {
    const s = appSettings(loadConfig({ ...ENV, ADMIN_TOKEN: 'x'.repeat(24), WEBHOOK_SECRET: 'w', CORS_ORIGINS: 'https://crm.example', RATE_LIMIT_PER_MINUTE: '90' } as NodeJS.ProcessEnv));
    expect(s.hubspotStageMap).toEqual({ all: {}, byPortal: { 871: { 77412093: 'negotiation' } } });
    expect(s.briefDefaults).toMatchObject({ localTime: '06:45', timezone: 'Europe/Lisbon', windowDays: 90 });
    expect(s).toMatchObject({ hubspotClientSecret: 'hs-wiring', webhookSecret: 'w', corsOrigins: ['https://crm.example'], rateLimitPerMinute: 90 });
  });
});

describe('the embedded product (npm start) applies them', () => {
  let stack: Stack;
  const account = uniqueId('wiring');
  beforeAll(async () => {
    stack = await startTestStack(ENV);
    const res = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: {
      id: account, name: 'Harbourline Logistics', domains: [`${account}.example`], stage: 'proposal', settings: { externalIds: ['hubspot:deal:5550192'] } } });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(async () => { await stack?.stop(); });

  it('a custom pipeline stage id from HUBSPOT_STAGE_MAP is stored as its stage, not raw', async () => {
    const body = JSON.stringify([{ eventId: 9001, subscriptionId: 4, portalId: 871, occurredAt: Date.now() - 60_000, subscriptionType: 'deal.propertyChange',
      attemptNumber: 0, objectId: 5550192, changeSource: 'CRM', propertyName: 'dealstage', propertyValue: '77412093' }]);
    const ts = String(Date.now());
    const res = await stack.app.inject({ method: 'POST', url: '/v1/webhooks/hubspot', payload: body, headers: {
      'content-type': 'application/json', host: 'localhost:80', 'x-hubspot-request-timestamp': ts,
      'x-hubspot-signature-v3': hubspotSignatureV3('hs-wiring', 'POST', 'http://localhost:80/v1/webhooks/hubspot', body, ts) } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stored: 1, accounts: [account] });
    const rows = (await stack.database.pool.query(`select payload from signals where account_id = $1 and source = 'hubspot'`, [account])).rows;
    expect(rows.map((r) => r.payload.to)).toEqual(['negotiation']);
  });

  it('a CSM without settings of their own gets the configured brief defaults', () => {
    expect(stack.app.briefDefaults).toMatchObject({ localTime: '06:45', timezone: 'Europe/Lisbon', windowDays: 90 });
  });
});
