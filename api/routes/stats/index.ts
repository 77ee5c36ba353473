import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signalStats } from '../../../db/queries/signals.js';
import { errorResponses } from '../../schemas/common.js';
import { assertAdmin } from '../../access.js';

/** Operational counters (admin): how much has arrived and how much the agents have processed. */
const stats: FastifyPluginAsyncZod = async (app) => {
  app.get('/v1/stats/signals', {
    schema: { summary: 'Signal counts: received, pending, processed (admin)', response: { 200: z.object({ received: z.number(), pending: z.number(), processed: z.number() }), ...errorResponses } },
  }, async (req) => {
    assertAdmin(req.user);
    return signalStats(app.db);
  });
};
export default stats;
