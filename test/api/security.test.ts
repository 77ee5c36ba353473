// Security headers, CORS and rate limits, on the real app over a fresh database. Temporal is not
// needed here: the client points at a closed port, as in the sweeper test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { freshDatabase } from '../helpers/db.js';
import { ADMIN_TOKEN, auth } from '../helpers/stack.js';
import type { Database } from '../../db/connection.js';
import { buildApp, type AppDeps } from '../../api/app.js';
import type { AccountsClient } from '../../workflows/client.js';
import { freePort } from '../../workflows/dev-server.js';
import { loadConfig, ConfigError } from '../../config.js';
import { launchChromium, watchPage } from '../helpers/browser.js';

let db: Database;
let temporal: AccountsClient;
const apps: FastifyInstance[] = [];

async function app(extra: Partial<AppDeps> = {}): Promise<FastifyInstance> {
  const a = await buildApp({ db: db.pool, temporal, adminToken: ADMIN_TOKEN, ourDomains: ['ourco.com'], logLevel: 'silent', ...extra });
  await a.ready();
  apps.push(a);
  return a;
}

async function userToken(a: FastifyInstance, id: string, role: string): Promise<string> {
  const res = await a.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { id, name: id, role } });
  expect(res.statusCode).toBe(201);
  return (res.json() as { token: string }).token;
}

beforeAll(async () => {
  db = await freshDatabase();
  const address = `127.0.0.1:${await freePort()}`;
  const connection = Connection.lazy({ address, connectTimeout: 1000 });
  temporal = { client: new Client({ connection, namespace: 'default' }), settings: { address, namespace: 'default', taskQueue: 'security-test', debounceMs: 100 }, close: () => connection.close() };
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await temporal?.close().catch(() => {});
  await db?.close();
});

describe('security headers', () => {
  it('the web app page gets a CSP that allows only its own scripts and styles, and it uses nothing else', async () => {
    const a = await app();
    const page = await a.inject({ method: 'GET', url: '/ui/' });
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('upgrade-insecure-requests'); // the product is served over plain http on a laptop
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    // Only the API docs page may apply inline styles (Swagger UI sets them); scripts stay 'self' there too.
    const docs = String((await a.inject({ method: 'GET', url: '/docs/static/index.html' })).headers['content-security-policy']);
    expect(docs).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs).toContain("script-src 'self';");
    // The page itself: every script and stylesheet is same-origin, no inline script or style, no
    // inline event handler; the only non-self source is the data: favicon (img-src allows data:).
    const html = page.body;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\/ui\//);
      expect(body.trim()).toBe('');
    }
    for (const [, href] of html.matchAll(/<link\b[^>]*href="([^"]+)"/g)) expect(href.startsWith('/ui/') || href.startsWith('data:')).toBe(true);
    expect(html).not.toMatch(/<style\b|\son[a-z]+=|style="/i);
    for (const asset of ['/ui/app.js', '/ui/style.css']) expect((await a.inject({ method: 'GET', url: asset })).statusCode).toBe(200);
  });

  it('API answers carry the headers too, errors included', async () => {
    const a = await app();
    const ok = await a.inject({ method: 'GET', url: '/v1/accounts', headers: auth });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    const denied = await a.inject({ method: 'GET', url: '/v1/accounts' });
    expect(denied.statusCode).toBe(401);
    expect(denied.headers['content-security-policy']).toBeDefined();
    expect(denied.headers['x-powered-by']).toBeUndefined();
  });
});

describe('the pages still work under the policy, in a real browser', () => {
  it('the web app and the API docs load with no refused script, style or image', async () => {
    const a = await app();
    const origin = await a.listen({ port: 0, host: '127.0.0.1' });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const { problems } = watchPage(page, origin);
      await page.goto(`${origin}/ui/`);
      // The sign-in form appears only once app.js (a module script) has run.
      await page.locator('#signin-form').waitFor({ state: 'visible', timeout: 30_000 });
      expect(await page.locator('#signin').evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
      await page.fill('#token', ADMIN_TOKEN);
      await page.click('#signin-form button[type=submit]');
      await page.locator('#top').waitFor({ state: 'visible', timeout: 30_000 });
      // style.css applied: its system font stack and its margin, not the browser's defaults.
      expect(await page.locator('body').evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^system-ui/);
      expect(await page.locator('body').evaluate((el) => getComputedStyle(el).marginTop)).toBe('0px');
      expect(problems, `web app: ${problems.join('\n')}`).toEqual([]);
      await page.goto(`${origin}/docs/`);
      await page.locator('.swagger-ui .opblock').first().waitFor({ state: 'visible', timeout: 30_000 });
      expect(problems, `API docs: ${problems.join('\n')}`).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

describe('CORS', () => {
  it('is closed by default: no allow-origin header, and a preflight is not granted', async () => {
    const a = await app();
    const get = await a.inject({ method: 'GET', url: '/v1/accounts', headers: { ...auth, origin: 'https://evil.example' } });
    expect(get.statusCode).toBe(200);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await a.inject({ method: 'OPTIONS', url: '/v1/accounts', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('allows exactly the configured origins, preflight included, and no other', async () => {
    const a = await app({ corsOrigins: ['https://crm.example.com'] });
    const pre = await a.inject({ method: 'OPTIONS', url: '/v1/accounts', headers: { origin: 'https://crm.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('https://crm.example.com');
    expect(String(pre.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
    const get = await a.inject({ method: 'GET', url: '/v1/accounts', headers: { ...auth, origin: 'https://crm.example.com' } });
    expect(get.headers['access-control-allow-origin']).toBe('https://crm.example.com');
    const other = await a.inject({ method: 'GET', url: '/v1/accounts', headers: { ...auth, origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('CORS_ORIGINS is read as a comma list of origins, and a path in it is a configuration error', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:5173' }).corsOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example/app' })).toThrow(ConfigError);
    expect(loadConfig({}).rateLimitPerMinute).toBe(1200);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
  });
});

describe('rate limits per token', () => {
  it('counts each user apart, answers 429 with Retry-After past the limit, and leaves other users alone', async () => {
    const a = await app({ rateLimitPerMinute: 5 });
    const rita = await userToken(a, 'rl-rita', 'rep');
    const carl = await userToken(a, 'rl-carl', 'rep');
    const get = (token: string) => a.inject({ method: 'GET', url: '/v1/accounts', headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < 5; i++) {
      const res = await get(rita);
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-ratelimit-remaining']).toBe(String(4 - i));
    }
    const over = await get(rita);
    expect(over.statusCode).toBe(429);
    const retryAfter = Number(over.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(over.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect((over.json() as { message: string }).message).toMatch(/5 requests per minute/);
    // Another user's token is a bucket of its own, though both come from the same address.
    expect((await get(carl)).statusCode).toBe(200);
    // The key is the user, not the token string: a second token of the same user shares her bucket.
    const rita2 = await userToken(a, 'rl-rita', 'rep');
    expect((await get(rita2)).statusCode).toBe(429);
  });

  it('a malformed request counts too: the limit is checked before the body is read', async () => {
    const a = await app({ rateLimitPerMinute: 2 });
    const tom = await userToken(a, 'rl-tom', 'rep');
    const bad = () => a.inject({ method: 'POST', url: '/v1/accounts', headers: { authorization: `Bearer ${tom}`, 'content-type': 'application/json' }, payload: '{"name":' });
    expect((await bad()).statusCode).toBe(400);
    expect((await bad()).statusCode).toBe(400);
    const over = await bad();
    expect(over.statusCode).toBe(429);
    expect(over.headers['retry-after']).toBeDefined();
  });

  it('without a token the limit is per client address', async () => {
    const a = await app({ rateLimitPerMinute: 3 });
    const spec = (ip: string) => a.inject({ method: 'GET', url: '/openapi.json', remoteAddress: ip });
    for (let i = 0; i < 3; i++) expect((await spec('10.0.0.1')).statusCode).toBe(200);
    const over = await spec('10.0.0.1');
    expect(over.statusCode).toBe(429);
    expect(over.headers['retry-after']).toBeDefined();
    expect((await spec('10.0.0.2')).statusCode).toBe(200);
  });

  it('0 turns the limit off', async () => {
    const a = await app({ rateLimitPerMinute: 0 });
    for (let i = 0; i < 30; i++) expect((await a.inject({ method: 'GET', url: '/v1/accounts', headers: auth })).statusCode).toBe(200);
  });
});
