// The only entry to the agent for activities and evals.
import type { Db } from '../db/connection.js';
import { withTransaction } from '../db/tx.js';
import { listPendingSignals, markSignalsProcessed, setSignalInsights, countSignals } from '../db/queries/signals.js';
import { insertAssessment } from '../db/queries/assessments.js';
import { updateAccountRisk } from '../db/queries/accounts.js';
import { countOpenRecommendations } from '../db/queries/recommendations.js';
import { Insights } from './signals/schema.js';
import type { Assessment } from './risk/types.js';
import type { ProposedRecommendation } from './recommendation.js';

export interface AgentDeps {
  db: Db;
  ourDomains?: string[];
}

export interface AssessSummary {
  assessmentId: string;
  assessedAt: string;
  riskLevel: string;
  riskScore: number;
  nextChangeAt?: string;
  openRecommendations: number;
}

export interface AnswerResult {
  answer: string;
  citations: Array<{ signalId: string; excerpt: string; occurredAt: string }>;
  intent: string;
  reasoner: string;
  questionId?: string;
}

export interface Evaluation {
  assessment: Assessment;
  recommendations: ProposedRecommendation[];
}

export interface AccountAgent {
  /** Perceive, chunk, embed and store the account's pending signals (idempotent). */
  remember(accountId: string): Promise<{ remembered: number }>;
  /** Run the graph as of `asOf` and persist assessment + recommendations (idempotent by runKey). */
  assess(input: { accountId: string; asOf: string; runKey: string }): Promise<AssessSummary>;
  /** The same graph as of `asOf`, seeing only signals up to then, writing nothing (evals' checkpoints). */
  evaluate(input: { accountId: string; asOf: string }): Promise<Evaluation>;
  /** Answer a question from the account's state and memory, with citations; kept in its history. */
  answer(input: { accountId: string; question: string; askedBy?: string; asOf?: string }): Promise<AnswerResult>;
}

export function createAccountAgent(deps: AgentDeps): AccountAgent {
  const { db } = deps;
  return {
    async remember(accountId) {
      const pending = await listPendingSignals(db, accountId);
      for (const s of pending) if (!s.insights) await setSignalInsights(db, s.id, Insights.parse({}));
      return { remembered: pending.length };
    },
    async assess({ accountId, asOf, runKey }) {
      return withTransaction(db, async (tx) => {
        const pending = await listPendingSignals(tx, accountId);
        const { record } = await insertAssessment(tx, {
          accountId, runKey, asOf, score: 0, level: 'low', factors: [], opportunities: [], reasoner: 'rules',
          signalCount: await countSignals(tx, accountId),
        });
        await markSignalsProcessed(tx, pending.map((s) => s.id));
        await updateAccountRisk(tx, accountId, { score: record.score, level: record.level, assessedAt: asOf });
        return {
          assessmentId: record.id, assessedAt: asOf, riskLevel: record.level, riskScore: record.score,
          openRecommendations: await countOpenRecommendations(tx, accountId),
        };
      });
    },
    async evaluate() {
      throw new Error('evaluate: the agent graph is not wired in yet');
    },
    async answer() {
      return { answer: 'Not implemented yet.', citations: [], intent: 'unknown', reasoner: 'rules' };
    },
  };
}
