// Errors no retry can fix, typed for Temporal: an activity throws them as non-retryable
// ApplicationFailures, and the account workflow records the account as stalled with the reason.
import { ApplicationFailure } from '@temporalio/activity';

/** Recognises the agent's permanent errors by their message (the agent throws plain Errors). */
const PERMANENT: Array<{ type: string; test: RegExp }> = [
  { type: 'InvalidConfig', test: /^invalid risk thresholds in account settings/ },
  { type: 'AccountNotFound', test: /^account \S+ not found$/ },
];

/** The error as thrown, or a non-retryable ApplicationFailure when no retry can fix it. */
export function typedFailure(err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof ApplicationFailure) return err;
  const hit = PERMANENT.find((p) => p.test.test(err.message));
  return hit ? ApplicationFailure.create({ type: hit.type, message: err.message, nonRetryable: true, cause: err }) : err;
}

/** Runs work, rethrowing a permanent error as non-retryable. */
export async function failingTyped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw typedFailure(err);
  }
}
