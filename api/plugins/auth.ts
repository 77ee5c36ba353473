// Bearer-token auth: ADMIN_TOKEN from the environment is an admin; other tokens are looked up by hash
// and must be neither expired nor revoked (each says which, so the holder knows to get a new one).
// Failed sign-ins (a bearer token that is not good) are limited per client address: after
// `failedPerMinute` of them within a minute, that address gets 429 with Retry-After, before any lookup,
// until the minute has passed; a good token never counts. Guessing tokens is slow, a typo is not punished.
import fp from 'fastify-plugin';
import { timingSafeEqual } from 'node:crypto';
import { lookupToken, type User } from '../../db/queries/users.js';
import { HttpError } from '../errors.js';

export type AuthUser = Pick<User, 'id' | 'name' | 'role'>;

declare module 'fastify' {
  interface FastifyRequest { user: AuthUser | null }
  interface FastifyContextConfig { public?: boolean }
}

export interface AuthOptions {
  adminToken?: string;
  /** Bad bearer tokens allowed per client address per minute (0: no limit). Default 20. */
  failedPerMinute?: number;
}

const PUBLIC_PREFIXES = ['/docs', '/ui', '/openapi.json', '/favicon'];
const WINDOW_MS = 60_000;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Failures per client address in fixed one-minute windows (in memory: per API process). */
export class FailedLogins {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly max: number, private readonly now: () => number = Date.now) {}

  /** Seconds until this address may try again (0: it may now). */
  blockedFor(ip: string): number {
    if (this.max <= 0) return 0;
    const w = this.windows.get(ip);
    if (!w || this.now() - w.start >= WINDOW_MS) return 0;
    return w.count >= this.max ? Math.ceil((w.start + WINDOW_MS - this.now()) / 1000) : 0;
  }

  fail(ip: string): void {
    if (this.max <= 0) return;
    const t = this.now();
    const w = this.windows.get(ip);
    if (!w || t - w.start >= WINDOW_MS) this.windows.set(ip, { start: t, count: 1 });
    else w.count += 1;
    if (this.windows.size > 10_000) this.prune(t);
  }

  private prune(t: number): void {
    for (const [ip, w] of this.windows) if (t - w.start >= WINDOW_MS) this.windows.delete(ip);
  }
}

export default fp<AuthOptions>(async (app, opts) => {
  app.decorateRequest('user', null);
  const failures = new FailedLogins(opts.failedPerMinute ?? 20);
  app.addHook('onRequest', async (req, reply) => {
    if (req.routeOptions.config?.public || req.url === '/' || PUBLIC_PREFIXES.some((p) => req.url.startsWith(p))) return;
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new HttpError(401, 'missing bearer token (Authorization: Bearer <token>)');
    const wait = failures.blockedFor(req.ip);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new HttpError(429, `too many failed sign-ins from this address; retry in ${wait} s`);
    }
    const token = match[1];
    if (opts.adminToken && sameSecret(token, opts.adminToken)) {
      req.user = { id: 'admin', name: 'Admin', role: 'admin' };
      return;
    }
    const found = await lookupToken(app.db, token);
    if (found.status === 'ok') {
      req.user = { id: found.user.id, name: found.user.name, role: found.user.role };
      return;
    }
    failures.fail(req.ip);
    if (found.status === 'expired') throw new HttpError(401, `bearer token expired at ${found.expiresAt}; ask an admin for a new one (POST /v1/users/:id/tokens)`);
    if (found.status === 'revoked') throw new HttpError(401, `bearer token revoked at ${found.revokedAt}`);
    throw new HttpError(401, 'invalid bearer token');
  });
}, { name: 'auth', dependencies: ['db'] });
