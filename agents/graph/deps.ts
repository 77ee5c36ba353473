// What the graph's nodes need, injected once per worker.
import type { Db } from '../../db/connection.js';
import type { Account } from '../../db/queries/accounts.js';
import type { Contact } from '../../db/queries/contacts.js';
import type { Insights, Signal } from '../signals/schema.js';
import type { Assessment } from '../risk/types.js';
import type { Reasoner } from '../reasoners/types.js';
import type { CritiqueOptions } from '../critique.js';
import type { Embedder } from '../memory/embedder.js';

export interface PerceiveContext { account: Account; contacts: Contact[]; ourDomains: string[]; competitors: string[] }

export interface RiskInput { account: Account; contacts: Contact[]; signals: Signal[]; asOf: string }

export interface MemoryHit { signalId: string; kind: string; occurredAt: string; text: string; excerpt: string; score: number; speaker?: string | null }
export interface RetrieveQuery { accountId: string; query: string; k?: number; kinds?: string[]; after?: string; before?: string; speaker?: string }

export interface GraphDeps {
  db: Db;
  embedder: Embedder;
  reasoner: Reasoner;
  /** Answers when the configured reasoner fails or returns nothing valid. */
  fallbackReasoner: Reasoner;
  perceive(signal: Signal, ctx: PerceiveContext): Insights;
  assessRisk(input: RiskInput): Assessment;
  competitorsFor(account: Account): string[];
  retrieve(q: RetrieveQuery): Promise<MemoryHit[]>;
  ourDomains: string[];
  critique: CritiqueOptions;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
}
