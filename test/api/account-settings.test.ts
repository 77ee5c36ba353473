// Account settings over HTTP: every setting the agent reads (competitors, thresholds, timezone,
// externalIds) is kept as sent; a setting it does not know, or a time zone that is not one, is a
// 400 that names it, instead of being dropped without a word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, auth, uniqueId } from '../helpers/stack.js';
import type { Stack } from '../../stack.js';

let stack: Stack;
beforeAll(async () => { stack = await startTestStack(); });
afterAll(async () => { await stack?.stop(); });

const create = (settings: unknown) => stack.app.inject({
  method: 'POST', url: '/v1/accounts', headers: auth,
  payload: { id: uniqueId('settings'), name: 'Osterhaus Dental Group', domains: ['osterhaus-dental.de'], stage: 'discovery', settings },
});

describe('POST /v1/accounts settings', () => {
  it('keeps competitors, thresholds, timezone and externalIds as sent', async () => {
    const settings = {
      competitors: ['Curvline'], thresholds: { silenceDays: { discovery: 21 } }, timezone: 'Europe/Berlin', externalIds: ['hubspot:deal:77'],
    };
    const res = await create(settings);
    expect(res.statusCode, res.body).toBe(201);
    const got = await stack.app.inject({ method: 'GET', url: `/v1/accounts/${res.json().id}`, headers: auth });
    expect(got.json().settings).toEqual(settings);
  });

  it('refuses a setting it does not know, by name', async () => {
    const res = await create({ timeZone: 'Europe/Berlin' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('timeZone');
  });

  it('refuses a time zone that is not an IANA zone', async () => {
    const res = await create({ timezone: 'Central Europe' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('IANA time zone');
  });
});
