import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordedPassed, renderResults, sourceCommit } from '../../evals/results.js';
import { ratchet } from '../../evals/ratchet.js';
import { aggregate } from '../../evals/metrics.js';
import { prepareScenario } from '../../evals/scenario.js';
import type { ScenarioResult } from '../../evals/run-scenario.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const scenario = (name: string, notes?: string) => prepareScenario(`${name}.json`, { name, notes, account: { name: 'A', domains: ['a.com'], stage: 'customer' }, expect: { level: 'low' } }, NOW).scenario;
const result = (name: string, passed: boolean): ScenarioResult => ({
  name, file: `${name}.json`, passed, missed: passed ? [] : ['factor silence'], extra: [], answers: [], checkpoints: [],
  produced: { level: 'low', score: 0, factors: [], recommendations: [] },
  counts: { factorTP: 0, factorFN: 0, factorFP: 0, recExpected: 0, recHit: 0, expectsLow: true, falseAlarm: false, levelChecked: true, levelOk: true, citations: 0, citationsValid: 0, answersExpected: 0, answersHit: 0, leadTimeDays: null },
});

describe('RESULTS.md', () => {
  const md = renderResults({
    command: 'npm run evals -- --write-results', evaluatedAt: '2026-11-20T12:00:00.000Z', reasoner: 'rules', e2e: false,
    metrics: aggregate([result('a', true).counts, result('b', false).counts]), results: [result('a', true), result('b', false)],
    scenariosDir: 'evals/scenarios', scenarios: [scenario('a', 'silence allowed: the customer said they are on holiday'), scenario('b')],
    commit: 'abc1234-dirty', producedAt: new Date('2026-11-21T09:30:00Z'),
  });

  it('names the commit and the date it was produced from, and records the pass count for the ratchet', () => {
    expect(md).toContain('Produced from commit `abc1234-dirty` on 2026-11-21 09:30 UTC');
    expect(md).toContain('**1 passed, 1 failed** of 2 scenarios');
    expect(recordedPassed(md)).toEqual({ passed: 1, total: 2 });
  });

  it('lists the scenarios that carry notes', () => {
    expect(md).toContain('- **a**: silence allowed: the customer said they are on holiday');
    expect(md).not.toContain('- **b**');
  });

  it('a file without the line records nothing', () => {
    expect(recordedPassed('# Eval results\n\n**44 passed**')).toBeNull();
  });
});

describe('the commit of a run', () => {
  it('is the short HEAD, dirty only when agents/ or evals/ changed (RESULTS.md and evals/out aside)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'results-git-'));
    const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, encoding: 'utf8' }).trim();
    git('init', '-q');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 'T');
    for (const d of ['agents', 'evals', 'docs']) mkdirSync(join(dir, d));
    writeFileSync(join(dir, 'agents', 'x.ts'), 'a');
    writeFileSync(join(dir, 'evals', 'RESULTS.md'), 'r');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    const head = git('rev-parse', '--short', 'HEAD');
    expect(sourceCommit(dir)).toBe(head);
    writeFileSync(join(dir, 'docs', 'y.md'), 'other');
    writeFileSync(join(dir, 'evals', 'RESULTS.md'), 'regenerated');
    mkdirSync(join(dir, 'evals', 'out'));
    writeFileSync(join(dir, 'evals', 'out', 'report.json'), '{}');
    expect(sourceCommit(dir)).toBe(head);
    writeFileSync(join(dir, 'agents', 'x.ts'), 'b');
    expect(sourceCommit(dir)).toBe(`${head}-dirty`);
  });

  it('is null outside a git checkout', () => {
    expect(sourceCommit(mkdtempSync(join(tmpdir(), 'results-nogit-')))).toBeNull();
  });
});

describe('the ratchet', () => {
  const md = '<!-- passed: 40 of 44 -->';
  it('holds at or above the recorded count, failing scenarios notwithstanding', () => {
    expect(ratchet({ passed: 40, failed: 4, loadErrors: [] }, md)).toMatchObject({ ok: true });
    expect(ratchet({ passed: 45, failed: 5, loadErrors: [] }, md)).toMatchObject({ ok: true, message: expect.stringMatching(/regenerate RESULTS\.md to raise/) });
  });
  it('fails below it, on an unloadable scenario, or without a count on either side', () => {
    expect(ratchet({ passed: 39, failed: 5, loadErrors: [] }, md)).toEqual({ ok: false, message: 'evals fell below the ratchet: 39 of 44 passed, RESULTS.md records 40 of 44' });
    expect(ratchet({ passed: 44, failed: 0, loadErrors: ['bad.json: not valid JSON'] }, md).ok).toBe(false);
    expect(ratchet({ passed: 44, failed: 0 }, '# no line').ok).toBe(false);
    expect(ratchet({ results: [] } as never, md).ok).toBe(false);
  });
});
