// `npm start`: the embedded stack in one process. `npm run demo` also loads a small realistic book.
import { ConfigError, loadConfig } from './config.js';
import { startStack, type Stack } from './stack.js';
import { DataFolderError } from './db/connection.js';
import { SchemaTooNewError } from './db/migrate.js';

let config;
try {
  config = loadConfig();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(2);
}
const demo = process.argv.includes('--demo');
const t0 = performance.now();
let stack: Stack;
try {
  stack = await startStack(config);
} catch (err) {
  // A data folder we must not touch: say why, exit non-zero, leave it as it is.
  if (err instanceof DataFolderError || err instanceof SchemaTooNewError) {
    console.error(`Cannot start: ${err.message}`);
    process.exit(3);
  }
  throw err;
}
console.log(`Account agents listening on ${stack.url} (ready in ${((performance.now() - t0) / 1000).toFixed(1)} s). API docs: ${stack.url}/docs`);
if (!config.adminToken) console.log('No ADMIN_TOKEN set: API calls need a token. Set ADMIN_TOKEN=<secret> and restart.');
if (demo) {
  const { loadDemoBook } = await import('./evals/demo-book.js');
  const n = await loadDemoBook(stack);
  console.log(`Demo: loaded ${n} accounts.`);
}

let stopping = false;
async function shutdown(sig: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${sig}: shutting down…`);
  await stack.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
