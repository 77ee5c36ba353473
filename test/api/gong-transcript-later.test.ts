// Over HTTP: Gong's call_completed webhook stores the call without its transcript; importing the
// call with its transcript later completes that same signal (the reply says "completed", not stored
// or duplicate); importing it again is a plain duplicate. The real app over a fresh database, with
// Temporal unreachable (the notification is deferred to the sweeper; nothing here needs a workflow).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { offlineApps, type OfflineApps } from '../helpers/offline-app.js';
import { auth } from '../helpers/stack.js';
import { multipart } from '../helpers/multipart.js';
import { notifierOf } from '../../workflows/client.js';

const SECRET = 'gong-later-secret';
let apps: OfflineApps;
let app: FastifyInstance;

beforeAll(async () => {
  apps = await offlineApps();
  app = await apps.app({ webhookSecrets: { gong: SECRET } });
  const r = await app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: { id: 'quillon', name: 'Quillon Textiles', domains: ['quillon.example'], stage: 'negotiation' } });
  expect(r.statusCode, r.body).toBe(201);
});
afterAll(async () => {
  // The notifications to the unreachable Temporal settle (fail) before its connection is closed under them.
  if (app) await notifierOf(app.temporal).drain(30_000);
  await apps?.close();
});

const meta = { id: '6603918274401', title: 'Quillon dye-house rollout', started: '2026-11-18T14:30:00Z', duration: 2400 };
const parties = [
  { speakerId: 'v1', name: 'Odile Ferrand', emailAddress: 'odile@quillon.example', affiliation: 'External' },
  { speakerId: 'v2', name: 'Kwame Asante', emailAddress: 'kwame@ourco.com', affiliation: 'Internal' },
];
const completedHook = JSON.stringify({ isTest: false, callData: { metaData: meta, parties } });
const exported = JSON.stringify({ callData: { metaData: meta, parties }, transcript: [
  { speakerId: 'v1', sentences: [{ start: 0, end: 5000, text: 'The indigo batches need their own colour tolerances before the second mill joins.' }] },
  { speakerId: 'v2', sentences: [{ start: 5200, end: 9000, text: 'We can configure a tolerance profile per mill next week.' }] },
] });

const signed = (body: string) => ({ 'content-type': 'application/json', 'x-signature': createHmac('sha256', SECRET).update(body).digest('hex') });
const importCall = async () => {
  const body = await multipart([{ name: 'gong-export.json', content: exported }]);
  return app.inject({ method: 'POST', url: '/v1/accounts/quillon/signals/import', headers: { ...auth, ...body.headers }, payload: body.payload });
};
const meetings = async () => {
  const r = await app.inject({ method: 'GET', url: '/v1/accounts/quillon/signals?kind=meeting', headers: auth });
  return r.json().signals as Array<Record<string, unknown>>;
};

describe('a Gong call whose transcript comes later', () => {
  it('webhook first, then the import of the call with its transcript completes the same signal', async () => {
    const hook = await app.inject({ method: 'POST', url: '/v1/webhooks/gong', headers: signed(completedHook), payload: completedHook });
    expect(hook.statusCode, hook.body).toBe(200);
    expect(hook.json()).toMatchObject({ format: 'gong', stored: 1, duplicates: 0, accounts: ['quillon'] });
    expect(hook.json().completed).toBeUndefined();
    const [waiting] = await meetings();
    expect(waiting).toMatchObject({ externalId: '6603918274401', source: 'gong', transcript: [], transcriptPending: true });

    const imported = await importCall();
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ format: 'gong', stored: 0, duplicates: 0, completed: 1, rejected: [], accounts: ['quillon'] });
    const all = await meetings();
    expect(all).toHaveLength(1);
    expect(all[0].id).toBe(waiting.id);
    expect(all[0].transcriptPending).toBeUndefined();
    expect(all[0].transcript).toEqual([
      { speaker: 'Odile Ferrand', text: 'The indigo batches need their own colour tolerances before the second mill joins.', startSec: 0 },
      { speaker: 'Kwame Asante', text: 'We can configure a tolerance profile per mill next week.', startSec: 5.2 },
    ]);
    const row = await apps.db.pool.query('select status from signals where id = $1', [waiting.id]);
    expect(row.rows[0].status).toBe('pending');
  });

  it('the complete call delivered again, by import or by webhook, is a plain duplicate', async () => {
    const again = await importCall();
    expect(again.json()).toMatchObject({ stored: 0, duplicates: 1, accounts: [] });
    expect(again.json().completed).toBeUndefined();
    const hook = await app.inject({ method: 'POST', url: '/v1/webhooks/gong', headers: signed(exported), payload: exported });
    expect(hook.json()).toMatchObject({ stored: 0, duplicates: 1 });
    expect(await meetings()).toHaveLength(1);
    expect((await meetings())[0].transcript).toHaveLength(2);
  });

  it('the transcript posted as a signal (POST /v1/accounts/:id/signals) completes it too, and the 202 says which', async () => {
    const second = { ...meta, id: '6603918274777', title: 'Quillon mill two kickoff', started: '2026-11-25T09:00:00Z' };
    const body = JSON.stringify({ isTest: false, callData: { metaData: second, parties } });
    const hook = await app.inject({ method: 'POST', url: '/v1/webhooks/gong', headers: signed(body), payload: body });
    expect(hook.json()).toMatchObject({ stored: 1 });
    const waiting = (await meetings()).find((m) => m.externalId === second.id)!;
    expect(waiting.transcriptPending).toBe(true);
    const posted = await app.inject({ method: 'POST', url: '/v1/accounts/quillon/signals', headers: auth, payload: {
      kind: 'meeting', source: 'gong', externalId: second.id, occurredAt: second.started, title: second.title,
      transcript: [{ speaker: 'Odile Ferrand', text: 'Mill two starts dyeing in January, so the profiles must be ready by then.' }] } });
    expect(posted.statusCode, posted.body).toBe(202);
    expect(posted.json()).toMatchObject({ stored: [], duplicates: [], completed: [waiting.id] });
    const now = (await meetings()).find((m) => m.id === waiting.id)!;
    expect(now.transcriptPending).toBeUndefined();
    expect(now.transcript).toEqual([expect.objectContaining({ speaker: 'Odile Ferrand' })]);
    const again = await app.inject({ method: 'POST', url: '/v1/accounts/quillon/signals', headers: auth, payload: {
      kind: 'meeting', source: 'gong', externalId: second.id, occurredAt: second.started, title: second.title, transcript: 'Repeated.' } });
    expect(again.json()).toMatchObject({ stored: [], duplicates: [waiting.id] });
    expect(again.json().completed).toBeUndefined();
  });
});
