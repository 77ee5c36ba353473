import { describe, expect, it } from 'vitest';
import { newLeadWaiting } from '../../../../agents/risk/factors/new-lead-waiting.js';
import { Story, at } from '../builders.js';

const lead = () => new Story({ account: { name: 'Initech', domains: ['initech.com'], stage: 'lead' } });

describe('new_lead_waiting', () => {
  it('the first inbound email of a lead counts like a form', () => {
    const s = lead();
    s.email(at(0, -1), { from: 'peter@initech.com', to: 'sales@ourco.com', subject: 'Pricing', text: 'Hi, what would 15 seats cost?' });
    const check = newLeadWaiting(s.timeline());
    expect(check.factor).toMatchObject({ factor: 'new_lead_waiting', weight: 35, evidence: [s.signals[0].id], contacts: ['peter@initech.com'] });
    expect(check.factor!.explanation).toMatch(/^New lead peter@initech\.com wrote in 1 hour ago \(Fri 20 Nov 15:40 UTC\) and has had no response/);
  });

  it('several touches: waiting since the first, all cited', () => {
    const s = lead();
    s.engagement(at(0, -3), 'form_submitted', { contactEmail: 'peter@initech.com', contactName: 'Peter Novak', text: 'Demo please.' });
    s.chat(at(0, -2), 'peter@initech.com', 'Anyone there?', 'website-chat');
    const f = newLeadWaiting(s.timeline()).factor!;
    expect(f.explanation).toMatch(/submitted a form 3 hours ago .*, 2 touches in all,/);
    expect(f.evidence).toHaveLength(2);
  });

  it('not for accounts past the lead stage, nor once we responded (a call booked counts)', () => {
    const s = new Story({ account: { domains: ['initech.com'], stage: 'qualified' } });
    s.engagement(at(0, -3), 'form_submitted', { contactEmail: 'peter@initech.com' });
    expect(newLeadWaiting(s.timeline()).factor).toBeNull();
    const booked = lead();
    booked.engagement(at(0, -3), 'form_submitted', { contactEmail: 'peter@initech.com' });
    booked.calendar(at(0, -2), 'scheduled', 'intro', 'Intro call', at(1), ['peter@initech.com', 'sam@ourco.com']);
    expect(newLeadWaiting(booked.timeline()).factor).toBeNull();
  });

  it('within the first-response target: flagged at once with part of the weight, full weight when the target passes (configurable)', () => {
    const s = lead();
    s.engagement('2026-11-20T16:38:00Z', 'form_submitted', { contactEmail: 'peter@initech.com' });
    const early = newLeadWaiting(s.timeline());
    expect(early.factor).toMatchObject({ factor: 'new_lead_waiting', weight: 14, nextChangeAt: '2026-11-20T16:43:00.000Z' });
    expect(early.factor!.explanation).toMatch(/submitted a form 2 minutes ago .* and has had no response; the 5-minute first-response target runs out at Fri 20 Nov 16:43 UTC$/);
    expect(early.nextChangeAt).toBe('2026-11-20T16:43:00.000Z');
    const late = newLeadWaiting(s.timeline('2026-11-20T16:43:00.000Z'));
    expect(late.factor).toMatchObject({ weight: 35 });
    expect(late.factor!.explanation).toMatch(/the first-response target is 5 minutes$/);
    expect(late.nextChangeAt).toBeUndefined();
    const slow = new Story({ account: { domains: ['initech.com'], stage: 'lead', settings: { thresholds: { newLead: { responseMinutes: 60, waitingShare: 0.2 } } } } });
    slow.engagement('2026-11-20T16:00:00Z', 'form_submitted', { contactEmail: 'peter@initech.com' });
    expect(newLeadWaiting(slow.timeline()).nextChangeAt).toBe('2026-11-20T17:00:00.000Z');
    expect(newLeadWaiting(slow.timeline()).factor!.weight).toBe(7);
  });

  it('a page view is not a lead touch', () => {
    const s = lead();
    s.engagement(at(0, -3), 'pricing_page_visit', { contactEmail: 'peter@initech.com' });
    expect(newLeadWaiting(s.timeline()).factor).toBeNull();
  });
});
