// createActivities(deps): the worker builds the dependencies once and hands them in.
import type { AccountAgent } from '../../agents/index.js';
import type { Db } from '../../db/connection.js';
import { createDecisionActivities } from './decide.js';

export interface ActivityDeps {
  db: Db;
  agent: AccountAgent;
}

export function createActivities(deps: ActivityDeps) {
  return {
    /** Perceive, chunk, embed and store what is pending; idempotent. */
    remember: (input: { accountId: string }) => deps.agent.remember(input.accountId),
    /** Run the agent graph as of a moment and persist the assessment and recommendations; idempotent by runKey. */
    assess: (input: { accountId: string; asOf: string; runKey: string }) => deps.agent.assess(input),
    answer: (input: { accountId: string; question: string; askedBy?: string }) => deps.agent.answer(input),
    ...createDecisionActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
