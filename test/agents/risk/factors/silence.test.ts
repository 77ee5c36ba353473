import { describe, expect, it } from 'vitest';
import { silence } from '../../../../agents/risk/factors/silence.js';
import { Story, at, contact } from '../builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const li = contact('li@acme.com', 'Li Wen', 'economic_buyer');

describe('silence', () => {
  it('per stage: the same nine quiet days are silence in negotiation, not for a customer', () => {
    const quiet = (stage: string) => {
      const s = new Story({ account: { stage, renewalDate: stage === 'customer' ? at(300) : null }, contacts: [dana] });
      s.email(at(-9), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'Thanks, we will review internally.' });
      return silence(s.timeline());
    };
    expect(quiet('negotiation').factor!.explanation).toBe('No reply from Acme Logistics in 9 days: last heard from Dana Ruiz on Wed 11 Nov; the negotiation stage expects contact every 3 days');
    expect(quiet('customer')).toEqual({ factor: null, nextChangeAt: at(5) });
    expect(quiet('closed_lost')).toEqual({ factor: null });
  });

  it('the clock restarts at our first unanswered outreach, not at each follow-up', () => {
    const s = new Story({ account: { stage: 'demo' }, contacts: [dana, li] });
    s.meeting(at(-12), 'Demo', ['dana@acme.com', 'sam@ourco.com'], [['Dana Ruiz', 'This is exactly what we need.']]);
    s.email(at(-11), { from: 'sam@ourco.com', to: 'dana@acme.com', subject: 'Recap and pricing', text: 'Recap and pricing attached.' });
    s.email(at(-5), { from: 'sam@ourco.com', to: 'dana@acme.com', subject: 'Re: Recap and pricing', text: 'Bubbling this up.' });
    const f = silence(s.timeline()).factor!;
    expect(f.explanation).toMatch(/^No reply from Acme Logistics in 11 days: our "Recap and pricing" of Mon 9 Nov and 1 follow-up unanswered; last heard from the call "Demo"/);
    expect(f.evidence).toEqual([s.signals[0].id, s.signals[1].id, s.signals[2].id]);
    expect(f.contacts).toEqual(['dana@acme.com']);
    expect(f.weight).toBe(27); // 22, growing with the six days past the stage's five
    expect(silence(s.timeline(at(-7))).nextChangeAt).toBe(at(-6));
  });

  it('when they spoke last with a question, it is our move (unanswered_inbound), not silence', () => {
    const s = new Story({ account: { stage: 'negotiation' }, contacts: [dana] });
    s.email(at(-9), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'Can you send the redlines?' });
    expect(silence(s.timeline()).factor).toBeNull();
  });

  it('automated mail is neither side talking', () => {
    const s = new Story({ account: { stage: 'proposal' }, contacts: [dana] });
    // Not 'Looking forward to the proposal.': since rules@9 that awaits a deliverable of ours, a request (unanswered_inbound).
    s.email(at(-20), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'Good to meet the whole team today.' });
    s.email(at(-1), { from: 'dana@acme.com', to: 'sam@ourco.com', auto: 'auto_reply', text: 'Out until Monday.' });
    expect(silence(s.timeline()).factor!.explanation).toMatch(/in 20 days/);
  });

  it('who it is about: who our unanswered email went to, else whoever we last heard from, else the champion and deciders', () => {
    const s = new Story({ account: { stage: 'discovery' }, contacts: [dana, li] });
    s.email(at(-10), { from: 'li@acme.com', to: 'sam@ourco.com', text: 'Noted.' });
    expect(silence(s.timeline()).factor!.contacts).toEqual(['li@acme.com']);
    s.email(at(-9), { from: 'sam@ourco.com', to: 'dana@acme.com', subject: 'Pilot plan', text: 'Here is the pilot plan.' });
    expect(silence(s.timeline()).factor!.contacts).toEqual(['dana@acme.com']);
    const channel = new Story({ account: { stage: 'discovery' }, contacts: [dana, li, contact('uma@acme.com', 'Uma Roy', 'user')] });
    channel.chat(at(-10), 'sam@ourco.com', 'Hi all, the sandbox is ready for you.');
    expect(silence(channel.timeline()).factor!.contacts).toEqual(['dana@acme.com', 'li@acme.com']);
  });

  it('a customer silent past the cadence is flagged too', () => {
    const s = new Story({ account: { stage: 'customer', renewalDate: at(300) }, contacts: [dana] });
    s.email(at(-16), { from: 'dana@acme.com', to: 'riley@ourco.com', text: 'All good.' });
    expect(silence(s.timeline()).factor!.explanation).toMatch(/the customer stage expects contact every 14 days$/);
  });
});

describe('silence and outreach that reached nobody', () => {
  it('an internal meeting about the account is not contact with it', () => {
    const s = new Story({ account: { stage: 'discovery' }, contacts: [dana] });
    s.email(at(-10), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'We will get back to you.' });
    s.meeting(at(-2), 'Acme account planning (internal)', ['sam@ourco.com', 'jo@ourco.com'], [['Sam Patel', 'Where are we with Acme?']]);
    expect(silence(s.timeline()).factor!.explanation).toMatch(/in 10 days: last heard from Dana Ruiz/);
  });

  it('an email to a champion who has left, which bounced, does not restart the clock', () => {
    const s = new Story({ account: { stage: 'customer', renewalDate: at(300) }, contacts: [dana, li] });
    s.email(at(-20), { from: 'dana@acme.com', to: 'sam@ourco.com', text: "It's going fine. Let's catch up next quarter." });
    s.crm(at(-5), 'contact_left', { contactEmail: 'dana@acme.com', text: 'Dana Ruiz left Acme' });
    s.email(at(-4), { from: 'sam@ourco.com', to: 'dana@acme.com', subject: 'Checking in', text: 'Would you like to look at the new reporting pack?' });
    s.email(at(-4, 1), { from: 'mailer-daemon@acme.com', to: 'sam@ourco.com', subject: 'Undeliverable: Checking in', text: 'Delivery to dana@acme.com failed permanently.' });
    const f = silence(s.timeline()).factor!;
    expect(f.explanation).toMatch(/^No reply from Acme Logistics in 20 days: last heard from Dana Ruiz on Sat 31 Oct/);
  });
});
