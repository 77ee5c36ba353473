// A customer asking after something we promised and have not delivered is the promise's evidence and
// urgency (overdue_commitment), not a second, separate question (unanswered_inbound). Insights are
// set by hand, so these tests pin the risk model's rule whatever perception reads in the words.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Insights, type Signal } from '../../../agents/signals/schema.js';
import { chasesPromise, promiseTopic } from '../../../agents/commitments.js';
import { Story, at, contact, factor, names } from './builders.js';

function perceived(s: Signal, insights: z.input<typeof Insights>): Signal {
  s.insights = Insights.parse(insights);
  return s;
}

const priya = contact('priya@norden.io', 'Priya Nair', 'champion');
const olaf = contact('olaf@norden.io', 'Olaf Berg', 'technical_evaluator');

/** We promised Priya the cutover checklist for a day that has passed. */
function promised(): { story: Story; promise: Signal } {
  const story = new Story({ account: { name: 'Norden Freight', domains: ['norden.io'], stage: 'negotiation' }, contacts: [priya, olaf] });
  const promise = perceived(story.email(at(-12), {
    from: 'sam@ourco.com', to: 'priya@norden.io', subject: 'Cutover planning',
    text: 'Good call today. I will put the cutover checklist together for you by Monday.',
  }), { commitments: [{ text: 'I will put the cutover checklist together for you by Monday.', owner: 'us', who: 'Sam Patel', deliverable: 'the cutover checklist', dueAt: at(-8), counterparts: ['priya@norden.io'] }] });
  return { story, promise };
}

describe('a chaser of an overdue promise of ours', () => {
  const ways: Array<[string, { subject: string; text: string }, z.input<typeof Insights>]> = [
    ['a plain question', { subject: 'Cutover', text: 'Hello Sam, did the cutover checklist get lost somewhere? Nothing has reached me yet.' }, { question: true }],
    ['a request without a question mark', { subject: 'Board prep', text: 'Sam, please let me know when we can expect the checklist for the cutover. Our board prep is on Thursday.' },
      { question: true, requests: [{ text: 'please let me know when we can expect the checklist for the cutover' }] }],
    ['chasing words only, read as no question at all', { subject: 'Next week', text: 'We are still waiting on those cutover steps, the go-live meeting is next week.' }, {}],
  ];

  for (const [how, mail, insights] of ways) {
    it(`${how}: the promise's evidence and urgency, no separate unanswered question`, () => {
      const { story, promise } = promised();
      const chaser = perceived(story.email(at(-2), { from: 'priya@norden.io', to: 'sam@ourco.com', ...mail }), insights);
      const a = story.assess();
      expect(names(a)).not.toContain('unanswered_inbound');
      const f = factor(a, 'overdue_commitment')!;
      expect(f.evidence).toEqual([promise.id, chaser.id]);
      expect(f.weight).toBe(25); // 20, and 5 more because they had to ask
      expect(f.explanation).toMatch(/; Priya Nair asked after it on Wed 18 Nov$/);
      expect(f.contacts).toEqual(['priya@norden.io']);
    });
  }

  it('asked after twice: both cited, the weight capped', () => {
    const { story } = promised();
    perceived(story.email(at(-5), { from: 'priya@norden.io', to: 'sam@ourco.com', subject: 'Checklist?', text: 'Any news on the checklist?' }), { question: true });
    perceived(story.email(at(-1), { from: 'olaf@norden.io', to: 'sam@ourco.com', subject: 'Re: Checklist?', text: 'Could you send me the cutover checklist as well?' }), { question: true });
    const f = factor(story.assess(), 'overdue_commitment')!;
    expect(f.evidence).toHaveLength(3);
    expect(f.weight).toBe(30);
    expect(f.explanation).toMatch(/Olaf Berg asked after it 2 times, last on Thu 19 Nov$/);
    expect(f.contacts).toEqual(['priya@norden.io', 'olaf@norden.io']);
    expect(names(story.assess())).not.toContain('unanswered_inbound');
  });
});

describe('what is not a chaser', () => {
  it('a question about something else is still a question of its own', () => {
    const { story } = promised();
    perceived(story.email(at(-2), { from: 'priya@norden.io', to: 'sam@ourco.com', subject: 'Invoices', text: 'Which billing address will the invoices go to?' }), { question: true });
    const a = story.assess();
    expect(names(a)).toContain('unanswered_inbound');
    expect(factor(a, 'overdue_commitment')!.evidence).toHaveLength(1);
  });

  it('sharing only a word every message has (the team, an update) is not the same subject', () => {
    const story = new Story({ account: { name: 'Norden Freight', domains: ['norden.io'], stage: 'negotiation' }, contacts: [priya, olaf] });
    perceived(story.email(at(-12), { from: 'sam@ourco.com', to: 'priya@norden.io', subject: 'Cutover', text: 'I will send your team an update on the cutover by Monday.' }),
      { commitments: [{ text: 'I will send your team an update on the cutover by Monday.', owner: 'us', dueAt: at(-8), counterparts: ['priya@norden.io'] }] });
    perceived(story.email(at(-2), { from: 'priya@norden.io', to: 'sam@ourco.com', subject: 'Limits', text: 'Can your team give us an update on the API rate limits?' }), { question: true });
    const a = story.assess();
    expect(names(a)).toContain('unanswered_inbound');
    expect(factor(a, 'overdue_commitment')!.evidence).toHaveLength(1);
  });

  it('mentioning the thing without asking for it (a thank-you) is not chasing it', () => {
    const { story } = promised();
    perceived(story.email(at(-2), { from: 'priya@norden.io', to: 'sam@ourco.com', subject: 'Thanks', text: 'Thanks for the call, the cutover plan is in good shape on our side.' }), {});
    expect(factor(story.assess(), 'overdue_commitment')!.evidence).toHaveLength(1);
  });

  it('before the promise falls due, asking after it is a question to answer (no promise is flagged yet)', () => {
    const story = new Story({ account: { name: 'Norden Freight', domains: ['norden.io'], stage: 'negotiation' }, contacts: [priya, olaf] });
    perceived(story.email(at(-3), { from: 'sam@ourco.com', to: 'priya@norden.io', subject: 'Cutover planning', text: 'I will send the cutover checklist on Wednesday.' }),
      { commitments: [{ text: 'I will send the cutover checklist on Wednesday.', owner: 'us', deliverable: 'the cutover checklist', dueAt: at(4), counterparts: ['priya@norden.io'] }] });
    perceived(story.email(at(-2), { from: 'priya@norden.io', to: 'sam@ourco.com', subject: 'Checklist', text: 'Could the checklist cover the weekend shift too?' }), { question: true });
    const a = story.assess();
    expect(names(a)).toContain('unanswered_inbound');
    expect(names(a)).not.toContain('overdue_commitment');
  });
});

describe('the subject of a promise', () => {
  it('is what was promised, not the sending, the day or the people', () => {
    expect(promiseTopic({ text: 'I will put the cutover checklist together for you by Monday.', deliverable: 'the cutover checklist' })).toEqual(['cutover', 'checklist']);
    expect(promiseTopic({ text: "You'll have the updated security questionnaire from me on Thursday." })).toEqual(['security', 'questionnaire']);
    expect(promiseTopic({ text: "I'll send it over tomorrow.", deliverable: 'it' })).toEqual([]);
  });

  it('a chaser names it, in the singular or the plural, in its subject line or its words', () => {
    const promise = { text: "We'll share the reference customer list by Friday.", deliverable: 'the reference customer list' };
    const story = new Story({ account: { domains: ['norden.io'] }, contacts: [priya] });
    const bySubject = perceived(story.email(at(-1), { from: 'priya@norden.io', to: 'sam@ourco.com', subject: 'Re: References', text: 'Any news on this?' }), { question: true });
    const plural = perceived(story.email(at(-1), { from: 'priya@norden.io', to: 'sam@ourco.com', subject: 'Hello', text: 'Have the references come through yet?' }), { question: true });
    const quoted = perceived(story.email(at(-1), { from: 'priya@norden.io', to: 'sam@ourco.com', subject: 'Hello', text: 'Where do we stand on pricing?\n\nOn Mon, Sam wrote:\n> We will share the reference customer list by Friday.' }), { question: true });
    expect(chasesPromise(promise, bySubject)).toBe(true);
    expect(chasesPromise(promise, plural)).toBe(true);
    expect(chasesPromise(promise, quoted)).toBe(false); // only our own words, quoted below, name it
  });
});
