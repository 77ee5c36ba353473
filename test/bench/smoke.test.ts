// Every benchmark in its smoke mode (a few seconds each), so none rots. Figures are printed, not
// asserted, and smoke runs never write BENCHMARKS.md: CI never fails on a timing.
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { BENCHMARKS_MD } from '../../evals/bench/lib.js';
import { runAssessCost } from '../../evals/bench/assess-cost.js';
import { runRetrieval } from '../../evals/bench/retrieval.js';
import { runLatency } from '../../evals/bench/latency.js';
import { runThroughput } from '../../evals/bench/throughput.js';
import { runCapacity } from '../../evals/bench/capacity.js';
import { runMboxImport } from '../../evals/bench/mbox-import.js';
import { runAskBench } from '../../evals/bench/ask.js';

const before = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : '';
const command = 'smoke';

describe('benchmarks (smoke)', () => {
  it('assessment cost', async () => {
    expect(await runAssessCost({ small: 5, large: 40, runs: 2, smoke: true, command })).toMatch(/40 signals: wall p50 [\d.]+ ms/);
  }, 120_000);
  it('memory retrieval', async () => {
    expect(await runRetrieval({ chunks: 1000, queries: 10, smoke: true, command })).toMatch(/top-10 per account over 10 queries/);
  }, 120_000);
  it('signal-to-recommendation latency', async () => {
    expect(await runLatency({ accounts: 5, rate: 2, duration: 2, debounceMs: 0, smoke: true, command })).toMatch(/n=[1-9]\d*\/\d+/);
  }, 180_000);
  it('ingest throughput', async () => {
    expect(await runThroughput({ accounts: 3, duration: 2, batch: 5, concurrency: 2, smoke: true, command })).toMatch(/fully processed \d+\/s/);
  }, 180_000);
  it('account capacity', async () => {
    expect(await runCapacity({ accounts: 5, signalsPerAccount: 2, smoke: true, command })).toMatch(/5 accounts × 2 signals/);
  }, 180_000);
  it('mbox import', async () => {
    expect(await runMboxImport({ messages: 150, smoke: true, command })).toMatch(/150 messages: 150 stored/);
  }, 180_000);
  it('ask latency', async () => {
    expect(await runAskBench({ signals: 30, rounds: 1, smoke: true, command })).toMatch(/10 questions/);
  }, 180_000);
  it('smoke runs leave BENCHMARKS.md alone', () => {
    expect(existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : '').toBe(before);
  });
});
