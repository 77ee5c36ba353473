// Shared by the benchmarks: machine facts, the code a run was produced from, percentiles, and the
// dated row each run appends to BENCHMARKS.md with the exact command that produced it.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export const BENCHMARKS_MD = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What the product's behaviour depends on: a change here makes a row's commit `-dirty`. */
export const PRODUCT_PATHS = ['agents', 'workflows', 'api', 'db', 'tools', 'evals/bench', 'config.ts', 'stack.ts', 'start.ts'];

/**
 * The commit a run measures: `git rev-parse --short HEAD`, with `-dirty` when the working tree
 * differs from it under the product's paths (uncommitted or untracked files). Read once, when the
 * benchmark starts, so a commit made during a long run does not relabel it.
 */
export function codeVersion(cwd = ROOT): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--', ...PRODUCT_PATHS], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return changed ? `${head}-dirty` : head;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

const AT_START = { version: codeVersion(), load: loadavg()[0], date: new Date() };

export function machine(): string {
  return `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** The 1-minute load average when the benchmark started and now: a shared machine skews timings. */
export function load(): string {
  return `load ${AT_START.load.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end`;
}

/** Nearest-rank percentile of an ascending array; +Infinity entries (misses) sort last. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export interface Summary { n: number; p50: number; p95: number; p99: number; max: number; mean: number }

/** Percentiles over every value given; pass a miss as +Infinity so it counts instead of vanishing. */
export function summarize(values: number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? Number.NaN,
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
  };
}

export const ms = (x: number) => (x === Number.POSITIVE_INFINITY ? 'timeout' : `${x.toFixed(x < 10 ? 2 : 0)} ms`);

export const TABLE_HEADER = '| date (UTC) | commit | machine | command | figures |\n|---|---|---|---|---|\n';

/** One table row: when and from which commit it was produced, on what, by which command. */
export function formatRow(command: string, figures: string, at = AT_START): string {
  const date = at.date.toISOString().slice(0, 16).replace('T', ' ');
  return `| ${date} | \`${at.version}\` | ${machine()}; ${load()} | \`${command}\` | ${figures} |\n`;
}

/**
 * Appends one row at the end of the table under `## <bench>` (heading and table created on first
 * use). Smoke runs never write: they keep the benchmark from rotting, they do not report figures.
 */
export function record(bench: string, command: string, figures: string, opts: { smoke?: boolean; file?: string } = {}): void {
  if (opts.smoke) return;
  const file = opts.file ?? BENCHMARKS_MD;
  const row = formatRow(command, figures);
  if (!existsSync(file)) writeFileSync(file, '# Benchmarks\n');
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.trim() === `## ${bench}`);
  if (at === -1) {
    appendFileSync(file, `${text.endsWith('\n') ? '' : '\n'}\n## ${bench}\n\n${TABLE_HEADER}${row}`);
    return;
  }
  let end = lines.findIndex((l, i) => i > at && /^## /.test(l));
  if (end === -1) end = lines.length;
  // The last table line of the section (its header when it has no rows yet), else none.
  let last = -1;
  for (let i = at + 1; i < end; i += 1) if (lines[i].startsWith('|')) last = i;
  const rowLines = row.trimEnd().split('\n');
  if (last === -1) {
    lines.splice(at + 1, 0, '', ...TABLE_HEADER.trimEnd().split('\n'), ...rowLines);
  } else {
    lines.splice(last + 1, 0, ...rowLines);
  }
  writeFileSync(file, lines.join('\n'));
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
