// The account agent as a LangGraph graph, compiled once per worker:
// load-context → perceive → score-risk → retrieve-evidence → plan → critique → publish.
import { END, START, StateGraph, type LangGraphRunnableConfig } from '@langchain/langgraph';
import { AgentContext, AgentState, type AgentContextType, type AgentStateType } from './state.js';
import type { GraphDeps } from './deps.js';
import { afterCritique } from './routes.js';
import { makeLoadContextNode } from './nodes/load-context.js';
import { makePerceiveNode } from './nodes/perceive.js';
import { makeScoreRiskNode } from './nodes/score-risk.js';
import { makeRetrieveEvidenceNode } from './nodes/retrieve-evidence.js';
import { makePlanNode } from './nodes/plan.js';
import { makeCritiqueNode } from './nodes/critique.js';
import { makePublishNode } from './nodes/publish.js';

export function buildAccountGraph(deps: GraphDeps) {
  return new StateGraph(AgentState, AgentContext)
    .addNode('load-context', makeLoadContextNode(deps))
    .addNode('perceive', makePerceiveNode(deps))
    .addNode('score-risk', makeScoreRiskNode(deps))
    .addNode('retrieve-evidence', makeRetrieveEvidenceNode(deps))
    .addNode('plan', makePlanNode(deps))
    .addNode('critique', makeCritiqueNode(deps))
    .addNode('publish', makePublishNode(deps))
    .addEdge(START, 'load-context')
    .addEdge('load-context', 'perceive')
    .addEdge('perceive', 'score-risk')
    .addEdge('score-risk', 'retrieve-evidence')
    .addEdge('retrieve-evidence', 'plan')
    .addEdge('plan', 'critique')
    .addConditionalEdges('critique', (_s: AgentStateType, config: LangGraphRunnableConfig<AgentContextType>) => afterCritique(config.context), { publish: 'publish', __end__: END })
    .addEdge('publish', END)
    .compile();
}
export type AccountGraph = ReturnType<typeof buildAccountGraph>;
