// Question intents in phrasings written apart from the classifier's cues (a manager's words, chat
// shorthand, contractions): each lands on the intent its strongest cue names, and a question that
// names a person and asks about their words is about what they said.
import { describe, expect, it } from 'vitest';
import { classifyQuestion, type Intent } from '../../agents/ask/intent.js';
import type { Contact } from '../../db/queries/contacts.js';

const contact = (email: string, name: string, title: string, role: string): Contact =>
  ({ accountId: 'a1', email, name, title, role, status: 'active', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }) as unknown as Contact;
const people = [
  contact('wen@hollow.example', 'Wen Castillo', 'Chief Financial Officer', 'economic_buyer'),
  contact('bo@hollow.example', 'Bo Lindgren', 'Purchasing Lead', 'procurement'),
  contact('ida@hollow.example', 'Ida Marsh', 'Ops Director', 'champion'),
];
const intent = (q: string) => classifyQuestion(q, people).intent;

const CASES: Array<[Intent, string[]]> = [
  ['competitors', ['Is some other company courting them?', 'which vendors are we being compared with', 'Are they weighing other options?', 'anyone else in the running for this deal?', 'Is Hollow sounding out the market?', 'who do we compete against on this one']],
  ['why_at_risk', ['Should I be worried about this one?', "What's the trouble here?", 'Is this account in danger?', 'give me the red flags']],
  ['next_steps', ['What do I need to do this week on Hollow?', 'Any action items for me?', 'what would you suggest I tackle first', 'How should we proceed?']],
  ['commitments', ["What's still outstanding from our side?", 'Did we promise them anything?', 'what are we on the hook for']],
  ['stakeholders', ['Who is on their buying committee?', 'Who has gone dark on us?', "which people haven't replied", 'Has anybody gone cold?']],
  ['last_contact', ['When did anyone last talk to them?', "How long has it been since we've been in touch?", 'last touchpoint with this customer?', 'When was the last time someone spoke with Hollow?']],
  ['usage', ['Are they actually using the product?', 'How much are they logging in these days?', 'utilisation this quarter?']],
  ['renewal', ['When is their contract up?', 'is the renewal safe?', 'When does the subscription expire?']],
  ['champion', ['Who is our internal champion?', 'who is in our corner over there']],
  ['successor', ["Who's stepping in for Ida?", 'Who inherits the account from Ida?', "Who is stepping into Ida's seat?"]],
  ['summary', ['Give me the big picture on this customer', 'fill me in on Hollow']],
  ['recent_changes', ['What did I miss this week?', 'any developments lately?']],
  ['what_said', ["What's Wen's view on the price increase?", 'Anything from purchasing about the payment terms?', 'What did Ida tell us about the rollout?', 'Has Bo said anything about the MSA?']],
];

describe('question intents, in words the cues were not written from', () => {
  for (const [want, qs] of CASES) {
    it(want, () => {
      for (const q of qs) expect(intent(q), q).toBe(want);
    });
  }

  it('a person asked about by function resolves to the contact with that title', () => {
    expect(classifyQuestion('What has finance said about the budget?', people).people.map((p) => p.name)).toEqual(['Wen Castillo']);
    expect(classifyQuestion('Anything from purchasing about the payment terms?', people).people.map((p) => p.name)).toEqual(['Bo Lindgren']);
  });

  it('the topic keeps what the question is about and drops names, possessives and the words of asking', () => {
    expect(classifyQuestion("What's Wen's view on the price increase?", people).topic).toBe('price increase');
    expect(classifyQuestion('latest from Ida?', people).topic).toBe('');
    expect(classifyQuestion("Bo's last mail said what?", people).topic).toBe(''); // the channel is not the topic
  });

  it('nothing to go on: memory search', () => {
    expect(intent('parking garage')).toBe('search');
  });
});

describe('topic words', () => {
  it('relatedness runs both ways: a question about money reaches the sentence about the budget', async () => {
    const { topicTerms, topicScore } = await import('../../agents/ask/said.js');
    const money = topicTerms('money');
    expect(money.related.has('budget')).toBe(true);
    expect(topicScore('Every purchase above 20k now needs the board to approve the budget line.', money)).toBeGreaterThan(0);
    expect(topicScore('The parking garage closes at nine.', money)).toBe(0);
  });
});
