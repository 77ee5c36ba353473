import type { Runtime } from '@langchain/langgraph';
import { withTransaction } from '../../../db/tx.js';
import { insertAssessment } from '../../../db/queries/assessments.js';
import { countOpenRecommendations, expireRecommendations, upsertOpenRecommendations } from '../../../db/queries/recommendations.js';
import { markRememberedProcessed } from '../../../db/queries/signals.js';
import { updateAccountRisk } from '../../../db/queries/accounts.js';
import type { GraphDeps } from '../deps.js';
import type { AgentContextType, AgentStateType, AgentStateUpdate } from '../state.js';

/**
 * Writes the assessment and its recommendations in one transaction, keyed by the run: a retried
 * activity finds its assessment and writes nothing twice.
 */
export function makePublishNode(deps: GraphDeps) {
  return async function publish(s: AgentStateType, runtime: Runtime<AgentContextType>): Promise<AgentStateUpdate> {
    const { accountId, asOf, runKey } = runtime.context!;
    if (!runKey) throw new Error('publish needs a runKey');
    const published = await withTransaction(deps.db, async (tx) => {
      const { record, created } = await insertAssessment(tx, {
        accountId, runKey, asOf, score: s.assessment.score, level: s.assessment.level, factors: s.assessment.factors,
        opportunities: s.assessment.opportunities, nextChangeAt: s.assessment.nextChangeAt ?? null, reasoner: s.reasoner,
        signalCount: s.signals.length,
      });
      if (created) {
        await upsertOpenRecommendations(tx, accountId, record.id, s.review.publish);
        await expireRecommendations(tx, accountId, s.review.expire, 'the situation changed: the agent no longer sees the reason for it');
        await markRememberedProcessed(tx, accountId);
        await updateAccountRisk(tx, accountId, { score: record.score, level: record.level, assessedAt: asOf });
      }
      return { assessmentId: record.id, created, openRecommendations: await countOpenRecommendations(tx, accountId) };
    });
    return { published };
  };
}
