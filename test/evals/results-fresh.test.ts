// evals/RESULTS.md must not be older than what it reports on: the last commit touching agents/ or
// evals/scenarios/ must not be newer than the last commit touching RESULTS.md. Regenerate it with
// `npm run evals -- --write-results` and commit it with (or after) the change.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recordedPassed } from '../../evals/results.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

function inGitCheckout(): boolean {
  try {
    return git('rev-parse', '--is-inside-work-tree') === 'true';
  } catch {
    return false;
  }
}
const checkout = inGitCheckout();
/** Seconds since the epoch of the last commit touching the paths; 0 when none does. */
const lastCommit = (...paths: string[]) => Number(git('log', '-1', '--format=%ct', '--', ...paths) || 0);

describe('evals/RESULTS.md is fresh', () => {
  it.skipIf(!checkout)('is committed no earlier than the last change to agents/ or evals/scenarios/ (skipped outside a git checkout)', () => {
    const code = lastCommit('agents', 'evals/scenarios');
    const results = lastCommit('evals/RESULTS.md');
    const when = (s: number) => new Date(s * 1000).toISOString();
    expect(results, `RESULTS.md was last committed ${when(results)}, agents/ or evals/scenarios/ changed after it (${when(code)}, ${git('log', '-1', '--format=%h %s', '--', 'agents', 'evals/scenarios').slice(0, 100)}): run npm run evals -- --write-results and commit RESULTS.md`).toBeGreaterThanOrEqual(code);
  });

  it('records the pass count the CI ratchet reads, and the commit it was produced from', () => {
    const md = readFileSync(new URL('../../evals/RESULTS.md', import.meta.url), 'utf8');
    expect(recordedPassed(md), 'a line <!-- passed: N of M -->').not.toBeNull();
    expect(md).toMatch(/Produced from commit `[0-9a-f]{7,}(-dirty)?`/);
  });
});
