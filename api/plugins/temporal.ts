import fp from 'fastify-plugin';
import type { AccountsClient } from '../../workflows/client.js';

declare module 'fastify' {
  interface FastifyInstance { temporal: AccountsClient }
}

export default fp<{ temporal: AccountsClient }>(async (app, opts) => {
  app.decorate('temporal', opts.temporal);
}, { name: 'temporal' });
