import { describe, expect, it } from 'vitest';
import { aggregate, citationValid, excerptInTexts, expectsFlag, leadTimeDays, levelSatisfies, type ScenarioCounts } from '../../evals/metrics.js';

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
    expect(levelSatisfies('n/a', { max: 'low' })).toBe(false);
  });
});

describe('citation validity', () => {
  const signal = { accountId: 'acme', texts: ['Subject: Renewal\nWe   will not renew\nunless the SSO issue is fixed.'] };

  it('accepts an excerpt that is verbatim in the signal, whatever its whitespace', () => {
    expect(excerptInTexts('will not renew unless', signal.texts)).toBe(true);
    expect(citationValid('We will not renew\n unless the SSO issue is fixed.', signal, 'acme')).toBe(true);
  });

  it('rejects an excerpt that is not in it, changed case, or empty', () => {
    expect(excerptInTexts('will not renew if', signal.texts)).toBe(false);
    expect(excerptInTexts('WE WILL NOT RENEW', signal.texts)).toBe(false);
    expect(excerptInTexts('  \n ', signal.texts)).toBe(false);
  });

  it('rejects a signal that does not exist or belongs to another account', () => {
    expect(citationValid('will not renew', undefined, 'acme')).toBe(false);
    expect(citationValid('will not renew', signal, 'globex')).toBe(false);
  });
});

describe('lead time', () => {
  const now = Date.parse('2026-11-20T12:00:00Z');
  it('is the distance to the earliest checkpoint that passed', () => {
    expect(leadTimeDays(now, [
      { at: '2026-11-10T12:00:00Z', passed: false, flags: true },
      { at: '2026-11-13T12:00:00Z', passed: true, flags: true },
      { at: '2026-11-17T00:00:00Z', passed: true, flags: true },
    ])).toBe(7);
    expect(leadTimeDays(now, [{ at: '2026-11-20T11:30:00Z', passed: true, flags: true }])).toBeCloseTo(1 / 48);
  });
  it('ignores control checkpoints that only expect nothing yet', () => {
    expect(leadTimeDays(now, [{ at: '2026-10-21T12:00:00Z', passed: true, flags: false }, { at: '2026-11-18T12:00:00Z', passed: true, flags: true }])).toBe(2);
    expect(leadTimeDays(now, [{ at: '2026-10-21T12:00:00Z', passed: true, flags: false }])).toBeNull();
  });
  it('is null when no checkpoint passed', () => {
    expect(leadTimeDays(now, [{ at: '2026-11-13T12:00:00Z', passed: false, flags: true }])).toBeNull();
    expect(leadTimeDays(now, [])).toBeNull();
  });
  it('a checkpoint flags when it expects a factor or recommendation present or a level above low', () => {
    expect(expectsFlag({ factors: { present: ['silence'] } })).toBe(true);
    expect(expectsFlag({ recommendations: { present: [{ kind: 'reply' }] } })).toBe(true);
    expect(expectsFlag({ level: { min: 'medium' } })).toBe(true);
    expect(expectsFlag({ level: 'high' })).toBe(true);
    expect(expectsFlag({ level: 'low' })).toBe(false);
    expect(expectsFlag({ level: { max: 'medium' }, factors: { present: [] } })).toBe(false);
  });
});
