// The benchmarks' bookkeeping: a miss counts in the percentiles, a row names its commit, and a row
// lands in its own section's table.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeVersion, ms, record, summarize, TABLE_HEADER } from '../../evals/bench/lib.js';
import { latencyFigures } from '../../evals/bench/latency.js';

const sample = (i: number, latencyMs: number | null) => ({ i, accountId: `a${i}`, at: i, postMs: 5, status: 202, signalId: `s${i}`, latencyMs });

describe('percentiles with misses', () => {
  it('counts a miss as +∞ rather than dropping it', () => {
    const s = summarize([10, 20, 30, Number.POSITIVE_INFINITY]);
    expect(s.n).toBe(4);
    expect(s.p50).toBe(20);
    expect(s.max).toBe(Number.POSITIVE_INFINITY);
    expect(ms(s.max)).toBe('timeout');
  });

  it('reads p95 as a timeout exactly when more than 5 % of samples missed', () => {
    const five = [...Array.from({ length: 95 }, (_, i) => sample(i, 100 + i)), ...Array.from({ length: 5 }, (_, i) => sample(95 + i, null))];
    const six = [...Array.from({ length: 94 }, (_, i) => sample(i, 100 + i)), ...Array.from({ length: 6 }, (_, i) => sample(94 + i, null))];
    expect(latencyFigures(five).text).toMatch(/misses 5 \(5\.0 %\), p50 149 ms, p95 194 ms, p99 timeout/);
    expect(latencyFigures(six).text).toMatch(/misses 6 \(6\.0 %\), p50 149 ms, p95 timeout/);
    expect(latencyFigures(six).misses.map((m) => m.i)).toEqual([94, 95, 96, 97, 98, 99]);
  });
});

describe('rows', () => {
  it('name the commit they were produced from', () => {
    expect(codeVersion()).toMatch(/^[0-9a-f]{7,}(-dirty)?$/);
    expect(codeVersion(tmpdir())).toMatch(/^unknown/);
  });

  it('go at the end of their own section, with date, commit, machine and load', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bench-md-')), 'BENCHMARKS.md');
    writeFileSync(file, `# Benchmarks\n\n## mbox import\n\n${TABLE_HEADER}| old | row |\n\n## mbox import, superseded\n\n| x |\n`);
    record('mbox import', 'npm run bench -- mbox', 'figures A', { file });
    record('temporal ceiling', 'npm run bench -- temporal-ceiling', 'figures B', { file });
    record('mbox import', 'npm run bench -- mbox', 'figures C', { smoke: true, file });
    const lines = readFileSync(file, 'utf8').split('\n');
    const a = lines.findIndex((l) => l.includes('figures A'));
    expect(lines[a - 1]).toBe('| old | row |');
    expect(lines[a]).toMatch(/^\| \d{4}-\d\d-\d\d \d\d:\d\d \| `([0-9a-f]{7,}(-dirty)?|unknown[^`]*)` \| \d+ cores, .*load [\d.]+ at start, [\d.]+ at end .*\| `npm run bench -- mbox` \| figures A \|$/);
    expect(lines.indexOf('## mbox import, superseded')).toBeGreaterThan(a);
    const b = lines.findIndex((l) => l.includes('figures B'));
    expect(lines.slice(b - 3, b)).toEqual(['## temporal ceiling', '', ...TABLE_HEADER.trimEnd().split('\n')].slice(1));
    expect(lines.some((l) => l.includes('figures C'))).toBe(false);
  });
});
