// --write-results never lowers CI's floor by accident: a run that passed fewer scenarios than
// RESULTS.md records is refused (the file is left as it was) unless --lower-ratchet says it is meant.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lowersRatchet, passedLine, writeResults, type ResultsInput } from '../../evals/results.js';
import { aggregate } from '../../evals/metrics.js';

const result = (name: string, passed: boolean) => ({
  name, file: `${name}.yaml`, passed, missed: passed ? [] : ['risk factor silence'], extra: [], answers: [], checkpoints: [],
  produced: { level: 'low', score: 10, factors: [], recommendations: [] },
}) as unknown as ResultsInput['results'][number];

const input = (passes: boolean[]): ResultsInput => ({
  command: 'npm run evals -- --write-results', evaluatedAt: '2026-12-02T00:00:00.000Z', reasoner: 'rules', e2e: false,
  metrics: aggregate([]), results: passes.map((p, i) => result(`s${i}`, p)), scenariosDir: 'evals/scenarios', scenarios: [], commit: 'abc1234',
});

describe('the pass count in RESULTS.md is a floor for --write-results', () => {
  it('says why a lower run is not written, and lets an equal or better one through', () => {
    const md = `# Eval results\n${passedLine(5, 6)}\n`;
    expect(lowersRatchet(md, 4)).toMatch(/4 passed, below the 5 of 6/);
    expect(lowersRatchet(md, 5)).toBeNull();
    expect(lowersRatchet(md, 6)).toBeNull();
    expect(lowersRatchet(md, 4, true)).toBeNull();
    expect(lowersRatchet(null, 0)).toBeNull();
  });

  it('leaves the file untouched when refused and writes it with --lower-ratchet', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'results-')), 'RESULTS.md');
    writeResults(input([true, true, true]), { path });
    const before = readFileSync(path, 'utf8');
    expect(before).toContain(passedLine(3, 3));
    expect(() => writeResults(input([true, false, true]), { path })).toThrow(/below the 3 of 3/);
    expect(readFileSync(path, 'utf8')).toBe(before);
    writeResults(input([true, false, true]), { path, allowLower: true });
    expect(readFileSync(path, 'utf8')).toContain(passedLine(2, 3));
    writeFileSync(path, 'no count recorded\n');
    writeResults(input([false, false, true]), { path });
    expect(readFileSync(path, 'utf8')).toContain(passedLine(1, 3));
  });
});
