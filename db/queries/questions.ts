import { z } from 'zod';
import type { Queryable } from '../connection.js';

export const QuestionRow = z.object({
  id: z.string(), account_id: z.string(), question: z.string(), answer: z.string(), intent: z.string().nullable(),
  reasoner: z.string().nullable(), citations: z.array(z.unknown()), asked_by: z.string().nullable(), created_at: z.string(),
}).transform((r) => ({
  id: r.id, accountId: r.account_id, question: r.question, answer: r.answer, intent: r.intent, reasoner: r.reasoner,
  citations: r.citations as Array<{ signalId: string; excerpt: string; occurredAt: string }>, askedBy: r.asked_by, createdAt: r.created_at,
}));
export type QuestionRecord = z.output<typeof QuestionRow>;

export interface NewQuestion {
  accountId: string; question: string; answer: string; intent: string; reasoner: string;
  citations: unknown[]; askedBy?: string | null;
}

export async function insertQuestion(db: Queryable, q: NewQuestion): Promise<QuestionRecord> {
  const { rows } = await db.query(
    `insert into questions (account_id, question, answer, intent, reasoner, citations, asked_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning *`,
    [q.accountId, q.question, q.answer, q.intent, q.reasoner, JSON.stringify(q.citations), q.askedBy ?? null]);
  return QuestionRow.parse(rows[0]);
}

export async function listQuestions(db: Queryable, accountId: string, limit = 50): Promise<QuestionRecord[]> {
  const { rows } = await db.query('select * from questions where account_id = $1 order by created_at desc limit $2', [accountId, limit]);
  return rows.map((r) => QuestionRow.parse(r));
}
