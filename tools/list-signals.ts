import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { listSignals } from '../db/queries/signals.js';
import { excerptFor } from '../agents/evidence.js';
import { SignalKind } from '../agents/vocabulary.js';
import type { ToolDeps } from './deps.js';

export function createListSignalsTool(deps: ToolDeps) {
  return tool(async ({ kind, limit, after }) => {
    const rows = await listSignals(deps.db, deps.accountId, { kinds: kind ? [kind] : undefined, after, before: deps.asOf, limit: limit ?? 20, newestFirst: true });
    return JSON.stringify(rows.map((s) => ({
      signalId: s.id, kind: s.kind, occurredAt: s.occurredAt,
      ...(s.kind === 'email' ? { from: s.from.email, direction: s.direction, subject: s.subject } : {}),
      excerpt: excerptFor(s, '', 240),
    })));
  }, {
    name: 'list_signals',
    description: "The account's most recent signals, newest first (id, kind, time, a verbatim excerpt).",
    schema: z.object({
      kind: SignalKind.optional(),
      after: z.string().optional().describe('ISO date'),
      limit: z.number().int().min(1).max(50).optional(),
    }),
  });
}
