// Capitalised names that are not a vendor at all, whatever frame they stand in, read from what the
// sentence says they are:
// - part of the customer: a department written in camel case ("RevOps", "SalesOps") or a sales
//   region ("EMEA", "apac", "DACH");
// - a label of our product's screen, in quotes before what it labels ("the 'Download quote' button");
// - the customer's OWN rival: "our competitor, X", "X, our biggest rival", "X competes with us";
// - a person's acquaintance or old boss there: "my old boss from X", "a friend at X";
// - an evaluation closed ("the X trial ended in May") or run at someone's previous employer ("she
//   evaluated X at her last company");
// - a person by their title: "Dr Hansen";
// - a piece of a word the tokeniser cut at a letter it does not know ("Gda" of "Gdańsk");
// - a move made by a back-office function, whose tools are not in our category ("Procurement
//   moved to X", "finance is switching to X").
import type { Sent, Tok } from './nlp.js';
import type { NameSpan } from './frames.js';

/** Sales regions, whole or as chat writes them: a part of the customer's own organisation. */
const REGION = new Set(['emea', 'apac', 'latam', 'amer', 'amers', 'dach', 'nordics', 'benelux', 'anz', 'mena', 'noram', 'nam', 'cee', 'uki', 'emear', 'japac', 'apj', 'iberia']);
/** Parts of a screen a label sits on. */
const UI = new Set(['button', 'tab', 'link', 'menu', 'field', 'column', 'page', 'screen', 'option', 'toggle', 'filter', 'view', 'dialog', 'modal', 'checkbox', 'dropdown', 'setting', 'widget', 'panel', 'icon', 'report', 'tile', 'card', 'box', 'label', 'banner', 'popup', 'pop-up', 'section']);
const QUOTE = new Set(["'", '"', '‘', '’', '“', '”', '`']);
const RIVAL = new Set(['competitor', 'rival', 'competition']);
const OWN = new Set(['our', 'my']);
/** People one knows at a firm, none of them its sellers. */
const ACQUAINTANCE = new Set(['boss', 'colleague', 'coworker', 'co-worker', 'ex-colleague', 'friend', 'mentor', 'classmate', 'teammate', 'acquaintance', 'buddy', 'mate', 'cousin', 'brother', 'sister', 'wife', 'husband', 'neighbour', 'neighbor', 'manager', 'ex-boss']);
const TRYING = new Set(['trial', 'pilot', 'poc', 'evaluation', 'eval', 'test', 'sandbox', 'bake-off', 'proof']);
const ENDED = new Set(['end', 'stop', 'close', 'wrap', 'cancel', 'abandon', 'finish', 'conclude', 'terminate', 'expire', 'lapse', 'fizzle', 'run']);
const EVALUATED = new Set(['evaluate', 'trial', 'pilot', 'test', 'assess', 'benchmark', 'shortlist', 'demo', 'review', 'compare', 'consider', 'try']);
const FORMER = new Set(['previous', 'last', 'old', 'former', 'prior']);
const EMPLOYER = new Set(['company', 'job', 'employer', 'firm', 'place', 'role', 'shop', 'gig', 'org', 'organisation', 'organization', 'position']);
/** Functions whose own tools we do not sell against. */
const BACK_OFFICE = new Set(['procurement', 'purchasing', 'finance', 'accounting', 'accounts', 'payroll', 'hr', 'legal', 'treasury', 'facilities', 'tax', 'ap', 'ar']);
const MOVE = /^(?:mov|switch|migrat|transition|go|went|gone)/;

/** A department in camel case ("RevOps") or a region ("EMEA", "latam"). */
function partOfCustomer(span: NameSpan): boolean {
  return /^\p{Lu}\p{Ll}+Ops$/u.test(span.name) || (span.start === span.end && REGION.has(span.name.toLowerCase()));
}

/** "the 'Download quote' button": the name opens a quoted label that a screen element follows. */
function screenLabel(t: Tok[], span: NameSpan): boolean {
  if (!QUOTE.has(t[span.start - 1]?.text ?? '')) return false;
  for (let k = span.end + 1; k < Math.min(t.length, span.end + 5); k += 1) {
    if (QUOTE.has(t[k].text)) return UI.has(t[k + 1]?.lemma ?? '') || UI.has(t[k + 1]?.lower ?? '');
  }
  return false;
}

/** "our competitor, X", "our main rival X", "X, our biggest competitor", "X is a competitor of ours", "X competes with us". */
function ownRival(t: Tok[], span: NameSpan): boolean {
  let k = span.start - 1;
  if (t[k]?.text === ',') k -= 1;
  if (RIVAL.has(t[k]?.lemma ?? '')) {
    for (let j = k - 1; j >= Math.max(0, k - 3); j -= 1) {
      if (OWN.has(t[j].lower)) return true;
      if (!['ADJ', 'DET', 'ADV'].includes(t[j].pos)) break;
    }
  }
  const after = t.slice(span.end + 1, span.end + 8);
  const head = after.findIndex((x) => RIVAL.has(x.lemma));
  if (head >= 0) {
    const between = after.slice(0, head);
    if (between.every((x) => x.text === ',' || x.lemma === 'be' || ['ADJ', 'DET', 'ADV', 'PRON'].includes(x.pos)) && (between.some((x) => OWN.has(x.lower)) || (after[head + 1]?.lower === 'of' && ['ours', 'mine'].includes(after[head + 2]?.lower ?? '')))) return true;
  }
  const v = after.find((x) => x.pos === 'VERB');
  return !!v && v.lemma === 'compete' && t[v.i + 1]?.lower === 'with' && ['us', 'me'].includes(t[v.i + 2]?.lower ?? '');
}

/** "my old boss from X", "a friend at X": someone the customer knows there, not a seller. */
function acquaintanceThere(t: Tok[], span: NameSpan): boolean {
  return ['from', 'at', 'of'].includes(t[span.start - 1]?.lower ?? '') && ACQUAINTANCE.has(t[span.start - 2]?.lemma ?? '');
}

/** "The X trial ended in September", "the X pilot was cancelled", "the X POC is over". */
function closedTrial(t: Tok[], span: NameSpan): boolean {
  let k = span.end + 1;
  if (t[k]?.text === "'s") k += 1;
  if (!TRYING.has(t[k]?.lemma ?? '') && !TRYING.has(t[k]?.lower ?? '')) return false;
  const rest = t.slice(k + 1, k + 5);
  const ended = rest.find((x) => ENDED.has(x.lemma) && x.pos === 'VERB' && x.lower !== x.lemma && !x.neg);
  if (ended) return ended.lemma !== 'run' || ['out', 'its'].includes(t[ended.i + 1]?.lower ?? '');
  return rest.some((x, j) => x.lemma === 'be' && ['over', 'done', 'finished'].includes(rest[j + 1]?.lower ?? '') && !x.neg);
}

/** "she evaluated X at her previous company": weighed once, elsewhere. */
function evaluatedElsewhere(t: Tok[]): boolean {
  const elsewhere = t.some((x, k) => ['at', 'in'].includes(x.lower) && ['her', 'his', 'my', 'their', 'a'].includes(t[k + 1]?.lower ?? '') && FORMER.has(t[k + 2]?.lower ?? '') && EMPLOYER.has(t[k + 3]?.lemma ?? ''));
  return elsewhere && t.some((x) => EVALUATED.has(x.lemma) && x.pos === 'VERB' && x.lower !== x.lemma);
}

/** A piece of a word the tokeniser cut at a letter it does not know ("Gda|ń|sk", "Ł|ukasz"): no name of its own. */
function fragment(s: Sent, span: NameSpan): boolean {
  const at = s.text.indexOf(span.name);
  return at >= 0 && (/\p{L}/u.test(s.text[at - 1] ?? '') || /\p{L}/u.test(s.text[at + span.name.length] ?? ''));
}

/** A title before a name makes it a person: "Dr Hansen", "Ms. Obi". */
const HONORIFIC = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'prof', 'sir', 'dame', 'dr.', 'mr.', 'mrs.', 'ms.', 'prof.']);

/** The name is no vendor of our kind in play here. */
export function notAVendor(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  if (HONORIFIC.has(t[span.start - 1]?.lower ?? '') || (span.end > span.start && HONORIFIC.has(t[span.start].lower.replace(/\.$/, ''))) || (t[span.start - 1]?.text === '.' && HONORIFIC.has(t[span.start - 2]?.lower ?? ''))) return true;
  return fragment(s, span) || partOfCustomer(span) || screenLabel(t, span) || ownRival(t, span) || acquaintanceThere(t, span) || closedTrial(t, span) || evaluatedElsewhere(t);
}

/** Who moves at the switching verb at `at` is a back-office function: "Procurement at Northwind moved to X". */
export function backOfficeMove(s: Sent, at: number): boolean {
  const t = s.toks;
  if (!MOVE.test(t[at]?.lower ?? '')) return false;
  for (let k = at - 1; k >= Math.max(0, at - 8); k -= 1) {
    const x = t[k];
    if (['.', ';', ':', ','].includes(x.text)) return false;
    if (BACK_OFFICE.has(x.lower)) return true;
    if (['we', 'i', 'you', 'they'].includes(x.lower)) return false;
  }
  return false;
}
