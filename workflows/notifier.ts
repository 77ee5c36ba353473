// Coalesced "new rows" notifications, so a request that stored signals answers without waiting for a
// Temporal round trip (each POST awaiting its own signalWithStart capped ingest at the round-trip rate).
// Per account at most one notification is in flight; arrivals meanwhile mark the account dirty and
// cause exactly one more once it settles. The rows are stored (pending) before a notification is asked
// for, so one that fails, or is lost with the process, is recovered by the sweeper, which re-signals
// accounts whose rows stay pending: nothing here retries.
import type { SignalsArrived } from './account/messages.js';

export interface NotifyRef { accountId: string; ownerId?: string | null }

export interface NotifierOptions {
  send(ref: NotifyRef, payload: SignalsArrived): Promise<void>;
  /** Notifications in flight across all accounts; further accounts wait their turn (FIFO). */
  maxInFlight?: number;
}

export interface NotifierStats { requested: number; sent: number; failed: number }

type OnError = (err: unknown, accountId: string) => void;
interface Queued { ref: NotifyRef; payload: SignalsArrived; onError?: OnError }

/** Two arrivals as one: counts add up, the later reason and owner win. */
function merge(a: Queued | undefined, b: Queued): Queued {
  if (!a) return b;
  const count = a.payload.count === undefined && b.payload.count === undefined ? undefined : (a.payload.count ?? 0) + (b.payload.count ?? 0);
  return { ref: b.ref, payload: { ...a.payload, ...b.payload, ...(count === undefined ? {} : { count }) }, onError: b.onError ?? a.onError };
}

export class CoalescingNotifier {
  /** Account id → what arrived while its notification was in flight (undefined: nothing, not dirty). */
  private readonly inFlight = new Map<string, Queued | undefined>();
  /** Accounts waiting for a free slot, in arrival order (a Map keeps insertion order). */
  private readonly waiting = new Map<string, Queued>();
  private readonly maxInFlight: number;
  private idle: Array<() => void> = [];
  readonly stats: NotifierStats = { requested: 0, sent: 0, failed: 0 };

  constructor(private readonly opts: NotifierOptions) {
    this.maxInFlight = Math.max(1, opts.maxInFlight ?? 32);
  }

  /** Asks for a notification and returns at once; `onError` hears of a failed send (left to the sweeper). */
  notify(ref: NotifyRef, payload: SignalsArrived = {}, onError?: OnError): void {
    this.stats.requested += 1;
    const q: Queued = { ref, payload, onError };
    const id = ref.accountId;
    if (this.inFlight.has(id)) this.inFlight.set(id, merge(this.inFlight.get(id), q));
    else if (this.waiting.has(id) || this.inFlight.size >= this.maxInFlight) this.waiting.set(id, merge(this.waiting.get(id), q));
    else this.start(q);
  }

  /** Nothing in flight or waiting. */
  get settled(): boolean {
    return this.inFlight.size === 0 && this.waiting.size === 0;
  }

  /** Resolves when every notification asked for so far has settled, or after `withinMs` (false then). */
  drain(withinMs: number): Promise<boolean> {
    if (this.settled) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), withinMs);
      this.idle.push(() => { clearTimeout(timer); resolve(true); });
    });
  }

  private start(q: Queued): void {
    const id = q.ref.accountId;
    this.inFlight.set(id, undefined);
    this.opts.send(q.ref, q.payload).then(
      () => { this.stats.sent += 1; this.settle(id, true); },
      (err) => { this.stats.failed += 1; q.onError?.(err, id); this.settle(id, false); },
    );
  }

  private settle(id: string, ok: boolean): void {
    const dirty = this.inFlight.get(id);
    this.inFlight.delete(id);
    // After a failure Temporal is likely down: the arrivals' rows are pending, the sweeper has them.
    if (dirty && ok) this.start(dirty);
    else if (dirty) dirty.onError?.(new Error('not sent: the notification before it failed'), id);
    while (this.inFlight.size < this.maxInFlight && this.waiting.size > 0) {
      const [next, q] = this.waiting.entries().next().value!;
      this.waiting.delete(next);
      this.start(q);
    }
    if (this.settled) for (const resolve of this.idle.splice(0)) resolve();
  }
}
