import type { FastifyInstance, FastifyRequest } from 'fastify';
import { getAccountInScope, type Account } from '../db/queries/accounts.js';
import { accountScope } from './access.js';
import { notFound } from './errors.js';

/** The account named in the URL, if it exists and this user may see it (404 either way, no leak). */
export async function loadAccount(app: FastifyInstance, req: FastifyRequest, id: string): Promise<Account> {
  const account = await getAccountInScope(app.db, id, accountScope(req.user));
  if (!account) throw notFound(`account ${id}`);
  return account;
}
