// temporal ceiling: the raw signal → activity round-trip rate of the dev server set up exactly as
// the product starts it (workflows/dev-server.ts: SQLite file with the WAL pragmas, search
// attributes, UI), with a no-op activity and a workflow of its own (evals/bench/ceiling/). It says
// how fast a one-activity-per-signal design could go here, so the product's rate can be read
// against it (the throughput benchmark measures the same ceiling in its own run).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer } from '../../workflows/dev-server.js';
import { findOrBuildTemporalCli } from '../../workflows/temporal-cli.js';
import { loadConfig } from '../../config.js';
import { describeCeiling, measureCeiling } from './ceiling/measure.js';
import { record } from './lib.js';

export interface TemporalCeilingOptions { workflows: number; clients: number; duration: number; smoke?: boolean; command: string }

export async function runTemporalCeiling(o: TemporalCeilingOptions): Promise<string> {
  const cliPath = findOrBuildTemporalCli(loadConfig().temporal.cliPath);
  if (!cliPath) throw new Error('temporal-ceiling: no Temporal CLI (run npm run temporal:provision)');
  const dataDir = mkdtempSync(join(tmpdir(), 'aa-ceiling-'));
  const server = await startDevServer({ cliPath, dataDir });
  try {
    const r = await measureCeiling({ address: server.address, workflows: o.workflows, clients: o.clients, durationS: o.duration });
    const figures = `dev server (SQLite file, WAL pragmas), ${o.duration}s: ${describeCeiling(r)}`;
    console.log(`temporal-ceiling: ${figures}`);
    record('temporal ceiling', o.command, figures, { smoke: o.smoke });
    return figures;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
