// A step said of the deal itself: the paper, the money or the approval is the subject and a verdict
// its predicate, in the passive or as an intransitive ("the requisition for the subscription has been
// raised", "Ama's sign-off on the renewal came through", "the funding has been ring-fenced", "the MSA
// is agreed", "security review of your platform: passed"). The same verdict said of a pronoun
// ("It cleared", "Dmitri signed it off", "consider it cleared by legal") counts when the deal was named
// before it in the message. Read from the tokens, so any noun-phrase length or word order in between
// is one reading; whose deal it is, negation and conditions stay with the caller.
import type { Hit } from './frames.js';
import type { Sent } from './nlp.js';
import { lookup } from '../lookup.js';

/** The heads of a deal as a noun: the paper, the money, the approval, the purchase. */
const DEAL_HEADS = new Set(['quote', 'quotation', 'proposal', 'contract', 'msa', 'agreement', 'po', 'requisition', 'budget', 'funding', 'spend', 'sign-off', 'signoff',
  'approval', 'renewal', 'paperwork', 'dpa', 'sow', 'questionnaire', 'purchase', 'deal', 'investment', 'redline', 'redlines', 'award', 'money', 'fund']);
/** Heads that are the deal only with the word before them: "order form", "business case", "budget request", "security review". */
const MODIFIED: Record<string, Set<string>> = {
  form: new Set(['order', 'supplier', 'vendor']),
  case: new Set(['business']),
  request: new Set(['budget', 'purchase', 'spend', 'funding', 'approval']),
  order: new Set(['purchase']),
  review: new Set(['security', 'infosec', 'vendor', 'supplier', 'legal', 'procurement', 'risk', 'compliance', 'privacy', 'contract', 'test', 'pentest']),
  assessment: new Set(['security', 'risk', 'vendor', 'supplier', 'privacy']),
  report: new Set(['soc', '2', 'soc2', 'test', 'pentest']),
};

/** Verdicts that move a purchase on, as lemmas of the predicate. */
const VERDICTS = new Set(['approve', 'raise', 'sign', 'countersign', 'execute', 'clear', 'pass', 'grant', 'agree', 'accept', 'release', 'submit', 'ring-fenced', 'ringfenced', 'ring-fence',
  'ringfence', 'earmark', 'allocate', 'secure', 'authorise', 'authorize', 'sanction', 'greenlight', 'green-lit', 'greenlit', 'rubber-stamp', 'rubber-stamped', 'finalise', 'finalize', 'sort', 'okay']);
/** Intransitives that need their particle: "came through", "went in", "got through". */
const PHRASAL: Record<string, Set<string>> = { come: new Set(['through', 'thru']), go: new Set(['through', 'thru', 'in']), get: new Set(['through', 'thru']), sail: new Set(['through', 'thru']) };

/** Clause openers: after these a new subject may start ("Luca says the request was granted", "…, and it cleared"). */
const OPENERS = new Set(['and', 'but', 'so', 'that', 'also', 'now', 'then', 'yes', 'yeah', 'good', 'news', 'update', 'fyi', 'btw', 'ok', 'okay']);
const REPORTING = new Set(['say', 'tell', 'mention', 'confirm', 'report', 'hear', 'mean', 'note', 'think', 'write', 'see', 'understand']);
const PRONOUNS = new Set(['it', 'this', 'that']);

/** Whether token k is a deal head (with its modifier where one is needed). */
function dealHead(s: Sent, k: number): boolean {
  const t = s.toks[k];
  if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'VERB') return false;
  if (DEAL_HEADS.has(t.lemma)) return t.pos !== 'VERB' || s.toks[k - 1]?.pos === 'DET';
  const mod = lookup(MODIFIED, t.lemma);
  return Boolean(mod && k > 0 && mod.has(s.toks[k - 1].lemma));
}

/** Whether the message names a deal anywhere in these sentences (for a pronoun that stands for it). */
export function namesDeal(sents: Sent[]): boolean {
  return sents.some((s) => s.toks.some((_, k) => dealHead(s, k)));
}

/** The verdict at k (with its particle), or -1: a past participle or past form, not a bare or -ing form. */
function verdictAt(s: Sent, k: number): number {
  const t = s.toks[k];
  if (!t || (t.pos !== 'VERB' && t.pos !== 'ADJ' && t.pos !== 'AUX')) return -1;
  const done = (t.lower !== t.lemma || t.lower.endsWith('ed')) && !t.lower.endsWith('ing');
  if (!done) return -1;
  if (VERDICTS.has(t.lemma)) return ['off'].includes(s.toks[k + 1]?.lower ?? '') ? k + 1 : k;
  if (lookup(PHRASAL, t.lemma)?.has(s.toks[k + 1]?.lower ?? '')) return k + 1;
  return -1;
}

/** Where the clause holding token k starts: after punctuation, a conjunction, or a verb of saying. */
function clauseStart(s: Sent, k: number): number {
  for (let j = k - 1; j >= 0; j -= 1) {
    const t = s.toks[j];
    if (t.pos === 'PUNCT' || OPENERS.has(t.lower) || (t.pos === 'VERB' && REPORTING.has(t.lemma))) return j + 1;
  }
  return 0;
}

/** The predicate after a subject ending at k: auxiliaries, adverbs, "been", a colon; then the verdict. */
/** Who a deal goes through on the buyer's side. */
const BODIES = new Set(['board', 'committee', 'finance', 'legal', 'procurement', 'approval', 'process', 'chain', 'review', 'security', 'exec', 'leadership', 'cfo', 'ceo', 'coo', 'purchasing', 'counsel']);

function predicate(s: Sent, from: number, colon: boolean): number {
  let j = from;
  if (colon && [':', '-', '–', '—'].includes(s.toks[j]?.text ?? '')) j += 1;
  while (j < s.toks.length && (s.toks[j].pos === 'AUX' || s.toks[j].pos === 'ADV' || s.toks[j].pos === 'PART') && verdictAt(s, j) < 0) {
    if (['not', "n't", 'never'].includes(s.toks[j].lower)) return -1;
    j += 1;
  }
  const v = verdictAt(s, j);
  // Said of the deal, not done by it: "it cleared nothing up", "that sorted itself out" have objects of their own.
  const next = s.toks[v + 1];
  const when = next?.pos === 'DET' && ['morning', 'afternoon', 'evening', 'week', 'month', 'quarter', 'time'].includes(s.toks[v + 2]?.lemma ?? '');
  // "went through the board", "sailed through the steering committee": the particle's object is who approves.
  const past = v > j && next?.pos === 'DET' && s.toks.slice(v + 2, v + 5).some((t) => BODIES.has(t.lemma));
  if (v >= 0 && next && !when && !past && (['DET', 'PRON'].includes(next.pos) || ['up', 'out', 'nothing'].includes(next.lower))) return -1;
  return v >= 0 ? j : -1;
}

/** What a deal "for" something buys when it is ours: the product, its seats, its renewal. */
const FOR_OURS = new Set(['platform', 'tool', 'renewal', 'licence', 'license', 'seat', 'user', 'subscription', 'upgrade', 'rollout', 'module', 'add-on', 'addon', 'plan', 'tier',
  'edition', 'product', 'service', 'software', 'solution', 'expansion', 'you', 'it', 'this', 'that', 'purchase', 'contract', 'order', 'deal', 'term', 'year',
  // The people, places and periods it is bought for: "the licences for the Lisbon team", "the spend for Q1".
  'team', 'office', 'department', 'site', 'region', 'branch', 'unit', 'group', 'staff', 'people', 'analyst', 'agent', 'planner', 'rep', 'manager', 'developer', 'dev', 'engineer',
  'month', 'quarter', 'q1', 'q2', 'q3', 'q4', 'fy', 'period', 'cycle', 'them', 'us', 'signature', 'approval', 'review', 'sign-off', 'price', 'pricing', 'access', 'workspace', 'account',
  'package', 'bundle', 'option', 'proposal', 'quote', 'agreement', 'msa', 'paperwork', 'payment', 'invoice', 'period', 'everyone', 'all', 'both', 'each', 'one', 'two', 'three']);

/**
 * The subject's own tail is about our deal: not "the deal with the Danish retailer", not "the budget for
 * the depot refit"; a "for" phrase must end on something of ours or name "your".
 */
export function oursAfter(s: Sent, from: number, to: number): boolean {
  const tail = s.toks.slice(from, to);
  const w = tail.findIndex((t) => t.lower === 'with');
  if (w >= 0 && !['you', 'your', 'us'].includes(tail[w + 1]?.lower ?? '')) return false;
  return forOurs(s, from, to);
}

/** A "for" phrase in tokens from..to, if any, ends on something of ours or names "your". */
export function forOurs(s: Sent, from: number, to: number): boolean {
  const tail = s.toks.slice(from, to);
  const f = tail.findIndex((t) => t.lower === 'for');
  if (f < 0 || tail.slice(f).some((t) => t.lower === 'your')) return true;
  // The head of the noun phrase after "for": its last word before anything that is not a determiner, modifier or noun.
  let e = f + 1;
  while (e < tail.length && (['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PRON'].includes(tail[e].pos) || tail[e].lower.includes('-'))) e += 1;
  const head = [...tail.slice(f + 1, e)].reverse().find((t) => t.pos !== 'DET');
  return !head || FOR_OURS.has(head.lemma);
}

const hit = (s: Sent, start: number, end: number): Hit => {
  const text = s.toks.slice(start, end + 1).map((t) => t.lemma).join(' ');
  return { start, end, m: Object.assign([` ${text} `], { index: 0, input: text }) as RegExpExecArray };
};

/**
 * Deal nouns as the subject of a verdict, and pronouns for a deal named before (earlier says whether an
 * earlier sentence of the message named one). Questions ("has the PO been raised?") are ours to ask.
 */
export function dealVerdicts(s: Sent, earlier: boolean, goods = false): Hit[] {
  if (s.toks.some((t) => t.text === '?')) return [];
  const out: Hit[] = [];
  const named = (k: number) => earlier || s.toks.slice(0, k).some((_, j) => dealHead(s, j));
  for (let k = 0; k < s.toks.length; k += 1) {
    const t = s.toks[k];
    const start = clauseStart(s, k);
    if (dealHead(s, k)) {
      // The subject: no verb between the clause start and the head ("we ran your SOC 2 report past…" is an object).
      if (s.toks.slice(start, k).some((x) => x.pos === 'VERB')) continue;
      // The head's own prepositional phrase may run on: "the requisition for the 2027 subscription has been raised".
      let j = k + 1;
      while (j < s.toks.length && j - k <= 7 && !['AUX', 'VERB', 'PUNCT'].includes(s.toks[j].pos)) j += 1;
      if (!oursAfter(s, k + 1, j)) continue;
      const v = predicate(s, j, true);
      if (v >= 0) out.push(hit(s, k, verdictAt(s, v)));
      continue;
    }
    if (PRONOUNS.has(t.lower) && t.pos === 'PRON' && named(k)) {
      // "It cleared", "it's signed": the pronoun as the subject.
      if (start === k || s.toks.slice(start, k).every((x) => x.pos !== 'VERB')) {
        const v = predicate(s, k + 1, false);
        if (v >= 0) { out.push(hit(s, k, verdictAt(s, v))); continue; }
      }
      // "Dmitri signed it off", "consider it cleared": the pronoun as the object of a verdict or of "consider".
      const before = s.toks[k - 1];
      if (before && verdictAt(s, k - 1) >= 0 && (s.toks[k + 1]?.lower === 'off' || before.lemma !== 'sort')) out.push(hit(s, k - 1, k));
      else if (before?.lemma === 'consider' && verdictAt(s, k + 1) >= 0) out.push(hit(s, k - 1, k + 1));
    }
    // "Raj signed off on it!!": a verdict on the pronoun, where the message names what is bought even after it.
    if (PRONOUNS.has(t.lower) && t.pos === 'PRON' && (named(k) || goods) && s.toks[k - 1]?.lower === 'on' && s.toks[k - 2]?.lower === 'off' && verdictAt(s, k - 3) >= 0) {
      const next = s.toks[k + 1];
      if (!next || next.pos === 'PUNCT' || ['and', 'so', 'yesterday', 'today', 'this', 'last'].includes(next.lower)) out.push(hit(s, k - 3, k));
    }
  }
  return out;
}

/** What a named vendor sells: "Gong licences", "Clari's rollout". */
const GOODS = new Set(['licence', 'license', 'seat', 'subscription', 'platform', 'tool', 'module', 'rollout', 'product', 'software', 'contract', 'quote', 'proposal', 'renewal', 'deal', 'agreement', 'pricing', 'terms']);

/**
 * Goods or paper of a named party that is not us: "the purchase of Gong licences", "budget for Gong's
 * rollout". A name is a capitalised word the model does not know, owning the goods with "'s" or
 * naming them after "of"/"for".
 */
export function othersGoods(s: Sent): boolean {
  return s.toks.some((t, k) => {
    if (k === 0 || !t.cap || t.known || t.pos === 'VERB') return false;
    const poss = s.toks[k + 1]?.text === "'s" || s.toks[k + 1]?.text === '’s';
    const next = s.toks[k + (poss ? 2 : 1)];
    const head = next && GOODS.has(next.lemma) ? next : s.toks[k + (poss ? 3 : 2)];
    if (!head || !GOODS.has(head.lemma)) return false;
    return poss || ['of', 'for'].includes(s.toks[k - 1].lower);
  });
}
