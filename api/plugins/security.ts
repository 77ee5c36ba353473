// Security headers (@fastify/helmet), CORS (@fastify/cors, closed unless origins are configured) and
// rate limits per token (@fastify/rate-limit). Registered before every other plugin and route, so
// its hooks cover them all. The rate limit is a route-level onRequest hook, and a route's own hooks run
// after the app-wide ones, so auth has named the user by then; the body is not yet read or validated,
// so a malformed request counts like any other.
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';

export interface SecurityOptions {
  /** Requests per minute per user (bearer token's user), else per client IP; 0 or unset: no limit. */
  rateLimitPerMinute?: number;
  /** Origins a browser may call the API from; empty: no CORS headers, cross-origin reads blocked. */
  corsOrigins?: string[];
}

/** The web app at /ui/ loads only its own scripts, styles and the data: favicon. */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

export function rateLimitKey(req: FastifyRequest): string {
  return req.user ? `user:${req.user.id}` : `ip:${req.ip}`;
}

export default fp<SecurityOptions>(async (app, opts) => {
  await app.register(helmet, { contentSecurityPolicy: CONTENT_SECURITY_POLICY, global: true });
  // Swagger UI at /docs sets style attributes from its scripts; only there, inline styles are
  // allowed (never inline scripts). The web app at /ui/ keeps the strict policy.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url === '/docs' || req.url.startsWith('/docs/')) {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string') reply.header('content-security-policy', csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
    }
    return payload;
  });
  const origins = opts.corsOrigins ?? [];
  if (origins.length > 0) {
    await app.register(cors, { origin: origins, credentials: false, methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'], allowedHeaders: ['Authorization', 'Content-Type'] });
  }
  const max = opts.rateLimitPerMinute ?? 0;
  if (max > 0) {
    await app.register(rateLimit, {
      global: true,
      hook: 'onRequest',
      max,
      timeWindow: 60_000,
      keyGenerator: rateLimitKey,
      errorResponseBuilder: (_req, ctx) => new HttpError(429, `rate limit: ${ctx.max} requests per minute; retry in ${Math.ceil(ctx.ttl / 1000)} s`),
    });
  }
}, { name: 'security' });
