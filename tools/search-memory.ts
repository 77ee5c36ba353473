import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { SignalKind } from '../agents/vocabulary.js';
import type { ToolDeps } from './deps.js';

export function createSearchMemoryTool(deps: ToolDeps) {
  return tool(async (input) => JSON.stringify(await deps.search({ ...input, k: input.k ?? 6 })), {
    name: 'search_memory',
    description: "Semantic search over this account's memory (emails, transcripts, notes…). Returns passages with signalId, kind, occurredAt and a verbatim excerpt you can cite.",
    schema: z.object({
      query: z.string().min(1).max(500).describe('what to look for'),
      kinds: z.array(SignalKind).optional().describe('only these signal kinds'),
      speaker: z.string().max(200).optional().describe('only passages by this person (name or email)'),
      after: z.string().optional().describe('ISO date: only after this moment'),
      k: z.number().int().min(1).max(20).optional(),
    }),
  });
}
