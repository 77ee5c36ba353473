// Buying intent, read as frames over lemmas: readiness to sign or proceed, asking for the paperwork
// (contract, order form, quote, invoice, PO), approval of the spend, signing or having signed the
// agreement, wanting to buy or upgrade a plan, locking in a renewal, choosing us. Not negated, not on
// hold or cut, not a sign-in or a webinar sign-up, not a fault in a purchase order. Engagement events
// (a proposal view, a pricing-page visit) are intent on their own.
import type { Signal } from '../signals/schema.js';
import { analyze, type Sent } from './nlp.js';
import { conditionBefore, findAll, negated } from './frames.js';
import type { Utterance } from './utterances.js';

export interface BuyingCue { text: string }

const PAPER_WORDS = 'contract|order form|order|paperwork|msa|agreement|quote|quotation|proposal|invoice|po|purchase order|docusign|renewal|dpa|sow|supplier form|vendor form|w-9|w9|nda|addendum|amendment|signature page';
const PAPER = `(?:${PAPER_WORDS})`;
/** The acts that close a purchase, in any tense: "sign", "countersign", "execute", "finalise the order". */
const CLOSE = '(?:sign|countersign|e-sign|execute|proceed|buy|purchase|commit|order|place|finalise|finalize|close|complete|contract|onboard|subscribe|pay)';
const FRAMES: RegExp[] = [
  new RegExp(` (?:ready|decide|prepared|in a position|agree) to (?:${CLOSE}|move forward|go ahead|get start|get go|go|roll|kick off|start)`),
  // Readiness said as an idiom: "we're good to go", "count us in", "let's get this done", "let's make it happen".
  / (?:good|clear|all set) to go | count (?:us|me) in | (?:let 's|let us) (?:finalise|finalize|close|sign|proceed|go ahead|wrap (?:this|it) up)(?: |$)| (?:let 's|let us) (?:get (?:this|it|the deal|things) (?:do|done|sign|over the line|across the line|wrap up)|make (?:it|this) happen|do (?:this|it)) | we (?:have|have get) a deal | it be a deal | over the (?:finish )?line /,
  // Bringing the deal to a close: "finalise the agreement", "wrap up the paperwork", "agreed to the three-year deal".
  new RegExp(` (?:finalise|finalize|close|wrap up|complete|conclude|agree to|agree on) (?:the |our |your |this |a )?(?:\\S+ ){0,2}?(?:${PAPER_WORDS}|deal|term|terms|pricing|offer|purchase|order|proposal) `),
  // Accepting what we offered ("accept your proposal", "accept the revised terms"), not "accepted an offer at a startup".
  new RegExp(` accept (?:the |our |your |this |these |a |an )(?:\\S+ ){0,2}?(?:${PAPER_WORDS}|deal|term|terms|pricing|proposal|offer(?= (?!at |from |with |to join )))`),
  // Choosing us: "you're our preferred vendor", "we've selected you", "you won the evaluation".
  / (?:prefer|preferred|chosen|selected|winning) (?:vendor|supplier|partner|provider|option|solution) | (?:you|your (?:team|proposal|bid|offer)) (?:have )?(?:win|won|be the winner|come out on top|come out ahead) /,
  / (?:move|go) (?:forward|ahead) (?:with|on)? /,
  / (?:let 's|let us) (?:sign|proceed|(?:move|go|get) (?:forward|ahead|start))/,
  / sign (?:it |this |the \S+ )?(?:on|by|next|this|before) (?:monday|tuesday|wednesday|thursday|friday|week|month|the \d)/,
  new RegExp(` (?:send|share|issue|get|email|forward|route|prepare|draw up|put together|generate|raise|drop) (?:\\S+ ){0,3}?(?:formal |final |updated |revised |the |your |a |an |our |me |us )?${PAPER} `),
  // The paperwork is all that is left: "we just need the final paperwork", "where do we sign?".
  new RegExp(`(?:^ | we | i | just | only )(?:just |only |now |still )?need (?:the |your )?(?:final |signed |formal )?${PAPER} | where (?:do|should|can) (?:we|i) sign | (?:happy|fine|ok|okay|good) with the (?:terms|pricing|price|proposal|quote|contract|offer|numbers) `),
  // Choosing an edition: "we'll take the premium package", "book us in for the annual plan", "add the analytics module to our subscription".
  / (?:take|go for|opt for|choose|pick|select|book (?:us|me) (?:in )?for|sign (?:us|me) up for|put (?:us|me) down for) (?:the |a |an )?(?:\S+ ){0,2}?(?:plan|tier|package|bundle|edition|subscription|licen[cs]e|add-on|module|option) | add (?:the |a |an )?(?:\S+ ){0,2}?(?:module|add-on|package|tier|feature) to (?:our|the) (?:subscription|plan|contract|account|order|licen[cs]e) /,
  // Approval of the purchase as a noun: "got the green light from legal" (with a purchase in the sentence).
  new RegExp(` (?:get|have|give|receive|grant) (?:the |a |our |us the |us a )?(?:green light|go-ahead|go ahead|sign-off|nod|thumbs up)(?= .*(?:${PAPER_WORDS}|purchase|buy|deal|seat|plan|licen|budget|spend|finalise|finalize|sign|proceed)| .*let 's)`),
  // Their own signing as the condition: "how soon can we get started once we sign?".
  / (?:once|when|after|as soon as) (?:we|i) (?:sign|countersign|pay|place the order) /,
  new RegExp(` (?:sign|signed|countersign|countersigned|execute|executed) (?:\\S+ ){0,2}?(?:the |our |your |this |that )?${PAPER} `),
  new RegExp(` ${PAPER} (?:\\S+ ){0,3}?(?:sign|signed|countersign|countersigned|for signature|to sign) `),
  / (?:budget|spend|funding|purchase|po|vendor onboarding) (?:\S+ ){0,4}?(?:approve|approved|sign off|signed off|green-light|green-lit|greenlit|release|clear) /,
  new RegExp(` (?:approve|approved|sign off on|signed off on|green-light|green-lit|greenlit) (?:the |our )?(?:\\S+ )?(?:budget|spend|purchase|vendor onboarding|contract|msa|${PAPER}) `),
  new RegExp(` (?:want|would like|like|keen|ready|need|plan|intend|decide|looking) to (?:buy|purchase|upgrade|order|add|renew|sign|subscribe) `),
  new RegExp(` how (?:do|can) (?:we|i) (?:buy|purchase|upgrade|order|sign|pay|subscribe|add) `),
  new RegExp(` (?:process|book|place|raise) (?:the |an |a |our )?(?:upgrade|order|purchase order|po|renewal|expansion)`),
  / (?:lock in|commit to|be commit to) (?:the )?(?:renewal|platform|contract|price|you|pricing|deal) /,
  / (?:pick|choose|select|go with|decide on) (?:you|your) | decision and it be you | (?:you be|it be you) (?:our|the) (?:choice|pick) /,
  / next step to (?:sign|purchase|buy|get start) | what be the next step | fastest way to get start | who (?:do we|should|do i) sign | who sign on your side /,
  / po number be | invoice us /,
  // Closing said in the future tense by the account: "we'll be renewing", "we're going to sign next week".
  / (?:we|i) (?:will|be go to|be gonna) (?:\S+ )?(?:be )?(?:sign|countersign|renew|purchase|buy|subscribe) /,
  / pricing for \S+ (?:seat|licen[cs]e|user) /,
];
const VETO = / (?:hold off|on hold|pause|put off|postpone|cut|off the table|no budget|not (?:yet )?ready|wrong|incorrect|missing|duplicate|sign up|sign-up|signup|sign in|sign-in|log in|travel|conference|webinar|event|offsite|template|just curious|year ago|years ago|regret|not sync|n't sync|reissue|reissued|resend|resent) /;

/** Paperwork named as a topic, not asked for: "contract questions", "the quote template". */
const PAPER_TOPIC = / (?:contract|order form|invoice|quote|agreement|msa) (?:question|issue|query|queries|template|comment|problem|detail)s? /;

/** What expansion adds: people and their seats. */
const CAPACITY = / (?:seat|licen[cs]e|licence|user|team|people|staff|account|workspace|office|department|group|hire|member|employee|head|login)s? /;
/** Paperwork with someone else: "we signed the contract with our new logistics partner". */
const WITH_OTHERS = / with (?:our |a |an |the |their )?(?:new |old |current |previous |other )?(?:\S+ )?(?:partner|vendor|supplier|provider|landlord|agency|contractor|customer|client|bank|insurer|carrier)s? /;

function buyingIn(s: Sent): boolean {
  const line = ` ${s.toks.map((t) => t.lemma).join(' ')} `;
  if (VETO.test(line) || PAPER_TOPIC.test(line) || WITH_OTHERS.test(line) || /\bsign-in\b|\bsign up\b/i.test(s.text)) return false;
  for (const re of FRAMES) {
    for (const h of findAll(s, re)) {
      if (negated(s, h.start) || negated(s, h.end)) continue;
      // Adding seats, users or a team is expansion (its own concept), not a purchase of something new.
      if (/ add /.test(h.m[0]) && CAPACITY.test(line)) continue;
      // A choice made in the past ("we chose the annual plan last year") is history, not intent.
      const v = s.toks[h.start];
      // Choosing us, though, is the decision itself in any tense ("they picked you", "we've chosen your platform").
      const ofUs = ['you', 'your'].includes(s.toks[h.start + 1]?.lower ?? '');
      if (['choose', 'take', 'pick', 'select', 'opt', 'book'].includes(v.lemma) && v.lower !== v.lemma && !v.lower.endsWith('ing') && !ofUs) continue;
      // "We'll let you know once finance has approved the budget": not yet.
      if (['once', 'when', 'until'].includes(conditionBefore(s, h.start)?.word ?? '') && !/^ (?:once|when|after|as soon as) (?:we|i) /.test(h.m[0])) continue;
      // Our own paperwork offers ("we'll send the contract") are not their intent: only the account's asking or doing.
      return true;
    }
  }
  return false;
}

/** Who reports the account's words in our notes: "Greta told me…", "Per Raj, …", "heard from Owen that…". */
const REPORTER = /\b(?:they|customer|client|[A-Z][a-z]+) (?:\w+ly )?(?:will|would|want|wants|confirmed|confirms|said|says|told|tells|mentioned|mentions|indicated|indicates|noted|reported|explained|wrote|emailed|hinted|plan|plans|agreed|is|are|has|have|signed|approved|accepted|chose|picked|selected)\b|^(?:per|according to|heard from) [A-Z]/;

/** In our notes the account names us in the first person ("they have chosen us", "they picked our proposal"):
 * read as the account speaking to us, so the frames see "you"/"your". */
function reportedBuying(s: Sent): boolean {
  if (!REPORTER.test(s.text)) return false;
  if (buyingIn(s)) return true;
  if (!s.toks.some((t) => t.lower === 'us' || t.lower === 'our')) return false;
  const toks = s.toks.map((t) => (t.lower === 'us' ? { ...t, text: 'you', lower: 'you', lemma: 'you' } : t.lower === 'our' ? { ...t, text: 'your', lower: 'your', lemma: 'your' } : t));
  return buyingIn({ text: s.text, toks });
}

/** The account's sentences (or what our notes report they said) that show intent to buy. */
export function findBuying(parts: Utterance[], opts: { reported?: boolean } = {}): BuyingCue[] {
  return parts.filter((u) => u.side === 'them' || (opts.reported && u.side === 'us'))
    .flatMap((u) => analyze(u.text).filter((s) => (u.side === 'them' ? buyingIn(s) : reportedBuying(s))).map((s) => ({ text: s.text })));
}

/** A proposal view or pricing-page visit is intent on its own: described as what happened. */
export function engagementBuying(s: Signal): BuyingCue[] {
  if (s.kind !== 'engagement' || (s.event !== 'proposal_viewed' && s.event !== 'pricing_page_visit')) return [];
  const by = s.contactName ?? s.contactEmail;
  return [{ text: `${s.event.replace(/_/g, ' ')}${by ? ` by ${by}` : ''}` }];
}
