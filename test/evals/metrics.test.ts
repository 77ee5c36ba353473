import { describe, expect, it } from 'vitest';
import { aggregate, levelSatisfies, type ScenarioCounts } from '../../evals/metrics.js';
import { checkExpectations } from '../../evals/check.js';
import { isFalseAlarm } from '../../evals/run-scenario.js';

const zero: ScenarioCounts = { factorTP: 0, factorFN: 0, factorFP: 0, recExpected: 0, recHit: 0, expectsLow: false, falseAlarm: false, levelChecked: false, levelOk: false, citations: 0, citationsValid: 0, answersExpected: 0, answersHit: 0, leadTimeDays: null };

describe('metric arithmetic', () => {
  it('adds counts across scenarios', () => {
    const m = aggregate([
      { ...zero, factorTP: 3, factorFN: 1, factorFP: 0, recExpected: 2, recHit: 1, levelChecked: true, levelOk: true, citations: 4, citationsValid: 4, answersExpected: 1, answersHit: 1, leadTimeDays: 5 },
      { ...zero, factorTP: 1, factorFN: 0, factorFP: 2, recExpected: 2, recHit: 2, expectsLow: true, falseAlarm: true, levelChecked: true, levelOk: false, citations: 1, citationsValid: 0, leadTimeDays: 1 },
      { ...zero, expectsLow: true },
    ]);
    expect(m.factorPrecision).toBeCloseTo(4 / 6);
    expect(m.factorRecall).toBeCloseTo(4 / 5);
    expect(m.recommendationHitRate).toBeCloseTo(3 / 4);
    expect(m.falseAlarmRate).toBeCloseTo(1 / 2);
    expect(m.lowRiskScenarios).toBe(2);
    expect(m.levelAccuracy).toBeCloseTo(1 / 2);
    expect(m.citationValidity).toBeCloseTo(4 / 5);
    expect(m.answerHitRate).toBe(1);
    expect(m.meanLeadTimeDays).toBe(3);
  });

  it('says n/a (NaN) rather than inventing a rate with nothing to measure', () => {
    const m = aggregate([zero]);
    expect(m.factorPrecision).toBeNaN();
    expect(m.meanLeadTimeDays).toBeNull();
  });

  it('compares levels by order', () => {
    expect(levelSatisfies('high', { min: 'high' })).toBe(true);
    expect(levelSatisfies('medium', { min: 'high' })).toBe(false);
    expect(levelSatisfies('medium', { max: 'medium' })).toBe(true);
    expect(levelSatisfies('critical', 'high')).toBe(false);
  });
});

describe('expectation checks', () => {
  const produced = {
    level: 'high', score: 60, factors: ['silence', 'competitor_mention'],
    recommendations: [{ kind: 'follow_up', title: 'Follow up with Hank', rationale: 'Quiet for 6 days', draft: { to: ['hank@globex.io'], body: 'Hi Hank' }, evidence: [{ signalId: 's1', excerpt: 'Proposal' }] }],
  };

  it('counts hits, misses and extras', () => {
    const r = checkExpectations({
      level: { min: 'high' }, answers: [],
      factors: { present: ['silence', 'no_next_step'], absent: ['competitor_mention'] },
      recommendations: { present: [{ kind: 'follow_up', mentions: ['hank@globex.io'], cites: true }, { kind: 'reply', mentions: [], cites: true }], absent: ['follow_up'] },
    }, produced);
    expect(r).toMatchObject({ factorTP: 1, factorFN: 1, factorFP: 1, recExpected: 2, recHit: 1, levelChecked: true, levelOk: true });
    expect(r.missed).toEqual(['factor no_next_step', 'recommendation reply']);
    expect(r.extra).toEqual(['factor competitor_mention', 'recommendation follow_up']);
  });

  it('a recommendation of the right kind that does not mention what it must is a miss', () => {
    const r = checkExpectations({ answers: [], recommendations: { present: [{ kind: 'follow_up', mentions: ['Marta'], cites: true }], absent: [] } }, produced);
    expect(r.missed).toEqual(['recommendation follow_up mentioning Marta (kind present, content did not match)']);
  });

  it('a false alarm on a low-risk scenario is a high level or an unrequested recommendation', () => {
    expect(isFalseAlarm({ ...produced, level: 'low' }, ['follow_up'])).toBe(false);
    expect(isFalseAlarm({ ...produced, level: 'low' }, [])).toBe(true);
    expect(isFalseAlarm({ ...produced, recommendations: [] }, [])).toBe(true);
  });
});
