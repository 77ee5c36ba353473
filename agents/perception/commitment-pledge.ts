// A pledge followed by the state of a thing to come: "you have my word, the rate limit gets lifted
// before peak season", "I promise you the invoice will be corrected", "rest assured that the export is
// fixed by Friday". The speaker vouches for an outcome instead of naming an act of their own; the
// thing is the subject of the vouched-for clause. The clause must speak of the future or of a state to
// reach (will, gets + participle, is + participle or ready): "I promise the invoice was correct" vouches
// for a fact, not a deed.
import type { Sent } from './nlp.js';
import { nounPhrase, type Hit } from './frames.js';

const VOUCHED = / will /.exec(' will ')!;

/** Pledge markers, on the lemma line; each ends where the vouched-for clause begins. */
const PLEDGE = /^ (?:ok |okay |so |and )?(?:you (?:have|get) (?:my|our) word|(?:i|we) (?:can )?(?:promise|guarantee|assure|swear)(?: you)?|(?:i|we) give you (?:my|our) word|rest assure|i can tell you for sure)(?: that)?(?: [,:-])? /;
const PERSON = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'someone', 'somebody']);

export function pledged(s: Sent): { cue: Hit; objectAt: number } | undefined {
  const t = s.toks;
  const m = PLEDGE.exec(` ${t.map((x) => x.lemma).join(' ')} `);
  if (!m) return undefined;
  const at = m[0].trim().split(' ').length;
  const subject = t[at];
  if (!subject || PERSON.has(subject.lower)) return undefined;
  const np = nounPhrase(s, at);
  if (!np || np.pronoun) return undefined;
  const v = t[np.end + 1];
  const w = t[np.end + 2];
  if (!v) return undefined;
  const participle = (x: typeof w) => Boolean(x && x.pos === 'VERB' && x.lower !== x.lemma && !x.lower.endsWith('ing'));
  const future = ['will', 'shall'].includes(v.lemma) && !t[np.end + 2]?.neg && !['not', "n't"].includes(w?.lower ?? '');
  // "gets lifted", "is fixed", "is ready", "goes live" (a present standing for the future); not "was", "got".
  const present = (v.lower !== v.lemma && /s$/.test(v.lower)) || (v.lower === v.lemma && v.lemma !== 'be') || ['are', 'is', "'s", "'re"].includes(v.lower);
  const reached = present && !v.neg && ((['get', 'be'].includes(v.lemma) && (participle(w) || ['ready', 'live', 'done', 'sorted', 'available'].includes(w?.lower ?? '')))
    || (v.lemma === 'go' && ['live', 'out'].includes(w?.lower ?? '')));
  if (!future && !reached) return undefined;
  return { cue: { start: at - 1, end: at - 1, m: VOUCHED }, objectAt: np.start };
}
