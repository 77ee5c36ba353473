// The language layer under every frame: sentences, tokens with lemma, part of speech and negation,
// from wink-nlp's English model (chosen over compromise by measurement: better verb lemmas on the
// verbs the frames read, and about 0.07 ms a sentence against 1.5–18 ms). Frames read these tokens,
// never the raw string, so "stepped down", "is stepping down" and "will step down" are one event.
import winkNLP, { type Document, type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

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
/** Likewise a hyphen inside a word ("green-lit", "sign-in", "day-to-day") keeps the word whole. */
const INNER_HYPHEN = /(?<=\p{L})-(?=\p{L})/gu;
const HYPHEN = '\u2010';

/** Joins "Monday", "․", "com" back into one token "Monday.com". */
function joinInnerDots(toks: Tok[]): void {
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
    if (t.text.includes(DOT) || t.text.includes(HYPHEN)) {
      t.text = t.text.replaceAll(DOT, '.').replaceAll(HYPHEN, '-');
      t.lower = t.text.toLowerCase();
      t.lemma = t.lemma.replaceAll(DOT, '.').replaceAll(HYPHEN, '-');
    }
  }
}

function parseLine(raw: string): Sent[] {
  const line = raw.replace(/\S+/g, (w) => (w.includes('@') || w.includes('://') ? w : w.replace(INNER_DOT, DOT).replace(INNER_HYPHEN, HYPHEN)));
  const doc = wink.readDoc(line);
  const text = doc.tokens().out() as string[];
  const pos = column<string>(doc, its.pos);
  const lemma = column<string>(doc, its.lemma);
  const neg = column<boolean>(doc, its.negationFlag);
  const ids = column<number>(doc, its.uniqueId);
  const out: Sent[] = [];
  let at = 0;
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
    const sentence = s.out().replaceAll(DOT, '.').replaceAll(HYPHEN, '-').trim();
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

/** The sentences of a text (lines first, then sentences within a line), each with its tokens. */
export function analyze(text: string): Sent[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const out = text.split(/\n+/).map((l) => l.trim()).filter(Boolean).flatMap(parseLine);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(text, out);
  return out;
}
