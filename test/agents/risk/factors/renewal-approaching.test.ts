import { describe, expect, it } from 'vitest';
import { renewalApproaching } from '../../../../agents/risk/factors/renewal-approaching.js';
import { Story, at, contact } from '../builders.js';

const roger = contact('roger@acme.com', 'Roger Stanton', 'economic_buyer');
const story = (daysToRenewal: number) => new Story({ account: { stage: 'customer', renewalDate: at(daysToRenewal) }, contacts: [roger] });

describe('renewal_approaching', () => {
  it('outside the windows: not yet, and when the first one opens', () => {
    expect(renewalApproaching(story(150).timeline())).toEqual({ factor: null, nextChangeAt: at(30) });
  });

  it('weight grows at 120, 90 and 60 days, more with no renewal conversation', () => {
    const weights = [110, 80, 45].map((d) => renewalApproaching(story(d).timeline()).factor!.weight);
    expect(weights).toEqual([14, 20, 25]); // 15 × 0.6/1/1.3, + 5 for no conversation
  });

  it('explains the date, the window, and whether anyone talked about it; wakes when the next window opens', () => {
    const check = renewalApproaching(story(100).timeline());
    expect(check.factor!.explanation).toBe(`Renewal on ${at(100).slice(0, 10)} is 100 days away (inside the 120-day window); no renewal conversation since the window opened on Sat 31 Oct`);
    expect(check.nextChangeAt).toBe(at(10));
    expect(check.factor!.contacts).toEqual(['roger@acme.com']);
  });

  it('a renewal conversation in the window (an email, a call, a meeting booked about it) lowers it', () => {
    const s = story(80);
    s.meeting(at(-5), 'Account review', ['roger@acme.com', 'riley@ourco.com'], [['Roger Stanton', "Let's start the renewal paperwork in January."]]);
    const f = renewalApproaching(s.timeline()).factor!;
    expect(f.weight).toBe(15);
    expect(f.explanation).toMatch(/last renewal conversation: the call "Account review" on Sun 15 Nov$/);
    expect(f.evidence).toEqual([s.signals[0].id]);
    const booked = story(80);
    booked.calendar(at(-3), 'scheduled', 'r', 'Acme renewal planning', at(7), ['roger@acme.com', 'riley@ourco.com']);
    expect(renewalApproaching(booked.timeline()).factor!.weight).toBe(15);
  });

  it('talk before the window opened, or a newsletter, does not count', () => {
    const s = story(80);
    s.email(at(-60), { from: 'roger@acme.com', to: 'riley@ourco.com', text: 'We will talk renewal later.' });
    s.email(at(-2), { from: 'news@acme.com', to: 'riley@ourco.com', subject: 'Acme news', text: 'Renewal season is here! Unsubscribe.' });
    expect(renewalApproaching(s.timeline()).factor!.weight).toBe(20);
  });

  it('only customers with a renewal date; a lapsed renewal stays flagged for a while', () => {
    expect(renewalApproaching(new Story({ account: { stage: 'customer', renewalDate: null } }).timeline()).factor).toBeNull();
    expect(renewalApproaching(new Story({ account: { stage: 'negotiation', renewalDate: at(30) } }).timeline()).factor).toBeNull();
    expect(renewalApproaching(story(-10).timeline()).factor!.explanation).toMatch(/passed 10 days ago/);
    expect(renewalApproaching(story(-40).timeline()).factor).toBeNull();
  });
});
