/**
 * The offline default embedder: no model, no download, no network. A text becomes a 384-d vector
 * by signed feature hashing of
 *   - words (lowercased, accents folded, stop words dropped, a light English stemmer: "renewals",
 *     "renewed" and "renewing" all count as "renew"),
 *   - pairs of neighbouring words ("security review", "soc 2"), so phrases weigh more than their
 *     words scattered,
 *   - character trigrams of each word ("#re", "ren", "ene", …), so variants the stemmer misses still
 *     meet ("renewal" and "renew", "integration" and "integrate", a name misspelt by one letter),
 * each weighted by 1 + ln(count) (sublinear: repeating a word ten times does not drown the rest),
 * then L2-normalised, so the dot product of two vectors is their cosine similarity. Deterministic
 * across runs and machines, and fast: tens of thousands of short chunks a second on one core.
 *
 * Good at lexical overlap: names of people and companies, product and feature terms, numbers and
 * codes ("SOC 2", "PO-4471"), exact phrases, word variants ("renewal"/"renewing").
 * Bad at meaning without shared words: synonyms and paraphrase ("budget" vs "money", "leaving the
 * company" vs "resigned"), negation ("not happy" is close to "happy"), and other languages (a
 * German question does not find an English email). For semantic recall configure an
 * OpenAI-compatible embedding model (see openai-embedder.ts).
 */
import type { Embedder } from './embedder.js';

export const LOCAL_DIMENSIONS = 384;

const WORD_WEIGHT = 1;
const PAIR_WEIGHT = 0.7;
const TRIGRAM_WEIGHT = 0.3;

const STOP_WORDS = new Set(`
a about above after again against all also am an and any anything are as at be because been before
being below between both but by can could did do does doing done down during each either else ever
few for from further get got had has have having he her here hers herself him himself his how i if
in into is it its itself just let me more most my myself no nor not now of off on once only or other
our ours ourselves out over own please same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up us very was we were what
whatever when where whether which while who whom whose why will with would yes yet you your yours
yourself yourselves
`.trim().split(/\s+/));

/** Accents folded, lowercase, apostrophes dropped ("don't" → "dont"). */
function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’]/g, '');
}

const VOWEL = /[aeiouy]/;
const UNDOUBLE = /([bdfgkmnprt])\1$/;

/** A light English stemmer: plural and verb endings, -ly, a final e. Numbers and short words pass. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    const rest = w.slice(0, -suffix.length);
    if (w.endsWith(suffix) && rest.length >= 3 && VOWEL.test(rest)) {
      w = UNDOUBLE.test(rest) ? rest.slice(0, -1) : rest;
      break;
    }
  }
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** The words of a text as the embedder sees them: normalised, stop words and single letters dropped. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const w of normalise(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (STOP_WORDS.has(w) || (w.length === 1 && !/\d/.test(w))) continue;
    out.push(w);
  }
  return out;
}

/** The stemmed content words of a text: what the embedder matches on (also used to pick excerpts). */
export function terms(text: string): string[] {
  return words(text).map(stem);
}

/** FNV-1a with a seed per feature family, then murmur3's finaliser so every bit is well mixed. */
function hash(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEED_WORD = 1;
const SEED_PAIR = 2;
const SEED_TRIGRAM = 3;

/** The vector of one text. A text with no content words gives the zero vector. */
export function embedText(text: string, dims = LOCAL_DIMENSIONS): number[] {
  // feature hash → [weight of its family, occurrences]
  const counts = new Map<number, [number, number]>();
  const add = (h: number, weight: number) => {
    const c = counts.get(h);
    if (c) c[1] += 1;
    else counts.set(h, [weight, 1]);
  };
  const raw = words(text);
  const stems = raw.map(stem);
  for (let i = 0; i < stems.length; i += 1) {
    add(hash(stems[i], SEED_WORD), WORD_WEIGHT);
    if (i + 1 < stems.length) add(hash(`${stems[i]} ${stems[i + 1]}`, SEED_PAIR), PAIR_WEIGHT);
    const padded = `#${raw[i]}#`;
    for (let j = 0; j + 3 <= padded.length; j += 1) add(hash(padded.slice(j, j + 3), SEED_TRIGRAM), TRIGRAM_WEIGHT);
  }
  const v = new Array<number>(dims).fill(0);
  for (const [h, [weight, n]] of counts) {
    v[h % dims] += (h & 0x80000000 ? -1 : 1) * weight * (1 + Math.log(n));
  }
  let sq = 0;
  for (const x of v) sq += x * x;
  if (sq === 0) return v;
  const norm = Math.sqrt(sq);
  for (let i = 0; i < dims; i += 1) v[i] /= norm;
  return v;
}

/** The default embedder. Its id names the algorithm version: vectors of different ids do not mix. */
export function createLocalEmbedder(dims = LOCAL_DIMENSIONS): Embedder {
  return { id: `local-hash-v2-${dims}`, dimensions: dims, embed: async (texts) => texts.map((t) => embedText(t, dims)) };
}
