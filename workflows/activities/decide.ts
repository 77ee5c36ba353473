// A human's decision on a recommendation, applied to its row with an audit entry. Carrying out an
// approval is the `act` activity's job (act.ts), run by the workflow once the decision is recorded.
import { ApplicationFailure } from '@temporalio/activity';
import type pg from 'pg';
import { withTransaction } from '../../db/tx.js';
import { getRecommendation, setRecommendationStatus, type Recommendation } from '../../db/queries/recommendations.js';
import { insertAudit } from '../../db/queries/audit.js';
import { getAccount } from '../../db/queries/accounts.js';
import { insertSignals } from '../../db/queries/signals.js';
import { getUser } from '../../db/queries/users.js';
import type { DecideInput, DecideResult } from '../account/messages.js';
import type { ActivityDeps } from './index.js';

const STATUS_OF = { approve: 'approved', edit: 'edited', reject: 'rejected', snooze: 'snoozed' } as const;

/** What a decision can change, as the audit log records it before and after. */
const decidedFields = (r: Recommendation) => ({
  status: r.status, statusReason: r.statusReason, snoozedUntil: r.snoozedUntil, title: r.title, draft: r.draft, dueAt: r.dueAt,
});

export function createDecisionActivities(deps: Pick<ActivityDeps, 'db'>) {
  return {
    async decide(input: DecideInput & { accountId: string }): Promise<DecideResult> {
      return withTransaction(deps.db, async (tx) => {
        const rec = await getRecommendation(tx, input.recommendationId);
        if (!rec || rec.accountId !== input.accountId) {
          throw ApplicationFailure.create({ type: 'NotFound', message: `recommendation ${input.recommendationId} not found`, nonRetryable: true });
        }
        const status = STATUS_OF[input.decision];
        // The same decision delivered twice is a no-op (a snooze to another time is a new decision);
        // a different one on a closed item is a conflict.
        const again = rec.status === status && (input.decision !== 'snooze' || Date.parse(rec.snoozedUntil ?? '') === Date.parse(input.until ?? ''));
        if (again) return { recommendationId: rec.id, status, ...(rec.snoozedUntil ? { snoozedUntil: rec.snoozedUntil } : {}) };
        // Approving again what is approved, being carried out or done: nothing new happens (never a second email).
        if (input.decision === 'approve' && ['approved', 'edited', 'done'].includes(rec.status)) return { recommendationId: rec.id, status: rec.status };
        if (!['proposed', 'snoozed'].includes(rec.status)) {
          throw ApplicationFailure.create({ type: 'Conflict', message: `recommendation is already ${rec.status}`, nonRetryable: true });
        }
        const draft = input.edit?.draft && rec.draft ? { ...rec.draft, ...input.edit.draft } : undefined;
        const after = await setRecommendationStatus(tx, rec.id, {
          status, reason: input.reason, snoozedUntil: input.decision === 'snooze' ? input.until : null,
          decidedBy: input.decidedBy, title: input.edit?.title, draft: draft as never, dueAt: input.edit?.dueAt,
        });
        await insertAudit(tx, {
          actor: input.decidedBy ?? null, action: `recommendation.${input.decision}`, entity: 'recommendation', entityId: rec.id,
          details: { reason: input.reason ?? null, accountId: input.accountId, before: decidedFields(rec), after: after && decidedFields(after) },
        });
        if (input.decision === 'reject' && input.reason === 'already_done') {
          const touch = await recordTouch(tx, rec, input.decidedBy ?? null);
          return { recommendationId: rec.id, status, touchSignalId: touch };
        }
        return { recommendationId: rec.id, status, ...(input.decision === 'snooze' && input.until ? { snoozedUntil: input.until } : {}) };
      });
    },
  };
}

/**
 * "Already done" means we reached them outside the product: the account's timeline gets a note by the
 * owner saying so (once per recommendation). The risk model counts this note (source 'decision',
 * external id 'already-done:…', the draft's recipients in its text) as our outreach, like an email we
 * sent: agents/stakeholders.ts isRecordedTouch. Change its shape there too.
 */
async function recordTouch(tx: pg.PoolClient, rec: Recommendation, decidedBy: string | null): Promise<string> {
  const account = await getAccount(tx, rec.accountId);
  const ownerId = account?.ownerId ?? decidedBy;
  const owner = ownerId ? await getUser(tx, ownerId) : null;
  const author = owner?.name ?? ownerId ?? 'the owner';
  const ins = await insertSignals(tx, rec.accountId, [{
    kind: 'note', occurredAt: new Date().toISOString(), source: 'decision', externalId: `already-done:${rec.id}`,
    author, text: `${author} already did this: ${rec.title}${rec.draft?.to?.length ? ` (with ${rec.draft.to.join(', ')})` : ''}.`,
  }]);
  const signalId = (ins.stored[0] ?? ins.duplicates[0]).id;
  await insertAudit(tx, {
    actor: decidedBy, action: 'recommendation.touch', entity: 'recommendation', entityId: rec.id,
    details: { accountId: rec.accountId, signalId, kind: 'note', author },
  });
  return signalId;
}
