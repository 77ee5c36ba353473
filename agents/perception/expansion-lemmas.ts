// The tagger leaves some -ing and -ed forms of the verbs the expansion frames read as their own
// lemma ("keeps nagging me for access" tags "nagging" as an adjective, "we onboarded forty drivers"
// keeps "onboarded"), so a frame looking for "nag" or a past "onboard" misses them. Expansion reads
// copies of the sentences with those lemmas restored; the shared parse is left as it is.
import type { Sent, Tok } from './nlp.js';

/** Verbs of wanting, adding and taking on that the expansion frames read by lemma. */
const FRAME_VERBS = new Set(['nag', 'beg', 'pester', 'badger', 'hound', 'bug', 'lobby', 'clamour', 'clamor', 'plead', 'ask', 'request', 'want', 'need',
  'onboard', 'provision', 'add', 'extend', 'expand', 'roll', 'migrate', 'license', 'licence', 'deploy']);

/** The verb an unlemmatised -ing or -ed form stands for: "nagging" → "nag", "lobbying" → "lobby", "onboarded" → "onboard". */
function verbOf(t: Tok, before?: Tok): string | undefined {
  // A gerund the tagger calls a noun is one ("Provisioning for the Madrid users failed"), unless a progressive's
  // auxiliary or "keep" comes before it ("have been pestering", "keeps nagging").
  const progressive = Boolean(before) && ['be', 'keep'].includes(before!.lemma);
  // A verb in -ing left as it is stays as read ("it's blocking onboarding for the new depot" has no one onboarding).
  const verbIng = t.pos === 'VERB' && t.lower.endsWith('ing');
  if (t.lemma !== t.lower || verbIng || !(['VERB', 'ADJ'].includes(t.pos) || (t.pos === 'NOUN' && progressive))) return undefined;
  const m = /^(\p{Ll}+?)(?:ing|ed)$/u.exec(t.lower);
  if (!m) return undefined;
  const stem = m[1];
  const undoubled = /(\p{Ll})\1$/u.test(stem) ? stem.slice(0, -1) : undefined;
  return [stem, undoubled, `${stem}e`].find((c): c is string => Boolean(c) && FRAME_VERBS.has(c!));
}

/** The sentence with the frame verbs' lemmas restored; the same object when nothing needed it. */
function relemma(s: Sent): Sent {
  const fixed = s.toks.map((t, k) => verbOf(t, s.toks[k - 1]));
  if (!fixed.some(Boolean)) return s;
  return { text: s.text, toks: s.toks.map((t, k) => (fixed[k] ? { ...t, lemma: fixed[k]!, pos: 'VERB' } : t)) };
}

const copies = new WeakMap<Sent[], Sent[]>();
/** The sentences as expansion reads them, cached per parse (analyze caches its parses). */
export function framed(sents: Sent[]): Sent[] {
  const hit = copies.get(sents);
  if (hit) return hit;
  const out = sents.map(relemma);
  copies.set(sents, out);
  return out;
}
