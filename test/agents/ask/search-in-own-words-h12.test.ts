// Questions memory search answers must state the answer in the agent's own words, not only quote:
// a record (a proposal view, a booked call, a usage point) is said as what it records, the customer
// sentence most about the question is put in reported speech, and the ranking looks at the
// question's words and their kin (stems included) so a run of look-alike records cannot crowd out
// the message that answers. Also: where a question's words point (next meeting, how many users, a
// medium named in passing, "ask us to", pushing back).
import { describe, expect, it } from 'vitest';
import type { MemoryHit } from '../../../agents/graph/deps.js';
import type { Signal } from '../../../agents/signals/schema.js';
import { classifyQuestion } from '../../../agents/ask/intent.js';
import { signalText } from '../../../agents/evidence.js';
import { Story, at, contact } from '../risk/builders.js';
import { askStory } from '../ask-story.js';

const hit = (s: Signal, excerpt = signalText(s)): MemoryHit => ({ signalId: s.id, kind: s.kind, occurredAt: s.occurredAt, text: signalText(s), excerpt, score: 0.5 });

const people = [
  contact('ottilie@quayside.io', 'Ottilie Brandt', 'champion', { title: 'Head of Fleet' }),
  contact('marek@quayside.io', 'Marek Zielinski', 'economic_buyer', { title: 'Finance Director' }),
  contact('june@quayside.io', 'June Abara', 'legal', { title: 'Legal Counsel' }),
];
const story = (stage = 'proposal') => new Story({ account: { name: 'Quayside Freight', domains: ['quayside.io'], stage, renewalDate: stage === 'customer' ? at(200) : null }, contacts: people });

describe('search answers in our own words', () => {
  it('says who viewed the proposal instead of quoting the record', async () => {
    const s = story();
    const v = s.engagement(at(-2), 'proposal_viewed', { contactEmail: 'marek@quayside.io' });
    const out = await askStory(s, 'Has anybody looked at our proposal yet?', [hit(v)]);
    expect(out.answer).toMatch(/Marek Zielinski viewed the proposal on \w+, \w+ \d+/);
  });

  it('restates the customer sentence about the question in reported speech', async () => {
    const s = story('customer');
    const c = s.chat(at(-3), 'ottilie@quayside.io', 'Quick heads up: we are adding a night shift at the Gdansk yard in March, about 20 more drivers.');
    const out = await askStory(s, 'How large is the Gdansk night shift going to be?', [hit(c)]);
    expect(out.answer).toContain('In short, Ottilie said they are adding a night shift at the Gdansk yard in March, about 20 more drivers.');
  });

  it('puts the message that answers before look-alike records sharing one word', async () => {
    const s = story('customer');
    const points = s.usage('label_prints', [210, 205, 212, 208, 211, 209]);
    const t = s.ticket(at(-4, -3), 'Label printing broken at depot 3', 'Since this morning no labels print at depot 3.', 'high', 'open', 'ottilie@quayside.io');
    const fixed = s.email(at(-4), { from: 'ottilie@quayside.io', to: 'riley@ourco.com', subject: 'Re: Label printing broken at depot 3', text: 'All good now, labels are printing again at depot 3. Thanks for the quick turnaround.' });
    const out = await askStory(s, 'Did the label printing problem get fixed?', [...points.map((p) => hit(p)), hit(t), hit(fixed)]);
    expect(out.answer.indexOf('labels are printing again')).toBeGreaterThan(-1);
    expect(out.answer.indexOf('labels are printing again')).toBeLessThan(out.answer.indexOf('label_prints') === -1 ? Infinity : out.answer.indexOf('label_prints'));
  });

  it('what a lead wants, as the act asked of us', async () => {
    const s = new Story({ account: { name: 'Pinecrest Dairy', domains: ['pinecrestdairy.com'], stage: 'lead' } });
    const f = s.engagement(at(0, -1), 'form_submitted', { contactEmail: 'rui@pinecrestdairy.com', contactName: 'Rui Costa', text: 'We bottle milk for 30 farm shops. Could you send a quote for 8 warehouse seats? Thanks, Rui Costa' });
    const out = await askStory(s, 'What is Rui after?', [hit(f)]);
    expect(out.answer).toContain('In short, Rui asks us to send a quote for 8 warehouse seats.');
  });
});

describe('where a question points', () => {
  it('the next meeting is read from the calendar, with its date', async () => {
    const s = story();
    s.calendar(at(-5), 'scheduled', 'qs-1', 'Quayside / Ourco pricing walkthrough', at(6), ['marek@quayside.io', 'sam@ourco.com']);
    for (const q of ['When do we next meet Quayside?', 'Is a call booked with them?', "what's our next check-in?"]) {
      const out = await askStory(s, q);
      expect(out.intent, q).toBe('next_meeting');
      expect(out.answer, q).toMatch(/"Quayside \/ Ourco pricing walkthrough" on Thu, Nov 26 \(in 6 days\), with Marek Zielinski/);
      expect(out.citations.length, q).toBe(1);
    }
  });

  it('"how many … users" is about usage', () => {
    expect(classifyQuestion('How many weekly drivers are still logging routes?', people).intent).not.toBe('usage');
    expect(classifyQuestion('How many active seats are they down to now?', people).intent).toBe('usage');
  });

  it('a medium named in passing is not the topic, and "ask us to" is an ask', async () => {
    const s = story('customer');
    s.chat(at(-2), 'ottilie@quayside.io', 'Morning! Could you send the updated rate card for the Baltic routes before Thursday?');
    expect(classifyQuestion('What did Ottilie post in the channel?', people).topic).toBe('post');
    const out = await askStory(s, 'What did Ottilie ask us to do?');
    expect(out.answer).toMatch(/^Ottilie Brandt asked in chat/);
    expect(out.answer).toContain('In short: they want us to send the updated rate card for the Baltic routes before Thursday.');
  });

  it('a chaser asked of us is put as the act it wants', async () => {
    const s = story('proposal');
    s.email(at(-1), { from: 'ottilie@quayside.io', to: 'sam@ourco.com', subject: 'Pilot plan', text: 'Hi Sam, any movement on the pilot plan for the Rostock yard? Ottilie' });
    const out = await askStory(s, 'What is Ottilie after?');
    expect(out.answer).toContain('In short: they want us to update them on the pilot plan for the Rostock yard.');
  });

  it('how many are in use now: the latest point beside the trend', async () => {
    const s = story('customer');
    s.usage('seats_in_use', [88, 90, 89, 91, 90, 92, 91, 90, 89, 91, 90, 93, 94, 96, 97, 95, 96, 98, 97, 99, 98, 97, 99, 100, 101, 99, 100, 102, 101, 103, 104, 103, 105, 104, 106]);
    const out = await askStory(s, 'How many seats are in use right now?');
    expect(out.intent).toBe('usage');
    expect(out.answer).toMatch(/latest 106 on Thu, Nov 19/);
  });

  it('what someone pushed back on finds their objections', async () => {
    const s = story('negotiation');
    s.email(at(-6), { from: 'june@quayside.io', to: 'sam@ourco.com', subject: 'Order form comments', text: 'Hello Sam,\n\nOur markup is attached. The sticking points are the auto-renewal clause and the uncapped overage fees.\n\nBest,\nJune' });
    s.email(at(-2), { from: 'june@quayside.io', to: 'sam@ourco.com', subject: 'Re: Order form comments', text: 'Thursday at 11 suits me.' });
    const out = await askStory(s, 'What did legal push back on?');
    expect(out.intent).toBe('what_said');
    expect(out.answer).toContain('auto-renewal clause');
  });
});

describe('where a deal stands', () => {
  it('names the paper their latest buying step is on, and quotes it', async () => {
    const s = story('negotiation');
    s.email(at(-3), { from: 'marek@quayside.io', to: 'sam@ourco.com', subject: 'Paperwork', text: 'Hi Sam,\n\nGood news: procurement has raised the purchase order, you should have it by Wednesday.\n\nMarek' });
    for (const q of ['Where are we with the Quayside deal?', 'How is the paperwork coming along?']) {
      const out = await askStory(s, q);
      expect(out.intent, q).toBe('summary');
      expect(out.answer, q).toContain('Latest step towards buying, on the purchase order (email "Paperwork" from Marek Zielinski, Tue, Nov 17)');
      expect(out.citations.some((c) => c.excerpt.includes('raised the purchase order')), q).toBe(true);
    }
  });
});

