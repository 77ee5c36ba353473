// "Where is the renewal?" answers with where it stands in the customer's words (the latest step
// towards renewing, or away from it) and what we owe for it, not only the date and the risk score.
import { describe, expect, it } from 'vitest';
import type { MemoryHit } from '../../agents/graph/deps.js';
import { Story, at, contact } from './risk/builders.js';
import { askStory } from './ask-story.js';

const hana = contact('hana@lowfield.com', 'Hana Berg', 'champion', { title: 'Head of Planning' });
const story = () => new Story({ account: { name: 'Lowfield', domains: ['lowfield.com'], stage: 'customer', renewalDate: at(60) }, contacts: [hana] });
const ask = askStory;

describe('the renewal, where it stands', () => {
  it('quotes their latest step and names what we owe for it', async () => {
    const s = story();
    s.email(at(-3), { from: 'hana@lowfield.com', to: 'sam@ourco.com', subject: 'Next year', text: 'Finance signed off the spend, so we are going ahead with another year. Could you get the order form over to me?' });
    s.email(at(-2), { from: 'sam@ourco.com', to: 'hana@lowfield.com', subject: 'Re: Next year', text: 'Great to hear, Hana. I will send the order form by Friday.' });
    const out = await ask(s, 'How is the renewal looking?');
    expect(out.intent).toBe('renewal');
    expect(out.answer).toMatch(/a step towards buying, "Finance signed off the spend/);
    expect(out.answer).toMatch(/We owe them: .*order form/);
  });

  it('says so when they may not stay', async () => {
    const s = story();
    s.email(at(-4), { from: 'hana@lowfield.com', to: 'sam@ourco.com', subject: 'Contract', text: 'I should tell you early: we have decided not to continue with the platform after this term.' });
    const out = await ask(s, 'Where are we on the renewal?');
    expect(out.answer).toMatch(/they may not stay, ".*we have decided not to continue/i);
  });
});

describe('a "who" question answered by a sentence that says "her"', () => {
  it('names the person named just before it', async () => {
    const s = story();
    const e = s.email(at(-2), { from: 'hana@lowfield.com', to: 'sam@ourco.com', subject: 'Changes', text: 'We have hired Petra Novak as our new Head of Finance. Sign-off on software now rests with her, so please copy her on the quote.' });
    const excerpt = 'Sign-off on software now rests with her, so please copy her on the quote.';
    const hit: MemoryHit = { signalId: e.id, kind: 'email', occurredAt: e.occurredAt, text: excerpt, excerpt, score: 0.9 };
    const out = await askStory(s, 'Who signs off on software purchases?', [hit]);
    expect(out.intent).toBe('search');
    expect(out.answer).toMatch(/^Most likely Petra Novak/);
  });
});
