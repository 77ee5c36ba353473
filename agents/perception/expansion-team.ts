// Which part of the account an expansion is for: a unit ("the Lisbon office", "our APAC region"),
// a department named as the one asking ("Legal is keen…", "engineering goes from 40 to 70"), or a
// group of people by role ("our Paris colleagues", "night-shift dispatchers", "warehouse
// supervisors in Leeds"); a pronoun ("They want their own instance") takes the group of the
// sentence before.
import { findAll, nameSpans } from './frames.js';
import type { Sent, Tok } from './nlp.js';
import { countsPeople } from './expansion-seats.js';

/** Prepositions of a source or a comparison: the unit after them is not the one that grows ("borrowing dashboards off the ops team"). */
const SOURCE = new Set(['off', 'from', 'than', 'like', 'unlike', 'besides', 'as']);
export const UNIT = new Set(['studio', 'campus', 'school', 'location', 'staff', 'team', 'teams', 'office', 'offices', 'department', 'dept', 'group', 'division', 'org', 'organisation', 'organization', 'region', 'subsidiary', 'hub', 'unit', 'site',
  'branch', 'function', 'practice', 'squad', 'warehouse', 'clinic', 'store', 'plant', 'entity', 'country', 'business', 'arm', 'lab', 'centre', 'center', 'desk', 'depot', 'terminal', 'facility', 'yard',
  'pod', 'agency', 'crew', 'cell', 'bureau', 'station', 'operation', 'operations']);
const DEPARTMENT = new Set(['legal', 'marketing', 'hr', 'qa', 'facilities', 'finance', 'sales', 'security', 'procurement', 'support', 'engineering', 'operations', 'ops', 'it', 'design',
  'treasury', 'research', 'product', 'recruiting', 'compliance', 'accounting', 'payroll', 'logistics', 'purchasing', 'partnerships', 'success', 'analytics', 'data', 'audit', 'risk', 'tax', 'revops']);
/** A department ("it" only when written "IT"), or an operations function written as one word with a capital inside ("SecOps", "DevOps", "FinOps"). */
export const isDepartment = (x: Tok): boolean => (DEPARTMENT.has(x.lower) && (x.lower !== 'it' || x.text === 'IT')) || /^\p{Lu}\p{Ll}+Ops$/u.test(x.text);
const MONTH = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])$/;
/** People counted but not a group of their own: new starters, users in general. */
const NOT_A_GROUP = new Set(['hire', 'hires', 'user', 'users', 'people', 'person', 'persons', 'member', 'members', 'employee', 'employees', 'seat', 'seats', 'licence', 'licences', 'license', 'licenses', 'account', 'accounts', 'head', 'heads', 'customer', 'customers', 'others', 'ppl', 'folks', 'folk',
  // People outside the account: their access is a favour to a third party, not a team of the customer's.
  'auditor', 'auditors', 'consultant', 'consultants', 'contractor', 'contractors', 'client', 'clients', 'vendor', 'vendors', 'supplier', 'suppliers', 'partner', 'partners', 'investor', 'investors', 'candidate', 'candidates']);

const OUTSIDERS = new Set(['auditor', 'auditors', 'consultant', 'consultants', 'contractor', 'contractors']);

const QUOTE = /^['"‘’“”]$/;
const ACRONYM = /^\p{Lu}[\p{Lu}&]{1,4}$/u;
/** Acronyms that are things or roles, not units: "SSO is broken", "our CFO wants". */
const NOT_A_UNIT = new Set(['I', 'SSO', 'API', 'CEO', 'CFO', 'CTO', 'COO', 'CIO', 'CRO', 'VP', 'SVP', 'PO', 'MSA', 'DPA', 'SOW', 'QBR', 'UK', 'US', 'EU', 'OK', 'PDF', 'CSV', 'SLA', 'RFP', 'ROI', 'MFA', 'SAML']);
const GENERIC = new Set(['people', 'folks', 'folk', 'users', 'staff', 'guys', 'crew', 'colleagues', 'employees']);

/** Tokens i..j as written in the sentence (so a word the tokenizer split, "Gdańsk", comes back whole). */
function spanText(s: Sent, i: number, j: number): string {
  const toks = s.toks.slice(i, j + 1);
  const plain = toks.map((x) => x.text).join(' ');
  const re = new RegExp(toks.map((x) => x.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'), 'u');
  return re.exec(s.text)?.[0] ?? plain;
}

/** The place of an "in <Place>" tail after token b, as the new end. */
function placeTail(t: Tok[], b: number): number {
  // "in both Spain and Portugal": the first place stands for the pair.
  const skip = t[b + 1]?.lower === 'in' && ['both', 'the'].includes(t[b + 2]?.lower ?? '') ? 1 : 0;
  if (t[b + 1]?.lower === 'in' && t[b + 2 + skip]?.cap && !MONTH.test(t[b + 2 + skip].lower)) {
    b += 2 + skip;
    while (t[b + 1]?.cap || (t[b + 1] && t[b + 1].pos === 'X') || (t[b + 1]?.pos === 'NOUN' && !t[b + 1].text.match(/^\p{Ll}{3,}$/u) && t[b].pos === 'X')) b += 1;
    if (skip && t[b + 1]?.lower === 'and' && t[b + 2]?.pos === 'PROPN') b += 2;
  }
  return b;
}

/** The noun phrase ending in a unit word at token k, with its modifiers and an "in <Place>" tail. */
function unitPhrase(s: Sent, k: number): string {
  const t = s.toks;
  let a = k;
  // A base-form verb between a determiner or hyphenated count and the unit is a modifier the tagger misread ("their 25-person dispatch team").
  const misread = (j: number) => t[j].pos === 'VERB' && t[j].lower === t[j].lemma && j === k - 1 && (['DET'].includes(t[j - 1]?.pos ?? '') || ['their', 'our', 'its', 'the', 'person'].includes(t[j - 1]?.lower ?? ''));
  while (a - 1 >= 0 && (['ADJ', 'NOUN', 'PROPN', 'X'].includes(t[a - 1].pos) || /^\p{Lu}{2,}$/u.test(t[a - 1].text) || (t[a - 1].pos === 'VERB' && t[a - 1].lower.endsWith('ing')) || misread(a - 1)) && !['new', 'own', 'whole', 'entire', 'other', 'next', 'same'].includes(t[a - 1].lower) && !/^\d/.test(t[a - 1].text)) a -= 1;
  // Coordinated places share the unit: "the Milan and Rome branches".
  if (a < k && t[a - 1]?.lower === 'and' && t[a - 2]?.cap && t[a - 2].pos === 'PROPN') a -= 2;
  // A quoted name before the unit word: "add 'Customer Experience' group".
  if (a >= k - 2 && /^['"‘’“”]$/.test(t[a - 1]?.text ?? '')) {
    const open = t.slice(0, a - 1).map((x) => x.text).lastIndexOf(t[a - 1].text === '’' ? '‘' : t[a - 1].text === '”' ? '“' : t[a - 1].text);
    if (open >= 0 && a - 1 - open <= 4) a = open;
  }
  // A word the tagger reads as a preposition or adverb but that sits between the determiner and the noun is a modifier ("the inside sales team", "our back office staff").
  if (a - 2 >= 0 && ['ADP', 'ADV'].includes(t[a - 1].pos) && ['DET', 'PRON'].includes(t[a - 2].pos) && /^\p{Ll}+$/u.test(t[a - 1].text)) a -= 1;
  let b = k;
  while (t[b + 1] && UNIT.has(t[b + 1].lemma)) b += 1; // "the Porto warehouse team"
  b = placeTail(t, b);
  const phrase = spanText(s, a, b);
  // A bare unit ("their 40 staff", "the team") takes its place from elsewhere in the sentence: "a company in Warsaw … their staff".
  if (a === k && b === k && !phrase.includes(' in ')) {
    const at = t.findIndex((x, n) => ['in', 'at'].includes(x.lower) && t[n + 1]?.cap && t[n + 1].pos === 'PROPN' && !MONTH.test(t[n + 1].lower));
    if (at >= 0) { let e = at + 1; while ((t[e + 1]?.cap && t[e + 1].pos === 'PROPN') || t[e + 1]?.pos === 'X') e += 1; return `${phrase} ${spanText(s, at, e)}`; }
  }
  return phrase;
}

/** A group of people by role, with its modifiers: "our Paris colleagues", "warehouse supervisors in Leeds". */
export function peopleGroup(s: Sent): string | undefined {
  const t = s.toks;
  for (let k = 0; k < t.length; k += 1) {
    const x = t[k];
    // A generic word for people is a group when a department or a place says which ("the compliance folks", "our Berlin people").
    // A common noun as the modifier needs its determiner: "the data science folks", not a tag the tagger calls a noun ("ngl people").
    const determined = (): boolean => { let a = k - 1; while (a > 0 && t[a - 1].pos === 'NOUN') a -= 1; return ['the', 'our', 'their', 'those', 'these', 'my'].includes(t[a - 1]?.lower ?? ''); };
    const generic = GENERIC.has(x.lower) && (DEPARTMENT.has(t[k - 1]?.lower ?? '') || (t[k - 1]?.pos === 'NOUN' && determined()) || (t[k - 1]?.cap && t[k - 1].pos === 'PROPN'));
    // A role that is usually outside the account is inside it when a department or "internal" says so ("the compliance auditors", "our in-house consultants").
    const inside = OUTSIDERS.has(x.lower) && (DEPARTMENT.has(t[k - 1]?.lower ?? '') || ['internal', 'in-house', 'inhouse'].includes(t[k - 1]?.lower ?? ''));
    if (!generic && (x.pos !== 'NOUN' || (NOT_A_GROUP.has(x.lower) && !inside) || !countsPeople(x) || x.lower === x.lemma)) continue;
    // Counted ("20 new hires") is a headcount, not a group; after a preposition it is not the one asking ("for those 12 people").
    if (t[k - 1]?.pos === 'NUM' || ['for', 'to', 'with'].includes(t[k - 1]?.lower ?? '')) continue;
    let a = k;
    while (a - 1 >= 0 && (['ADJ', 'NOUN', 'PROPN', 'X'].includes(t[a - 1].pos) || (t[a - 1].pos === 'VERB' && t[a - 1].lower.endsWith('ing'))) && !['new', 'other', 'same', 'more', 'extra', 'additional'].includes(t[a - 1].lower)) a -= 1;
    // A group owned by a department or a place keeps its owner: "purchasing's contract managers".
    if (["'s", '’s'].includes(t[a - 1]?.lower ?? '') && t[a - 2] && (isDepartment(t[a - 2]) || t[a - 2]?.pos === 'PROPN')) return spanText(s, a - 2, placeTail(t, k));
    const owned = ['our', 'the', 'their', 'my', 'her', 'his'].includes(t[a - 1]?.lower ?? '') || a === 0;
    if (!owned && a === k) continue;
    return spanText(s, a, placeTail(t, k));
  }
  return undefined;
}

/** "as" compares only after "same" or "such" ("the same rights as the existing team"); "as the contact centre grows" is a clause. */
const isSource = (t: Tok[], j: number): boolean => t[j].lower !== 'as' || t.slice(Math.max(0, j - 8), j).some((x) => ['same', 'such'].includes(x.lower));

/** A unit word that names no unit growing: after a source or comparison ("off the ops team"), or an idiom ("in the region of 40"). */
function notTheGrower(t: Tok[], k: number): boolean {
  if (t[k].lemma === 'region' && t[k + 1]?.lower === 'of' && t[k - 2]?.lower === 'in') return true;
  // The preposition must head this noun phrase: a determiner or possessive opens it ("from January our subsidiary…" is no source).
  for (let j = k - 1; j >= Math.max(0, k - 4); j -= 1) {
    if (SOURCE.has(t[j].lower)) return isSource(t, j);
    if (t[j].pos === 'DET' || (t[j].pos === 'PRON' && t[j].lower !== 'it')) return SOURCE.has(t[j - 1]?.lower ?? '') && isSource(t, j - 1);
    if (!['ADJ', 'NOUN', 'PROPN'].includes(t[j].pos)) break;
  }
  return false;
}

/** A group in a directory ("SSO group nw-vilnius", "the AD group", "a distribution group") holds logins, not a unit of the account. */
const DIRECTORY = /^(?:sso|ad|ldap|azure|entra|okta|security|distribution|mailing|email|user|access|saml|scim)$/;
// A directory group named for a team ("the 'Fleet Maintenance' AD group") still names the team.
const directoryGroup = (t: Tok[], k: number): boolean => t[k].lemma === 'group' && DIRECTORY.test(t[k - 1]?.lower ?? '') && !QUOTE.test(t[k - 2]?.text ?? '') && t[k - 2]?.pos !== 'PROPN';

/** A unit word modifying another noun names no unit ("the group stack", "the office wifi"); a unit's capacity still does ("the sales team workspace"). */
export function modifies(t: Tok[], k: number): boolean {
  const next = t[k + 1];
  // After a determiner the tagger may read the head as a verb ("the group stack in 2027").
  // A verb with its particle is the unit's verb ("get the QA team set up"), not a compound head.
  const nounLike = next?.pos === 'NOUN' || (next?.pos === 'VERB' && next.lower === next.lemma && ['DET', 'PRON', 'ADJ', 'PROPN'].includes(t[k - 1]?.pos ?? '') && !['up', 'out', 'off'].includes(t[k + 2]?.lower ?? ''));
  if (!next || !nounLike || UNIT.has(next.lemma) || countsPeople(next) || /^(?:workspace|seat|licen[cs]e|login|account|instance|tenant)s?$/.test(next.lower)) return false;
  // A person by role is the unit's member ("every depot manager"); a verb the tagger read as a noun ("the team plans to") is no head either.
  // An inflected head ("moves", "plans") is more often the unit's verb read as a noun ("our Chile entity moves onto…").
  if (/(?:er|or|ist|ian|ant|ent)$/.test(next.lower) || next.lower !== next.lemma) return false;
  const after = t[k + 2];
  return !after || !['VERB', 'AUX', 'PART'].includes(after.pos);
}

/** A verb of growing or setting up right before token k (past an article or "new"). */
function grownBefore(t: Tok[], k: number): boolean {
  let j = k - 1;
  while (j >= 0 && ['a', 'an', 'the', 'our', 'new', 'second', 'another'].includes(t[j].lower)) j -= 1;
  const v = t[j];
  if (!v) return false;
  if (['up'].includes(v.lower)) return ['stand', 'set', 'spin', 'scale', 'staff'].includes(t[j - 1]?.lemma ?? '');
  return v.pos === 'VERB' && ['grow', 'expand', 'open', 'launch', 'build', 'form', 'create', 'double', 'triple'].includes(v.lemma);
}

/** Adverbs that open a new clause before its subject. */
const LINKS = new Set(['now', 'also', 'then', 'so', 'and', 'but']);

/** Which unit wants it: the one the rollout goes to, else the first unit or department named. */
export function unitIn(s: Sent): string | undefined {
  const t = s.toks;
  const target = findAll(s, / (?:to|onto|add|onboard|include) (?:our |the |their |its |a |an )?/);
  for (const h of target) {
    for (let k = h.end; k < Math.min(t.length, h.end + 5); k += 1) {
      if (UNIT.has(t[k].lemma) && k > h.end - 1 && !modifies(t, k)) return unitPhrase(s, k);
      if ((t[k].pos === 'PUNCT' && !QUOTE.test(t[k].text)) || (t[k].pos === 'VERB' && !t[k].lower.endsWith('ing'))) break;
    }
  }
  for (let k = 0; k < t.length; k += 1) if (UNIT.has(t[k].lemma) && !(t[k].lemma === 'business' && t[k + 1]?.lower !== 'unit')) {
    if (notTheGrower(t, k) || modifies(t, k) || directoryGroup(t, k)) continue;
    const phrase = unitPhrase(s, k);
    // "her whole team", "their entire department": a unit owned by someone, whole.
    const whole = ['whole', 'entire', 'own'].includes(t[k - 1]?.lower ?? '') && ['DET', 'PRON'].includes(t[k - 2]?.pos ?? '');
    if (phrase.split(' ').length > 1 || t[k - 1]?.pos === 'DET' || t[k - 1]?.pos === 'PRON' || whole) return phrase;
  }
  // A department named as the one asking: "Legal is keen…", "Sales ops asked…", "Customer success in Madrid has asked…".
  for (let k = 0; k < t.length; k += 1) {
    // Named as a department, so capitalised ("Legal", "IT", "Sales ops"): not the pronoun "it" or "security" in passing.
    // Or, in lower case, a department as the subject of its verb ("customer service wants access too", "engineering goes from 40 to 70").
    // A clause may open after a label ("Mia: night ops want…").
    // Or after a clause's linking adverb: "…, now customer care wants in too".
    const opens = (j: number) => j === 0 || (t[j - 1]?.pos === 'PUNCT' && [':', ';', '-', '–', '—'].includes(t[j - 1].text)) || LINKS.has(t[j - 1]?.lower ?? '');
    const lowerCompound = k >= 1 && opens(k - 1) && t[k - 1].pos === 'NOUN' && t[k - 1].lower !== 'it' && ['AUX', 'VERB'].includes(t[k + 1]?.pos ?? '');
    // The subject's verb may come after its place: "sales in Benelux would like…".
    const verbAt = placeTail(t, k) + 1;
    const lowerSubject = t[k].lower !== 'it' && t[k].pos === 'NOUN' && ['AUX', 'VERB'].includes(t[verbAt]?.pos ?? '') && (k === 0 || ['PUNCT', 'CCONJ', 'SCONJ'].includes(t[k - 1].pos) || LINKS.has(t[k - 1].lower) || (t[k - 1].pos === 'VERB' && t[k - 1].lemma !== 'be'));
    // "It" opening a sentence is the pronoun; the department is written "IT".
    if (t[k].lower === 'it' && t[k].text !== 'IT') continue;
    // Where the growth is: "a headcount increase of 80 in customer operations".
    if (t[k].lower !== 'it' && DEPARTMENT.has(t[k].lower) && (t[k - 1]?.lower === 'in' || (t[k - 2]?.lower === 'in' && t[k - 1].pos === 'NOUN')) && !t[k + 1]?.cap) {
      let b = k;
      while (b + 1 < t.length && DEPARTMENT.has(t[b + 1].lower)) b += 1;
      return spanText(s, t[k - 1].lower === 'in' ? k : k - 1, b);
    }
    // An acronym as the unit grown or set up: "growing CS by a third", "standing up a NOC in Kraków".
    if (ACRONYM.test(t[k].text) && !NOT_A_UNIT.has(t[k].text) && grownBefore(t, k)) return spanText(s, k, placeTail(t, k));
    // An acronym as the one asking: "R&D want in", "HR needs access".
    if (ACRONYM.test(t[k].text) && !NOT_A_UNIT.has(t[k].text) && ['AUX', 'VERB'].includes(t[k + 1]?.pos ?? '') && !['DET', 'ADP'].includes(t[k - 1]?.pos ?? '')) return t[k].text;
    // A department in a person's title ("our new Head of IT asked me…") names a person, not a unit.
    if (t[k - 1]?.lower === 'of' && /^(?:head|director|vp|svp|evp|chief|manager|lead|leader)$/.test(t[k - 2]?.lower ?? '')) continue;
    if (!(isDepartment(t[k]) || (lowerCompound && ['service', 'services', 'care', 'relations'].includes(t[k].lower))) || !(t[k].cap || t[k - 1]?.cap || lowerCompound || lowerSubject)) continue;
    // Only as the one asking (a subject: "Legal is keen", "Sales ops asked"), not as a modifier ("the data processing addendum").
    const after = t[k + 1];
    // An adverb may sit between the department and its verb: "Marketing already has…".
    const verbNext = after?.pos === 'ADV' && ['AUX', 'VERB'].includes(t[k + 2]?.pos ?? '');
    if (after && !(after.pos === 'AUX' || after.pos === 'VERB' || verbNext || DEPARTMENT.has(after.lower) || after.lower === 'in' || after.text === ',')) continue;
    let a = k;
    while (a - 1 >= 0 && (t[a - 1].cap || DEPARTMENT.has(t[a - 1].lower) || (lowerCompound && a - 1 === k - 1)) && !['PRON', 'PUNCT'].includes(t[a - 1].pos) && !['the', 'our', 'their'].includes(t[a - 1].lower)) a -= 1;
    let b = k;
    while (b + 1 < t.length && (DEPARTMENT.has(t[b + 1].lower) || ['ops'].includes(t[b + 1].lower))) b += 1;
    b = placeTail(t, b);
    return spanText(s, a, b);
  }
  return undefined;
}

/** A noun phrase with its headcount in brackets is a group: "customs brokerage (approx. 15 people)", "escalations pod (7 FTE)". */
export function countedGroup(s: Sent): string | undefined {
  const t = s.toks;
  for (let k = 1; k < t.length; k += 1) {
    if (t[k].text !== '(') continue;
    const close = t.findIndex((x, j) => j > k && x.text === ')');
    // A bare count after a named department or unit counts its people too: "RevOps (5)".
    const bare = close === k + 2 && t[k + 1].pos === 'NUM' && (DEPARTMENT.has(t[k - 1]?.lower ?? '') || UNIT.has(t[k - 1]?.lemma ?? ''));
    if (close < 0 || close - k > 5 || !t.slice(k + 1, close).some((x) => x.pos === 'NUM') || !(bare || t.slice(k + 1, close).some(countsPeople))) continue;
    let a = k;
    while (a - 1 >= 0 && ['NOUN', 'PROPN', 'ADJ', 'X'].includes(t[a - 1].pos) && !NOT_A_GROUP.has(t[a - 1].lower) && !/^\d/.test(t[a - 1].text)) a -= 1;
    if (a < k) return spanText(s, a, k - 1);
  }
  return undefined;
}

/** The unit, else a group by role. */
export const teamIn = (s: Sent): string | undefined => {
  const body = afterLabel(s);
  return (body && (unitIn(body) ?? countedGroup(body) ?? peopleGroup(body))) ?? unitIn(s) ?? countedGroup(s) ?? peopleGroup(s);
};

/** What follows a lead-in label ("Following Tuesday's steering group: …", "Call w/ Priya: …"): the unit there is context, the one after the colon asks. */
function afterLabel(s: Sent): Sent | undefined {
  const colon = s.toks.findIndex((x) => x.text === ':');
  if (colon < 1 || colon > 9 || s.toks.length - colon < 5) return undefined;
  const toks = s.toks.slice(colon + 1).map((x, i) => ({ ...x, i }));
  return { text: s.text.slice(s.text.indexOf(':') + 1).trim(), toks };
}

/** "They want…", "those folks need…": a sentence whose subject points back to a group named before. */
export function pointsBack(s: Sent): boolean {
  const first = s.toks.find((x) => !['so', 'and', 'but', 'also', 'now', 'honestly', 'basically', 'really'].includes(x.lower) && x.pos !== 'PUNCT' && x.pos !== 'INTJ');
  return ['they', 'those', 'these', 'them'].includes(first?.lower ?? '');
}

/** The group a pointing-back sentence refers to: a unit or group in the sentence before, or the place or name it opens with ("So Italy's basically sold on it now."). */
export function groupBefore(prev: Sent): string | undefined {
  const team = teamIn(prev);
  if (team) return team;
  const name = nameSpans(prev).find((n) => n.start <= 2);
  return name?.name;
}
