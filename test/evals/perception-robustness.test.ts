import { describe, expect, it } from 'vitest';
import { REWRITES, formatRobustness, robustness } from '../../evals/perception/robustness.js';
import type { Concept, Item } from '../../evals/perception/corpus.js';

const item = (id: string, text: string, expect: Concept[]): Item => ({ id, register: 'chat', from: 'a@b.example', text, expect: expect.map((concept) => ({ concept }) as Item['expect'][number]) });
const rewrite = (name: string) => REWRITES.find((r) => r.name === name)!;

describe('perception robustness', () => {
  it('rewrites keep the words and change only the writing', () => {
    expect(rewrite('lower_case').apply('Oona Falk left Halberd.')).toBe('oona falk left halberd.');
    expect(rewrite('contractions_out').apply("We won't renew and I'm done.")).toBe('We will not renew and I am done.');
    expect(rewrite('contractions_in').apply('We will not renew.')).toBe("We won't renew.");
    expect(rewrite('unrelated_after').apply('we are leaving')).toMatch(/^we are leaving\. Also, /);
    expect(rewrite('no_full_stops').apply('Done. Sent it!')).toBe('Done Sent it');
  });

  it('counts, among items read right, the concepts a rewrite loses or gains', async () => {
    const items = [item('churn-d-001', 'We will not renew.', ['churn']), item('churn-d-002', 'All good here.', []), item('churn-d-003', 'Missed one', ['churn'])];
    // A reader that only sees churn in capitalised text, and sees it in anything ending in "here." once lower-cased.
    const read = async (it: Item) => new Set<Concept>(/^We will not/.test(it.text) || it.text === 'all good here.' ? ['churn'] : []);
    const [lower] = await robustness(items, read, [rewrite('lower_case')]);
    expect(lower.changed).toBe(3);
    expect(lower.lost.churn).toBe(1);
    expect(lower.gained.churn).toBe(1);
    // The item read wrong to begin with (churn-d-003) is not counted either way.
    expect(lower.flips.map((f) => f.id)).toEqual(['churn-d-001', 'churn-d-002']);
    expect(formatRobustness('dev', [lower], true)).toContain('lost churn churn-d-001');
    expect(formatRobustness('val', [lower], false)).not.toContain('churn-d-001');
  });
});
