// The eval traps: situations that look like risk (or like nothing) and are not.
import { describe, expect, it } from 'vitest';
import { Story, at, contact, factor, names } from './builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const li = contact('li@acme.com', 'Li Wen', 'economic_buyer');

describe('a booked meeting is the next step', () => {
  const story = () => {
    const s = new Story({ account: { stage: 'demo' }, contacts: [dana] });
    s.email(at(-12), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'See you at the demo.' });
    s.calendar(at(-12), 'scheduled', 'demo', 'Acme / Ourco demo', at(3), ['dana@acme.com', 'sam@ourco.com']);
    return s;
  };

  it('silence and no_next_step are fine until the meeting has passed', () => {
    const a = story().assess();
    expect(names(a)).not.toContain('silence');
    expect(names(a)).not.toContain('no_next_step');
    expect(a.nextChangeAt).toBe(at(3, 1)); // the meeting's end
  });

  it('cancelled later, it is no next step', () => {
    const s = story();
    s.calendar(at(-5), 'cancelled', 'demo', 'Acme / Ourco demo', at(3), ['dana@acme.com', 'sam@ourco.com']);
    expect(names(s.assess())).toEqual(expect.arrayContaining(['silence', 'no_next_step']));
  });

  it('moved to a later date it still counts; moved into the past it does not', () => {
    const later = story();
    later.calendar(at(-4), 'updated', 'demo', 'Acme / Ourco demo', at(10), ['dana@acme.com', 'sam@ourco.com']);
    expect(names(later.assess())).not.toContain('silence');
    const past = story();
    past.calendar(at(-4), 'updated', 'demo', 'Acme / Ourco demo', at(-2), ['dana@acme.com', 'sam@ourco.com']);
    expect(names(past.assess())).toContain('silence');
  });

  it('an internal meeting about the account is not a next step with it', () => {
    const s = new Story({ account: { stage: 'demo' }, contacts: [dana] });
    s.email(at(-12), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'See you at the demo.' });
    s.calendar(at(-2), 'scheduled', 'prep', 'Acme deal review (internal)', at(3), ['sam@ourco.com', 'jo@ourco.com']);
    expect(names(s.assess())).toContain('silence');
  });

  it('a meeting booked after the moment assessed does not count then', () => {
    const s = story();
    expect(names(s.assess(at(-13)))).not.toContain('no_next_step'); // before anything: nothing to judge
    const late = new Story({ account: { stage: 'demo' }, contacts: [dana] });
    late.email(at(-12), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'See you at the demo.' });
    late.calendar(at(-1), 'scheduled', 'demo', 'Acme / Ourco demo', at(3), ['dana@acme.com', 'sam@ourco.com']);
    expect(names(late.assess(at(-2)))).toContain('silence');
    expect(names(late.assess())).not.toContain('silence');
  });
});

describe('a competitor being replaced', () => {
  it('is not a competitive threat; one in play is', () => {
    const s = new Story({ account: { stage: 'discovery' }, contacts: [dana] });
    s.email(at(-1), { from: 'dana@acme.com', to: 'sam@ourco.com', text: "We're moving off Clari at the end of the year and want one tool for forecasting." });
    expect(names(s.assess())).not.toContain('competitor_mention');
    s.email(at(0, -2), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'To be transparent, Gong showed us their forecasting module yesterday.' });
    const f = factor(s.assess(), 'competitor_mention')!;
    expect(f.explanation).toMatch(/^Gong is in play: mentioned 1 time in 60 days, last 2 hours ago: "To be transparent, Gong showed us/);
    expect(f.contacts).toEqual(['dana@acme.com']);
  });
});

describe('a holiday-week dip', () => {
  const customer = () => new Story({ account: { stage: 'customer', renewalDate: at(250) }, contacts: [dana] });

  it('that has recovered is not a usage drop', () => {
    const s = customer();
    // 28 days at ~140; the last week: four holiday days at ~40, then three days back at ~140.
    s.usage('active_users', [...Array(28).fill(140), 42, 38, 40, 45, 138, 141, 139]);
    expect(names(s.assess())).not.toContain('usage_drop');
  });

  it('inside the baseline it neither hides a drop nor fakes growth', () => {
    const steady = customer();
    steady.usage('active_users', [...Array(7).fill(140), ...Array(7).fill(40), ...Array(14).fill(140), ...Array(7).fill(141)]);
    expect(names(steady.assess())).toEqual([]);
    const fell = customer();
    fell.usage('active_users', [...Array(7).fill(140), ...Array(7).fill(40), ...Array(14).fill(140), ...Array(7).fill(95)]);
    expect(names(fell.assess())).toContain('usage_drop');
  });

  it('still going on, it is a drop until it recovers', () => {
    const s = customer();
    s.usage('active_users', [...Array(28).fill(140), 42, 38, 40, 45, 41, 39, 44]);
    expect(names(s.assess())).toContain('usage_drop');
  });
});

describe('automated mail', () => {
  it('an auto-reply is not a reply, not a question, not sentiment', () => {
    const s = new Story({ account: { stage: 'proposal' }, contacts: [dana] });
    s.email(at(-8), { from: 'sam@ourco.com', to: 'dana@acme.com', subject: 'Proposal', text: 'Proposal attached.' });
    s.email(at(-8, 1), { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Automatic reply: Proposal', text: 'I am currently out of the office and frustrated by my inbox. Can it wait until Monday?' });
    const a = s.assess();
    expect(names(a)).not.toContain('unanswered_inbound');
    expect(names(a)).not.toContain('negative_sentiment');
    expect(factor(a, 'silence')!.explanation).toMatch(/in 8 days: our "Proposal" of Thu 12 Nov unanswered; they have never replied/);
  });

  it("a newsletter from the account's own domain is not a question, not expansion, not contact", () => {
    const s = new Story({ account: { stage: 'customer', renewalDate: at(300) }, contacts: [dana] });
    s.email(at(-20), { from: 'dana@acme.com', to: 'riley@ourco.com', text: 'All good here, talk next month.' });
    s.email(at(-1), { from: 'news@acme.com', to: 'riley@ourco.com', subject: 'Acme monthly', text: 'What is new this month? We are expanding to three new regions! Unsubscribe here.' });
    const a = s.assess();
    expect(names(a)).not.toContain('unanswered_inbound');
    expect(names(a)).not.toContain('expansion_signal');
    expect(factor(a, 'silence')!.explanation).toMatch(/last heard from Dana Ruiz on Sat 31 Oct/);
  });

  it('a bounce is not a reply either, and it tells us the champion is gone', () => {
    const s = new Story({ account: { stage: 'customer', renewalDate: at(300) }, contacts: [dana, li] });
    s.email(at(-20), { from: 'riley@ourco.com', to: 'dana@acme.com', text: 'Checking in ahead of next quarter.' });
    s.email(at(-20, 1), { from: 'mailer-daemon@acme.com', to: 'riley@ourco.com', subject: 'Undeliverable: Checking in', text: 'Delivery to dana@acme.com failed permanently. 550 User unknown' });
    const a = s.assess();
    expect(factor(a, 'champion_change')!.explanation).toMatch(/^Champion Dana Ruiz has an address that bounces/);
    expect(factor(a, 'silence')!.explanation).toMatch(/they have never replied/);
  });
});

describe('a thread that is already answered', () => {
  it('the customer asked and we answered', () => {
    const s = new Story({ account: { stage: 'discovery' }, contacts: [dana] });
    s.email(at(-4), { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Data residency', text: 'Can you confirm our data stays in the EU, including backups?' });
    s.email(at(-3), { from: 'sam@ourco.com', to: 'dana@acme.com', subject: 'Re: Data residency', text: 'Confirmed: everything stays in Frankfurt, with failover in Dublin.' });
    s.email(at(-2), { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Re: Data residency', text: 'Perfect, thank you - exactly what our risk committee needed.' });
    s.calendar(at(-2), 'scheduled', 'sec', 'Acme / Ourco - security review', at(5), ['dana@acme.com', 'sam@ourco.com']);
    expect(names(s.assess())).toEqual([]);
    expect(factor(s.assess(at(-3, -1)), 'unanswered_inbound')).toBeUndefined(); // before the 24-hour target
    expect(factor(s.assess(at(-3, 1)), 'unanswered_inbound')).toBeUndefined(); // answered by then
  });

  it('we asked and the customer answered: nothing is waiting on anyone', () => {
    const s = new Story({ account: { stage: 'discovery' }, contacts: [dana] });
    s.email(at(-3), { from: 'sam@ourco.com', to: 'dana@acme.com', subject: 'Quick question', text: 'Which SSO provider do you use?' });
    s.email(at(-2), { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Re: Quick question', text: 'We use Azure AD for everything.' });
    expect(names(s.assess())).not.toContain('unanswered_inbound');
    expect(names(s.assess())).not.toContain('silence');
  });

  it('a question for a colleague with us in copy is not ours', () => {
    const erik = contact('erik@acme.com', 'Erik Holm', 'technical_evaluator');
    const s = new Story({ account: { stage: 'discovery' }, contacts: [dana, erik] });
    s.email(at(-3), { from: 'dana@acme.com', to: 'erik@acme.com', cc: ['sam@ourco.com'], text: 'Erik, could you check the SSO settings before our call?' });
    expect(names(s.assess())).not.toContain('unanswered_inbound');
  });
});
