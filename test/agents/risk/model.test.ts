import { describe, expect, it } from 'vitest';
import { assessRisk, RISK_FACTOR_FNS, OPPORTUNITY_FNS, usageTrendsFor } from '../../../agents/risk/model.js';
import { DEFAULT_RISK_CONFIG } from '../../../agents/risk/config.js';
import { Assessment } from '../../../agents/risk/types.js';
import { RISK_FACTORS, OPPORTUNITY_FACTORS } from '../../../agents/vocabulary.js';
import { NOW, Story, at, contact, factor, names } from './builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const li = contact('li@acme.com', 'Li Wen', 'economic_buyer');
const days = (n: number, v: number) => Array<number>(n).fill(v);

/** An account with almost everything wrong at once. */
function troubled(): Story {
  const s = new Story({ account: { stage: 'customer', renewalDate: at(30), ownerId: null, csmId: null }, contacts: [dana, li] });
  s.usage('active_users', [...days(28, 100), ...days(7, 20)]);
  s.email(at(-20), { from: 'dana@acme.com', to: 'riley@ourco.com', text: 'I have left the company; my last day is Friday.' });
  s.email(at(-3), { from: 'li@acme.com', to: 'riley@ourco.com', text: 'We are frustrated and evaluating Gong. Can you call me?' });
  return s;
}

describe('assessRisk', () => {
  it('the score is the capped sum of the risk weights; the level comes from the score', () => {
    const a = troubled().assess();
    const sum = Math.round(a.factors.reduce((x, f) => x + f.weight, 0));
    expect(sum).toBeGreaterThan(100);
    expect(a.score).toBe(100);
    expect(a.level).toBe('critical');
    expect(Assessment.parse(a)).toEqual(a);
  });

  it('factors come heaviest first; opportunities are beside risk and never reduce it', () => {
    const s = troubled();
    const before = s.assess();
    expect(before.factors.map((f) => f.weight)).toEqual([...before.factors.map((f) => f.weight)].sort((x, y) => y - x));
    // A customer: in a pre-sale stage a team and a headcount are the deal itself, not expansion.
    const calm = new Story({ account: { stage: 'customer' }, contacts: [dana, li] });
    calm.email(at(-9), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'Thanks, we will review.' });
    const base = calm.assess();
    calm.email(at(-8), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'We also want to roll it out to another region.' });
    const withOpp = calm.assess();
    expect(names(withOpp)).toContain('expansion_signal');
    expect(withOpp.score).toBe(base.score);
    expect(withOpp.factors.every((f) => (RISK_FACTORS as readonly string[]).includes(f.factor))).toBe(true);
    expect(withOpp.opportunities.every((f) => (OPPORTUNITY_FACTORS as readonly string[]).includes(f.factor))).toBe(true);
  });

  it('every factor of DESIGN.md has its function', () => {
    expect(RISK_FACTOR_FNS).toHaveLength(RISK_FACTORS.length);
    expect(OPPORTUNITY_FNS).toHaveLength(OPPORTUNITY_FACTORS.length);
  });

  it('only signals up to asOf count', () => {
    const s = new Story({ account: { stage: 'proposal' }, contacts: [dana] });
    s.email(at(-6), { from: 'sam@ourco.com', to: 'dana@acme.com', subject: 'Proposal', text: 'Attached.' });
    s.email(at(1), { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Re: Proposal', text: 'Looks good.' });
    expect(names(s.assess())).toContain('silence');
    expect(names(s.assess(at(2)))).not.toContain('silence');
  });

  it('nextChangeAt is the earliest moment any factor would change, after asOf', () => {
    const s = new Story({ account: { stage: 'negotiation' }, contacts: [dana] });
    s.crm(at(-20), 'stage', { from: 'proposal', to: 'negotiation' }); // stalls at +10
    s.email(at(-1), { from: 'sam@ourco.com', to: 'dana@acme.com', subject: 'Redlines', text: "We'll send the redlines by Tuesday." }); // due Tue 24 Nov
    s.email(at(-1, 1), { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Re: Redlines', text: 'Thanks.' }); // silence at +2
    const a = s.assess();
    expect(a.nextChangeAt).toBe(at(2, 1));
    expect(Date.parse(a.nextChangeAt!)).toBeGreaterThan(Date.parse(NOW));
  });

  it('a snoozed recommendation wakes the account when its snooze ends', () => {
    const s = new Story({ account: { stage: 'customer', renewalDate: at(300) }, contacts: [dana] });
    s.email(at(-1), { from: 'dana@acme.com', to: 'riley@ourco.com', text: 'All good.' });
    const plain = s.assess();
    const snoozed = s.assess(NOW, { openRecommendations: [{ kind: 'follow_up', status: 'snoozed', snoozedUntil: at(2) }, { kind: 'reply', status: 'proposed', dueAt: at(1) }] });
    expect(Date.parse(plain.nextChangeAt!)).toBeGreaterThan(Date.parse(at(2)));
    expect(snoozed.nextChangeAt).toBe(at(2));
  });

  it('the configuration comes from the input, else from the account settings', () => {
    const s = new Story({ account: { stage: 'proposal', settings: { thresholds: { silenceDays: { proposal: 10 } } } }, contacts: [dana] });
    s.email(at(-6), { from: 'sam@ourco.com', to: 'dana@acme.com', subject: 'Proposal', text: 'Attached.' });
    expect(names(s.assess())).not.toContain('silence');
    expect(names(s.assess(NOW, { config: DEFAULT_RISK_CONFIG }))).toContain('silence');
  });

  it('is pure: the same input gives the same assessment, and the input is not changed', () => {
    const s = troubled();
    const input = { account: s.account, contacts: s.contacts, signals: s.signals, asOf: NOW };
    const copy = structuredClone(input);
    expect(assessRisk(input)).toEqual(assessRisk(input));
    expect(input).toEqual(copy);
  });

  it('a new account with nothing yet is low with nothing to say', () => {
    const a = new Story({ account: { stage: 'qualified' } }).assess();
    expect(a).toEqual({ asOf: NOW, score: 0, level: 'low', factors: [], opportunities: [] });
  });

  it('usage trends are exposed for answers', () => {
    const s = troubled();
    const [u] = usageTrendsFor({ account: s.account, contacts: s.contacts, signals: s.signals, asOf: NOW });
    expect(u).toMatchObject({ metric: 'active_users', baseline: 100, recent: 20, changePct: -80 });
    expect(factor(s.assess(), 'usage_drop')!.weight).toBe(30);
  });
});
