import { describe, expect, it } from 'vitest';
import { championChange } from '../../../../agents/risk/factors/champion-change.js';
import { Story, at, contact } from '../builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const li = contact('li@acme.com', 'Li Wen', 'economic_buyer');
const story = (contacts = [dana, li]) => new Story({ account: { stage: 'customer', renewalDate: at(200) }, contacts });

describe('champion_change', () => {
  it('the champion moved (said in an email)', () => {
    const s = story();
    s.email(at(-12), { from: 'dana@acme.com', to: 'riley@ourco.com', text: "I've moved to another division as of Monday." });
    expect(championChange(s.timeline()).factor).toMatchObject({
      weight: 25, contacts: ['dana@acme.com'], evidence: [s.signals[0].id],
      explanation: 'Champion Dana Ruiz has moved to another role (12 days ago: "I\'ve moved to another division as of Monday."); no other champion is engaged',
    });
  });

  it('the champion left (a CRM change), or was re-roled away from champion', () => {
    const left = story();
    left.crm(at(-5), 'contact_left', { contactEmail: 'dana@acme.com', text: 'Dana Ruiz left Acme' });
    expect(championChange(left.timeline()).factor!.explanation).toMatch(/^Champion Dana Ruiz has left the company \(5 days ago: "Dana Ruiz left Acme"\)/);
    const reroled = story([{ ...dana, role: 'user' }, li]);
    reroled.crm(at(-5), 'contact_role', { contactEmail: 'dana@acme.com', from: 'champion', to: 'user' });
    expect(championChange(reroled.timeline()).factor!.explanation).toMatch(/^Champion Dana Ruiz is no longer the champion/);
  });

  it('a contact record marked gone with no signal: the last exchange is the evidence', () => {
    const s = story([{ ...dana, status: 'left' }, li]);
    s.email(at(-30), { from: 'dana@acme.com', to: 'riley@ourco.com', text: 'All good.' });
    expect(championChange(s.timeline()).factor).toMatchObject({ evidence: [s.signals[0].id], contacts: ['dana@acme.com'] });
  });

  it('another active champion halves the weight', () => {
    const s = story([dana, contact('tom@acme.com', 'Tom Becker', 'champion')]);
    s.email(at(-3), { from: 'dana@acme.com', to: 'riley@ourco.com', text: 'Friday is my last day at Acme.' });
    const f = championChange(s.timeline()).factor!;
    expect(f.weight).toBe(12.5);
    expect(f.explanation).toMatch(/; Tom Becker remains champion$/);
  });

  it('a promotion in place, or someone else leaving, is not a champion change', () => {
    const s = story();
    s.email(at(-6), { from: 'dana@acme.com', to: 'riley@ourco.com', text: "I've been promoted to VP of Operations. The platform stays with me." });
    s.email(at(-3), { from: 'dana@acme.com', to: 'riley@ourco.com', text: 'Li Wen has left the company.' });
    expect(championChange(s.timeline()).factor).toBeNull();
  });

  it('not before it happened', () => {
    const s = story();
    s.email(at(-12), { from: 'dana@acme.com', to: 'riley@ourco.com', text: "I've moved to another division as of Monday." });
    expect(championChange(s.timeline(at(-13))).factor).toBeNull();
  });
});
