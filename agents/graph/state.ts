// The only state schema of the account graph, and the per-run context (ids and time).
import { Annotation } from '@langchain/langgraph';
import type { Account } from '../../db/queries/accounts.js';
import type { Contact } from '../../db/queries/contacts.js';
import type { Recommendation } from '../../db/queries/recommendations.js';
import type { Signal } from '../signals/schema.js';
import type { Assessment } from '../risk/types.js';
import type { Evidence, ProposedRecommendation } from '../recommendation.js';
import type { CritiqueResult } from '../critique.js';

const value = <T>(initial: () => T) => Annotation<T>({ reducer: (_a: T, b: T) => b, default: initial });

export const AgentState = Annotation.Root({
  account: Annotation<Account>,
  contacts: value<Contact[]>(() => []),
  ownerName: value<string | null>(() => null),
  signals: value<Signal[]>(() => []),
  existing: value<Recommendation[]>(() => []),
  assessment: Annotation<Assessment>,
  evidence: value<Record<string, Evidence[]>>(() => ({})),
  proposals: value<ProposedRecommendation[]>(() => []),
  reasoner: value<string>(() => 'rules'),
  review: Annotation<CritiqueResult>,
  published: value<PublishedSummary | null>(() => null),
});
export type AgentStateType = typeof AgentState.State;
export type AgentStateUpdate = typeof AgentState.Update;

export interface PublishedSummary {
  assessmentId: string;
  openRecommendations: number;
  created: boolean;
}

/** Per-run ids and time: passed with invoke(x, { context }), never module globals. */
export const AgentContext = Annotation.Root({
  accountId: Annotation<string>,
  asOf: Annotation<string>,
  runKey: Annotation<string | undefined>,
  /** Evaluate only: write nothing (evals' checkpoints, previews). */
  dryRun: Annotation<boolean | undefined>,
});
export type AgentContextType = typeof AgentContext.State;
