// In a message typed all in lower case ("we had a demo from pellucid yesterday"), capitals carry no
// information, so the frames that look for a capitalised name would never find one. There a word the
// English model has never seen and that is no ordinary word stands for what its capital would have
// said: a name. The sentence is read as if it had been written with that capital; what is quoted from
// it stays as written.
import { isCommonWord, type Sent, type Tok } from './nlp.js';

const written = new WeakMap<Sent, string>();
/** The words a recased sentence capitalised, each with its spelling as typed. */
const words = new WeakMap<Sent, Map<string, string>>();
const recased = new Map<string, Sent>();
const CACHE_MAX = 512;

/** Words that make what follows a common noun: names do not take them ("the roadmap", "your pricing analytics"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'your', 'ur', 'our', 'their', 'my', 'his', 'her', 'its', 'this', 'that', 'these', 'those', 'some', 'any', 'no', 'every', 'each', 'another', 'which', 'what']);

/** Nouns a name stands in apposition to: "your competitor vantora", "the company veltraxa". */
const APPOSITION = new Set(['competitor', 'rival', 'vendor', 'supplier', 'provider', 'company', 'firm', 'startup', 'platform', 'tool', 'product', 'partner', 'agency', 'consultancy', 'called', 'named']);

/** "revised", "updated": a past participle, which may stand before a noun as an adjective does. */
const participle = (t: Tok) => t.pos === 'VERB' && /ed$/.test(t.lower);

/**
 * The word heads a noun phrase with a determiner (over the adjectives and nouns in between). As a
 * modifier it may still be a name: "the nexora guys", "a kestrel quote".
 */
function determined(toks: Tok[], k: number): boolean {
  if (toks[k + 1]?.pos === 'NOUN' || APPOSITION.has(toks[k - 1]?.lemma ?? '')) return false;
  let j = k - 1;
  while (j >= 0 && (['NOUN', 'ADJ', 'PROPN', 'NUM'].includes(toks[j].pos) || participle(toks[j])) && !DETERMINERS.has(toks[j].lower)) j -= 1;
  if (j >= 0 && DETERMINERS.has(toks[j].lower)) return true;
  // "- revised rota to u": a participle with no subject before it modifies the word ("we evaluated zephyrix" has one).
  const before = toks[k - 1];
  return !!before && (before.pos === 'ADJ' || (participle(before) && !['NOUN', 'PROPN', 'PRON'].includes(toks[k - 2]?.pos ?? '')));
}

/**
 * A lower-case word that would be a name if the writer used capitals at all: unknown to the model, no
 * ordinary word, longer than an acronym ("pdf", "sso"), and not inside a determined noun phrase.
 */
const nameShaped = (toks: Tok[], k: number, names: ReadonlySet<string>) => {
  const t = toks[k];
  if (names.has(t.lower)) return true;
  return !t.known && /^\p{Ll}[\p{L}'’-]{3,}$/u.test(t.text) && !isCommonWord(t.lower) && !determined(toks, k);
};
const capital = (w: string) => w[0].toUpperCase() + w.slice(1);

/**
 * The sentence as if capitalised (names and "i"), or the sentence itself when it has any capital.
 * `names`: words known to be names here in lower case (the people on the account, listed rivals),
 * capitalised even when short or ordinary words ("ama", "gong").
 */
export function caseBlind(s: Sent, names: ReadonlySet<string> = new Set()): Sent {
  if (/\p{Lu}/u.test(s.text) || !/\p{Ll}/u.test(s.text)) return s;
  const key = `${[...names].join(' ')}\n${s.text}`;
  const hit = recased.get(key);
  if (hit) return hit;
  let text = s.text;
  let cursor = 0;
  const toks = s.toks.map((t, k) => {
    const at = text.indexOf(t.text, cursor);
    if (at >= 0) cursor = at + t.text.length;
    const name = nameShaped(s.toks, k, names);
    if (!name && t.lower !== 'i') return t;
    const upper = capital(t.text);
    // Same length, so every offset into the text still holds.
    if (at >= 0) text = `${text.slice(0, at)}${upper}${text.slice(at + t.text.length)}`;
    return { ...t, text: upper, cap: true, ...(name ? { pos: 'PROPN' } : {}) };
  });
  const out = { text, toks };
  written.set(out, s.text);
  words.set(out, new Map(toks.flatMap((t, k) => (t !== s.toks[k] ? [[t.text, s.toks[k].text] as [string, string]] : []))));
  if (recased.size >= CACHE_MAX) recased.delete(recased.keys().next().value as string);
  recased.set(key, out);
  return out;
}

/** The sentence's text as the writer typed it. */
export const asWritten = (s: Sent): string => written.get(s) ?? s.text;

/** The words of the account's people's names, in lower case: names even in a message typed without capitals. */
export function nameWords(people: ReadonlyArray<{ name?: string | null }>): Set<string> {
  return new Set(people.flatMap((c) => (c.name ?? '').toLowerCase().split(/\s+/)).filter((w) => w.length > 1));
}

/** A phrase built from the words of these sentences ("revised Rota"), with every word they capitalised as typed ("revised rota"). */
export function typedWords(phrase: string, sents: readonly Sent[]): string {
  const typedAs = new Map(sents.flatMap((x) => [...(words.get(x) ?? [])]));
  if (typedAs.size === 0) return phrase;
  return phrase.replace(/[\p{L}\p{N}'’-]+/gu, (w) => typedAs.get(w) ?? w);
}
