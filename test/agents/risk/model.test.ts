import { describe, expect, it } from 'vitest';
import { account, asOf, at, contact, email, signal } from '../builders.js';
import { assessRisk } from '../../../agents/risk/model.js';
import { riskConfigFor } from '../../../agents/risk/config.js';
import type { Account } from '../../../db/queries/accounts.js';
import type { Contact } from '../../../db/queries/contacts.js';

function assess(acc: Account, contacts: Contact[], raws: Array<Record<string, unknown>>, when = asOf) {
  const signals = raws.map((r) => signal(r, acc, contacts));
  return assessRisk({ account: acc, contacts, signals, asOf: when });
}
const names = (a: ReturnType<typeof assess>) => [...a.factors, ...a.opportunities].map((f) => f.factor).sort();
const factor = (a: ReturnType<typeof assess>, f: string) => [...a.factors, ...a.opportunities].find((x) => x.factor === f);

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const li = contact('li@acme.com', 'Li Wen', 'economic_buyer');
const usage = (baseline: number, recent: number, metric = 'active_users') => Array.from({ length: 35 }, (_, i) => ({
  kind: 'usage', occurredAt: at(-35 + i), metric, value: i < 28 ? baseline : recent,
}));

describe('the seed stories', () => {
  it('the renewal that went quiet is high or critical with every reason explained', () => {
    const acc = account({ stage: 'customer', renewalDate: at(75), csmId: 'riley' });
    const a = assess(acc, [dana, li], [
      ...usage(140, 95),
      { kind: 'crm', occurredAt: at(-21), change: 'owner', from: 'riley', to: '' },
      email(at(-12), 'dana@acme.com', 'sam@ourco.com', "Quick heads-up: I've moved to another division as of Monday."),
    ]);
    expect(['high', 'critical']).toContain(a.level);
    expect(names(a)).toEqual(expect.arrayContaining(['champion_change', 'owner_gap', 'renewal_approaching', 'usage_drop']));
    expect(factor(a, 'usage_drop')!.explanation).toMatch(/active_users fell 3\d(\.\d)?% against the account's own baseline: 140 → 95 \(mean of the last 7 days vs the 28 days before/);
    expect(factor(a, 'champion_change')!.contacts).toEqual(['dana@acme.com']);
    expect(factor(a, 'renewal_approaching')!.explanation).toMatch(/75 days away/);
    for (const f of a.factors) expect(f.evidence.length, f.factor).toBeGreaterThan(0);
  });

  it('a proposal unanswered for six days is silence; at four days it is not yet, and the agent knows when it will be', () => {
    const acc = account({ stage: 'proposal' });
    const hank = contact('hank@acme.com', 'Hank', 'decision_maker');
    const raws = [email(at(-6), 'sam@ourco.com', 'hank@acme.com', 'Attached is our proposal.', { subject: 'Proposal' })];
    const six = assess(acc, [hank], raws);
    expect(factor(six, 'silence')).toMatchObject({ contacts: ['hank@acme.com'] });
    expect(factor(six, 'silence')!.explanation).toMatch(/No reply from Acme in 6 days/);
    const four = assess(acc, [hank], raws, at(-2));
    expect(factor(four, 'silence')).toBeUndefined();
    expect(Date.parse(four.nextChangeAt!)).toBeLessThanOrEqual(Date.parse(at(-1)) + 120_000);
    expect(Date.parse(four.nextChangeAt!)).toBeGreaterThan(Date.parse(at(-2)));
  });

  it('a Friday 16:30 lead is waiting; before five minutes it is not yet, with the moment it becomes late', () => {
    const acc = account({ stage: 'lead' });
    const form = { kind: 'engagement', occurredAt: '2026-11-20T16:30:00Z', event: 'form_submitted', contactEmail: 'peter@initech.com', contactName: 'Peter', text: 'Call me?' };
    const late = assess(acc, [], [form]);
    expect(factor(late, 'new_lead_waiting')).toMatchObject({ weight: 35, contacts: ['peter@initech.com'] });
    const early = assess(acc, [], [form], '2026-11-20T16:32:00Z');
    expect(factor(early, 'new_lead_waiting')).toBeUndefined();
    expect(early.nextChangeAt).toBe('2026-11-20T16:35:00.000Z');
    const answered = assess(acc, [], [form, email('2026-11-20T16:33:00Z', 'sam@ourco.com', 'peter@initech.com', 'Hi Peter, happy to call.')]);
    expect(factor(answered, 'new_lead_waiting')).toBeUndefined();
  });

  it('the multi-threaded deal: silent procurement and security, an overdue promise', () => {
    const acc = account({ stage: 'negotiation' });
    const olu = contact('olu@acme.com', 'Olu', 'procurement');
    const ken = contact('ken@acme.com', 'Ken', 'security');
    const a = assess(acc, [dana, olu, ken], [
      email(at(-20), 'sam@ourco.com', 'ken@acme.com', "We'll send the completed security questionnaire by Friday."),
      email(at(-16), 'olu@acme.com', 'sam@ourco.com', 'Please send the vendor form.'),
      email(at(-15), 'ken@acme.com', 'sam@ourco.com', 'Template attached.'),
      email(at(-2), 'dana@acme.com', 'sam@ourco.com', 'Option B works.'),
    ]);
    expect(factor(a, 'stakeholder_silent')!.contacts!.sort()).toEqual(['ken@acme.com', 'olu@acme.com']);
    expect(factor(a, 'overdue_commitment')!.explanation).toMatch(/security questionnaire/);
    expect(factor(a, 'overdue_commitment')!.contacts).toEqual(['ken@acme.com']);
  });

  it('a promise fulfilled by a later email is not overdue', () => {
    const acc = account({ stage: 'negotiation' });
    const a = assess(acc, [dana], [
      email(at(-10), 'sam@ourco.com', 'dana@acme.com', "We'll send the security questionnaire by Friday."),
      email(at(-8), 'sam@ourco.com', 'dana@acme.com', 'Here is the completed security questionnaire.'),
      email(at(-1), 'dana@acme.com', 'sam@ourco.com', 'Thanks.'),
    ]);
    expect(factor(a, 'overdue_commitment')).toBeUndefined();
  });

  it('a promise delivered in other words to the person it was made to is kept; a delivery to someone else is not', () => {
    const acc = account({ stage: 'negotiation' });
    const ken = contact('ken@acme.com', 'Ken', 'security');
    const promise = { kind: 'meeting', occurredAt: at(-12), title: 'Security review', attendees: [{ email: 'ken@acme.com', name: 'Ken' }, { email: 'dana@acme.com', name: 'Dana Ruiz' }, { email: 'sam@ourco.com', name: 'Sam Patel' }],
      transcript: [{ speaker: 'Ken', text: 'We need your questionnaire answers.' }, { speaker: 'Sam Patel', text: "We'll send the completed security questionnaire by Friday." }] };
    const tail = email(at(-1), 'dana@acme.com', 'sam@ourco.com', 'Order form is with our CFO.');
    const kept = assess(acc, [dana, ken], [promise, email(at(-10), 'sam@ourco.com', 'ken@acme.com', 'Attached are our answers to your vendor risk assessment.'), tail]);
    expect(factor(kept, 'overdue_commitment')).toBeUndefined();
    const elsewhere = assess(acc, [dana, ken], [promise, email(at(-10), 'sam@ourco.com', 'dana@acme.com', 'Attached are the pricing options.'), tail]);
    expect(factor(elsewhere, 'overdue_commitment')!.contacts).toEqual(['ken@acme.com', 'dana@acme.com']);
  });

  it('the expansion signal quotes who said it', () => {
    const acc = account({ stage: 'customer', renewalDate: at(300) });
    const cto = contact('priya@acme.com', 'Priya Raman', 'executive_sponsor', { title: 'CTO' });
    const a = assess(acc, [cto], [{ kind: 'meeting', occurredAt: at(-2), title: 'QBR', attendees: [{ email: 'priya@acme.com', name: 'Priya Raman' }],
      transcript: [{ speaker: 'Priya Raman', text: "We're launching a new initiative to bring three clinics onto the platform." }] }]);
    expect(factor(a, 'expansion_signal')!.explanation).toMatch(/^Priya Raman \(CTO\) said 2 days ago: "We're launching a new initiative/);
    expect(a.level).toBe('low');
  });

  it('a healthy account: meeting booked, recent two-way email → low, nothing flagged', () => {
    const acc = account({ stage: 'discovery' });
    const a = assess(acc, [dana, li], [
      email(at(-3), 'sam@ourco.com', 'dana@acme.com', 'Summary and next steps below.'),
      email(at(-2), 'dana@acme.com', 'sam@ourco.com', 'Looks right. Li joins next week.'),
      email(at(-1), 'li@acme.com', 'sam@ourco.com', 'Confirmed.'),
      { kind: 'calendar', occurredAt: at(-1), event: 'scheduled', eventId: 'e1', title: 'Deep dive', startsAt: at(6), attendees: [{ email: 'li@acme.com', name: 'Li' }] },
    ]);
    expect(a).toMatchObject({ level: 'low', score: 0, factors: [] });
  });
});

describe('traps', () => {
  it('silence is fine when the next meeting is booked, and not when it was cancelled', () => {
    const acc = account({ stage: 'demo' });
    const base = [email(at(-12), 'dana@acme.com', 'sam@ourco.com', 'See you at the demo.'),
      { kind: 'calendar', occurredAt: at(-12), event: 'scheduled', eventId: 'demo', title: 'Demo', startsAt: at(3), attendees: [{ email: 'dana@acme.com', name: 'Dana' }] }];
    expect(factor(assess(acc, [dana], base), 'silence')).toBeUndefined();
    const cancelled = [...base, { kind: 'calendar', occurredAt: at(-5), event: 'cancelled', eventId: 'demo', title: 'Demo', startsAt: at(3), attendees: [] }];
    expect(factor(assess(acc, [dana], cancelled), 'silence')).toBeDefined();
  });

  it('a competitor named as the tool being replaced is no competitive risk', () => {
    const acc = account({ stage: 'discovery' });
    const a = assess(acc, [dana], [email(at(-1), 'dana@acme.com', 'sam@ourco.com', "We're moving off Clari at the end of the year.")]);
    expect(factor(a, 'competitor_mention')).toBeUndefined();
    const b = assess(acc, [dana], [email(at(-1), 'dana@acme.com', 'sam@ourco.com', 'Clari showed us their forecasting demo yesterday.')]);
    expect(factor(b, 'competitor_mention')!.explanation).toMatch(/Clari is in play/);
  });

  it('a holiday-week dip that recovered is not a usage drop', () => {
    const acc = account({ stage: 'customer' });
    const dip = Array.from({ length: 35 }, (_, i) => ({ kind: 'usage', occurredAt: at(-35 + i), metric: 'active_users', value: i >= 28 && i <= 31 ? 40 : 140 }));
    expect(factor(assess(acc, [dana], dip), 'usage_drop')).toBeUndefined();
    expect(factor(assess(acc, [dana], usage(140, 95)), 'usage_drop')).toBeDefined();
  });

  it('an out-of-office reply and a newsletter are not inbound questions, nor contact', () => {
    const acc = account({ stage: 'proposal' });
    const a = assess(acc, [dana], [
      email(at(-8), 'sam@ourco.com', 'dana@acme.com', 'Proposal attached.'),
      email(at(-8), 'dana@acme.com', 'sam@ourco.com', 'I am currently out of the office. Can it wait?', { subject: 'Automatic reply: Proposal' }),
      email(at(-1), 'news@acme.com', 'sam@ourco.com', 'Acme news: what is new this month? Unsubscribe.', { auto: 'newsletter' }),
    ]);
    expect(factor(a, 'unanswered_inbound')).toBeUndefined();
    expect(factor(a, 'silence')).toBeDefined(); // the auto-reply did not count as a reply
  });

  it('a thread where the customer already got an answer is not unanswered', () => {
    const acc = account({ stage: 'discovery' });
    const raws = [email(at(-3), 'dana@acme.com', 'sam@ourco.com', 'Can you send the SOC 2 report?'), email(at(-2), 'sam@ourco.com', 'dana@acme.com', 'Attached.')];
    expect(factor(assess(acc, [dana], raws), 'unanswered_inbound')).toBeUndefined();
    expect(factor(assess(acc, [dana], raws.slice(0, 1)), 'unanswered_inbound')!.explanation).toMatch(/Dana Ruiz asked a question \(email "Re: project"\) 3 days ago/);
  });
});

describe('other factors', () => {
  it('single-threaded, owner gap, stage stalled, negative sentiment, buying signal, usage growth', () => {
    const acc = account({ stage: 'proposal', ownerId: null });
    const a = assess(acc, [dana, li], [
      { kind: 'crm', occurredAt: at(-40), change: 'stage', from: 'demo', to: 'proposal' },
      email(at(-3), 'dana@acme.com', 'sam@ourco.com', 'We are frustrated: the pilot export is broken again and this is unacceptable.'),
      email(at(-1), 'dana@acme.com', 'sam@ourco.com', 'If that is fixed we are ready to move forward; please send the contract.'),
      ...usage(100, 150, 'api_calls'),
    ]);
    expect(names(a)).toEqual(expect.arrayContaining(['single_threaded', 'owner_gap', 'stage_stalled', 'negative_sentiment', 'buying_signal', 'usage_growth']));
    expect(factor(a, 'stage_stalled')!.explanation).toMatch(/in proposal for 40 days since Sun 11 Oct \(expected at most 21\)/);
  });

  it('scores are the capped sum of weights, with the level from the score', () => {
    const acc = account({ stage: 'customer', renewalDate: at(30), ownerId: null });
    const a = assess(acc, [dana], [...usage(100, 20), email(at(-20), 'dana@acme.com', 'sam@ourco.com', 'I have left the company; my last day is Friday.')]);
    expect(a.score).toBe(Math.min(100, Math.round(a.factors.reduce((s, f) => s + f.weight, 0))));
    expect(a.level).toBe(a.score >= 75 ? 'critical' : a.score >= 50 ? 'high' : a.score >= 25 ? 'medium' : 'low');
    expect(a.opportunities.every((o) => !a.factors.includes(o))).toBe(true);
  });
});

describe('configuration', () => {
  it('per-account overrides are deep-merged and validated', () => {
    const cfg = riskConfigFor({ thresholds: { silenceDays: { proposal: 10 }, weights: { silence: 40 } }, competitors: ['Acme CRM'] });
    expect(cfg.silenceDays.proposal).toBe(10);
    expect(cfg.silenceDays.discovery).toBe(7);
    expect(cfg.weights.silence).toBe(40);
    expect(cfg.competitors).toEqual(['Acme CRM']);
    expect(() => riskConfigFor({ thresholds: { silenceDays: { proposal: 'soon' } } })).toThrow(/silenceDays.proposal/);
  });

  it('an account with a longer silence SLA is not flagged at six days', () => {
    const acc = account({ stage: 'proposal', settings: { thresholds: { silenceDays: { proposal: 10 } } } });
    const a = assess(acc, [dana], [email(at(-6), 'sam@ourco.com', 'dana@acme.com', 'Proposal attached.')]);
    expect(factor(a, 'silence')).toBeUndefined();
  });
});
