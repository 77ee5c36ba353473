// A CSM's renewal-risk brief: composed from what is stored and kept once per key (a scheduled time,
// or one on-demand request), then delivered once by email (outbox-style: the Message-ID is written
// before sending, the sent mark after) and to the action webhook.
import { ApplicationFailure } from '@temporalio/activity';
import type { ActionSettings } from '../../config.js';
import { listAccounts } from '../../db/queries/accounts.js';
import {
  claimBriefEmail, getBrief, getBriefByKey, getBriefSettings, insertBrief, latestAssessmentsFor, latestCsmBrief,
  markBriefEmailError, markBriefEmailSent, markBriefWebhookPosted, openRecommendationsFor, type BriefSettings,
} from '../../db/queries/briefs.js';
import { getSignalsByIds } from '../../db/queries/signals.js';
import { getUser } from '../../db/queries/users.js';
import { briefSubject, composeBrief, renderBriefHtml, renderBriefText, type BriefAccountInput, type SignalRef } from '../../agents/briefs/index.js';
import { signalText } from '../../agents/evidence.js';
import { createSmtpSender, type SmtpSender } from './actions/send-email.js';
import { postWebhook, type WebhookMessage } from './actions/post-webhook.js';
import type { ActivityDeps } from './index.js';

export interface BriefInput {
  /** Once per key: `brief:<csmId>` scheduled runs use their workflow id (it names the scheduled time). */
  key: string;
  csmId: string;
  asOf: string;
  createdBy?: string | null;
  /** One account's brief: only this account (it must be the CSM's). */
  accountId?: string | null;
}
export interface BriefStored { briefId: string; created: boolean; accounts: number }
export interface BriefDelivered { briefId: string; outcome: 'sent' | 'already' | 'skipped'; reason?: string }

const fail = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

/** The Message-ID of a brief's email: the same on every attempt. */
export function briefMessageId(briefId: string, domain: string): string {
  return `<brief-${briefId.replace(/[^\w.-]/g, '')}@${domain}>`;
}

export interface BriefDeps extends Pick<ActivityDeps, 'db' | 'ourDomains' | 'actions' | 'smtp'> {
  /** Defaults for a CSM with no settings of their own. */
  briefDefaults?: BriefSettings;
}

export function createBriefActivities(deps: BriefDeps) {
  const settings: ActionSettings = deps.actions ?? {};
  let smtp: SmtpSender | undefined = deps.smtp;
  const sender = () => (smtp ??= createSmtpSender(settings.smtpUrl!));

  async function composeAndStoreBrief(input: BriefInput): Promise<BriefStored> {
    const existing = await getBriefByKey(deps.db, input.key);
    if (existing) return { briefId: existing.id, created: false, accounts: existing.content.accounts.length };
    const csm = await getUser(deps.db, input.csmId);
    if (!csm) throw fail('NotFound', `user ${input.csmId} not found`);
    const prefs = await getBriefSettings(deps.db, csm.id, deps.briefDefaults);
    const covered = (await listAccounts(deps.db, { csmId: csm.id, limit: 10_000 }))
      .filter((a) => !input.accountId || a.id === input.accountId);
    const ids = covered.map((a) => a.id);
    const [assessments, recs] = await Promise.all([latestAssessmentsFor(deps.db, ids), openRecommendationsFor(deps.db, ids)]);
    const accounts: BriefAccountInput[] = covered.map((a) => {
      const as = assessments.get(a.id);
      return {
        account: { id: a.id, name: a.name, renewalDate: a.renewalDate },
        assessment: as ? { id: as.id, asOf: as.asOf, score: as.score, level: as.level, factors: as.factors } : null,
        recommendations: (recs.get(a.id) ?? []).map((r) => ({ id: r.id, title: r.title, kind: r.kind, priority: r.priority, dueAt: r.dueAt, evidence: r.evidence })),
      };
    });
    const cited = [...new Set(accounts.flatMap((a) => [
      ...(a.assessment?.factors.flatMap((f) => f.evidence) ?? []), ...a.recommendations.flatMap((r) => r.evidence.map((e) => e.signalId)),
    ]))];
    const signals: Record<string, SignalRef> = {};
    for (const s of await getSignalsByIds(deps.db, cited)) signals[s.id!] = { id: s.id!, kind: s.kind, occurredAt: s.occurredAt, text: signalText(s) };
    const previous = input.accountId ? null : await latestCsmBrief(deps.db, csm.id, input.asOf);
    const content = composeBrief({
      csm: { id: csm.id, name: csm.name }, asOf: input.asOf, accounts, signals, windowDays: prefs.windowDays,
      previous: previous ? { id: previous.id, content: previous.content } : null,
    });
    const { brief, created } = await insertBrief(deps.db, {
      key: input.key, csmId: csm.id, accountId: input.accountId ?? null, asOf: input.asOf, content, createdBy: input.createdBy ?? null,
    });
    return { briefId: brief.id, created, accounts: brief.content.accounts.length };
  }

  async function emailBrief(input: { briefId: string }): Promise<BriefDelivered> {
    const brief = await getBrief(deps.db, input.briefId);
    if (!brief) throw fail('NotFound', `brief ${input.briefId} not found`);
    if (brief.delivery.emailSentAt) return { briefId: brief.id, outcome: 'already' };
    if (!settings.smtpUrl) return { briefId: brief.id, outcome: 'skipped', reason: 'no SMTP_URL configured' };
    if (!settings.mailFrom) return { briefId: brief.id, outcome: 'skipped', reason: 'no MAIL_FROM configured' };
    const csm = brief.csmId ? await getUser(deps.db, brief.csmId) : null;
    if (!csm?.email) return { briefId: brief.id, outcome: 'skipped', reason: 'the CSM has no email address' };
    const claimed = await claimBriefEmail(deps.db, brief.id, { messageId: briefMessageId(brief.id, deps.ourDomains?.[0] ?? 'account-agents.local'), to: csm.email });
    try {
      await sender().send({
        messageId: claimed.delivery.emailMessageId!, from: settings.mailFrom, to: [claimed.delivery.emailTo!],
        subject: briefSubject(brief.content), body: renderBriefText(brief.content), html: renderBriefHtml(brief.content),
      });
    } catch (err) {
      await markBriefEmailError(deps.db, brief.id, String((err as Error).message ?? err));
      throw err;
    }
    await markBriefEmailSent(deps.db, brief.id);
    return { briefId: brief.id, outcome: 'sent' };
  }

  async function postBriefWebhook(input: { briefId: string }): Promise<BriefDelivered> {
    const brief = await getBrief(deps.db, input.briefId);
    if (!brief) throw fail('NotFound', `brief ${input.briefId} not found`);
    if (brief.delivery.webhookPostedAt) return { briefId: brief.id, outcome: 'already' };
    if (!settings.webhookUrl) return { briefId: brief.id, outcome: 'skipped', reason: 'no ACTION_WEBHOOK_URL configured' };
    await postWebhook(settings.webhookUrl, briefWebhookMessage(brief.content));
    await markBriefWebhookPosted(deps.db, brief.id);
    return { briefId: brief.id, outcome: 'sent' };
  }

  return { composeAndStoreBrief, emailBrief, postBriefWebhook };
}

/** The Slack-compatible post: the headline, then one line per account with its top factor. */
function briefWebhookMessage(b: ReturnType<typeof composeBrief>): WebhookMessage {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = b.accounts.slice(0, 10).map((a, i) => `${i + 1}. *${esc(a.name)}*: ${a.level} ${a.score}/100, ${a.daysLeft} days to renewal${a.factors[0] ? `; ${esc(a.factors[0].explanation)}` : ''}`);
  return {
    text: `${briefSubject(b)}: ${b.headline}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${esc(briefSubject(b))}* for ${esc(b.csm.name)}\n${esc(b.headline)}` } },
      ...(lines.length ? [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n').slice(0, 2900) } }] : []),
    ],
  };
}
