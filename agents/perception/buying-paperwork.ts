// The buyer's back office at work on a purchase from us: where the purchase order goes and whom it is
// made out to, the PO sent as an attachment, accounts payable setting us up as a supplier and the bank
// details for a first payment, payment split into instalments, the supplier onboarding started, and our
// people or seats to be put into the renewal quote; and the deal moved along their side in other words
// (on the approvers' agenda, in the approval workflow, drafted by their buyers, in next year's budget,
// "a go", a term locked in). Each is a frame over lemmas; the caller checks negation, condition and whose
// deal it is.
import { asked, type StageFrame } from './buying-stages.js';
import type { Sent } from './nlp.js';
import { oursAfter } from './buying-subject.js';

/** A purchase order in its names, as lemmas. */
const PO = '(?:po|purchase order|purchase requisition|requisition)';
/** The buyer's people who pay a supplier. */
const PAYERS = new Set(['ap', 'payable', 'payables', 'finance', 'procurement', 'purchasing', 'accounting', 'accounts', 'treasury']);

/** A question or ask of us, or their finance people named: the back office's step, not a remark. */
const backOffice = (s: Sent, i: number) => asked(s, i) || s.toks.some((t) => PAYERS.has(t.lower));

/** The PO is ours unless a "for" phrase after it names other goods ("the PO for the pallet wrappers"). */
const forUs = (s: Sent, h: { start: number; end: number }) => oursAfter(s, h.start, s.toks.length);

export const PAPERWORK: StageFrame[] = [
  // Where the PO goes: "who should we address the PO to", "which entity should the purchase order be made out to",
  // "the legal entity name for the PO", "the billing address to put on the PO".
  { re: new RegExp(` (?:address|make out|made out|issue|raise) (?:\\S+ ){0,3}?${PO} (?:\\S+ ){0,1}?to | to whom (?:\\S+ ){0,3}?(?:address|send|make out|issue) (?:\\S+ ){0,2}?${PO} | ${PO} (?:\\S+ ){0,3}?(?:address|make out|made out|go|be make out|be address) to | (?:entity|legal name|company name|billing address|bill-to|invoice address|vat number|tax id|cost centre|cost center) (?:\\S+ ){0,5}?(?:for|on|onto) (?:the |our |a |your )?${PO} `) },
  // The PO sent: "please find attached our PO", "PO attached", "enclosed is the purchase order".
  { re: new RegExp(` (?:attach|enclose) (?:be )?(?:\\S+ ){0,2}?${PO} | ${PO} (?:\\S+ ){0,4}?(?:be )?(?:attach|enclose)(?: |$)`), ok: forUs },
  // Accounts payable setting us up, bank details for the first payment.
  { re: / set (?:you|your company|you guys|your firm) up(?: |$)| (?:bank|banking|remittance|payment) (?:detail|info|information)s? (?:\S+ ){0,6}?(?:first|initial|upcoming|opening) (?:payment|invoice)/, ok: (s, h) => backOffice(s, h.start) },
  // Paying in parts: "would you accept payment in three instalments", "split the annual fee into two payments".
  { re: / (?:pay|payment|invoice|bill|billing|settle|fee|cost) (?:\S+ ){0,3}?in (?:\S+ )?(?:instalment|installment|tranche|part)s? | split (?:\S+ ){0,3}?(?:payment|fee|invoice|cost|bill)s? /, ok: (s, h) => asked(s, h.start) || s.toks.some((t) => ['you', 'your'].includes(t.lower)) },
  // Supplier onboarding begun by their buyers: "procurement has started the onboarding paperwork on their end".
  { re: / (?:start|kick off|begin|open|launch|initiate|complete|finish|submit) (?:the |our |their |your )?(?:new )?(?:supplier |vendor )?onboarding (?:paperwork|form|process|ticket|request|workflow|pack|packet) /, ok: (s, h) => backOffice(s, h.start) },
  // Our scope put into the paper they will sign, asked in the bare form: "include the six developers in the renewal quote"
  // (not "are those included in the renewal quote?", a check of what is there).
  { re: / (?:include|add|put|fold|roll) (?:\S+ ){0,5}?(?:in|into|on|to|onto) (?:the |our |your )?(?:renewal|updated|revised|new|final) (?:quote|quotation|order form|proposal) /, ok: (s, h) => asked(s, h.start) && s.toks[h.start].lower === s.toks[h.start].lemma },
];

/** The writer's side wanting it: "we'd like…", "we want…" (not "we're not keen on…"). */
const wanted = (s: Sent) => s.toks.some((t, k) => ['we', 'i'].includes(t.lower) && s.toks.slice(k + 1, k + 4).some((x) => ['want', 'like', 'keen', 'prefer', 'need'].includes(x.lemma))
  && !s.toks.slice(k + 1, k + 4).some((x) => x.neg || ['not', "n't", 'never'].includes(x.lower)));

/** A paper put forward "by" a named party that is not us ("a proposal was put in front of our COO by Tidewell"). */
const madeByOthers = (s: Sent) => s.toks.some((t, k) => t.lower === 'by' && s.toks[k + 1]?.cap && !['you', 'your'].includes(s.toks[k + 1].lower));

/** The deal as a noun: its paper, the renewal, the purchase. */
const DEALISH = '(?:renewal|contract|agreement|msa|order form|order|purchase|deal|upgrade|expansion|subscription|paperwork|proposal|quote|po|purchase order|business case|spend|investment)';
const APPROVERS = '(?:finance|procurement|purchasing|legal|counsel|board|committee|cfo|ceo|coo|exec|executive|leadership|management|steering group|budget committee)';

/**
 * The deal moved along their side in other words: on the approvers' agenda, in the approval workflow,
 * drafted or set up by their buyers, covered by next year's budget, "a go", a term locked in, wanted approved.
 */
export const MOVES: StageFrame[] = [
  // "I've put the renewal on the agenda for the budget committee", "tabled the purchase for the board".
  { re: new RegExp(` (?:put|add|table|list|submit|schedule|slot) (?:the |our |your |this |it|this )?(?:\\S+ ){0,2}?(?:${DEALISH} |it |this )?(?:on|onto|to|for|in front of|before) (?:the |our |their |next |thursday 's |\\S+ 's )?(?:\\S+ )?(?:agenda|${APPROVERS}) `), ok: (s) => s.toks.some((t) => /^(?:renewal|contract|agreement|msa|order|purchase|deal|upgrade|subscription|paperwork|proposal|quote|po|spend|investment|budget|it|this)$/.test(t.lemma)) && !madeByOthers(s) },
  // "the contract is in the approval workflow", "the PO is going through our sign-off process".
  { re: new RegExp(` ${DEALISH} (?:\\S+ ){0,3}?(?:in|into|through|thru) (?:the |our |their )?(?:\\S+ )?(?:approval|sign-off|signoff|signature|procurement|legal|purchasing) (?:workflow|process|queue|cycle|chain|system|tool|loop|pipeline) `) },
  // Their buyers drafting or setting up the paper: "Mårten is drafting the purchase request", "procurement will set up the contract".
  { re: new RegExp(` (?:draft|prepare|fill in|fill out|write up|set up|draw up|complete) (?:the |a |our |your )?(?:\\S+ )?(?:purchase request|purchase requisition|requisition|po|purchase order|contract|order form|paperwork) `), ok: (s, h) => !s.toks.slice(0, h.start).some((t) => ['you', 'please', 'can', 'could'].includes(t.lower)) || s.toks.some((t) => t.lower === 'our') },
  // The budget made for us: "our budget for next year includes your renewal".
  { re: / budget (?:\S+ ){0,5}?(?:include|cover|allow for|have room for|account for|contain) (?:your|the) (?:\S+ )?(?:renewal|platform|licen[cs]e|subscription|tool|upgrade|seat|expansion|contract)/ },
  // "the renewal's a go", "it's a go from his side".
  { re: new RegExp(` (?:${DEALISH}|it|this|that) (?:be|'s) (?:now |officially )?a go(?: |$)`) },
  // A term locked: "lock in the current price for three years", "a multi-year agreement with the price held flat?".
  { re: / lock (?:in )?(?:\S+ ){0,3}?(?:price|pricing|rate|discount)s? (?:\S+ ){0,2}?for (?:\S+ )?(?:year|month|term)s? | (?:multi-year|multiyear|\S+-year) (?:agreement|contract|deal|term|commitment|renewal) /, ok: (s, h) => asked(s, h.start) || wanted(s) },
  // Wanting it approved: "we want to get this approved this month".
  { re: / (?:want|need|like|aim|plan|hope|try) to (?:get|have) (?:it|this|that|the \S+) (?:approve|sign off|signed off|through procurement|over the line|across the line)(?: |$)/ },
];
