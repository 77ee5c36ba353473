// The coalescing notifier, with a send we settle by hand: at most one notification in flight per
// account, arrivals meanwhile folded into exactly one more, a global cap with FIFO waiting, and a
// failure handed to the caller (the sweeper's), never retried here.
import { describe, expect, it } from 'vitest';
import { CoalescingNotifier, type NotifyRef } from '../../workflows/notifier.js';
import type { SignalsArrived } from '../../workflows/account/messages.js';

interface Call { ref: NotifyRef; payload: SignalsArrived; resolve(): void; reject(err: Error): void }

function harness(maxInFlight?: number) {
  const calls: Call[] = [];
  const notifier = new CoalescingNotifier({
    maxInFlight,
    send: (ref, payload) => new Promise<void>((resolve, reject) => { calls.push({ ref, payload, resolve, reject }); }),
  });
  return { calls, notifier };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('CoalescingNotifier', () => {
  it('sends once per account while one is in flight, then exactly once more with the arrivals summed', async () => {
    const { calls, notifier } = harness();
    notifier.notify({ accountId: 'a' }, { count: 2, reason: 'signals' });
    for (let i = 0; i < 5; i += 1) notifier.notify({ accountId: 'a' }, { count: 3, reason: 'signals' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.payload).toEqual({ count: 2, reason: 'signals' });
    calls[0]!.resolve();
    await tick();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.payload).toEqual({ count: 15, reason: 'signals' });
    calls[1]!.resolve();
    await tick();
    expect(calls).toHaveLength(2);
    expect(notifier.settled).toBe(true);
    expect(notifier.stats).toEqual({ requested: 6, sent: 2, failed: 0 });
  });

  it('runs different accounts side by side up to the cap, the rest in arrival order', async () => {
    const { calls, notifier } = harness(2);
    for (const id of ['a', 'b', 'c', 'd']) notifier.notify({ accountId: id }, { count: 1 });
    notifier.notify({ accountId: 'c' }, { count: 1 });
    expect(calls.map((c) => c.ref.accountId)).toEqual(['a', 'b']);
    calls[1]!.resolve();
    await tick();
    // 'c' was asked for twice while waiting: one send, counts added.
    expect(calls.map((c) => c.ref.accountId)).toEqual(['a', 'b', 'c']);
    expect(calls[2]!.payload.count).toBe(2);
    calls[0]!.resolve();
    await tick();
    expect(calls.map((c) => c.ref.accountId)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('hands a failure to the caller and does not retry; the arrivals folded behind it are reported too', async () => {
    const { calls, notifier } = harness();
    const errors: string[] = [];
    const onError = (err: unknown, id: string) => errors.push(`${id}: ${(err as Error).message}`);
    notifier.notify({ accountId: 'a' }, { count: 1 }, onError);
    notifier.notify({ accountId: 'a' }, { count: 1 }, onError);
    calls[0]!.reject(new Error('Temporal down'));
    await tick();
    expect(calls).toHaveLength(1);
    expect(errors).toEqual(['a: Temporal down', 'a: not sent: the notification before it failed']);
    expect(notifier.settled).toBe(true);
    // A later arrival is tried afresh.
    notifier.notify({ accountId: 'a' }, { count: 1 }, onError);
    expect(calls).toHaveLength(2);
  });

  it('drain resolves when everything asked for has settled, and says false when it runs out of time', async () => {
    const { calls, notifier } = harness();
    expect(await notifier.drain(10)).toBe(true);
    notifier.notify({ accountId: 'a' });
    expect(await notifier.drain(20)).toBe(false);
    const drained = notifier.drain(1000);
    calls[0]!.resolve();
    expect(await drained).toBe(true);
  });
});
