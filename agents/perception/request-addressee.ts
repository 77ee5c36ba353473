// Who a request is put to, when the sentence itself says: a chat "@Tomasz can you restart our proxy?"
// or an opening "Tomasz," names one person, and "can anyone on our side remind me…" asks the
// writer's own people. Only a name of ours, or nobody named, leaves the ask with us. A want whose
// thing comes from another vendor ("wants to see a Gong demo", "until we've seen what Salesloft can
// offer") is asked of that vendor, not of us.
import type { Sent, Tok } from './nlp.js';

/** The person a sentence opens by addressing: "Sam, …", "Hi Sam, …", "@sam can you…", "@Tomasz: …". */
/** A turn's opener and hesitations before the name it addresses: "Okay, so, Ines, could you…". */
const OPENING = /^(?:(?:so|well|okay|ok|right|alright|oh|now|um+|uh+|erm)\s*,\s*)+/i;

export function vocativeOf(q: string): string | undefined {
  const s = q.trim().replace(OPENING, '');
  const at = /^@([\p{L}][\p{L}.'-]*)/u.exec(s)?.[1];
  if (at) return at.split('.')[0].toLowerCase();
  // In a message typed all in lower case the name has no capital ("owen, could you pull…"); callers compare it with names.
  return (/\p{Lu}/u.test(s) ? /^(?:hi |hey )?(\p{Lu}\p{Ll}+)\s*,/u : /^(?:hi |hey )?(\p{Ll}+)\s*,/u).exec(s)?.[1]?.toLowerCase();
}

/** "anyone on our side", "somebody in our team", "one of you here at Northwind": the writer's own people asked. */
const OWN_PEOPLE = /\b(?:any(?:one|body)|some(?:one|body)|(?:any|one) of (?:you|us))\s+(?:(?:here\s+)?(?:on|in|from|at)\s+(?:our|my)\s+(?:side|end|team|\w+\s+team|office|floor)|here\s+internally|internally)\b/i;

export function askedOfOwnPeople(q: string): boolean {
  return OWN_PEOPLE.test(q);
}

/** What a vendor gives a buyer: "a Gong demo", "the Clari quote". */
const VENDOR_THING = new Set(['demo', 'quote', 'quotation', 'offer', 'proposal', 'bid', 'pricing', 'price', 'trial', 'pilot', 'pitch', 'deck', 'presentation', 'contract', 'tender', 'reference', 'references']);
const GIVE = new Set(['offer', 'do', 'quote', 'charge', 'provide', 'give', 'bring', 'show', 'deliver', 'propose', 'come']);
const CALENDAR = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'q1', 'q2', 'q3', 'q4']);

/** A named organisation: a capitalised proper name, not a date, unknown to the vocabulary or followed by another name ("Verity Cloud"). */
function orgAt(t: Tok[], k: number): boolean {
  const x = t[k];
  return !!x && x.pos === 'PROPN' && x.cap && !CALENDAR.has(x.lower) && (!x.known || (t[k + 1]?.pos === 'PROPN' && t[k + 1].cap));
}

/** The last token of a run of names from k: "Verity Cloud" ends at "Cloud". */
function nameEnd(t: Tok[], k: number): number {
  let j = k;
  while (t[j + 1]?.pos === 'PROPN' && t[j + 1].cap) j += 1;
  return j;
}

/** Whether, from token `from` on, the thing wanted is another vendor's: "a Gong demo", "what Salesloft can offer", "priced with Corvina". */
export function fromAnotherVendor(s: Sent, from: number): boolean {
  const t = s.toks;
  for (let k = Math.max(from, 1); k < t.length; k += 1) {
    if (!orgAt(t, k)) continue;
    const end = nameEnd(t, k);
    const prev = t[k - 1].lower;
    // "a Gong demo", "the Clari pricing", "Corvina's offer"
    const thing = t[end + 1]?.lower === "'s" ? t[end + 2] : t[end + 1];
    if (['a', 'an', 'the', 'their'].includes(prev) && VENDOR_THING.has(thing?.lemma ?? '')) return true;
    if (t[end + 1]?.lower === "'s" && VENDOR_THING.has(thing?.lemma ?? '')) return true;
    // "what Salesloft can offer", "what Verity Cloud could do for the same scope"
    if (prev === 'what' && ['can', 'could', 'will', 'would', "'d", "'ll"].includes(t[end + 1]?.lower ?? '') && GIVE.has(t[end + 2]?.lemma ?? '')) return true;
    // "the same scope priced with Corvina", "quoted by Harbourline", "benchmarked against Ostrander"
    if (['with', 'by', 'against'].includes(prev) && ['price', 'quote', 'benchmark', 'compare', 'cost'].includes(t[k - 2]?.lemma ?? '')) return true;
  }
  return false;
}
