// createActivities(deps): the worker builds the dependencies once and hands them in.
import { Context } from '@temporalio/activity';
import type { AccountAgent } from '../../agents/index.js';
import type { Db } from '../../db/connection.js';
import { createDecisionActivities } from './decide.js';

export interface ActivityDeps {
  db: Db;
  agent: AccountAgent;
}

/**
 * Heartbeats while work runs, so a worker that dies mid-activity is noticed within the heartbeat
 * timeout (seconds) instead of the start-to-close timeout (minutes), and the retry starts sooner.
 */
async function heartbeating<T>(work: () => Promise<T>): Promise<T> {
  const ctx = Context.current();
  ctx.heartbeat();
  const timer = setInterval(() => ctx.heartbeat(), 1000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

export function createActivities(deps: ActivityDeps) {
  return {
    /** Perceive, chunk, embed and store what is pending; idempotent. */
    remember: (input: { accountId: string }) => heartbeating(() => deps.agent.remember(input.accountId)),
    /** Run the agent graph as of a moment and persist the assessment and recommendations; idempotent by runKey. */
    assess: (input: { accountId: string; asOf: string; runKey: string }) => heartbeating(() => deps.agent.assess(input)),
    answer: (input: { accountId: string; question: string; askedBy?: string }) => deps.agent.answer(input),
    ...createDecisionActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
