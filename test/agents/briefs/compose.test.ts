import { describe, expect, it } from 'vitest';
import { composeBrief, excerptOf, renderBriefHtml, renderBriefText, briefSubject, type BriefAccountInput, type ComposeBriefInput, type SignalRef } from '../../../agents/briefs/index.js';
import type { Factor } from '../../../agents/risk/types.js';

const AS_OF = '2026-12-01T07:30:00.000Z';
const inDays = (n: number, from = AS_OF) => new Date(Date.parse(from) + n * 86_400_000).toISOString();

const signals: Record<string, SignalRef> = {
  's-silence': { id: 's-silence', kind: 'email', occurredAt: '2026-10-20T10:00:00.000Z', text: 'Re: renewal\nWe will get back to you   after the budget review.' },
  's-comp': { id: 's-comp', kind: 'meeting', occurredAt: '2026-11-28T15:00:00.000Z', text: 'QBR\nThey are evaluating Rivalsoft for next year and asked for a price match.' },
  's-usage': { id: 's-usage', kind: 'usage', occurredAt: '2026-11-25T00:00:00.000Z', text: 'weekly_active_users = 12' },
  's-champ': { id: 's-champ', kind: 'crm', occurredAt: '2026-11-02T09:00:00.000Z', text: 'champion_left: Dana → —' },
};

const factor = (name: Factor['factor'], weight: number, evidence: string[], explanation = `${name} explained`): Factor => ({ factor: name, weight, explanation, evidence });

function account(id: string, o: { renewIn?: number | null; score: number; level: string; factors?: Factor[]; recs?: BriefAccountInput['recommendations'] }): BriefAccountInput {
  return {
    account: { id, name: `Account ${id}`, renewalDate: o.renewIn === null ? null : inDays(o.renewIn ?? 60) },
    assessment: { id: `as-${id}`, asOf: inDays(-1), score: o.score, level: o.level, factors: o.factors ?? [] },
    recommendations: o.recs ?? [],
  };
}

const base = (accounts: BriefAccountInput[], extra: Partial<ComposeBriefInput> = {}): ComposeBriefInput => ({
  csm: { id: 'csm-1', name: 'Casey' }, asOf: AS_OF, accounts, signals, previous: null, ...extra,
});

describe('composeBrief: which accounts', () => {
  it('keeps renewals inside the window at medium risk or worse, and nothing else', () => {
    const b = composeBrief(base([
      account('in', { renewIn: 30, score: 40, level: 'medium' }),
      account('edge', { renewIn: 120, score: 60, level: 'high' }),
      account('late', { renewIn: 121, score: 90, level: 'critical' }),
      account('past', { renewIn: -2, score: 90, level: 'critical' }),
      account('low', { renewIn: 10, score: 20, level: 'low' }),
      account('nodate', { renewIn: null, score: 80, level: 'high' }),
      { ...account('unassessed', { renewIn: 10, score: 0, level: 'low' }), assessment: null },
    ]));
    expect(b.accounts.map((a) => a.accountId).sort()).toEqual(['edge', 'in']);
    expect(b.accounts.find((a) => a.accountId === 'edge')!.daysLeft).toBe(120);
  });

  it('honours a narrower window and a stricter level', () => {
    const accounts = [account('a', { renewIn: 45, score: 40, level: 'medium' }), account('b', { renewIn: 20, score: 60, level: 'high' })];
    expect(composeBrief(base(accounts, { windowDays: 30 })).accounts.map((a) => a.accountId)).toEqual(['b']);
    expect(composeBrief(base(accounts, { minLevel: 'high' })).accounts.map((a) => a.accountId)).toEqual(['b']);
    expect(composeBrief(base(accounts, { minLevel: 'critical' })).accounts).toEqual([]);
  });

  it('ranks by risk weighted by how soon the renewal is: a high risk renewing next week before a slightly higher one in four months', () => {
    const b = composeBrief(base([
      account('far', { renewIn: 115, score: 80, level: 'critical' }),
      account('near', { renewIn: 7, score: 70, level: 'high' }),
      account('mild', { renewIn: 7, score: 30, level: 'medium' }),
    ]));
    expect(b.accounts.map((a) => a.accountId)).toEqual(['near', 'far', 'mild']);
    expect(b.accounts[0].urgency).toBeGreaterThan(b.accounts[1].urgency);
    expect(b.headline).toContain('Account near');
  });
});

describe('composeBrief: what each account says', () => {
  it('lists the top factors by weight with their evidence cited (id, excerpt, date), newest first', () => {
    const b = composeBrief(base([account('a', {
      renewIn: 40, score: 72, level: 'high',
      factors: [
        factor('silence', 20, ['s-silence']), factor('competitor_mention', 25, ['s-comp']),
        factor('usage_drop', 15, ['s-usage', 's-silence']), factor('no_next_step', 5, []),
        factor('renewal_approaching', 0, []),
      ],
    })]));
    const a = b.accounts[0];
    expect(a.factors.map((f) => f.factor)).toEqual(['competitor_mention', 'silence', 'usage_drop']);
    expect(a.factors[0].evidence).toEqual([{ signalId: 's-comp', kind: 'meeting', excerpt: 'QBR They are evaluating Rivalsoft for next year and asked for a price match.', occurredAt: '2026-11-28T15:00:00.000Z' }]);
    expect(a.factors[2].evidence.map((e) => e.signalId)).toEqual(['s-usage', 's-silence']);
    expect(a.factors.every((f) => !f.isNew)).toBe(true); // no previous brief: nothing is "new since"
  });

  it('ranks the open recommendations as the plan and keeps it short', () => {
    const rec = (id: string, priority: number, dueAt: string | null = null) => ({ id, title: `Do ${id}`, kind: 'email_reply', priority, dueAt, evidence: [{ signalId: 's-comp', excerpt: 'evaluating Rivalsoft' }] });
    const b = composeBrief(base([account('a', { renewIn: 40, score: 60, level: 'high', recs: [rec('r1', 40), rec('r2', 90), rec('r3', 40, inDays(2)), rec('r4', 10)] })]));
    expect(b.accounts[0].plan.map((p) => p.recommendationId)).toEqual(['r2', 'r3', 'r1']);
    expect(b.accounts[0].plan[0].evidence[0]).toMatchObject({ signalId: 's-comp', excerpt: 'evaluating Rivalsoft', occurredAt: '2026-11-28T15:00:00.000Z' });
  });

  it('cuts a long excerpt at a word', () => {
    const long = `${'word '.repeat(60)}end`;
    const e = excerptOf(long, 50);
    expect(e.length).toBeLessThanOrEqual(51);
    expect(e.endsWith('word…')).toBe(true);
  });
});

describe('composeBrief: since the last brief', () => {
  const first = composeBrief(base([
    account('worse', { renewIn: 60, score: 40, level: 'medium', factors: [factor('silence', 20, ['s-silence'])] }),
    account('better', { renewIn: 50, score: 80, level: 'critical', factors: [factor('champion_change', 30, ['s-champ']), factor('usage_drop', 20, ['s-usage'])] }),
    account('same', { renewIn: 90, score: 55, level: 'high', factors: [factor('no_next_step', 10, [])] }),
  ], { asOf: '2026-11-20T07:30:00.000Z' }));

  const second = composeBrief(base([
    account('worse', { renewIn: 60, score: 78, level: 'critical', factors: [factor('silence', 20, ['s-silence']), factor('competitor_mention', 30, ['s-comp'])] }),
    account('better', { renewIn: 50, score: 20, level: 'low', factors: [factor('usage_drop', 20, ['s-usage'])] }),
    account('same', { renewIn: 90, score: 55, level: 'high', factors: [factor('no_next_step', 10, [])] }),
    account('fresh', { renewIn: 30, score: 45, level: 'medium', factors: [factor('usage_drop', 15, ['s-usage'])] }),
  ], { previous: { id: 'brief-1', content: first } }));

  it('names the previous brief and the score change per account', () => {
    expect(second.previous).toEqual({ briefId: 'brief-1', asOf: '2026-11-20T07:30:00.000Z' });
    const worse = second.accounts.find((a) => a.accountId === 'worse')!;
    expect([worse.previousScore, worse.previousLevel, worse.score]).toEqual([40, 'medium', 78]);
    expect(second.accounts.find((a) => a.accountId === 'fresh')!.previousScore).toBeNull();
  });

  it('reports new factors, resolved factors and level changes, each cited', () => {
    expect(second.changes.newFactors.map((f) => [f.accountId, f.factor])).toEqual(expect.arrayContaining([['worse', 'competitor_mention'], ['fresh', 'usage_drop']]));
    expect(second.changes.newFactors.find((f) => f.factor === 'competitor_mention')!.evidence[0].signalId).toBe('s-comp');
    expect(second.changes.newFactors.some((f) => f.accountId === 'same')).toBe(false);
    expect(second.changes.resolvedFactors).toEqual([expect.objectContaining({ accountId: 'better', factor: 'champion_change', evidence: [expect.objectContaining({ signalId: 's-champ' })] })]);
    expect(second.changes.levelChanges).toEqual([expect.objectContaining({ accountId: 'worse', from: 'medium', to: 'critical', scoreFrom: 40, scoreTo: 78, assessmentId: 'as-worse' })]);
  });

  it('lists new signals of note: evidence dated after the previous brief only', () => {
    const ids = second.changes.newSignals.map((s) => s.citation.signalId);
    expect(ids).toContain('s-comp'); // 28 Nov, after the 20 Nov brief
    expect(ids).toContain('s-usage'); // 25 Nov
    expect(ids).not.toContain('s-silence'); // 20 Oct: already known
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts an account that dropped below the threshold under "got better", with what resolved', () => {
    expect(second.accounts.some((a) => a.accountId === 'better')).toBe(false);
    expect(second.improved).toEqual([expect.objectContaining({ accountId: 'better', from: 'critical', to: 'low', scoreFrom: 80, scoreTo: 20, assessmentId: 'as-better', resolved: [expect.objectContaining({ factor: 'champion_change' })] })]);
    expect(second.headline).toMatch(/1 got worse\. 1 got better\./);
  });

  it('counts a large score drop at the same level as better, a small one not', () => {
    const prev = composeBrief(base([account('x', { renewIn: 30, score: 74, level: 'high' }), account('y', { renewIn: 30, score: 74, level: 'high' })]));
    const next = composeBrief(base([account('x', { renewIn: 29, score: 55, level: 'high' }), account('y', { renewIn: 29, score: 70, level: 'high' })], { previous: { id: 'p', content: prev } }));
    expect(next.improved.map((i) => i.accountId)).toEqual(['x']);
  });
});

describe('rendering', () => {
  it('text and HTML carry every account, factor citation and change; HTML escapes what it quotes', () => {
    const withTag: Record<string, SignalRef> = { ...signals, 's-tag': { id: 's-tag', kind: 'email', occurredAt: '2026-11-30T00:00:00.000Z', text: 'Use <script>alert(1)</script> & see' } };
    const b = composeBrief(base([account('a', { renewIn: 10, score: 70, level: 'high', factors: [factor('negative_sentiment', 20, ['s-tag']), factor('competitor_mention', 25, ['s-comp'])] })], { signals: withTag }));
    const text = renderBriefText(b);
    expect(text).toContain('Account a: renews 2026-12-11 (10 days left), high risk 70/100');
    expect(text).toContain('[s-comp, 2026-11-28] "QBR They are evaluating Rivalsoft');
    const html = renderBriefHtml(b);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('s-tag');
    expect(briefSubject(b)).toBe('Renewal risk brief 2026-12-01: 1 account at risk');
  });

  it('an email lists the most urgent accounts only and says how many more there are', () => {
    const many = Array.from({ length: 13 }, (_, i) => account(`n${String(i).padStart(2, '0')}`, { renewIn: 10 + i, score: 60, level: 'high' }));
    const b = composeBrief(base(many));
    expect(b.accounts).toHaveLength(13); // stored in full; the app shows them all
    const text = renderBriefText(b);
    expect(text).toContain('10. Account n09');
    expect(text).not.toContain('Account n10');
    expect(text).toContain('…and 3 more at risk');
    expect(renderBriefHtml(b)).toContain('and 3 more at risk');
    expect(renderBriefText(b, 20)).not.toContain('more at risk');
  });
});
