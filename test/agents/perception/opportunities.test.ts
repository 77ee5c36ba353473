import { describe, expect, it } from 'vitest';
import { Story, at, contact } from '../risk/builders.js';

const priya = contact('priya@acme.com', 'Priya Raman', 'executive_sponsor', { title: 'CTO' });
const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const story = () => new Story({ account: { stage: 'customer', renewalDate: at(200) }, contacts: [priya, dana] });

describe('expansion and buying cues', () => {
  it('expansion in a QBR transcript, with the speaker', () => {
    const s = story().meeting(at(-2), 'Acme QBR', ['priya@acme.com', 'sam@ourco.com'], [
      ['Sam Patel', 'Could you expand on the roadmap for next year?'],
      ['Priya Raman', "We're kicking off a new initiative to roll it out to the Berlin office, so we'll need more seats."],
    ]);
    expect(s.insights!.expansion).toEqual([{ text: "We're kicking off a new initiative to roll it out to the Berlin office, so we'll need more seats.", speaker: 'Priya Raman', email: 'priya@acme.com', team: 'Berlin office' }]);
  });

  it('the phrases: new team, new use case, another region, more seats, expand', () => {
    for (const text of ['A new team in Lyon wants access.', 'We have a new use case in returns.', 'Another region is asking for it.', 'Can we get pricing for 40 more seats?', 'We plan to expand to the warehouse staff.']) {
      expect(story().email(at(-1), { from: 'dana@acme.com', to: 'sam@ourco.com', text }).insights!.expansion, text).toHaveLength(1);
    }
  });

  it('not: our own words, "expand on", a person moving', () => {
    expect(story().email(at(-1), { from: 'sam@ourco.com', to: 'dana@acme.com', text: 'Happy to expand to more seats whenever you are ready.' }).insights!.expansion).toEqual([]);
    expect(story().email(at(-1), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'Could you expand on the SSO setup?' }).insights!.expansion).toEqual([]);
    expect(story().email(at(-1), { from: 'dana@acme.com', to: 'sam@ourco.com', text: "I've moved to another division and a new team takes over." }).insights!.expansion).toEqual([]);
  });

  it('buying intent: the contract, the price, ready to move forward, who signs', () => {
    const s = story().email(at(-1), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'We are ready to move forward. Who do we sign with? Please send the contract and pricing for 40 seats.' });
    expect(s.insights!.buying.map((b) => b.text)).toEqual(['We are ready to move forward.', 'Who do we sign with?', 'Please send the contract and pricing for 40 seats.']);
  });

  it('proposal views and pricing visits are noted for the risk model to count', () => {
    const s = story().engagement(at(-1), 'proposal_viewed', { contactEmail: 'dana@acme.com', contactName: 'Dana Ruiz', url: 'https://docs.ourco.com/p/acme' });
    expect(s.insights!.buying).toEqual([{ text: 'proposal viewed by Dana Ruiz' }]);
    expect(story().engagement(at(-1), 'link_clicked', { contactEmail: 'dana@acme.com' }).insights!.buying).toEqual([]);
  });
});
