import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../../db/tx.js';
import { insertSignals, listSignals } from '../../../db/queries/signals.js';
import { notifySoon } from '../../../workflows/client.js';
import { emailDirection } from '../../../agents/signals/direction.js';
import type { SignalInput } from '../../../agents/signals/schema.js';
import { IdParams, errorResponses } from '../../schemas/common.js';
import { ListSignalsQuery, PostSignalsBody, PostSignalsReply, SignalView } from '../../schemas/signals.js';
import { loadAccount } from '../../load-account.js';

export interface SignalRouteOptions { ourDomains: string[] }

const signals: FastifyPluginAsyncZod<SignalRouteOptions> = async (app, opts) => {
  app.post('/v1/accounts/:id/signals', {
    schema: {
      summary: 'Deliver one or many signals (stored once per source + externalId)',
      params: IdParams, body: PostSignalsBody,
      response: { 202: PostSignalsReply, ...errorResponses, 413: errorResponses[400] },
    },
  }, async (req, reply) => {
    const account = await loadAccount(app, req, req.params.id);
    const withDirection = req.body.signals.map((s: SignalInput) =>
      s.kind === 'email' && !s.direction ? { ...s, direction: emailDirection(s.from.email, account.domains, opts.ourDomains) } : s);
    const result = await withTransaction(app.db, (tx) => insertSignals(tx, account.id, withDirection));
    // A meeting stored while its transcript was pending and completed now is read again, like a new row.
    if (result.stored.length + result.completed.length > 0) {
      // Stored (committed, pending) first; the workflow is told without holding the 202 on a Temporal
      // round trip. If the notification fails or the process dies first, the sweeper re-signals the rows.
      notifySoon(app.temporal, { accountId: account.id, ownerId: account.ownerId }, { count: result.stored.length + result.completed.length, reason: 'signals' },
        (err) => req.log.warn({ err, accountId: account.id }, 'signal stored; workflow notification deferred to the sweeper'));
    }
    return reply.code(202).send({
      accountId: account.id,
      stored: result.stored.map((s) => s.id),
      duplicates: result.duplicates.map((s) => s.id),
      ...(result.completed.length ? { completed: result.completed.map((s) => s.id) } : {}),
    });
  });

  app.get('/v1/accounts/:id/signals', {
    schema: { summary: "The account's signals, newest first", params: IdParams, querystring: ListSignalsQuery, response: { 200: z.object({ signals: z.array(SignalView) }), ...errorResponses } },
  }, async (req) => {
    const account = await loadAccount(app, req, req.params.id);
    const q = req.query;
    return { signals: await listSignals(app.db, account.id, { kinds: q.kind ? [q.kind] : undefined, before: q.before, after: q.after, limit: q.limit, newestFirst: true }) };
  });
};
export default signals;
