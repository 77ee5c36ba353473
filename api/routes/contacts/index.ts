// DELETE /v1/contacts/:id: erase a contact (the right to erasure; db/queries/erasure.ts says what
// leaves and what stays). Who may: an admin, and for an account in their scope its owner (a rep, or a
// CSM who owns it) or a manager of its team. A CSM who only covers the account may read it but not
// erase its people (403). Outside the caller's scope, or no such contact: 404. Erasing twice answers
// the first erasure again. The account's agent is then notified and reassesses without them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../../db/tx.js';
import { getAccountInScope } from '../../../db/queries/accounts.js';
import { contactAccount, eraseContact } from '../../../db/queries/erasure.js';
import { insertAudit } from '../../../db/queries/audit.js';
import { NOTIFY_WITHIN_MS, notifyAccount } from '../../../workflows/client.js';
import { IdParams, errorResponses } from '../../schemas/common.js';
import { accountScope } from '../../access.js';
import { forbidden, notFound } from '../../errors.js';

const ErasureView = z.object({
  contactId: z.string(), accountId: z.string(), erasedAt: z.string(), erasedBy: z.string().nullable(),
  signalsRedacted: z.number(), chunksDeleted: z.number(), recordsScrubbed: z.number(), alreadyErased: z.boolean(),
});

const contacts: FastifyPluginAsyncZod = async (app) => {
  app.delete('/v1/contacts/:id', {
    schema: { summary: 'Erase a contact: their data leaves contacts, signals, memory and derived records; the agent reassesses (admin, owner, manager)', params: IdParams, response: { 200: ErasureView, ...errorResponses } },
  }, async (req) => {
    const scope = accountScope(req.user);
    const where = await contactAccount(app.db, req.params.id);
    const account = where ? await getAccountInScope(app.db, where.accountId, scope) : null;
    if (!where || !account) throw notFound(`contact ${req.params.id}`);
    if (scope && scope.role === 'csm' && account.ownerId !== scope.userId) throw forbidden("a CSM may not erase the people of an account they cover but do not own; ask its owner or a manager");
    const result = await withTransaction(app.db, async (tx) => {
      const r = await eraseContact(tx, req.params.id, req.user!.id);
      // Who, when, which contact and how much: never the erased data itself.
      if (r && !r.alreadyErased) await insertAudit(tx, { actor: req.user!.id, action: 'contact.erase', entity: 'contact', entityId: r.contactId, details: { accountId: r.accountId, signalsRedacted: r.signalsRedacted, chunksDeleted: r.chunksDeleted, recordsScrubbed: r.recordsScrubbed } });
      return r;
    });
    if (!result) throw notFound(`contact ${req.params.id}`);
    if (!result.alreadyErased) {
      // The redacted signals are pending again; the sweeper re-signals them if this notice is missed.
      await notifyAccount(app.temporal, { accountId: account.id, ownerId: account.ownerId }, { reason: 'account_changed' }, { withinMs: NOTIFY_WITHIN_MS })
        .catch((err) => req.log.warn({ err, accountId: account.id }, 'could not notify the account workflow after an erasure'));
    }
    return result;
  });
};
export default contacts;
