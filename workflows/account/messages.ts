// Everything the outside world and the workflow share: ids, the task queue, and every signal,
// query and update with its payload type. Imports only @temporalio/workflow (safe on both sides).
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const DEFAULT_TASK_QUEUE = 'account-agents';
export const WORKFLOW_ID_PREFIX = 'account:';

export function accountWorkflowId(accountId: string): string {
  return `${WORKFLOW_ID_PREFIX}${accountId}`;
}

export interface AccountWorkflowInput {
  accountId: string;
  ownerId?: string | null;
  /** Quiet period that folds a burst of signals into one assessment. */
  debounceMs?: number;
  /** Cycles before continue-as-new, to bound history regardless of Temporal's suggestion. */
  maxCycles?: number;
  /** JSON-plain state carried across continue-as-new. */
  carried?: CarriedState;
}

export interface CarriedState {
  lastAssessedAt?: string;
  nextWakeAt?: string;
  riskLevel?: string;
  riskScore?: number;
  openRecommendations?: number;
  assessments?: number;
  /** Work left pending when the run handed over. */
  pending?: boolean;
  /** Approved recommendations not yet carried out (ids, in order). */
  actions?: string[];
  /** Snoozed recommendations and when each comes back (id → ISO time). */
  snoozes?: Record<string, string>;
  /** Assessing failed and waits for a fix (see Stalled). */
  stalled?: Stalled;
}

/**
 * The agent cannot assess this account: an error no retry fixes (`InvalidConfig`, `AccountNotFound`),
 * or retries used up. It resumes on the next signal (e.g. the settings corrected) or, for a fault a
 * retry may fix, by itself after a while.
 */
export interface Stalled {
  /** The failure's type: InvalidConfig, AccountNotFound, or the error's own (retries exhausted). */
  type: string;
  reason: string;
  since: string;
  /** True when no retry can fix it: only a change (a signal, an update) resumes the agent. */
  permanent: boolean;
}
export const PERMANENT_FAILURES = ['InvalidConfig', 'AccountNotFound'];

/** "New rows": the payload is a hint only; the activity reads what is pending in the database. */
export interface SignalsArrived { count?: number; reason?: 'signals' | 'created' | 'sweep' | 'account_changed' | 'decision' }
export const signalsArrived = defineSignal<[SignalsArrived]>('signalsArrived');

export interface AccountStateView {
  accountId: string;
  riskLevel?: string;
  riskScore?: number;
  lastAssessedAt?: string;
  nextWakeAt?: string;
  openRecommendations: number;
  assessments: number;
  pending: boolean;
  /** A run (remember + assess) is in flight: its signals are no longer pending but not yet assessed. */
  assessing: boolean;
  cycle: number;
  /** Approved recommendations waiting to be carried out. */
  pendingActions?: number;
  /** When the earliest snoozed recommendation comes back. */
  nextSnoozeAt?: string;
  /** Set while the agent cannot assess the account, with the reason. */
  stalled?: Stalled;
}
export const stateQuery = defineQuery<AccountStateView>('state');

export interface AskInput { question: string; askedBy?: string }
export interface Citation { signalId: string; excerpt: string; occurredAt: string }
export interface AskResult { answer: string; citations: Citation[]; intent: string; reasoner: string; questionId?: string }
export const askUpdate = defineUpdate<AskResult, [AskInput]>('ask');
export const MAX_QUESTION_LENGTH = 2000;

export type Decision = 'approve' | 'edit' | 'reject' | 'snooze';
export interface DecideInput {
  recommendationId: string;
  decision: Decision;
  edit?: { title?: string; draft?: { subject?: string; body?: string; to?: string[] }; dueAt?: string };
  reason?: string;
  until?: string;
  decidedBy?: string;
}
export interface DecideResult {
  recommendationId: string;
  status: string;
  /** A snooze: when the workflow puts it back in the inbox. */
  snoozedUntil?: string;
  /** A rejection as `already_done`: the touch recorded on the account's timeline. */
  touchSignalId?: string;
}
export const decideUpdate = defineUpdate<DecideResult, [DecideInput]>('decide');

export const AccountIdAttr = defineSearchAttributeKey('AccountId', SearchAttributeType.KEYWORD);
export const OwnerIdAttr = defineSearchAttributeKey('OwnerId', SearchAttributeType.KEYWORD);
export const RiskLevelAttr = defineSearchAttributeKey('RiskLevel', SearchAttributeType.KEYWORD);
export const RiskScoreAttr = defineSearchAttributeKey('RiskScore', SearchAttributeType.INT);

/** Validation shared by the update validator and the API (same words, same limits). */
export function questionProblem(q: unknown): string | null {
  if (typeof q !== 'string') return 'question must be a string';
  if (q.trim().length === 0) return 'question must not be empty';
  if (q.length > MAX_QUESTION_LENGTH) return `question must be at most ${MAX_QUESTION_LENGTH} characters`;
  return null;
}

export function decisionProblem(d: DecideInput): string | null {
  if (!d || typeof d.recommendationId !== 'string' || !d.recommendationId) return 'recommendationId is required';
  if (!['approve', 'edit', 'reject', 'snooze'].includes(d.decision)) return 'decision must be one of approve, edit, reject, snooze';
  if (d.decision === 'snooze' && (!d.until || Number.isNaN(Date.parse(d.until)))) return 'until is required for snooze (ISO 8601)';
  if (d.decision === 'edit' && !d.edit) return 'edit is required for an edit decision';
  return null;
}
