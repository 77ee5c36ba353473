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
});
