// `npm run bench -- <name> [options]`: runs one benchmark, prints its figures and (unless --smoke)
// appends a dated row with the exact command to BENCHMARKS.md.
import { parseArgs } from './lib.js';
import { runLatency } from './latency.js';
import { runThroughput } from './throughput.js';
import { runCapacity } from './capacity.js';
import { runMboxImport } from './mbox-import.js';
import { runRetrieval } from './retrieval.js';
import { runAssessCost } from './assess-cost.js';
import { runIngestCost } from './ingest-cost.js';
import { runAskBench } from './ask.js';
import { runTemporalCeiling } from './temporal-ceiling.js';
import { runImportSources } from './import-sources.js';
import { runUiBench } from './ui.js';
import { loadConfig } from '../../config.js';

const [name, ...rest] = process.argv.slice(2);
const args = parseArgs(rest);
const smoke = Boolean(args.smoke);
const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`;
const num = (k: string, full: number, quick: number) => Number(args[k] ?? (smoke ? quick : full));
/** The product's own default (config.ts), so a benchmark runs what a user runs unless told otherwise. */
const productDebounce = loadConfig({}).debounceMs;

const BENCHES: Record<string, () => Promise<unknown>> = {
  latency: () => runLatency({ accounts: num('accounts', 1000, 20), rate: num('rate', 5, 2), duration: num('duration', 60, 3), debounceMs: num('debounce', productDebounce, productDebounce), timeoutS: num('timeout', 30, 30), smoke, command }),
  capacity: () => runCapacity({ accounts: num('accounts', 1000, 10), signalsPerAccount: num('signals', 6, 2), externalDb: Boolean(args['external-db']), smoke, command }),
  retrieval: () => runRetrieval({ chunks: num('chunks', 100_000, 2000), queries: num('queries', 200, 20), databaseUrl: loadConfig().databaseUrl, smoke, command }),
  'assess-cost': () => runAssessCost({ small: num('small', 10, 10), large: num('large', 2000, 100), runs: num('runs', 20, 2), profile: Boolean(args.profile), smoke, command }),
  'ingest-cost': () => runIngestCost({ accounts: num('accounts', 20, 3), rounds: num('rounds', 5, 1), batch: num('batch', 12, 6), smoke, command }),
  ask: () => runAskBench({ signals: num('signals', 2000, 50), rounds: num('rounds', 5, 1), clients: num('clients', 8, 2), smoke, command }),
  mbox: () => runMboxImport({ messages: num('messages', 10000, 200), timeoutS: num('timeout', 1800, 300), smoke, command }),
  throughput: () => runThroughput({ accounts: num('accounts', 200, 10), duration: num('duration', 60, 3), batch: num('batch', 20, 5), concurrency: num('concurrency', 8, 2), ceilingDuration: num('ceiling-duration', 30, 2), smoke, command }),
  'import-sources': () => runImportSources({ series: num('series', 60, 3), meetings: num('meetings', 1500, 20), days: num('days', 90, 2), perDay: num('per-day', 30, 5), smoke, command }),
  ui: () => runUiBench({ accounts: num('accounts', 1000, 30), recommendations: num('recommendations', 5000, 100), rounds: num('rounds', 3, 1), sends: num('sends', 100, 5), clients: num('clients', 8, 2), smoke, command }),
  'temporal-ceiling': () => runTemporalCeiling({ workflows: num('workflows', 200, 5), clients: num('clients', 8, 2), duration: num('duration', 30, 2), smoke, command }),
};

if (!name || !BENCHES[name]) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [--smoke] [options]`);
  process.exit(2);
}
await BENCHES[name]();
