// What every tool receives: the database and memory, bound to ONE account and one moment, so a
// tool can never read another account's data whatever the model asks.
import type { Db } from '../db/connection.js';

export interface ToolHit { signalId: string; kind: string; occurredAt: string; excerpt: string; speaker?: string | null; score: number }

export interface ToolDeps {
  db: Db;
  accountId: string;
  asOf: string;
  search(q: { query: string; k?: number; kinds?: string[]; speaker?: string; after?: string }): Promise<ToolHit[]>;
}
