import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { temporalHealthy } from '../../../workflows/client.js';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['up', 'down']),
  temporal: z.enum(['up', 'down']),
});

const health: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', {
    config: { public: true },
    schema: { summary: 'Database and Temporal reachability', security: [], response: { 200: Health, 503: Health } },
  }, async (_req, reply) => {
    const database = await app.db.query('select 1').then(() => 'up' as const, () => 'down' as const);
    const temporal = (await temporalHealthy(app.temporal)) ? 'up' as const : 'down' as const;
    const ok = database === 'up' && temporal === 'up';
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, temporal });
  });
};
export default health;
