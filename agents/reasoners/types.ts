import type { Account } from '../../db/queries/accounts.js';
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import type { Assessment } from '../risk/types.js';
import type { Evidence, ProposedRecommendation } from '../recommendation.js';

export interface PlanInput {
  account: Account;
  contacts: Contact[];
  signals: Signal[];
  asOf: string;
  assessment: Assessment;
  /** Evidence per factor name, verbatim excerpts of the account's signals. */
  evidence: Record<string, Evidence[]>;
  ownerName?: string | null;
}

/** Turns an assessment into proposed next actions. Every outbound action still waits for a human. */
export interface Reasoner {
  name: 'rules' | 'llm';
  plan(input: PlanInput): Promise<ProposedRecommendation[]>;
}
