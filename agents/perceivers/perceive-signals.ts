// The perception stage: reads each signal that has no reading from the configured perceiver (new
// signals, and stale readings after a version or perceiver change), and stores what it read.
import type { Queryable } from '../../db/connection.js';
import { listUnreadSignalIds, storeReadings, type StoredReading } from '../../db/queries/signals.js';
import type { Signal } from '../signals/schema.js';
import { perceiverKey, readWith, type PerceiveContext, type Perceiver } from './types.js';

export interface PerceiveStageOptions {
  /**
   * Stale readings (from another perceiver or version) read again per run; new signals are always
   * read. Bounds one assessment's cost after a switch to the llm perceiver; `npm run reperceive`
   * reads the rest in bulk. Default: all.
   */
  maxStalePerRun?: number;
  /** Readings in flight at once (an LLM perceiver waits on the network). Default 1. */
  concurrency?: number;
}

export interface PerceiveStageInput {
  accountId: string;
  /** The signals the run sees (oldest first); readings already stored are on them. */
  signals: Signal[];
  ctx: PerceiveContext;
  /** The run's moment: only signals up to it are in `signals`. */
  before?: string;
  /** False for dry runs: read, but store nothing. */
  write: boolean;
}

export interface PerceiveStageResult {
  /** The same signals, each with its current insights. */
  signals: Signal[];
  /** The signals read by this call. */
  read: Signal[];
}

export async function mapLimit<T, R>(items: T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  });
  await Promise.all(lanes);
  return out;
}

export async function perceiveSignals(
  deps: { db: Queryable; perceiver: Perceiver; options?: PerceiveStageOptions }, input: PerceiveStageInput,
): Promise<PerceiveStageResult> {
  const { perceiver } = deps;
  const key = perceiverKey(perceiver);
  const unread = await listUnreadSignalIds(deps.db, input.accountId, key, input.before);
  const fresh = input.signals.filter((s) => !s.insights);
  const stale = input.signals.filter((s) => s.insights && unread.has(s.id));
  // Newest stale first: the recent past matters most to the next assessment.
  const budget = deps.options?.maxStalePerRun ?? Infinity;
  const todo = [...fresh, ...stale.slice(Math.max(0, stale.length - budget))];
  if (todo.length === 0) return { signals: input.signals, read: [] };

  const readings = await mapLimit(todo, deps.options?.concurrency ?? 1, async (s) => ({ s, r: await readWith(perceiver, s, input.ctx) }));
  if (input.write) {
    await storeReadings(deps.db, readings.map(({ s, r }): StoredReading => ({
      signalId: s.id, insights: r.insights, perceiver: r.perceiver, version: r.version, perceivedFor: key, fallback: r.fallback,
    })));
  }
  const byId = new Map(readings.map(({ s, r }) => [s.id, { ...s, insights: r.insights } as Signal]));
  return { signals: input.signals.map((s) => byId.get(s.id) ?? s), read: [...byId.values()] };
}
