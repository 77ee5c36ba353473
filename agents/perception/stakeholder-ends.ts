// Ends of a person's time at the account said without a departure verb (issue 15, held-out recall): an
// absence that will not end ("won't be coming back", "decided not to return", "on permanent leave"), a
// death, walking out, being shown the door, being "out the door", and a long secondment elsewhere (a
// move, unless it is said to be short). Frames over lemmas like every other family; the caller applies
// the person, negation, condition and absence scopes. `longEnough` is the check for the secondment.
import type { Sent } from './nlp.js';
import type { Hit, NameSpan } from './frames.js';

/** What a return may be bounded by: a time, a place of the working day, or a reply ("come back to you on this"). */
const RETURN_BOUND = /^(?:until|till|before|by|today|tonight|tomorrow|tmrw|this|next|later|soon|online|in|on|at|from|to|after|for|with|when|once|yet)$/;

export const ENDS_LEFT: RegExp[] = [
  // Not coming back, with no time it waits for: "won't be coming back", "decided not to return", "will not be back after her maternity leave".
  / (?:not|n't|never) (?:to )?(?:be )?(?:come back|return|be back|go back) /,
  / (?:go|be|put) on (?:permanent) (?=leave )/,
  // A death: "passed away last week" (a person dies: the one before the verb is checked).
  / pass away | die /,
  // Walking out on the job, shown the door: "walked out in October", "got the boot", "was shown the door".
  / walk out (?!of )| (?:get|be give|be show|receive) (?:the )?(?:boot|sack|axe|chop|push|door) | show (?=\S+ (?:\S+ )?the door )/,
  // "I'm out the door on Friday", "she's out of the door by Christmas".
  / (?:be|'s) out (?:of )?the door /,
  // Off to a new job: "is heading to a new job in January" (a new role may be inside: not here).
  / (?:go|head|move|leave|be off) (?:off )?(?:to|for) (?:a|an) new (?:job|employer|company|challenge|opportunity|adventure) /,
  // Seen off: "we're sad to see Dmitri go", "sorry to lose Raj" (the one named right after: objectOfFarewell).
  / (?:sad|sorry|hate|shame|pity|hard|gutted|miss) to (?:see|watch) (?=\S+ (?:\S+ )?go )| (?:sad|sorry|hate|shame|pity|hard|gutted) to lose /,
];

/** The one seen off in "sad to see Dmitri go", "sorry to lose Raj". */
export function objectOfFarewell(s: Sent, hit: Hit, names: NameSpan[]): NameSpan | undefined {
  if (!/ to (?:see|watch|lose) $/.test(hit.m[0])) return undefined;
  return names.find((n) => n.start === hit.end + 1);
}

export const ENDS_MOVED: RegExp[] = [
  // A secondment elsewhere for a long time: "going on a twelve-month secondment to our parent company".
  / (?:go|be|start|begin|head) (?:off )?on (?:a|an|his|her|their|my) (?:\S+ ){0,3}?secondment (?:to|with|at|in) /,
  // Gone on to a post: "when Irene went on to run the Nordics business", "is off to chair the audit committee".
  / go on to (?:run|lead|head|manage|oversee|chair|take over|become) | be off to (?:run|lead|head|manage|oversee|chair|take over|become) /,
  // A move said to be for good: "owen's moving to the Berlin office permanently".
  / (?:move|relocate|transfer) (?:\S+ ){0,5}?permanently | permanently (?:move|relocate|transfer) /,
  // The speaker's last exchange with us: "this is my last call with you".
  / (?:my|his|her) (?:last|final) (?:call|email|meeting|qbr|check-in|message|sync|note) (?:with|to) (?:you|your|this|the) /,
];

const SHORT_UNIT = /^(?:day|week|fortnight|hour)s?$/;
const NUMBER: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18, 'twenty-four': 24 };

/** Whether a secondment frame is long or open-ended: "a twelve-month secondment", not "a two-week secondment" or "for three months". */
export function longEnough(s: Sent): boolean {
  const words = s.toks.map((x) => x.lower);
  for (let k = 0; k < words.length; k += 1) {
    const w = words[k].split(/[-\u2010]/);
    const unit = (w.length > 1 ? w[w.length - 1] : words[k + 1]) ?? '';
    if (SHORT_UNIT.test(unit)) return false;
    if (/^months?$/.test(unit)) {
      const n = Number(w[0]) || NUMBER[w[0]] || (['a', 'one'].includes(w[0]) ? 1 : 0);
      if (n > 0 && n < 6) return false;
    }
  }
  return true;
}

/** Checks the frames above need: a return bounded by a time or a place is an absence; a death or a walk-out is a person's. */
export function endHolds(s: Sent, hit: Hit): boolean {
  const line = hit.m[0];
  const t = s.toks;
  if (/ (?:come back|return|be back|go back) $/.test(line)) {
    const next = t[hit.end + 1];
    // ("…after her maternity leave" names what it follows, not when the return comes.)
    const afterOwnLeave = next?.lower === 'after' && ['his', 'her', 'their', 'my'].includes(t[hit.end + 2]?.lower ?? '');
    if (next && RETURN_BOUND.test(next.lower) && !afterOwnLeave) return false;
    // "won't return the scanner", "never came back to me": a thing returned, a reply.
    if (next && ['DET', 'PRON', 'NOUN', 'PROPN'].includes(next.pos)) return false;
    return true;
  }
  if (/ (?:pass away|die|walk out) $/.test(line)) {
    let k = hit.start - 1;
    while (k >= 0 && (['AUX', 'ADV'].includes(t[k].pos) || ['sadly', 'suddenly', 'unexpectedly', 'just', 'has', 'have'].includes(t[k].lower))) k -= 1;
    return k >= 0 && ((t[k].cap && t[k].pos === 'PROPN') || ['he', 'she', 'i'].includes(t[k].lower));
  }
  if (/ secondment /.test(line)) return longEnough(s);
  // "We'd hate to see Raj go": wished against, not told.
  if (/ to (?:see|watch|lose) $/.test(line)) return !t.slice(Math.max(0, hit.start - 3), hit.start).some((x) => ['would', "'d", 'will', "'ll"].includes(x.lower));
  return true;
}
