import type { Runtime } from '@langchain/langgraph';
import { getAccount } from '../../../db/queries/accounts.js';
import { listContacts } from '../../../db/queries/contacts.js';
import { listSignals } from '../../../db/queries/signals.js';
import { listWorkingRecommendations } from '../../../db/queries/recommendations.js';
import { getUser } from '../../../db/queries/users.js';
import type { GraphDeps } from '../deps.js';
import type { AgentContextType, AgentStateType, AgentStateUpdate } from '../state.js';

const DECISION_MEMORY_DAYS = 31;

/** Reads what the agent knows as of the run's moment: the account, its people, its timeline, its open work. */
export function makeLoadContextNode(deps: GraphDeps) {
  return async function loadContext(_s: AgentStateType, runtime: Runtime<AgentContextType>): Promise<AgentStateUpdate> {
    const { accountId, asOf } = runtime.context!;
    const account = await getAccount(deps.db, accountId);
    if (!account) throw new Error(`account ${accountId} not found`);
    const since = new Date(Date.parse(asOf) - DECISION_MEMORY_DAYS * 86_400_000).toISOString();
    const [contacts, signals, existing, owner] = await Promise.all([
      listContacts(deps.db, accountId),
      listSignals(deps.db, accountId, { before: asOf }),
      listWorkingRecommendations(deps.db, accountId, { open: ['proposed', 'snoozed'], decided: ['approved', 'edited', 'rejected', 'done', 'failed'], since }),
      account.ownerId ? getUser(deps.db, account.ownerId) : Promise.resolve(null),
    ]);
    return { account, contacts, signals, existing, ownerName: owner?.name ?? null };
  };
}
