import type { Runtime } from '@langchain/langgraph';
import type { GraphDeps } from '../deps.js';
import type { AgentContextType, AgentStateType, AgentStateUpdate } from '../state.js';

/** The deterministic, explainable risk model over everything known as of the run's moment. */
export function makeScoreRiskNode(deps: GraphDeps) {
  return async function scoreRisk(s: AgentStateType, runtime: Runtime<AgentContextType>): Promise<AgentStateUpdate> {
    const assessment = deps.assessRisk({ account: s.account, contacts: s.contacts, signals: s.signals, asOf: runtime.context!.asOf });
    return { assessment };
  };
}
