// Calendar and Slack through HTTP: the signed calendar webhook, the Slack Events API (signature,
// staleness, url_verification, retries stored once, channel linking, unmatched) and a Slack
// export uploaded as a zip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { startTestStack, auth, uniqueId } from '../helpers/stack.js';
import { multipart } from '../helpers/multipart.js';
import { slackSignatureV0 } from '../../agents/signals/slack-signature.js';
import type { Stack } from '../../stack.js';

let stack: Stack;
const brightwell = uniqueId('brightwell');
const northwind = uniqueId('northwind');
const DAY = 86_400_000;

beforeAll(async () => {
  stack = await startTestStack({ WEBHOOK_SECRET: 'wh-secret', SLACK_SIGNING_SECRET: 'slack-secret', OUR_DOMAINS: 'ourco.io' });
  for (const payload of [
    { id: brightwell, name: 'Brightwell Health', domains: ['brightwell.health'], stage: 'negotiation', settings: { slackChannels: ['C999CONFIG'] } },
    { id: northwind, name: 'Northwind', domains: ['northwind-traders.example'], stage: 'customer' },
  ]) {
    const r = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload });
    expect(r.statusCode, r.body).toBe(201);
  }
}, 120_000);
afterAll(async () => { await stack?.stop(); });

const rows = async (sql: string, params: unknown[] = []) => (await stack.database.pool.query(sql, params)).rows;
const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

describe('POST /v1/webhooks/calendar', () => {
  const now = Date.now();
  const first = Math.floor((now - 14 * DAY) / 3_600_000) * 3_600_000;
  const feed = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//account-agents tests//EN',
    'BEGIN:VEVENT', 'UID:bw-weekly@ourco.io', `DTSTAMP:${stamp(first - DAY)}`, `DTSTART:${stamp(first)}`, `DTEND:${stamp(first + 1_800_000)}`, 'RRULE:FREQ=WEEKLY;COUNT=6',
    'SUMMARY:Brightwell weekly', 'ORGANIZER:mailto:dana@ourco.io', 'ATTENDEE;CN=Priya Natarajan:mailto:priya@brightwell.health', 'END:VEVENT',
    'BEGIN:VEVENT', 'UID:bw-weekly@ourco.io', `RECURRENCE-ID:${stamp(first + 21 * DAY)}`, `DTSTAMP:${stamp(now - DAY)}`, 'SEQUENCE:1',
    `DTSTART:${stamp(first + 23 * DAY)}`, `DTEND:${stamp(first + 23 * DAY + 1_800_000)}`, 'SUMMARY:Brightwell weekly (moved)', 'ATTENDEE:mailto:priya@brightwell.health', 'END:VEVENT',
    'END:VCALENDAR', ''].join('\r\n');
  const cancel = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//account-agents tests//EN', 'METHOD:CANCEL',
    'BEGIN:VEVENT', 'UID:bw-weekly@ourco.io', `RECURRENCE-ID:${stamp(first + 28 * DAY)}`, `DTSTAMP:${stamp(now - 3_600_000)}`, 'SEQUENCE:1',
    `DTSTART:${stamp(first + 28 * DAY)}`, 'SUMMARY:Brightwell weekly', 'ATTENDEE:mailto:priya@brightwell.health', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  const post = (body: string, signature = createHmac('sha256', 'wh-secret').update(body).digest('hex')) =>
    stack.app.inject({ method: 'POST', url: '/v1/webhooks/calendar', headers: { 'content-type': 'text/calendar; charset=utf-8', 'x-signature': signature }, payload: body });

  it('stores each occurrence routed by its attendees, once; a moved occurrence as updated; a cancellation as cancelled', async () => {
    const r = await post(feed);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ format: 'ics', stored: 6, duplicates: 0, unmatched: 0, rejected: [], accounts: [brightwell] });
    expect((await post(feed)).json()).toMatchObject({ stored: 0, duplicates: 6 });
    expect((await post(cancel)).json()).toMatchObject({ stored: 1, accounts: [brightwell] });
    const events = await rows(`select payload->>'eventId' as id, payload->>'event' as event, payload->>'startsAt' as starts from signals where account_id = $1 and kind = 'calendar' order by occurred_at, payload->>'startsAt'`, [brightwell]);
    const week = (n: number) => `bw-weekly@ourco.io#${new Date(first + n * 7 * DAY).toISOString()}`;
    expect(events.find((e) => e.id === week(3))).toMatchObject({ event: 'updated', starts: new Date(first + 23 * DAY).toISOString() });
    expect(events.filter((e) => e.id === week(4)).map((e) => e.event)).toEqual(['scheduled', 'cancelled']);
  });

  it('refuses a wrong signature and a body that is not iCalendar', async () => {
    expect((await post(feed, 'ab'.repeat(32))).statusCode).toBe(401);
    expect((await post('hello')).statusCode).toBe(400);
  });
});

describe('POST /v1/webhooks/slack', () => {
  let n = 0;
  const message = (channel: string, text: string, id = `Ev${(n += 1)}X`) => JSON.stringify({
    token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: id, event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel, user: 'U02PRIYA', text, ts: `${Math.floor(Date.now() / 1000)}.000100`, event_ts: `${Math.floor(Date.now() / 1000)}.000100`, channel_type: 'channel',
      user_profile: { real_name: 'Priya Natarajan', display_name: 'Priya' } },
  });
  const post = (body: string, opts: { ts?: number; secret?: string; retry?: number } = {}) => {
    const ts = String(opts.ts ?? Math.floor(Date.now() / 1000));
    return stack.app.inject({ method: 'POST', url: '/v1/webhooks/slack', payload: body, headers: {
      'content-type': 'application/json', 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignatureV0(opts.secret ?? 'slack-secret', ts, body),
      ...(opts.retry ? { 'x-slack-retry-num': String(opts.retry), 'x-slack-retry-reason': 'http_timeout' } : {}) } });
  };

  it('answers url_verification with the challenge when signed', async () => {
    const body = JSON.stringify({ token: 'legacy', challenge: 'c-3eZbrw1aBm2r', type: 'url_verification' });
    const r = await post(body);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ challenge: 'c-3eZbrw1aBm2r' });
  });

  it('refuses an invalid signature and a stale timestamp, storing nothing', async () => {
    const body = message('C999CONFIG', 'this should never be stored');
    expect((await post(body, { secret: 'wrong' })).statusCode).toBe(401);
    const stale = await post(body, { ts: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().message).toMatch(/stale/);
    expect(await rows(`select 1 from signals where payload->>'text' = 'this should never be stored'`)).toEqual([]);
  });

  it('stores a message in a configured channel once, however often Slack retries it', async () => {
    const body = message('C999CONFIG', 'Legal signed off, sending the order form today.', 'Ev0RETRY1');
    expect((await post(body)).json()).toMatchObject({ stored: 1, accounts: [brightwell] });
    expect((await post(body, { retry: 1 })).json()).toMatchObject({ stored: 0, duplicates: 1 });
    expect((await post(body, { retry: 2 })).json()).toMatchObject({ stored: 0, duplicates: 1 });
    const stored = await rows(`select account_id, kind, source, external_id, payload from signals where external_id = 'Ev0RETRY1'`);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ account_id: brightwell, kind: 'chat', source: 'slack', payload: { channel: 'C999CONFIG', author: { name: 'Priya Natarajan' } } });
  });

  it('keeps a message from a channel no account is linked to as unmatched', async () => {
    const r = await post(message('C000NOBODY', 'Anyone around for the offsite planning?', 'Ev0LOOSE1'));
    expect(r.json()).toMatchObject({ stored: 0, unmatched: 1 });
    const un = await stack.app.inject({ method: 'GET', url: '/v1/unmatched', headers: auth });
    expect(un.json().unmatched.find((u: { externalId: string }) => u.externalId === 'Ev0LOOSE1')).toMatchObject({ source: 'slack', route: { channelId: 'C000NOBODY' }, reason: expect.stringMatching(/no account is linked to its channel/) });
  });
});

describe('Slack export upload', () => {
  it('routes channels by the account name or domain in the channel name; the rest is unmatched', async () => {
    const dir = fileURLToPath(new URL('../fixtures/signals/slack/export', import.meta.url));
    const files: Record<string, Uint8Array> = {};
    const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else files[`export/${relative(dir, p)}`] = readFileSync(p); } };
    walk(dir);
    const body = await multipart([{ name: 'slack-export.zip', content: Buffer.from(zipSync(files)) }]);
    const r = await stack.app.inject({ method: 'POST', url: '/v1/signals/import', headers: { ...auth, ...body.headers }, payload: body.payload });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ format: 'slack_export', stored: 5, unmatched: 1, rejected: [] });
    const byAccount = await rows(`select account_id, count(*)::int as n from signals where kind = 'chat' and source = 'slack' and external_id like 'slack:%' group by account_id order by account_id`);
    expect(Object.fromEntries(byAccount.map((x) => [x.account_id, x.n]))).toEqual({ [brightwell]: 4, [northwind]: 1 });
  });
});
