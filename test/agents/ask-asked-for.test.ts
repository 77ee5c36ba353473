// "What did the CFO ask for?" is answered with what that person asked of us, in their own words from
// their turn of the call; "what does IT need?" finds the contact whose title is IT; and with no topic,
// "what did X say last" quotes X's own turn, not the opening of the meeting they spoke in.
import { describe, expect, it } from 'vitest';
import { classifyQuestion } from '../../agents/ask/intent.js';
import { Story, at, contact } from './risk/builders.js';
import { askStory } from './ask-story.js';

const people = [
  contact('ines@tallow.com', 'Ines Duarte', 'champion', { title: 'Head of Field Service' }),
  contact('viktor@tallow.com', 'Viktor Salo', 'economic_buyer', { title: 'Chief Financial Officer' }),
  contact('mei@tallow.com', 'Mei Tanaka', 'technical_evaluator', { title: 'IT Systems Lead' }),
];

function story() {
  const s = new Story({ account: { name: 'Tallow Works', domains: ['tallow.com'], stage: 'proposal' }, contacts: [...people] });
  s.meeting(at(-6), 'Tallow review with finance and IT', ['ines@tallow.com', 'viktor@tallow.com', 'mei@tallow.com', 'sam@ourco.com'], [
    ['Ines Duarte', 'Welcome everyone, this is mainly so Viktor and Mei can poke holes in it.'],
    ['Viktor Salo', 'The pilot numbers look fine to me. For the contract I would need the price held for two years, and invoicing in euros.'],
    ['Mei Tanaka', 'We will have to see your single sign-on working against our Entra tenant before anything goes live.'],
    ['Sam Patel', 'Noted, both of those.'],
    ['Viktor Salo', 'Good, thanks for the time today everyone.'],
  ]);
  return s;
}

const ask = askStory;

describe('what someone asked of us', () => {
  it('quotes the ask from their own turn of the call', async () => {
    const s = story();
    for (const q of ['What did the CFO ask for?', 'what does Viktor want from us?', 'What did finance request on the call?']) {
      const out = await ask(s, q);
      expect(out.intent, q).toBe('what_said');
      expect(out.answer, q).toMatch(/^Viktor Salo asked/);
      expect(out.answer, q).toContain('price held for two years');
      expect(out.citations.length, q).toBeGreaterThan(0);
    }
  });

  it('"IT" in capitals is the contact with IT in their title; "it" in lower case is no one', async () => {
    expect(classifyQuestion('What does IT need from us?', people).people.map((p) => p.name)).toEqual(['Mei Tanaka']);
    expect(classifyQuestion('what does it need from us?', people).people).toEqual([]);
    const out = await ask(story(), 'What does IT need from us?');
    expect(out.answer).toContain('single sign-on');
  });

  it('with no topic, quotes their last turn of substance, not the meeting opening', async () => {
    const out = await ask(story(), 'What did Viktor say last?');
    expect(out.answer).toContain('price held for two years');
    expect(out.answer).not.toContain('poke holes');
  });
});
