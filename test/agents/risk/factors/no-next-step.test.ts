import { describe, expect, it } from 'vitest';
import { noNextStep } from '../../../../agents/risk/factors/no-next-step.js';
import { Story, at, contact } from '../builders.js';

const raj = contact('raj@lumen.com', 'Raj Mehta', 'decision_maker');
const deal = (stage = 'proposal') => new Story({ account: { name: 'Lumen', domains: ['lumen.com'], stage }, contacts: [raj] });

describe('no_next_step', () => {
  it('an open deal with no meeting booked after the last call', () => {
    const s = deal();
    s.meeting(at(-4), 'Finance deep dive', ['raj@lumen.com', 'sam@ourco.com'], [['Raj Mehta', 'Send me a proposal and we will review it internally.']]);
    const f = noNextStep(s.timeline()).factor!;
    expect(f.explanation).toBe('No next meeting is booked with Lumen since "Finance deep dive" 4 days ago and no next step is set in the CRM');
    expect(f).toMatchObject({ evidence: [s.signals[0].id], contacts: ['raj@lumen.com'] });
  });

  it('a cancelled meeting with nothing rebooked', () => {
    const s = deal();
    s.calendar(at(-6), 'scheduled', 'review', 'Proposal review', at(1), ['raj@lumen.com', 'sam@ourco.com']);
    s.calendar(at(-2), 'cancelled', 'review', 'Proposal review', at(1), ['raj@lumen.com', 'sam@ourco.com']);
    expect(noNextStep(s.timeline()).factor!.explanation).toMatch(/since "Proposal review" was cancelled 2 days ago/);
  });

  it('a fresh CRM next step counts until it goes stale', () => {
    const s = deal();
    s.email(at(-4), { from: 'raj@lumen.com', to: 'sam@ourco.com', text: 'We are reviewing.' });
    s.crm(at(-3), 'next_step', { to: 'Raj to confirm budget by 1 Dec' });
    expect(noNextStep(s.timeline())).toEqual({ factor: null, nextChangeAt: at(11) });
    expect(noNextStep(s.timeline(at(12))).factor!.explanation).toMatch(/\(the last one, "Raj to confirm budget by 1 Dec", is 15 days old\)/);
  });

  it('only for open deals', () => {
    for (const stage of ['lead', 'customer', 'closed_won', 'closed_lost']) {
      const s = deal(stage);
      s.email(at(-4), { from: 'raj@lumen.com', to: 'sam@ourco.com', text: 'Thanks.' });
      expect(noNextStep(s.timeline()).factor, stage).toBeNull();
    }
  });
});
