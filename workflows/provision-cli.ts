// `npm run temporal:provision`: makes sure the Temporal CLI is available (found or built) and prints
// its path. Run by `npm test` and `.ci/run` before anything needs the dev server.
import { loadConfig } from '../config.js';
import { findOrBuildTemporalCli } from './temporal-cli.js';

const path = findOrBuildTemporalCli(loadConfig().temporal.cliPath);
if (!path) {
  console.error('No Temporal CLI: set TEMPORAL_CLI_PATH, put `temporal` on PATH, or install Go to build it.');
  process.exit(1);
}
console.log(`Temporal CLI: ${path}`);
