// The DEV half of the perception corpus as a regression guard for the rules perceiver: every family
// loads with its minimum size and share of hard negatives, and precision and recall stay at or above
// 0.9 per concept (the goal; the held-out TEST half is scored by evals/perception/run.ts).
import { describe, expect, it } from 'vitest';
import { perceiveSignal } from '../../../agents/perception/index.js';
import { CONCEPT, FAMILIES, devItems, scoreFamily } from './corpus-harness.js';

describe('perception corpus, dev half', () => {
  it.each(FAMILIES)('%s: at least 40 items, at least 40 %% hard negatives', (family) => {
    const items = devItems(family);
    expect(items.length).toBeGreaterThanOrEqual(40);
    // A hard negative lacks its own family's concept; it may hold others (a churn item's request), as the corpus format says.
    expect(items.filter((i) => i.hard && !i.expect.some((e) => e.concept === CONCEPT[family])).length / items.length).toBeGreaterThanOrEqual(0.4);
  });

  it.each(FAMILIES)('%s: precision and recall at least 0.9', (family) => {
    const s = scoreFamily(family, perceiveSignal);
    const precision = s.tp / Math.max(1, s.tp + s.fp);
    const recall = s.tp / Math.max(1, s.tp + s.fn);
    expect({ precision, recall, misses: s.misses }).toMatchObject({ precision: expect.any(Number), recall: expect.any(Number) });
    expect(precision, s.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(recall, s.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
