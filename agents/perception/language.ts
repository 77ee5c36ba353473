// Competitors, sentiment, expansion and buying phrases, and questions: lexical cues, explainable.
import { sentences } from '../evidence.js';
import type { Utterance } from './text.js';

const REPLACING = /\b(replac(e|es|ing)|moving (off|away from)|migrat(e|ing) (away )?(off|from)|switch(ing)? (away )?from|sunset(ting)?|get(ting)? rid of|rip(ping)? out|instead of|mov(e|ing) away from|leaving|retir(e|ing)|consolidat(e|ing) (off|away from))\b/i;

export function findCompetitors(parts: Utterance[], names: string[]): Array<{ name: string; text: string; replacing: boolean }> {
  const out: Array<{ name: string; text: string; replacing: boolean }> = [];
  for (const u of parts) {
    for (const s of sentences(u.text)) {
      for (const name of names) {
        const re = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
        const m = re.exec(s);
        if (!m) continue;
        const before = s.slice(0, m.index);
        out.push({ name, text: s, replacing: REPLACING.test(before) || /\b(current|old|legacy|existing) (tool|system|vendor|platform)\b/i.test(s) && REPLACING.test(s) });
      }
    }
  }
  return out;
}

const NEGATIVE = ['frustrat', 'disappoint', 'unhappy', 'cancel', 'churn', 'terminat', 'unacceptable', 'angry', 'furious', 'broken', 'outage', 'worst', 'waste', 'escalat', 'complain', 'not working', 'doesn\'t work', 'does not work', 'let down', 'poor', 'slow', 'regret', 'concerned', 'losing patience', 'fed up', 'annoyed', 'upset', 'bug', 'downtime', 'pull the plug', 'walk away'];
const POSITIVE = ['great', 'love', 'happy', 'excited', 'amazing', 'excellent', 'impressed', 'fantastic', 'works well', 'pleased', 'helpful', 'smooth', 'thank', 'appreciate', 'perfect', 'glad', 'strong', 'way down', 'satisfied'];
const NEGATION = /\b(not|no|never|isn't|aren't|wasn't|don't|doesn't|didn't|hardly)\s+(\w+\s+)?$/i;

// Criticism of what came before ("after years of fighting our old system — slow, broken") is
// praise for us, not a complaint about us.
const ABOUT_THE_PAST = /\b(old|previous|former|legacy|prior) (system|tool|vendor|platform|process|solution)|\bafter years of\b|\bused to be\b|\bbefore (you|we switched|we moved)\b/i;

// A calm "we won't be renewing unless…" carries no angry word but is the strongest signal there is.
const CHURN_THREAT = /\b(won'?t|will not|not going to|don'?t (plan|intend) to|do not (plan|intend) to|unlikely to|cannot|can'?t) (be )?renew(ing|al)?\b|\b(we'?re|we are|we'?ll be) (looking at|evaluating|considering) (alternatives|other (vendors|options|tools))\b|\b(terminate|cancel) (the|our) (contract|subscription)\b/i;

function polarity(sentence: string): number {
  const s = sentence.toLowerCase();
  const past = ABOUT_THE_PAST.test(s);
  let score = CHURN_THREAT.test(s) ? -2.5 : 0;
  for (const w of NEGATIVE) {
    const i = s.indexOf(w);
    if (i < 0) continue;
    // "No complaints", "never slow": a negated complaint is mild praise.
    if (NEGATION.test(s.slice(Math.max(0, i - 20), i))) { score += 0.5; continue; }
    if (!past) score -= w.startsWith('not ') || w.includes("n't") ? 1.5 : 1;
  }
  for (const w of POSITIVE) {
    const i = s.indexOf(w);
    if (i < 0) continue;
    score += NEGATION.test(s.slice(Math.max(0, i - 20), i)) ? -1.5 : 1;
  }
  return score;
}

/** Sentiment of what the customer side said, in [-1, 1], and the sentence that drove a negative one. */
export function sentimentOf(parts: Utterance[]): { sentiment: number; negativeText?: string } {
  let total = 0;
  let n = 0;
  let worst: { s: string; p: number } | undefined;
  for (const u of parts) {
    if (u.side !== 'them') continue;
    for (const s of sentences(u.text)) {
      const p = polarity(s);
      total += p;
      n += 1;
      if (p < 0 && (!worst || p < worst.p)) worst = { s, p };
    }
  }
  if (n === 0) return { sentiment: 0 };
  const sentiment = Math.max(-1, Math.min(1, total / Math.max(2, Math.sqrt(n) * 1.5)));
  return sentiment < 0 && worst ? { sentiment, negativeText: worst.s } : { sentiment };
}

const EXPANSION = /\b(new initiative|new (team|department|division|use case|project|region|market)s?|roll(ing)? (it |this |the platform )?out (to|across)|more (seats|licen[cs]es|users)|additional (seats|licen[cs]es|users|teams?)|another (region|team|division|office|site|business unit|country)|expan(d|ding|sion)|bring(ing)? .{0,60}\bonto\b|onboard(ing)? (our|the) .{0,40}(team|clinics|sites|offices|stores)|(second|third) (team|site|region|office)|other (teams|departments|clinics|sites|offices|regions)|scale (it |this )?(up|out)|grow(ing)? (the|our) (team|usage|deployment))\b/i;
const BUYING = /\b(send (over )?(me |us )?(the )?(contract|order form|paperwork|msa|agreement|quote|proposal)|ready to (move forward|sign|proceed|buy|go ahead)|pricing (for|on)|quote for|who do we sign|what are the next steps|next steps to (sign|purchase|buy)|purchase order|budget (is |has been )?approved|get (this|it) signed|move forward with|go ahead with|start (the )?procurement|(let'?s|let us) sign|sign (it|the contract|the order form|on \w+day))\b/i;
const QUESTION = /\?|\b(can|could|would|will) you\b|\bplease (send|share|confirm|advise|let (me|us) know|provide)\b|\blet (me|us) know\b|\bany update\b/i;

// "I've moved to another division" is a person moving, not the account growing.
const PERSON_MOVING = /\b(i|i'm|i've|i have|she|he|they|\w+ has|\w+ is) (just )?(moved|moving|transferred|been transferred|left|leaving|joined|taking a new role)\b/i;

export function findExpansion(parts: Utterance[]): Array<{ text: string; speaker?: string }> {
  return parts.filter((u) => u.side === 'them').flatMap((u) => sentences(u.text).filter((s) => EXPANSION.test(s) && !PERSON_MOVING.test(s)).map((text) => ({ text, speaker: u.speaker })));
}

export function findBuying(parts: Utterance[]): Array<{ text: string }> {
  return parts.filter((u) => u.side === 'them').flatMap((u) => sentences(u.text).filter((s) => BUYING.test(s)).map((text) => ({ text })));
}

/** The sentences of a text that ask for something (questions and requests), verbatim. */
export function questionSentences(text: string): string[] {
  return sentences(text).filter((s) => QUESTION.test(s));
}

export function asksSomething(parts: Utterance[]): boolean {
  return parts.some((u) => u.side === 'them' && QUESTION.test(u.text));
}
