import { z } from 'zod';
import type { Queryable } from '../connection.js';
import type { Factor } from '../../agents/risk/types.js';

export const AssessmentRow = z.object({
  id: z.string(),
  account_id: z.string(),
  run_key: z.string(),
  as_of: z.string(),
  score: z.number(),
  level: z.string(),
  factors: z.array(z.unknown()),
  opportunities: z.array(z.unknown()),
  next_change_at: z.string().nullable(),
  reasoner: z.string(),
  signal_count: z.number(),
  created_at: z.string(),
}).transform((r) => ({
  id: r.id, accountId: r.account_id, runKey: r.run_key, asOf: r.as_of, score: r.score, level: r.level,
  factors: r.factors as Factor[], opportunities: r.opportunities as Factor[], nextChangeAt: r.next_change_at,
  reasoner: r.reasoner, signalCount: r.signal_count, createdAt: r.created_at,
}));
export type AssessmentRecord = z.output<typeof AssessmentRow>;

export interface NewAssessment {
  accountId: string;
  runKey: string;
  asOf: string;
  score: number;
  level: string;
  factors: Factor[];
  opportunities: Factor[];
  nextChangeAt?: string | null;
  reasoner: string;
  signalCount: number;
}

// Keyed by the run: a retried activity finds its own row instead of writing a second one.
const INSERT = `
  insert into assessments (account_id, run_key, as_of, score, level, factors, opportunities, next_change_at, reasoner, signal_count)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  on conflict (run_key) do nothing
  returning *`;

export async function insertAssessment(db: Queryable, a: NewAssessment): Promise<{ record: AssessmentRecord; created: boolean }> {
  const ins = await db.query(INSERT, [
    a.accountId, a.runKey, a.asOf, a.score, a.level, JSON.stringify(a.factors), JSON.stringify(a.opportunities),
    a.nextChangeAt ?? null, a.reasoner, a.signalCount,
  ]);
  if (ins.rows[0]) return { record: AssessmentRow.parse(ins.rows[0]), created: true };
  const { rows } = await db.query('select * from assessments where run_key = $1', [a.runKey]);
  return { record: AssessmentRow.parse(rows[0]), created: false };
}

export async function listAssessments(db: Queryable, accountId: string, limit = 50): Promise<AssessmentRecord[]> {
  const { rows } = await db.query(
    'select * from assessments where account_id = $1 order by as_of desc, created_at desc limit $2', [accountId, limit]);
  return rows.map((r) => AssessmentRow.parse(r));
}

export async function latestAssessment(db: Queryable, accountId: string): Promise<AssessmentRecord | null> {
  return (await listAssessments(db, accountId, 1))[0] ?? null;
}
