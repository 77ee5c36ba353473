import type { Runtime } from '@langchain/langgraph';
import type { GraphDeps } from '../deps.js';
import type { AgentContextType, AgentStateType, AgentStateUpdate } from '../state.js';

/** Asks the configured reasoner for next actions; the rules reasoner answers if it fails. */
export function makePlanNode(deps: GraphDeps) {
  return async function plan(s: AgentStateType, runtime: Runtime<AgentContextType>): Promise<AgentStateUpdate> {
    const input = {
      account: s.account, contacts: s.contacts, signals: s.signals, asOf: runtime.context!.asOf,
      assessment: s.assessment, evidence: s.evidence, ownerName: s.ownerName,
    };
    const hasFactors = s.assessment.factors.length + s.assessment.opportunities.length > 0;
    if (!hasFactors) return { proposals: [], reasoner: deps.reasoner.name };
    try {
      const proposals = await deps.reasoner.plan(input);
      return { proposals, reasoner: deps.reasoner.name };
    } catch (err) {
      if (deps.reasoner === deps.fallbackReasoner) throw err;
      deps.log?.('reasoner failed; rules reasoner answered', { error: String(err), accountId: s.account.id });
      return { proposals: await deps.fallbackReasoner.plan(input), reasoner: `${deps.fallbackReasoner.name} (fallback)` };
    }
  };
}
