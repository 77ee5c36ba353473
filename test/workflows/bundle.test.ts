import { describe, expect, it } from 'vitest';
import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKFLOWS_PATH } from '../../workflows/worker.js';
import { TOOLS_BIN } from '../../workflows/temporal-cli.js';

const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

describe('workflow bundle', () => {
  it('bundles the workflow code (deterministic modules only)', async () => {
    const bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quiet });
    expect(bundle.code).toContain('accountWorkflow');
  }, 60_000);

  it('fails when workflow code reaches a banned module', async () => {
    // Inside the project so the bundler resolves @temporalio/workflow as it does for real code.
    mkdirSync(join(TOOLS_BIN, '..', 'tmp'), { recursive: true });
    const dir = mkdtempSync(join(TOOLS_BIN, '..', 'tmp', 'wf-'));
    const file = join(dir, 'bad.ts');
    writeFileSync(file, "import { readFileSync } from 'node:fs';\nexport async function bad() { return readFileSync('/etc/hostname', 'utf8'); }\n");
    const logged: string[] = [];
    const capture = { ...quiet, warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
    await expect(bundleWorkflowCode({ workflowsPath: file, logger: capture })).rejects.toThrow(/Webpack finished with errors/);
    expect(logged.join('\n')).toMatch(/node:fs/);
  }, 60_000);
});
