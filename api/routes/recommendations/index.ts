import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OPEN_STATUSES, getRecommendation, listInbox } from '../../../db/queries/recommendations.js';
import { getAccountInScope } from '../../../db/queries/accounts.js';
import { AccountUpdateError, askAccount, decide } from '../../../workflows/client.js';
import { IdParams, errorResponses } from '../../schemas/common.js';
import { AskBody, AskReply, DecisionBody, InboxQuery, RecommendationView } from '../../schemas/recommendations.js';
import { accountScope } from '../../access.js';
import { HttpError, badRequest, conflict, notFound } from '../../errors.js';
import { loadAccount } from '../../load-account.js';

function updateError(err: unknown): never {
  if (err instanceof AccountUpdateError) {
    if (err.type === 'InvalidArgument') throw badRequest(err.message.replace(/^(\w+) /, ''), err.field ?? err.message.split(' ')[0]);
    if (err.type === 'NotFound') throw new HttpError(404, err.message);
    if (err.type === 'Conflict') throw new HttpError(409, err.message);
  }
  throw err;
}

const recommendations: FastifyPluginAsyncZod = async (app) => {
  app.get('/v1/recommendations', {
    schema: { summary: 'The inbox: recommendations, highest priority first', querystring: InboxQuery, response: { 200: z.object({ recommendations: z.array(RecommendationView) }), ...errorResponses } },
  }, async (req) => {
    const q = req.query;
    const statuses = q.status === undefined ? ['proposed'] : Array.isArray(q.status) ? q.status : [q.status];
    const list = await listInbox(app.db, { statuses, ownerId: q.owner, accountId: q.account, kind: q.kind, limit: q.limit, scope: accountScope(req.user) });
    return { recommendations: list };
  });

  app.post('/v1/recommendations/:id/decision', {
    schema: { summary: 'Approve, edit, reject (with a reason) or snooze', params: IdParams, body: DecisionBody, response: { 200: RecommendationView, ...errorResponses, 409: errorResponses[400] } },
  }, async (req) => {
    const rec = await getRecommendation(app.db, req.params.id);
    const account = rec ? await getAccountInScope(app.db, rec.accountId, accountScope(req.user)) : null;
    if (!rec || !account) throw notFound(`recommendation ${req.params.id}`);
    if (!(OPEN_STATUSES as readonly string[]).includes(rec.status)) throw conflict(`recommendation ${rec.id} is already ${rec.status}`);
    await decide(app.temporal, { accountId: account.id, ownerId: account.ownerId }, {
      recommendationId: rec.id, ...req.body, decidedBy: req.user?.id,
    }).catch(updateError);
    return (await getRecommendation(app.db, rec.id))!;
  });

  app.post('/v1/accounts/:id/ask', {
    schema: { summary: "Ask the account's agent a question; the answer cites signals", params: IdParams, body: AskBody, response: { 200: AskReply, ...errorResponses } },
  }, async (req) => {
    const account = await loadAccount(app, req, req.params.id);
    const result = await askAccount(app.temporal, { accountId: account.id, ownerId: account.ownerId }, { question: req.body.question, askedBy: req.user?.id })
      .catch(updateError);
    return { answer: result.answer, citations: result.citations, intent: result.intent, reasoner: result.reasoner };
  });
};
export default recommendations;
