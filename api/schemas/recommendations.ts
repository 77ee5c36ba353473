import { z } from 'zod';
import { RecommendationKind, RecommendationStatus } from '../../agents/vocabulary.js';
import { Evidence, Draft } from '../../agents/recommendation.js';
import { isoInstant } from '../../agents/signals/schema.js';

export const RecommendationView = z.object({
  id: z.string(), accountId: z.string(), accountName: z.string().optional(), assessmentId: z.string().nullable(),
  kind: z.string(), target: z.string(), title: z.string(), rationale: z.string(), evidence: z.array(Evidence),
  priority: z.number(), dueAt: z.string().nullable(), draft: Draft.nullable(), factors: z.array(z.string()),
  status: z.string(), statusReason: z.string().nullable(), snoozedUntil: z.string().nullable(),
  decidedBy: z.string().nullable(), decidedAt: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
});

export const InboxQuery = z.object({
  status: z.union([RecommendationStatus, z.string().transform((s, ctx) => {
    const parts = s.split(',');
    for (const p of parts) {
      if (!RecommendationStatus.safeParse(p).success) ctx.addIssue({ code: 'custom', message: `unknown status ${p}` });
    }
    return parts;
  })]).optional(),
  owner: z.string().max(128).optional(),
  account: z.string().max(128).optional(),
  /** One recommendation kind (DESIGN.md), filtered in the query so a page of `limit` is all of that kind. */
  kind: RecommendationKind.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const DecisionBody = z.object({
  decision: z.enum(['approve', 'edit', 'reject', 'snooze']),
  edit: z.object({
    title: z.string().min(1).max(300).optional(),
    draft: z.object({
      // A line break in a header would let an edit add headers of its own.
      subject: z.string().max(500).regex(/^[^\r\n]*$/, 'must be one line').optional(),
      body: z.string().max(20_000).optional(),
      to: z.array(z.email()).max(50).optional(),
    }).optional(),
    dueAt: isoInstant().optional(),
  }).optional(),
  reason: z.string().max(2000).optional(),
  until: isoInstant().optional(),
}).superRefine((d, ctx) => {
  if (d.decision === 'snooze' && !d.until) ctx.addIssue({ code: 'custom', path: ['until'], message: 'required when decision is snooze' });
  if (d.decision === 'edit' && !d.edit) ctx.addIssue({ code: 'custom', path: ['edit'], message: 'required when decision is edit' });
});

export const AskBody = z.object({ question: z.string() });
export const AskReply = z.object({
  answer: z.string(),
  citations: z.array(z.object({ signalId: z.string(), excerpt: z.string(), occurredAt: z.string() })),
  intent: z.string(),
  reasoner: z.string(),
});
