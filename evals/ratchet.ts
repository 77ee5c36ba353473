// The CI ratchet: `node --import tsx evals/ratchet.ts [report.json] [RESULTS.md]` exits 1 when the
// run in the report (default evals/out/report.json) passed fewer scenarios than evals/RESULTS.md
// records in its `<!-- passed: N of M -->` line, or when a scenario could not be loaded; 0 otherwise.
// Failing scenarios alone do not fail it: the recorded count is the floor, and it only rises when
// RESULTS.md is regenerated from a better run.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recordedPassed } from './results.js';

export interface RatchetVerdict { ok: boolean; message: string }

export function ratchet(report: { passed?: unknown; failed?: unknown; loadErrors?: unknown }, resultsMd: string): RatchetVerdict {
  const recorded = recordedPassed(resultsMd);
  if (!recorded) return { ok: false, message: 'RESULTS.md records no pass count (<!-- passed: N of M -->): regenerate it with npm run evals -- --write-results' };
  if (typeof report.passed !== 'number' || typeof report.failed !== 'number') return { ok: false, message: 'the report has no pass count: was it written by npm run evals -- --json?' };
  const loadErrors = Array.isArray(report.loadErrors) ? report.loadErrors : [];
  if (loadErrors.length > 0) return { ok: false, message: `${loadErrors.length} scenario(s) could not be loaded: ${loadErrors.join('; ')}` };
  const now = `${report.passed} of ${report.passed + report.failed}`;
  if (report.passed < recorded.passed) return { ok: false, message: `evals fell below the ratchet: ${now} passed, RESULTS.md records ${recorded.passed} of ${recorded.total}` };
  const raise = report.passed > recorded.passed ? ` (above it: regenerate RESULTS.md to raise the ratchet)` : '';
  return { ok: true, message: `evals hold the ratchet: ${now} passed, RESULTS.md records ${recorded.passed} of ${recorded.total}${raise}` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const reportPath = process.argv[2] ?? fileURLToPath(new URL('./out/report.json', import.meta.url));
  const resultsPath = process.argv[3] ?? fileURLToPath(new URL('./RESULTS.md', import.meta.url));
  let verdict: RatchetVerdict;
  try {
    verdict = ratchet(JSON.parse(readFileSync(reportPath, 'utf8')), readFileSync(resultsPath, 'utf8'));
  } catch (err) {
    verdict = { ok: false, message: `cannot read ${reportPath} or ${resultsPath}: ${(err as Error).message}` };
  }
  (verdict.ok ? console.log : console.error)(verdict.message);
  process.exit(verdict.ok ? 0 : 1);
}
