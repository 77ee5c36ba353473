// GET /v1/me: who the bearer token belongs to (the web app's header and what it may filter by).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getUser } from '../../../db/queries/users.js';
import { errorResponses } from '../../schemas/common.js';
import { HttpError } from '../../errors.js';

const MeView = z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), role: z.string(), managerId: z.string().nullable() });

const me: FastifyPluginAsyncZod = async (app) => {
  app.get('/v1/me', { schema: { summary: 'The caller: id, name, email and role', response: { 200: MeView, ...errorResponses } } }, async (req) => {
    if (!req.user) throw new HttpError(401, 'missing bearer token (Authorization: Bearer <token>)');
    // ADMIN_TOKEN is no user row; every other token is.
    const user = await getUser(app.db, req.user.id);
    return user
      ? { id: user.id, name: user.name, email: user.email, role: user.role, managerId: user.managerId }
      : { id: req.user.id, name: req.user.name, email: null, role: req.user.role, managerId: null };
  });
};
export default me;
