// `npm run evals -- [--scenarios <dir-or-file>] [--reasoner rules|llm] [--e2e] [--json <out>] [--write-results]`
// Prints a row per scenario, then the metrics; the last line is `N passed, M failed`. Exits non-zero
// only when a scenario cannot be loaded: failed expectations are results, not crashes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { createChatModel } from '../agents/models.js';
import { parseArgs } from './bench/lib.js';
import { loadScenarioFile, scenarioFiles, ScenarioLoadError, type LoadedScenario } from './scenario.js';
import { runScenario, type ScenarioResult } from './run-scenario.js';
import { aggregate, formatMetrics } from './metrics.js';
import { writeResults } from './results.js';

const DEFAULT_DIR = fileURLToPath(new URL('./scenarios/', import.meta.url));
const args = parseArgs(process.argv.slice(2));
const dir = typeof args.scenarios === 'string' ? args.scenarios : DEFAULT_DIR;
const reasoner = args.reasoner === 'llm' ? 'llm' : 'rules';
// One fixed moment per run (to the minute), so every scenario shares it and reruns compare.
const runNow = Math.floor(Date.now() / 60_000) * 60_000;

const loaded: LoadedScenario[] = [];
const loadErrors: string[] = [];
for (const file of scenarioFiles(dir)) {
  try {
    loaded.push(loadScenarioFile(file, runNow));
  } catch (err) {
    loadErrors.push(err instanceof ScenarioLoadError ? err.message : `${file}: ${String(err)}`);
  }
}
for (const e of loadErrors) console.error(`cannot load ${e}`);

const chatModel = reasoner === 'llm' ? createChatModel({ ...loadConfig(), reasoner: 'llm' }) : undefined;
const results: ScenarioResult[] = [];
const e2e = Boolean(args.e2e);
const stack = e2e ? await (await import('./run-e2e.js')).startE2e() : undefined;
try {
  for (const l of loaded) {
    let r: ScenarioResult;
    try {
      r = e2e ? await (await import('./run-e2e.js')).runScenarioE2e(stack!, l) : await runScenario(l, { reasoner, chatModel });
    } catch (err) {
      r = { name: l.scenario.name, file: l.file, passed: false, missed: [`the run failed: ${String(err)}`], extra: [], answers: [], checkpoints: [],
        produced: { level: 'n/a', score: 0, factors: [], recommendations: [] },
        counts: { factorTP: 0, factorFN: 0, factorFP: 0, recExpected: 0, recHit: 0, expectsLow: false, falseAlarm: false, levelChecked: false, levelOk: false, citations: 0, citationsValid: 0, answersExpected: 0, answersHit: 0, leadTimeDays: null }, error: String(err) };
    }
    results.push(r);
    const detail = [r.missed.length ? `missed: ${r.missed.join('; ')}` : '', r.extra.length ? `extra: ${r.extra.join('; ')}` : ''].filter(Boolean).join(' | ');
    console.log(`${r.passed ? 'PASS' : 'FAIL'}  ${r.name.padEnd(40)} ${r.produced.level.padEnd(8)} ${detail}`);
  }
} finally {
  await stack?.stop();
}

const metrics = aggregate(results.map((r) => r.counts));
console.log('');
if (e2e) console.log('(--e2e: checkpoints are skipped; the workflow assesses as of now)');
for (const line of formatMetrics(metrics)) console.log(line);
const command = `npm run evals -- ${process.argv.slice(2).join(' ')}`.trim();
if (typeof args.json === 'string') {
  mkdirSync(dirname(args.json), { recursive: true });
  writeFileSync(args.json, JSON.stringify({ command, reasoner, e2e, at: new Date(runNow).toISOString(), metrics, results, loadErrors }, null, 2));
}
if (args['write-results']) writeResults({ command, reasoner, e2e, metrics, results, scenariosDir: relative(process.cwd(), dir) || dir, scenarios: loaded.map((l) => l.scenario) });
const passed = results.filter((r) => r.passed).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(loadErrors.length > 0 ? 1 : 0);
