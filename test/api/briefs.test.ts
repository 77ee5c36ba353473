// Briefs over the API: a CSM composes their own, a manager their team's, an admin anyone's; a rep
// none (but one account's brief of their own account). Listing and reading hold the same scopes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, auth } from '../helpers/stack.js';
import { bearer, seedBriefBook, type BriefBook } from '../helpers/briefs-seed.js';
import type { Stack } from '../../stack.js';
import type { BriefContent } from '../../agents/briefs/types.js';

let stack: Stack;
let book: BriefBook;
beforeAll(async () => {
  stack = await startTestStack();
  book = await seedBriefBook(stack.database.pool);
}, 120_000);
afterAll(async () => { await stack?.stop(); });

const post = (headers: Record<string, string>, payload: unknown = {}) => stack.app.inject({ method: 'POST', url: '/v1/briefs', headers, payload: payload as object });
const get = (url: string, headers: Record<string, string>) => stack.app.inject({ method: 'GET', url, headers });

describe('POST /v1/briefs', () => {
  let firstId = '';

  it("composes the CSM's own brief: their at-risk renewals in the window, cited, with the plan", async () => {
    const res = await post(bearer(book.tokens.cara));
    expect(res.statusCode, res.body).toBe(201);
    const brief = res.json() as { id: string; csmId: string; content: BriefContent; createdBy: string };
    firstId = brief.id;
    expect(brief.csmId).toBe(book.ids.cara);
    expect(brief.createdBy).toBe(book.ids.cara);
    const c = brief.content;
    // Hooli is low risk, Umbrella renews in 300 days, Soylent is Cole's.
    expect(c.accounts.map((a) => a.accountId)).toEqual([book.accounts.atRisk]);
    const globex = c.accounts[0];
    expect(globex).toMatchObject({ name: 'Globex', level: 'high', score: 72, previousScore: null });
    expect(globex.daysLeft).toBeGreaterThanOrEqual(24);
    expect(globex.daysLeft).toBeLessThanOrEqual(25);
    expect(globex.factors[0]).toMatchObject({ factor: 'competitor_mention', evidence: [{ signalId: book.signals.competitor, kind: 'email' }] });
    expect(globex.factors[0].evidence[0].excerpt).toContain('evaluating Initrode as a cheaper option');
    expect(globex.factors[1].evidence[0].signalId).toBe(book.signals.silence);
    expect(globex.plan).toEqual([expect.objectContaining({ recommendationId: book.recommendationId, evidence: [expect.objectContaining({ signalId: book.signals.competitor })] })]);
    expect(c.previous).toBeNull();
  }, 60_000);

  it('the next brief names the previous one and what changed since', async () => {
    const res = await post(bearer(book.tokens.cara));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json().content as BriefContent;
    expect(c.previous?.briefId).toBe(firstId);
    expect(c.accounts[0].previousScore).toBe(72);
    expect(c.changes.newFactors).toEqual([]);
  }, 60_000);

  it('enforces roles: a rep none, a CSM only themselves, a manager their team, an admin anyone', async () => {
    expect((await post(bearer(book.tokens.rex))).statusCode).toBe(403);
    expect((await post(bearer(book.tokens.cara), { csmId: book.ids.cole })).statusCode).toBe(404);
    expect((await post(bearer(book.tokens.mia), { csmId: book.ids.cole })).statusCode).toBe(404);
    expect((await post(bearer(book.tokens.mia))).statusCode).toBe(400);
    expect((await post(auth, { csmId: book.ids.rex })).statusCode).toBe(404); // not a CSM
    expect((await post({})).statusCode).toBe(401);
    const byManager = await post(bearer(book.tokens.mia), { csmId: book.ids.cara });
    expect(byManager.statusCode, byManager.body).toBe(201);
    expect(byManager.json()).toMatchObject({ csmId: book.ids.cara, createdBy: book.ids.mia });
    const byAdmin = await post(auth, { csmId: book.ids.cole });
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    expect(byAdmin.json().content.accounts.map((a: { accountId: string }) => a.accountId)).toEqual([book.accounts.othersCsm]);
  }, 90_000);
});

describe('GET /v1/briefs and /v1/briefs/:id', () => {
  it('lists by scope and answers 404 outside it', async () => {
    const list = async (token: string | null) => {
      const res = await get('/v1/briefs', token ? bearer(token) : auth);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().briefs as Array<{ id: string; csmId: string; headline: string; accounts: number }>;
    };
    const cara = await list(book.tokens.cara);
    const cole = await list(book.tokens.cole);
    const mia = await list(book.tokens.mia);
    const admin = await list(null);
    expect(cara.length).toBe(3);
    expect(cara.every((b) => b.csmId === book.ids.cara)).toBe(true);
    expect(cara[0].headline).toContain('Globex');
    expect(cole.map((b) => b.csmId)).toEqual([book.ids.cole]);
    expect(mia.map((b) => b.id).sort()).toEqual(cara.map((b) => b.id).sort());
    expect(admin.length).toBe(4);
    expect(await list(book.tokens.rex)).toEqual([]);
    // A query parameter does not widen a scope.
    const widened = await get(`/v1/briefs?csm=${book.ids.cole}`, bearer(book.tokens.cara));
    expect(widened.json().briefs).toEqual([]);

    const colesId = cole[0].id;
    expect((await get(`/v1/briefs/${colesId}`, bearer(book.tokens.cara))).statusCode).toBe(404);
    expect((await get(`/v1/briefs/${colesId}`, bearer(book.tokens.mia))).statusCode).toBe(404);
    expect((await get(`/v1/briefs/${colesId}`, bearer(book.tokens.rex))).statusCode).toBe(404);
    expect((await get(`/v1/briefs/${colesId}`, bearer(book.tokens.cole))).statusCode).toBe(200);
    const one = await get(`/v1/briefs/${cara[0].id}`, bearer(book.tokens.mia));
    expect(one.statusCode).toBe(200);
    expect(one.json().content.accounts[0].factors.length).toBeGreaterThan(0);
    expect((await get('/v1/briefs/no-such-brief', auth)).statusCode).toBe(404);
  });
});

describe('POST /v1/accounts/:id/briefs', () => {
  it("one account's brief, for the rep who owns it; not for an account outside the caller's scope", async () => {
    const res = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${book.accounts.atRisk}/briefs`, headers: bearer(book.tokens.rex) });
    expect(res.statusCode, res.body).toBe(201);
    const brief = res.json();
    expect(brief.accountId).toBe(book.accounts.atRisk);
    expect(brief.content.accounts.map((a: { accountId: string }) => a.accountId)).toEqual([book.accounts.atRisk]);
    expect((await get(`/v1/briefs/${brief.id}`, bearer(book.tokens.rex))).statusCode).toBe(200);
    expect((await get(`/v1/briefs/${brief.id}`, bearer(book.tokens.cole))).statusCode).toBe(404);
    const outside = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${book.accounts.atRisk}/briefs`, headers: bearer(book.tokens.cole) });
    expect(outside.statusCode).toBe(404);
    // An account brief is not the CSM's "last brief": the next CSM brief compares with the CSM one.
    const next = await post(bearer(book.tokens.cara));
    const { content } = next.json() as { content: BriefContent };
    const list = (await get('/v1/briefs?limit=200', bearer(book.tokens.cara))).json().briefs as Array<{ id: string; accountId: string | null }>;
    expect(list.find((b) => b.id === content.previous?.briefId)?.accountId).toBeNull();
  }, 90_000);
});

describe('brief settings', () => {
  it("a CSM sets their own time, zone and window; a bad zone is refused", async () => {
    const put = (headers: Record<string, string>, payload: object) => stack.app.inject({ method: 'PUT', url: '/v1/briefs/settings', headers, payload });
    const ok = await put(bearer(book.tokens.cara), { localTime: '08:15', timezone: 'Europe/Berlin', windowDays: 90 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ csmId: book.ids.cara, localTime: '08:15', timezone: 'Europe/Berlin', windowDays: 90, enabled: true });
    expect((await put(bearer(book.tokens.cara), { timezone: 'Mars/Olympus' })).statusCode).toBe(400);
    expect((await put(bearer(book.tokens.cara), { localTime: '25:00' })).statusCode).toBe(400);
    expect((await put(bearer(book.tokens.cole), { csmId: book.ids.cara, windowDays: 10 })).statusCode).toBe(404);
    const read = await get('/v1/briefs/settings', bearer(book.tokens.cara));
    expect(read.json()).toMatchObject({ localTime: '08:15', timezone: 'Europe/Berlin', windowDays: 90 });
    const described = await stack.temporal.client.schedule.getHandle(`brief:${book.ids.cara}`).describe();
    expect(described.spec.timezone).toBe('Europe/Berlin');
    await stack.temporal.client.schedule.getHandle(`brief:${book.ids.cara}`).delete();
  }, 60_000);
});

describe('a new CSM', () => {
  it('gets their daily brief schedule when created (the configured default time and zone)', async () => {
    const id = `csm-new-${Date.now().toString(36)}`;
    const res = await stack.app.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { id, name: 'Nia New', role: 'csm', email: 'nia@ourco.com' } });
    expect(res.statusCode, res.body).toBe(201);
    const handle = stack.temporal.client.schedule.getHandle(`brief:${id}`);
    const d = await handle.describe();
    expect(d.spec.timezone).toBe('UTC');
    expect(d.info.nextActionTimes[0].toISOString().slice(11, 16)).toBe('07:30');
    await handle.delete();
    // A rep gets none.
    const rep = await stack.app.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { id: `${id}-rep`, name: 'Rae Rep', role: 'rep' } });
    expect(rep.statusCode).toBe(201);
    await expect(stack.temporal.client.schedule.getHandle(`brief:${id}-rep`).describe()).rejects.toThrow();
  }, 60_000);
});
