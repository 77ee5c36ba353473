// Carrying out an approved recommendation, once: an email through SMTP (outbox row first, a Message-ID
// derived from the recommendation, then an outbound email signal), or a task (and a webhook post).
// Also what the workflow runs when the action failed for good and when a snooze ends.
import { ApplicationFailure } from '@temporalio/activity';
import type pg from 'pg';
import type { ActionSettings } from '../../config.js';
import { withTransaction } from '../../db/tx.js';
import { getAccount, type Account } from '../../db/queries/accounts.js';
import { latestAssessment } from '../../db/queries/assessments.js';
import { insertAudit } from '../../db/queries/audit.js';
import { markOutboxFailed, markOutboxSent, putOutboxEmail, recordOutboxAttempt, type OutboxEmail } from '../../db/queries/outbox.js';
import { getRecommendation, setRecommendationOutcome, type Recommendation } from '../../db/queries/recommendations.js';
import { getSignalsByIds, insertSignals } from '../../db/queries/signals.js';
import { markTaskWebhookPosted, putTask } from '../../db/queries/tasks.js';
import { getUser, type User } from '../../db/queries/users.js';
import type { SignalInput } from '../../agents/signals/schema.js';
import { bracketed, createSmtpSender, emailProblem, type SmtpSender } from './actions/send-email.js';
import { recommendationTask, sendThisEmailTask, type TaskContent } from './actions/create-task.js';
import { postWebhook, taskMessage } from './actions/post-webhook.js';
import type { ActivityDeps } from './index.js';

export interface ActInput { accountId: string; recommendationId: string }
export interface ActResult {
  recommendationId: string;
  status: string;
  /** What was done: an email sent, a task written, or nothing (already carried out, or no longer approved). */
  outcome: 'email' | 'task' | 'none';
  messageId?: string;
  signalId?: string;
  taskId?: string;
}
export interface WakeResult { recommendationId: string; status: string }

/** Failure types that no retry can fix. */
export const NON_RETRYABLE_ACTION_ERRORS = ['InvalidEmail', 'NoSender', 'NotFound'];

const fail = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

/** The Message-ID of a recommendation's email: the same on every attempt, so a receiver can dedupe too. */
export function messageIdFor(recommendationId: string, domain: string): string {
  return `<rec-${recommendationId.replace(/[^\w.-]/g, '')}@${domain}>`;
}

/** An email recommendation: a draft on the email channel with someone to send it to. */
export function isEmailAction(rec: Recommendation): boolean {
  return Boolean(rec.draft && (rec.draft.channel ?? 'email') === 'email' && rec.draft.to?.length);
}

const outcomeFields = (r: Recommendation) => ({ status: r.status, statusReason: r.statusReason, snoozedUntil: r.snoozedUntil });

export interface ActionDeps extends Pick<ActivityDeps, 'db' | 'ourDomains' | 'actions'> {
  /** Tests and the worker may hand one in; otherwise built from actions.smtpUrl on first use. */
  smtp?: SmtpSender;
}

export function createActionActivities(deps: ActionDeps) {
  const settings: ActionSettings = deps.actions ?? {};
  let smtp = deps.smtp;
  const sender = () => (smtp ??= createSmtpSender(settings.smtpUrl!));

  /** The customer email this one answers: the latest inbound email in its evidence from someone it goes to. */
  async function answered(rec: Recommendation): Promise<{ inReplyTo?: string; references: string[]; threadId?: string }> {
    const evidence = await getSignalsByIds(deps.db, rec.evidence.map((e) => e.signalId));
    const to = new Set((rec.draft?.to ?? []).map((x) => x.toLowerCase()));
    const emails = evidence
      .filter((s): s is Extract<typeof s, { kind: 'email' }> => s.kind === 'email')
      .filter((s) => s.direction !== 'outbound' && s.externalId?.includes('@') && to.has(s.from.email.toLowerCase()))
      .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
    const last = emails[emails.length - 1];
    if (!last) return { references: [] };
    const id = bracketed(last.externalId!);
    const refs = last.inReplyTo?.includes('@') ? [bracketed(last.inReplyTo), id] : [id];
    return { inReplyTo: id, references: refs, ...(last.threadId ? { threadId: last.threadId } : {}) };
  }

  /** The action is carried out: `done`, audited with what was done (plus any rows written with it). */
  async function finish(rec: Recommendation, actor: string | null, details: Record<string, unknown>, write?: (tx: pg.PoolClient) => Promise<void>): Promise<Recommendation> {
    return withTransaction(deps.db, async (tx) => {
      await write?.(tx);
      const after = await setRecommendationOutcome(tx, rec.id, { status: 'done', from: ['approved', 'edited'] });
      if (after) {
        await insertAudit(tx, {
          actor, action: 'recommendation.done', entity: 'recommendation', entityId: rec.id,
          details: { accountId: rec.accountId, ...details, before: outcomeFields(rec), after: outcomeFields(after) },
        });
      }
      return after ?? rec;
    });
  }

  async function sendEmail(rec: Recommendation, account: Account, owner: User | null): Promise<ActResult> {
    const from = owner?.email ?? settings.mailFrom;
    if (!from) throw fail('NoSender', `the account's owner has no email address and MAIL_FROM is not set`);
    const domain = deps.ourDomains?.[0] ?? from.split('@')[1];
    const thread = await answered(rec);
    const draft = rec.draft!;
    const email = {
      recommendationId: rec.id, accountId: account.id, messageId: messageIdFor(rec.id, domain), from,
      to: draft.to, subject: draft.subject ?? rec.title, body: draft.body, inReplyTo: thread.inReplyTo ?? null, references: thread.references,
    };
    const problem = emailProblem(email);
    if (problem) throw fail('InvalidEmail', problem);
    // Written before sending: the first row wins, and once it says sent nothing is sent again.
    const row = await putOutboxEmail(deps.db, email);
    const stored = emailProblem(row);
    if (stored) throw fail('InvalidEmail', stored);
    if (row.status !== 'sent') {
      try {
        await sender().send(row);
      } catch (err) {
        await recordOutboxAttempt(deps.db, rec.id, (err as Error).message);
        throw err;
      }
      await recordOutboxAttempt(deps.db, rec.id, null);
      await markOutboxSent(deps.db, rec.id, null);
    }
    let signalId: string | undefined;
    const after = await finish(rec, rec.decidedBy, { action: 'email', messageId: row.messageId, to: row.to, from: row.from, inReplyTo: row.inReplyTo }, async (tx) => {
      const ins = await insertSignals(tx, account.id, [outboundSignal(row, owner, thread.threadId)]);
      signalId = (ins.stored[0] ?? ins.duplicates[0]).id;
      await markOutboxSent(tx, rec.id, signalId);
    });
    return { recommendationId: rec.id, status: after.status, outcome: 'email', messageId: row.messageId, signalId };
  }

  async function writeTask(rec: Recommendation, account: Account, owner: User | null, content: TaskContent): Promise<ActResult> {
    const { task } = await putTask(deps.db, {
      recommendationId: rec.id, accountId: account.id, ownerId: account.ownerId ?? null, title: content.title, body: content.body, dueAt: rec.dueAt,
    });
    if (settings.webhookUrl && !task.webhookPostedAt) {
      await postWebhook(settings.webhookUrl, taskMessage({ title: task.title, accountName: account.name, ownerName: owner?.name, dueAt: task.dueAt, body: task.body }));
      await markTaskWebhookPosted(deps.db, task.id);
    }
    const after = await finish(rec, rec.decidedBy, { action: 'task', taskId: task.id, title: task.title, webhook: Boolean(settings.webhookUrl) });
    return { recommendationId: rec.id, status: after.status, outcome: 'task', taskId: task.id };
  }

  return {
    /** Carries out an approved (or edited) recommendation; idempotent, so Temporal may retry it freely. */
    async act(input: ActInput): Promise<ActResult> {
      const rec = await getRecommendation(deps.db, input.recommendationId);
      if (!rec || rec.accountId !== input.accountId) throw fail('NotFound', `recommendation ${input.recommendationId} not found`);
      if (!['approved', 'edited'].includes(rec.status)) return { recommendationId: rec.id, status: rec.status, outcome: 'none' };
      const account = await getAccount(deps.db, rec.accountId);
      if (!account) throw fail('NotFound', `account ${rec.accountId} not found`);
      const owner = account.ownerId ? await getUser(deps.db, account.ownerId) : null;
      if (!isEmailAction(rec)) return writeTask(rec, account, owner, recommendationTask(rec));
      if (!settings.smtpUrl) return writeTask(rec, account, owner, sendThisEmailTask(rec));
      return sendEmail(rec, account, owner);
    },

    /** The action failed for good (retries exhausted or not retryable): the recommendation says why. */
    async actionFailed(input: ActInput & { reason: string }): Promise<WakeResult> {
      return withTransaction(deps.db, async (tx) => {
        const rec = await getRecommendation(tx, input.recommendationId);
        if (!rec || rec.accountId !== input.accountId) return { recommendationId: input.recommendationId, status: 'missing' };
        const reason = input.reason.slice(0, 1000);
        const after = await setRecommendationOutcome(tx, rec.id, { status: 'failed', reason, from: ['approved', 'edited'] });
        if (!after) return { recommendationId: rec.id, status: rec.status };
        await markOutboxFailed(tx, rec.id, reason);
        await insertAudit(tx, {
          actor: rec.decidedBy, action: 'recommendation.failed', entity: 'recommendation', entityId: rec.id,
          details: { accountId: rec.accountId, reason, before: outcomeFields(rec), after: outcomeFields(after) },
        });
        return { recommendationId: rec.id, status: after.status };
      });
    },

    /**
     * Snoozes that have ended: back to `proposed`, unless none of the factors behind the
     * recommendation is present in the latest assessment any more (then `expired`).
     */
    async wakeSnoozed(input: { accountId: string; recommendationIds: string[]; asOf: string }): Promise<WakeResult[]> {
      const latest = await latestAssessment(deps.db, input.accountId);
      const present = new Set([...(latest?.factors ?? []), ...(latest?.opportunities ?? [])].map((f) => f.factor as string));
      const out: WakeResult[] = [];
      for (const id of input.recommendationIds) {
        out.push(await withTransaction(deps.db, async (tx) => {
          const rec = await getRecommendation(tx, id);
          if (!rec || rec.accountId !== input.accountId) return { recommendationId: id, status: 'missing' };
          // Decided since, or snoozed again to a later time: not this wake's business.
          if (rec.status !== 'snoozed' || (rec.snoozedUntil && Date.parse(rec.snoozedUntil) > Date.parse(input.asOf))) {
            return { recommendationId: id, status: rec.status };
          }
          const supported = !latest || rec.factors.length === 0 || rec.factors.some((f) => present.has(f));
          const status = supported ? 'proposed' : 'expired';
          const reason = supported ? null : `snooze ended; no longer supported (${rec.factors.join(', ')} not in the latest assessment)`;
          const after = await setRecommendationOutcome(tx, rec.id, { status, reason, from: ['snoozed'] });
          if (!after) return { recommendationId: id, status: rec.status };
          await insertAudit(tx, {
            actor: null, action: supported ? 'recommendation.unsnooze' : 'recommendation.expire', entity: 'recommendation', entityId: rec.id,
            details: { accountId: rec.accountId, assessmentId: latest?.id ?? null, before: outcomeFields(rec), after: outcomeFields(after) },
          });
          return { recommendationId: id, status };
        }));
      }
      return out;
    },
  };
}

/** The email as the account's timeline stores it: outbound, from the owner, its Message-ID as external id. */
function outboundSignal(row: OutboxEmail, owner: User | null, threadId?: string): SignalInput & { direction: string } {
  return {
    kind: 'email', occurredAt: row.sentAt ?? new Date().toISOString(), externalId: row.messageId, source: 'outbox',
    from: { email: row.from.toLowerCase(), ...(owner?.name ? { name: owner.name } : {}) },
    to: row.to.map((email) => ({ email: email.toLowerCase() })), cc: [], subject: row.subject, text: row.body,
    ...(row.inReplyTo ? { inReplyTo: row.inReplyTo } : {}), ...(threadId ? { threadId } : {}),
    direction: 'outbound',
  };
}
