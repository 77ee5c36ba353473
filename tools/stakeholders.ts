import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { listContacts } from '../db/queries/contacts.js';
import { listSignals } from '../db/queries/signals.js';
import { stakeholderMap } from '../agents/stakeholders.js';
import type { ToolDeps } from './deps.js';

export function createStakeholdersTool(deps: ToolDeps) {
  return tool(async () => {
    const [contacts, signals] = await Promise.all([listContacts(deps.db, deps.accountId), listSignals(deps.db, deps.accountId, { before: deps.asOf })]);
    return JSON.stringify(stakeholderMap(contacts, signals, deps.asOf));
  }, {
    name: 'stakeholders',
    description: 'The people at the account: role, title, status (active, left, moved), last two-way contact and days since.',
    schema: z.object({}),
  });
}
