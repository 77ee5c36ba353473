// `npm run evals -- [--scenarios <dir-or-file>] [--reasoner rules|llm] [--e2e] [--json <out>] [--write-results [--lower-ratchet]] [--now <ISO>]`
// `npm run evals -- --perception [its own flags]` runs the perception eval instead (evals/perception/run.ts).
// Prints a row per scenario, then the metrics; the last line is `N passed, M failed`.
// Exit code: 0 when every scenario passed, 1 when any failed (a crash is a failure), 2 when a
// scenario could not be loaded (the others still run and are reported; 2 wins over 1).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createChatModel } from '../agents/models.js';
import { loadScenarioFile, scenarioFiles, ScenarioLoadError, type LoadedScenario } from './scenario.js';
import { crashedResult, runScenario, type ScenarioResult } from './run-scenario.js';
import { aggregate, formatMetrics } from './metrics.js';
import { sourceCommit, writeResults } from './results.js';

const DEFAULT_DIR = fileURLToPath(new URL('./scenarios/', import.meta.url));

// --perception hands the whole run to the perception eval, with every other flag passed through.
if (process.argv.includes('--perception')) {
  const rest = process.argv.slice(2).filter((a) => a !== '--perception');
  const perceptionModule = './perception/run.js'; // another part's module, resolved at run time
  const perception = (await import(perceptionModule)) as { main(argv: string[]): Promise<number> };
  process.exit(await perception.main(rest));
}
const { values: args } = parseArgs({
  args: process.argv.slice(2),
  options: {
    scenarios: { type: 'string' }, reasoner: { type: 'string', default: 'rules' }, e2e: { type: 'boolean', default: false },
    json: { type: 'string' }, 'write-results': { type: 'boolean', default: false }, 'lower-ratchet': { type: 'boolean', default: false }, now: { type: 'string' },
  },
});
const dir = args.scenarios ?? DEFAULT_DIR;
if (args.reasoner !== 'rules' && args.reasoner !== 'llm') throw new Error(`--reasoner must be rules or llm, not ${args.reasoner}`);
const reasoner: 'rules' | 'llm' = args.reasoner;
const config = loadConfig();
if (reasoner === 'llm' && !config.llm.apiKey && !config.llm.baseURL) {
  console.error('warning: --reasoner llm without OPENAI_API_KEY or OPENAI_BASE_URL: model calls will fail and the agent falls back to its rules');
}
// One fixed moment per run (to the minute), so every scenario shares it; --now <ISO> replays a run
// at the moment its report names (scenarios that pin "now" keep their own).
const runNow = args.now ? Date.parse(args.now) : Math.floor(Date.now() / 60_000) * 60_000;
if (Number.isNaN(runNow)) throw new Error(`--now must be an ISO 8601 date, not ${args.now}`);

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

const chatModel = reasoner === 'llm' ? createChatModel({ ...config, reasoner: 'llm' }) : undefined;
const results: ScenarioResult[] = [];
const e2e = args.e2e === true;
const stack = e2e ? await (await import('./run-e2e.js')).startE2e({ reasoner }) : undefined;
try {
  for (const l of loaded) {
    let r: ScenarioResult;
    try {
      r = stack ? await stack.run(l) : await runScenario(l, { reasoner, chatModel });
    } catch (err) {
      // The agent crashed on this scenario: it fails, every expectation it had is a miss, and the run goes on.
      r = crashedResult(l, err);
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
for (const line of formatMetrics(metrics)) console.log(line);
const command = `npm run evals -- ${process.argv.slice(2).join(' ')}`.trim();
const passed = results.filter((r) => r.passed).length;
if (args.json) {
  mkdirSync(dirname(args.json), { recursive: true });
  writeFileSync(args.json, JSON.stringify({ command, reasoner, e2e, at: new Date(runNow).toISOString(), commit: sourceCommit(), passed, failed: results.length - passed, metrics, results, loadErrors }, null, 2));
}
let refused = false;
if (args['write-results']) {
  try {
    writeResults({ command, evaluatedAt: new Date(runNow).toISOString(), reasoner, e2e, metrics, results, scenariosDir: relative(process.cwd(), dir) || dir, scenarios: loaded.map((l) => l.scenario) }, { allowLower: args['lower-ratchet'] });
  } catch (err) {
    console.error(`evals/RESULTS.md ${(err as Error).message}`);
    refused = true;
  }
}
console.log(`${passed} passed, ${results.length - passed} failed`);
if (loadErrors.length > 0) console.error(`${loadErrors.length} scenario${loadErrors.length === 1 ? '' : 's'} could not be loaded`);
process.exit(loadErrors.length > 0 ? 2 : passed < results.length || refused ? 1 : 0);
