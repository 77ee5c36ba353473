import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getBrief, getBriefInScope, getBriefSettings, listBriefs, putBriefSettings, type Brief, type BriefSettings } from '../../../db/queries/briefs.js';
import { getUser, type User } from '../../../db/queries/users.js';
import { ensureBriefSchedule, produceBrief } from '../../../workflows/client.js';
import { IdParams, errorResponses } from '../../schemas/common.js';
import { BriefListQuery, BriefSettingsBody, BriefSettingsView, BriefSummary, BriefView, CreateBriefBody } from '../../schemas/briefs.js';
import { accountScope } from '../../access.js';
import { HttpError, badRequest, forbidden, notFound } from '../../errors.js';
import { loadAccount } from '../../load-account.js';

declare module 'fastify' {
  /** The brief settings of a CSM who has none of their own (config BRIEF_*), decorated in app.ts. */
  interface FastifyInstance { briefDefaults: BriefSettings }
}

/**
 * The CSM a brief is for: a CSM themselves; a manager a CSM of their team; an admin any CSM. A rep
 * gets none. A CSM the caller may not see answers 404, as anything outside a scope does.
 */
async function csmFor(app: FastifyInstance, req: FastifyRequest, csmId: string | undefined): Promise<User> {
  const user = req.user;
  if (!user) throw new HttpError(401, 'missing bearer token (Authorization: Bearer <token>)');
  if (user.role === 'rep') throw forbidden('briefs are for CSMs, their managers and admins');
  if (!csmId && user.role !== 'csm') throw badRequest('name the CSM whose brief this is', 'csmId');
  const id = csmId ?? user.id;
  const csm = user.role === 'csm' && id !== user.id ? null : await getUser(app.db, id);
  if (!csm || csm.role !== 'csm' || (user.role === 'manager' && csm.managerId !== user.id)) throw notFound(`csm ${id}`);
  return csm;
}

const view = (b: Brief) => ({
  id: b.id, csmId: b.csmId, accountId: b.accountId, asOf: b.asOf, createdAt: b.createdAt, createdBy: b.createdBy, content: b.content,
  delivery: { emailTo: b.delivery.emailTo, emailSentAt: b.delivery.emailSentAt, emailError: b.delivery.emailError, webhookPostedAt: b.delivery.webhookPostedAt },
});
const summary = (b: Brief) => {
  const { content, ...rest } = view(b);
  return { ...rest, csmName: content.csm.name, headline: content.headline, accounts: content.accounts.length };
};

const briefs: FastifyPluginAsyncZod = async (app) => {
  app.post('/v1/briefs', {
    schema: { summary: "Compose a CSM's renewal-risk brief now", body: CreateBriefBody, response: { 201: BriefView, ...errorResponses } },
  }, async (req, reply) => {
    const csm = await csmFor(app, req, req.body?.csmId);
    const run = await produceBrief(app.temporal, { csmId: csm.id, deliver: false, createdBy: req.user!.id });
    return reply.code(201).send(view((await getBrief(app.db, run.briefId))!));
  });

  app.get('/v1/briefs', {
    schema: { summary: "Briefs: a CSM's own, a manager's team's, an admin's all (newest first)", querystring: BriefListQuery, response: { 200: z.object({ briefs: z.array(BriefSummary) }), ...errorResponses } },
  }, async (req) => {
    const list = await listBriefs(app.db, { scope: accountScope(req.user), csmId: req.query.csm, limit: req.query.limit });
    return { briefs: list.map(summary) };
  });

  app.get('/v1/briefs/:id', {
    schema: { summary: 'One brief', params: IdParams, response: { 200: BriefView, ...errorResponses } },
  }, async (req) => {
    const brief = await getBriefInScope(app.db, req.params.id, accountScope(req.user));
    if (!brief) throw notFound(`brief ${req.params.id}`);
    return view(brief);
  });

  app.post('/v1/accounts/:id/briefs', {
    schema: { summary: "One account's renewal-risk brief, now (for the account's CSM)", params: IdParams, response: { 201: BriefView, ...errorResponses, 409: errorResponses[400] } },
  }, async (req, reply) => {
    const account = await loadAccount(app, req, req.params.id);
    if (!account.csmId) throw new HttpError(409, `account ${account.id} has no CSM`);
    const run = await produceBrief(app.temporal, { csmId: account.csmId, accountId: account.id, deliver: false, createdBy: req.user!.id });
    return reply.code(201).send(view((await getBrief(app.db, run.briefId))!));
  });

  app.put('/v1/briefs/settings', {
    schema: { summary: "When a CSM's daily brief arrives (local time, IANA zone) and the renewal window it covers", body: BriefSettingsBody, response: { 200: BriefSettingsView, ...errorResponses, 503: errorResponses[400] } },
  }, async (req, reply) => {
    const { csmId, ...patch } = req.body;
    const csm = await csmFor(app, req, csmId);
    const next = { ...(await getBriefSettings(app.db, csm.id, app.briefDefaults)), ...patch };
    // The schedule first, then the row: with Temporal down this stored the settings and then failed
    // with a 500, leaving settings no schedule followed (found by test/fuzz/routes.test.ts).
    try {
      await ensureBriefSchedule(app.temporal, { csmId: csm.id, ...next });
    } catch (err) {
      req.log.warn({ err, csmId: csm.id }, 'brief schedule not changed; settings not stored');
      return reply.code(503).header('retry-after', '5').send({ statusCode: 503, error: 'Service Unavailable', message: 'Temporal is unavailable, so the brief schedule cannot change; nothing was stored, try again shortly' });
    }
    const settings = await putBriefSettings(app.db, csm.id, next);
    return { csmId: csm.id, ...settings };
  });

  app.get('/v1/briefs/settings', {
    schema: { summary: "A CSM's brief settings", querystring: z.object({ csm: z.string().min(1).max(128).optional() }), response: { 200: BriefSettingsView, ...errorResponses } },
  }, async (req) => {
    const csm = await csmFor(app, req, req.query.csm);
    return { csmId: csm.id, ...(await getBriefSettings(app.db, csm.id, app.briefDefaults)) };
  });
};
export default briefs;
