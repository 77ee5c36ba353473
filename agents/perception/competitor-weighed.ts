// Further slots of the evaluation frame, each a role a vendor plays in the customer's buying:
// - COMPARED with us on a scale: "you're pricier than X", "your dashboards are slower than X's",
//   "X is cheaper than yours" (a comparative with us on one side and the name on the other);
// - the RECIPIENT of the buyer's papers: "X and Y have both received our RFP", "we sent the
//   requirements to X";
// - ASKED FOR ITS NUMBERS: "we asked X for their figures", in a sentence about price;
// - NAMED UNDER A LABEL that says what it is, as notes write it: "Comp: X", "Competitors: X, Y";
// - SELLING WITHOUT AN OBJECT: "X are pitching too", "X is bidding as well";
// - PUTTING ON THE SAME SHOW as us: "X were in the day after, doing the same session";
// - one of BOTH weighed: "…the X team next week? We want to see how both platforms would fit";
// - asked the SAME AS US: "we need your SOC 2 report; X already sent theirs".
import type { Sent, Tok } from './nlp.js';
import { negated, type NameSpan } from './frames.js';
import { antecedentOf } from './nlp-reference.js';

const US = new Set(['you', 'your', 'yours', 'u', 'ur']);
const SEPS = new Set([',', ';', ':', '.', '!', '?', '—', '–', '(', ')']);
/** Comparatives that need "more"/"less" before them to compare. */
const GRADED = new Set(['more', 'less']);
/** Words in -er before "than" that compare nothing: "other than", "rather than", "sooner than later". */
const NOT_COMPARATIVE = new Set(['other', 'rather', 'sooner', 'later', 'either', 'whether', 'never', 'ever', 'over', 'under', 'after', 'number', 'order', 'paper', 'quarter', 'customer', 'partner', 'provider', 'supplier', 'user', 'manager', 'member', 'offer', 'letter', 'matter', 'water', 'computer', 'server', 'folder', 'filter', 'driver', 'trailer', 'container', 'carrier', 'center', 'centre']);

/** Whether a comparative starts at k ("pricier", "slower", "better", "more expensive"), and how many tokens it takes. */
function comparativeAt(t: Tok[], k: number): number {
  const x = t[k];
  if (!x) return 0;
  if (GRADED.has(x.lower) && ['ADJ', 'ADV'].includes(t[k + 1]?.pos ?? '')) return 2;
  // (The light model does not know every comparative: "clunkier", "dearer" come back unlemmatised, even as nouns.)
  const inflected = ['ADJ', 'ADV', 'NOUN'].includes(x.pos) && /[a-z]{2}er$/.test(x.lower) && !NOT_COMPARATIVE.has(x.lower);
  return inflected || ['better', 'worse'].includes(x.lower) ? 1 : 0;
}

/** A comparative at k followed by "than": the index of "than", or -1. */
function comparativeThan(t: Tok[], k: number): number {
  const n = comparativeAt(t, k);
  return n > 0 && t[k + n]?.lower === 'than' ? k + n : -1;
}

/** The clause a token sits in: from the separator before it to the one after it. */
function clauseOf(t: Tok[], k: number): Tok[] {
  let a = k;
  while (a > 0 && !SEPS.has(t[a - 1].text)) a -= 1;
  let b = k;
  while (b + 1 < t.length && !SEPS.has(t[b + 1].text)) b += 1;
  return t.slice(a, b + 1);
}

/** "you're pricier than X", "X came in cheaper than yours": a comparison with us on the other side. */
function comparedWithUs(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  // The name after "than": us before the comparative, in its clause.
  if (t[span.start - 1]?.lower === 'than') {
    for (let k = span.start - 2; k >= Math.max(0, span.start - 4); k -= 1) {
      if (comparativeThan(t, k) !== span.start - 1) continue;
      const before = clauseOf(t, k).filter((x) => x.i < k);
      return before.some((x) => US.has(x.lower)) && !negated(s, k);
    }
    return false;
  }
  // The name before the comparative, "than" us after it.
  for (let k = span.end + 1; k < Math.min(t.length, span.end + 7); k += 1) {
    if (SEPS.has(t[k].text)) return false;
    const than = comparativeThan(t, k);
    if (than >= 0) return US.has(t[than + 1]?.lower ?? '') && !negated(s, k);
    // "whether X would be cheaper": a price or a quality asked about, the comparison with us left implied.
    if (t[k].lemma === 'be' && ['would', 'could', 'might'].includes(t[k - 1]?.lower ?? '') && ['whether', 'if'].includes(t[span.start - 1]?.lower ?? '')) {
      return (t[k + 1]?.lower === 'cheaper' || (t[k + 1]?.lower === 'better' && t.some((x) => MARKET.has(x.lemma)))) && !negated(s, k);
    }
  }
  return false;
}

/** What a buyer sends the vendors it weighs. */
const PAPERS = new Set(['rfp', 'rfi', 'rfq', 'tender', 'brief', 'requirements', 'requirement', 'questionnaire', 'spec', 'specification', 'invitation']);
const GOT = new Set(['receive', 'get', 'have']);
const SENT = new Set(['send', 'issue', 'circulate', 'forward', 'give', 'share', 'email']);
/** "X and Y have both received our RFP", "the tender went to X", "we sent the requirements to X". */
function receivedOurPapers(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  const paper = (xs: Tok[]) => xs.some((x) => PAPERS.has(x.lower) || PAPERS.has(x.lemma));
  // The subject: past other names of the list, auxiliaries and "both/also".
  let k = span.end + 1;
  while (t[k] && ([',', 'and', '&'].includes(t[k].lower) || (t[k].cap && t[k].pos === 'PROPN') || t[k].pos === 'AUX' || ['both', 'also', 'all', 'already'].includes(t[k].lower))) k += 1;
  const v = t[k];
  if (v && v.pos === 'VERB' && GOT.has(v.lemma) && !negated(s, k) && ['our', 'the'].includes(t[k + 1]?.lower ?? '') && paper(t.slice(k + 1, k + 4))) return true;
  // The recipient: "…to X" after a sending verb whose object is the paper.
  if (t[span.start - 1]?.lower !== 'to') return false;
  const clause = clauseOf(t, span.start - 1).filter((x) => x.i < span.start - 1);
  const send = clause.find((x) => (SENT.has(x.lemma) || x.lemma === 'go') && x.pos === 'VERB' && !negated(s, x.i));
  return !!send && paper(clause);
}

const FIGURES = new Set(['figure', 'number', 'numbers', 'rate', 'rates', 'estimate', 'ballpark', 'costing', 'price', 'pricing', 'quote']);
const PRICE = new Set(['price', 'pricing', 'cost', 'per-seat', 'seat', 'licence', 'license', 'cheaper', 'lower', 'higher', 'budget', 'renewal', 'market', 'uplift', 'discount']);
/** "we asked X for their figures": an organisation ("their") asked for its numbers, in a sentence about price. */
function askedForNumbers(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  const ask = t[span.start - 1];
  if (!ask || !['ask', 'request', 'approach', 'get'].includes(ask.lemma) || negated(s, ask.i)) return false;
  if (t[span.end + 1]?.lower !== 'for' || !['their', 'a', 'an', 'some'].includes(t[span.end + 2]?.lower ?? '')) return false;
  return t.slice(span.end + 3, span.end + 6).some((x) => FIGURES.has(x.lemma) || FIGURES.has(x.lower)) && t.some((x) => PRICE.has(x.lemma) || PRICE.has(x.lower));
}

/** Labels a note puts before the names it lists. */
const LABEL = new Set(['comp', 'comps', 'competitor', 'competitors', 'competition', 'competitive', 'rival', 'rivals', 'vs']);
/** "Comp: X", "Competitors: X, Y": the label opens the sentence and the name is in its list. */
function underLabel(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  let k = span.start - 1;
  while (k >= 0 && (t[k].text === ',' || ['and', 'or', '&', '+', '/', 'maybe'].includes(t[k].lower) || (t[k].cap && t[k].pos === 'PROPN'))) k -= 1;
  return t[k]?.text === ':' && k === 1 && LABEL.has(t[0].lower);
}

/** "X are pitching too", "X is bidding as well": a vendor's selling act with no object, in its own clause. */
function sellingAlone(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  let k = span.end + 1;
  while (t[k] && (t[k].pos === 'AUX' || ['also', 'both', 'now', 'still', 'already'].includes(t[k].lower))) k += 1;
  const v = t[k];
  if (!v || v.pos !== 'VERB' || !['pitch', 'bid', 'tender', 'quote'].includes(v.lemma) || negated(s, k)) return false;
  const next = t[k + 1];
  return !next || SEPS.has(next.text) || ['too', 'again', 'as'].includes(next.lower);
}

/** What a buyer has each vendor do in turn. */
const SHOW = new Set(['session', 'demo', 'workshop', 'presentation', 'pitch', 'walkthrough', 'walk-through', 'exercise', 'scenario', 'questionnaire', 'brief', 'test', 'pilot', 'trial', 'poc', 'script']);
/** "X were in the same room the day after, doing basically the same session": the same show, put on by another vendor. */
function sameShow(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  // The name is the subject, not where someone comes from ("Marta from X will run the same workshop").
  if (['from', 'at', 'of', 'with', 'for', 'by'].includes(t[span.start - 1]?.lower ?? '')) return false;
  const verb = t.slice(span.end + 1, span.end + 4).find((x) => x.pos === 'VERB' || x.pos === 'AUX');
  if (!verb || negated(s, verb.i)) return false;
  return t.slice(span.end + 1, span.end + 16).some((x, j, xs) => x.lower === 'same' && xs.slice(j + 1, j + 3).some((y) => SHOW.has(y.lemma) && y.pos === 'NOUN'));
}

/** What a buyer asks of each vendor it weighs (not an invoice: every supplier sends those). */
const EVAL_DOC = new Set(['soc', 'iso', 'questionnaire', 'proposal', 'quote', 'pricing', 'bid', 'offer', 'certificate', 'certification', 'pentest', 'pen', 'dpa', 'references', 'roadmap', 'deck', 'rfp', 'demo']);
/** Words that make "better" a buyer's comparison. */
const MARKET = new Set(['price', 'pricing', 'cost', 'tool', 'platform', 'vendor', 'software', 'product', 'option', 'fit', 'deal', 'you', 'your']);
/** "We need your SOC 2 report; X already sent theirs": the same thing asked of us, already given by them. */
function theirsToo(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  const theirs = t.slice(span.end + 1, span.end + 5).findIndex((x) => x.lower === 'theirs');
  if (theirs < 0) return false;
  const v = t.slice(span.end + 1, span.end + 1 + theirs).find((x) => x.pos === 'VERB');
  return !!v && !negated(s, v.i) && t.slice(0, span.start).some((x, k) => x.lower === 'your' && t.slice(k + 1, k + 4).some((y) => EVAL_DOC.has(y.lower) || EVAL_DOC.has(y.lemma)));
}

/** "Our ops director is pushing for X, says it does everything yours does": advocacy for a vendor, with us in the sentence. */
function advocated(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  const prep = t[span.start - 1];
  const verb = t[span.start - 2];
  if (prep?.lower !== 'for' || !verb || !['push', 'lobby', 'argue', 'campaign'].includes(verb.lemma) || negated(s, verb.i)) return false;
  // (Not a purpose: "pushing for Hamburg to go live first".)
  return t[span.end + 1]?.lower !== 'to' && t.some((x) => US.has(x.lower));
}

/** The name fills one of these slots. */
export function weighedSlot(s: Sent, span: NameSpan): boolean {
  return comparedWithUs(s, span) || receivedOurPapers(s, span) || askedForNumbers(s, span) || underLabel(s, span) || sellingAlone(s, span) || sameShow(s, span) || theirsToo(s, span) || advocated(s, span);
}

/** "We want to see how both platforms would sit alongside our TMS": two vendors weighed, the one just named and us. */
export function weighsBoth(s: Sent): boolean {
  return / (?:both|the two|either) (?:platform|tool|vendor|product|solution|option|system|offering|supplier|provider|bid|proposal|quote)s? /.test(` ${s.toks.map((x) => x.lemma).join(' ')} `);
}

/** "…standardising on it instead of your platform", "would take it over you": a pronoun put in our place. */
export function pronounInOurPlace(s: Sent, after: number): boolean {
  const t = s.toks;
  return t.some((x, k) => {
    if (k <= after || x.lower !== 'it' || negated(s, k)) return false;
    const rest = t.slice(k + 1, k + 5).map((y) => y.lower);
    const placed = (rest[0] === 'instead' && rest[1] === 'of') ? rest[2] : rest[0] === 'over' ? rest[1] : (rest[0] === 'rather' && rest[1] === 'than') ? rest[2] : undefined;
    return !!placed && US.has(placed) && !t.slice(0, k).some((y) => ['never', 'nobody'].includes(y.lower));
  });
}

const WHEN = new Set(['yesterday', 'today', 'tomorrow', 'tonight', 'morning', 'afternoon', 'evening', 'week', 'month', 'year', 'night']);
const PERSONAL = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself']);
/** A name that modifies a noun ("the Turin branch") or owns one ("Lumora's sales guy") is never the person meant. */
function modifier(sents: Sent[], r: { sent: number; end: number }): boolean {
  const t = sents[r.sent].toks;
  const next = t[r.end + 1];
  // ("The director's been…" is "has": no possessive.)
  return !!next && ((next.text === "'s" && ['NOUN', 'ADJ'].includes(t[r.end + 2]?.pos ?? '')) || (next.pos === 'NOUN' && !next.cap && !WHEN.has(next.lemma)));
}
/** The name is what a later "he"/"she"/"her" in the text stands for, with no other person it could be: a person, whatever slot it filled. */
export function calledAPerson(sents: Sent[], si: number, span: NameSpan): boolean {
  const self = (r: { sent: number; start: number; end: number }) => r.sent === si && r.start === span.start && r.end === span.end;
  // A subject before it ("Our new CRO ran X at her last company") is who the pronoun is more likely about.
  const t = sents[si].toks;
  const verb = t.findIndex((x) => x.pos === 'VERB' || x.pos === 'AUX');
  if (t.slice(0, Math.min(verb < 0 ? t.length : verb, span.start)).some((x) => ['NOUN', 'PROPN', 'PRON'].includes(x.pos))) return false;
  for (let j = si; j < Math.min(sents.length, si + 3); j += 1) {
    for (const [k, x] of sents[j].toks.entries()) {
      if (!PERSONAL.has(x.lower) || (j === si && k <= span.end)) continue;
      const ref = antecedentOf(sents, j, k, { reject: (r) => modifier(sents, r) });
      // "Greta had a call with X and she liked it": another person it could be leaves it open.
      if (ref && self(ref) && !antecedentOf(sents, j, k, { reject: (r) => self(r) || modifier(sents, r) })) return true;
    }
  }
  return false;
}

const OFFERED = new Set(['demo', 'quote', 'proposal', 'pricing', 'price', 'offer', 'bid', 'pitch', 'presentation', 'trial', 'pilot', 'poc', 'deck', 'terms', 'contract']);
/** "Thanks for the demo yesterday, Sam. X's was much weaker.": the name's elided thing, the one just named, judged against ours. */
export function elidedComparison(before: Sent | undefined, s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  if (!(t[span.end + 1]?.text === "'s" || t[span.end + 1]?.text === "'")) return false;
  const be = t[span.end + 2];
  if (!be || be.lemma !== 'be' || negated(s, be.i)) return false;
  const judged = [1, 2, 3].some((j) => comparativeAt(t, be.i + j) > 0);
  return judged && [...(before?.toks ?? []), ...t].some((x) => OFFERED.has(x.lemma) && x.pos === 'NOUN');
}

/** "Lost the Hamburg depot to X" in our notes, "you lost the Leeds lanes to X": business of ours won by a rival (not the
 * customer's own loss, "we lost the tender to X", said by the customer). */
export function lostToRival(s: Sent, span: NameSpan, reported: boolean): boolean {
  const t = s.toks;
  if (t[span.start - 1]?.lower !== 'to') return false;
  for (let k = span.start - 2; k >= Math.max(0, span.start - 8); k -= 1) {
    if (SEPS.has(t[k].text)) return false;
    if (t[k].lemma !== 'lose' || t[k].pos !== 'VERB' || negated(s, k)) continue;
    const who = t[k - 1]?.lower;
    return US.has(who ?? '') || (reported && (k === 0 || who === 'we'));
  }
  return false;
}
