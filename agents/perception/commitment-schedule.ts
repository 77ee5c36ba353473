// A delivery told as a schedule rather than a deed: "ETA for the fix is Friday", "we're targeting
// Thursday for the patch release", "the signed SOW will follow by Friday", "SOW to follow early next
// week". The speaker's side owns the thing; each is a promise only with a date (the caller checks it),
// as "a fix will follow" alone says nothing of when.
import type { Sent } from './nlp.js';
import { nounPhrase, type Hit } from './frames.js';

const SCHEDULED = / will /.exec(' will ')!;
const cue = (k: number): Hit => ({ start: k, end: k, m: SCHEDULED });

/** Where the scheduled thing starts and the token that says it is scheduled, or undefined. */
export function scheduledThing(s: Sent): { cue: Hit; objectAt: number } | undefined {
  const t = s.toks;
  for (let k = 0; k < t.length; k += 1) {
    const x = t[k];
    // "ETA for/on the fix is Friday", "ETA on the export: Thursday".
    if (x.lower === 'eta' && ['for', 'on', 'of'].includes(t[k + 1]?.lower ?? '')) {
      const np = nounPhrase(s, k + 2);
      if (np && !np.pronoun && (t[np.end + 1]?.lemma === 'be' || [':', '-', '='].includes(t[np.end + 1]?.text ?? ''))) return { cue: cue(k), objectAt: np.start };
    }
    // "We're targeting Thursday for the patch release", "I'm targeting the 20th for the SOW".
    if (x.lemma === 'target' && x.lower.endsWith('ing') && ['i', 'we'].includes(t[k - 2]?.lower ?? '')) {
      const f = t.findIndex((y, n) => n > k && n <= k + 5 && y.lower === 'for');
      const np = f > 0 ? nounPhrase(s, f + 1) : undefined;
      if (np && !np.pronoun) return { cue: cue(k), objectAt: np.start };
    }
    // "The signed SOW will follow by Friday", "SOW to follow early next week" (a thing, then "follow" with no object).
    const follows = x.lemma === 'follow' && ['will', 'to', 'shall'].includes(t[k - 1]?.lemma ?? '') && !['up', 'the', 'a', 'it', 'them', 'you', 'us'].includes(t[k + 1]?.lower ?? '');
    if (follows) {
      let a = k - 2;
      while (a > 0 && !['PUNCT', 'CCONJ'].includes(t[a - 1].pos)) a -= 1;
      // (An acronym alone may be tagged a verb: "SOW to follow".)
      const acronym = a === k - 2 && /^[A-Z]{2,}s?$/.test(t[a].text);
      const np = acronym ? { text: t[a].text, start: a, end: a, pronoun: false } : nounPhrase(s, a);
      const thing = acronym || (np && t.slice(np.start, np.end + 1).some((y) => y.pos === 'NOUN' || (y.pos === 'PROPN' && /^[A-Z]{2,}s?$/.test(y.text))));
      if (np && !np.pronoun && np.end === k - 2 && thing) return { cue: cue(k - 1), objectAt: np.start };
    }
  }
  return undefined;
}
