// Buying acts read by their class rather than by the stage they belong to: assent ("it's a yes",
// "the decision's made", "boss says go"), signing in figurative or passive words ("put pen to paper",
// "inked it", "it can be executed"), paying for something of ours ("the wire went out for the new
// module"), committing to a term ("put us down for another twelve months", "switch to annual
// billing"), money set aside for us, a supplier record or review cleared, and the absence of any
// remaining objection to the paper. (Misspelt words are mended before tagging, by nlp-register.ts.)
import type { Sent } from './nlp.js';
import { APPROVER, type StageFrame } from './buying-stages.js';
import type { Hit } from './frames.js';

/** What the account buys from us, as a noun: "the reporting module", "the Pro upgrade", "the licences". */
const PRODUCT = '(?:licen[cs]e|module|add-on|addon|upgrade|plan|tier|edition|subscription|platform|tool|product|package|bundle|renewal|solution|software|seat|service)s?';
/** The paper that closes it. */
const PAPER = '(?:contract|msa|agreement|order form|dpa|sow|paperwork|paper|term|terms|proposal|quote|order|po|purchase order)';
/** A length of commitment: "another twelve months", "the two-year term", "3 yrs". */
const TERM = '(?:\\S+-(?:year|month|yr)|(?:another|a further|one|two|three|four|five|twelve|eighteen|\\d+) (?:more )?(?:month|year|yr)s?|term|multi-year)';
/** A date-like word after "on"/"by": "the 24th", "Friday", "1 December". */
const DATE = '(?:the \\S*\\d\\S*|\\S*\\d\\S*|monday|tuesday|wednesday|thursday|friday|january|february|march|april|may|june|july|august|september|october|november|december)';
/** The buyer's side that clears a supplier: a review body or a report it reads. */
const CHECKER = '(?:soc|soc2|iso|pen test|pentest|penetration test|security|infosec|it|compliance|privacy|risk|vendor|supplier|legal|procurement|dpia|questionnaire)';

/** Money, spelled as the account pays it, whose purpose is something of ours (not a period's invoice). */
const PAID_FOR = new RegExp(` (?:pay|payment|wire|transfer|remittance|prepayment|deposit|card) (?:\\S+ ){0,4}?for (?:the |our |your |a |an |this )?(?:new |first |annual |extra |additional )?(?:\\S+ ){0,2}?${PRODUCT} `);

/** Paid, or a payment on its way: "the wire went out for…", "paid for the upgrade"; not "we're paying for" (what is already bought). */
function paymentMade(s: Sent, i: number): boolean {
  const t = s.toks[i];
  return t.lemma !== 'pay' || t.lower === 'paid';
}

/**
 * Assent that stands alone: not a question, not beside a refusal ("we won't renew; the decision's made"),
 * not to someone else ("a done deal with Gong"), and not taken back after it ("we said yes, but…").
 * A reservation before a "but" ("I need to run it past our CFO, but it's a done deal") leaves it standing.
 */
function assentAlone(s: Sent, h: Hit): boolean {
  if (s.toks.some((t) => t.text === '?')) return false;
  if (s.toks.some((t, k) => t.lower === 'with' && s.toks[k + 1]?.cap && !['you', 'your'].includes(s.toks[k + 1].lower))) return false;
  let from = 0;
  for (let k = h.start - 1; k >= 0; k -= 1) if (['but', 'however'].includes(s.toks[k].lower)) { from = k + 1; break; }
  return !s.toks.slice(from).some((t) => t.neg || ['but', 'however', 'although', 'though', 'not', "n't", 'never', 'leave', 'stop', 'terminate', 'elsewhere'].includes(t.lower) || t.lemma === 'cancel');
}

/** A renewal or extension already done ("we've renewed for another two years") is the past, not a purchase under way. */
function done(s: Sent, i: number): boolean {
  const t = s.toks[i];
  return ['renew', 'extend'].includes(t.lemma) && t.lower !== t.lemma && !t.lower.endsWith('ing');
}

/**
 * A review cleared is of us: an approval word ("IT sign-off done") is a verdict on the pending purchase;
 * a check or report by a general department ("our IT check is complete") must name us, our deal or a
 * supplier review to be ours. "IT" the department is written in capitals; no refusal or reservation rides along.
 */
const SUPPLIER_REVIEW = new Set(['soc', 'soc2', 'iso', 'pen', 'pentest', 'penetration', 'vendor', 'supplier', 'dpia', 'questionnaire', 'you', 'your', 'contract', 'msa', 'dpa', 'agreement', 'purchase', 'deal', 'renewal', 'order']);
function reviewOfUs(s: Sent, h: Hit): boolean {
  const first = s.toks[h.start];
  if (first.lower === 'it' && first.text !== 'IT') return false;
  if (s.toks.some((t) => t.neg || ['but', 'however', 'except', 'unless'].includes(t.lower))) return false;
  const verdict = s.toks.slice(h.start, h.end + 1).some((t) => ['sign-off', 'signoff', 'approval', 'clearance', 'off'].includes(t.lower));
  return verdict || s.toks.some((t) => SUPPLIER_REVIEW.has(t.lower));
}

/** Papers signed outside a purchase: an NDA, a visitor log, a consent form, a timesheet. */
const NOT_PURCHASE_PAPER = new Set(['nda', 'non-disclosure', 'confidentiality', 'visitor', 'waiver', 'consent', 'timesheet', 'log', 'book', 'card', 'petition', 'guestbook', 'expense', 'leave']);

export const purchasePaper = (s: Sent) => !s.toks.some((t) => NOT_PURCHASE_PAPER.has(t.lemma));

export const ACTS: StageFrame[] = [
  // Authority or intent to acquire: "the internal authorisation to acquire the licences", "trying to pay for the upgrade".
  { re: / (?:authorisation|authorization|approval|mandate|permission|go-ahead|green light|clearance|sign-off|budget|want|wish|plan|need|ready|try|attempt|look) to (?:acquire|procure|buy|purchase|order|license|subscribe to|pay for) | (?:try|attempt) to (?:upgrade|move|switch) (?:our |the |my )?(?:\S+ )?(?:plan|tier|subscription|licen[cs]e|edition|account) (?:to|from) / },
  { re: PAID_FOR, ok: (s, h) => paymentMade(s, h.start) && !s.toks.some((t) => t.neg || ['refund', 'overcharge', 'charge', 'twice', 'double', 'overdue', 'late', 'fail', 'error', 'dispute', 'wrong'].includes(t.lemma)) },
  // Assent as a predicate: "it's a yes", "boss says go", "the decision's made", "we're on!".
  { re: / be a (?:firm |definite |clear |big |formal |solid |resounding )?yes | (?:say|give (?:us|you)?) (?:a )?(?:yes|go|the go|go ahead|go-ahead|the go-ahead)(?: [!.;]| $| to (?:the |your |it|this))| decision (?:'s |be |have be |'s be )?(?:now )?(?:make|take|final|do) | (?:look like |so |then )?we be (?:officially |definitely )?(?:on|in)(?: [!.;]| $)/, ok: assentAlone },
  // Moving it through their side: "I'm pushing the purchase through this week".
  { re: / (?:push|rush|fast-track|walk|shepherd|get|move) (?:the |it |this |our )?(?:\S+ )?(?:purchase|order|deal|contract|po|paperwork|renewal|requisition) (?:through|thru)(?: |$)/ },
  // Their approvers asking for what a purchase needs: "procurement is asking for three references", "PO to follow".
  { re: new RegExp(` ${APPROVER} (?:team )?(?:be |have be )?(?:ask|want|need|require|request) (?:for )?(?:\\S+ ){0,2}?(?:reference|referee)s? | (?:po|purchase order|contract|paperwork|signature|signed copy|order form|countersigned copy) (?:will )?(?:to )?follow | (?:ok|okay|fine|good|clear|free) to (?:invoice|bill|charge) `) },
  // A discount for committing longer: "do you offer multi-year discounts?".
  { re: / (?:multi-year|multiyear|two-year|three-year|\d+-year|upfront|up-front|prepay|prepayment) discount/ },
  // The idioms of a decided buyer: "we're sold", "we're a go", "you've convinced us", "a done deal", "yes, we want it".
  { re: / (?:a |basically a |pretty much a )?done deal | yes , we (?:really )?want (?:it|this)(?: [!.]| $)/, ok: assentAlone },
  { re: / we be (?:now |officially |definitely )?(?:sold|sell|a go|convinced|convince)(?: [!.,;]| $| on )| you (?:have )?(?:convince|win) (?:us|me) (?:over)?/, ok: assentAlone },
  // The approvers content: "legal's happy, finance is happy", "the board is on board with the terms".
  { re: new RegExp(` ${APPROVER} (?:team )?(?:be|'s) (?:now |all |fully |also )?(?:happy|satisfied|comfortable|fine|ok|okay|on board|onboard|aligned)(?: [!.,;]| $| with (?:the |your |it|this)(?:\\S+ )?(?:term|price|pricing|contract|proposal|quote|number|deal|paper|msa|agreement|it|this)?)`), ok: assentAlone },
  // The order confirmed: "consider this our confirmation of the order", "we confirm the purchase".
  { re: / confirm (?:\S+ ){0,2}?(?:order|purchase|renewal|subscription|upgrade)(?! of)(?: |$)| confirmation of (?:the |our |this )?(?:order|purchase|renewal|subscription|upgrade)(?! of)/, ok: (s, h) => s.toks[h.end + 1]?.pos !== 'NOUN' },
  // The quote kept open for them to sign: "extend the quote validity", "hold the pricing until month end".
  { re: / (?:quote|offer|pricing|price|proposal) (?:validity|expiry|expiration) | (?:hold|honour|honor|keep|extend) (?:the |your |this |that |our )?(?:\S+ )?(?:quote|pricing|price|offer|discount)s? (?:\S+ )?(?:until|till|to|through|for|open|valid) / },
  // A review of us concluded: "we've completed our due diligence on your company".
  { re: / (?:complete|finish|pass|conclude|wrap up|close out) (?:our |the |their )?(?:\S+ )?(?:due diligence|vetting|review|assessment|evaluation|check)s? (?:on|of|for) (?:you|your) / },
  // The signatures gathered: "a couple more days to get signatures", "get this signed off before…", "who can countersign?".
  { re: / get (?:the |all |both |final )?(?:signature|signatures|sign-off|sign-offs)(?: |$)| get (?:it|this|that|the (?:\S+ )?(?:contract|agreement|order form|msa|paperwork|renewal|deal|po)) (?:sign|sign off|countersign|execute) | who (?:\S+ ){0,4}?(?:can|will|should|would|do|does) (?:countersign|sign|execute)(?: |$)/, ok: purchasePaper },
  // Agreeing to what we offered: "we are agree with the price proposed", "comfortable with the numbers".
  { re: / (?:happy|fine|ok|okay|good|comfortable|content|satisfied|agree|agreed) (?:with|to|on) (?:the |your |these |this |our |that )?(?:revised |final |new |updated |proposed )?(?:term|pricing|price|proposal|quote|offer|number|figure|commercial|commercials|deal|discount|condition)s?(?! of)(?: |$)/ },
  // Signing said figuratively, in the passive or as a date: "put pen to paper", "inked it", "it can be executed", "signature on the 24th".
  { re: / put (?:my |our |his |her |their |a )?(?:name|signature|pen to paper|pen|john hancock)(?: |$)/, ok: purchasePaper },
  { re: / (?:it|this|that|everything|the \S+) (?:can|could|may|be ready to|be good to) (?:now )?be (?:sign|execute|countersign) /, ok: purchasePaper },
  { re: / for (?:the |your |our |her |his |their )?(?:countersignature|counter-signature|signature)(?: |$)/, ok: purchasePaper },
  { re: new RegExp(` (?:signature|signing|execution) (?:on|by|for) ${DATE} `), ok: purchasePaper },
  // Committing to a length of term: "put us down for another twelve months", "commit to the two-year term".
  { re: new RegExp(` (?:put (?:us|me) down for|sign (?:us|me) up for|commit to|lock in|lock (?:us|it) in for|extend (?:\\S+ )?(?:for|by)|renew (?:\\S+ )?for|go for|book (?:us|me) (?:in )?for) (?:\\S+ ){0,2}?${TERM} `), ok: (s, h) => !done(s, h.start) },
  // A longer commitment on the same account: "switch from the monthly plan to annual billing".
  { re: / (?:switch|move|change|upgrade|convert|go) (?:\S+ ){0,4}?to (?:an |the |a )?(?:annual|yearly|multi-year|\S+-year) (?:plan|billing|contract|term|subscription|licen[cs]e|commitment|prepay|prepayment)/ },
  // Money set aside for us: "we've earmarked sixty thousand for your platform".
  { re: new RegExp(` (?:earmark|allocate|set aside|ring-fence|ringfence|ring-fenced|ringfenced|reserve|put aside) (?:\\S+ ){0,4}?for (?:you|your (?:\\S+ )?${PRODUCT}|the (?:\\S+ )?(?:platform|tool|renewal|licen[cs]es|subscription|upgrade|rollout)) `) },
  // A review of us cleared: "SOC 2 report checked out", "pen test summary accepted", "IT sign-off done", "Infosec box ticked".
  { re: new RegExp(` ${CHECKER} (?:\\d+ )?(?:[^\\s,.;:!?]+ ){0,2}?(?:sign-off|sign off|signoff|approval|clearance|review|check|assessment|vetting|due diligence|box|report|summary|result|questionnaire) (?:be |have be |'s |get )?(?:now |all |finally )?(?:do|done|complete|tick|accept|pass|clear|check out|come back clean|come back fine|approve|sign off|green)(?: |$)`), ok: reviewOfUs },
  // The supplier side set up: "the supplier record is created", "you've got a vendor number", "you're through".
  { re: / (?:supplier|vendor) (?:record|number|id|account|profile|code|registration) (?:\S+ ){0,2}?(?:create|set up|setup|open|issue|approve|activate|assign|live|complete)(?: |$)| you (?:have|have get|get|now have) (?:a |your |the )?(?:supplier|vendor) (?:number|id|code|record|account) | you be (?:now )?through(?: [!.,;]| $)/ },
  // The award pending its release: "the award is pending final release".
  { re: / award (?:be |'s |have be )?(?:pending|due|go out|out|ready|approve|release|confirm|make|issue)(?: |$)| award (?:decision|release|notification) / },
  // What is needed to go: "what do you need from me to get us switched on?".
  { re: / (?:(?:what|anything) (?:else )?(?:do |would |will )?you need |(?:do|would|will) you need (?:anything|something) (?:else )?)(?:from (?:me|us|our side|our end) )?(?:to|so (?:that )?we can) (?:get (?:us|this|it|things|the deal|the order|the po|the contract) (?:\S+ )?(?:start|go|switch on|live|over the line|across the line|sign|done|move|roll|process|through)|start|proceed|move forward|go ahead|close|sign|finalise|finalize)/ },
];

/**
 * Nothing left against the paper: "our GC has no further comments on the paper", "no more redlines
 * from legal". The negation is the content here, so this is read apart from the negated frames.
 */
const NOTHING_LEFT = new RegExp(` (?:no|nothing|zero) (?:further |more |other |outstanding |remaining |open )?(?:comment|question|change|redline|objection|concern|edit|point|issue|markup)s? (?:\\S+ ){0,1}?(?:on|to|about|with|for|in) (?:the |your |our )?${PAPER} `);
export const nothingLeft = (line: string) => NOTHING_LEFT.test(line);
