// A CSM's renewal-risk brief, once: compose and store it, then (a scheduled brief) email it to the
// CSM and post it to the webhook. Deterministic: every read and write happens in activities. The
// workflow id is the brief's key: a schedule names each run after its scheduled time, so a brief per
// CSM per scheduled time is stored (and sent) once however often an activity is retried.
import { ActivityFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { BriefWorkflowInput, BriefWorkflowResult } from './messages.js';

const { composeAndStoreBrief } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10, nonRetryableErrorTypes: ['NotFound'] },
});
// Delivery: a few attempts with backoff (an SMTP server or webhook briefly down); the brief stays
// stored and readable either way, and the failure is kept on the brief.
const { emailBrief, postBriefWebhook } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5, nonRetryableErrorTypes: ['NotFound'] },
});

async function delivered(run: () => Promise<{ outcome: 'sent' | 'already' | 'skipped'; reason?: string }>): Promise<NonNullable<BriefWorkflowResult['email']>> {
  try {
    const r = await run();
    return { outcome: r.outcome, ...(r.reason ? { reason: r.reason } : {}) };
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    return { outcome: 'failed', reason: err.cause?.message ?? err.message };
  }
}

export async function briefWorkflow(input: BriefWorkflowInput): Promise<BriefWorkflowResult> {
  const info = workflowInfo();
  const stored = await composeAndStoreBrief({
    key: info.workflowId, csmId: input.csmId, asOf: new Date().toISOString(), createdBy: input.createdBy ?? null, accountId: input.accountId ?? null,
  });
  if (!input.deliver) return { ...stored, email: null, webhook: null };
  const [email, webhook] = await Promise.all([
    delivered(() => emailBrief({ briefId: stored.briefId })),
    delivered(() => postBriefWebhook({ briefId: stored.briefId })),
  ]);
  return { ...stored, email, webhook };
}
