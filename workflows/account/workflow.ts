// The account's always-on agent as a Temporal entity workflow (id `account:<accountId>`).
// Deterministic: handlers only mutate AccountState; all I/O happens in activities.
import {
  ApplicationFailure, allHandlersFinished, condition, continueAsNew, patched, proxyActivities, setHandler, sleep,
  upsertSearchAttributes, workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import {
  AccountIdAttr, OwnerIdAttr, RiskLevelAttr, RiskScoreAttr, askUpdate, decideUpdate, decisionProblem,
  questionProblem, signalsArrived, stateQuery, type AccountWorkflowInput,
} from './messages.js';
import { AccountState } from './state.js';

// Assessments retry until they succeed: the rows are the truth and the activity is idempotent.
const { remember, assess } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});
// People wait on these: fail fast enough to answer the HTTP request with an error.
const { answer, decide } = proxyActivities<Activities>({
  startToCloseTimeout: '60 seconds',
  retry: { initialInterval: '500 milliseconds', maximumAttempts: 3 },
});

export const DEFAULT_MAX_CYCLES = 200;

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

  for (;;) {
    if (!state.pending && !state.isDue(Date.now())) {
      await condition(() => state.pending, state.sleepMs(Date.now()));
    }
    // A lone signal is assessed at once; a burst is folded: signals close behind a run wait until
    // they have been quiet for debounceMs. (Histories from before the leading edge replay as they ran.)
    const leading = patched('leading-edge-debounce');
    for (let wait = state.debounceRemaining(Date.now(), debounceMs, leading); wait > 0; wait = state.debounceRemaining(Date.now(), debounceMs, leading)) {
      await sleep(wait);
    }
    state.startRun(Date.now());
    await remember({ accountId });
    const summary = await assess({
      accountId,
      asOf: new Date(Date.now()).toISOString(),
      runKey: `${workflowInfo().runId}:${state.cycle}`,
    });
    state.applyAssessment(summary, Date.now());
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
