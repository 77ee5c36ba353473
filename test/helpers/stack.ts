// A whole product stack for integration tests: in-memory PGlite with the real migrations, the
// shared dev server, a worker on a task queue of its own, the app driven by `inject`.
import { inject } from 'vitest';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../config.js';
import { startStack, type Stack } from '../../stack.js';

export const ADMIN_TOKEN = 'test-admin-token';
export const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** `listen: true` serves on a free loopback port (stack.url), for tests that drive a browser. */
export async function startTestStack(env: Record<string, string> = {}, opts: { listen?: boolean } = {}): Promise<Stack> {
  const config = loadConfig({
    DATA_DIR: 'memory://',
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
    ADMIN_TOKEN,
    DEBOUNCE_MS: '100',
    SWEEP_INTERVAL_MS: '500',
    LOG_LEVEL: 'warn',
    OUR_DOMAINS: 'ourco.com',
    ...env,
  });
  return startStack(opts.listen ? { ...config, host: '127.0.0.1', port: 0 } : config, { listen: opts.listen ?? false, log: () => {} });
}

/** Polls until fn returns a truthy value (or throws after timeoutMs). */
export async function eventually<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 15_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A unique account id per test, so workflows on the shared dev server never collide. */
export const uniqueId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
