import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getUser, issueToken, listTokens, listUsers, revokeToken, upsertUser } from '../../../db/queries/users.js';
import { insertAudit } from '../../../db/queries/audit.js';
import { UserRole } from '../../../agents/vocabulary.js';
import { errorResponses } from '../../schemas/common.js';
import { assertAdmin } from '../../access.js';
import { HttpError, badRequest, notFound } from '../../errors.js';
import type { AuthUser } from '../../plugins/auth.js';
import { getBriefSettings } from '../../../db/queries/briefs.js';
import { ensureBriefSchedule } from '../../../workflows/client.js';

const UserView = z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), role: z.string(), managerId: z.string().nullable() });

const TokenView = z.object({
  id: z.string(), label: z.string().nullable(), createdAt: z.string(), expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(), revokedBy: z.string().nullable(),
});
const UserIdParams = z.object({ id: z.string().min(1).max(128) });

export interface UsersOptions {
  /** Days a newly issued token is good for (TOKEN_TTL_DAYS); 0: no expiry. */
  tokenTtlDays?: number;
}

/** A user's own tokens are theirs to list, issue and revoke; an admin may do it for anyone; any other user is answered as if there were no such user. */
async function tokenOwner(app: Parameters<FastifyPluginAsyncZod>[0], caller: AuthUser | null, userId: string) {
  if (!caller) throw new HttpError(401, 'missing bearer token (Authorization: Bearer <token>)');
  if (caller.role !== 'admin' && caller.id !== userId) throw notFound(`user ${userId}`);
  const user = await getUser(app.db, userId);
  if (!user) throw notFound(`user ${userId}`);
  return user;
}

const users: FastifyPluginAsyncZod<UsersOptions> = async (app, opts) => {
  const ttlDays = opts.tokenTtlDays ?? 0;

  app.post('/v1/users', {
    schema: {
      summary: 'Create or update a user and issue a bearer token (admin)',
      body: z.object({
        id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), name: z.string().min(1).max(200),
        email: z.string().trim().toLowerCase().pipe(z.email()).optional(), role: UserRole, managerId: z.string().min(1).max(128).optional(), // an empty one skipped the check below and failed the foreign key (500)
      }),
      response: { 201: UserView.extend({ token: z.string() }), ...errorResponses },
    },
  }, async (req, reply) => {
    assertAdmin(req.user);
    if (req.body.managerId && !(await listUsers(app.db)).some((u) => u.id === req.body.managerId)) throw badRequest('unknown user', 'managerId');
    const user = await upsertUser(app.db, req.body);
    const { token } = await issueToken(app.db, user.id, 'api', ttlDays);
    // A CSM gets their daily brief schedule now (idempotent; also ensured on every worker start).
    if (user.role === 'csm') {
      await ensureBriefSchedule(app.temporal, { csmId: user.id, ...(await getBriefSettings(app.db, user.id, app.briefDefaults)) })
        .catch((err) => req.log.warn({ err }, `brief schedule for ${user.id} not ensured`));
    }
    return reply.code(201).send({ ...user, token });
  });

  app.get('/v1/users', { schema: { summary: 'List users (admin)', response: { 200: z.object({ users: z.array(UserView) }), ...errorResponses } } }, async (req) => {
    assertAdmin(req.user);
    return { users: await listUsers(app.db) };
  });

  app.get('/v1/users/:id/tokens', {
    schema: { summary: "A user's tokens: id, label, expiry, revocation (admin or the user)", params: UserIdParams, response: { 200: z.object({ tokens: z.array(TokenView) }), ...errorResponses } },
  }, async (req) => {
    const user = await tokenOwner(app, req.user, req.params.id);
    return { tokens: (await listTokens(app.db, user.id)).map(({ userId: _u, ...t }) => t) };
  });

  app.post('/v1/users/:id/tokens', {
    schema: {
      summary: 'Issue another token (admin or the user; shown once, expires after TOKEN_TTL_DAYS)', params: UserIdParams,
      body: z.object({ label: z.string().trim().min(1).max(100).optional() }).optional(),
      response: { 201: TokenView.extend({ token: z.string() }), ...errorResponses },
    },
  }, async (req, reply) => {
    const user = await tokenOwner(app, req.user, req.params.id);
    const { token, info } = await issueToken(app.db, user.id, req.body?.label ?? 'api', ttlDays);
    await insertAudit(app.db, { actor: req.user!.id, action: 'token.issue', entity: 'user', entityId: user.id, details: { tokenId: info.id, expiresAt: info.expiresAt } });
    const { userId: _u, ...view } = info;
    return reply.code(201).send({ ...view, token });
  });

  app.delete('/v1/users/:id/tokens/:tokenId', {
    schema: { summary: 'Revoke a token (admin or the user); idempotent', params: UserIdParams.extend({ tokenId: z.string().min(1).max(128) }), response: { 200: TokenView, ...errorResponses } },
  }, async (req) => {
    const user = await tokenOwner(app, req.user, req.params.id);
    const revoked = await revokeToken(app.db, user.id, req.params.tokenId, req.user!.id);
    if (!revoked) throw notFound(`token ${req.params.tokenId}`);
    await insertAudit(app.db, { actor: req.user!.id, action: 'token.revoke', entity: 'user', entityId: user.id, details: { tokenId: revoked.id } });
    const { userId: _u, ...view } = revoked;
    return view;
  });
};
export default users;
