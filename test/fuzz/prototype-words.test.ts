// Words that are also names on Object.prototype ("constructor", "toString", "__proto__"…) written
// by people: a construction firm's CRM says "constructor", a developer writes "toString". Every
// table lookup keyed by a word from a message or a question must miss them, not return a
// prototype's function: perception, the risk model, the reasoner and ask all read them without
// throwing. A throw here would fail the assessment activity on every retry.
import { describe, expect, it } from 'vitest';
import { answerWithRules } from '../../agents/ask/answer-rules.js';
import { classifyQuestion } from '../../agents/ask/intent.js';
import { topicTerms } from '../../agents/ask/said.js';
import type { MemoryHit } from '../../agents/graph/deps.js';
import { Story, at, contact, NOW } from '../agents/risk/builders.js';

const WORDS = [...Object.getOwnPropertyNames(Object.prototype), 'prototype', 'length', 'name'];

/** Each word in the places a lemma, a number word, a team, a rival or a role is looked up. */
const frames = (w: string) => [
  `We will ${w} the order and ${w} more seats by the ${w}.`,
  `${w} is leaving at the end of the month; ${w} will take over from her.`,
  `The ${w} team wants twenty-${w} ${w} licences. Can you ${w} the quote?`,
  `We chose ${w} over you and won't ${w} the renewal; ${w} ${w} back, ${w} out.`,
  `${w}'s ${w}s ${w}ed ${w}ing ${w}ly: I'd ${w} ${w} if you ${w} ${w}.`,
  `${w}`,
];

describe('words named like Object.prototype members', () => {
  it('perceive, assess and answer without throwing', async () => {
    const people = [contact('ana@acme.com', 'Ana Costa', 'champion', { title: 'Head of Ops' })];
    for (const w of WORDS) {
      const s = new Story({ account: { stage: 'customer', renewalDate: at(60), settings: { competitors: [w] } }, contacts: [...people] });
      for (const text of frames(w)) {
        s.email(at(-3), { from: 'ana@acme.com', to: 'sam@ourco.com', subject: w, text });
        s.email(at(-2), { from: 'sam@ourco.com', to: 'ana@acme.com', subject: `Re: ${w}`, text });
        s.chat(at(-2), 'ana@acme.com', text.toLowerCase());
        s.meeting(at(-1), w, ['ana@acme.com', 'sam@ourco.com'], [['Ana Costa', text], [w, text]]);
        s.ticket(at(-1), w, text);
        s.note(at(-1), text);
      }
      const assessment = s.assess();
      expect(assessment.level).toBeDefined();
      for (const question of [`what did ${w} say about ${w}?`, `who is ${w}?`, `what about the ${w}`, `${w} ${w} in the last ${w} weeks?`]) {
        expect(() => topicTerms(question)).not.toThrow();
        const parsed = classifyQuestion(question, s.contacts);
        const hits: MemoryHit[] = [];
        const out = await answerWithRules({ question, account: s.account, contacts: s.contacts, signals: s.signals, assessment, asOf: NOW, retrieve: async () => hits });
        expect(out.intent, `${question}`).toBe(parsed.intent);
      }
    }
  }, 120_000);
});
