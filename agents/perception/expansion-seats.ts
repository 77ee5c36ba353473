// How many seats an expansion asks for: a number counting people or capacity ("25 seats", "another
// ten users", "a dozen people", "two hundred licences", "they're 5 ppl"), or an estimate of the
// capacity just named ("licences of their own; a dozen would do", "I'd estimate 16", "need 20 more").
import type { Sent, Tok } from './nlp.js';
import { lookup } from '../lookup.js';

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};

/** Nouns of capacity or of people counted as seats. */
export const CAPACITY = / (?:seat|licen[cs]e|licence|user|account|workspace|access|space|instance|logins?|log-ins?|usernames?|people|person|employee|member|staff|colleague|analyst|engineer|agent|rep|head|headcount|tenant|environment|site) /;

/** Plural roles whose ending does not say they are people: "3 admins", "two clerks". */
const ROLES = new Set(['admin', 'clerk', 'tech', 'dev', 'guard', 'pilot', 'chef', 'coach', 'exec', 'head', 'medic']);
/** Roles ending in "-ent"/"-ant" that are people. */
const PEOPLE_ENT = new Set(['agent', 'client', 'student', 'resident', 'patient', 'president', 'parent', 'respondent', 'correspondent', 'superintendent', 'regent', 'dependent',
  'assistant', 'accountant', 'consultant', 'attendant', 'applicant', 'merchant', 'servant', 'lieutenant', 'sergeant', 'participant', 'entrant', 'inhabitant', 'occupant', 'claimant', 'informant', 'descendant', 'migrant', 'immigrant', 'emigrant', 'tenant', 'analyst']);
/** Things whose names end like a role's ("numbers", "folders", "scanners"): never people. */
const THINGS_ER = new Set(['number', 'order', 'folder', 'paper', 'letter', 'filter', 'container', 'trailer', 'computer', 'server', 'scanner', 'printer', 'quarter', 'matter', 'error', 'sensor', 'monitor', 'meter', 'center', 'chapter', 'border', 'factor', 'sector', 'indicator', 'calendar', 'header', 'footer', 'marker', 'trigger', 'banner', 'counter', 'buffer', 'layer', 'register', 'poster', 'sticker', 'router', 'cluster', 'parameter', 'semester', 'corridor', 'elevator', 'generator', 'tractor', 'motor', 'reminder', 'answer', 'character', 'cover', 'tower', 'power']);
/** People who are new: "25 graduates", "a dozen new starters". */
const NEWCOMERS = new Set(['hire', 'graduate', 'grad', 'intern', 'trainee', 'starter', 'joiner', 'recruit', 'apprentice', 'newcomer', 'associate']);

/** A token that counts people: a capacity noun, an abbreviation of one, or a plural noun of a person by role ("designers", "dispatchers", "specialists"). */
export function countsPeople(x: Tok): boolean {
  const lower = x.lower.replace(/\.$/, '');
  const singular = lower.replace(/s$/, '');
  if (CAPACITY.test(` ${x.lemma} `) || CAPACITY.test(` ${singular} `) || NEWCOMERS.has(singular) || ['ppl', 'folk', 'folks', 'fte', 'ftes', 'heads', 'strong'].includes(lower)) return true;
  // "-ent"/"-ant" make things as often as people ("incidents", "shipments", "plants"): only the people among them count.
  if (/(?:ent|ant)$/.test(singular)) return x.pos === 'NOUN' && lower !== singular && PEOPLE_ENT.has(singular);
  return x.pos === 'NOUN' && lower !== singular && !THINGS_ER.has(singular) && (/(?:er|or|ist|ian|nurse|staff|hire|lead|rep)$/.test(singular) || ROLES.has(singular));
}

function numberAt(s: Sent, k: number): number | undefined {
  const t = s.toks[k];
  if (!t) return undefined;
  // "~15", "15+", and an estimate the tokenizer glued to its number ("est.6", "approx.15", "c.20").
  const digits = /^(?:~|≈|approx\.?|est\.?|ca\.?|c\.)?(\d{1,5})\+?$/.exec(t.lower.replace(/,/g, ''));
  if (digits) return Number(digits[1]);
  const compound = /^([a-z]+)-([a-z]+)$/.exec(t.lower);
  const number = (word: string) => lookup(NUMBER_WORDS, word);
  const [tens, ones] = compound ? [number(compound[1]), number(compound[2])] : [];
  if (tens !== undefined && ones !== undefined && tens >= 20 && ones < 10) return tens + ones;
  const w = number(t.lower);
  if (w === undefined) return undefined;
  // "half a dozen": six.
  if (t.lower === 'dozen' && s.toks[k - 1]?.lower === 'a' && s.toks[k - 2]?.lower === 'half') return 6;
  // "a dozen": a number; "one of their suppliers", "the main one", "this one": not a count.
  if (t.lower === 'one' && (s.toks[k + 1]?.lower === 'of' || ['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON'].includes(s.toks[k - 1]?.pos ?? ''))) return undefined;
  const next = s.toks[k + 1] ? NUMBER_WORDS[s.toks[k + 1].lower.replace(/^-/, '')] : undefined;
  if (next === 100 && w < 10) return w * 100; // "two hundred"
  return next && next < 10 && w >= 20 ? w + next : w;
}

const LEADS = /^(?:manager|lead|supervisor|head|director|boss|coordinator|team lead)$/;
/** Nouns of time: "6 month users" is no count of users. */
const TIME = new Set(['day', 'week', 'month', 'year', 'hour', 'minute', 'quarter', 'weekend', 'time']);
/** Words that may sit between a number and the noun it counts ("20 more named users", "(6 people)"). */
const BETWEEN = new Set(['more', 'extra', 'additional', 'new', 'of', 'its', 'their', 'our', 'own', 'named', 'full', 'paid', 'power', 'admin', '-', 'hundred', 'or', 'so']);
/** Before a number, words that make it a date, a time or a range rather than a count. */
const NOT_A_COUNT = new Set(['existing', 'current', 'during', 'through', 'week', 'day', 'month', 'year', 'phase', 'tier', 'level', 'on', 'by', 'in', 'at', 'q', 'from', 'since', 'until', 'before', 'after', 'version', 'v', 'page', 'number', 'no', 'step', 'of']);
/** A month, whole or cut short ("Mar", "Sept."); not a word that merely starts like one ("maybe", "marketing"). */
const MONTHS = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/;

/** Seats: a number before a people or capacity noun, or, in a sentence about capacity, a bare estimate. */
export function seatsIn(s: Sent, estimate = false): number | undefined {
  const t = s.toks;
  for (let k = 0; k < t.length; k += 1) {
    const n = numberAt(s, k);
    if (n === undefined) continue;
    // "the existing 80 seats" is what they hold; "…plus 15", "on top of that, 10" is what they add, counted by the noun before.
    if (['existing', 'current'].includes(t[k - 1]?.lower ?? '') || (['has', 'have', 'had'].includes(t[k - 1]?.lower ?? '') && t[k - 2]?.lower === 'already')) continue;
    // "Dmitri + 3", "Mårten Lindqvist plus 5 category managers": the named person and the others.
    if (['plus', '+'].includes(t[k - 1]?.lower ?? '') && t[k - 2]?.pos === 'PROPN' && t[k - 2].cap && !/^\p{Lu}+$/u.test(t[k - 2].text)) return n + 1;
    if (t[k - 1]?.lower === 'plus' && t.slice(0, k).some((x) => CAPACITY.test(` ${x.lemma} `))) return n;
    // "their own licences, about thirty of them": the number counts the capacity named before it.
    if (t[k + 1]?.lower === 'of' && t[k + 2]?.lower === 'them' && t.slice(0, k).some((x) => CAPACITY.test(` ${x.lemma} `))) return n;
    // Up to two modifiers of the counted noun may sit between: "9 category buyers", "12 field service engineers".
    // "for all four", "all 16 of them": everyone of a group just counted.
    if (t[k - 1]?.lower === 'all' && (!t[k + 1] || ['ADP', 'PUNCT', 'SCONJ'].includes(t[k + 1].pos))) return n;
    let modifiers = 0;
    for (let j = k + 1; j < Math.min(t.length, k + 5); j += 1) {
      // "Twelve reps plus their manager": the one who leads them counts too.
      if (countsPeople(t[j])) return t[j + 1]?.lower === 'plus' && ['their', 'a', 'one', 'the'].includes(t[j + 2]?.lower ?? '') && LEADS.test(t[j + 3]?.lower ?? '') ? n + 1 : n;
      if (BETWEEN.has(t[j].lower) || NUMBER_WORDS[t[j].lower] !== undefined) continue;
      if (['NOUN', 'ADJ', 'PROPN'].includes(t[j].pos) && !TIME.has(t[j].lemma) && modifiers < 2) { modifiers += 1; continue; }
      break;
    }
  }
  if (!estimate) return undefined;
  // A bare number that ends its clause or governs a verb ("a dozen would do", "I'd estimate 16", "need 20 more added").
  for (let k = 0; k < t.length; k += 1) {
    const n = numberAt(s, k);
    // A year ("during 2027") is a date, not a count.
    if (n === undefined || n > 5000 || (n >= 1990 && n <= 2100)) continue;
    const before = t[k - 1];
    if (before && (NOT_A_COUNT.has(before.lower) || MONTHS.test(before.lower) || before.lower === 'to')) continue;
    let j = k + 1;
    while (t[j] && (BETWEEN.has(t[j].lower) || NUMBER_WORDS[t[j].lower] !== undefined)) j += 1;
    const after = t[j];
    // "…ten of them", "there are 5 of us": the number counts the group spoken of.
    if (!after || after.pos === 'PUNCT' || ['AUX', 'VERB', 'ADV', 'CCONJ'].includes(after.pos) || (['them', 'us'].includes(after.lower) && t[j - 1]?.lower === 'of')) return n;
  }
  return undefined;
}

/** A sentence that only states a headcount ("They're about 18 people.", "They're 14 strong.", "I'd estimate 16."), or a fragment with no verb of its own that counts people ("Small, 3 admins.", "Between them it's probably in the region of 40 agents."). */
export function headcountOnly(s: Sent): number | undefined {
  // "They're only five, but they'd use it every day.": the clause before the comma states the count.
  const comma = s.toks.findIndex((x, k) => k >= 2 && x.text === ',');
  if (comma > 0 && comma < s.toks.length - 1) {
    const n = headcountOnly({ text: s.text, toks: s.toks.slice(0, comma + 1) });
    if (n !== undefined) return n;
  }
  const t = s.toks.filter((x) => x.pos !== 'PUNCT');
  const verbless = t.length <= 14 && !t.some((x) => x.pos === 'VERB');
  if (verbless && seatsIn(s) !== undefined) return seatsIn(s);
  if (t.length > 9) return undefined;
  const subject = t[0]?.lower;
  // A fragment may open with a filler or a quantifier: "like 9 of them", "All thirty-one of them.", "est. 12".
  if (!['they', 'there', 'that', 'it', 'which', 'i', 'we', 'probably', 'maybe', 'roughly', 'about', 'around', 'approximately', 'approx', 'approx.', 'est', 'est.', 'so', 'likely', 'perhaps', 'like', 'all', 'what', 'some', 'just', 'only', 'ca.'].includes(subject ?? '') && t[0]?.pos !== 'NUM') return undefined;
  return seatsIn(s, true);
}

/** A count of capacity raised: "raise our seat cap to 135 (currently 120)", "bump the licence count by 20", "our seat count needs to go from 80 to 110". */
// A count of users is usage ("our active user count went up"); only their cap or limit is capacity.
const COUNT_OF = / (?:seat|licen[cs]e|licence|logins?) (?:count|cap|limit|number|total|allowance|pool|allocation|quota|ceiling) | user (?:cap|limit|allowance|quota|ceiling) | (?:number|count) of (?:seat|licen[cs]e|licence|logins?) /;
const RAISED = / (?:raise|increase|bump|lift|up|grow|expand|extend|top up|go up|go from|take) /;
/** Raised already ("we increased the seat count in June"): a past form of the raising verb. */
const PAST_RAISE = /\b(?:raised|increased|bumped|lifted|upped|grew|expanded|extended|topped up|went up|went from|took)\b/i;
/** The seats a raised count adds, when its figures say ("by 20", "from 80 to 110", "to 135 (currently 120)"); null when it rises by an amount unsaid. */
export function countRaised(s: Sent, line: string): number | null | undefined {
  if (!COUNT_OF.test(line) || !RAISED.test(line) || (PAST_RAISE.test(s.text) && !/\b(?:to be|be|need|want|would|will|please|could|can)\b/i.test(s.text))) return undefined;
  const by = / by (\d+) /.exec(line);
  if (by) return Number(by[1]);
  const fromTo = / from (\d+) to (\d+) /.exec(line);
  if (fromTo) return Number(fromTo[2]) > Number(fromTo[1]) ? Number(fromTo[2]) - Number(fromTo[1]) : undefined;
  const to = / to (\d+) /.exec(line);
  const now = / (?:currently|now|today|from) (?:at )?(\d+) /.exec(line);
  if (to && now) return Number(to[1]) > Number(now[1]) ? Number(to[1]) - Number(now[1]) : undefined;
  return to ? null : undefined;
}
