// Churn intent, read as frames over lemmas: a decision or consideration not to renew (negated
// renew/extend/continue, letting the contract lapse), ending the relationship (cancel/terminate/
// downgrade/phase out + the contract, subscription, licences, platform), looking elsewhere (other
// providers, shopping around, a different direction), reconsidering (whether it is worth it, why
// we still pay), lost trust or patience, a broken promise ("not what we were sold"), quiet
// abandonment ("stopped using it") and escalation over our heads. Not about a meeting, an invoice
// or a previous vendor.
import vader from 'vader-sentiment';
import type { Sent, Tok } from './nlp.js';
import { findAll, negated } from './frames.js';
import { ourDocument, rightSizing, roleFrames, thirdPartyObject, turnedAround, someoneElses } from './churn-frames.js';

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
  { re: / (?:worth|justify|defend) (?:the |it|renew|pay|keep|this|our|continu)/, needsNegation: false },
  // Weighing whether to go on: "evaluating whether to keep the subscription", "debating if we renew".
  { re: / (?:evaluate|assess|review|weigh|debate|decide|question) (?:whether|if) (?:to |we (?:should |will |can |want to )?)?(?:keep|continue|renew|stay|extend|cancel|leave|drop|stick)/ },
  // Scaling back: "scale back to the basic plan", "cut back our licences".
  { re: / (?:scale|cut|pare|wind) (?:back|down) (?:to|our|the|on) / },
  // Not seeing a future: "hard to see us continuing", "can't see ourselves renewing".
  { re: / (?:hard|difficult|not|n't|can not) (?:to )?see (?:us|ourselves|we) (?:continu|renew|stay|keep|extend|stick)/, needsNegation: 'inside' },
  { re: / (?:nobody|no one|noone) (?:\S+ )?(?:trust|believe|rely on|use) /, needsNegation: 'inside' },
  { re: / (?:want|need|would like) out (?:of )?| we (?:be |will be |will )?walk (?:away |\. |$)/, needsNegation: 'inside' },
  // A promise not kept: "the promised integrations never materialised", "waiting three months for the fix you promised".
  { re: / promise (?:\S+ ){0,7}?(?:never|still (?:not|n't)|have not|have yet to|yet to) | (?:never|still not|yet to) (?:materialise|materialize|arrive|happen|ship|land|show up|be deliver)| wait (?:\S+ ){0,2}?(?:week|month)s? for /, needsNegation: 'inside' },
  // The renewal in doubt: "renewal is not a given", "far from guaranteed".
  { re: / renewal (?:\S+ )?(?:be )?(?:not|n't|no longer|far from) (?:a given|guarantee|certain|a done deal|automatic|assure|a formality|a sure thing)/, needsNegation: 'inside' },
  { re: / (?:lose|lost) (?:\S+ )?(?:trust|confidence|faith|patience) | stop trust | (?:trust|patience) (?:have |has )?(?:run out|gone|evaporate) | (?:patience) be (?:run out|gone|wear thin) /},
  { re: / (?:fed up|done wait|have have enough|have enough|last straw) /},
  { re: / not (?:\S+ )?(?:what|how|the \S+|the kind of \S+) (?:that )?(?:we|you|i|they) (?:be )?(?:lead to )?(?:promise|sell|sold|tell|told|buy|sign up for|sign for|pay for|demo|show|expect|agree)/, needsNegation: 'inside' },
  { re: / no longer (?:trust|believe|rely on|have confidence|have faith|see the value|use) /, needsNegation: 'inside' },
  { re: / stop (?:us(?:e|ing)|trust|trusting|log in|logging in|open|opening) | nobody (?:be )?(?:us(?:e|ing)|log) | quietly stop /},
  { re: / escalat\S* (?:this |it |the matter )?to (?:our |my )?(?:cio|ceo|cto|cfo|coo|leadership|management|exec|executive|vp|board|legal)/ },
  // Ending the relationship, said as an idiom or a notice: "pull the plug", "walk away", "part ways", "notice of non-renewal".
  { re: / (?:pull the plug|walk away|part way|part company|call it quit|cut our loss|jump ship|get rid of (?:you|it|the (?:platform|tool|product|system))|rip (?:it |you )?out|move on from (?:you|your|the platform|the tool|this)) | non-renewal | nonrenewal | not renew / },
  // Moving to something else: "switch to something else", "go with another provider", "migrate to an alternative".
  { re: / (?:move|switch|migrate|go|change|jump) (?:our (?:\S+ ){0,2}?)?(?:over )?(?:to|with) (?:something|someone|another|an alternative|other|(?:a|an) (?:different|cheap|cheaper|alternative|rival|competing)) (?!(?:\S+ )?(?:office|floor|building|desk|room|location|site|city|country|region|team|department|role|job|position|laptop|browser|phone|device|date|time|day|slot|week|channel|thread|meeting|call|room|tab|page|view|format|template|setting|plan for|approach|topic|question)s? )/ },
  // Value not seen: "struggling to see the value", "not getting any value", "the value isn't there".
  { re: / (?:see|get|find|deliver|realise|realize|show) (?:(?:the|any|much|enough|real|promised|meaningful|measurable) ){0,2}(?:value|roi|return|result|benefit|impact) /, needsNegation: true },
  // Looking at replacements: "look at alternatives", "a business case for replacing you", "consolidating vendors", "in case we leave".
  { re: / (?:look at|look into|explore|consider|evaluate|research|assess|investigate|scope) (?:some |other |the |possible |cheap |cheaper )?(?:alternative|replacement)s? | replace (?:you|your (?:platform|tool|product|system|service)|the platform|this tool) | consolidat\S* (?:our |the )?(?:vendor|tool|supplier|platform|stack)s? | in case we (?:leave|switch|cancel|move|churn|decide to) /},
  { re: / be (?:done|do) (?:chase|chasing|deal with|dealing with|with you|with your) /},
  { re: / (?:struggle|fail|hard|difficult|unable) to (?:see|find|justify|get|show) (?:the |any |much )?(?:value|roi|return) | value (?:be )?(?:not there|lacking|miss|yet to|never) | (?:little|no|zero|very little|hardly any) (?:real )?value /, needsNegation: 'inside' },
  // Paying for less than was expected: "we expected much more for what we pay", "not getting what we pay for".
  { re: / expect (?:much |a lot |far |a great deal |a good deal )?(?:more|better) | what we (?:be )?pay (?:for)? | (?:overpay|overpaying|not worth the (?:money|price|cost)) / },
  // Nobody uses it: "most of the reps never log in", "adoption just isn't there", "it has become shelfware".
  { re: / (?:never|rarely|barely|hardly (?:ever|anyone)|nobody|no one) (?:\S+ ){0,3}?(?:log in|login|log on|use|open|touch) | adoption (?:\S+ ){0,2}?(?:be )?(?:not there|low|poor|stall|flat|dismal|nowhere|drop|tank) | shelfware /, needsNegation: 'inside' },
];
/** Not about us: a meeting, an invoice, a previous vendor, our own customers. */
const NOT_US = / (?:meeting|call|check-in|invite|session|demo|review|sync|lunch|appointment|webinar|invoice|order|duplicate|ticket|request|job|export|import|training)s? | (?:previous|old|former|legacy|prior|current) (?:\S+ )?(?:provider|vendor|system|tool|platform|supplier|solution)| nothing to do with (?:you|your)/;

const WHEN = new Set(['before', 'after', 'by', 'until', 'till', 'at', 'on', 'next', 'this', 'when', 'once', 'since', 'during', 'ahead']);
const ENDING = new Set(['end', 'drop', 'cancel', 'exit', 'leave', 'stop', 'terminate']);

/** The object right after an ending act is a proper name (not "you", "it", "the platform"). */
function endsThirdParty(s: Sent, end: number): boolean {
  const next = s.toks.slice(end + 1, end + 3).find((t) => t.pos !== 'DET');
  const here = s.toks[end];
  const named = (t: typeof here | undefined) => Boolean(t && t.cap && t.pos === 'PROPN' && !['I', 'You', 'We'].includes(t.text));
  if (!(here && ['VERB', 'ADP', 'PART', 'ADV'].includes(here.pos)) || !named(next)) return false;
  // A title-cased document of ours ("the Master Subscription Agreement") is no third party; "our Gong contract" is.
  let k = s.toks.indexOf(next as Tok);
  while (k + 1 < s.toks.length && s.toks[k + 1].cap) k += 1;
  return !ourDocument(s.toks[k]);
}

/** What follows a frame reads as praise, with no negation in it. */
function praiseAfter(s: Sent, end: number): boolean {
  const rest = s.toks.slice(end + 1);
  if (rest.some((t) => t.neg || ['not', "n't", 'never', 'no'].includes(t.lower))) return false;
  return vader.SentimentIntensityAnalyzer.polarity_scores(rest.map((t) => t.text).join(' ')).compound >= 0.4;
}

/** The churn frame a sentence holds, if any. */
export function churnFrame(s: Sent): boolean {
  // A near-miss told as the past and turned around, or someone else's ending, is no intent of this account's.
  if (turnedAround(s) || someoneElses(s) || rightSizing(s)) return false;
  return lexicalFrame(s) || roleFrames(s);
}

function lexicalFrame(s: Sent): boolean {
  const line = ` ${s.toks.map((t) => t.lemma).join(' ')} `;
  for (const { re, needsNegation } of FRAMES) {
    for (const hit of findAll(s, re)) {
      const neg = negated(s, hit.start) || negated(s, hit.end) || /\b(?:unlikely|hesitant|reluctant|hard to|difficult to|unable to|no longer)\b/.test(s.toks.slice(Math.max(0, hit.start - 4), hit.start).map((t) => t.lower).join(' '));
      // Renewing early, upgrading or locking in a price is the opposite of churn, whatever frame it sits in.
      if (/ (?:renew|renewal) early | lock in | upgrade | expand /.test(line)) continue;
      // "Not what I expected: the dashboards are much faster": the frame's words turned to praise.
      if (needsNegation === 'inside') return !praiseAfter(s, hit.end);
      if (needsNegation === true && !neg) continue;
      if (needsNegation === false && !neg && !/ (?:reconsider|whether|question|doubt|wonder|sure|if) /.test(line)) continue;
      if (needsNegation === undefined && neg) continue;
      // What is ended: the words after the frame up to a time or place phrase ("…the plug before the next invoice" ends no invoice).
      const stop = s.toks.findIndex((t, k) => k > hit.end && WHEN.has(t.lower));
      if (NOT_US.test(` ${s.toks.slice(hit.start, Math.min(stop < 0 ? s.toks.length : stop, hit.end + 7)).map((t) => t.lemma).join(' ')} `)) continue;
      // A frame read across a clause break ("before year end, what do you…") or from a noun ("year end") is no act of ours to end.
      if (s.toks.slice(hit.start + 1, hit.end).some((t) => t.pos === 'PUNCT' && t.text !== '-')) continue;
      if (ENDING.has(s.toks[hit.start]?.lemma ?? '') && s.toks[hit.start].pos === 'NOUN') continue;
      // An instruction to drop "it" ("feel free to drop it", "please cancel it") ends whatever "it" was, not the contract.
      if (s.toks[hit.end]?.lower === 'it' && (hit.start === 0 || s.toks.slice(Math.max(0, hit.start - 3), hit.start).some((t) => ['please', 'free', 'just', 'kindly'].includes(t.lower)))) continue;
      // Ending a named third party ("they stopped using Vexio", "we cancelled Brightwave") is a competitor left, not us.
      if (endsThirdParty(s, hit.end)) continue;
      // Not renewing or ending something that is not ours ("the office lease", "our Gong contract").
      if (s.toks[hit.end]?.pos === 'VERB' && thirdPartyObject(s, hit.end)) continue;
      // "Renew" only of the relationship: not "renewed for another two years" said positively (handled by negation), not "renew my passport".
      return true;
    }
  }
  return false;
}
