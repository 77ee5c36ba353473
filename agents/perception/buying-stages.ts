// The late stages of a purchase, each read as a frame over lemmas: the approvals a purchase goes
// through (budget, board, legal, security, procurement), the purchase order, the person who signs,
// the details a buyer's finance team needs to pay a new supplier, references asked for before
// signing, and the decision itself. Written as classes of verbs and nouns so that a new phrasing of
// the same step ("PO's been raised", "they cut the requisition") is read with no new line.
import type { Hit } from './frames.js';
import type { Sent } from './nlp.js';

/** A frame and, where the lemma line cannot say it, a check on the tokens it matched. */
export interface StageFrame { re: RegExp; ok?: (s: Sent, h: Hit) => boolean }

/** An ask of us: a question, "please", "could you", or an imperative at the start of a clause. */
export function asked(s: Sent, i: number): boolean {
  if (s.toks.some((t) => t.text === '?')) return true;
  const before = s.toks.slice(0, i);
  if (before.some((t) => ['please', 'pls', 'plz', 'kindly'].includes(t.lower))) return true;
  if (before.some((t, k) => ['can', 'could', 'would', 'will'].includes(t.lower) && before[k + 1]?.lower === 'you')) return true;
  if (before.some((t, k) => ['need', 'want', 'like'].includes(t.lemma) && before[k + 1]?.lower === 'you')) return true;
  const prev = s.toks[i - 1];
  return s.toks[i].lower === s.toks[i].lemma && (!prev || prev.pos === 'PUNCT' || ['and', 'so', 'then', 'just'].includes(prev.lower));
}

/** Wanting it, in the buyer's words: "we'd love to", "we want to", "we need to" before the step. */
const wanted = (s: Sent, i: number) => s.toks.slice(0, i).some((t) => ['love', 'like', 'want', 'need', 'keen', 'arrange', 'schedule', 'set'].includes(t.lemma));

/**
 * A supplier review done or begun, not a duty ("he starts on the vendor reviews"), not a form
 * still to be filled ("the completed questionnaire", "committed to finishing the questionnaire").
 */
function reviewStep(s: Sent, h: Hit): boolean {
  const span = s.toks.slice(h.start, h.end + 1);
  if (span.some((t) => /^(?:review|assessment|questionnaire|audit|evaluation)$/.test(t.lemma) && t.lower !== t.lemma)) return false;
  const verb = span.find((t) => t.pos === 'VERB' || t.pos === 'AUX' || /(?:ed|ing)$/.test(t.lower));
  if (!verb) return true;
  const prev = s.toks[verb.i - 1];
  return !(prev && (prev.pos === 'DET' || ['to', 'for'].includes(prev.lower)));
}

/** What a buyer approves, reviews or signs when the purchase is ours. */
export const DEAL = '(?:budget|spend|funding|purchase|investment|po|purchase order|purchase request|requisition|contract|msa|agreement|order form|order|renewal|deal|dpa|sow|proposal|paperwork|expansion|upgrade|rollout|subscription|vendor onboarding|supplier onboarding)';
/** A purchase order in its many names. */
const PO = '(?:po|purchase order|purchase request|purchase requisition|requisition|pr)';
/** Who approves or reviews a purchase on the buyer's side. */
const BODY = '(?:finance|board|legal|counsel|procurement|purchasing|security|infosec|cfo|ceo|coo|cio|exec|executive|leadership|management|committee|steering|budget holder|controller|director|vp|it)';
/** The reviews a supplier goes through before a purchase. */
const REVIEW = '(?:review|assessment|questionnaire|due diligence|vetting|evaluation|approval process|risk assessment|audit)';
const REVIEWER = '(?:security|infosec|legal|procurement|vendor|supplier|compliance|risk|privacy|dpa|contract|third-party|tprm)';

/**
 * Statements of a step taken or under way. Each is a lemma-line pattern; the caller checks
 * negation, condition, tense and whose purchase it is.
 */
export const STAGES: StageFrame[] = [
  // Approval of the spend, active or passive: "the board signed off on the investment", "budget got approved".
  { re: new RegExp(` (?:approve|authorise|authorize|sanction|ratify|green-light|greenlight|green-lit|greenlit|rubber-stamp|sign off on|sign off|okay|ok) (?:the |our |this |that |your |a |an )?(?:\\S+ ){0,2}?${DEAL} `) },
  { re: new RegExp(` ${DEAL} (?:\\S+ ){0,4}?(?:approve|authorise|authorize|sanction|ratify|green-light|green-lit|greenlit|sign off|clear|release) `) },
  // Approval as a noun received: "we got the sign off", "we've received sign-off from the exec team", "Owen has given his approval".
  { re: / (?:get|have get|receive|recieved|have|obtain|secure|give) (?:the |our |a |his |her |their |final |formal |full |internal )*(?:sign off|sign-off|signoff|approval|go-ahead|go ahead|green light|blessing|nod)(?! to (?!sign|proceed|purchase|buy|go|move))(?: |$)/ },
  // An approving body approving "it": "finance approved it!", "the board okayed this".
  { re: new RegExp(` ${BODY} (?:\\S+ ){0,3}?(?:approve|okay|ok|sign off on|sign off|greenlit|green-lit|green-light|authorise|authorize) (?:it|this|that|the lot|everything)? ?(?:[!.,;]|$| and| so)`) },
  // Supplier vetting started or cleared: "procurement kicked off their vendor security review",
  // "the security questionnaire came back clean", "finalized the vendor review", "you're approved as a supplier".
  { re: new RegExp(` (?:kick off|start|begin|open|launch|initiate|finish|complete|finalise|finalize|pass|clear|wrap up|close out|sign off on) (?:the |our |their |your |a |its )?(?:\\S+ ){0,2}?${REVIEWER} (?:\\S+ )?${REVIEW} `), ok: reviewStep },
  { re: new RegExp(` ${REVIEWER} (?:\\S+ )?${REVIEW} (?:\\S+ ){0,3}?(?:come back (?:clean|fine|ok|okay|green)|be (?:complete|done|finish|clear|pass)|pass|clear|finish|complete|get underway|kick off|start|begin) `), ok: reviewStep },
  { re: / (?:clear|approve|onboard|accept|add) (?:you|your company|you guys) (?:\S+ ){0,2}?(?:through|thru|as|to|by|for|onto|on) (?:a |an |the |our )?(?:\S+ )?(?:infosec|security|legal|procurement|supplier|vendor|compliance|approve vendor|approved vendor|review)/ },
  { re: / you (?:be|have be|'ve be) (?:now )?(?:approve|clear|accept|onboard|add) (?:as|by|for|to|through|onto) / },
  // The buyer's lawyers done with our paper: "counsel has finished redlining the MSA", "legal's done with the MSA".
  { re: / (?:finish|complete|do with|done with|wrap up|be happy with|be fine with|be ok with|sign off on) (?:\S+ )?(?:the |our |your )?(?:msa|contract|agreement|order form|dpa|sow|redline|redlines|paperwork|term|terms) /, ok: reviewStep },
  // A purchase order raised, in either voice: "PO's been raised", "the purchase request went in", "opened a purchase requisition".
  { re: new RegExp(` (?:raise|open|submit|cut|issue|create|put in|file|log|approve|release|generate) (?:\\S+ ){0,3}?${PO} `) },
  { re: new RegExp(` ${PO} (?:'s |be |have be |get |'s be |number )*(?:\\S+ )?(?:raise|open|submit|cut|issue|create|go in|go through|file|log|approve|release|generate) `) },
  { re: new RegExp(` (?:receive|expect|see) (?:\\S+ ){0,2}?${PO} (?:from|within|by|this|next|today|tomorrow|shortly|soon)`) },
  // The person who signs, and the paper routed to them: "Adaeze will be the signatory", "it's over to Ama for signature", "in DocuSign waiting for Ama".
  { re: / signatory | signing authority | (?:over to|route (?:\S+ ){0,3}?to|with|for|on) (?:\S+ ){0,3}?(?:for|'s) (?:her |his |their |final )?signature | signature (?:by|before|from|this|next) | in docusign | (?:waiting|wait) (?:for|on) \S+ (?:\S+ )?(?:to sign|signature) / },
  // The countersigned paper itself: "the countersigned copy".
  { re: / countersign(?:ed)? (?:copy|version|contract|agreement|order form|page|document|pdf|msa) / },
  // The paper signed or executed in the passive: "we'd need the agreement executed by January".
  { re: / (?:contract|agreement|msa|order form|paperwork|dpa|sow|renewal) (?:\S+ ){0,3}?(?:execute|countersign) / },
  // Proceeding with our purchase: "procurement can proceed with the purchase".
  { re: / proceed (?:with|to) (?:the |our |this |your )?(?:\S+ )?(?:purchase|order|contract|deal|signing|signature|agreement|paperwork|onboarding|it|you|buy|sign|place) / },
  // The decision for us: "we're going with you", "we've landed on your platform", "they voted for your proposal".
  { re: / (?:choose|pick|select|go with|land on|settle on|opt for|decide on|vote (?:\S+ )?for|award (?:\S+ ){0,3}?to) (?:you|your) / },
  // Asking to hear from our customers before signing: a reference call.
  { re: / reference (?:call|check|customer|client|site|visit|account)s? | (?:speak|talk|chat|hear from|connect with) (?:to |with )?(?:\S+ ){0,6}?your (?:\S+ )?(?:customer|client|user)s? /, ok: (s, h) => asked(s, h.start) || wanted(s, h.start) },
  // A go-live date tied to the signature: "signature by mid-December", "need it signed by the 15th to go live".
  { re: / go-live (?:\S+ ){0,8}?(?:sign|signature|execute) | (?:sign|signature|execute) (?:\S+ ){0,8}?go-live / },
];

/** A change to details already on file ("our bank flagged the change of account") is upkeep, not onboarding. */
const notAChange = (s: Sent) => !s.toks.some((t) => ['change', 'update', 'amend'].includes(t.lemma));

/**
 * What a buyer's finance team asks a new supplier for: our tax and bank details, the entity to put
 * on the paperwork, the supplier forms. Read when asked of us or stated as their step.
 */
export const ONBOARDING: StageFrame[] = [
  { re: / your (?:\S+ ){0,2}?(?:vat|tax|duns|ein|tin|bank|banking|remit-to|remittance|w-9|w9|w-8ben|w-8|iban|swift|insurance certificate|certificate of insurance|company registration|supplier|vendor) /, ok: notAChange },
  { re: / (?:supplier|vendor) (?:form|questionnaire|onboarding|set-up|setup|registration|portal|master|number|id|application) /, ok: (s, h) => notAChange(s) && (asked(s, h.start) || s.toks.some((t) => t.lower === 'your')) },
  { re: / (?:set|setting) (?:you|your company|your business|you guys) up (?:as|in|on) | (?:set|setting) up (?:you|your company|your business) (?:as|in|on) | approve (?:vendor|supplier) list | so (?:that )?(?:we|i) can pay you /, ok: notAChange },
  { re: new RegExp(` (?:remit-to|remittance|invoicing detail|invoice detail|billing detail)s? | (?:legal )?entity (?:\\S+ ){0,3}?(?:on|in) the (?:${PO}|invoice|contract|order form|quote|paperwork) | make (?:the |your )?(?:quote|invoice|${PO}|contract|order form) out to `), ok: notAChange },
];

/** A purchase of something else: "the budget for a new CRM", "the PO for the new forklifts", "another vendor's questionnaire". */
const OTHER_PURCHASE = / for (?:a |an |the |our |some )?new (?!seat|licen[cs]e|user|plan|tier|contract|agreement|platform|module|add-on|subscription|workspace)\S+ | (?:another|other|different) (?:vendor|supplier|provider|tool)(?: 's)? | (?:travel|hiring|headcount|marketing|hardware|office|event|training) budget /;

export function otherPurchase(line: string): boolean {
  return OTHER_PURCHASE.test(line);
}

/** Whether the sentence mentions a clause opened by "before we …": the step comes after something else. */
export function beforeOurStep(s: Sent, i: number): boolean {
  return s.toks.slice(Math.max(0, i - 3), i).some((t, k, xs) => t.lower === 'before' && ['we', 'i'].includes(xs[k + 1]?.lower ?? ''));
}
