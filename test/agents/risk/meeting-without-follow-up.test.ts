// A meeting with the account that has taken place (its calendar slot passed, or a Gong call whose
// transcript never came) and left nothing from our side (no transcript, no notes, no CRM update, no
// follow-up) is read by no_next_step: named in the explanation and given as its evidence, and a CRM
// next step written before it stops counting a day after it.
import { describe, expect, it } from 'vitest';
import { noNextStep, unfollowedMeeting } from '../../../agents/risk/factors/no-next-step.js';
import { Story, at, contact, factor, names } from './builders.js';

const ines = contact('ines@halvorsen.example', 'Ines Halvorsen', 'economic_buyer');
const ulf = contact('ulf@halvorsen.example', 'Ulf Berg', 'technical_evaluator');
const OURS = 'riley@ourco.com';

/** A demo-stage deal: a scoping email from them, then the hull-sensor demo on the calendar three days ago. */
function demoHeld(stage = 'demo'): Story {
  const s = new Story({ account: { name: 'Halvorsen Marine', domains: ['halvorsen.example'], stage }, contacts: [ines, ulf] });
  s.email(at(-9), { from: 'ines@halvorsen.example', to: OURS, subject: 'Hull sensors', text: 'Could you show Ulf how the corrosion alerts reach the bridge crew?' });
  s.calendar(at(-8), 'scheduled', 'hv-demo', 'Halvorsen hull-sensor demo', at(-3), ['ines@halvorsen.example', 'ulf@halvorsen.example', OURS]);
  return s;
}

describe('a meeting that took place and left nothing from our side', () => {
  it('the passed calendar meeting is the evidence of no_next_step, named as having left no transcript, notes or follow-up', () => {
    const s = demoHeld();
    const gap = unfollowedMeeting(s.timeline());
    expect(gap).toMatchObject({ signal: { id: s.signals[1].id }, title: 'Halvorsen hull-sensor demo' });
    const f = noNextStep(s.timeline()).factor!;
    expect(f.evidence).toEqual([s.signals[1].id]);
    expect(f.explanation).toBe('No next meeting is booked with Halvorsen Marine since "Halvorsen hull-sensor demo" took place 2 days ago, which left no transcript, no notes and no follow-up from us, and no next step is set in the CRM');
    expect(f.contacts).toEqual(['ines@halvorsen.example']);
  });

  it('is not a gap before the slot has ended, nor a meeting with none of their people', () => {
    const s = demoHeld();
    expect(unfollowedMeeting(s.timeline(at(-3, 0.5)))).toBeUndefined();
    const internal = new Story({ account: { name: 'Halvorsen Marine', domains: ['halvorsen.example'], stage: 'demo' }, contacts: [ines] });
    internal.email(at(-9), { from: 'ines@halvorsen.example', to: OURS, text: 'Looking forward to the demo.' });
    internal.calendar(at(-8), 'scheduled', 'prep', 'Demo prep (internal)', at(-3), [OURS, 'jo@ourco.com']);
    expect(unfollowedMeeting(internal.timeline())).toBeUndefined();
  });

  for (const [what, add] of [
    ['its transcript', (s: Story) => s.meeting(at(-3, -0.2), 'Halvorsen hull-sensor demo', ['ines@halvorsen.example', OURS], [['Ulf Berg', 'The alert latency on the bridge is what we care about.']])],
    ['a note', (s: Story) => s.note(at(-2), 'Demo went well; Ulf wants the ballast-tank sensor spec.')],
    ['a CRM update', (s: Story) => s.crm(at(-2), 'stage', { from: 'demo', to: 'proposal' })],
    ['an email from us', (s: Story) => s.email(at(-2), { from: OURS, to: 'ulf@halvorsen.example', subject: 'Ballast-tank spec', text: 'Ulf, the spec sheet you asked for is attached.' })],
    ['a chat message from us', (s: Story) => s.chat(at(-1), OURS, 'Sent the spec to Ulf, happy to walk through it.', 'halvorsen-shared')],
  ] as const) {
    it(`followed by ${what}, the meeting is no gap`, () => {
      const s = demoHeld();
      add(s);
      expect(unfollowedMeeting(s.timeline())).toBeUndefined();
      expect(noNextStep(s.timeline()).factor?.explanation ?? '').not.toMatch(/left no transcript/);
    });
  }

  it('their word after it is not our follow-up', () => {
    const s = demoHeld();
    s.email(at(-1), { from: 'ulf@halvorsen.example', to: OURS, subject: 'Re: demo', text: 'Thanks for the session yesterday.' });
    expect(unfollowedMeeting(s.timeline())?.signal.id).toBe(s.signals[1].id);
  });

  it('a cancelled meeting is no meeting held: the cancellation is named instead', () => {
    const s = demoHeld();
    s.calendar(at(-4), 'cancelled', 'hv-demo', 'Halvorsen hull-sensor demo', at(-3), ['ines@halvorsen.example', OURS]);
    expect(unfollowedMeeting(s.timeline())).toBeUndefined();
    expect(noNextStep(s.timeline()).factor!.explanation).toMatch(/since "Halvorsen hull-sensor demo" was cancelled 4 days ago/);
  });

  it('a Gong call whose transcript never came is a meeting that left nothing', () => {
    const s = new Story({ account: { name: 'Halvorsen Marine', domains: ['halvorsen.example'], stage: 'negotiation' }, contacts: [ines] });
    s.email(at(-12), { from: 'ines@halvorsen.example', to: OURS, subject: 'Terms', text: 'We can talk terms next week.' });
    const call = s.add({ kind: 'meeting', occurredAt: at(-5), source: 'gong', externalId: 'g-7731', title: 'Halvorsen terms call', durationSec: 2700,
      attendees: [{ email: 'ines@halvorsen.example', name: 'Ines Halvorsen' }, { email: OURS, name: 'Riley Chen' }], transcript: [], transcriptPending: true });
    const f = noNextStep(s.timeline()).factor!;
    expect(f.evidence).toEqual([call.id]);
    expect(f.explanation).toMatch(/since "Halvorsen terms call" took place 4 days ago, which left no transcript, no notes and no follow-up from us/);
  });

  it('a CRM next step written before the meeting stops counting a day after it, not before; one written after it counts', () => {
    const s = demoHeld();
    s.crm(at(-6), 'next_step', { to: 'Hull-sensor demo with Ulf' });
    // The meeting ended at -3d + 1h: the notes have until a day later.
    expect(noNextStep(s.timeline(at(-2.5)))).toEqual({ factor: null, nextChangeAt: at(-2, 1) });
    const f = noNextStep(s.timeline()).factor!;
    expect(f.explanation).toMatch(/\(the last one, "Hull-sensor demo with Ulf", was set before that meeting\)$/);
    expect(f.evidence).toEqual([s.signals[1].id]);

    const after = demoHeld();
    after.crm(at(-2), 'next_step', { to: 'Send ballast-tank spec to Ulf' });
    expect(noNextStep(after.timeline()).factor).toBeNull();
  });

  it('through the whole model: flagged for an open deal, not for a customer', () => {
    expect(factor(demoHeld().assess(), 'no_next_step')?.explanation).toMatch(/left no transcript, no notes and no follow-up from us/);
    expect(names(demoHeld('customer').assess())).not.toContain('no_next_step');
  });
});
