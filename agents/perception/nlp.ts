// The language layer under every frame: sentences, tokens with lemma, part of speech and negation,
// from wink-nlp's English model (chosen over compromise by measurement: better verb lemmas on the
// verbs the frames read, and about 0.07 ms a sentence against 1.5–18 ms). Frames read these tokens,
// never the raw string, so "stepped down", "is stepping down" and "will step down" are one event.
import winkNLP, { type Document, type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { normaliseRegister } from './nlp-register.js';

const wink = winkNLP(model, ['sbd', 'negation', 'pos']);
const its = wink.its;
/** One property of every token of a document (wink's typings do not cover the token "its" it documents). */
const column = <T>(doc: Document, prop: unknown): T[] => doc.tokens().out(prop as never) as unknown as T[];

/** The model's vocabulary size: words it has never seen get ids from here on (product and person names mostly). */
const VOCABULARY = Number(wink.readDoc('qzxvbnmwkj').tokens().out(its.uniqueId as never)[0]);

/**
 * The model's tokeniser knows letters up to Latin-1 only: any other ("ł", "ń", "ș", "ğ") splits its
 * word in three ("Bartłomiej" → "Bart", "ł", "omiej"). Such a letter is read as a Latin-1 letter of
 * the same case that no English word has, so the word stays one unknown word (a name, mostly); the
 * tokens get their letters back by position.
 */
const FOREIGN_LETTER = /(?![\u0000-\u00ff])\p{L}/gu;
const asLatin1 = (text: string): string => text.replace(FOREIGN_LETTER, (c) => (c === c.toLowerCase() ? '\u00fe' : '\u00de').repeat(c.length));

const vocabulary = new Map<string, boolean>();
/** Whether the model's vocabulary has a word (in lower case): "clause" yes, "zendesk" no. */
export function inVocabulary(lower: string): boolean {
  let hit = vocabulary.get(lower);
  if (hit === undefined) {
    hit = Number(wink.readDoc(asLatin1(lower)).tokens().out(its.uniqueId as never)[0]) < VOCABULARY;
    if (vocabulary.size < 5000) vocabulary.set(lower, hit);
  }
  return hit;
}

export interface Tok {
  /** As written. */
  text: string;
  lower: string;
  /** Dictionary form, lower case ("stepped" → "step", "seats" → "seat", "'ll" → "will"). */
  lemma: string;
  /** Universal part of speech: VERB, AUX, NOUN, PROPN, PRON, ADP, PART, NUM, ADJ, ADV, DET, CCONJ, SCONJ, PUNCT… */
  pos: string;
  /** Inside the scope of a negation ("not", "n't", "never", "no"). */
  neg: boolean;
  /** Starts with a capital letter. */
  cap: boolean;
  /** In the model's English vocabulary (false for most product, company and person names). */
  known: boolean;
  i: number;
}

export interface Sent { text: string; toks: Tok[] }

const CACHE_MAX = 512;
const cache = new Map<string, Sent[]>();

/** A period inside a word (a domain, a version, "Monday.com") does not end a sentence: it travels as a look-alike and comes back. */
const INNER_DOT = /(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu;
const DOT = '\u2024';
/** An abbreviation before a number ("approx. 40", "No. 3", "Jan. 5") does not end a sentence either. */
const ABBREVIATION_DOT = /(?<=\b(?:approx|appr|ca|no|nr|fig|ref|vol|pp?|art|sec|para|cl|ch|vs|est|min|max|tel|ext|rm|apt|bldg|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec))\.(?= \d)/giu;
const ABBR = '\u2027';
/** Likewise a hyphen inside a word ("green-lit", "sign-in", "day-to-day") keeps the word whole. */
const INNER_HYPHEN = /(?<=\p{L})-(?=\p{L})/gu;
const HYPHEN = '\u2010';

/** Joins "Monday", "․", "com" back into one token "Monday.com". */
function joinInnerDots(toks: Tok[]): void {
  for (let k = 1; k < toks.length; k += 1) {
    if (toks[k].text !== ABBR) continue;
    const number = ['no', 'nr'].includes(toks[k - 1].lower);
    toks[k - 1] = { ...toks[k - 1], text: `${toks[k - 1].text}.`, lower: `${toks[k - 1].lower}.`, ...(number ? { lemma: 'number', pos: 'NOUN', neg: false } : {}) };
    // "No. 4" is a number, not a negation: the model's scope from it is lifted.
    for (let j = k + 1; number && j < toks.length && toks[j].pos !== 'PUNCT'; j += 1) toks[j].neg = false;
    toks.splice(k, 1);
    k -= 1;
  }
  for (let k = 1; k + 1 < toks.length; k += 1) {
    if (toks[k].text !== DOT && toks[k].text !== HYPHEN) continue;
    const a = toks[k - 1];
    const b = toks[k + 1];
    const text = `${a.text}${toks[k].text === DOT ? '.' : '-'}${b.text}`;
    const pos = toks[k].text === HYPHEN ? (b.pos === 'NOUN' || b.pos === 'VERB' || b.pos === 'ADJ' ? b.pos : a.pos) : a.cap ? 'PROPN' : a.pos === 'NUM' || b.pos === 'NUM' ? 'NUM' : 'X';
    toks.splice(k - 1, 3, { ...a, text, lower: text.toLowerCase(), lemma: text.toLowerCase(), pos });
    k -= 1;
  }
  for (const t of toks) {
    if (t.text.includes(DOT) || t.text.includes(HYPHEN) || t.text.includes(ABBR)) {
      t.text = t.text.replaceAll(DOT, '.').replaceAll(HYPHEN, '-').replaceAll(ABBR, '.');
      t.lower = t.text.toLowerCase();
      t.lemma = t.lemma.replaceAll(DOT, '.').replaceAll(HYPHEN, '-').replaceAll(ABBR, '.');
    }
  }
}

/** Titles a name follows ("Dr. Weiss"): their full stop never ends a sentence. */
const TITLE = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'messrs', 'mt', 'rev', 'gen', 'capt', 'sgt', 'hon']);
/** Abbreviations a sentence goes on after in lower case ("approx. fifteen", "logins etc. and", "in Jan. and"). */
const RUNNING = new Set(['approx', 'appr', 'est', 'eff', 'incl', 'excl', 'vs', 'etc', 'ca', 'cf', 'viz', 'resp', 'dept', 'min', 'max', 'avg', 'ext', 'tel', 'no', 'nr',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun']);
const dotted = new Map<string, boolean>();
/** Whether the model keeps a word and its full stop as one token, an abbreviation it knows ("in." for inches, "no.", "Nov."). */
function keepsDot(word: string): boolean {
  let hit = dotted.get(word);
  if (hit === undefined) {
    hit = wink.readDoc(`${word}.`).tokens().length() === 1;
    if (dotted.size < 5000) dotted.set(word, hit);
  }
  return hit;
}
/** A word, its full stop and what follows it: the end of the line, or a space and a word. */
const WORD_DOT = /(?<![\p{L}\p{N}.'’@/\\-])(\p{L}+)\.(?=["'”’)\]]*(?:\s*$|\s+["'“‘(]?(\p{L})))/gu;
/** Stands in for a full stop the model must read as the end of a sentence (it splits "!" off any word). */
const STOP = '!';

/**
 * The model reads "in.", "no.", "reps." or "Nov." as abbreviations even where they end a sentence
 * ("ok we're in. send me the link", "Not yet, no. Honestly…", "stopped on 8 Nov. Calls since…"), which
 * runs two sentences into one and tags the word a noun. Such a full stop ends the sentence at the end of
 * a line or before another word, unless the word is a title or an initial, or an abbreviation a
 * sentence runs on after and a lower-case word follows.
 */
function endSentences(line: string): string {
  return line.replace(WORD_DOT, (m: string, word: string, next: string | undefined) => {
    const lower = word.toLowerCase();
    if (word.length < 2 || TITLE.has(lower) || (RUNNING.has(lower) && next !== undefined && next === next.toLowerCase()) || !keepsDot(word)) return m;
    return `${word}${STOP}`;
  });
}

/** The tokens as written: each found in what the model read, from where the one before ended, and read back from the marked line. */
function asWritten(seen: string[], line: string, marked: string): string[] {
  if (line === marked) return seen;
  let at = 0;
  return seen.map((t) => {
    const k = line.indexOf(t, at);
    if (k < 0) return t;
    at = k + t.length;
    return marked.slice(k, at);
  });
}

/** A lemma read from a stand-in spelling, given back its letters: the whole word, or the stem it starts with. */
function lemmaAsWritten(lemma: string, seen: string, shown: string): string {
  if (lemma === seen) return shown;
  return seen.startsWith(lemma) ? shown.slice(0, lemma.length) : lemma;
}

const APOSTROPHE = /[\u2018\u2019\u02bc]/g;

function parseLine(raw: string): Sent[] {
  // Chat shorthand, apostrophe-less contractions and fillers are read as what they stand for; the
  // sentence text stays as written (offsets mapped back), so evidence quotes the writer.
  // Typographic apostrophes and single quotes ("don’t", "it’s") are read as typed ones, so every
  // contraction and possessive is one token whatever the writer's mail client did; the quoted sentence keeps them.
  const read = normaliseRegister(raw.replace(APOSTROPHE, "'"), inVocabulary);
  const marked = read.text.replace(/\S+/g, (w) => (w.includes('@') || w.includes('://') ? w : w.replace(INNER_DOT, DOT).replace(INNER_HYPHEN, HYPHEN))).replace(ABBREVIATION_DOT, ABBR);
  // What the model reads has the same length as what was marked, so each token is found again by position.
  const line = endSentences(asLatin1(marked));
  const doc = wink.readDoc(line);
  const seen = doc.tokens().out() as string[];
  const text = asWritten(seen, line, marked);
  const pos = column<string>(doc, its.pos);
  const lemma = column<string>(doc, its.lemma);
  const neg = column<boolean>(doc, its.negationFlag);
  const ids = column<number>(doc, its.uniqueId);
  const out: Sent[] = [];
  let at = 0;
  let cursor = 0;
  doc.sentences().each((s: ItemSentence) => {
    const n = s.tokens().length();
    const toks: Tok[] = [];
    for (let k = 0; k < n; k += 1) {
      const j = at + k;
      const t = text[j];
      // The light model lemmatises a capitalised common word as a proper noun ("Leaving", "Quick"):
      // sentence-initial words keep their part of speech but get their lower-case lemma.
      const base = (lemma[j] ?? t).toLowerCase();
      const shown = t === seen[j] ? base : lemmaAsWritten(base, seen[j].toLowerCase(), t.toLowerCase());
      toks.push({ text: t, lower: t.toLowerCase(), lemma: shown, pos: pos[j] ?? 'X', neg: Boolean(neg[j]), cap: /^\p{Lu}/u.test(t), known: (ids[j] ?? 0) < VOCABULARY, i: k });
    }
    at += n;
    splitContractions(toks);
    joinInnerDots(toks);
    mendTags(toks);
    mendNegation(toks);
    toks.forEach((t, i) => { t.i = i; });
    const said = s.out();
    const from = line.indexOf(said, cursor);
    if (from >= 0) cursor = from + said.length;
    const sentence = (from >= 0 ? raw.slice(read.toRaw(from), read.toRaw(from + said.length, true)) : said).replaceAll(DOT, '.').replaceAll(HYPHEN, '-').replaceAll(ABBR, '.').trim();
    if (sentence) out.push({ text: sentence, toks });
  });
  return out;
}

const CONTRACTION = /^(i|you|we|they|he|she|it|that|there|who|what)(['’])(m|re|s|ll|d|ve)$/i;
const EXPANDED: Record<string, [string, string]> = { m: ['be', 'AUX'], re: ['be', 'AUX'], s: ['be', 'AUX'], ll: ['will', 'AUX'], d: ['would', 'AUX'], ve: ['have', 'AUX'] };

/** The light model leaves some contractions whole ("I'm" as one proper noun): split them as it does the others. */
function splitContractions(toks: Tok[]): void {
  for (let k = 0; k < toks.length; k += 1) {
    const m = CONTRACTION.exec(toks[k].text);
    if (!m) continue;
    const [lemma, pos] = EXPANDED[m[3].toLowerCase()];
    const pron: Tok = { ...toks[k], text: m[1], lower: m[1].toLowerCase(), lemma: m[1].toLowerCase(), pos: 'PRON', cap: /^\p{Lu}/u.test(m[1]) };
    const aux: Tok = { ...toks[k], text: `${m[2]}${m[3]}`, lower: `${m[2]}${m[3]}`.toLowerCase(), lemma, pos, cap: false };
    toks.splice(k, 1, pron, aux);
    k += 1;
  }
  toks.forEach((t, i) => { t.i = i; });
}

/** Words before a noun that own or pick it out ("our tooling", "the hiring"); not "'s", which is mostly "is" ("she's heading out"). */
const DETERMINER = new Set(['the', 'a', 'an', 'these', 'those', 'any', 'some', 'no', 'every', 'each', 'another', 'whose', 'our', 'your', 'their', 'my', 'his', 'its']);
/** Particles that stand as a predicate after be: "we're in", "I'm out", "the numbers are back". */
const PARTICLE = new Set(['in', 'out', 'on', 'off', 'up', 'down', 'over', 'back', 'through', 'aboard', 'away', 'around']);
const OBJECT_PRONOUN = new Set(['me', 'us', 'him', 'them']);
const SUBJECT_PRONOUN = new Set(['i', 'we', 'he', 'she', 'they']);

const verbs = new Map<string, string>();
/** The lemma of an -ing or -ed word read as a verb after a subject ("we were closing it" → close), or undefined when even there it is no verb. */
function verbLemma(lower: string): string | undefined {
  let hit = verbs.get(lower);
  if (hit === undefined) {
    const doc = wink.readDoc(lower.endsWith('ing') ? `we were ${lower} it` : `we ${lower} it`);
    const k = doc.tokens().length() - 2;
    hit = column<string>(doc, its.pos)[k] === 'VERB' ? column<string>(doc, its.lemma)[k].toLowerCase() : '';
    if (verbs.size < 5000) verbs.set(lower, hit);
  }
  return hit || undefined;
}

/**
 * Tags the light model gets wrong in a whole class of sentences:
 * - a capitalised -ing or -ed word opening a sentence before its object ("Closing this from our side",
 *   "Chased Raj again") is read as a name; it is the verb it is after a subject.
 * - "being" after be ("is being replaced") keeps the lemma "being"; it is be, like "is" and "been".
 * - an -ing word owned or picked out by a determiner, at the head of its phrase ("our tooling is
 *   old", "the new hiring stopped"), is tagged a verb; it names a thing (the lemma, "tool", "hire",
 *   stays the model's).
 * - a particle standing as the predicate of be ("we're in.", "I'm out") is an adverb, not a preposition
 *   waiting for its object.
 * - a word the model took for a noun that takes an object pronoun ("Count us in", "Loop me in") is a verb.
 */
function mendTags(toks: Tok[]): void {
  const first = toks.findIndex((x) => x.pos !== 'PUNCT');
  toks.forEach((t, k) => {
    // Its object follows: not a subject pronoun, which opens a clause of its own ("Disappointed I can't come").
    const object = ['DET', 'PRON', 'PROPN', 'NUM'].includes(toks[k + 1]?.pos ?? '') && !SUBJECT_PRONOUN.has(toks[k + 1].lower);
    if (k === first && t.pos === 'PROPN' && /^\p{Lu}\p{Ll}+(?:ing|ed)$/u.test(t.text) && object && inVocabulary(t.lower)) {
      const lemma = verbLemma(t.lower);
      if (lemma) Object.assign(t, { pos: 'VERB', lemma });
    }
    if (t.lower === 'being' && t.pos !== 'NOUN') t.lemma = 'be';
    if (t.pos === 'VERB' && /\p{L}{3}ing$/u.test(t.lower)) {
      let j = k - 1;
      while (j >= 0 && toks[j].pos === 'ADJ') j -= 1;
      const owner = toks[j];
      // Before a noun it may be a participle modifying it ("Acme's existing customers"): left as read.
      // Before a determiner or a pronoun it has an object, so it is a verb after all.
      const head = !['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET', 'PRON'].includes(toks[k + 1]?.pos ?? '');
      if (head && owner && DETERMINER.has(owner.lower) && (owner.pos === 'DET' || owner.pos === 'PRON')) t.pos = 'NOUN';
    }
    if (t.pos === 'ADP' && PARTICLE.has(t.lower)) {
      let j = k - 1;
      while (j >= 0 && (toks[j].pos === 'ADV' || ['all', 'both'].includes(toks[j].lower))) j -= 1;
      const next = toks[k + 1];
      if (toks[j]?.lemma === 'be' && (!next || ['PUNCT', 'CCONJ'].includes(next.pos) || (next.pos === 'ADV' && !PARTICLE.has(next.lower)))) t.pos = 'ADV';
    }
    const next = toks[k + 1];
    if ((t.pos === 'NOUN' || (t.pos === 'PROPN' && k === 0 && inVocabulary(t.lower))) && /^\p{L}{2,}$/u.test(t.text) && next && OBJECT_PRONOUN.has(next.lower)) {
      t.pos = 'VERB';
      t.lemma = t.lemma.toLowerCase();
    }
  });
}

/** Words of doubt and reluctance: negated, they assert what follows ("no doubt we'll renew", "won't hesitate to sign"). */
const RELUCTANCE = new Set(['doubt', 'hesitate', 'worry', 'fail', 'mind', 'problem', 'wait']);
const NEGATOR = new Set(['not', "n't", 'no', 'never']);

/**
 * The model's negation runs from the negator to the clause's end. After a negated word of doubt or
 * reluctance it stops: "No doubt we'll renew", "We won't hesitate to sign", "can't wait to roll it
 * out" say the renewal, the signing and the rollout are wanted ("wait" only after can: "we won't wait"
 * is no eagerness).
 */
function mendNegation(toks: Tok[]): void {
  toks.forEach((t, k) => {
    if (!t.neg || !RELUCTANCE.has(t.lemma)) return;
    const negator = toks.slice(Math.max(0, k - 3), k).findLast((x) => NEGATOR.has(x.lemma) || NEGATOR.has(x.lower));
    if (!negator || (t.lemma === 'wait' && toks[negator.i - 1]?.lemma !== 'can')) return;
    for (let j = k + 1; j < toks.length && toks[j].neg && !NEGATOR.has(toks[j].lower); j += 1) toks[j].neg = false;
  });
}

const common = new Map<string, boolean>();
/** Whether a word, read on its own in lower case, is an ordinary English word (inflected, or not a noun): "Users", "Quick". */
export function isCommonWord(lower: string): boolean {
  let hit = common.get(lower);
  if (hit === undefined) {
    const doc = wink.readDoc(asLatin1(lower));
    const pos = column<string>(doc, its.pos)[0] ?? '';
    const lemma = column<string>(doc, its.lemma)[0] ?? lower;
    // A word the model has never seen is a name, whatever its ending suggests ("Harbinly" is no adverb).
    hit = inVocabulary(lower) && (lemma !== lower || !['NOUN', 'PROPN', 'X'].includes(pos));
    if (common.size < 5000) common.set(lower, hit);
  }
  return hit;
}

/** Words that cannot end a sentence: a line ending in one was wrapped, not finished. */
const OPEN_END = /\b(?:the|a|an|to|of|and|or|with|for|on|in|at|by|from|our|your|their|my|his|her|its|will|would|be|is|are|was|were|that|this|these|those|we|i|you|they|not|if|as|than)$/i;
const BULLET = /^(?:[-*•>]|\d+[.)]|[a-z][.)]\s)/;

/** A line that reads as the rest of a sentence, not a name or a title signing off: it has a word in lower case, or ends one. */
const SENTENCE_REST = /\s(?!(?:of|and|the|for|at|&)\b)\p{Ll}|[.!?]$/u;

/**
 * The lines of a text, a hard-wrapped email line joined to the line it continues: a long line with no
 * closing punctuation (or a long one ending in a comma or semicolon, or one ending in a title) followed by one starting in lower case or
 * reading as the rest of a sentence ("…has asked" + "Tessaly to quote for the same seats."), or a line
 * ending in a word no sentence ends with. A blank line, a bullet or a quoted line always starts afresh;
 * a capitalised short line after a long one ("Marta", "Head of Operations") is a signature, not a wrap.
 */
function unwrap(text: string): string[] {
  const out: string[] = [];
  let open = false;
  let comma = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) { open = false; continue; }
    const goesOn = /^\p{Ll}/u.test(line) || (!comma && (OPEN_END.test(out[out.length - 1] ?? '') || SENTENCE_REST.test(line)));
    if (open && out.length && !BULLET.test(line) && goesOn) out[out.length - 1] += ` ${line}`;
    else out.push(line);
    const last = out[out.length - 1];
    comma = /[,;]$/.test(line) && line.length >= 40;
    // A title ends a line only when the name it goes with was wrapped onto the next ("… Mrs." + "Ewa Zielinska").
    const title = TITLE.has(/(\p{L}+)\.$/u.exec(line)?.[1]?.toLowerCase() ?? '');
    open = !/^>/.test(line) && (comma || title || (!/[.!?:;,"')\]]$/.test(last) && (last.length >= 40 || OPEN_END.test(last))));
  }
  return out;
}

/** The sentences of a text (lines first, then sentences within a line), each with its tokens. */
export function analyze(text: string): Sent[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const out = unwrap(text).flatMap(parseLine);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(text, out);
  return out;
}
