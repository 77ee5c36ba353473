// createActivities(deps): the worker builds the dependencies once and hands them in.
import { Context } from '@temporalio/activity';
import type { AccountAgent } from '../../agents/index.js';
import type { Db } from '../../db/connection.js';
import type { ActionSettings } from '../../config.js';
import { createDecisionActivities } from './decide.js';
import { createActionActivities, type ActInput } from './act.js';
import { createBriefActivities } from './briefs.js';
import type { BriefSettings } from '../../db/queries/briefs.js';
import type { SmtpSender } from './actions/send-email.js';
import { failingTyped } from './errors.js';
import { listRecommendationsForAccount } from '../../db/queries/recommendations.js';

export interface ActivityDeps {
  db: Db;
  agent: AccountAgent;
  /**
   * Replaying recorded scenarios only (evals' --e2e, which starts the stack in its own process):
   * the moment an account is assessed and answered as of, instead of the workflow's clock. Unset
   * for an account (and always in production): live. With the clock pinned, time alone changes
   * nothing, so a replayed assessment reports no next change and the workflow wakes only for
   * signals (and its daily floor).
   */
  replayAt?: (accountId: string) => string | undefined;
  /** What approvals do: SMTP, the fallback sender, the task webhook (config.ts ActionSettings). */
  actions?: ActionSettings;
  /** Our email domains: the first names the Message-IDs of the emails we send. */
  ourDomains?: string[];
  /** An SMTP sender to use instead of one built from actions.smtpUrl. */
  smtp?: SmtpSender;
  /** CSM briefs: the settings of a CSM who has none (config BRIEF_*). */
  briefDefaults?: BriefSettings;
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

/** The account's snoozed recommendations and when each comes back (id → ISO time). */
async function openSnoozes(db: Db, accountId: string): Promise<Record<string, string>> {
  const rows = await listRecommendationsForAccount(db, accountId, { statuses: ['snoozed'] });
  return Object.fromEntries(rows.filter((r) => r.snoozedUntil).map((r) => [r.id, new Date(r.snoozedUntil!).toISOString()]));
}

export function createActivities(deps: ActivityDeps) {
  const actions = createActionActivities(deps);
  return {
    /** Chunk, embed and store in memory what is pending; idempotent. (Perception runs in assess, in the graph.) */
    remember: (input: { accountId: string }) => heartbeating(() => failingTyped(() => deps.agent.remember(input.accountId))),
    /** Run the agent graph as of a moment and persist the assessment and recommendations; idempotent by runKey. */
    assess: (input: { accountId: string; asOf: string; runKey: string }) => heartbeating(() => failingTyped(async () => {
      const replayed = deps.replayAt?.(input.accountId);
      const summary = replayed
        ? { ...(await deps.agent.assess({ ...input, asOf: replayed })), nextChangeAt: undefined }
        : await deps.agent.assess(input);
      // The snoozes the workflow must wake for, so one it never heard of still comes back.
      return { ...summary, openSnoozes: await openSnoozes(deps.db, input.accountId) };
    })),
    answer: (input: { accountId: string; question: string; askedBy?: string }) => deps.agent.answer({ ...input, asOf: deps.replayAt?.(input.accountId) }),
    ...createDecisionActivities(deps),
    ...actions,
    /** An approved action heartbeats too: a worker killed mid-send is noticed in seconds and the idempotent act retried. */
    act: (input: ActInput) => heartbeating(() => actions.act(input)),
    ...createBriefActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
