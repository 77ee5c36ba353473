import { describe, expect, it } from 'vitest';
import { aggregate, citationValid, excerptInTexts, expectsFlag, leadTimeDays, levelSatisfies, type ScenarioCounts } from '../../evals/metrics.js';
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

  it('mentions are looked for in title, rationale and draft, not in the cited evidence', () => {
    const r = checkExpectations({ answers: [], recommendations: { present: [{ kind: 'follow_up', mentions: ['Proposal'], cites: true }], absent: [] } }, produced);
    expect(r.recHit).toBe(0);
    const s = checkExpectations({ answers: [], recommendations: { present: [{ kind: 'follow_up', mentions: ['QUIET FOR', 'hank@'], cites: true }], absent: [] } }, produced);
    expect(s.recHit).toBe(1);
  });

  it('a recommendation without evidence misses an expectation that wants citations', () => {
    const bare = { ...produced, recommendations: [{ ...produced.recommendations[0], evidence: [] }] };
    expect(checkExpectations({ answers: [], recommendations: { present: [{ kind: 'follow_up', mentions: [], cites: true }], absent: [] } }, bare).recHit).toBe(0);
    expect(checkExpectations({ answers: [], recommendations: { present: [{ kind: 'follow_up', mentions: [], cites: false }], absent: [] } }, bare).recHit).toBe(1);
  });

  it('answers: mentions case-insensitive, citations when asked, an agent error is a miss', () => {
    const expectAnswers = { answers: [{ question: 'Who is our champion now?', mentions: ['dana'], cites: true }] };
    const cited = [{ signalId: 's1', excerpt: 'Dana' }];
    expect(checkExpectations(expectAnswers, produced, [{ question: 'Who is our champion now?', answer: 'Dana Ruiz (VP Operations)', citations: cited }]).answersHit).toBe(1);
    expect(checkExpectations(expectAnswers, produced, [{ question: 'Who is our champion now?', answer: 'Dana Ruiz', citations: [] }]).answersHit).toBe(0);
    const failed = checkExpectations(expectAnswers, produced, [{ question: 'Who is our champion now?', answer: '', citations: [], error: 'not implemented' }]);
    expect(failed.answersHit).toBe(0);
    expect(failed.missed[0]).toMatch(/the agent failed: not implemented/);
  });

  it('a false alarm on a low-risk scenario is a high level or an unrequested recommendation', () => {
    expect(isFalseAlarm({ ...produced, level: 'low' }, ['follow_up'])).toBe(false);
    expect(isFalseAlarm({ ...produced, level: 'low' }, [])).toBe(true);
    expect(isFalseAlarm({ ...produced, recommendations: [] }, [])).toBe(true);
  });
});
