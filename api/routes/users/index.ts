import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createToken, listUsers, upsertUser } from '../../../db/queries/users.js';
import { UserRole } from '../../../agents/vocabulary.js';
import { errorResponses } from '../../schemas/common.js';
import { assertAdmin } from '../../access.js';
import { badRequest } from '../../errors.js';
import { getBriefSettings } from '../../../db/queries/briefs.js';
import { ensureBriefSchedule } from '../../../workflows/client.js';

const UserView = z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), role: z.string(), managerId: z.string().nullable() });

const users: FastifyPluginAsyncZod = async (app) => {
  app.post('/v1/users', {
    schema: {
      summary: 'Create or update a user and issue a bearer token (admin)',
      body: z.object({
        id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), name: z.string().min(1).max(200),
        email: z.string().trim().toLowerCase().pipe(z.email()).optional(), role: UserRole, managerId: z.string().optional(),
      }),
      response: { 201: UserView.extend({ token: z.string() }), ...errorResponses },
    },
  }, async (req, reply) => {
    assertAdmin(req.user);
    if (req.body.managerId && !(await listUsers(app.db)).some((u) => u.id === req.body.managerId)) throw badRequest('unknown user', 'managerId');
    const user = await upsertUser(app.db, req.body);
    const token = await createToken(app.db, user.id, 'api');
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
};
export default users;
