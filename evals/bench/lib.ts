// Shared by the benchmarks: machine facts, percentiles, and the dated row each run appends to
// BENCHMARKS.md with the exact command that produced it.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export const BENCHMARKS_MD = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));

export function machine(): string {
  return `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(values: number[]): { n: number; p50: number; p95: number; p99: number; max: number; mean: number } {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? Number.NaN,
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
  };
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

/** Appends one dated row under the benchmark's heading (created on first use). */
export function record(bench: string, command: string, figures: string, opts: { smoke?: boolean } = {}): void {
  if (opts.smoke) return; // smoke runs keep the benchmark from rotting; they do not report figures
  const heading = `## ${bench}`;
  if (!existsSync(BENCHMARKS_MD)) writeFileSync(BENCHMARKS_MD, '# Benchmarks\n\nEach row is one run: date, machine, the exact command, the figures.\n');
  const text = readFileSync(BENCHMARKS_MD, 'utf8');
  const row = `| ${new Date().toISOString().slice(0, 16).replace('T', ' ')} | ${machine()} | \`${command}\` | ${figures} |\n`;
  if (!text.includes(heading)) {
    appendFileSync(BENCHMARKS_MD, `\n${heading}\n\n| date (UTC) | machine | command | figures |\n|---|---|---|---|\n${row}`);
    return;
  }
  // Insert the row at the end of that section's table.
  const start = text.indexOf(heading);
  const next = text.indexOf('\n## ', start + heading.length);
  const end = next === -1 ? text.length : next;
  const section = text.slice(start, end).replace(/\n*$/, '\n');
  writeFileSync(BENCHMARKS_MD, text.slice(0, start) + section + row + (next === -1 ? '' : text.slice(end)));
}

export function parseArgs(argv: string[]): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const key = a.slice(2);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[key] = true;
    else { out[key] = next; i += 1; }
  }
  return out;
}
