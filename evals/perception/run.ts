// The perception eval: every corpus item becomes the signal the product would receive, one perceiver
// reads it in the shared account context, and the reading is scored per concept.
//   npm run evals -- --perception [--half test|dev|val|both|all] [--perceiver rules|llm] [--json <file>]
//                                 [--write-results [--baseline <json>]] [--show-test-misses]
//   npm run evals -- --perception --robustness [--half dev|val|test]   (robustness.ts: rewrites that keep the meaning)
// `both` is the test and dev halves, `all` every half that exists. Misses (the items, what was expected
// and what was read) are printed for the dev half only: the test half stays held out from whoever tunes
// perception unless --show-test-misses is given, and the validation half (val) is measured in aggregate
// only, its misses never kept, so that tuning can be checked on text the tuner has not read.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CORPUS_DIR, CorpusError, FAMILIES, HALVES, halfExists, loadContext, loadHalf, type Family, type Half } from './corpus.js';
import { perceiveContextOf, signalOf } from './signal.js';
import { conceptScores, detections, scoreItem, type ItemScore } from './score.js';
import { loadPerceiver, type EvalPerceiver } from './perceiver.js';
import { formatHalf, formatMisses, missesOf, writeResultsFile, type EvalReport, type HalfReport } from './report.js';
import { formatRobustness, robustness } from './robustness.js';

export const RESULTS_FILE = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function mapLimit<T, R>(xs: T[], limit: number, fn: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(xs.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, xs.length) }, async () => {
    while (next < xs.length) { const i = next++; out[i] = await fn(xs[i], i); }
  }));
  return out;
}

/** Which halves' misses are kept: the dev half's always, the test half's on request, the val half's never. */
export function keepsMisses(half: Half, showTestMisses: boolean): boolean {
  return half === 'dev' || (half === 'test' && showTestMisses);
}

/** Reads and scores one half. */
export async function evaluateHalf(half: Half, perceiver: EvalPerceiver, opts: { misses: boolean; dir?: string }): Promise<HalfReport> {
  const ctx = loadContext(opts.dir);
  const files = loadHalf(half, ctx, opts.dir);
  const pctx = perceiveContextOf(ctx);
  const items = files.flatMap((f) => f.items);
  const times: number[] = [];
  const scores: ItemScore[] = await mapLimit(items, perceiver.id === 'llm' ? 4 : 1, async (item, i) => {
    const signal = signalOf(item, ctx, i);
    const t0 = performance.now();
    const insights = await perceiver.perceive(signal, pctx);
    times.push(performance.now() - t0);
    return scoreItem(item, detections(insights, pctx.contacts));
  });
  times.sort((a, b) => a - b);
  const families = Object.fromEntries(FAMILIES.map((f) => [f, files.find((x) => x.family === f)?.items.length ?? 0])) as Record<Family, number>;
  return {
    half, items: items.length, families, concepts: conceptScores(scores),
    timing: { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), totalMs: times.reduce((a, b) => a + b, 0) },
    ...(opts.misses ? { misses: missesOf(scores, new Map(items.map((it) => [it.id, it.text]))) } : {}),
  };
}

/** The robustness table of one half; its examples only for a half whose misses may be shown. */
export async function robustnessOf(half: Half, perceiver: EvalPerceiver, dir?: string): Promise<string> {
  const ctx = loadContext(dir);
  const pctx = perceiveContextOf(ctx);
  const items = loadHalf(half, ctx, dir).flatMap((f) => f.items);
  const scores = await robustness(items, async (item, i) => new Set(detections(await perceiver.perceive(signalOf(item, ctx, i), pctx), pctx.contacts).map((d) => d.concept)));
  return formatRobustness(half, scores, keepsMisses(half, false));
}

function git(args: string[]): string | undefined {
  try { return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return undefined; }
}

/** The commit measured, marked `+dirty` when perception's code differs from it. */
function commitLabel(): string {
  const head = git(['rev-parse', '--short', 'HEAD']) ?? 'unknown';
  const dirty = git(['status', '--porcelain', '--', 'agents/perception', 'agents/perceivers', 'agents/signals']);
  return dirty ? `${head}+dirty` : head;
}

export async function evaluate(opts: { halves: Half[]; perceiver?: EvalPerceiver; kind?: 'rules' | 'llm'; showTestMisses?: boolean; dir?: string }): Promise<EvalReport> {
  const perceiver = opts.perceiver ?? (await loadPerceiver(opts.kind ?? 'rules'));
  const halves: EvalReport['halves'] = {};
  for (const half of opts.halves) halves[half] = await evaluateHalf(half, perceiver, { misses: keepsMisses(half, opts.showTestMisses === true), dir: opts.dir });
  return { commit: commitLabel(), date: new Date().toISOString().slice(0, 10), perceiver: { id: perceiver.id, version: perceiver.version }, halves };
}

export function formatReport(r: EvalReport): string {
  const out: string[] = [];
  for (const half of HALVES) {
    const h = r.halves[half];
    if (!h) continue;
    out.push(formatHalf(h, r.perceiver));
    if (h.misses && half !== 'val') out.push(formatMisses(h.misses));
  }
  return out.join('\n\n');
}

const USAGE = 'usage: --perception [--half test|dev|val|both|all] [--perceiver rules|llm] [--json <file>] [--write-results [--baseline <json>]] [--show-test-misses] | --perception --robustness [--half dev|val|test]';

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: {
        half: { type: 'string', default: 'both' }, perceiver: { type: 'string', default: 'rules' }, json: { type: 'string' },
        'write-results': { type: 'boolean', default: false }, baseline: { type: 'string' }, 'show-test-misses': { type: 'boolean', default: false },
        robustness: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { half, perceiver: kind } = args;
  if (!(HALVES as readonly string[]).includes(half) && half !== 'both' && half !== 'all') { console.error(`--half must be test, dev, val, both or all, not ${half}\n${USAGE}`); return 2; }
  if (kind !== 'rules' && kind !== 'llm') { console.error(`--perceiver must be rules or llm, not ${kind}\n${USAGE}`); return 2; }
  if (args.baseline && !args['write-results']) { console.error(`--baseline only goes with --write-results\n${USAGE}`); return 2; }
  if (args.robustness) {
    const one = half === 'both' ? 'dev' : half;
    if (!(HALVES as readonly string[]).includes(one)) { console.error(`--robustness reads one half: --half dev, val or test\n${USAGE}`); return 2; }
    const table = await robustnessOf(one as Half, await loadPerceiver(kind));
    console.log(table);
    return 0;
  }
  let halves: Half[] = half === 'both' ? ['test', 'dev'] : half === 'all' ? [...HALVES] : [half as Half];
  if (half === 'both' || half === 'all') halves = halves.filter((h) => halfExists(h, CORPUS_DIR));
  try {
    const report = await evaluate({ halves, kind, showTestMisses: args['show-test-misses'] });
    console.log(formatReport(report));
    if (args.json) {
      mkdirSync(dirname(args.json), { recursive: true });
      writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
    }
    if (args['write-results']) {
      if (!report.halves.test) { console.error('--write-results needs the test half measured (--half test or both)'); return 2; }
      const baseline = args.baseline ? (JSON.parse(readFileSync(args.baseline, 'utf8')) as EvalReport) : undefined;
      writeResultsFile(RESULTS_FILE, { now: report, baseline });
      console.log(`\nwrote ${RESULTS_FILE}`);
    }
    return 0;
  } catch (err) {
    console.error(err instanceof CorpusError || (err instanceof Error && /^--perceiver|no perceiver stage/.test(err.message)) ? err.message : err);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
