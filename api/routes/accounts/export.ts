// GET /v1/accounts/:id/export: everything held about an account as one JSON document (the right of
// access and portability): the account, then one array per section of db/queries/export.ts. Streamed
// page by page (1,000 rows a query), so a large account costs little memory. Rows are read as the
// pages go, not from one snapshot: a signal stored during the export may or may not be in it.
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORT_SECTIONS, exportAccountRow, exportPages } from '../../../db/queries/export.js';
import type { Queryable } from '../../../db/connection.js';
import { IdParams, errorResponses } from '../../schemas/common.js';
import { loadAccount } from '../../load-account.js';
import { notFound } from '../../errors.js';

async function* exportJson(db: Queryable, accountId: string, account: Record<string, unknown>): AsyncGenerator<string> {
  yield `{"format":"account-agents.export/1","exportedAt":${JSON.stringify(new Date().toISOString())},"account":${JSON.stringify(account)}`;
  let at = -1;
  let first = true;
  for await (const page of exportPages(db, accountId)) {
    const idx = EXPORT_SECTIONS.indexOf(page.section);
    if (idx !== at) {
      if (at >= 0) yield ']';
      for (const empty of EXPORT_SECTIONS.slice(at + 1, idx)) yield `,${JSON.stringify(empty)}:[]`;
      yield `,${JSON.stringify(page.section)}:[`;
      at = idx;
      first = true;
    }
    yield (first ? '' : ',') + page.rows.map((r) => JSON.stringify(r)).join(',');
    first = false;
  }
  if (at >= 0) yield ']';
  for (const empty of EXPORT_SECTIONS.slice(at + 1)) yield `,${JSON.stringify(empty)}:[]`;
  yield '}';
}

const accountExport: FastifyPluginAsyncZod = async (app) => {
  app.get('/v1/accounts/:id/export', {
    schema: {
      summary: `Everything held about the account as JSON: account, ${EXPORT_SECTIONS.join(', ')} (streamed)`,
      params: IdParams, response: { 200: z.record(z.string(), z.unknown()).describe('{ format, exportedAt, account, <section>: [rows] }'), ...errorResponses },
    },
  }, async (req, reply) => {
    const account = await loadAccount(app, req, req.params.id);
    const row = await exportAccountRow(app.db, account.id);
    if (!row) throw notFound(`account ${account.id}`);
    reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="account-${account.id.replace(/[^\w.-]/g, '_')}-export.json"`);
    return reply.send(Readable.from(exportJson(app.db, account.id, row)) as unknown as Record<string, unknown>);
  });
};
export default accountExport;
