import { describe, expect, it } from 'vitest';
import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKFLOWS_PATH } from '../../workflows/worker.js';

const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

describe('workflow bundle', () => {
  it('bundles the workflow code (deterministic modules only)', async () => {
    const bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quiet });
    expect(bundle.code).toContain('accountWorkflow');
  }, 60_000);

  it('fails when workflow code reaches a banned module', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-'));
    const file = join(dir, 'bad.ts');
    writeFileSync(file, "import { readFileSync } from 'node:fs';\nexport async function bad() { return readFileSync('/etc/hostname', 'utf8'); }\n");
    await expect(bundleWorkflowCode({ workflowsPath: file, logger: quiet })).rejects.toThrow(/fs/);
  }, 60_000);
});
