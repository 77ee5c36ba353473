// Every benchmark in its smoke mode (a few seconds each), so none rots. Figures are printed, never
// asserted: the checks below read only the shape of what a benchmark reports (every figure it must
// name is there), never a timing, so CI never fails on a slow machine. Smoke runs never write
// BENCHMARKS.md.
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { BENCHMARKS_MD } from '../../evals/bench/lib.js';
import { runAssessCost } from '../../evals/bench/assess-cost.js';
import { runIngestCost } from '../../evals/bench/ingest-cost.js';
import { runRetrieval } from '../../evals/bench/retrieval.js';
import { runLatency } from '../../evals/bench/latency.js';
import { runThroughput } from '../../evals/bench/throughput.js';
import { runCapacity } from '../../evals/bench/capacity.js';
import { runMboxImport } from '../../evals/bench/mbox-import.js';
import { runAskBench } from '../../evals/bench/ask.js';
import { runImportSources } from '../../evals/bench/import-sources.js';
import { runTemporalCeiling } from '../../evals/bench/temporal-ceiling.js';
import { runUiBench } from '../../evals/bench/ui.js';

const before = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : '';
const command = 'smoke';
const MEMORY = /total \d+ MiB \(product \d+ \+ Temporal \d+/;

describe('benchmarks (smoke)', () => {
  it('assessment cost', async () => {
    expect(await runAssessCost({ small: 5, large: 40, runs: 2, smoke: true, command })).toMatch(/40 signals: wall p50 [\d.]+ ms/);
  }, 120_000);
  it('ingest cost per stage', async () => {
    expect(await runIngestCost({ accounts: 2, rounds: 1, batch: 6, smoke: true, command }))
      .toMatch(/\(12 signals measured\): CPU per signal accept [\d.]+ ms, remember [\d.]+ ms, assess [\d.]+ ms \([\d.]+ ms per assessment\), total [\d.]+ ms/);
  }, 300_000);
  it('memory retrieval', async () => {
    expect(await runRetrieval({ chunks: 1000, queries: 10, smoke: true, command })).toMatch(/top-10 per account over 10 queries/);
  }, 120_000);
  it('signal-to-recommendation latency: every sample counted, misses included', async () => {
    const figures = await runLatency({ accounts: 5, rate: 2, duration: 2, debounceMs: 2000, smoke: true, command });
    expect(figures).toMatch(/n=[1-9]\d*, misses \d+ \([\d.]+ %\), p50 (\d+(\.\d+)? ms|timeout), p95 (\d+(\.\d+)? ms|timeout)/);
    expect(figures).toMatch(MEMORY);
  }, 240_000);
  it('ingest throughput, read against the raw ceiling of the same run', async () => {
    const figures = await runThroughput({ accounts: 3, duration: 2, batch: 5, concurrency: 2, ceilingDuration: 2, smoke: true, command });
    expect(figures).toMatch(/fully processed \d+\/s/);
    expect(figures).toMatch(/processed \d+\/s = [\d.]+× the raw ceiling of \d+\/s measured in this run/);
    expect(figures).toMatch(MEMORY);
  }, 300_000);
  it('temporal ceiling', async () => {
    expect(await runTemporalCeiling({ workflows: 3, clients: 2, duration: 2, smoke: true, command })).toMatch(/\d+ round trips\/s \([1-9]\d* signal → no-op activity round trips/);
  }, 240_000);
  it('account capacity: every account checked, every process counted', async () => {
    const figures = await runCapacity({ accounts: 5, signalsPerAccount: 2, smoke: true, command });
    expect(figures).toMatch(/5 accounts × 2 signals .*all 5 assessed/);
    expect(figures).toMatch(MEMORY);
  }, 240_000);
  it('mbox import: stored and fully processed, with the default debounce', async () => {
    const figures = await runMboxImport({ messages: 150, timeoutS: 300, smoke: true, command });
    expect(figures).toMatch(/^debounce \d+ ms \(product default\)/);
    expect(figures).toMatch(/150 messages: 150 stored in [\d.]+ s = \d+ stored\/s; all 150 processed in [\d.]+ s = \d+ fully processed\/s/);
    expect(figures).toMatch(/at end of processing total \d+ MiB .* peak total \d+ MiB/);
  }, 420_000);
  it('ask latency with concurrent clients', async () => {
    expect(await runAskBench({ signals: 30, rounds: 1, clients: 2, smoke: true, command })).toMatch(/2 concurrent clients, 20 questions .* [\d.]+ answers\/s/);
  }, 240_000);
  it('calendar and chat import', async () => {
    expect(await runImportSources({ series: 2, meetings: 10, days: 2, perDay: 5, smoke: true, command })).toMatch(/ICS: .* calendar signals .*Slack export: .* chat signals/);
  }, 180_000);
  it('web app render times and the send rate of approved emails', async () => {
    const figures = await runUiBench({ accounts: 20, recommendations: 60, rounds: 1, sends: 3, clients: 2, smoke: true, command });
    expect(figures).toMatch(/inbox first card \d+ ms, all 60 cards shown \d+ ms .*accounts table \d+ ms for 20 rows/);
    expect(figures).toMatch(/warm \(workflows running\) 3\/3 in [\d.]+ s = [\d.]+\/s .*cold .* 3\/3 in [\d.]+ s/);
  }, 300_000);
  it('smoke runs leave BENCHMARKS.md alone', () => {
    expect(existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : '').toBe(before);
  });
});
