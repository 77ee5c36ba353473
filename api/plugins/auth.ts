// Bearer-token auth: ADMIN_TOKEN from the environment is an admin; other tokens are looked up by hash.
import fp from 'fastify-plugin';
import { timingSafeEqual } from 'node:crypto';
import { findUserByToken, type User } from '../../db/queries/users.js';
import { HttpError } from '../errors.js';

export type AuthUser = Pick<User, 'id' | 'name' | 'role'>;

declare module 'fastify' {
  interface FastifyRequest { user: AuthUser | null }
  interface FastifyContextConfig { public?: boolean }
}

const PUBLIC_PREFIXES = ['/docs', '/ui', '/openapi.json', '/favicon'];

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export default fp<{ adminToken?: string }>(async (app, opts) => {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config?.public || req.url === '/' || PUBLIC_PREFIXES.some((p) => req.url.startsWith(p))) return;
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new HttpError(401, 'missing bearer token (Authorization: Bearer <token>)');
    const token = match[1];
    if (opts.adminToken && sameSecret(token, opts.adminToken)) {
      req.user = { id: 'admin', name: 'Admin', role: 'admin' };
      return;
    }
    const user = await findUserByToken(app.db, token);
    if (!user) throw new HttpError(401, 'invalid bearer token');
    req.user = { id: user.id, name: user.name, role: user.role };
  });
}, { name: 'auth', dependencies: ['db'] });
