// The account's always-on agent as a Temporal entity workflow (id `account:<accountId>`).
// Deterministic: handlers only mutate AccountState; all I/O happens in activities.
import {
  ActivityFailure, ApplicationFailure, allHandlersFinished, condition, continueAsNew, patched, proxyActivities, setHandler, sleep,
  upsertSearchAttributes, workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import {
  AccountIdAttr, OwnerIdAttr, RiskLevelAttr, RiskScoreAttr, askUpdate, decideUpdate, decisionProblem,
  PERMANENT_FAILURES, questionProblem, signalsArrived, stateQuery, type AccountWorkflowInput,
} from './messages.js';
import { AccountState } from './state.js';

// Assessments retry with backoff (the rows are the truth and the activity is idempotent), but not for
// ever: an error no retry fixes fails at once, and about an hour of failures ends the attempt. Either
// way the workflow records the account as stalled with the reason and resumes on the next signal.
const { remember, assess } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '10 seconds',
  retry: {
    initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2, maximumAttempts: 60,
    nonRetryableErrorTypes: PERMANENT_FAILURES,
  },
});
// People wait on these: fail fast enough to answer the HTTP request with an error.
const { answer, decide } = proxyActivities<Activities>({
  startToCloseTimeout: '60 seconds',
  retry: { initialInterval: '500 milliseconds', maximumAttempts: 3 },
});

// Carrying out an approval: a few attempts with backoff (an SMTP server briefly down), then the
// recommendation is marked failed with the reason. A bad address or a header injection is not retried.
const { act } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  // The activity heartbeats every second: a worker killed mid-send is noticed after 10 s, not 2 minutes.
  heartbeatTimeout: '10 seconds',
  retry: {
    initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 4,
    nonRetryableErrorTypes: ['InvalidEmail', 'NoSender', 'NotFound'],
  },
});
// Bookkeeping after an action or a snooze: database writes only, retried until they succeed.
const { actionFailed, wakeSnoozed } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

export const DEFAULT_MAX_CYCLES = 200;

/** The reason an action failed for good, as the recommendation shows it. */
function failureReason(err: unknown): string {
  if (err instanceof ActivityFailure && err.cause) return err.cause.message || String(err.cause);
  return err instanceof Error ? err.message : String(err);
}

/** The failure's type as the activity threw it (ApplicationFailure type), else its name. */
function failureType(err: ActivityFailure): string {
  const cause = err.cause;
  if (cause instanceof ApplicationFailure && cause.type) return cause.type;
  return cause?.name || 'Error';
}

export async function accountWorkflow(input: AccountWorkflowInput): Promise<void> {
  const { accountId } = input;
  const debounceMs = input.debounceMs ?? 2000;
  const maxCycles = input.maxCycles ?? DEFAULT_MAX_CYCLES;
  const state = new AccountState(accountId, input.carried);

  setHandler(signalsArrived, () => state.markPending(Date.now()));
  setHandler(stateQuery, () => state.view());
  setHandler(askUpdate, (q) => answer({ accountId, question: q.question.trim(), askedBy: q.askedBy }), {
    validator: (q) => {
      const problem = questionProblem(q?.question);
      if (problem) throw ApplicationFailure.create({ type: 'InvalidArgument', message: problem, details: ['question'], nonRetryable: true });
    },
  });
  setHandler(decideUpdate, async (d) => {
    const result = await decide({ accountId, ...d });
    // Histories recorded before decisions acted replay as they ran: only recording, no action or wake-up.
    if (patched('decisions-act')) state.afterDecision(result);
    state.markPending(Date.now()); // the critic must see the decision (e.g. a rejection's suppression)
    return result;
  }, {
    validator: (d) => {
      const problem = decisionProblem(d);
      if (problem) throw ApplicationFailure.create({ type: 'InvalidArgument', message: problem, nonRetryable: true });
    },
  });

  upsertSearchAttributes([
    { key: AccountIdAttr, value: accountId },
    ...(input.ownerId ? [{ key: OwnerIdAttr, value: input.ownerId }] : []),
  ]);

  /** Approved actions first (people are waiting on them), then snoozes that have ended. */
  async function carryOutDecisions(): Promise<void> {
    while (state.actions.length > 0) {
      const recommendationId = state.actions[0];
      try {
        await act({ accountId, recommendationId });
      } catch (err) {
        await actionFailed({ accountId, recommendationId, reason: failureReason(err) });
      }
      state.actionFinished(recommendationId);
      state.markPending(Date.now()); // an email sent is a new outbound signal: the agent must see it
    }
    const due = state.dueSnoozes(Date.now());
    if (due.length > 0) {
      await wakeSnoozed({ accountId, recommendationIds: due, asOf: new Date(Date.now()).toISOString() });
      state.snoozesWoken(due, Date.now());
    }
  }

  for (;;) {
    if (!state.pending && !state.isDue(Date.now()) && !state.hasChores(Date.now())) {
      await condition(() => state.pending || state.actions.length > 0, state.sleepMs(Date.now()));
    }
    if (state.hasChores(Date.now())) {
      await carryOutDecisions();
      if (!state.pending && !state.isDue(Date.now())) continue;
    }
    // A lone signal is assessed at once; a burst is folded: signals close behind a run wait until
    // they have been quiet for debounceMs. (Histories from before the leading edge replay as they ran.)
    const leading = patched('leading-edge-debounce');
    for (let wait = state.debounceRemaining(Date.now(), debounceMs, leading); wait > 0; wait = state.debounceRemaining(Date.now(), debounceMs, leading)) {
      await sleep(wait);
    }
    state.startRun(Date.now());
    let summary: Awaited<ReturnType<typeof assess>>;
    try {
      await remember({ accountId });
      summary = await assess({
        accountId,
        asOf: new Date(Date.now()).toISOString(),
        runKey: `${workflowInfo().runId}:${state.cycle}`,
      });
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      // Stalled: visible in the state query; the pending rows stay pending. A new signal (settings
      // corrected, new mail), an approval, or the retry timer resumes it.
      const type = failureType(err);
      state.stall({ type, reason: failureReason(err), permanent: PERMANENT_FAILURES.includes(type) }, Date.now());
      const resumed = await condition(() => state.pending || state.actions.length > 0, state.stalledRetryMs());
      if (!resumed) state.markPending(Date.now());
      continue;
    }
    state.applyAssessment(summary, Date.now());
    // Snoozes in the database with no timer here (made before snooze timers existed) get one now;
    // histories recorded before this replay as they ran.
    if (patched('adopt-open-snoozes')) state.adoptSnoozes(summary.openSnoozes ?? {});
    upsertSearchAttributes([
      { key: RiskLevelAttr, value: summary.riskLevel },
      { key: RiskScoreAttr, value: summary.riskScore },
    ]);

    if (state.cycle >= maxCycles || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof accountWorkflow>({ ...input, carried: state.carry() });
    }
  }
}
