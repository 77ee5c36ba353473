// One Temporal dev server per test run, from the provisioned CLI (never a download).
import type { TestProject } from 'vitest/node';
import { startDevServer, type DevServer } from '../../workflows/dev-server.js';
import { findTemporalCli } from '../../workflows/temporal-cli.js';

let server: DevServer | undefined;

declare module 'vitest' {
  export interface ProvidedContext { temporalAddress: string; temporalCliPath: string }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cliPath = findTemporalCli(process.env.TEMPORAL_CLI_PATH || undefined);
  if (!cliPath) throw new Error('No Temporal CLI: run `npm run temporal:provision` (npm test does it first).');
  server = await startDevServer({ cliPath, ui: false });
  project.provide('temporalAddress', server.address);
  project.provide('temporalCliPath', cliPath);
  return async () => { await server?.stop(); };
}
