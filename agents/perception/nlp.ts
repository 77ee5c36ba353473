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

const vocabulary = new Map<string, boolean>();
/** Whether the model's vocabulary has a word (in lower case): "clause" yes, "zendesk" no. */
export function inVocabulary(lower: string): boolean {
  let hit = vocabulary.get(lower);
  if (hit === undefined) {
    hit = Number(wink.readDoc(lower).tokens().out(its.uniqueId as never)[0]) < VOCABULARY;
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

function parseLine(raw: string): Sent[] {
  // Chat shorthand, apostrophe-less contractions and fillers are read as what they stand for; the
  // sentence text stays as written (offsets mapped back), so evidence quotes the writer.
  const read = normaliseRegister(raw, inVocabulary);
  const line = read.text.replace(/\S+/g, (w) => (w.includes('@') || w.includes('://') ? w : w.replace(INNER_DOT, DOT).replace(INNER_HYPHEN, HYPHEN))).replace(ABBREVIATION_DOT, ABBR);
  const doc = wink.readDoc(line);
  const text = doc.tokens().out() as string[];
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
      toks.push({ text: t, lower: t.toLowerCase(), lemma: (lemma[j] ?? t).toLowerCase(), pos: pos[j] ?? 'X', neg: Boolean(neg[j]), cap: /^\p{Lu}/u.test(t), known: (ids[j] ?? 0) < VOCABULARY, i: k });
    }
    at += n;
    splitContractions(toks);
    joinInnerDots(toks);
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

const common = new Map<string, boolean>();
/** Whether a word, read on its own in lower case, is an ordinary English word (inflected, or not a noun): "Users", "Quick". */
export function isCommonWord(lower: string): boolean {
  let hit = common.get(lower);
  if (hit === undefined) {
    const doc = wink.readDoc(lower);
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

/**
 * The lines of a text, a hard-wrapped email line joined to the line it continues: a long line with no
 * closing punctuation followed by one starting in lower case, or a line ending in a word no sentence
 * ends with. A blank line, a bullet or a quoted line always starts afresh.
 */
function unwrap(text: string): string[] {
  const out: string[] = [];
  let open = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) { open = false; continue; }
    if (open && out.length && !BULLET.test(line) && (/^\p{Ll}/u.test(line) || OPEN_END.test(out[out.length - 1]))) out[out.length - 1] += ` ${line}`;
    else out.push(line);
    const last = out[out.length - 1];
    open = !/^>/.test(line) && !/[.!?:;,"')\]]$/.test(last) && (last.length >= 40 || OPEN_END.test(last));
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
