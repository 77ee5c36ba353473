// Expansion, read as a frame: a UNIT of the account (a team, office, department, region, subsidiary —
// "the Lisbon office", "Legal", "our APAC region") WANTING capacity of its own (seats, licences,
// users, a workspace, access; "wants in", "asked to be onboarded", "roll it out to…", "extend the
// licence to…", "add 8 licences"), with the team and the headcount when said. Contraction (fewer
// seats, cutting, removing, consolidating, a unit closing), a person moving office, capacity already
// covered ("they'll share the existing seats", "already licensed") and a refusal are not expansion.
import { analyze, type Sent } from './nlp.js';
import { findAll, negated } from './frames.js';
import type { Utterance } from './utterances.js';

const PRE_SALE = new Set(['lead', 'qualified', 'discovery', 'demo', 'proposal', 'negotiation']);

export interface ExpansionCue { text: string; speaker?: string; email?: string; team?: string; seats?: number }

const UNIT = new Set(['studio', 'campus', 'school', 'location', 'staff', 'team', 'teams', 'office', 'offices', 'department', 'dept', 'group', 'division', 'org', 'organisation', 'organization', 'region', 'subsidiary', 'hub', 'unit', 'site',
  'branch', 'function', 'practice', 'squad', 'warehouse', 'clinic', 'store', 'plant', 'entity', 'country', 'business', 'arm', 'lab', 'centre', 'center', 'desk']);
const DEPARTMENT = new Set(['legal', 'marketing', 'hr', 'qa', 'facilities', 'finance', 'sales', 'security', 'procurement', 'support', 'engineering', 'operations', 'ops', 'it', 'design',
  'treasury', 'research', 'product', 'recruiting', 'compliance', 'accounting', 'payroll', 'logistics', 'purchasing', 'partnerships', 'success', 'analytics', 'data', 'audit', 'risk', 'tax']);
const CAPACITY = / (?:seat|licen[cs]e|licence|user|account|workspace|access|space|instance|login|people|person|employee|member|staff|colleague|analyst|engineer|agent|rep|head|headcount|tenant|environment|site) /;
/** Asking for more: the verbs and phrases of wanting, adding and rolling out. */
const GROW = / (?:want|would like|need|ask|request|keen|interested|eager|hope|plan|intend|add|extend|expand|roll (?:\S+ ){0,3}out|onboard|provision|spin up|bring (?:\S+ ){0,5}onto|come onto|get access|join the rollout|start use|start using|in as well|want in|be onboard|extra|more|additional|another|its own|of its own|their own|of their own|separate|too|as well) /;
/** Shrinking, moving people, or capacity already in place. */
const CONTRACTION = / (?:reduce|reduction|cut|cutting|remove|removal|drop|shrink|shrinking|downsize|downsizing|fewer|less|consolidate|consolidating|cancel|decrease|lower|trim|scale back|scale down|offboard|end|reassign|transfer|free up|save licen[cs]e|save seat|go back to|went back|share the existing|already licen[cs]e|already license|already have|all licen[cs]ed|off the table) | (?:office|team|site|store|branch|unit|department|division|hub) (?:be )?(?:close|closing|shut|wind down) /;
const PERSON_MOVING = / (?:i|she|he|they|\S+) (?:just )?(?:move|moved|transfer|transferred|relocate|relocated) to (?:our|the|a) /;
/** A rollout already agreed: "we are on track to bring the second plant onto the platform". */
const UNDERWAY = / (?:on track|as plan|as planned|as agreed|already (?:plan|agree|contract|include)|per the contract|on schedule) /;
const NEW_THING = / new (?:\S+ )?(?:field|wi-fi|wifi|printer|laptop|template|form|feature|filter|floor|building|policy|process) /;

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};

function numberAt(s: Sent, k: number): number | undefined {
  const t = s.toks[k];
  if (!t) return undefined;
  const digits = /^\d{1,5}$/.exec(t.text.replace(/,/g, ''));
  if (digits) return Number(digits[0]);
  const compound = /^([a-z]+)-([a-z]+)$/.exec(t.lower);
  if (compound && NUMBER_WORDS[compound[1]] >= 20 && NUMBER_WORDS[compound[2]] < 10) return NUMBER_WORDS[compound[1]] + NUMBER_WORDS[compound[2]];
  const w = NUMBER_WORDS[t.lower];
  if (w === undefined) return undefined;
  const next = s.toks[k + 1] ? NUMBER_WORDS[s.toks[k + 1].lower.replace(/^-/, '')] : undefined;
  return next && next < 10 && w >= 20 ? w + next : w;
}

/** Seats: a number before a people or capacity noun ("25 seats", "another ten users", "a dozen people", "(6 people)"). */
function seatsIn(s: Sent): number | undefined {
  for (let k = 0; k < s.toks.length; k += 1) {
    const n = numberAt(s, k);
    if (n === undefined) continue;
    // "their own licences, about thirty of them": the number counts the capacity named before it.
    if (s.toks[k + 1]?.lower === 'of' && s.toks[k + 2]?.lower === 'them' && s.toks.slice(0, k).some((x) => CAPACITY.test(` ${x.lemma} `))) return n;
    for (let j = k + 1; j < Math.min(s.toks.length, k + 4); j += 1) {
      // A capacity noun, or people by their role ("designers", "nurses", "recruiters"): a plural noun of a person.
      const x = s.toks[j];
      if (CAPACITY.test(` ${x.lemma} `) || (x.pos === 'NOUN' && x.lower !== x.lemma && /(?:er|or|ist|ian|ant|ent|nurse|staff|hire|lead|rep)$/.test(x.lemma))) return n;
      if (!['more', 'extra', 'additional', 'new', 'of', 'its', 'their', 'own', 'named', 'full', 'paid', 'power', 'admin', '-'].includes(s.toks[j].lower) && NUMBER_WORDS[s.toks[j].lower] === undefined) break;
    }
  }
  return undefined;
}

/** The noun phrase ending in a unit word at token k, with its modifiers and an "in <Place>" tail. */
function unitPhrase(s: Sent, k: number): string {
  const t = s.toks;
  let a = k;
  while (a - 1 >= 0 && (['ADJ', 'NOUN', 'PROPN'].includes(t[a - 1].pos) || (t[a - 1].pos === 'VERB' && t[a - 1].lower.endsWith('ing'))) && !['new', 'own', 'whole', 'entire', 'other', 'next', 'same'].includes(t[a - 1].lower) && !/^\d/.test(t[a - 1].text)) a -= 1;
  // A word the tagger reads as a preposition or adverb but that sits between the determiner and the noun is a modifier ("the inside sales team", "our back office staff").
  if (a < k && a - 2 >= 0 && ['ADP', 'ADV'].includes(t[a - 1].pos) && ['DET', 'PRON'].includes(t[a - 2].pos) && /^\p{Ll}+$/u.test(t[a - 1].text)) a -= 1;
  let b = k;
  while (t[b + 1] && UNIT.has(t[b + 1].lemma)) b += 1; // "the Porto warehouse team"
  if (t[b + 1]?.lower === 'in' && t[b + 2]?.cap) { b += 2; while (t[b + 1]?.cap) b += 1; }
  const phrase = t.slice(a, b + 1).map((x) => x.text).join(' ');
  // A bare unit ("their 40 staff", "the team") takes its place from elsewhere in the sentence: "a company in Warsaw … their staff".
  if (a === k && b === k && !phrase.includes(' in ')) {
    const at = t.findIndex((x, n) => ['in', 'at'].includes(x.lower) && t[n + 1]?.cap && t[n + 1].pos === 'PROPN' && !/^(?:january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])$/.test(t[n + 1].lower));
    if (at >= 0) { let e = at + 1; while (t[e + 1]?.cap && t[e + 1].pos === 'PROPN') e += 1; return `${phrase} ${t.slice(at, e + 1).map((x) => x.text).join(' ')}`; }
  }
  return phrase;
}

/** Which unit wants it: the one the rollout goes to, else the first unit or department named. */
function teamIn(s: Sent): string | undefined {
  const t = s.toks;
  const target = findAll(s, / (?:to|onto|add|onboard|include) (?:our |the |their |its |a |an )?/);
  for (const h of target) {
    for (let k = h.end; k < Math.min(t.length, h.end + 5); k += 1) {
      if (UNIT.has(t[k].lemma) && k > h.end - 1) return unitPhrase(s, k);
      if (t[k].pos === 'PUNCT' || (t[k].pos === 'VERB' && !t[k].lower.endsWith('ing'))) break;
    }
  }
  for (let k = 0; k < t.length; k += 1) if (UNIT.has(t[k].lemma) && !(t[k].lemma === 'business' && t[k + 1]?.lower !== 'unit')) {
    const phrase = unitPhrase(s, k);
    if (phrase.split(' ').length > 1 || t[k - 1]?.pos === 'DET' || t[k - 1]?.pos === 'PRON') return phrase;
  }
  // A department named as the one asking: "Legal is keen…", "Sales ops asked…", "Customer success in Madrid has asked…".
  for (let k = 0; k < t.length; k += 1) {
    // Named as a department, so capitalised ("Legal", "IT", "Sales ops"): not the pronoun "it" or "security" in passing.
    // Or, in lower case, a two-word department opening the sentence as its subject ("customer service wants access too").
    const lowerCompound = k === 1 && t[0].pos === 'NOUN' && t[0].lower !== 'it' && ['AUX', 'VERB'].includes(t[2]?.pos ?? '');
    if (!(DEPARTMENT.has(t[k].lower) || (lowerCompound && ['service', 'services', 'care', 'relations'].includes(t[k].lower))) || !(t[k].cap || t[k - 1]?.cap || lowerCompound)) continue;
    // Only as the one asking (a subject: "Legal is keen", "Sales ops asked"), not as a modifier ("the data processing addendum").
    const after = t[k + 1];
    if (after && !(after.pos === 'AUX' || after.pos === 'VERB' || DEPARTMENT.has(after.lower) || after.lower === 'in' || after.text === ',')) continue;
    let a = k;
    while (a - 1 >= 0 && (t[a - 1].cap || DEPARTMENT.has(t[a - 1].lower) || (lowerCompound && a - 1 === 0)) && t[a - 1].pos !== 'PRON' && !['the', 'our', 'their'].includes(t[a - 1].lower)) a -= 1;
    let b = k;
    while (b + 1 < t.length && (DEPARTMENT.has(t[b + 1].lower) || ['ops'].includes(t[b + 1].lower))) b += 1;
    if (t[b + 1]?.lower === 'in' && t[b + 2]?.cap) { b += 2; while (t[b + 1]?.cap) b += 1; }
    return t.slice(a, b + 1).map((x) => x.text).join(' ');
  }
  return undefined;
}

function expansionIn(s: Sent): { team?: string; seats?: number } | undefined {
  const line = ` ${s.toks.map((x) => x.lemma).join(' ')} `;
  if (CONTRACTION.test(line) || PERSON_MOVING.test(line) || NEW_THING.test(line) || UNDERWAY.test(line) || /\b(fewer|merg(e|es|ed|ing))\b/i.test(s.text)) return undefined;
  // Access already had ("our IT team got access to the admin console yesterday") is a fact, not a want.
  if (/\b(?:got|gotten|had|was given|were given|received|has|have) (?:\w+ )?access\b/i.test(s.text) && !/ (?:want|would like|need|ask|request|keen|more|extra|additional|another|own) /.test(line)) return undefined;
  if (/ (?:expand|elaborate) on /.test(line) || / (?:try|tried) it once /.test(line)) return undefined;
  const grow = findAll(s, GROW);
  const newUse = / new (?:use case|initiative|project|workflow|department|business unit|region|market) /.test(line);
  if (!newUse && (!grow.length || grow.every((h) => negated(s, h.start)))) return undefined;
  if (s.toks.some((x) => x.neg && ['use', 'need', 'want'].includes(x.lemma))) return undefined;
  const team = teamIn(s);
  const seats = seatsIn(s);
  const capacity = findAll(s, CAPACITY).some((h) => {
    const before = s.toks[h.start - 1];
    return before && (before.pos === 'NUM' || ['more', 'extra', 'additional', 'another', 'own', 'new', 'separate', 'a', 'its', 'their', 'few', 'dozen', 'in', 'access', 'get'].includes(before.lower) || NUMBER_WORDS[before.lower] !== undefined);
  }) || / (?:access|want in|onboard|roll (?:\S+ ){0,3}out|(?:extend|expand) (?:\S+ ){0,3}to|add (?:them|the \S+ (?:\S+ )?(?:team|group|office))|on the platform|onto the platform|come onto|bring (?:\S+ ){0,5}onto|join the rollout|start use|start using|own workspace|a workspace|separate workspace) /.test(line);
  // A unit that asks ("Another region is asking for it"), more capacity on its own ("40 more seats"), a new use case or initiative.
  // The unit asks for the product itself (it, access, a place of its own, to use or join it), not for a quote or a favour.
  const unitAsks = Boolean(team) && / (?:want|ask|request|keen|interested|eager|need|would like) (?:\S+ ){0,3}?(?:it|access|in|to use|to join|to be onboard|to be onboarded|to come|to start|to get access|to get on|their own|its own|a workspace|the tool|the platform|the product|licen\S*|seat|account|on board|onboard|too|as well) /.test(line);
  const moreCapacity = findAll(s, / (?:more|additional|extra|another) (?:\S+ )?(?:seat|licen[cs]e|licence|user|account|workspace) /).length > 0 || (seats !== undefined && / (?:add|more|additional|extra|another|new) /.test(line));
  if (!((team && capacity) || unitAsks || moreCapacity || newUse)) return undefined;
  return { ...(team ? { team } : {}), ...(seats !== undefined ? { seats } : {}) };
}

/** The account's people (or our notes reporting them) asking for a new unit to come on board. */
export function findExpansion(parts: Utterance[], opts: { reported?: boolean; stage?: string } = {}): ExpansionCue[] {
  // Before the first purchase, a team and a headcount are the deal itself, not growth.
  if (opts.stage && PRE_SALE.has(opts.stage)) return [];
  return parts.filter((u) => u.side === 'them' || (opts.reported && u.side === 'us')).flatMap((u) => {
    const out: ExpansionCue[] = [];
    let prev: { at: number; cue: ExpansionCue } | undefined;
    for (const [i, s] of analyze(u.text).entries()) {
      const e = expansionIn(s);
      if (!e) continue;
      // "…bring our clinics onto it. That's another ninety staff.": the headcount belongs to the unit just named.
      if (prev && prev.at === i - 1 && e.seats !== undefined && !e.team && prev.cue.team && prev.cue.seats === undefined) {
        prev.cue.seats = e.seats;
        continue;
      }
      const cue: ExpansionCue = { text: s.text, ...(u.speaker ? { speaker: u.speaker } : {}), ...(u.email ? { email: u.email } : {}), ...e };
      out.push(cue);
      prev = { at: i, cue };
    }
    return out;
  });
}
