// What every frame needs from a sentence: its lemmas as one searchable line (so a frame names a
// lemma family once and reads every inflection: "left", "is leaving", "will leave"), the token a
// match starts at, names (proper-noun runs), negation and conditions, and noun phrases.
import { inVocabulary, isCommonWord, type Sent, type Tok } from './nlp.js';

export interface Hit { start: number; end: number; m: RegExpExecArray }

interface Lined { line: string; at: number[] }
const lines = new WeakMap<Sent, Lined>();

/** The sentence as " lemma lemma … " with the character offset of every token. */
export function lemmaLine(s: Sent): Lined {
  const hit = lines.get(s);
  if (hit) return hit;
  const at: number[] = [];
  let line = ' ';
  for (const t of s.toks) { at.push(line.length); line += `${t.lemma} `; }
  const out = { line, at };
  lines.set(s, out);
  return out;
}

function tokenAt(at: number[], offset: number): number {
  let lo = 0;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (at[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Every match of a pattern over the lemma line (write patterns as ` leave ` / `(step|stand) down`), with token spans. */
const globals = new WeakMap<RegExp, RegExp>();
export function findAll(s: Sent, re: RegExp, from = 0): Hit[] {
  const { line, at } = lemmaLine(s);
  // Cheap reject before any matching work: most frames do not occur in most sentences.
  let g = globals.get(re);
  if (!g) { g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`); globals.set(re, g); }
  g.lastIndex = 0;
  if (!g.test(line)) return [];
  g.lastIndex = 0;
  const out: Hit[] = [];
  for (const m of line.matchAll(g)) {
    const start = tokenAt(at, m.index + (m[0].startsWith(' ') ? 1 : 0));
    if (start < from) continue;
    const end = tokenAt(at, m.index + m[0].trimEnd().length - 1);
    out.push({ start, end, m });
  }
  return out;
}

export const first = (s: Sent, re: RegExp, from = 0): Hit | undefined => findAll(s, re, from)[0];

/** Lemma alternatives as a pattern group: words(['leave', 'quit']) → `(?:leave|quit)`. */
export const words = (xs: string[]) => `(?:${xs.join('|')})`;

const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'tomorrow', 'yesterday', 'q1', 'q2', 'q3', 'q4', 'eod', 'eow']);
const NOT_NAMES = new Set([
  'i', 'we', 'you', 'hi', 'hey', 'hello', 'thanks', 'thank', 'fyi', 'ps', 'sorry', 'ok', 'okay', 'yes', 'no', 'please', 'kindly', 'sure', 'noted', 'honestly', 'quick', 'just',
  'also', 'our', 'your', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'some', 'any', 'all', 'news', 'update', 'action', 'next', 'steps', 'step', 'ceo', 'cfo', 'cto', 'coo', 'cio',
  'vp', 'svp', 'head', 'director', 'manager', 'lead', 'chief', 'officer', 'team', 'api', 'sso', 'mfa', 'msa', 'sow', 'dpa', 'po', 'qbr', 'crm', 'erp', 'it', 'hr', 'qa', 'uat', 'saml',
  'soc', 'gdpr', 'eu', 'us', 'uk', 'emea', 'apac', 'nordics', 'legal', 'finance', 'procurement', 'marketing', 'sales', 'security', 'support', 'engineering', 'facilities', 'ops',
  'operations', 'board', 'pilot', 'trial', 'demo', 'contract', 'account', 'owner', 'change', 'resolved', 'requesting', 'need', 'attached', 'consider', 'let', 'starting', 'some',
  'welcome', 'heads', 'tbh', 'btw', 're', 'fw', 'fwd', 'q', 'dr', 'mr', 'ms', 'mrs', 'after', 'before', 'once', 'when', 'if', 'since', 'as', 'on', 'in', 'at', 'to', 'for', 'from', 'with',
  'by', 'and', 'or', 'but', 'so', 'then', 'there', 'here', 'they', 'he', 'she', 'it', 'what', 'who', 'how', 'why', 'where', 'which', 'could', 'can', 'would', 'will', 'should', 'do',
  'does', 'is', 'are', 'be', 'was', 'my', 'me', 'his', 'her', 'their', 'them', 'its', 'mid', 'end', 'customer', 'product', 'design', 'data', 'research', 'treasury',
]);

export interface NameSpan { name: string; start: number; end: number }

/** Runs of capitalised proper nouns that can name a person or an organisation (not a weekday, month or title). */
export function nameSpans(s: Sent): NameSpan[] {
  const out: NameSpan[] = [];
  const t = s.toks;
  for (let i = 0; i < t.length; i += 1) {
    if (!isNameTok(t[i], i)) continue;
    // A sentence-initial English word ("Clause 9.2 is fine") is a name only when a second name word or "'s" follows.
    // ("Dana has left" stays a name: a proper noun right before its verb.)
    if (i === 0 && inVocabulary(t[i].lower) && !(t[1] && (isNameTok(t[1], 1) || t[1].text === "'s" || t[1].text === ',' || ['AUX', 'VERB'].includes(t[1].pos)))) continue;
    let j = i;
    // Inside a name, capitalised words may be ordinary ones ("Ravelin Works", "Corvid Systems").
    while (j + 1 < t.length && (isNameTok(t[j + 1], j + 1) || (t[j + 1].cap && /^\p{Lu}\p{Ll}+$/u.test(t[j + 1].text) && !NOT_NAMES.has(t[j + 1].lower) && !DAYS.has(t[j + 1].lower) && ['NOUN', 'PROPN', 'VERB'].includes(t[j + 1].pos)))) j += 1;
    out.push({ name: t.slice(i, j + 1).map((x) => x.text).join(' '), start: i, end: j });
    i = j;
  }
  return out;
}

function isNameTok(t: Tok, i: number): boolean {
  if (!t.cap || DAYS.has(t.lower) || NOT_NAMES.has(t.lower) || !/^\p{Lu}[\p{L}.'-]*$/u.test(t.text)) return false;
  if (/^\p{Lu}+$/u.test(t.text) && t.text.length <= 4) return false; // acronyms: SSO, MSA, HR
  if (t.lemma !== t.lower && !/['’]s$/.test(t.lower)) return false; // names do not inflect: "Users" → user is a common noun
  // A sentence-initial capital is a name only when the model says proper noun.
  return i > 0 ? t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'VERB' : t.pos === 'PROPN' && !isCommonWord(t.lower);
}

/** Whether the model's negation scope reaches token i only across a clause break (its negator sits before a comma). */
function afterClauseBreak(s: Sent, i: number): boolean {
  for (let k = i - 1; k >= 0; k -= 1) {
    const t = s.toks[k];
    if (t.pos === 'PUNCT' && [',', ';', ':', '-', '–', '—'].includes(t.text)) return s.toks.slice(0, k).some((x) => ['not', 'no', 'never', "n't", 'nobody', 'nothing', 'none'].includes(x.lower));
    if (['not', 'no', 'never', "n't", 'nobody', 'nothing', 'none', 'without'].includes(t.lower)) return false;
  }
  return false;
}

/** Whether a token is negated: the model's negation scope, or a negator just before it ("no longer" is its own word, not a negation). */
/** Words of reluctance or doubt that a negator turns into eagerness: "won't hesitate to sign", "can't wait to roll it out", "no doubt we'll renew". */
const RELUCTANCE = new Set(['hesitate', 'wait', 'mind', 'doubt', 'delay']);

/** The negator at k denies reluctance, so what follows is said the more: the act after it is not negated. */
function litotes(s: Sent, k: number): boolean {
  let j = k + 1;
  while (s.toks[j] && (s.toks[j].pos === 'ADV' || s.toks[j].pos === 'AUX')) j += 1;
  return RELUCTANCE.has(s.toks[j]?.lemma ?? '') && s.toks[j]?.lower !== 'waiting';
}

export function negated(s: Sent, i: number): boolean {
  // "Why don't we just switch…", "why not…": a suggestion, not a negation.
  if (s.toks.slice(Math.max(0, i - 6), i).some((t) => t.lower === 'why')) return false;
  if (s.toks[i - 1]?.lower === 'no' && s.toks[i]?.lower === 'longer') return false;
  if (s.toks[i]?.lower === 'no' && s.toks[i + 1]?.lower === 'longer') return false;
  const noLonger = s.toks.slice(Math.max(0, i - 5), i).some((t) => t.lower === 'longer' && s.toks[t.i - 1]?.lower === 'no');
  if (s.toks[i]?.neg && !noLonger && !afterClauseBreak(s, i)) return true;
  // A negator before a clause break ("No problem, I'll send it") negates its own clause only.
  const clause = (k: number) => !s.toks.slice(k + 1, i).some((t) => t.pos === 'PUNCT' && [',', ';', ':', '-', '–', '—'].includes(t.text));
  for (let k = Math.max(0, i - 3); k < i; k += 1) if (['not', 'never', 'no', 'nobody', 'nothing'].includes(s.toks[k].lemma) && s.toks[k + 1]?.lower !== 'longer' && clause(k) && !litotes(s, k)) return true;
  return negativeSubject(s, i);
}

/**
 * A verb whose subject is a negative quantifier ("Nobody on the night shift will miss it", "None of the
 * planners use it", "No one in finance has opened it"): the model scopes the negator over the subject
 * phrase only. The verb is the clause's first, with no clause break or other verb between.
 */
function negativeSubject(s: Sent, i: number): boolean {
  const v = s.toks[i];
  if (!v || (v.pos !== 'VERB' && v.pos !== 'AUX')) return false;
  for (let k = i - 1; k >= 0; k -= 1) {
    const t = s.toks[k];
    if (t.pos === 'PUNCT' || ['and', 'but', 'so', 'because', 'if', 'when', 'that', 'which', 'who', 'while'].includes(t.lower)) return false;
    if (t.pos === 'VERB') return false;
    const head = k === 0 || s.toks[k - 1].pos === 'PUNCT' || ['and', 'but', 'so', 'because'].includes(s.toks[k - 1].lower);
    if (head && (['nobody', 'nothing', 'none', 'noone', 'neither'].includes(t.lower) || (t.lower === 'no' && ['one', 'body'].includes(s.toks[k + 1]?.lower ?? '')))) return true;
  }
  return false;
}

/** Verbs whose "if" means whether: "check if", "ask if", "see if", "not sure if". */
const WHETHER_VERB = new Set(['check', 'ask', 'see', 'know', 'wonder', 'confirm', 'find', 'sure', 'unsure', 'clear', 'verify', 'test', 'look', 'double-check', 'tell', 'decide', 'doubt']);

/** A subordinating condition before a token in its sentence: "if…", "once your…", "unless…", "whenever…". */
export function conditionBefore(s: Sent, i: number): { at: number; word: string } | undefined {
  for (let k = i - 1; k >= 0; k -= 1) {
    const w = s.toks[k].lower;
    // "Even if X, we will Y": conceded, Y holds either way.
    if (w === 'if' && s.toks[k - 1]?.lower === 'even') continue;
    // "I'll check if X and send Y": the whether-clause ends where a coordinated verb takes the main clause up again.
    if (w === 'if' && WHETHER_VERB.has(s.toks[k - 1]?.lemma ?? '') && resumed(s, k, i)) continue;
    if (['if', 'unless', 'once', 'whenever', 'whether', 'provided', 'providing', 'assuming', 'supposing'].includes(w)) return { at: k, word: w };
    if ((w === 'long' && s.toks[k - 1]?.lower === 'as') || (w === 'subject' && s.toks[k + 1]?.lower === 'to')) return { at: k, word: w };
    if ((w === 'when' || w === 'after') && k + 1 < i && ['your', 'you', 'they', 'their', 'legal', 'the'].includes(s.toks[k + 1].lower)) return { at: k, word: w };
    if (w === 'as' && s.toks[k + 1]?.lower === 'soon') return { at: k, word: 'as soon as' };
  }
  return undefined;
}

/** Whether the main clause resumes between a whether-"if" at k and token i: "…, and send", "; we", "but". */
function resumed(s: Sent, k: number, i: number): boolean {
  for (let j = k + 2; j < i; j += 1) {
    const t = s.toks[j];
    if ([';', '—', '–'].includes(t.text) || t.lower === 'but') return true;
    if (t.lower === 'and' || t.lower === 'then') {
      const n = s.toks[j + 1];
      if (n && (n.pos === 'VERB' || n.pos === 'AUX') && n.lower === n.lemma) return true;
    }
  }
  return false;
}

const CONDITION_WORD = new Set(['if', 'unless', 'provided', 'providing', 'assuming', 'supposing', 'whenever']);

/**
 * A condition after a token in its clause: "We will add the Lyon team if the pilot goes well",
 * "…, unless the price drops", "as long as…", "on condition that…". Not one across a full stop, a
 * semicolon or a coordinated new clause ("…, and the pilot went well"); "even if" concedes.
 */
export function conditionAfter(s: Sent, i: number): { at: number; word: string } | undefined {
  for (let k = i + 1; k < s.toks.length; k += 1) {
    const t = s.toks[k];
    if (['.', ';', '!', '?'].includes(t.text)) return undefined;
    if (t.text === ',' && ['and', 'but', 'so'].includes(s.toks[k + 1]?.lower ?? '')) return undefined;
    if (CONDITION_WORD.has(t.lower) && s.toks[k - 1]?.lower !== 'even' && !(t.lower === 'if' && WHETHER_VERB.has(s.toks[k - 1]?.lemma ?? '') && s.toks[k - 1].i !== i)) return { at: k, word: t.lower };
    if (t.lower === 'long' && s.toks[k - 1]?.lower === 'as' && s.toks[k + 1]?.lower === 'as') return { at: k, word: 'as long as' };
    if (t.lower === 'condition' && s.toks[k - 1]?.lower === 'on') return { at: k, word: 'on condition' };
  }
  return undefined;
}

export interface Modality {
  /** "would/could/should have done": a past that did not happen. */
  counterfactual: boolean;
  /** "used to do": a habit given up. */
  formerHabit: boolean;
  /** would/could/might/may without "have": possible, not stated. */
  hypothetical: boolean;
  /** Under a verb of saying with a third party as its subject ("Marta said they would…"): who said it. */
  reportedBy?: string;
}

const REPORTING = new Set(['say', 'tell', 'mention', 'report', 'claim', 'hear', 'explain', 'confirm', 'indicate', 'suggest', 'warn', 'share', 'write', 'note', 'state', 'announce']);

/** The modality and tense frame of the verb at token i, read from the auxiliaries before it and a verb of saying that governs it. */
export function modalityAt(s: Sent, i: number): Modality {
  const t = s.toks;
  let k = i - 1;
  const aux: string[] = [];
  while (k >= 0 && (t[k].pos === 'AUX' || t[k].pos === 'PART' || t[k].pos === 'ADV' || ['to', 'not', "n't"].includes(t[k].lower)) && i - k <= 5) { aux.unshift(t[k].lemma); k -= 1; }
  const modal = aux.find((a) => ['would', 'could', 'should', 'might', 'may', 'must'].includes(a));
  const counterfactual = Boolean(modal && modal !== 'must' && aux.includes('have') && t[i].lower !== t[i].lemma);
  const formerHabit = aux.includes('to') && (t[k]?.lower === 'used' || (t[k]?.lemma === 'use' && t[k]?.lower !== 'use'));
  const hypothetical = Boolean(modal && !counterfactual && modal !== 'must' && modal !== 'should');
  let reportedBy: string | undefined;
  for (let j = k; j >= 0; j -= 1) {
    if (['.', ';', '!', '?'].includes(t[j].text)) break;
    if (t[j].pos === 'VERB' && REPORTING.has(t[j].lemma) && t[j].lower !== t[j].lemma) {
      const subject = nameBefore(s, j);
      const pron = [...t.slice(Math.max(0, j - 3), j)].reverse().find((x) => x.pos === 'PRON' || x.pos === 'PROPN' || x.pos === 'NOUN');
      if (pron && FIRST_PERSON.has(pron.lower)) break;
      reportedBy = subject && subject.end >= j - 3 ? subject.name : pron?.text;
      break;
    }
  }
  return { counterfactual, formerHabit, hypothetical, ...(reportedBy ? { reportedBy } : {}) };
}

/** Words that end a noun phrase. */
const NP_STOP = new Set(['by', 'before', 'after', 'on', 'until', 'till', 'today', 'tomorrow', 'tonight', 'this', 'next', 'first', 'once', 'when', 'if', 'so', 'and', 'but', 'as', 'within', 'in', 'at', 'from', 'later', 'asap', 'soon', 'shortly', 'early', 'end', 'eod', 'over', 'across', 'through', 'via', 'because', 'while', 'to', 'with', 'which', 'that']);
const PRONOUN_OBJ = new Set(['it', 'that', 'this', 'those', 'these', 'them', 'one', 'everything', 'something', 'anything']);

/** The noun phrase starting at token i (determiners, modifiers, nouns; "of"/"for the …" continuations), as written. */
export function nounPhrase(s: Sent, i: number): { text: string; start: number; end: number; pronoun: boolean } | undefined {
  const t = s.toks;
  let k = i;
  while (k < t.length && ['you', 'us', 'me', 'him', 'her', 'over', 'across', 'back', 'out', 'up'].includes(t[k].lower) && !(t[k].lower === 'up' && false)) k += 1;
  if (k >= t.length) return undefined;
  if (PRONOUN_OBJ.has(t[k].lower) && (k + 1 >= t.length || !['NOUN', 'PROPN', 'ADJ'].includes(t[k + 1].pos))) return { text: t[k].text, start: k, end: k, pronoun: true };
  let start = k;
  let end = -1;
  for (; k < t.length; k += 1) {
    const x = t[k];
    if (x.pos === 'PUNCT' && x.text !== '-' && x.text !== "'" && x.text !== '/') break;
    if (NP_STOP.has(x.lower) && k > start) {
      if (x.lower === 'to' || x.lower === 'with' || x.lower === 'in' || x.lower === 'from' || x.lower === 'on') break;
      break;
    }
    if (x.lower === 'of' || (x.lower === 'for' && !['you', 'your', 'our', 'us', 'my', 'their', 'them', 'everyone'].includes(t[k + 1]?.lower ?? ''))) { if (end < 0) break; continue; }
    if (x.lower === 'for') break;
    // "send Greta the deck", "owes Dana the numbers": a determiner after a name starts the real object.
    if (x.pos === 'DET' && end >= start && t[end].pos === 'PROPN' && !['all', 'both', 'each'].includes(x.lower)) { start = k; end = -1; continue; }
    // The light model tags some nouns after a determiner as verbs ("their redlines", "a chase"): after DET or a possessive, a verb is a noun.
    const afterDet = k > start && x.pos === 'VERB' && (t[k - 1].pos === 'DET' || ['your', 'our', 'my', 'their', 'its', 'his', 'her'].includes(t[k - 1].lower)
      || (['NOUN', 'ADJ'].includes(t[k - 1].pos) && t[k + 1]?.pos === 'NOUN')
      // A compound's head read as a verb at the phrase's end ("a root cause by Wednesday", "the status update.").
      || (t[k - 1].pos === 'NOUN' && x.lower === x.lemma && (!t[k + 1] || t[k + 1].pos === 'PUNCT' || ['by', 'before', 'on', 'to', 'for', 'this', 'next', 'today', 'tomorrow'].includes(t[k + 1].lower))));
    if (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON', 'PART', 'X', 'SYM'].includes(x.pos) || afterDet || (x.pos === 'VERB' && /(ed|ing)$/.test(x.lower) && ['NOUN', 'PROPN', 'ADJ'].includes(t[k + 1]?.pos ?? ''))) {
      if (x.pos === 'PRON' && !['your', 'our', 'my', 'their', 'its', 'his', 'her'].includes(x.lower)) break;
      if (['NOUN', 'PROPN', 'NUM', 'X', 'SYM'].includes(x.pos) || afterDet || (x.pos === 'VERB' && x.lower.endsWith('ing'))) end = k;
      continue;
    }
    break;
  }
  if (end < start) return undefined;
  return { text: t.slice(start, end + 1).map((x, n) => (n > 0 && !/^['’]/.test(x.text) && x.text !== '-' && t[start + n - 1].text !== '-' ? ' ' : '') + x.text).join(''), start, end, pronoun: false };
}

/** The nearest name span before token i in the same clause (no sentence-final punctuation between). */
export function nameBefore(s: Sent, i: number, names = nameSpans(s)): NameSpan | undefined {
  return [...names].reverse().find((n) => n.end < i);
}
export function nameAfter(s: Sent, i: number, names = nameSpans(s)): NameSpan | undefined {
  return names.find((n) => n.start > i);
}

export const FIRST_PERSON_SINGULAR = new Set(['i', 'me', 'my', 'myself']);
export const FIRST_PERSON = new Set(['i', 'we', 'me', 'us', 'my', 'our']);
