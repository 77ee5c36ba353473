// A human's decision on a recommendation, applied to its row with an audit entry.
import { ApplicationFailure } from '@temporalio/activity';
import { withTransaction } from '../../db/tx.js';
import { getRecommendation, setRecommendationStatus, type Recommendation } from '../../db/queries/recommendations.js';
import { insertAudit } from '../../db/queries/audit.js';
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
        if (again) return { recommendationId: rec.id, status };
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
        return { recommendationId: rec.id, status };
      });
    },
  };
}
