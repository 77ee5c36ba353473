// What a pronoun or a subjectless sentence refers to, for frames that must know who or what "it",
// "they", "she" or "Too slow." is about: the most recent noun phrase or name before it, in the same
// sentence or up to a few sentences back, that agrees with it (a person for he/she, a thing or an
// organisation for it, a group, a plural or an organisation for they). Salience is recency only;
// callers that know which names are people or organisations (contacts, the account, competitors)
// say so, and may veto candidates (an organisation they read as "us").
import type { Sent, Tok } from './nlp.js';
import { nameSpans } from './frames.js';
import { lookup } from '../lookup.js';

export type ReferentKind = 'person' | 'org' | 'thing' | 'group' | 'name';

export interface Referent {
  /** As written ("the renewal quote", "Brightline Systems", "Ana"). */
  text: string;
  kind: ReferentKind;
  plural: boolean;
  /** Index of its sentence in the list given, and its token span there. */
  sent: number;
  start: number;
  end: number;
}

export interface ReferenceOptions {
  /** How many sentences back to look (default 3). */
  window?: number;
  /** Names known to be people (contact names; a first name matches too). */
  people?: string[];
  /** Names known to be organisations or products (the account, competitors, tools). */
  orgs?: string[];
  /** A candidate the caller rules out (e.g. our own product). */
  reject?: (r: Referent) => boolean;
}

/** Words that end a company's name or a name that is a company. */
const ORG_WORD = new Set(['inc', 'inc.', 'ltd', 'ltd.', 'llc', 'gmbh', 'ag', 'sa', 'plc', 'corp', 'corp.', 'co', 'co.', 'group', 'systems', 'labs', 'logistics', 'software', 'technologies', 'solutions', 'partners', 'holdings', 'bank', 'ventures', 'analytics', 'health', 'foods', 'freight', 'capital', 'consulting', 'media', 'networks']);
/** Nouns for a person (he/she can point at them). */
const PERSON_NOUN = new Set(['manager', 'director', 'colleague', 'boss', 'lead', 'head', 'ceo', 'cfo', 'cto', 'coo', 'cio', 'vp', 'founder', 'owner', 'champion', 'admin', 'administrator', 'engineer', 'analyst', 'controller', 'buyer', 'rep', 'guy', 'woman', 'man', 'person', 'contact', 'successor', 'predecessor', 'replacement', 'hire', 'consultant', 'officer', 'president', 'chair', 'coordinator', 'specialist', 'architect', 'developer', 'recruiter', 'assistant', 'supervisor']);
/** Officers' titles as acronyms ("CRO", "CMO", "CISO", "SVP", "GM"): a person, as "manager" is. */
const OFFICER = /^(?:c[a-z]o|ciso|chro|[aes]?vp|gm|md)$/;
const personNoun = (lemma: string) => PERSON_NOUN.has(lemma) || OFFICER.test(lemma);
/** Nouns for a body of people or an organisation (they can point at them in the singular). */
const GROUP_NOUN = new Set(['team', 'company', 'vendor', 'provider', 'supplier', 'department', 'board', 'people', 'folks', 'guys', 'staff', 'management', 'leadership', 'committee', 'finance', 'procurement', 'legal', 'it', 'security', 'partner', 'customer', 'client', 'agency', 'firm', 'startup', 'competitor', 'rival', 'parent', 'subsidiary', 'business', 'organisation', 'organization', 'group', 'office', 'site', 'branch', 'division', 'unit']);
/** Nouns that only place a thing in time: never what "it" is about. */
const TIME_NOUN = new Set(['day', 'week', 'month', 'year', 'quarter', 'time', 'today', 'tomorrow', 'yesterday', 'morning', 'afternoon', 'evening', 'night', 'tonight', 'spring', 'summer', 'autumn', 'fall', 'winter', 'season', 'period', 'holiday', 'holidays', 'moment', 'minute', 'hour', 'weekend', 'eod', 'eow', 'q1', 'q2', 'q3', 'q4', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'thanks', 'hi', 'hello']);
const PRONOUN_KIND: Record<string, 'it' | 'they' | 'person' | 'that'> = {
  it: 'it', its: 'it', itself: 'it', they: 'they', them: 'they', their: 'they', theirs: 'they', themselves: 'they',
  he: 'person', him: 'person', his: 'person', himself: 'person', she: 'person', her: 'person', hers: 'person', herself: 'person', that: 'that', this: 'that',
};

const lowerAll = (xs: string[] | undefined) => (xs ?? []).map((x) => x.toLowerCase());

/** Every referent candidate of a sentence, in order of its end token. */
function candidates(s: Sent, si: number, opts: ReferenceOptions): Referent[] {
  const people = lowerAll(opts.people);
  const orgs = lowerAll(opts.orgs);
  const out: Referent[] = [];
  const t = s.toks;
  const names = nameSpans(s);
  for (const n of names) {
    const low = n.name.toLowerCase();
    const words = low.split(/\s+/);
    const isPerson = people.some((p) => p === low || p.split(/\s+/)[0] === words[0]);
    const isOrg = orgs.some((o) => o === low || low.startsWith(`${o} `) || o.startsWith(`${low} `)) || ORG_WORD.has(words[words.length - 1]);
    out.push({ text: n.name, kind: isPerson ? 'person' : isOrg ? 'org' : 'name', plural: false, sent: si, start: n.start, end: n.end });
  }
  // Common-noun phrases: a head noun (the last noun of a run) with its determiners and modifiers.
  for (let k = 0; k < t.length; k += 1) {
    const x = t[k];
    // A capitalised department or role ("Procurement", "Legal") is tagged a proper noun but is a common one.
    const common = x.pos === 'NOUN' || (x.pos === 'PROPN' && (GROUP_NOUN.has(x.lemma) || personNoun(x.lemma)));
    if (!common || names.some((n) => n.start <= k && k <= n.end)) continue;
    // Not the head when a noun follows, unless that noun only places it in time ("the vendor yesterday").
    if (t[k + 1] && t[k + 1].pos === 'NOUN' && !TIME_NOUN.has(t[k + 1].lemma)) continue;
    if (TIME_NOUN.has(x.lemma) || TIME_NOUN.has(x.lower)) continue;
    let a = k;
    while (a > 0 && ['NOUN', 'ADJ', 'DET', 'NUM', 'PROPN'].includes(t[a - 1].pos) && !names.some((n) => n.end === a - 1 && t[a - 1].pos === 'PROPN' && n.start < a - 1)) a -= 1;
    while (a > 0 && (['our', 'your', 'my', 'their', 'his', 'her', 'its'].includes(t[a - 1].lower) || t[a - 1].text === "'s")) a -= t[a - 1].text === "'s" ? 2 : 1;
    a = Math.max(0, a);
    const plural = x.lower !== x.lemma && /s$/.test(x.lower);
    const kind: ReferentKind = personNoun(x.lemma) ? 'person' : GROUP_NOUN.has(x.lemma) ? 'group' : 'thing';
    out.push({ text: text(t, a, k), kind, plural, sent: si, start: a, end: k });
  }
  return out.sort((p, q) => p.end - q.end || q.start - p.start);
}

function text(t: Tok[], a: number, b: number): string {
  return t.slice(a, b + 1).map((x, n) => (n > 0 && !/^['’]/.test(x.text) ? ' ' : '') + x.text).join('');
}

function agrees(r: Referent, kind: 'it' | 'they' | 'person' | 'that'): boolean {
  switch (kind) {
    case 'person': return r.kind === 'person' || (r.kind === 'name' && !r.plural);
    case 'it': return !r.plural && (r.kind === 'thing' || r.kind === 'org' || r.kind === 'name');
    case 'that': return !r.plural && (r.kind === 'thing' || r.kind === 'org');
    case 'they': return r.plural || r.kind === 'org' || r.kind === 'group';
    default: return false;
  }
}

/** Whether token i is a pronoun this resolver reads ("that"/"this" only standing alone, not before their noun). */
export function isReferring(s: Sent, i: number): boolean {
  const t = s.toks[i];
  if (!t || !lookup(PRONOUN_KIND, t.lower)) return false;
  if ((t.lower === 'that' || t.lower === 'this') && (t.pos !== 'PRON' && t.pos !== 'DET' || ['NOUN', 'ADJ', 'PROPN', 'NUM'].includes(s.toks[i + 1]?.pos ?? ''))) return false;
  if (t.lower === 'that' && t.pos === 'SCONJ') return false;
  // "her" before a noun is a possessive and still a person; "it" in "make it", "it's raining" stays a pronoun: the caller decides use.
  return true;
}

/**
 * The referent of the pronoun at token i of sentence si: the most recent agreeing candidate before it
 * in that sentence, else in the sentences before (back to `window`). Undefined for I/we/you and when
 * nothing agrees.
 */
export function antecedentOf(sents: Sent[], si: number, i: number, opts: ReferenceOptions = {}): Referent | undefined {
  const s = sents[si];
  if (!s || !isReferring(s, i)) return undefined;
  const kind = PRONOUN_KIND[s.toks[i].lower];
  const window = opts.window ?? 3;
  // "She ran it at her last company": a pronoun of the same kind (and sex) earlier in the sentence, with
  // nothing agreeing in between, is the same one; it carries the referent.
  const before = kind === 'that' ? -1 : sameEarlierPronoun(s, i);
  if (before >= 0 && !candidates(s, si, opts).some((r) => r.start > before && r.end < i && agrees(r, kind) && !(opts.reject?.(r)))) {
    return antecedentOf(sents, si, before, opts);
  }
  // A pronoun subject at the head of its clause continues the topic: the subject before it, if that agrees, beats a later object.
  const head = ['it', 'they', 'he', 'she'].includes(s.toks[i].lower) && (i === 0 || s.toks[i - 1].pos === 'PUNCT' || s.toks[i - 1].pos === 'CCONJ');
  for (let k = si; k >= 0 && k >= si - window; k -= 1) {
    const subject = head && k < si ? subjectOf(sents[k], k, opts) : undefined;
    if (subject && subject.kind !== 'pronoun' && agrees(subject as Referent, kind) && !(opts.reject?.(subject as Referent))) return subject as Referent;
    const pool = candidates(sents[k], k, opts).filter((r) => (k < si || r.end < i) && agrees(r, kind) && !(opts.reject?.(r)));
    // In the pronoun's own sentence, a candidate in the same clause as the pronoun's verb is its co-argument, not its referent
    // ("Brightline sent us their deck" is fine; "the deck mentions it" does not make "it" the deck).
    const own = k === si ? pool.filter((r) => !sameClauseObject(sents[k], r, i)) : pool;
    if (own.length) return own[own.length - 1];
  }
  return undefined;
}

const FEMALE = new Set(['she', 'her', 'hers', 'herself']);
/** The last pronoun before token i of a sentence that reads as the same kind and sex, or -1. */
function sameEarlierPronoun(s: Sent, i: number): number {
  const kind = PRONOUN_KIND[s.toks[i].lower];
  const female = FEMALE.has(s.toks[i].lower);
  for (let j = i - 1; j >= 0; j -= 1) {
    const x = s.toks[j].lower;
    if (isReferring(s, j) && PRONOUN_KIND[x] === kind && (kind !== 'person' || FEMALE.has(x) === female)) return j;
  }
  return -1;
}

/** A candidate right before the pronoun in its own clause with no clause break, as the pronoun's subject: "the deck mentions it". */
function sameClauseObject(s: Sent, r: Referent, i: number): boolean {
  const between = s.toks.slice(r.end + 1, i);
  if (between.some((x) => x.pos === 'PUNCT' || ['and', 'but', 'so', 'because', 'if', 'when', 'once', 'since', 'that', 'which', 'who'].includes(x.lower))) return false;
  // A possessive, or a subject ("Ana said she would sign"), opens a phrase of its own: no object of that verb.
  const own = ['its', 'their', 'his', 'her', 'he', 'she', 'they'].includes(s.toks[i].lower);
  return !own && between.some((x) => x.pos === 'VERB');
}

/** The subject of a sentence: the name, noun phrase or pronoun before its first verb (undefined when it opens with its verb). */
export function subjectOf(s: Sent, si = 0, opts: ReferenceOptions = {}): Referent | { text: string; kind: 'pronoun'; start: number; end: number; sent: number } | undefined {
  const v = s.toks.findIndex((x) => x.pos === 'VERB' || x.pos === 'AUX');
  if (v <= 0) return undefined;
  const before = s.toks.slice(0, v);
  const pron = [...before].reverse().find((x) => x.pos === 'PRON' && ['i', 'we', 'you', 'he', 'she', 'it', 'they', 'this', 'that', 'someone', 'nobody', 'everyone'].includes(x.lower));
  const cands = candidates(s, si, opts).filter((r) => r.end < v);
  const np = cands[cands.length - 1];
  if (pron && (!np || pron.i > np.end)) return { text: pron.text, kind: 'pronoun', start: pron.i, end: pron.i, sent: si };
  return np;
}

/**
 * The subject a sentence leaves unsaid ("Dropped it last week.", "Too slow for the depots.", "Will send
 * it Friday."): the previous sentence's subject, a pronoun there resolved in turn. Undefined when the
 * sentence has a subject of its own.
 */
export function elidedSubject(sents: Sent[], si: number, opts: ReferenceOptions = {}): Referent | { text: string; kind: 'pronoun'; start: number; end: number; sent: number } | undefined {
  const s = sents[si];
  if (!s || si === 0) return undefined;
  const firstWord = s.toks.find((x) => x.pos !== 'PUNCT' && !['also', 'just', 'then', 'and', 'but', 'so', 'still', 'already', 'really', 'honestly'].includes(x.lower));
  if (!firstWord) return undefined;
  const hasVerb = s.toks.some((x) => x.pos === 'VERB' || x.pos === 'AUX');
  // With a verb: it opens the sentence and is not a bare imperative ("Send it Friday." has the reader as subject).
  if (hasVerb && !(['VERB', 'AUX'].includes(firstWord.pos) && !(firstWord.pos === 'VERB' && firstWord.lower === firstWord.lemma))) return undefined;
  // Without one: a predicate fragment ("Way too pricey for us."), not a greeting or a thanks.
  if (!hasVerb && !s.toks.some((x) => x.pos === 'ADJ' || (x.pos === 'ADV' && x.lower === 'too'))) return undefined;
  if (subjectOf(s, si, opts)) return undefined;
  const prev = subjectOf(sents[si - 1], si - 1, opts);
  if (prev && prev.kind === 'pronoun' && lookup(PRONOUN_KIND, prev.text.toLowerCase())) return antecedentOf(sents, si - 1, prev.start, opts) ?? prev;
  return prev;
}
