import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { listSignals } from '../db/queries/signals.js';
import { commitmentsOf } from '../agents/commitments.js';
import type { ToolDeps } from './deps.js';

export function createOpenCommitmentsTool(deps: ToolDeps) {
  return tool(async () => {
    const signals = await listSignals(deps.db, deps.accountId, { before: deps.asOf });
    return JSON.stringify(commitmentsOf(signals, deps.asOf));
  }, {
    name: 'open_commitments',
    description: 'What each side promised, by when, whether it is overdue or fulfilled, and the signal it came from.',
    schema: z.object({}),
  });
}
