// What the graph's nodes need, injected once per worker.
import type { Db } from '../../db/connection.js';
import type { Account } from '../../db/queries/accounts.js';
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import type { Assessment } from '../risk/types.js';
import type { Reasoner } from '../reasoners/types.js';
import type { CritiqueOptions } from '../critique.js';
import type { Embedder } from '../memory/embedder.js';
import type { Perceiver } from '../perceivers/types.js';
import type { PerceiveStageOptions } from '../perceivers/perceive-signals.js';

export type { PerceiveContext } from '../perceivers/types.js';

export interface RiskInput { account: Account; contacts: Contact[]; signals: Signal[]; asOf: string }

export interface MemoryHit { signalId: string; kind: string; occurredAt: string; text: string; excerpt: string; score: number; speaker?: string | null }
export interface RetrieveQuery { accountId: string; query: string; k?: number; kinds?: string[]; after?: string; before?: string; speaker?: string }

export interface GraphDeps {
  db: Db;
  embedder: Embedder;
  reasoner: Reasoner;
  /** Answers when the configured reasoner fails or returns nothing valid. */
  fallbackReasoner: Reasoner;
  /** The configured perceiver (rules or llm); the perceive node runs it once per signal. */
  perceiver: Perceiver;
  perception?: PerceiveStageOptions;
  assessRisk(input: RiskInput): Assessment;
  competitorsFor(account: Account): string[];
  retrieve(q: RetrieveQuery): Promise<MemoryHit[]>;
  ourDomains: string[];
  critique: CritiqueOptions;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
}
