// The buyer's back office at work on a purchase from us: where the purchase order goes and whom it is
// made out to, the PO sent as an attachment, accounts payable setting us up as a supplier and the bank
// details for a first payment, payment split into instalments, the supplier onboarding started, and our
// people or seats to be put into the renewal quote. Each is a frame over lemmas; the caller checks
// negation, condition and whose deal it is.
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
