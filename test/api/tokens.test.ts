// Tokens that hold: stored only as hashes, revocable by their user or an admin, expiring after
// TOKEN_TTL_DAYS with a 401 that says so; bad tokens limited per client address. The real app over
// a fresh database; Temporal is not needed (the client points at a closed port).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { offlineApps, type OfflineApps } from '../helpers/offline-app.js';
import { auth } from '../helpers/stack.js';
import type { Database } from '../../db/connection.js';
import type { AppDeps } from '../../api/app.js';
import { FailedLogins } from '../../api/plugins/auth.js';
import { loadConfig } from '../../config.js';

let apps: OfflineApps;
let db: Database;
const app = (extra: Partial<AppDeps> = {}) => apps.app(extra);

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

async function newUser(a: FastifyInstance, id: string, role = 'rep'): Promise<string> {
  const res = await a.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { id, name: id, role } });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { token: string }).token;
}

beforeAll(async () => {
  apps = await offlineApps({ tokenTtlDays: 30 });
  db = apps.db;
});
afterAll(async () => { await apps?.close(); });

describe('tokens', () => {
  it('are stored only as a hash, and expire TOKEN_TTL_DAYS after they are issued', async () => {
    const a = await app();
    const token = await newUser(a, 'tk-hash');
    const { rows } = await db.pool.query(`select token_hash, expires_at from api_tokens where user_id = 'tk-hash'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
    const days = (Date.parse(rows[0].expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
  });

  it('an expired token is refused with a 401 that says it expired', async () => {
    const a = await app();
    const token = await newUser(a, 'tk-expired');
    expect((await a.inject({ method: 'GET', url: '/v1/me', headers: bearer(token) })).statusCode).toBe(200);
    await db.pool.query(`update api_tokens set expires_at = now() - interval '1 minute' where user_id = 'tk-expired'`);
    const res = await a.inject({ method: 'GET', url: '/v1/me', headers: bearer(token) });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/expired/);
  });

  it('TOKEN_TTL_DAYS=0 issues tokens that do not expire; the default is 90 days', async () => {
    expect(loadConfig({}).tokenTtlDays).toBe(90);
    expect(loadConfig({ TOKEN_TTL_DAYS: '0' }).tokenTtlDays).toBe(0);
    const a = await app({ tokenTtlDays: 0 });
    await newUser(a, 'tk-forever');
    const { rows } = await db.pool.query(`select expires_at from api_tokens where user_id = 'tk-forever'`);
    expect(rows[0].expires_at).toBeNull();
  });

  it('a user lists, issues and revokes their own tokens; a revoked token is refused at once', async () => {
    const a = await app();
    const first = await newUser(a, 'tk-self');
    const issued = await a.inject({ method: 'POST', url: '/v1/users/tk-self/tokens', headers: bearer(first), payload: { label: 'laptop' } });
    expect(issued.statusCode, issued.body).toBe(201);
    const second = issued.json() as { id: string; token: string; label: string; expiresAt: string };
    expect(second.label).toBe('laptop');
    expect(second.expiresAt).toBeTruthy();

    const list = await a.inject({ method: 'GET', url: '/v1/users/tk-self/tokens', headers: bearer(second.token) });
    expect(list.statusCode).toBe(200);
    const tokens = (list.json() as { tokens: Array<{ id: string; label: string; revokedAt: string | null }> }).tokens;
    expect(tokens.map((t) => t.label).sort()).toEqual(['api', 'laptop']);
    expect(list.body).not.toContain(first);
    expect(list.body).not.toContain('token_hash');
    const firstId = tokens.find((t) => t.label === 'api')!.id;

    const revoke = await a.inject({ method: 'DELETE', url: `/v1/users/tk-self/tokens/${firstId}`, headers: bearer(second.token) });
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(revoke.json().revokedBy).toBe('tk-self');
    const refused = await a.inject({ method: 'GET', url: '/v1/me', headers: bearer(first) });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().message).toMatch(/revoked/);
    expect((await a.inject({ method: 'GET', url: '/v1/me', headers: bearer(second.token) })).statusCode).toBe(200);
    // Revoking again changes nothing and still answers.
    const again = await a.inject({ method: 'DELETE', url: `/v1/users/tk-self/tokens/${firstId}`, headers: bearer(second.token) });
    expect(again.statusCode).toBe(200);
    expect(again.json().revokedAt).toBe(revoke.json().revokedAt);
    const audit = await db.pool.query(`select action from audit_log where entity = 'user' and entity_id = 'tk-self' order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['token.issue', 'token.revoke', 'token.revoke']);
  });

  it("another user's tokens are not there for a non-admin (404); an admin may revoke anyone's", async () => {
    const a = await app();
    const victim = await newUser(a, 'tk-victim');
    const other = await newUser(a, 'tk-other', 'manager');
    const victimTokens = await a.inject({ method: 'GET', url: '/v1/users/tk-victim/tokens', headers: auth });
    const id = (victimTokens.json() as { tokens: Array<{ id: string }> }).tokens[0].id;
    for (const [method, url] of [['GET', '/v1/users/tk-victim/tokens'], ['POST', '/v1/users/tk-victim/tokens'], ['DELETE', `/v1/users/tk-victim/tokens/${id}`]] as const) {
      const res = await a.inject({ method, url, headers: bearer(other), ...(method === 'POST' ? { payload: {} } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await a.inject({ method: 'GET', url: '/v1/me', headers: bearer(victim) })).statusCode).toBe(200);
    expect((await a.inject({ method: 'DELETE', url: `/v1/users/tk-victim/tokens/${id}`, headers: auth })).statusCode).toBe(200);
    expect((await a.inject({ method: 'DELETE', url: '/v1/users/tk-victim/tokens/no-such-token', headers: auth })).statusCode).toBe(404);
    expect((await a.inject({ method: 'GET', url: '/v1/me', headers: bearer(victim) })).statusCode).toBe(401);
  });
});

describe('failed sign-ins', () => {
  it('after the limit of bad tokens from one address, that address gets 429 with Retry-After, even with a good token, until the minute passes', async () => {
    const a = await app({ authFailuresPerMinute: 5 });
    const good = await newUser(a, 'tk-limited');
    const from = (ip: string, token: string) => a.inject({ method: 'GET', url: '/v1/me', headers: bearer(token), remoteAddress: ip });
    for (let i = 0; i < 5; i += 1) expect((await from('10.0.0.7', `aat_guess_${i}`)).statusCode).toBe(401);
    const blocked = await from('10.0.0.7', 'aat_guess_6');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await from('10.0.0.7', good)).statusCode).toBe(429);
    // Another address is not affected, and good tokens never count as failures.
    expect((await from('10.0.0.8', good)).statusCode).toBe(200);
    for (let i = 0; i < 20; i += 1) expect((await from('10.0.0.9', good)).statusCode).toBe(200);
    // A request without any token is a 401, not a failed guess.
    for (let i = 0; i < 8; i += 1) expect((await a.inject({ method: 'GET', url: '/v1/me', remoteAddress: '10.0.0.10' })).statusCode).toBe(401);
    expect((await from('10.0.0.10', good)).statusCode).toBe(200);
  });

  it('the window is one minute (counted on a clock the test moves)', () => {
    let now = 1_000_000;
    const f = new FailedLogins(3, () => now);
    for (let i = 0; i < 3; i += 1) f.fail('1.2.3.4');
    expect(f.blockedFor('1.2.3.4')).toBe(60);
    now += 45_000;
    expect(f.blockedFor('1.2.3.4')).toBe(15);
    now += 15_000;
    expect(f.blockedFor('1.2.3.4')).toBe(0);
    expect(new FailedLogins(0).blockedFor('1.2.3.4')).toBe(0);
  });
});
