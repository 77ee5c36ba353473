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
const PO = '(?:po|purchase order|purchase request|purchase requisition|purchase req|requisition|pr)';
/** Who approves or reviews a purchase on the buyer's side. */
const BODY = '(?:finance|board|legal|counsel|procurement|purchasing|security|infosec|cfo|ceo|coo|cio|exec|executive|leadership|management|committee|steering|budget holder|controller|director|vp|it)';
/** The reviews a supplier goes through before a purchase. */
const REVIEW = '(?:onboarding|registration|review|assessment|questionnaire|due diligence|vetting|evaluation|approval process|risk assessment|audit)';
const REVIEWER = '(?:security|infosec|legal|procurement|vendor|supplier|compliance|risk|privacy|dpa|contract|third-party|tprm)';

/**
 * Statements of a step taken or under way. Each is a lemma-line pattern; the caller checks
 * negation, condition, tense and whose purchase it is.
 */
export const STAGES: StageFrame[] = [
  // Approval of the spend, active or passive: "the board signed off on the investment", "budget got approved".
  { re: new RegExp(` (?:approve|authorise|authorize|sanction|ratify|green-light|greenlight|green-lit|greenlit|rubber-stamp|sign off on|sign off|okay|ok) (?:the |our |this |that |your |a |an )?(?:\\S+ ){0,2}?${DEAL} `) },
  { re: new RegExp(` ${DEAL} (?:\\S+ ){0,4}?(?:approve|authorise|authorize|sanction|ratify|green-light|green-lit|greenlit|sign off|clear|release|accept|endorse|okay|bless) `) },
  // Approval as a noun received: "we got the sign off", "we've received sign-off from the exec team", "Owen has given his approval".
  { re: / (?:get|have get|receive|recieved|have|obtain|secure|give) (?:the |our |a |his |her |their |final |formal |full |internal )*(?:sign off|sign-off|signoff|approval|go-ahead|go ahead|green light|blessing|nod|thumb up|thumbs up|all clear|all-clear|clearance)(?! to (?!sign|proceed|purchase|buy|go|move))(?: |$)/ },
  // An approving body approving "it": "finance approved it!", "the board okayed this".
  { re: new RegExp(` ${BODY} (?:\\S+ ){0,3}?(?:approve|okay|ok|sign off on|sign off|greenlit|green-lit|green-light|authorise|authorize) (?:it|this|that|the lot|everything)? ?(?:[!.,;]|$| and| so)`) },
  // Supplier vetting started or cleared: "procurement kicked off their vendor security review",
  // "the security questionnaire came back clean", "finalized the vendor review", "you're approved as a supplier".
  { re: new RegExp(` (?:kick off|start|begin|open|launch|initiate|finish|complete|finalise|finalize|pass|clear|wrap up|close out|sign off on) (?:the |our |their |your |a |its )?(?:\\S+ ){0,2}?${REVIEWER} (?:\\S+ )?${REVIEW} `), ok: reviewStep },
  { re: new RegExp(` ${REVIEWER} (?:\\S+ )?${REVIEW} (?:\\S+ ){0,3}?(?:come back (?:clean|fine|ok|okay|green)|be (?:complete|done|finish|clear|pass)|pass|clear|finish|complete|get underway|kick off|start|begin) `), ok: reviewStep },
  { re: / (?:clear|approve|onboard|accept|add) (?:you|your company|you guys) (?:\S+ ){0,2}?(?:through|thru|as|to|by|for|onto|on) (?:a |an |the |our )?(?:\S+ )?(?:infosec|security|legal|procurement|supplier|vendor|compliance|approve vendor|approved vendor|review)/ },
  { re: / you (?:be|have be|'ve be) (?:now )?(?:approve|clear|accept|onboard|add) (?:as|by|for|to|through|thru|onto) / },
  // The buyer's lawyers done with our paper: "counsel has finished redlining the MSA", "legal's done with the MSA".
  { re: / (?:finish|complete|do with|done with|wrap up|be happy with|be fine with|be ok with|sign off on) (?:\S+ )?(?:the |our |your )?(?:msa|contract|agreement|order form|dpa|sow|redline|redlines|paperwork|term|terms) /, ok: reviewStep },
  // A purchase order raised, in either voice: "PO's been raised", "the purchase request went in", "opened a purchase requisition".
  { re: new RegExp(` (?:raise|open|submit|cut|issue|create|put in|file|log|approve|release|generate) (?:\\S+ ){0,3}?${PO} `) },
  { re: new RegExp(` ${PO} (?:'s |be |have be |get |'s be |number )*(?:\\S+ )?(?:raise|open|submit|cut|issue|create|go in|go (?:through|thru)|file|log|approve|release|generate|live) `) },
  { re: new RegExp(` (?:receive|expect|see) (?:\\S+ ){0,2}?${PO} (?:from|within|by|this|next|today|tomorrow|shortly|soon)`) },
  // The person who signs, and the paper routed to them: "Adaeze will be the signatory", "it's over to Ama for signature", "in DocuSign waiting for Ama".
  { re: / signatory | signing authority | (?:over to|route (?:\S+ ){0,3}?to|with|for|on) (?:\S+ ){0,3}?(?:for|'s) (?:her |his |their |final )?signature | signature (?:by|before|from|this|next) | in docusign | (?:waiting|wait) (?:for|on) \S+ (?:\S+ )?(?:to sign|signature) / },
  // The countersigned paper itself: "the countersigned copy".
  { re: / countersign(?:ed)? (?:copy|version|contract|agreement|order form|page|document|pdf|msa) / },
  // The paper signed or executed in the passive: "we'd need the agreement executed by January".
  { re: / (?:contract|agreement|msa|order form|paperwork|dpa|sow|renewal) (?:\S+ ){0,3}?(?:execute|countersign) / },
  // Proceeding with our purchase: "procurement can proceed with the purchase".
  { re: / proceed (?:with|to) (?:the |our |this |your )?(?:\S+ )?(?:purchase|order|contract|deal|signing|signature|agreement|paperwork|onboarding|it|you|buy|sign|place|plan|tier|edition|package|renewal|upgrade|quote|proposal|option|offer) / },
  // The decision for us: "we're going with you", "we've landed on your platform", "they voted for your proposal".
  { re: / (?:choose|pick|select|go with|go for|land on|settle on|opt for|decide on|vote (?:\S+ )?for|award (?:\S+ ){0,3}?to) (?:you|your) / },
  // Asking to hear from our customers before signing: a reference call.
  { re: / reference (?:call|check|customer|client|site|visit|account)s? | (?:speak|talk|chat|hear from|connect with) (?:to |with )?(?:\S+ ){0,6}?your (?:\S+ )?(?:customer|client|user)s? /, ok: (s, h) => asked(s, h.start) || wanted(s, h.start) },
  // A go-live date tied to the signature: "signature by mid-December", "need it signed by the 15th to go live".
  { re: / go-live (?:\S+ ){0,8}?(?:sign|signature|execute) | (?:sign|signature|execute) (?:\S+ ){0,8}?go-live / },
];

/** The buyer's side that sets a supplier up. */
const PAYS = new Set(['procurement', 'purchasing', 'finance', 'ap', 'payable', 'accounting', 'sourcing']);

/** A change to details already on file ("our bank flagged the change of account") is upkeep, not onboarding. */
const notAChange = (s: Sent) => !s.toks.some((t) => ['change', 'update', 'amend', 'add', 'remove', 'correct'].includes(t.lemma));

/**
 * What a buyer's finance team asks a new supplier for: our tax and bank details, the entity to put
 * on the paperwork, the supplier forms. Read when asked of us or stated as their step.
 */
export const ONBOARDING: StageFrame[] = [
  { re: / your (?:\S+ ){0,2}?(?:vat|tax|duns|ein|tin|bank|banking|remit-to|remittance|w-9|w9|w-8ben|w-8|iban|swift|insurance certificate|insurance cert|certificate of insurance|coi|company registration|supplier|vendor) /, ok: notAChange },
  { re: / (?:supplier|vendor) (?:form|questionnaire|onboarding|set-up|setup|registration|portal|master|number|id|application) /, ok: (s, h) => notAChange(s) && (asked(s, h.start) || s.toks.some((t) => t.lower === 'your' || PAYS.has(t.lemma))) },
  { re: / (?:set|setting) (?:you|your company|your business|you guys) up (?:as|in|on) | (?:set|setting) up (?:you|your company|your business) (?:as|in|on) | approve (?:vendor|supplier) list | so (?:that )?(?:we|i) can pay you /, ok: notAChange },
  { re: new RegExp(` (?:remit-to|remittance|invoicing detail|invoice detail|billing detail)s? | (?:legal )?entity (?:\\S+ ){0,3}?(?:on|in) the (?:${PO}|invoice|contract|order form|quote|paperwork) | make (?:the |your )?(?:quote|invoice|${PO}|contract|order form) out to `), ok: notAChange },
];

/** A purchase of something else: "the budget for a new CRM", "the PO for the new forklifts", "another vendor's questionnaire". */
const OTHER_PURCHASE = / for (?:a |an |the |our |some )?new (?!(?:\S+ ){0,2}?(?:seat|licen[cs]e|user|plan|tier|contract|agreement|platform|module|add-on|subscription|workspace|upgrade|edition|package)s? )\S+ | (?:another|other|different) (?:vendor|supplier|provider|tool)(?: 's)? | (?:travel|hiring|headcount|marketing|hardware|office|event|training) budget /;

export function otherPurchase(line: string): boolean {
  return OTHER_PURCHASE.test(line);
}

/** Whether the sentence mentions a clause opened by "before we …": the step comes after something else. */
export function beforeOurStep(s: Sent, i: number): boolean {
  // "before we commit", "before any renewal is signed"; not "before the contract is fully signed", which takes the signing as given.
  return s.toks.slice(Math.max(0, i - 3), i).some((t, k, xs) => t.lower === 'before' && ['we', 'i', 'any', 'anything', 'committing'].includes(xs[k + 1]?.lower ?? ''));
}

/** The paper handed on by the buyer: not our own act written in a note ("sent the contract to their legal"). */
function paperAsSubjectOrTheirs(s: Sent, h: Hit): boolean {
  return s.toks[h.start].lower === s.toks[h.start].lemma || s.toks.slice(0, h.start).some((t) => t.pos === 'PRON' || t.pos === 'PROPN' || t.pos === 'NOUN');
}

/** The paper is what the clause is about ("the MSA is with procurement"), not a verb's object ("we reviewed the terms with legal"). */
function paperAsSubject(s: Sent, h: Hit): boolean {
  let k = h.start - 1;
  while (k >= 0 && ['DET', 'PRON', 'NOUN', 'PROPN', 'ADJ', 'NUM'].includes(s.toks[k].pos) && !['we', 'i', 'you', 'they'].includes(s.toks[k].lower)) k -= 1;
  return k < 0 || !['VERB', 'AUX', 'ADP'].includes(s.toks[k].pos) || s.toks[k].lower === 'per';
}

/** What a verdict may be about when the purchase is ours: the deal, its paper, the reviews of us, us. */
const OUR_OBJECTS = new Set(['fund', 'funds', 'money', 'budget', 'spend', 'funding', 'purchase', 'investment', 'po', 'order', 'requisition', 'contract', 'msa', 'agreement', 'form', 'renewal', 'deal',
  'dpa', 'sow', 'proposal', 'paperwork', 'expansion', 'upgrade', 'rollout', 'subscription', 'onboarding', 'quote', 'pricing', 'price', 'term', 'terms', 'redline', 'redlines',
  'edit', 'edits', 'change', 'changes', 'markup', 'comment', 'comments', 'report', 'questionnaire', 'assessment', 'review', 'case', 'request', 'it', 'this', 'that', 'everything',
  'you', 'vendor', 'supplier', 'plan', 'tier', 'licence', 'license', 'seat', 'platform', 'tool', 'product', 'solution', 'offer', 'package', 'lot',
  'module', 'add-on', 'addon', 'edition', 'feature', 'number', 'numbers', 'figure', 'figures', 'commercial', 'commercials', 'item', 'line']);
/**
 * Whether what follows a verdict is our deal: nothing ("finance approved!"), or a noun phrase whose
 * head is the deal, its paper or us; not "approved a headcount increase", "signed off on opening a hub",
 * "will approve your invoices from now on" (a routine duty, not a step).
 */
function approvesOurs(s: Sent, from: number): boolean {
  let k = from;
  while (k < s.toks.length && (LEAD_INS.has(s.toks[k].lower) || ['DET', 'ADV'].includes(s.toks[k].pos))) k += 1;
  const t = s.toks[k];
  if (!t) return true;
  // After a determiner the light model tags some nouns as verbs ("blessed the spend"): read them as the noun.
  if (t.pos === 'VERB' && !(k > from && s.toks[k - 1].pos === 'DET' && OUR_OBJECTS.has(t.lemma))) return false;
  if (t.pos === 'PRON') return !['nothing', 'none'].includes(t.lower);
  if (!['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(t.pos)) return true;
  let head = t.lemma;
  for (let j = k; j < s.toks.length && ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(s.toks[j].pos) && !WHEN.has(s.toks[j].lower); j += 1) {
    if (s.toks[j].pos === 'NOUN' || s.toks[j].pos === 'PROPN') head = s.toks[j].lemma;
  }
  return WHEN.has(head) || OUR_OBJECTS.has(head);
}
/** A verdict word that is a plural noun ("earmarked the Q1 funds") names money, not the act of funding. */
const pluralNoun = (t: Sent['toks'][number]) => t.pos === 'NOUN' && t.known && t.lower !== t.lemma;

/** Words between a verdict and what it is about: "signed off on the", "accepted most of your". */
const LEAD_INS = new Set(['on', 'off', 'to', 'of', 'most', 'all', 'some', 'the', 'a', 'an', 'our', 'your', 'ur', 'their', 'its', 'his', 'her', 'final', 'formal', 'full']);
/** When it happened, not what was approved: "approved yesterday", "signed off last night". */
const WHEN = new Set(['yesterday', 'today', 'tonight', 'last', 'this', 'morning', 'night', 'week', 'afternoon', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'earlier']);

/** Who speaks for the buyer's approvals and reviews, as the subject of a verdict: "our lawyers accepted…". */
export const APPROVER = '(?:finance|board|legal|lawyer|counsel|attorney|procurement|purchasing|security|infosec|privacy|compliance|cfo|ceo|coo|cio|cto|exec|executive|leadership|management|committee|steering|budget holder|controller|ap|accounts payable|sponsor|investment committee)';
/** A verdict that lets a purchase go on. */
const VERDICT = '(?:back(?= (?:the|your|our|it|this|that) )|release|fund|rubber-stamp|rubber-stamped|approve|authorise|authorize|sanction|ratify|okay|ok|sign off|green-light|greenlight|greenlit|green-lit|bless|clear|pass|accept|endorse|agree to|give (?:\\S+ )?(?:the |a |their |its |her |his )?(?:yes|nod|go-ahead|thumb up|green light|blessing|ok|okay|sign-off|sign off|all clear|all-clear|clearance))';
/** Signing, said plainly or figuratively: "put my name to", "inked", "initialled". */
const SIGN = '(?:sign|countersign|e-sign|execute|ink|initial|put (?:my|our|his|her|their) (?:name|signature) (?:to|on))';
/** The buyer's paper and approvals, as nouns. */
const PAPERISH = '(?:contract|msa|agreement|order form|dpa|sow|paperwork|paper|term|terms|redline|redlines|renewal|po|purchase order|purchase request|purchase requisition|requisition|business case|proposal)';

/**
 * Steps told in plainer words than the stage frames: a verdict by the people who approve, money
 * there for it, the paper with (or back from) the buyer's lawyers, redlines, the last hurdle, a
 * decision or award for us, a verbal yes, a reference asked for, how the buyer will pay.
 */
export const PLAIN_STEPS: StageFrame[] = [
  { re: new RegExp(` ${APPROVER} (?:team |group |department |dept |folk |people )?(?:\\S+ ){0,3}?${VERDICT} `), ok: (s, h) => approvesOurs(s, h.end + 1) && !pluralNoun(s.toks[h.end]) },
  { re: / (?:business case|investment|spend|budget|funding) (?:\S+ ){0,8}?(?:pass|go (?:through|thru)|get (?:through|thru)|be approve|get approve) / },
  { re: / (?:budget|money|funding|fund|spend) (?:\S+ ){0,2}?(?:be )?(?:there|in place|allocate|earmark|set aside|secure|confirm|available|ring-fence|ringfence|lock in)(?: |$)/ },
  { re: new RegExp(` ${SIGN} (?:\\S+ ){0,2}?(?:the |our |your |this |that )?${PAPERISH} `) },
  // The paper on its way through the buyer's side: "contract back from legal", "the MSA is with procurement now".
  { re: new RegExp(` ${PAPERISH} (?:be |'s |have |now |back |still |sit |currently |just |already |come |go |get )*(?:with|back from|from|at|in|over to|through|thru|past) (?:our |their |the )?${APPROVER} `), ok: paperAsSubject },
  { re: new RegExp(` (?:redline|mark up|markup|mark-up|comment|edits?|tracked change)s? (?:\\S+ ){0,2}?(?:to|on|of|for)? ?(?:the |your |our )?(?:master |service |services |subscription |framework |main )?(?:msa|contract|agreement|order form|dpa|sow|paperwork|term|terms) `) },
  // The buyer's reviewers at work on it now: "legal is going through the MSA", "procurement are reviewing your terms".
  { re: new RegExp(` ${APPROVER} (?:team |group |department )?(?:be|have be) (?:now |currently |already )?(?:review|go (?:through|thru)|look at|look over|redline|mark up|work (?:through|thru)) (?:the |your |our )?(?:\\S+ ){0,4}?(?:msa|contract|agreement|order form|dpa|sow|paperwork|term|terms|proposal|quote|questionnaire|security pack|documentation) `), ok: (s, h) => ourPaper(s, h) },
  // What is left before signing: "legal is the last hurdle", "it's just paperwork from here", "ready for signature".
  { re: new RegExp(` ${APPROVER} (?:team )?be (?:the )?(?:next|last|final|only)(?: (?:step|hurdle|hoop|gate|stop|box|thing))?(?: |$)| (?:last|final|only|remaining) (?:step|hurdle|hoop|gate|box) be ${APPROVER} | (?:just|only) (?:the )?(?:paperwork|signature|formality|formalities)(?: \\S+)? (?:from here|left|now|to go|remain) | (?:ready|clear|cleared|good|set) (?:for|to) (?:signature|sign|signing|execute|execution|countersign|countersignature|proceed|purchase) `) },
  // The decision or award for us: "your platform came out on top", "the award letter goes out Friday", "a verbal yes".
  { re: / (?:you|your (?:\S+ )?(?:tool|platform|product|solution|proposal|offer|bid|team|company)) (?:\S+ )?(?:win|come out on top|come out ahead|be the winner|be our choice|be the choice|get the nod|get the deal|get the contract) | award letter | letter of award | notice of award | intent to award | letter of intent | award (?:the \S+ )?to you | (?:verbal|verbally) (?:yes|commit|commitment|agreement|ok|okay|go-ahead|approval|green light|sign-off|agree|approve|sign off|say yes) / },
  // References asked for: "put us in touch with two customers of our size", "hear it from a peer".
  { re: / (?:speak|talk|chat|hear|call|ring|phone|meet|visit|in touch|connect|introduce|introduction) (?:\S+ ){0,6}?(?:customer|client|user|peer|reference|logo|company like ours|firm like ours|someone who use)s? /, ok: (s, h) => (asked(s, h.start) || wanted(s, h.start)) && !s.toks.slice(0, h.start).some((t) => t.lower === 'our') },
  // How the buyer will pay a new supplier: "do you take card or does it have to be an invoice?", "billing annually in arrears, net 45".
  { re: / (?:pay|payment|billing|bill|invoice|invoicing) (?:\S+ ){0,3}?(?:by|via|with|through|thru) (?:card|credit card|bank transfer|wire|ach|direct debit|cheque|check|sepa)| (?:pay|bill|invoice|billing) (?:\S+ ){0,2}?(?:annually|quarterly|upfront|up front|in advance|in arrear|in arrears|yearly) | net (?:15|30|45|60|90) | get (?:it|this|that) (?:buy|purchase|order|sign|through procurement|over the line) /, ok: (s) => notAChange(s) && !s.toks.some((t) => ['overdue', 'late', 'fail', 'decline', 'refund', 'error', 'wrong', 'move', 'switch'].includes(t.lemma)) },
  // Their review of us under way or done: "documents for the vendor risk review", "infosec finished their review of your platform".
  { re: new RegExp(` for (?:the |our |their |a |your )?(?:\\S+ ){0,2}?${REVIEWER} (?:\\S+ )?(?:${REVIEW}|check|onboarding|due diligence) | ${APPROVER} (?:team )?(?:\\S+ ){0,2}?(?:finish|complete|wrap up|close out|conclude) (?:their |its |the |our )?(?:\\S+ )?(?:${REVIEW}|check)(?: of (?:you|your))? `), ok: reviewStep },
  // Our paper handed to their approvers: "I've forwarded your MSA to our legal department".
  { re: new RegExp(` (?:forward|send|pass|route|hand|give|share|circulate|submit|take) (?:\\S+ ){0,3}?${PAPERISH} (?:\\S+ ){0,2}?(?:to|with|over to) (?:our |the |their )?${APPROVER} `), ok: paperAsSubjectOrTheirs },
  // Paper marked up, clauses negotiated: "a marked-up version of the order form", "discuss the indemnity clause".
  { re: / (?:marked-up|redlined|mark-up|marked up|markup|tracked-change) (?:version|copy|draft|document|pdf) | (?:our|their|the|some|any|with|'s) redlines? | (?:discuss|negotiate|question|query|push back on|amend|strike|tweak|clarify|agree|tighten|reword|revise|soften|adjust|change|add|include|insert) (?:\S+ ){0,3}?(?:clause|indemnity|indemnification|liability cap|limitation of liability|governing law|warranty|warranties|payment term|payment terms|sla credit|price cap|uplift cap) /, ok: (s) => !s.toks.some((t) => ['cancel', 'terminate', 'termination', 'exit', 'cancellation', 'notice'].includes(t.lemma)) },
  // Budgeted for us; the final step sits with someone; a purpose that is the purchase ("so Adaeze can sign").
  { re: / budget (?:for|in) (?:the |your |this |our )?(?:platform|tool|renewal|licen[cs]e|seat|subscription|it|you|upgrade|rollout|expansion) | (?:final )?(?:approval|sign-off|sign off|signature) (?:now )?(?:sit|rest|lie) with | so (?:that )?(?:\S+ ){1,2}can (?:sign|countersign|execute|raise|release|approve|process|pay|get (?:it|this) (?:sign|approve)) /, ok: (s, h) => budgetThere(s, h) && purposeOurs(s, h) },
  // The buyer's procurement or legal as our counterpart: "your contact for the commercial terms", signing added to the envelope.
  { re: / (?:contact|point of contact|poc|counterpart) for (?:the |all )?(?:commercial|contract|contractual|legal|paperwork|purchase|procurement|pricing|signing) | docusign (?:envelope|link|request) /, ok: (s, h) => !/docusign/.test(h.m[0]) || asked(s, h.start) || s.toks.some((t) => t.text === '?') },
  // The money there: "we've got the budget", "funding is secured" (the head noun, not "a budget review").
  { re: / (?:have|get|have get|secure|find|receive|be give) (?:the |a |our |some )?(?:\S+ )?(?:budget|funding|money|fund)(?: |$)/, ok: (s, h) => !['NOUN', 'PROPN'].includes(s.toks[h.end + 1]?.pos ?? '') },
  // Registering a new supplier: "an invitation to register as a supplier", "your ISO certificate for our supplier file".
  { re: / register (?:you |your company |yourselves )?(?:as|in|on|with) (?:a |an |our |the )?(?:new |approved )?(?:\S+ )?(?:supplier|vendor|portal|system)|(?:invitation|invite) to register | for (?:our |the )?(?:supplier|vendor) (?:file|record|profile|database|master) / },
  // The champion's case and the commercial negotiation: "putting together the business case for the board",
  // "negotiate the commercials", "a discount for a three-year commitment", "the open points on the MSA".
  { re: new RegExp(` (?:build|write|put together|prepare|draft|present|take|bring|finalise|finalize|submit) (?:\\S+ ){0,2}?business case | negotiate (?:\\S+ ){0,2}?(?:commercial|commercials|term|terms|price|pricing|contract|deal|discount|renewal|msa) | discount (?:\\S+ ){0,2}?(?:for|if we|on) (?:a |an |the )?(?:\\S+ )?(?:commitment|term|multi-year|upfront|prepay|prepayment|contract|signing) | (?:open|outstanding|remaining) (?:point|item|issue|question|clause)s? (?:on|in) (?:the |your |our )?${PAPERISH} `) },
  // Moving it along their side: "I'll get it through procurement", "next on legal's list", "get the order in".
  { re: new RegExp(` get (?:it|this|that|the \\S+) (?:through|thru|past|over to) (?:\\S+ )?${APPROVER} | (?:on|in|next on) (?:\\S+ )?${APPROVER} 's (?:list|desk|queue|plate|inbox) | get (?:the |our |an )?(?:order|po|purchase order|paperwork|contract|signature) in `) },
  // The decision as a relative: "your platform is the one we're going with".
  { re: / (?:you|your (?:\S+ )?(?:tool|platform|product|solution|proposal|offer|bid|team|company)) be the (?:one|vendor|supplier|partner|provider|platform|tool|solution|choice) (?:that )?(?:we|they) (?:be )?(?:go with|choose|pick|select|settle on|land on|want) / },
  // A supplier check run on us, or a review back with nothing found.
  { re: new RegExp(` (?:run|do|carry out|perform|conduct|be in|go (?:through|thru)|start|kick off|begin|complete|finish|pass|clear) (?:\\S+ ){0,4}?${REVIEWER} (?:\\S+ )?(?:check|screening|vetting|onboarding|${REVIEW}) (?:on|of|for) (?:you|your) `) },
  { re: new RegExp(` (?:${REVIEW}|check|pen test|penetration test|report|${PAPERISH}) (?:\\S+ ){0,2}?with (?:no|zero|0) (?:\\S+ )?(?:finding|issue|concern|red flag|exception|objection)s? `) },
];

/**
 * Budget for us as a step: had, found, set aside or approved ("we've got budget for the renewal"), not merely
 * named ("I still own the budget for your platform", "the budget for the platform is tight").
 */
function budgetThere(s: Sent, h: Hit): boolean {
  const k = s.toks.findIndex((t, j) => j >= h.start && j <= h.end && t.lemma === 'budget');
  if (k < 0) return true;
  const before = s.toks.slice(Math.max(0, k - 4), k);
  if (before.some((t) => ['own', 'hold', 'manage', 'control', 'run', 'cut', 'freeze', 'review', 'discuss'].includes(t.lemma))) return false;
  return before.some((t) => ['have', 'get', 'there', 'find', 'secure', 'approve', 'include', 'add', 'put', 'plan', 'earmark', 'allocate', 'confirm', 'request', 'reserve', 'set', 'build', 'sign', 'release', 'receive'].includes(t.lemma));
}

/** What a purpose clause's verb may take when the purpose is the purchase ("so Adaeze can sign", "so we can raise the PO"). */
const PURPOSE_OBJECTS = new Set(['contract', 'order', 'po', 'it', 'this', 'that', 'paperwork', 'renewal', 'purchase', 'agreement', 'form', 'msa', 'dpa', 'sow', 'quote', 'proposal', 'deal',
  'budget', 'spend', 'invoice', 'requisition', 'them', 'payment', 'subscription', 'upgrade', 'licence', 'license', 'seat', 'paper', 'signature']);
/** "so she can approve the workflow changes herself" is a duty gained, not our purchase: the verb's object must be the deal. */
function purposeOurs(s: Sent, h: Hit): boolean {
  if (s.toks[h.start]?.lower !== 'so') return true;
  let k = h.end + 1;
  while (k < s.toks.length && ['DET', 'ADJ', 'PART'].includes(s.toks[k].pos)) k += 1;
  while (k + 1 < s.toks.length && s.toks[k].pos === 'NOUN' && s.toks[k + 1].pos === 'NOUN') k += 1;
  const t = s.toks[k];
  return !t || !['NOUN', 'PROPN', 'PRON'].includes(t.pos) || PURPOSE_OBJECTS.has(t.lemma);
}

/**
 * The paper under review is ours, not "a contract for one of our shippers" (an indefinite paper) or
 * "Quadrant's order form" (owned by another party).
 */
function ourPaper(s: Sent, h: Hit): boolean {
  const span = s.toks.slice(h.start, h.end + 1);
  const v = span.findIndex((t) => t.pos === 'VERB');
  const np = span.slice(v + 1);
  if (np.some((t) => ['your', 'our'].includes(t.lower))) return true;
  if (['a', 'an'].includes([...np].reverse().find((t) => t.pos === 'DET')?.lower ?? '')) return false;
  return !np.some((t, k) => ["'s", '’s'].includes(t.text) && !['your', 'our'].includes(np[k - 1]?.lower ?? ''));
}

/** Things bought that are not software: "the PO for the new forklifts", "the office cleaning contract", "the lease". */
const NOT_OURS = '(?:acquisition|merger|partnership|employment|settlement|lease|tenancy|mortgage|loan|car|van|truck|lorry|forklift|trailer|vehicle|fleet|building|warehouse|office|furniture|laptop|printer|phone|hardware|equipment|machine|uniform|fuel|cleaning|catering|payroll|travel|hotel|venue|flight|insurance|forwarder|expense|expense report|account|accounts|timesheet|holiday|leave|hire|salary)s?';
const OTHER_THING = new RegExp(` (?:purchase|buy|budget|po|order|contract|paperwork|agreement|deal|spend|capex|renewal) (?:of|for|on|with) (?:a |an |the |our |my |his |her |their |some |three |two |\\S*\\d\\S* )?(?:new )?(?:\\S+ )?${NOT_OURS} | ${NOT_OURS} (?:purchase|po|order|contract|paperwork|agreement|deal|renewal|budget|spend) | (?:sign|approve|sign off|sign off on) (?:the |our |my )?(?:annual )?(?:lease|account|accounts|expense|expense report|timesheet)s? | for (?:my|his|her|their) new | (?:annual|overall|operating|operate|departmental|company|company-wide|group|quarterly|yearly|monthly|q[1-4]) budget (?!for (?:you|your|this|the (?:platform|tool|renewal|licen)))`);
/** Another vendor's deal: "our last vendor made us sign…", "the previous provider's contract". */
const OTHER_VENDOR = / (?:last|previous|old|former|prior) (?:vendor|supplier|provider|tool|platform|system) /;
/** A deal with "a" or "an" someone is never with us: "closed a big deal with a Danish retailer". */
const WITH_SOMEONE = / (?:deal|contract|agreement|order|paperwork|partnership) with (?:a|an|another|one of) /;

/** The writer setting it apart from us: "nothing to do with you", "unrelated to your platform". */
const APART = / (?:nothing to do with|unrelated to|not related to|separate from|independent of) (?:you|your|us|our (?:work|deal|contract|renewal) with you) /;
/** Paper owned by another party: "the freight forwarder's contract", "Gong's quote" (not "your quote", "Ama's sign-off"). */
const THEIR_PAPER = / (?!your |our |my |their )\S+ 's (?:\S+ )?(?:contract|quote|quotation|proposal|agreement|deal|renewal|msa|terms|pricing) | (?:his|her) (?:new |employment |own )?(?:contract|agreement|offer) /;

/**
 * The account's own selling: their customers signing or buying, their sales team closing, a tender they won;
 * and a paper "with" a party of theirs that is no internal team ("the contract with our new haulier").
 */
const THEIR_SALES = / (?:our|their) (?:customer|client|shipper|consignee)s? (?:\S+ ){0,3}?(?:sign|approve|renew|accept|agree|buy|order|place|award) | (?:our|the) (?:sales|sale|account|bid|commercial|key account) team (?:\S+ ){0,3}?(?:close|win|sign|land|book) | we (?:have )?win (?:the |a |an |another )?(?:\S+ )?(?:tender|bid|account|contract|deal) /;
const WITH_THEIRS = / (?:contract|agreement|deal|msa|po|order|renewal|paperwork|partnership|terms) with (?:our |the |their |a |an )(?:new |old |current |previous |other |usual |main )?(?!(?:legal|finance|procurement|counsel|cfo|ceo|coo|cto|cio|board|lawyer|lawyers|team|it|security|infosec|department|colleague|colleagues|boss|manager|ap|exec|execs|leadership|management|committee|signatory|side|end|edit|edits|change|changes|comment|comments|redline|redlines|markup|amendment|amendments|tweak|tweaks|correction|corrections|revision|revisions|signature|signatures|name|logo|detail|details|price|prices|pricing|discount|discounts|rate|rates|uplift|cap|term|terms|same|standard|option|clause|clauses) )\S+ /;

/** A purchase that is not ours, by what is bought or whom it is with. */
export function notOurDeal(line: string): boolean {
  return OTHER_THING.test(line) || OTHER_VENDOR.test(line) || WITH_SOMEONE.test(line) || APART.test(line) || THEIR_PAPER.test(line) || THEIR_SALES.test(line) || WITH_THEIRS.test(line);
}

/** History, not a step now: "used to be", "back when we first bought". */
const HISTORY = /(?<! as) last (?:year|quarter) | from last (?:month|quarter|year) | use to | back when | back in | in (?:19|20)\d\d (?:\S+ ){0,3}?(?:run out|expire|end|lapse|renew)| when we first | the first time we | originally /;
export const historical = (line: string) => HISTORY.test(line);

/** What marks a step as stuck: concerns, delays, a far-off date. A marker after "no"/"nothing"/"without" does not count. */
const STALL = new Set(['stall', 'stuck', 'delay', 'slip', 'drag', 'concern', 'objection', 'halt', 'cancel', 'scrap', 'abandon', 'reject', 'deprioritise', 'deprioritize', 'block', 'slow', 'refuse', 'veto', 'balk', 'reluctant', 'unwilling']);
export function stalled(s: Sent): boolean {
  return s.toks.some((t, k) => STALL.has(t.lemma) && !t.neg && !s.toks.slice(Math.max(0, k - 4), k).some((p) => ['no', 'nothing', 'without', 'never', 'zero', 'any'].includes(p.lower)));
}
