// Promises said without a verb of promising, where the thing comes first:
// - a verbless handover, the thing sent toward the reader with a date: "redlines back to you by the
//   18th", "revised pricing over to you Friday", "usage report to u by eod thurs", "sandbox creds
//   coming your way thurs morning". People write plans this way in lists and chat; the direction
//   toward the reader is what makes it a delivery ("pricing over to you Friday would be great" has a
//   verb of its own and is a wish; "…to us by Friday" asks);
// - a verbless thing with a date after the speaker took the task ("Yep, that one's mine. Fixed
//   version by Friday."): the claim makes the next line a delivery;
// - a fronted object: "the offline-mode fix I can promise for Wednesday", "that export we can have to
//   you by the 19th": the thing named before the promiser is what is promised.
import type { Sent, Tok } from './nlp.js';
import { nounPhrase } from './frames.js';
import { inVocabulary, isCommonWord } from './nlp.js';

/** Where a clause may start: after a label, a list comma, a dash or an interjection. */
const BREAK = new Set([',', ';', ':', '-', '–', '—', '->', '(', ')']);
const ACK = new Set(['ok', 'okay', 'sure', 'yes', 'yep', 'yeah', 'yup', 'np', 'noted', 'done', 'will', 'do', 'and', 'then', 'also', 'plus', 'so', 'right']);
/** The reader as the end point: "to you", "to u", "your way", "in your inbox". */
const READER = new Set(['you', 'u', 'your', 'yours']);
/** Participles that move the thing on its way without an auxiliary: "coming your way", "headed to you". */
const ON_ITS_WAY = new Set(['come', 'head', 'go', 'wing', 'fly', 'make']);

export interface Verbless {
  /** Where the thing's noun phrase starts and ends. */
  start: number;
  end: number;
}

/** A verb in base or finite form that is the clause's own: "would be great", "send", "is". Participles used as modifiers are not. */
const ownVerb = (t: Tok, prev: Tok | undefined, next: Tok | undefined) => {
  if (t.pos === 'AUX') return true;
  if (t.pos !== 'VERB') return false;
  // A participle or a verb-tagged word inside the noun phrase ("revised pricing", "the root-cause note"); any other verb,
  // a past tense included ("Demoed the view to…"), is the clause's own.
  if (/(?:ed|en)$/.test(t.lower) && next && ['NOUN', 'PROPN', 'ADJ', 'X'].includes(next.pos)) return false;
  if (prev && (prev.pos === 'DET' || ['our', 'my', 'your', 'the'].includes(prev.lower)) && next && ['NOUN', 'PROPN'].includes(next.pos)) return false;
  return true;
};

/** The clauses of a sentence as token ranges, split at list punctuation. */
function clauses(s: Sent): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let a = 0;
  for (let k = 0; k <= s.toks.length; k += 1) {
    const t = s.toks[k];
    if (!t || BREAK.has(t.text) || ['.', '!', '?'].includes(t.text)) {
      if (k > a) out.push([a, k - 1]);
      a = k + 1;
    }
  }
  return out;
}

/** The noun phrase a clause opens with (after interjections), if it is a thing. */
function openingThing(s: Sent, a: number, b: number): { start: number; end: number } | undefined {
  let k = a;
  while (k <= b && (ACK.has(s.toks[k].lower) || s.toks[k].pos === 'INTJ')) k += 1;
  if (k > b) return undefined;
  const first = s.toks[k];
  if (['i', 'we', 'you', 'they', 'he', 'she', 'it', 'this', 'that', 'please', 'pls', 'thanks'].includes(first.lower)) return undefined;
  // (A plural head at the clause's start reads as a verb's third person: "redlines back to you…".)
  // (Or, capitalised, as a name: "Comments back to you…".)
  // (Or a common word capitalised at the start, read as a name: "Pricing to Owen by Fri".)
  const plural = ((first.pos === 'VERB' && first.lower === `${first.lemma}s`) || (k === 0 && first.pos === 'PROPN' && ((/s$/.test(first.lower) && isCommonWord(first.lower)) || (first.lower.endsWith('ing') && inVocabulary(first.lower))))) && ['over', 'back', 'across', 'to', 'by', 'on', 'coming', 'heading'].includes(s.toks[k + 1]?.lower ?? '');
  const np = plural ? { start: k, end: k, pronoun: false } : nounPhrase(s, k);
  // (The phrase must open the clause: "Demoed the new view to…" starts on a verb the tagger took for a name.)
  if (!np || np.pronoun || np.end > b || np.start !== k) return undefined;
  // ("our sign-off your way": the phrase reader runs on through the possessive of the direction.)
  const way = s.toks.findIndex((t, n) => n > np.start && n <= np.end && t.lower === 'your' && s.toks[n + 1]?.lower === 'way');
  if (way > 0) np.end = way - 1;
  // A person or a bare name is no thing sent ("Raj to Owen by Friday" hands over nobody).
  const head = s.toks[np.end];
  if (head.pos === 'PROPN' && np.start === np.end && !plural) return undefined;
  if (!plural && !s.toks.slice(np.start, np.end + 1).some((t) => t.pos === 'NOUN' || (t.pos === 'PROPN' && !t.cap) || /^[A-Z]{2,}s?$/.test(t.text))) return undefined;
  return { start: np.start, end: np.end };
}

/** "X (over|back|across) to you …", "X coming your way …", "X in your inbox …": the thing, if the clause has no verb of its own. */
export function verblessHandover(s: Sent, toNamed = false): Verbless | undefined {
  const t = s.toks;
  // A request or a wish is said with a verb or "please"; a question asks.
  if (s.text.trim().endsWith('?') || t.some((x) => ['please', 'pls', 'kindly', 'could', 'can', 'would'].includes(x.lower))) return undefined;
  for (const [a, b] of clauses(s)) {
    const thing = openingThing(s, a, b);
    if (!thing) continue;
    let k = thing.end + 1;
    const via = t[k] && t[k].pos === 'VERB' && ON_ITS_WAY.has(t[k].lemma) && t[k].lower.endsWith('ing') ? k : -1;
    if (via >= 0) k += 1;
    while (k <= b && ['over', 'back', 'across', 'through', 'out'].includes(t[k].lower)) k += 1;
    // (In our notes the reader is named: "revised quote to Raj by Thu".)
    const named = toNamed && t[k]?.lower === 'to' && t[k + 1]?.pos === 'PROPN' && t[k + 1].cap;
    const toReader = (['to', 'into', 'in', 'with'].includes(t[k]?.lower ?? '') && READER.has(t[k + 1]?.lower ?? ''))
      || (t[k]?.lower === 'your' && t[k + 1]?.lower === 'way') || named;
    if (!toReader || k > b) continue;
    // Nothing in the clause is a verb of its own ("would be great", "was a draft", "send").
    if (t.slice(a, b + 1).some((x, n) => a + n !== via && (a + n < thing.start || a + n > thing.end) && ownVerb(x, t[a + n - 1], t[a + n + 1]))) continue;
    return thing;
  }
  return undefined;
}

/** The speaker taking a task just before: "that one's mine", "that's on me", "leave it with me" (lemma line). */
export const TAKEN = /(?:^| )(?:that|this) (?:one )?(?:be|'s) (?:mine|on me)(?: |$)|^ (?:on it|will do|mine)(?: |$)| leave (?:it|this|that) with me /;

/**
 * A verbless "X by/on <date>" clause ("Fixed version by Friday.") right after the speaker took the task, in the sentence
 * before or in a clause before it ("yep that's mine, patched build by friday"): the thing.
 */
export function takenThenDated(prev: Sent | undefined, s: Sent): Verbless | undefined {
  const t = s.toks;
  if (s.text.trim().endsWith('?')) return undefined;
  const cl = clauses(s);
  if (!cl.length) return undefined;
  const [a, b] = cl[cl.length - 1];
  const before = cl.length === 1 ? (prev ? ` ${prev.toks.map((x) => x.lemma).join(' ')} ` : '') : ` ${t.slice(0, a).filter((x) => x.pos !== 'PUNCT').map((x) => x.lemma).join(' ')} `;
  if (!TAKEN.test(before)) return undefined;
  const thing = openingThing(s, a, b);
  if (!thing || !['by', 'on', 'before', 'tomorrow', 'today', 'tonight', 'this', 'next', 'first', 'eod', 'end'].includes(t[thing.end + 1]?.lower ?? '')) return undefined;
  if (t.slice(a, b + 1).some((x, n) => (a + n < thing.start || a + n > thing.end) && ownVerb(x, t[a + n - 1], t[a + n + 1]))) return undefined;
  return thing;
}


/** A noun phrase fronted before the promiser ("the offline-mode fix I can promise…"): its span, given the subject's token. */
export function frontedObject(s: Sent, subjectAt: number): { text: string; start: number; end: number } | undefined {
  if (!['i', 'we'].includes(s.toks[subjectAt]?.lower ?? '')) return undefined;
  let a = subjectAt - 1;
  while (a >= 0 && !BREAK.has(s.toks[a].text) && !['but', 'and', 'so'].includes(s.toks[a].lower)) a -= 1;
  a += 1;
  if (a >= subjectAt) return undefined;
  // ("That export I can promise you…": a demonstrative before its noun.)
  const demonstrative = ['that', 'this', 'these', 'those'].includes(s.toks[a].lower) && ['NOUN', 'ADJ', 'PROPN'].includes(s.toks[a + 1]?.pos ?? '');
  let np = nounPhrase(s, demonstrative ? a + 1 : a);
  // (A compound's head right before the promiser may be read as a verb: "the offline-mode fix I can…".)
  if (np && !np.pronoun && np.end === subjectAt - 2 && s.toks[subjectAt - 1].pos === 'VERB') np = { ...np, end: subjectAt - 1, text: `${np.text} ${s.toks[subjectAt - 1].text}` };
  if (!np || np.pronoun || np.end !== subjectAt - 1) return undefined;
  return demonstrative ? { text: `${s.toks[a].text} ${np.text}`, start: a, end: np.end } : np;
}
