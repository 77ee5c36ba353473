// The runner's exit code gates CI: 0 when every scenario passed, 1 when any failed, 2 when a
// scenario could not be loaded (the loadable ones still run). Spawns the real runner.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

const quiet = { name: 'quiet', account: { name: 'Quiet Co', domains: ['quiet.example'], stage: 'closed_lost', owner: 'sam' }, expect: { level: 'low' } };
const failing = { name: 'wants-critical', account: { name: 'Calm Co', domains: ['calm.example'], stage: 'closed_lost', owner: 'sam' }, expect: { level: 'critical' } };

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'evals-exit-'));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function runEvals(dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'evals/runner.ts', '--scenarios', dir], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the eval runner exit code', () => {
  it('is 0 when all pass, 1 when one fails, 2 when one cannot be loaded (and the others still run)', async () => {
    const [allPass, oneFails, oneBroken] = await Promise.all([
      runEvals(dirWith({ 'quiet.json': JSON.stringify(quiet) })),
      runEvals(dirWith({ 'quiet.json': JSON.stringify(quiet), 'wants-critical.json': JSON.stringify(failing) })),
      runEvals(dirWith({ 'wants-critical.json': JSON.stringify(failing), 'broken.json': '{ "name": "broken", ' })),
    ]);
    expect(allPass.code, allPass.stderr).toBe(0);
    expect(allPass.stdout).toMatch(/^1 passed, 0 failed$/m);

    expect(oneFails.code, oneFails.stderr).toBe(1);
    expect(oneFails.stdout).toMatch(/^FAIL {2}wants-critical .*missed: level "critical"/m);
    expect(oneFails.stdout).toMatch(/^1 passed, 1 failed$/m);

    expect(oneBroken.code, oneBroken.stderr).toBe(2);
    expect(oneBroken.stderr).toMatch(/cannot load broken\.json: not valid JSON/);
    expect(oneBroken.stdout).toMatch(/^FAIL {2}wants-critical/m);
    expect(oneBroken.stdout).toMatch(/^0 passed, 1 failed$/m);
  }, 600_000);
});
