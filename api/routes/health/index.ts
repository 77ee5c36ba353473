import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { temporalHealthy } from '../../../workflows/client.js';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['up', 'down']),
  temporal: z.enum(['up', 'down']),
});

/** A probe that has not answered by then counts as down: /health answers within a second at all times. */
export const PROBE_TIMEOUT_MS = 700;
/** A Temporal probe's answer is reused this long (a down server's connection attempt can take many seconds). */
const TEMPORAL_CACHE_MS = 2000;

function within(probe: Promise<unknown>, ms: number): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'down'>((resolve) => { timer = setTimeout(() => resolve('down'), ms); });
  return Promise.race([probe.then((ok) => (ok === false ? 'down' as const : 'up' as const), () => 'down' as const), late])
    .finally(() => clearTimeout(timer));
}

const health: FastifyPluginAsyncZod = async (app) => {
  // One probe in flight at a time; callers within the cache window share its answer.
  let temporalAnswer: { at: number; value: Promise<'up' | 'down'> } | undefined;
  const temporalState = () => {
    if (!temporalAnswer || Date.now() - temporalAnswer.at > TEMPORAL_CACHE_MS) {
      temporalAnswer = { at: Date.now(), value: within(temporalHealthy(app.temporal), PROBE_TIMEOUT_MS) };
    }
    return temporalAnswer.value;
  };

  app.get('/health', {
    config: { public: true },
    schema: { summary: 'Database and Temporal reachability (answers within a second)', security: [], response: { 200: Health, 503: Health } },
  }, async (_req, reply) => {
    const [database, temporal] = await Promise.all([within(app.db.query('select 1'), PROBE_TIMEOUT_MS), temporalState()]);
    const ok = database === 'up' && temporal === 'up';
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, temporal });
  });
};
export default health;
