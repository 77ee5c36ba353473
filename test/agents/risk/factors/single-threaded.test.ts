import { describe, expect, it } from 'vitest';
import { singleThreaded } from '../../../../agents/risk/factors/single-threaded.js';
import { Story, at, contact } from '../builders.js';

const tom = contact('tom@calder.org', 'Tom Ashworth', 'champion');
const rebecca = contact('rebecca@calder.org', 'Rebecca Whitfield', 'economic_buyer');
const leslie = contact('leslie@calder.org', 'Leslie Hughes', 'technical_evaluator');
const story = (stage: string, contacts = [tom, rebecca, leslie], renewalDate: string | null = null) => {
  const s = new Story({ account: { name: 'Calder Valley', domains: ['calder.org'], stage, renewalDate }, contacts });
  s.email(at(-20), { from: 'tom@calder.org', to: 'sam@ourco.com', text: 'Happy to look at this for the repairs team.' });
  s.meeting(at(-12), 'Demo', ['tom@calder.org', 'sam@ourco.com'], [['Tom Ashworth', 'I like it.']]);
  s.email(at(-2), { from: 'tom@calder.org', to: 'sam@ourco.com', text: 'The team liked it too.' });
  return s;
};

describe('single_threaded', () => {
  it('every conversation in 30 days with one person while others are known', () => {
    const s = story('demo');
    expect(singleThreaded(s.timeline()).factor).toMatchObject({
      weight: 10, contacts: ['tom@calder.org'], evidence: s.signals.map((x) => x.id),
      explanation: 'In the last 30 days every conversation with Calder Valley was with one person, Tom Ashworth (champion); 2 other known contacts are not engaged',
    });
  });

  it('with one known contact only once a proposal is on the table', () => {
    expect(singleThreaded(story('demo', [tom]).timeline()).factor).toBeNull();
    expect(singleThreaded(story('proposal', [tom]).timeline()).factor).not.toBeNull();
  });

  it('two voices are not single-threaded', () => {
    const s = story('demo');
    s.email(at(-1), { from: 'rebecca@calder.org', to: 'sam@ourco.com', text: 'Budget looks fine.' });
    expect(singleThreaded(s.timeline()).factor).toBeNull();
  });

  it('customers only when the renewal is in view; early stages never', () => {
    expect(singleThreaded(story('customer', [tom, rebecca], at(300)).timeline()).factor).toBeNull();
    expect(singleThreaded(story('customer', [tom, rebecca], at(100)).timeline()).factor).not.toBeNull();
    expect(singleThreaded(story('qualified').timeline()).factor).toBeNull();
  });

  describe('a colleague their side brings in is engaged', () => {
    it('copied and named in the message ("Rebecca, …")', () => {
      const s = story('demo');
      s.email(at(-1), { from: 'tom@calder.org', to: 'sam@ourco.com', cc: ['rebecca@calder.org'], text: 'Rebecca, this is the pricing sheet I mentioned: can you check it against the repairs budget?' });
      expect(singleThreaded(s.timeline()).factor).toBeNull();
    });

    it('written to while we are only copied', () => {
      const s = story('demo');
      s.email(at(-1), { from: 'tom@calder.org', to: 'leslie@calder.org', cc: ['sam@ourco.com'], subject: 'Single sign-on', text: 'Could you look at what the single sign-on setup needs from us before the pilot?' });
      expect(singleThreaded(s.timeline()).factor).toBeNull();
    });

    it('forwarded our thread', () => {
      const s = story('demo');
      s.email(at(-1), { from: 'tom@calder.org', to: ['leslie@calder.org', 'sam@ourco.com'], subject: 'Fwd: Demo recap', text: 'For the integration questions.\n\n---------- Forwarded message ---------\nFrom: Sam Patel\nThanks for the demo today.' });
      expect(singleThreaded(s.timeline()).factor).toBeNull();
    });

    it('introduced by name and then written to', () => {
      const s = story('demo');
      s.email(at(-1.5), { from: 'tom@calder.org', to: 'sam@ourco.com', text: 'Leslie Hughes looks after our systems; she will want the integration documents.' });
      expect(singleThreaded(s.timeline()).factor).not.toBeNull(); // named, not yet addressed
      s.email(at(-1), { from: 'sam@ourco.com', to: 'leslie@calder.org', text: 'Hi Leslie, Tom suggested I send you our integration documents; they are attached.' });
      expect(singleThreaded(s.timeline()).factor).toBeNull();
    });
  });

  describe('not brought in', () => {
    it('left on a reply-all without a word to them', () => {
      const s = story('demo');
      s.email(at(-1), { from: 'tom@calder.org', to: ['sam@ourco.com', 'rebecca@calder.org'], text: 'Thanks, the slides look good to me.' });
      expect(singleThreaded(s.timeline()).factor).toMatchObject({ contacts: ['tom@calder.org'] });
    });

    it('only we wrote to them', () => {
      const s = story('demo');
      s.email(at(-1), { from: 'sam@ourco.com', to: ['tom@calder.org', 'rebecca@calder.org'], text: 'Rebecca, Tom, here is the proposal outline.' });
      expect(singleThreaded(s.timeline()).factor).toMatchObject({ contacts: ['tom@calder.org'] });
    });

    it('a colleague who has left, copied and named', () => {
      const s = story('demo', [tom, rebecca, { ...leslie, status: 'left' }]);
      s.email(at(-1), { from: 'tom@calder.org', to: 'sam@ourco.com', cc: ['leslie@calder.org'], text: 'Leslie, could you send Sam the old integration notes?' });
      expect(singleThreaded(s.timeline()).factor).toMatchObject({ contacts: ['tom@calder.org'] });
    });
  });
});
