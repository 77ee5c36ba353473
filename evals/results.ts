// Regenerates evals/RESULTS.md from a run: the commit and date it was produced from, the pass count
// in a machine-readable line (the CI ratchet reads it), the metrics, a row per scenario, the
// scenarios whose expectations carry notes (why they are what they are), and the coverage table.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatMetrics, type Metrics } from './metrics.js';
import type { ScenarioResult } from './run-scenario.js';
import type { Scenario } from './scenario.js';
import { coverage } from './coverage.js';

const RESULTS_MD = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const REPO = fileURLToPath(new URL('..', import.meta.url));

/** The line the ratchet reads: `<!-- passed: 44 of 44 -->`. */
export const passedLine = (passed: number, total: number) => `<!-- passed: ${passed} of ${total} -->`;
const PASSED_LINE = /<!--\s*passed:\s*(\d+)\s+of\s+(\d+)\s*-->/;

/** The pass count a RESULTS.md records, or null when it records none. */
export function recordedPassed(markdown: string): { passed: number; total: number } | null {
  const m = PASSED_LINE.exec(markdown);
  return m ? { passed: Number(m[1]), total: Number(m[2]) } : null;
}

/**
 * The commit the results come from: `git rev-parse --short HEAD`, plus `-dirty` when agents/ or
 * evals/ have uncommitted changes (RESULTS.md itself and evals/out/ aside); null outside a git checkout.
 */
export function sourceCommit(cwd = REPO): string | null {
  try {
    const git = (...a: string[]) => execFileSync('git', a, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--', 'agents', 'evals', ':(exclude)evals/RESULTS.md', ':(exclude)evals/out') !== '';
    return `${head}${dirty ? '-dirty' : ''}`;
  } catch {
    return null;
  }
}

export interface ResultsInput { command: string; evaluatedAt: string; reasoner: string; e2e: boolean; metrics: Metrics; results: ScenarioResult[]; scenariosDir: string; scenarios: Scenario[]; commit?: string | null; producedAt?: Date }

export function renderResults(r: ResultsInput): string {
  const passed = r.results.filter((x) => x.passed).length;
  const commit = r.commit === undefined ? sourceCommit() : r.commit;
  const at = (r.producedAt ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
  const rows = r.results.map((x) => `| ${x.name} | ${x.passed ? 'pass' : '**fail**'} | ${x.produced.level} (${x.produced.score}) | ${x.produced.factors.join(', ') || '—'} | ${[...new Set(x.produced.recommendations.map((y) => y.kind))].join(', ') || '—'} | ${[...x.missed.map((m) => `missed ${m}`), ...x.extra.map((m) => `extra ${m}`)].join('; ').replace(/\|/g, '/').replace(/\n/g, ' ') || ''} |`);
  const noted = r.scenarios.filter((s) => s.notes);
  return [
    '# Eval results',
    '',
    `Produced from commit \`${commit ?? 'unknown (not a git checkout)'}\` on ${at} UTC by \`${r.command}\` (reasoner: ${r.reasoner}${r.e2e ? ', end to end' : ', in-process'}, evaluation moment ${r.evaluatedAt}: add \`--now ${r.evaluatedAt}\` to replay it).`,
    '',
    `**${passed} passed, ${r.results.length - passed} failed** of ${r.results.length} scenarios in \`${r.scenariosDir}\`.`,
    passedLine(passed, r.results.length),
    '',
    '```',
    ...formatMetrics(r.metrics),
    '```',
    '',
    '| scenario | result | level (score) | factors | recommendations | missed / extra |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    '## Scenario notes',
    '',
    'Why some expectations are what they are (each scenario\'s `notes`), including the scenarios changed when the checks became stricter.',
    '',
    ...(noted.length ? noted.map((s) => `- **${s.name}**: ${s.notes!.replace(/\n/g, ' ')}`) : ['None.']),
    '',
    '## Coverage',
    '',
    'Scenarios that expect each name present, and scenarios where it must stay absent (main expectations).',
    '',
    '| name | expected present in | expected absent in |',
    '|---|---|---|',
    ...coverage(r.scenarios).map((c) => `| \`${c.name}\` (${c.group}) | ${c.present.join(', ') || '**none**'} | ${c.absent.join(', ') || '**none**'} |`),
    '',
  ].join('\n');
}

/**
 * Why the run may not replace the recorded results, or null. The recorded pass count is CI's floor:
 * a worse run written over it would lower the ratchet quietly, so that takes `allowLower` (a
 * deliberate choice, e.g. after making a check stricter, said in the commit).
 */
export function lowersRatchet(existing: string | null, passed: number, allowLower = false): string | null {
  const recorded = existing ? recordedPassed(existing) : null;
  if (allowLower || !recorded || passed >= recorded.passed) return null;
  return `not written: ${passed} passed, below the ${recorded.passed} of ${recorded.total} that RESULTS.md records (add --lower-ratchet to write it anyway, and say why in the commit)`;
}

export function writeResults(r: ResultsInput, opts: { path?: string; allowLower?: boolean } = {}): void {
  const path = opts.path ?? RESULTS_MD;
  const refused = lowersRatchet(existsSync(path) ? readFileSync(path, 'utf8') : null, r.results.filter((x) => x.passed).length, opts.allowLower);
  if (refused) throw new Error(refused);
  writeFileSync(path, renderResults(r));
}
