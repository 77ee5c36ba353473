import type { GraphDeps } from '../deps.js';
import type { AgentStateType, AgentStateUpdate } from '../state.js';

/** Perceives signals that have not been read yet (remember normally did it; evals may not have). */
export function makePerceiveNode(deps: GraphDeps) {
  return async function perceive(s: AgentStateType): Promise<AgentStateUpdate> {
    if (s.signals.every((x) => x.insights)) return {};
    const ctx = { account: s.account, contacts: s.contacts, ourDomains: deps.ourDomains, competitors: deps.competitorsFor(s.account) };
    return { signals: s.signals.map((x) => (x.insights ? x : { ...x, insights: deps.perceive(x, ctx) })) };
  };
}
