// Churn intent, read as frames over lemmas: a decision or consideration not to renew (negated
// renew/extend/continue, letting the contract lapse), ending the relationship (cancel/terminate/
// downgrade/phase out + the contract, subscription, licences, platform), looking elsewhere (other
// providers, shopping around, a different direction), reconsidering (whether it is worth it, why
// we still pay), lost trust or patience, a broken promise ("not what we were sold"), quiet
// abandonment ("stopped using it") and escalation over our heads. Not about a meeting, an invoice
// or a previous vendor.
import type { Sent } from './nlp.js';
import { findAll, negated } from './frames.js';

/** A frame and whether its negation is what makes it churn (true) or cancels it (false). */
const FRAMES: Array<{ re: RegExp; needsNegation?: boolean | 'inside' }> = [
  { re: / (?:renew|renewal|extend) /, needsNegation: true },
  { re: / (?:continue|stay|keep) (?:with|use|on|pay|the subscription|the contract|our subscription|our contract) /, needsNegation: true },
  { re: / let (?:the |our |it )?(?:\S+ )?(?:run out|lapse|expire) /},
  { re: / (?:cancel|terminate|end|drop|downgrade|phase out|sunset|switch off|wind down|offboard|exit|leave) (?:\S+ ){0,3}?(?:contract|subscription|licen[cs]e|licence|seat|account|plan|service|agreement|platform|product|tool|renewal|term|relationship|you|it|free tier)s? / },
  { re: / (?:intend|plan|decide|go|want|need|have) to (?:terminate|cancel|downgrade|leave|exit|move away|switch away|phase)/ },
  { re: / (?:look|shop|shopping|go) (?:at other|around|elsewhere|a different direction|in a different direction|another direction|with someone else)| (?:other|alternative|different) (?:provider|vendor|option|tool|solution|platform|supplier)s? /},
  { re: / (?:reconsider|re-evaluate|reevaluate|rethink|question) (?:whether|if|the|our|this|renew)/ },
  { re: / (?:why|whether) (?:we be |we )?(?:still )?pay /},
  { re: / (?:worth|justify) (?:the |it|renew|pay|keep|this)/, needsNegation: false },
  { re: / (?:lose|lost) (?:\S+ )?(?:trust|confidence|faith|patience) | stop trust | (?:trust|patience) (?:have |has )?(?:run out|gone|evaporate) | (?:patience) be (?:run out|gone|wear thin) /},
  { re: / (?:fed up|done wait|have have enough|have enough|last straw) /},
  { re: / not (?:\S+ )?(?:what|how|the \S+|the kind of \S+) (?:that )?(?:we|you|i|they) (?:be )?(?:promise|sell|sold|tell|told|buy|sign up for|sign for|pay for|demo|show|expect|agree)/, needsNegation: 'inside' },
  { re: / no longer (?:trust|believe|rely on|have confidence|have faith|see the value|use) /, needsNegation: 'inside' },
  { re: / stop (?:us(?:e|ing)|trust|trusting|log in|logging in|open|opening) | nobody (?:be )?(?:us(?:e|ing)|log) | quietly stop /},
  { re: / escalat\S* (?:this |it |the matter )?to (?:our |my )?(?:cio|ceo|cto|cfo|coo|leadership|management|exec|executive|vp|board|legal)/ },
];
/** Not about us: a meeting, an invoice, a previous vendor, our own customers. */
const NOT_US = / (?:meeting|call|check-in|invite|session|demo|review|sync|lunch|appointment|webinar|invoice|order|duplicate|ticket|request|job|export|import|training)s? | (?:previous|old|former|legacy|prior) (?:provider|vendor|system|tool|platform|supplier|solution)| nothing to do with (?:you|your)/;

/** The churn frame a sentence holds, if any. */
export function churnFrame(s: Sent): boolean {
  const line = ` ${s.toks.map((t) => t.lemma).join(' ')} `;
  for (const { re, needsNegation } of FRAMES) {
    for (const hit of findAll(s, re)) {
      const neg = negated(s, hit.start) || negated(s, hit.end) || /\b(?:unlikely|hesitant|reluctant|hard to|difficult to|unable to)\b/.test(s.toks.slice(Math.max(0, hit.start - 4), hit.start).map((t) => t.lower).join(' '));
      if (needsNegation === 'inside') return true;
      if (needsNegation === true && !neg) continue;
      if (needsNegation === false && !neg && !/ (?:reconsider|whether|question|doubt|wonder|sure|if) /.test(line)) continue;
      if (needsNegation === undefined && neg) continue;
      if (NOT_US.test(` ${s.toks.slice(hit.start, Math.min(s.toks.length, hit.end + 5)).map((t) => t.lemma).join(' ')} `)) continue;
      // "Renew" only of the relationship: not "renewed for another two years" said positively (handled by negation), not "renew my passport".
      return true;
    }
  }
  return false;
}
