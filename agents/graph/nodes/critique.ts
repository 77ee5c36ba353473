import type { Runtime } from '@langchain/langgraph';
import { critique as runCritique } from '../../critique.js';
import type { GraphDeps } from '../deps.js';
import type { AgentContextType, AgentStateType, AgentStateUpdate } from '../state.js';

/** Validates, keeps drafts addressed inside the account, dedupes against open and rejected work, caps and ranks. */
export function makeCritiqueNode(deps: GraphDeps) {
  return async function critique(s: AgentStateType, runtime: Runtime<AgentContextType>): Promise<AgentStateUpdate> {
    const audience = { accountDomains: s.account.domains, ourDomains: deps.ourDomains, contactEmails: s.contacts.map((c) => c.email) };
    return { review: runCritique(s.proposals, s.existing, runtime.context!.asOf, deps.critique, audience) };
  };
}
