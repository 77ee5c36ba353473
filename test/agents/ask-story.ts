// Asking a hand-built story's account a question through the offline answerer, with the memory hits given.
import { answerWithRules } from '../../agents/ask/answer-rules.js';
import type { MemoryHit } from '../../agents/graph/deps.js';
import { NOW, type Story } from './risk/builders.js';

export function askStory(s: Story, question: string, hits: MemoryHit[] = []) {
  return answerWithRules({ question, account: s.account, contacts: s.contacts, signals: s.signals, assessment: s.assess(), asOf: NOW, retrieve: async () => hits });
}
