// Sentiment of what the account's people said: a small lexicon with negation, in [-1, 1], and the
// sentence that drove a negative score (quoted as evidence).
import { sentences } from './sentences.js';
import type { Utterance } from './utterances.js';

/** Word stems; a stem matches at the start of a word ("frustrat" → frustrated, frustrating). */
const NEGATIVE = [
  'frustrat', 'disappoint', 'unhappy', 'churn', 'terminat', 'unacceptable', 'angry', 'furious', 'broken', 'outage',
  'worst', 'waste', 'escalat', 'complain', 'let down', 'poor', 'regret', 'concerned about', 'concerns about', 'losing patience',
  'fed up', 'annoyed', 'upset', 'downtime', 'pull the plug', 'walk away', 'not working', "doesn't work", 'does not work',
  'not happy', 'not satisfied', 'failing', 'keeps failing', 'useless', 'terrible', 'awful', 'ridiculous',
];
const POSITIVE = [
  'great', 'love', 'happy', 'excited', 'amazing', 'excellent', 'impressed', 'fantastic', 'works well', 'pleased',
  'helpful', 'smooth', 'thank', 'appreciate', 'perfect', 'glad', 'satisfied', 'delighted', 'wonderful', 'brilliant',
];
/** "Cancel" is churn talk about the contract, not about a meeting. */
const CANCEL = /\bcancel(l?(ing|ed|ation))?\b(?![^.]{0,30}\b(meeting|call|invite|session|demo|review|sync|lunch|appointment)s?\b)/i;
const NEGATION = /\b(not|no|never|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|hardly|without|zero)\s+(\w+\s+)?$/i;
/** A calm "we won't be renewing unless…" carries no angry word but is the strongest signal there is. */
const CHURN_THREAT = /\b(won'?t|will not|not going to|don'?t (plan|intend) to|do not (plan|intend) to|unlikely to|cannot|can'?t) (be )?renew(ing|al)?\b|\b(we'?re|we are|we'?ll be) (looking at|evaluating|considering) (alternatives|other (vendors|options|tools))\b|\b(terminate|cancel) (the|our) (contract|subscription)\b/i;
/** Criticism of what came before ("after years of fighting our old system — slow, broken") is praise for us. */
const ABOUT_THE_PAST = /\b(old|previous|former|legacy|prior) (system|tool|vendor|platform|process|solution|setup)|\bafter years of\b|\bused to be\b|\bbefore (you|we switched|we moved)\b/i;

function stemAt(s: string, stem: string, from = 0): number {
  const re = new RegExp(`(?<![a-z])${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g');
  re.lastIndex = from;
  return re.exec(s)?.index ?? -1;
}

const negated = (s: string, at: number) => NEGATION.test(s.slice(Math.max(0, at - 24), at));

/** Polarity of one sentence: +1 per positive cue, -1 per negative cue (negation flips: "not happy" counts once, as negative). */
export function polarity(sentence: string): number {
  const s = sentence.toLowerCase();
  const past = ABOUT_THE_PAST.test(s);
  const covered: Array<[number, number]> = [];
  const free = (at: number, len: number) => !covered.some(([a, b]) => at < b && at + len > a);
  let score = CHURN_THREAT.test(s) ? -2.5 : 0;
  for (const w of NEGATIVE) {
    const at = stemAt(s, w);
    if (at < 0 || !free(at, w.length)) continue;
    covered.push([at, at + w.length]);
    // "No complaints", "never slow": a negated complaint is mild praise.
    if (negated(s, at)) score += 0.5;
    else if (!past) score -= w.includes(' ') ? 1.5 : 1;
  }
  const cancel = CANCEL.exec(s);
  if (cancel && !CHURN_THREAT.test(s) && !negated(s, cancel.index) && !past) score -= 1;
  for (const w of POSITIVE) {
    const at = stemAt(s, w);
    if (at < 0 || !free(at, w.length)) continue;
    covered.push([at, at + w.length]);
    score += negated(s, at) ? -1.5 : 1;
  }
  return score;
}

export interface Sentiment { sentiment: number; negativeText?: string }

/** Over the account side's sentences; dampened by length so one cue in a long call is not an alarm. */
export function sentimentOf(parts: Utterance[]): Sentiment {
  let total = 0;
  let n = 0;
  let worst: { text: string; p: number } | undefined;
  for (const u of parts) {
    if (u.side !== 'them') continue;
    for (const text of sentences(u.text)) {
      const p = polarity(text);
      total += p;
      n += 1;
      if (p < 0 && (!worst || p < worst.p)) worst = { text, p };
    }
  }
  if (n === 0) return { sentiment: 0 };
  const sentiment = Math.max(-1, Math.min(1, total / Math.max(2, Math.sqrt(n) * 1.5)));
  return sentiment < 0 && worst ? { sentiment, negativeText: worst.text } : { sentiment };
}
