// Typed helpers the API (and scripts) use to reach account workflows.
import { Client, Connection, WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { accountWorkflow } from './account/workflow.js';
import { CoalescingNotifier } from './notifier.js';
import type { briefWorkflow } from './briefs/workflow.js';
import { onDemandBriefWorkflowId, type BriefWorkflowInput, type BriefWorkflowResult } from './briefs/messages.js';
import {
  AccountIdAttr, OwnerIdAttr, accountWorkflowId, askUpdate, decideUpdate, signalsArrived, stateQuery,
  type AccountStateView, type AskInput, type AskResult, type DecideInput, type DecideResult, type SignalsArrived,
} from './account/messages.js';

export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  /** Passed to new account workflows. */
  debounceMs?: number;
}

export interface AccountsClient {
  client: Client;
  settings: TemporalSettings;
  close(): Promise<void>;
}

export async function createTemporalClient(settings: TemporalSettings): Promise<AccountsClient> {
  // Connected on first use: an API started while Temporal is down serves reads and answers 503 on the
  // routes that need Temporal (an eager connect threw "Failed to connect before the deadline" and the process died).
  const connection = Connection.lazy({ address: settings.address });
  const client = new Client({ connection, namespace: settings.namespace });
  const c: AccountsClient = {
    client, settings,
    // Notifications still in flight get a moment to land; any cut short is the sweeper's.
    async close() { await notifiers.get(c)?.drain(NOTIFY_WITHIN_MS); await connection.close(); },
  };
  return c;
}

export interface AccountRef { accountId: string; ownerId?: string | null }

function startOptions(c: AccountsClient, ref: AccountRef) {
  return {
    taskQueue: c.settings.taskQueue,
    workflowId: accountWorkflowId(ref.accountId),
    args: [{ accountId: ref.accountId, ownerId: ref.ownerId ?? null, debounceMs: c.settings.debounceMs }] as Parameters<typeof accountWorkflow>,
    typedSearchAttributes: [
      { key: AccountIdAttr, value: ref.accountId },
      ...(ref.ownerId ? [{ key: OwnerIdAttr, value: ref.ownerId }] : []),
    ],
  };
}

/**
 * How long a request waits to notify a workflow before answering anyway: the rows are stored, and
 * the sweeper re-signals them (without a bound, an unreachable Temporal held a POST for ~20 s of retries).
 */
export const NOTIFY_WITHIN_MS = 5000;

/** "New rows" for an account: starts its workflow if it is not running yet (given up after `withinMs`). */
export async function notifyAccount(c: AccountsClient, ref: AccountRef, payload: SignalsArrived = {}, opts: { withinMs?: number } = {}): Promise<void> {
  const send = () => c.client.workflow.signalWithStart<typeof accountWorkflow, [SignalsArrived]>('accountWorkflow', {
    ...startOptions(c, ref),
    signal: signalsArrived,
    signalArgs: [payload],
  });
  await (opts.withinMs ? c.client.connection.withDeadline(Date.now() + opts.withinMs, send) : send());
}

const notifiers = new WeakMap<AccountsClient, CoalescingNotifier>();

/** The client's coalescing notifier (one per client, made on first use). */
export function notifierOf(c: AccountsClient): CoalescingNotifier {
  let n = notifiers.get(c);
  if (!n) {
    n = new CoalescingNotifier({ send: (ref, payload) => notifyAccount(c, ref, payload, { withinMs: NOTIFY_WITHIN_MS }) });
    notifiers.set(c, n);
  }
  return n;
}

/**
 * "New rows", without waiting: for rows already stored as pending (the sweeper re-signals them if
 * this fails or the process dies first). Coalesced per account, see notifier.ts.
 */
export function notifySoon(c: AccountsClient, ref: AccountRef, payload: SignalsArrived, onError?: (err: unknown, accountId: string) => void): void {
  notifierOf(c).notify(ref, payload, onError);
}

function withStart(c: AccountsClient, ref: AccountRef) {
  return new WithStartWorkflowOperation<typeof accountWorkflow>('accountWorkflow', {
    ...startOptions(c, ref),
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

/** An update refused by its validator or failed by its activity, with the failure's type. */
export class AccountUpdateError extends Error {
  constructor(message: string, readonly type: string | undefined, readonly field?: string) { super(message); }
}

function unwrapUpdateError(err: unknown): never {
  if (err instanceof WorkflowUpdateFailedError) {
    const cause = err.cause as { message?: string; type?: string; details?: unknown[] } | undefined;
    const field = Array.isArray(cause?.details) && typeof cause.details[0] === 'string' ? cause.details[0] : undefined;
    throw new AccountUpdateError(cause?.message ?? err.message, cause?.type, field);
  }
  throw err;
}

export async function askAccount(c: AccountsClient, ref: AccountRef, input: AskInput): Promise<AskResult> {
  await requireTemporal(c);
  try {
    return await c.client.workflow.executeUpdateWithStart(askUpdate, { args: [input], startWorkflowOperation: withStart(c, ref) });
  } catch (err) {
    return unwrapUpdateError(err);
  }
}

export async function decide(c: AccountsClient, ref: AccountRef, input: DecideInput): Promise<DecideResult> {
  await requireTemporal(c);
  try {
    return await c.client.workflow.executeUpdateWithStart(decideUpdate, { args: [input], startWorkflowOperation: withStart(c, ref) });
  } catch (err) {
    return unwrapUpdateError(err);
  }
}

export async function accountState(c: AccountsClient, accountId: string): Promise<AccountStateView | null> {
  if (!(await temporalReachable(c))) return null; // a read stays fast while Temporal is down
  try {
    return await c.client.workflow.getHandle(accountWorkflowId(accountId)).query(stateQuery);
  } catch {
    return null;
  }
}

/** Temporal cannot be reached now: the request was not carried out and can be retried later (HTTP 503). */
export class TemporalUnavailableError extends Error {
  constructor() { super('Temporal is unavailable; nothing was done, try again shortly'); }
}

/** How long a reachability answer is reused, and how long a probe may take. */
const REACHABLE_CACHE_MS = 2000;
const REACHABLE_WITHIN_MS = 1000;
const reachability = new WeakMap<AccountsClient, { at: number; ok: Promise<boolean> }>();

/**
 * Whether Temporal answers, asked at most every two seconds with a one-second deadline. Calls made
 * while it is down otherwise retry inside the SDK for many seconds before failing.
 */
export function temporalReachable(c: AccountsClient): Promise<boolean> {
  const last = reachability.get(c);
  if (last && Date.now() - last.at < REACHABLE_CACHE_MS) return last.ok;
  const ok = c.client.connection.withDeadline(Date.now() + REACHABLE_WITHIN_MS, () => c.client.connection.workflowService.getSystemInfo({}))
    .then(() => true, () => false);
  reachability.set(c, { at: Date.now(), ok });
  return ok;
}

async function requireTemporal(c: AccountsClient): Promise<void> {
  if (!(await temporalReachable(c))) throw new TemporalUnavailableError();
}

/** Reachability for /health. */
export async function temporalHealthy(c: AccountsClient): Promise<boolean> {
  try {
    await c.client.connection.workflowService.getSystemInfo({});
    return true;
  } catch {
    return false;
  }
}

/** A CSM's brief now (on demand): runs the brief workflow and answers with what it stored. */
export async function produceBrief(c: AccountsClient, input: BriefWorkflowInput, requestId: string = randomUUID()): Promise<BriefWorkflowResult> {
  await requireTemporal(c);
  return c.client.workflow.execute<typeof briefWorkflow>('briefWorkflow', {
    taskQueue: c.settings.taskQueue,
    workflowId: onDemandBriefWorkflowId(input.csmId, requestId),
    args: [input],
    workflowExecutionTimeout: '5 minutes',
  });
}

/** A CSM's daily brief schedule, created or updated (when a CSM user is created or changes settings). */
export { ensureBriefSchedule } from './schedules.js';
