import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../../db/tx.js';
import { insertAccount, listAccounts, getAccount, updateAccountSettings } from '../../../db/queries/accounts.js';
import { listContacts, upsertContact } from '../../../db/queries/contacts.js';
import { getUser } from '../../../db/queries/users.js';
import { listAssessments } from '../../../db/queries/assessments.js';
import { listSignals } from '../../../db/queries/signals.js';
import { commitmentsOf } from '../../../agents/commitments.js';
import { NOTIFY_WITHIN_MS, accountState, notifyAccount } from '../../../workflows/client.js';
import { accountWorkflowId } from '../../../workflows/account/messages.js';
import { AccountBody, AccountDetail, AccountSettings, CreateAccountBody, ListAccountsQuery } from '../../schemas/accounts.js';
import { IdParams, errorResponses } from '../../schemas/common.js';
import { badRequest, conflict } from '../../errors.js';
import { accountScope } from '../../access.js';
import { loadAccount } from '../../load-account.js';

const AssessmentView = z.object({
  id: z.string(), asOf: z.string(), score: z.number(), level: z.string(),
  factors: z.array(z.record(z.string(), z.unknown())), opportunities: z.array(z.record(z.string(), z.unknown())),
  nextChangeAt: z.string().nullable(), reasoner: z.string(), signalCount: z.number(),
});

const CommitmentStatus = z.enum(['open', 'overdue', 'done']);
const CommitmentView = z.object({
  text: z.string(), owner: z.enum(['us', 'them']), who: z.string().optional(), deliverable: z.string().optional(), dueAt: z.string().optional(),
  signalId: z.string(), madeAt: z.string(), status: CommitmentStatus, fulfilledBy: z.string().optional(),
});
const CommitmentsQuery = z.object({
  status: z.string().optional().transform((v, ctx) => {
    const list = v ? v.split(',').map((x) => x.trim()).filter(Boolean) : ['open', 'overdue'];
    const bad = list.find((x) => !CommitmentStatus.options.includes(x as never));
    if (bad) { ctx.addIssue({ code: 'custom', message: `unknown status ${JSON.stringify(bad)} (open, overdue, done)` }); return z.NEVER; }
    return list as Array<z.infer<typeof CommitmentStatus>>;
  }),
});

const accounts: FastifyPluginAsyncZod = async (app) => {
  app.post('/v1/accounts', {
    schema: { summary: 'Create an account (starts its agent)', body: CreateAccountBody, response: { 201: AccountBody, ...errorResponses, 409: errorResponses[400] } },
  }, async (req, reply) => {
    const body = req.body;
    for (const field of ['ownerId', 'csmId'] as const) {
      if (body[field] && !(await getUser(app.db, body[field]!))) throw badRequest(`unknown user ${body[field]}`, field);
    }
    if (body.id && (await getAccount(app.db, body.id))) throw conflict(`account ${body.id} already exists`);
    const account = await withTransaction(app.db, async (tx) => {
      const created = await insertAccount(tx, { ...body, settings: body.settings ?? {} });
      for (const c of body.contacts) await upsertContact(tx, created.id, c);
      return created;
    });
    // The row is the truth; if Temporal is unreachable the first signal (or the sweeper) starts it.
    await notifyAccount(app.temporal, { accountId: account.id, ownerId: account.ownerId }, { reason: 'created' }, { withinMs: NOTIFY_WITHIN_MS })
      .catch((err) => req.log.warn({ err, accountId: account.id }, 'could not start the account workflow yet'));
    return reply.code(201).send(account);
  });

  app.get('/v1/accounts', {
    schema: { summary: 'List accounts, riskiest first', querystring: ListAccountsQuery, response: { 200: z.object({ accounts: z.array(AccountBody) }) } },
  }, async (req) => {
    const accounts = await listAccounts(app.db, {
      riskLevel: req.query.riskLevel, ownerId: req.query.owner, limit: req.query.limit, offset: req.query.offset,
      scope: accountScope(req.user),
    });
    return { accounts };
  });

  app.get('/v1/accounts/:id', {
    schema: { summary: 'One account, its contacts and its agent state', params: IdParams, response: { 200: AccountDetail, ...errorResponses } },
  }, async (req) => {
    const account = await loadAccount(app, req, req.params.id);
    const [contacts, state] = await Promise.all([listContacts(app.db, account.id), accountState(app.temporal, account.id)]);
    return { ...account, contacts, agent: { workflowId: accountWorkflowId(account.id), state: state as Record<string, unknown> | null } };
  });

  app.patch('/v1/accounts/:id/settings', {
    schema: { summary: 'Change settings (the named ones are replaced; the agent reassesses)', params: IdParams, body: AccountSettings, response: { 200: AccountBody, ...errorResponses } },
  }, async (req) => {
    const account = await loadAccount(app, req, req.params.id);
    const updated = await updateAccountSettings(app.db, account.id, req.body);
    if (!updated) throw badRequest(`account ${account.id} was deleted`);
    // A stalled agent (bad settings before this change) resumes on this notice; the sweeper covers a miss.
    await notifyAccount(app.temporal, { accountId: updated.id, ownerId: updated.ownerId }, { reason: 'account_changed' }, { withinMs: NOTIFY_WITHIN_MS })
      .catch((err) => req.log.warn({ err, accountId: updated.id }, 'could not notify the account workflow'));
    return updated;
  });

  app.get('/v1/accounts/:id/assessments', {
    schema: { summary: 'Risk history, newest first', params: IdParams, querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }), response: { 200: z.object({ assessments: z.array(AssessmentView) }), ...errorResponses } },
  }, async (req) => {
    const account = await loadAccount(app, req, req.params.id);
    return { assessments: await listAssessments(app.db, account.id, req.query.limit) };
  });

  // The promises perception read on the account's signals (the same view the agent's overdue_commitment
  // factor and the ask tool use), open and overdue by default, overdue and soonest due first.
  app.get('/v1/accounts/:id/commitments', {
    schema: { summary: 'Promises made by either side, with whether each is open, overdue or done', params: IdParams, querystring: CommitmentsQuery,
      response: { 200: z.object({ commitments: z.array(CommitmentView) }), ...errorResponses } },
  }, async (req) => {
    const account = await loadAccount(app, req, req.params.id);
    const now = new Date().toISOString();
    const wanted = new Set(req.query.status);
    const rank = { overdue: 0, open: 1, done: 2 } as const;
    const commitments = commitmentsOf(await listSignals(app.db, account.id, { before: now }), now)
      .filter((c) => wanted.has(c.status))
      .sort((a, b) => rank[a.status] - rank[b.status] || (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || b.madeAt.localeCompare(a.madeAt));
    return { commitments };
  });
};
export default accounts;
