// Tasks: what an approved recommendation becomes when it is not an email we send.
import { z } from 'zod';
import type { Queryable } from '../connection.js';

export const TaskRow = z.object({
  id: z.string(),
  recommendation_id: z.string(),
  account_id: z.string(),
  owner_id: z.string().nullable(),
  title: z.string(),
  body: z.string().nullable(),
  due_at: z.string().nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  webhook_posted_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
}).transform((r) => ({
  id: r.id, recommendationId: r.recommendation_id, accountId: r.account_id, ownerId: r.owner_id, title: r.title,
  body: r.body, dueAt: r.due_at, status: r.status, webhookPostedAt: r.webhook_posted_at, createdAt: r.created_at, updatedAt: r.updated_at,
}));
export type Task = z.output<typeof TaskRow>;

export interface NewTask { recommendationId: string; accountId: string; ownerId: string | null; title: string; body?: string | null; dueAt?: string | null }

/** One task per recommendation: a second call returns the task already stored. */
export async function putTask(db: Queryable, t: NewTask): Promise<{ task: Task; created: boolean }> {
  const ins = await db.query(
    `insert into tasks (recommendation_id, account_id, owner_id, title, body, due_at) values ($1, $2, $3, $4, $5, $6)
     on conflict (recommendation_id) do nothing returning *`,
    [t.recommendationId, t.accountId, t.ownerId, t.title, t.body ?? null, t.dueAt ?? null]);
  if (ins.rows[0]) return { task: TaskRow.parse(ins.rows[0]), created: true };
  const task = await getTaskForRecommendation(db, t.recommendationId);
  if (!task) throw new Error(`task for ${t.recommendationId} vanished`);
  return { task, created: false };
}

export async function getTaskForRecommendation(db: Queryable, recommendationId: string): Promise<Task | null> {
  const { rows } = await db.query('select * from tasks where recommendation_id = $1', [recommendationId]);
  return rows[0] ? TaskRow.parse(rows[0]) : null;
}

export async function listTasks(db: Queryable, f: { ownerId?: string; accountId?: string; status?: string } = {}): Promise<Task[]> {
  const { rows } = await db.query(
    `select * from tasks where ($1::text is null or owner_id = $1) and ($2::text is null or account_id = $2)
       and ($3::text is null or status = $3) order by due_at nulls last, created_at`,
    [f.ownerId ?? null, f.accountId ?? null, f.status ?? null]);
  return rows.map((r) => TaskRow.parse(r));
}

export async function markTaskWebhookPosted(db: Queryable, id: string): Promise<void> {
  await db.query('update tasks set webhook_posted_at = coalesce(webhook_posted_at, now()), updated_at = now() where id = $1', [id]);
}
