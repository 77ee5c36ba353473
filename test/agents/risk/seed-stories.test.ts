// The scenarios the product must get right (see ../shared/seeds), each as a small account story.
import { describe, expect, it } from 'vitest';
import { NOW, Story, at, contact, factor, names } from './builders.js';

const wobble = [0, 4, -3, 6, -5, 2, -2];
/** Daily active users: `before` for 28 days, then `after` for the last 7, with a little day-to-day noise. */
const series = (before: number, after: number) => Array.from({ length: 35 }, (_, i) => (i < 28 ? before : after) + wobble[i % 7]);

describe('the renewal that went quiet', () => {
  const story = () => {
    const s = new Story({
      account: { name: 'Brightline Dental', domains: ['brightline.com'], stage: 'customer', renewalDate: at(75), ownerId: 'sam', csmId: 'riley' },
      contacts: [
        contact('dana@brightline.com', 'Dana Ruiz', 'champion', { title: 'VP Operations' }),
        contact('li@brightline.com', 'Li Wen', 'economic_buyer', { title: 'CFO' }),
      ],
    });
    s.email(at(-45), { from: 'riley@ourco.com', to: 'dana@brightline.com', subject: 'Quarterly check-in', text: 'Hi Dana, how is the rollout going at the practices?' });
    s.email(at(-44), { from: 'dana@brightline.com', to: 'riley@ourco.com', subject: 'Re: Quarterly check-in', text: 'All fine, the practices are on it. Let us catch up next quarter.' });
    s.usage('active_users', series(140, 95));
    s.crm(at(-21), 'owner', { from: 'Riley Chen', to: '', text: 'Riley Chen left Ourco; account unassigned' });
    s.email(at(-12), { from: 'dana@brightline.com', to: 'riley@ourco.com', subject: 'Change on our side', text: "Quick heads-up: I've moved to another division as of Monday. Li will know who picks this up." });
    return s;
  };

  it('is high or critical, with every reason named', () => {
    const a = story().assess();
    expect(['high', 'critical']).toContain(a.level);
    expect(names(a)).toEqual(expect.arrayContaining(['owner_gap', 'champion_change', 'usage_drop', 'renewal_approaching']));
    expect(factor(a, 'owner_gap')!.explanation).toMatch(/^Riley Chen no longer covers Brightline Dental: the owner was cleared in the CRM 21 days ago \(Riley Chen left Ourco; account unassigned\)/);
    expect(factor(a, 'champion_change')).toMatchObject({ contacts: ['dana@brightline.com'] });
    expect(factor(a, 'champion_change')!.explanation).toMatch(/^Champion Dana Ruiz has moved to another role \(12 days ago: "Quick heads-up: I've moved to another division/);
    expect(factor(a, 'usage_drop')!.explanation).toMatch(/^active_users fell 3\d(\.\d)?% against the account's own baseline: 140 → 9\d/);
    expect(factor(a, 'renewal_approaching')!.explanation).toMatch(/^Renewal on 2027-02-03 is 75 days away \(inside the 90-day window\); no renewal conversation since the window opened/);
    for (const f of a.factors) expect(f.evidence.length, f.factor).toBeGreaterThan(0);
  });

  it('as of a month earlier none of it had happened yet', () => {
    const a = story().assess(at(-30));
    expect(names(a)).not.toContain('usage_drop');
    expect(names(a)).not.toContain('champion_change');
    expect(names(a)).not.toContain('owner_gap');
  });
});

describe('the expansion signal in a QBR', () => {
  it('quotes the CTO, and the account stays low', () => {
    const s = new Story({
      account: { name: 'Northwind Health', domains: ['northwind.health'], stage: 'customer', renewalDate: at(220), csmId: 'riley' },
      contacts: [contact('priya@northwind.health', 'Priya Raman', 'executive_sponsor', { title: 'CTO' }), contact('tom@northwind.health', 'Tom Becker', 'champion')],
    });
    s.meeting(at(-2), 'Northwind QBR', ['priya@northwind.health', 'tom@northwind.health', 'riley@ourco.com'], [
      ['Riley Chen', 'Thanks for making time. Anything new on your side?'],
      ['Tom Becker', 'Scheduling is stable; the clinics are happy.'],
      ['Priya Raman', "We're launching a new initiative next quarter to bring our three outpatient clinics onto the platform."],
    ]);
    s.calendar(at(-2), 'scheduled', 'qbr-follow-up', 'Northwind / Ourco - clinic rollout scoping', at(12), ['priya@northwind.health', 'riley@ourco.com']);
    const a = s.assess();
    expect(factor(a, 'expansion_signal')).toMatchObject({ contacts: ['priya@northwind.health'] });
    expect(factor(a, 'expansion_signal')!.explanation).toBe('Priya Raman (CTO) said 2 days ago: "We\'re launching a new initiative next quarter to bring our three outpatient clinics onto the platform."');
    expect(a.level).toBe('low');
    expect(a.factors).toEqual([]);
  });
});

describe('the multi-threaded deal', () => {
  const story = () => {
    const s = new Story({
      account: { name: 'Castellan Bank', domains: ['castellan.com'], stage: 'negotiation' },
      contacts: [
        contact('marta@castellan.com', 'Marta Silva', 'champion'),
        contact('olu@castellan.com', 'Olu Bakare', 'procurement'),
        contact('ken@castellan.com', 'Ken Ito', 'security'),
      ],
    });
    s.meeting(at(-18), 'Security review', ['ken@castellan.com', 'marta@castellan.com', 'sam@ourco.com'], [
      ['Ken Ito', 'Before procurement can sign, we need your answers to our security questionnaire.'],
      ['Sam Patel', "Understood. We'll send the completed security questionnaire by Friday."],
    ]);
    s.email(at(-17), { from: 'olu@castellan.com', to: 'sam@ourco.com', subject: 'Vendor onboarding', text: 'Please send your vendor onboarding form and bank details.' });
    s.email(at(-16, 2), { from: 'sam@ourco.com', to: 'olu@castellan.com', subject: 'Re: Vendor onboarding', text: 'Here is the completed vendor form.', attachments: [{ name: 'vendor-form.pdf', size: 20000 }] });
    s.email(at(-3), { from: 'marta@castellan.com', to: 'sam@ourco.com', subject: 'Option B', text: 'Legal is fine with option B. I am pushing internally.' });
    s.email(at(-2), { from: 'sam@ourco.com', to: 'marta@castellan.com', subject: 'Re: Option B', text: 'Great news, thank you Marta.' });
    s.calendar(at(-2), 'scheduled', 'neg-3', 'Castellan / Ourco - commercial terms', at(4), ['marta@castellan.com', 'sam@ourco.com']);
    return s;
  };

  it('procurement and security silent two weeks while the champion is active, and our questionnaire promise is overdue', () => {
    const a = story().assess();
    const silent = factor(a, 'stakeholder_silent')!;
    expect([...silent.contacts!].sort()).toEqual(['ken@castellan.com', 'olu@castellan.com']);
    expect(silent.explanation).toMatch(/Olu Bakare \(procurement\) silent for 17 days/);
    expect(silent.explanation).toMatch(/Ken Ito \(security\) silent for 18 days/);
    expect(silent.explanation).toMatch(/while Marta Silva \(champion\) was heard from on Tue 17 Nov/);
    const overdue = factor(a, 'overdue_commitment')!;
    expect(overdue.explanation).toMatch(/^Sam Patel promised Ken Ito \(security\) and Marta Silva \(champion\) on Mon 2 Nov: "We'll send the completed security questionnaire by Friday\."; it was due Fri 6 Nov, 13 days ago, and nothing since fulfils it$/);
    expect(overdue.contacts).toEqual(['ken@castellan.com', 'marta@castellan.com']);
    expect(names(a)).not.toContain('single_threaded');
    expect(names(a)).not.toContain('silence');
  });

  it('the promise was not yet overdue on the Thursday, and the agent knew when it would be', () => {
    const a = story().assess(at(-15));
    expect(factor(a, 'overdue_commitment')).toBeUndefined();
    expect(a.nextChangeAt).toBe('2026-11-06T17:00:00.000Z');
  });

  it('sending the questionnaire keeps the promise', () => {
    const s = story();
    s.email(at(-1), { from: 'sam@ourco.com', to: 'ken@castellan.com', subject: 'Security questionnaire', text: 'Ken, the completed security questionnaire is attached. Sorry for the delay.' });
    expect(factor(s.assess(), 'overdue_commitment')).toBeUndefined();
  });
});

describe('the Friday 16:30 lead', () => {
  const story = () => {
    const s = new Story({ account: { name: 'Initech', domains: ['initech.com'], stage: 'lead' } });
    s.engagement('2026-11-20T16:30:00Z', 'form_submitted', { contactEmail: 'peter@initech.com', contactName: 'Peter Novak', text: 'We run 40 trucks and would like a demo and rough pricing for 15 users. Could someone call me before Monday?' });
    return s;
  };

  it('is waiting ten minutes later with no response', () => {
    const a = story().assess(NOW);
    expect(factor(a, 'new_lead_waiting')).toMatchObject({ weight: 35, contacts: ['peter@initech.com'] });
    expect(factor(a, 'new_lead_waiting')!.explanation).toBe('New lead Peter Novak submitted a form 10 minutes ago (Fri 20 Nov 16:30 UTC) and has had no response; the first-response target is 5 minutes');
    expect(a.level).toBe('medium');
  });

  it('two minutes in it is flagged already (its reply is drafted) but not late: part of the weight, and the agent wakes at 16:35 to escalate', () => {
    const a = story().assess('2026-11-20T16:32:00Z');
    expect(factor(a, 'new_lead_waiting')).toMatchObject({ weight: 14 });
    expect(factor(a, 'new_lead_waiting')!.explanation).toMatch(/the 5-minute first-response target runs out at Fri 20 Nov 16:35 UTC$/);
    expect(a.nextChangeAt).toBe('2026-11-20T16:35:00.000Z');
  });

  it('a reply, even a late one, ends the wait', () => {
    const s = story();
    s.email('2026-11-20T16:50:00Z', { from: 'sam@ourco.com', to: 'peter@initech.com', subject: 'Your demo request', text: 'Hi Peter, I can call you at 17:15 today.' });
    expect(factor(s.assess('2026-11-20T16:45:00Z'), 'new_lead_waiting')).toBeDefined();
    expect(factor(s.assess('2026-11-20T17:00:00Z'), 'new_lead_waiting')).toBeUndefined();
  });
});

describe('the proposal with no reply', () => {
  const story = () => {
    const s = new Story({ account: { name: 'Lumen Analytics', domains: ['lumen.com'], stage: 'proposal' }, contacts: [contact('raj@lumen.com', 'Raj Mehta', 'decision_maker')] });
    s.meeting(at(-9), 'Finance workflow deep dive', ['raj@lumen.com', 'sam@ourco.com'], [['Raj Mehta', 'Send me a proposal for twelve users and we will review it internally.']]);
    s.email(at(-6), { from: 'sam@ourco.com', to: 'raj@lumen.com', subject: 'Proposal: Lumen finance team', text: 'Hi Raj, our proposal is attached.', attachments: [{ name: 'proposal.pdf', size: 90000 }] });
    return s;
  };

  it('six days later it is silence, naming our proposal and who it went to', () => {
    const a = story().assess();
    expect(factor(a, 'silence')).toMatchObject({ contacts: ['raj@lumen.com'] });
    expect(factor(a, 'silence')!.explanation).toBe('No reply from Lumen Analytics in 6 days: our "Proposal: Lumen finance team" of Sat 14 Nov unanswered; last heard from the call "Finance workflow deep dive" on Wed 11 Nov; the proposal stage expects contact every 5 days');
  });

  it('four days later it is not yet; nextChangeAt is the moment it crosses', () => {
    const a = story().assess(at(-2));
    expect(factor(a, 'silence')).toBeUndefined();
    expect(a.nextChangeAt).toBe(at(-1));
  });
});

describe('a healthy account', () => {
  it('a meeting booked next week and recent two-way email: low, nothing flagged', () => {
    const s = new Story({ account: { name: 'Corvid Bio', domains: ['corvid.bio'], stage: 'discovery' }, contacts: [contact('alicia@corvid.bio', 'Alicia Brandt', 'champion'), contact('carlos@corvid.bio', 'Carlos Oliveira', 'technical_evaluator')] });
    s.email(at(-3), { from: 'sam@ourco.com', to: ['alicia@corvid.bio', 'carlos@corvid.bio'], subject: 'Summary and next steps', text: 'Thanks both - great session. Next step: a technical deep dive with Carlos.' });
    s.email(at(-2), { from: 'alicia@corvid.bio', to: 'sam@ourco.com', subject: 'Re: Summary and next steps', text: "That's an accurate summary. Carlos will join the deep dive." });
    s.email(at(-1), { from: 'carlos@corvid.bio', to: 'sam@ourco.com', subject: 'Re: Summary and next steps', text: 'Confirmed for next Wednesday.' });
    s.calendar(at(-1), 'scheduled', 'deep-dive', 'Corvid / Ourco - technical deep dive', at(5), ['alicia@corvid.bio', 'carlos@corvid.bio', 'sam@ourco.com']);
    const a = s.assess();
    expect(a).toMatchObject({ level: 'low', score: 0, factors: [], opportunities: [] });
  });
});
