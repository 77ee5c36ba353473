// A customer saying, in any tone, that they may not stay weighs more than a bad mood and lasts longer:
// a decision is not settled by a friendly sign-off, only by a later step towards buying.
import { describe, expect, it } from 'vitest';
import { negativeSentiment } from '../../../../agents/risk/factors/negative-sentiment.js';
import { Story, at, contact } from '../builders.js';

const kim = contact('kim@acme.com', 'Kim Osei', 'champion');
const customer = () => new Story({ account: { stage: 'customer', renewalDate: at(150) }, contacts: [kim] });
const EXIT = 'Heads up: we have agreed internally to move off the platform when the current term ends, so please do not plan a renewal with us.';

describe('a stated intent not to stay', () => {
  it('is flagged however politely it is put, with its words, and weighs double a bad mood', () => {
    const s = customer();
    const sig = s.email(at(-3), { from: 'kim@acme.com', to: 'sam@ourco.com', text: `${EXIT} It has been a pleasure working with your team, truly.` });
    expect(sig.insights?.churnIntent).toBeDefined();
    const f = negativeSentiment(s.timeline()).factor!;
    expect(f.explanation).toMatch(/Kim Osei said 3 days ago that they may not stay/);
    expect(f.weight).toBe(36);
    expect(f.evidence).toEqual([sig.id]);
  });

  it('still counts six weeks later, when a mood would have lapsed', () => {
    const s = customer();
    s.email(at(-42), { from: 'kim@acme.com', to: 'sam@ourco.com', text: EXIT });
    expect(negativeSentiment(s.timeline()).factor).not.toBeNull();
    const moody = customer();
    moody.email(at(-42), { from: 'kim@acme.com', to: 'sam@ourco.com', text: 'The export was broken again today and it is really frustrating for the team.' });
    expect(negativeSentiment(moody.timeline()).factor).toBeNull();
  });

  it('a warm note afterwards does not settle it; a step towards renewing does', () => {
    const warm = customer();
    warm.email(at(-10), { from: 'kim@acme.com', to: 'sam@ourco.com', text: EXIT });
    warm.email(at(-2), { from: 'kim@acme.com', to: 'sam@ourco.com', text: 'Thanks so much for the lovely offboarding plan, really appreciated!' });
    expect(negativeSentiment(warm.timeline()).factor).not.toBeNull();
    const back = customer();
    back.email(at(-10), { from: 'kim@acme.com', to: 'sam@ourco.com', text: EXIT });
    const po = back.email(at(-2), { from: 'kim@acme.com', to: 'sam@ourco.com', text: 'Change of plan after the board meeting: please send the renewal order form and I will get it signed this week.' });
    expect(po.insights?.buying.length).toBeGreaterThan(0);
    expect(negativeSentiment(back.timeline()).factor).toBeNull();
  });
});
