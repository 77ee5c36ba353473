// What one factor function answers: the factor if it applies now, and when its answer would change
// with no new signal (a threshold crossed, a commitment falling due, a window opening).
import type { Factor } from './types.js';
import type { Timeline } from './timeline.js';

export interface FactorCheck {
  factor: Factor | null;
  /** ISO; only moments after the assessment's `asOf` are kept. */
  nextChangeAt?: string;
}

export type FactorFn = (tl: Timeline) => FactorCheck;

export const NONE: FactorCheck = { factor: null };

const isoOf = (ms: number | undefined) => (ms === undefined || !Number.isFinite(ms) ? undefined : new Date(ms).toISOString());

/** Not flagged now; flagged (or changed) at `at` unless a signal arrives first. */
export function notYet(at: number | undefined): FactorCheck {
  const nextChangeAt = isoOf(at);
  return nextChangeAt ? { factor: null, nextChangeAt } : NONE;
}

/** Flagged; `next` is when it would change again by time alone (its weight grows, it ages out). */
export function flagged(factor: Factor, next?: number): FactorCheck {
  const nextChangeAt = isoOf(next);
  return nextChangeAt ? { factor: { ...factor, nextChangeAt }, nextChangeAt } : { factor };
}
