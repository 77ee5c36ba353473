// The web UI: static assets under /ui calling the same JSON API.
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { fileURLToPath } from 'node:url';

export const UI_ROOT = fileURLToPath(new URL('../ui/', import.meta.url));

export default fp(async (app) => {
  await app.register(fastifyStatic, { root: UI_ROOT, prefix: '/ui/' });
  app.get('/', { config: { public: true }, schema: { hide: true } }, (_req, reply) => reply.redirect('/ui/'));
  app.get('/ui', { config: { public: true }, schema: { hide: true } }, (_req, reply) => reply.redirect('/ui/'));
}, { name: 'static' });
