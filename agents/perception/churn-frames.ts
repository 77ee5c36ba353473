// Churn frames read from roles rather than phrasings: what is cut or ended (the object is ours: the
// licences, the seats, the subscription, the platform, "this line" of the budget), to whom a complaint
// is escalated (an executive), whose trust is lost and in what, whose advocacy stops, what "we were
// promised" and how far the product is from it, what is being reconsidered, and life planned without
// the product. Each frame names a verb class by lemma and checks its argument, so a new phrasing of the
// same act ("trim the seat count", "halve our licences", "bring the users down to 80") needs no new line.
import type { Sent, Tok } from './nlp.js';
import { negated } from './frames.js';
import { lookup } from '../lookup.js';

/** Head nouns that name what a customer buys from us (lemmas). */
const OURS = new Set(['licence', 'license', 'seat', 'subscription', 'contract', 'agreement', 'plan', 'tier', 'platform', 'tool', 'product', 'software', 'service', 'solution', 'renewal', 'user', 'you', 'vendor', 'module', 'add-on', 'addon']);
/** Nouns that count: one of them is not the account. */
const COUNTED = new Set(['licence', 'license', 'seat', 'user']);
/** Money nouns: cutting them is churn only when the sentence also names what of ours is cut. */
const MONEY = new Set(['budget', 'spend', 'spending', 'cost', 'costs', 'line', 'budgets']);
/** Verbs of reduction and ending (lemmas; the second word of a phrasal verb is checked apart). */
const REDUCE = new Set(['cut', 'reduce', 'trim', 'halve', 'slash', 'shrink', 'downsize', 'lower', 'decrease', 'scale', 'pare', 'bring', 'zero', 'axe', 'ax', 'drop', 'cancel', 'terminate', 'switch', 'turn', 'phase', 'decommission', 'retire', 'sunset', 'kill', 'remove', 'eliminate', 'consolidate', 'rationalise', 'rationalize']);
/** Phrasal verbs that only reduce with their particle ("bring down", "switch off", "scale back"). */
const PARTICLE: Record<string, string[]> = { scale: ['back', 'down'], pare: ['back', 'down'], bring: ['down'], zero: ['out'], switch: ['off'], turn: ['off'], phase: ['out'] };
const CLAUSE_END = new Set([',', ';', ':', '.', '!', '?', '–', '—']);
const SPARED = / (?:protect|spare|safe|exempt|untouched|ring-fence|ringfence|unaffected|touch|affect|increase|add|grow|expand|upgrade) /;
/** Who says a cut is someone else's (a peer, another company, other customers): not this account. */
const OTHERS = / (?:friend|peer|another|other|competitor|neighbour|neighbor|former colleague) /;

const lemmaLines = new WeakMap<Tok[], string>();
/** The lemmas of tokens as one spaced line; a sentence's whole line is built once (every frame reads it). */
export const lemmas = (ts: Tok[]): string => {
  let line = lemmaLines.get(ts);
  if (line === undefined) { line = ` ${ts.map((t) => t.lemma).join(' ')} `; lemmaLines.set(ts, line); }
  return line;
};

/** Tokens of the clause around i: up to the nearest clause punctuation or coordinating "but" either side. */
export function clauseOf(s: Sent, i: number): { start: number; end: number } {
  let start = i;
  while (start > 0 && !CLAUSE_END.has(s.toks[start - 1].text) && s.toks[start - 1].lower !== 'but') start -= 1;
  let end = i;
  while (end + 1 < s.toks.length && !CLAUSE_END.has(s.toks[end + 1].text) && s.toks[end + 1].lower !== 'but') end += 1;
  return { start, end };
}

/** Whether token k heads something of ours: "licences", "the seat count", "this line", "the line for us", "your platform". */
export function oursAt(s: Sent, k: number): boolean {
  const t = s.toks[k];
  const next = s.toks[k + 1];
  if (t.lemma === 'line') {
    const det = s.toks[k - 1]?.lower;
    // ("The line for our platform" is ours in our own notes; the account's own platform has no line in its vendor budget.)
    return ['this', 'that', 'your'].includes(det ?? '') || (next?.lower === 'for' && ['us', 'you', 'this', 'the', 'your', 'our'].includes(s.toks[k + 2]?.lower ?? ''));
  }
  if (!OURS.has(t.lemma)) return false;
  if (t.lemma === 'you') return t.pos === 'PRON';
  // One seat or licence (a leaver's) is housekeeping; a count of them is the account shrinking.
  if (COUNTED.has(t.lemma) && t.lower === t.lemma && !['count', 'number', 'numbers', 'total'].includes(next?.lower ?? '')
    && !s.toks.slice(Math.max(0, k - 3), k).some((x) => x.pos === 'NUM')) return false;
  // A modifier ("user conference", "contract template") is not the thing; "seat count", "licence number" are.
  if (next && next.pos === 'NOUN' && !['count', 'number', 'numbers', 'total', 'base', 'value', 'cost', 'costs', 'spend', 'size', 'fee', 'fees'].includes(next.lower)) return false;
  // An agreement "with" someone other than us ("our framework agreement with the courier") is theirs.
  if (['contract', 'agreement', 'subscription', 'partnership', 'relationship'].includes(t.lemma) && next?.lower === 'with'
    && !['you', 'your', 'us', 'ourco'].includes(s.toks[k + 2]?.lower ?? '')) return false;
  // Every supplier alike ("every vendor is getting this note", "all our vendors") is not us in particular.
  if (['vendor', 'supplier', 'provider'].includes(t.lemma) && s.toks.slice(Math.max(0, k - 3), k).some((x) => ['every', 'all', 'each', 'any', 'other', 'others'].includes(x.lower))) return false;
  // A third party's contract or tool ("our Gong contract", "the courier's service") is not ours.
  const before = s.toks.slice(Math.max(0, k - 3), k);
  return !before.some((x) => x.pos === 'PROPN' && x.cap && !['I'].includes(x.text));
}

function reductionVerb(s: Sent, i: number): boolean {
  const t = s.toks[i];
  if (!REDUCE.has(t.lemma) || t.pos === 'NOUN' || t.pos === 'ADJ') return false;
  const parts = lookup(PARTICLE, t.lemma);
  if (!parts) return true;
  return s.toks.slice(i + 1, i + 6).some((x) => parts.includes(x.lower));
}

/** Particles and quantity words between a verb and its object ("bring down the", "cut the number of"). */
const SKIP = new Set(['down', 'back', 'off', 'out', 'up']);
const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

/** The noun phrase a verb at i acts on: its direct object, "of" continuations included ("the number of licences"). */
function objectOf(s: Sent, i: number): number[] {
  const t = s.toks;
  let k = i + 1;
  while (k < t.length && SKIP.has(t[k].lower)) k += 1;
  const out: number[] = [];
  while (k < t.length && (NP_POS.has(t[k].pos) || MONEY.has(t[k].lemma) || (t[k].pos === 'PRON' && ['our', 'your', 'their', 'my', 'you'].includes(t[k].lower)) || (t[k].lower === 'of' && out.length > 0))) {
    out.push(k);
    if (t[k].lower === 'you') break;
    k += 1;
  }
  return out;
}

/** The subject of a passive verb at i ("the budget line for us has been zeroed out"): the words back to the clause start. */
function passiveSubjectOf(s: Sent, i: number, clauseStart: number): number[] {
  const t = s.toks;
  let k = i - 1;
  while (k >= clauseStart && (t[k].pos === 'ADV' || t[k].pos === 'PART')) k -= 1;
  if (k < clauseStart || !(t[k].lemma === 'be' || t[k].lemma === 'get')) return [];
  const out: number[] = [];
  for (let j = k - 1; j >= clauseStart && j >= k - 8; j -= 1) {
    if (t[j].pos === 'VERB' || t[j].pos === 'SCONJ') break;
    if (t[j].pos !== 'AUX') out.push(j);
  }
  return out;
}

/** Why a cut is made: pressure on money or value ("finance has asked us", "to save budget", "in half"), not a team that got smaller. */
const PRESSURE = / (?:finance|budget|spend|spending|cost|costs|saving|savings|afford|cfo|procurement|board|leadership|management|value|justify|roi|price|pricing|expensive|half|halve|zero|go) /;
/** Right-sizing: fewer people, a project over, an office closed. Not dissatisfaction. */
const RIGHT_SIZE = / (?:since|because|as|now that) (?:\S+ ){0,5}?(?:downsize|leave|left|finish|end|close|shut|smaller|fewer|restructure|merge) /;
/** The group that used the seats is gone: "that crew was disbanded", "the night shift has been closed". */
const GROUP_GONE = / (?:crew|team|shift|depot|office|site|department|unit|division|branch|warehouse|project|programme|program|pilot) (?:\S+ ){0,3}?(?:be |get |have be )(?:disband|dissolve|close|shut|wind down|merge|sell|sold|end|finish|cancel|scrap|axe) /;
/** The thing ended belongs to someone before us or beside us. */
const PREVIOUS = / (?:with|from) (?:the |our |a )?(?:previous|old|former|legacy|prior|current|other) /;

/**
 * A cut or an end of what the account buys from us, under money or value pressure: "finance has asked
 * us to cut the licences in half", "procurement has been told to bring the seat count down", "the
 * budget line for us has been zeroed out", "reduce software spend, and this tool is first on the list".
 * Not a right-sizing (a smaller team, an office closed), not a cut of travel or events, not a cut said
 * to spare us, not someone else's.
 */
export function reductionFrame(s: Sent): boolean {
  const t = s.toks;
  const line = lemmas(t);
  const pressed = PRESSURE.test(line) && !RIGHT_SIZE.test(line);
  for (let i = 0; i < t.length; i += 1) {
    if (!reductionVerb(s, i) || negated(s, i)) continue;
    const { start, end } = clauseOf(s, i);
    if (SPARED.test(lemmas(t.slice(start, end + 1))) || OTHERS.test(lemmas(t.slice(start, i)))) continue;
    const obj = objectOf(s, i);
    if (PREVIOUS.test(lemmas(t.slice(obj.length ? obj[obj.length - 1] + 1 : i + 1, end + 1)))) continue;
    const args = [...obj, ...passiveSubjectOf(s, i, start)];
    // A named thing cut ("switching off Kestrel"), not a name modifying what is cut ("slash SaaS spend").
    const named = (k: number | undefined) => k !== undefined && t[k].pos === 'PROPN' && t[k].cap && !OURS.has(t[k].lemma);
    if (named(obj[obj.length - 1]) || passiveSubjectOf(s, i, start).some(named)) continue;
    if (pressed && args.some((k) => oursAt(s, k))) return true;
    // Money cut in one clause and something of ours named, unspared, in the next ("…and this tool is first on the list").
    if (args.some((k) => MONEY.has(t[k].lemma))) {
      const rest = t.slice(end + 1);
      const restLine = lemmas(rest);
      if (!SPARED.test(restLine) && !/ (?:nothing|not|n't|never) /.test(restLine) && rest.some((x, n) => oursAt(s, end + 1 + n) && x.lemma !== 'user')) return true;
    }
  }
  // "Next year's budget doesn't include your platform": money that no longer covers us.
  for (let i = 0; i < t.length; i += 1) {
    if (!['include', 'cover', 'fund', 'allow', 'have'].includes(t[i].lemma) || !negated(s, i)) continue;
    if (!t.slice(0, i).some((x) => ['budget', 'plan', 'forecast', 'spend', 'plans'].includes(x.lemma))) continue;
    // What is not covered is the verb's own object ("doesn't include your platform"), not a noun further on
    // ("won't have an answer on the renewal": the answer is what is missing).
    const obj = t.slice(i + 1, i + 6).findIndex((x) => x.pos === 'NOUN' || x.pos === 'PROPN' || x.lower === 'you');
    if (obj >= 0 && (oursAt(s, i + 1 + obj) || (['line', 'room', 'money', 'provision', 'space'].includes(t[i + 1 + obj].lemma) && t.slice(i + 2 + obj, i + 6 + obj).some((_, n) => oursAt(s, i + 2 + obj + n))))) return true;
  }
  // "Finance wants this line gone": something of ours wanted gone.
  for (let i = 0; i + 2 < t.length; i += 1) {
    if (!['want', 'need', 'like'].includes(t[i].lemma) || negated(s, i)) continue;
    const gone = t.slice(i + 2, i + 7).findIndex((x) => (x.lemma === 'go' && x.lower === 'gone') || ['removed', 'cut', 'cancelled', 'canceled', 'off'].includes(x.lower));
    if (gone < 0) continue;
    // "wants this line gone" (ours before the word); "wants us off this platform" (ours after "off").
    const at = i + 2 + gone;
    const span = t[at].lower === 'off' ? [at + 1, at + 2, at + 3] : Array.from({ length: at - i - 1 }, (_, n) => i + 1 + n);
    if (span.some((k) => k < t.length && oursAt(s, k))) return true;
  }
  return false;
}

const EXEC = / (?:ceo|cfo|coo|cio|cto|cro|vp|svp|evp|president|leadership|management|board|executive|exec|exco|c-suite|founder|owner|head of|director|chief|md|managing director) /;
/**
 * A complaint taken over someone's head: "escalating to your VP of Support", "asked her to take it up
 * with your leadership", "raising this with our CEO". Not a ticket moved to a support tier.
 */
export function escalationFrame(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i < t.length; i += 1) {
    const l = t[i].lemma;
    const take = l === 'take' && t.slice(i + 1, i + 4).some((x) => x.lower === 'up') && t.slice(i + 2, i + 6).some((x) => x.lower === 'with');
    const raise = ['raise', 'escalate', 'complain', 'elevate'].includes(l) && t[i].pos === 'VERB';
    if ((!take && !raise) || negated(s, i)) continue;
    // A person raised to a role ("Priya has been elevated to Chief Revenue Officer") is a promotion.
    if (raise && ['be', 'get'].includes(t[i - 1]?.lemma ?? '') && t.slice(0, i - 1).some((x) => (x.pos === 'PROPN' && x.cap) || ['he', 'she'].includes(x.lower))) continue;
    const { end } = clauseOf(s, i);
    const target = lemmas(t.slice(i + 1, Math.min(end + 1, i + 9)));
    if (EXEC.test(target) && !/ tier /.test(target)) return true;
  }
  return false;
}

const TRUST_NOUN = new Set(['trust', 'confidence', 'faith', 'credibility', 'patience', 'goodwill']);
const EROSION = new Set(['shake', 'dent', 'damage', 'erode', 'undermine', 'evaporate', 'shatter', 'destroy', 'hit', 'wane', 'slip', 'crack', 'vanish', 'shoot', 'drain', 'sap', 'wear', 'rock']);
/**
 * Trust lost in us or in what the product says: "our confidence has been badly shaken", "I don't trust
 * anything the dashboard tells me anymore", "credibility with my team is shot". Not trust in someone else
 * ("we lost confidence in our previous supplier").
 */
export function trustFrame(s: Sent): boolean {
  const t = s.toks;
  const line = lemmas(t);
  if (/ (?:previous|former|old|legacy|prior) /.test(line)) return false;
  for (let i = 0; i < t.length; i += 1) {
    if (TRUST_NOUN.has(t[i].lemma) && (t[i].pos === 'NOUN' || t[i].pos === 'PROPN')) {
      const { end } = clauseOf(s, i);
      const near = t.slice(i + 1, Math.min(end + 1, i + 15));
      if (near.some((x) => EROSION.has(x.lemma) || ['shot', 'gone', 'low', 'lowest', 'nonexistent', 'non-existent'].includes(x.lower))) return true;
    }
    // The verb "trust"/"rely on"/"believe" negated, with "anymore"/"any more" or an object of ours.
    if (['trust', 'rely', 'believe'].includes(t[i].lemma) && t[i].pos === 'VERB' && negated(s, i)) {
      const after = lemmas(t.slice(i + 1, i + 9));
      // Trust not earned yet ("doesn't trust it yet") is a new user's caution, not trust lost.
      if (/ yet /.test(lemmas(t.slice(i + 1, clauseOf(s, i).end + 1)))) continue;
      if (/ (?:anymore|any more|number|figure|datum|data|dashboard|report|forecast|you|your|it|platform|tool|product|output|result) /.test(after)) return true;
    }
  }
  return false;
}

const ADVOCATE = new Set(['recommend', 'champion', 'defend', 'justify', 'vouch', 'advocate', 'back', 'endorse', 'sell']);
/**
 * The champion's advocacy failing: "we've stopped recommending you internally", "hard to defend that to
 * finance", "not sure I can keep making the case for this platform", "can't justify the spend".
 */
export function advocacyFrame(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i < t.length; i += 1) {
    const l = t[i].lemma;
    const caseFor = l === 'make' && t[i + 1]?.lemma === 'the' && t[i + 2]?.lemma === 'case';
    if (!ADVOCATE.has(l) && !caseFor) continue;
    if (l === 'back' && t[i].pos !== 'VERB') continue;
    if (l === 'sell' && t[i + 1]?.lower !== 'internally' && t[i + 2]?.lower !== 'internally') continue;
    const before = t.slice(Math.max(0, i - 6), i);
    const beforeLine = lemmas(before);
    const stopped = / (?:stop|quit|no longer|hard|harder|difficult|tough|impossible|unable|struggle|can not|could not|not sure|unsure|doubt) /.test(beforeLine) || negated(s, i);
    if (!stopped) continue;
    // Advocacy for something of ours, or for an unnamed "that/this/it" (the cost just complained about).
    const obj = t.slice(i + 1, i + 8);
    if (obj.some((x, n) => oursAt(s, i + 1 + n) || ['this', 'that', 'it'].includes(x.lower) || x.lemma === 'renewal' || x.lemma === 'cost' || x.lemma === 'price')) return true;
  }
  return false;
}

const SAID = new Set(['promise', 'sell', 'pitch', 'tell', 'show', 'demo', 'describe', 'advertise', 'guarantee', 'lead', 'assure']);
const DISTANCE = / (?:a long way|long way|nowhere near|far from|miles from|miles away from|not even close to|a far cry from|nothing like|not remotely|nowhere close to|bear no resemblance to) (?:\S+ ){0,2}?what /;
/**
 * What we were promised set against what we got: "we were promised SSO by the summer", "we were sold a
 * self-serve tool and…", "a long way from what your team pitched". Not "exceeded what we were promised",
 * not "as promised", not a promise kept ("…and it arrived on time").
 */
export function promisedFrame(s: Sent): boolean {
  const t = s.toks;
  const line = lemmas(t);
  if (DISTANCE.test(line) && / (?:promise|sell|sold|pitch|tell|told|show|demo|describe|advertise|expect|lead|buy|sign) /.test(line)) return true;
  if (/ (?:exceed|deliver|arrive|keep|honour|honor|as promise|surpass|beat|live up) /.test(line)) return false;
  for (let i = 1; i < t.length; i += 1) {
    if (!SAID.has(t[i].lemma) || t[i].pos !== 'VERB') continue;
    const be = t[i - 1];
    const subj = t[i - 2];
    // Passive with us as the recipient, as the main clause (not "what we were promised", "than we were told").
    if (be?.lemma !== 'be' || !subj || !['we', 'i'].includes(subj.lower)) continue;
    if (['what', 'than', 'as', 'that', 'how', 'if'].includes(t[i - 3]?.lower ?? '')) continue;
    if (t[i].lemma === 'tell' && ['that', 'to'].includes(t[i + 1]?.lower ?? '')) continue;
    // Hearsay in the present ("I'm told your team can…", "we are told the COO has dinner with…"): news passed on, not a claim held against us.
    if (t[i].lemma === 'tell' && ['am', "'m", 'is', "'s", 'are', "'re"].includes(be.lower)) continue;
    // "I was told you could set up a sandbox, is that still on the table": what was said, asked after, not held against us.
    if (['tell', 'promise', 'show'].includes(t[i].lemma) && ['you', 'they', 'it', 'we'].includes(t[i + 1]?.lower ?? '') && ['could', 'can', 'would', 'will', "'d", 'might'].includes(t[i + 2]?.lower ?? '')
      && (t[t.length - 1]?.text === '?' || / (?:still|is that|be that|any update|on the table) /.test(line))) continue;
    if (t[i].lemma === 'show' && ['around', 'how'].includes(t[i + 1]?.lower ?? '')) continue;
    if (t[i].lemma === 'lead' && t[i + 1]?.lower !== 'to') continue;
    return true;
  }
  return false;
}

const RELATION = / (?:contract|subscription|licence|license|renewal|you|your|platform|tool|product|partnership|relationship|vendor|spend|investment|make sense|worth|right call|right choice|right decision|right move|mistake|sign with|buy|purchase) /;
/**
 * Second thoughts about the relationship: "revisit whether this contract still makes sense",
 * "questioning whether we made the right call choosing you", "rethinking our investment in the tool".
 */
export function doubtFrame(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i < t.length; i += 1) {
    if (!['revisit', 'reconsider', 'rethink', 'question', 'reassess', 're-assess', 're-evaluate', 'reevaluate', 're-examine', 'reexamine', 'doubt', 'second-guess', 'regret'].includes(t[i].lemma) && t[i].lower !== 'questioning' && !/^re-?(?:examin|evaluat|assess|think)/.test(t[i].lower)) continue;
    if (t[i].pos === 'NOUN' && t[i].lemma === 'question') continue;
    if (negated(s, i)) continue;
    const after = lemmas(t.slice(i + 1, i + 12));
    if (RELATION.test(after)) return true;
  }
  return false;
}

/**
 * Life planned without us: "plan for life without the platform", "how we'd manage without you", the exit
 * provisions read, staff moved back to spreadsheets, the tools consolidated onto another system.
 */
export function withoutFrame(s: Sent): boolean {
  const t = s.toks;
  const line = lemmas(t);
  for (let i = 0; i + 1 < t.length; i += 1) {
    if (t[i].lower !== 'without') continue;
    const prev = lemmas(t.slice(Math.max(0, i - 3), i));
    if (/ (?:life|manage|cope|do|get by|live|operate|run|plan|future) /.test(prev) && t.slice(i + 1, i + 4).some((x, n) => oursAt(s, i + 1 + n) || x.lower === 'it')) return !negated(s, i);
  }
  // Reading the way out of an agreement in force; not a clause being drafted into a new one ("add a termination clause").
  // (A person's notice period, "until his notice period ends", is a leaver's, not the account's.)
  if (/ (?:exit|termination|break|cancellation|cancelation|cancel|notice|offboarding|off-boarding) (?:provision|clause|term|option|right|fee|process|plan|strategy|period|policy|step|checklist|playbook|runbook)s? /.test(line)
    && !/ (?:add|include|insert|draft|negotiate|standard|template|redline|propose) /.test(line) && !/ (?:his|her) (?:\S+ )?(?:notice|exit|termination) /.test(line)
    // (Asked for the records, not for a way out: "for our vendor register", "just curious", "for the audit".)
    && !/ (?:register|record|audit|compliance|due diligence|documentation|board pack|curious|all (?:our |of our )?(?:vendor|supplier)s|every (?:vendor|supplier)) /.test(line)) return true;
  // Back to the manual way: "moving the reps back to spreadsheets", "reverting to Excel".
  // Only a move under way ("we've started moving", "are going back"), not a past trial that did not take ("tried it once and went back").
  if (/ (?:move|go|revert|fall|switch|return|migrate) (?:\S+ ){0,4}?(?:back )?to (?:an? |the |their |our |his |her |my )?(?:own )?(?:spreadsheet|excel|sheet|google sheet|pen and paper|paper|manual|email|the old way|our own|in-house|homegrown|home-grown|internal build|whiteboard|clipboard|notebook|post-it|sticky note)/.test(line)) {
    const at = t.findIndex((x) => ['move', 'go', 'revert', 'fall', 'switch', 'return', 'migrate'].includes(x.lemma));
    // Under way or done and standing ("have gone back", "went back to paper this morning"), not a trial that did not take.
    const done = at >= 0 && (t.slice(Math.max(0, at - 4), at).some((x) => x.lemma === 'have') || /ed$|^went$|^gone$/.test(t[at].lower))
      && !/ (?:try|once|at first|initially|briefly|trial|pilot|test|for a (?:day|week)|for the day|ago|last year|year ago|outage|downtime|while|during|until|down) /.test(line);
    const underWay = at >= 0 && (/ing$/.test(t[at].lower) || ['will', "'ll", 'to'].includes(t[at - 1]?.lower ?? '') || done);
    if (underWay && !negated(s, at) && !/ never /.test(line)) return true;
  }
  // Consolidating onto another system: what we do moved into someone else's.
  // (Not merging its own workspaces "into one".)
  // (Nor a count of seats or one of our own workspaces: "consolidated onto 40 seats", "into our EMEA instance".)
  if (/ consolidate (?:onto|into|on to) (?!one |a single |\d+ |(?:a |the |our |your |one )?(?:\S+ )?(?:seat|licence|license|user|workspace|account|plan|tier|instance|team|region)s? )/.test(line)) return true;
  return false;
}

const NEGATOR = new Set(['not', "n't", 'never', 'nobody', 'nothing', 'neither']);
const TIMEWORD = new Set(['next', 'end', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'spring', 'summer', 'autumn', 'fall', 'winter', 'q1', 'q2', 'q3', 'q4', 'fy', 'year', 'quarter', 'month', 'week', 'then', 'later']);
/**
 * A going-on verb at v (renew, extend, continue) negated where the negation denies something else:
 * unable by a channel or a permission ("can't renew online", "can't renew the seats myself"), late ("didn't
 * renew on time"), timing ("don't renew until June"), or a double negation ("no reason we wouldn't extend",
 * "I didn't mean to suggest we won't renew"). c0..c1 is the verb's clause.
 */
export function goOnAside(s: Sent, v: number, c0: number, c1: number): boolean {
  const t = s.toks;
  if (t.slice(Math.max(c0, v - 4), v).some((x) => ['can', 'could', 'able', 'unable'].includes(x.lemma)) && / (?:online|portal|page|button|error|card|payment|link|log in|login|checkout|website|site|myself|admin|permission|role|access|right) /.test(lemmas(t))) return true;
  // "didn't renew on time because procurement was slow": late, not declined.
  if (/ (?:on|in) time /.test(lemmas(t.slice(v, Math.min(c1, v + 5) + 1)))) return true;
  const until = t.slice(v + 1, Math.min(c1 + 1, v + 6)).find((x) => ['until', 'till', 'before'].includes(x.lower));
  if (until && (t[until.i + 1]?.pos === 'NUM' || TIMEWORD.has(t[until.i + 1]?.lower ?? '') || TIMEWORD.has(t[until.i + 2]?.lower ?? ''))) return true;
  // ("no reason we wouldn't extend": "no" before a noun counts as the first negator.)
  return t.slice(c0, v).filter((x) => NEGATOR.has(x.lower) || (x.lower === 'no' && (t[x.i + 1]?.lower === 'one' || t[x.i + 1]?.pos === 'NOUN'))).length >= 2;
}

const GO_ON = new Set(['continue', 'carry', 'stay', 'proceed', 'happen', 'extend', 'renew', 'stick', 'keep', 'take']);
/**
 * Not going on with us, said of the relationship: "we've made the call not to carry on with you", "the
 * renewal isn't happening", "we won't proceed with another term". Not a meeting or a project, not a
 * purchase that is merely not ready (that is buying's stall, not churn).
 */
export function stopFrame(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i < t.length; i += 1) {
    if (!GO_ON.has(t[i].lemma) || t[i].pos !== 'VERB' || !negated(s, i)) continue;
    if (t[i].lemma === 'carry' && t[i + 1]?.lower !== 'on') continue;
    // "won't be taking up the add-on again next year": taken up again, not taken.
    if (t[i].lemma === 'take' && !(t[i + 1]?.lower === 'up' && / (?:again|next|another|from) /.test(lemmas(t.slice(i + 2, clauseOf(s, i).end + 1))))) continue;
    // "did not extend our Gong contract": a third party's paper; "you don't need to extend anything": no need, and our act.
    if (thirdPartyObject(s, i)) continue;
    if (t[i - 1]?.lower === 'to' && ['need', 'have'].includes(t[i - 2]?.lemma ?? '')) continue;
    const { start, end } = clauseOf(s, i);
    if (goOnAside(s, i, start, end)) continue;
    const clause = t.slice(start, end + 1);
    // ("You" before the verb is our side as the subject, not what goes on.)
    if (clause.some((x, n) => (x.lemma === 'renewal' || x.lemma === 'partnership' || x.lemma === 'relationship' || (oursAt(s, start + n) && !(x.lower === 'you' && start + n < i))) && x.lemma !== 'user')
      && !/ (?:meeting|call|project|pilot|trial|ticket|migration|until|ready|yet) /.test(lemmas(t.slice(i, end + 1)))) return true;
  }
  return false;
}

const CLAIM = new Set(['say', 'describe', 'promise', 'show', 'claim', 'advertise', 'pitch', 'sell', 'demo', 'tell', 'present', 'quote']);
/** The product set against the claim, in any verb: "nothing about this matches what your exec described", "it doesn't do what it said on the tin". */
export function mismatchFrame(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i + 2 < t.length; i += 1) {
    if (t[i].lower !== 'what') continue;
    const claim = t.slice(i + 1, i + 6).findIndex((x) => CLAIM.has(x.lemma) && x.pos === 'VERB');
    if (claim < 0) continue;
    const who = t.slice(i + 1, i + 1 + claim);
    if (!who.some((x) => ['you', 'your', 'it', 'they'].includes(x.lower))) continue;
    // The verb before "what" that is negated: "doesn't do / match / resemble / live up to".
    const verb = t.slice(Math.max(0, i - 4), i).reverse().find((x) => x.pos === 'VERB' || x.lemma === 'do');
    const nothing = t.slice(Math.max(0, i - 6), i).some((x) => ['nothing', 'none', 'nowhere'].includes(x.lower));
    if (verb && (negated(s, verb.i) || nothing) && !praiseAround(s)) return true;
  }
  return false;
}

const PROBLEM = / (?:outage|issue|problem|incident|failure|delay|complaint|situation|this|it|matter|service|performance|bug|downtime|experience) /;
/**
 * A problem brought before an executive without the word "escalate": "this has now gone to our COO",
 * "my VP has asked for a call with your leadership about the outages". Not an executive brought in to
 * sign, approve or announce.
 */
export function executiveFrame(s: Sent): boolean {
  const t = s.toks;
  const line = lemmas(t);
  if (!EXEC.test(line) || / (?:sign|signature|approve|announce|roll out|rollout|love|excite|demo|kickoff|kick-off|welcome|introduce|budget for) /.test(line)) return false;
  for (let i = 0; i < t.length; i += 1) {
    const l = t[i].lemma;
    const brought = ['go', 'forward', 'send', 'bring', 'take'].includes(l) && t.slice(i + 1, i + 4).some((x) => x.lower === 'to');
    const meet = l === 'ask' && t.slice(i + 1, i + 4).some((x) => ['call', 'meeting', 'conversation', 'word'].includes(x.lemma));
    if (!brought && !meet) continue;
    if (negated(s, i)) continue;
    const target = lemmas(t.slice(i + 1, i + 10));
    const subject = lemmas(t.slice(0, i));
    if (EXEC.test(brought ? target : ` ${subject} ${target} `) && PROBLEM.test(brought ? subject : target)) return true;
  }
  return false;
}

/** An ultimatum: "one more outage and we're out", "another missed deadline and we walk". */
export function ultimatumFrame(s: Sent): boolean {
  return / (?:one more|another|any more|one other|next) (?:\S+ ){1,3}?(?:and|&) (?:we|i) (?:will )?(?:be )?(?:out|go|gone|do|done|leave|walk|finish|cancel) /.test(lemmas(s.toks));
}

function praiseAround(s: Sent): boolean {
  return / (?:better|exceed|surpass|more than|faster|great|love|impress) /.test(lemmas(s.toks));
}

const NOT_THE_ACCOUNT = / (?:meeting|call|invite|order|invoice|ticket|job|export|import|session|booking|request|training|webinar|demo|email|notification|alert|report|sync|run|upload|change|payment|transfer) /;
/** Asking the way out: "what would we need to do to terminate early?", "how do we cancel?". */
export function exitQuestion(s: Sent): boolean {
  const t = s.toks;
  if (t[t.length - 1]?.text !== '?' || !t.some((x) => ['we', 'our', 'us'].includes(x.lower))) return false;
  const line = lemmas(t);
  return / (?:to|we|i) (?:terminate|cancel|exit|get out of|break|end|leave) /.test(line) && !NOT_THE_ACCOUNT.test(line);
}

/** Any of the role-checked frames above. */
export function roleFrames(s: Sent): boolean {
  return reductionFrame(s) || escalationFrame(s) || trustFrame(s) || advocacyFrame(s) || promisedFrame(s) || doubtFrame(s) || withoutFrame(s)
    || stopFrame(s) || mismatchFrame(s) || executiveFrame(s) || ultimatumFrame(s) || exitQuestion(s);
}

/** What an ending verb at `v` acts on, when it names a thing that is not ours: "the office lease", "our Gong contract". */
export function thirdPartyObject(s: Sent, v: number): boolean {
  const t = s.toks;
  let k = v + 1;
  const np: number[] = [];
  // "extended past June", "renewed beyond March": a time, not an object.
  if (['past', 'beyond', 'until', 'till', 'after', 'before', 'into'].includes(t[k]?.lower ?? '')) return false;
  // The particle of a phrasal verb ("phase out the old dashboards") comes before the object.
  if (['out', 'off', 'down', 'away'].includes(t[k]?.lower ?? '')) k += 1;
  // Modifiers, then the noun run; what follows the nouns ("…the licences past March") is no longer the object.
  while (k < t.length && ['DET', 'PRON', 'ADJ', 'NUM'].includes(t[k].pos) && !['you', 'it', 'them', 'this', 'that', 'us'].includes(t[k].lower)) { np.push(k); k += 1; }
  // (The tagger reads "add-on" as a verb: it is the noun of what we sell.)
  const nounish = (x: Tok) => ['NOUN', 'PROPN'].includes(x.pos) || /^add-?ons?$/.test(x.lower);
  while (k < t.length && nounish(t[k])) { np.push(k); k += 1; }
  if (np.length === 0) return false;
  const head = t[np[np.length - 1]];
  if (!nounish(head)) return false;
  if (!OURS.has(head.lemma) && !['term', 'relationship', 'partnership', 'package', 'module', 'workspace'].includes(head.lemma)) return true;
  // "the contract with our old courier": an agreement with someone other than us.
  if (['contract', 'agreement', 'subscription', 'partnership', 'relationship'].includes(head.lemma) && t[k]?.lower === 'with' && !['you', 'your', 'us', 'ourco'].includes(t[k + 1]?.lower ?? '')) return true;
  if (ourDocument(head)) return false;
  return np.some((j) => t[j].pos === 'PROPN' && t[j].cap && !OURS.has(t[j].lemma) && !/^[A-Z]+$/.test(t[j].text));
}

/** A capitalised contract noun heads a document's title ("the Master Subscription Agreement"): ours. */
export function ourDocument(t: Tok | undefined): boolean {
  return Boolean(t && t.cap && ['agreement', 'contract', 'subscription', 'order', 'licence', 'license'].includes(t.lemma));
}

/** A count of seats or users brought down because there are fewer people: right-sizing, not churn. */
export function rightSizing(s: Sent): boolean {
  const line = lemmas(s.toks);
  return / (?:seat|licence|license|user)s? /.test(line) && (RIGHT_SIZE.test(line) || GROUP_GONE.test(line)) && !/ (?:frustrat|disappoint|value|worth|trust|unhappy|poor) /.test(line);
}

const PAST = new Set(['was', 'were', 'had', "'d"]);
/**
 * A churn moment told as the past and turned around: "back in the spring we were close to walking away,
 * but the new release turned it around", "we nearly cancelled last year, but support fixed it".
 */
export function turnedAround(s: Sent): boolean {
  const t = s.toks;
  const but = t.findIndex((x) => ['but', 'however', 'though', 'although'].includes(x.lower));
  if (but <= 0) return false;
  const after = lemmas(t.slice(but + 1));
  return toldAsPast(t.slice(0, but)) && betterSince(after);
}

/** Words that put what they say in the past ("back in the spring we were…", "last year I told you…", "we nearly…"). */
export function toldAsPast(ts: Tok[]): boolean {
  return ts.some((x) => PAST.has(x.lower)) || / (?:back in|last (?:year|quarter|month|spring|summer|autumn|fall|winter)|earlier|ago|nearly|almost|once|at first|initially|originally) /.test(lemmas(ts));
}

/** A lemma line saying things are better now: turned around, off the table, behind us, fixed, happy now. */
export function betterSince(line: string): boolean {
  return / (?:(?:long |well |firmly )?behind us|in the past|water under the bridge|off the table|no longer (?:a |an )?(?:issue|concern|worry|problem)|turn (?:it |things |that )?around|fix|resolve|sort|win (?:us|me|them|him|her|everyone|everybody) (?:back|over)|come (?:round|around)|change (?:our|my) mind|now (?:happy|great|good|fine)|good place|recover|bounce back|pick (?:back )?up|(?:be|feel) (?:happy|great|good|fine)|complete opposite|opposite|love|improve|exceed|much better|great|make (?:it|this|that) work|get (?:use|used) to|settle (?:down|in)|smooth|smoothly|plain sailing) /.test(line)
    && !/ (?:still|again|anymore|any more|not|n't|never) /.test(line);
}

/** The account beaten in its own market: "Kestrel just undercut us on the Gdansk lane", "we lost the tender to a rival haulier". */
const OWN_MARKET = / (?:beat|undercut|outbid|underbid|outprice|poach\S*|steal|stole|win|won) (?:us|our) | lose (?:the |a |an |our |that |this )?(?:\S+ )?(?:tender|bid|deal|lane|customer|client|account|pitch|contract|route|load|shipment)s? to /;
const MENTIONS_US = / (?:you|your|platform|tool|app|software|product|dashboard|report|sync|integration|subscription|licence|license|seat|renewal) /;

/** The act is someone else's: "a friend at another firm cancelled you", "other customers are leaving". */
export function someoneElses(s: Sent): boolean {
  // (The account's own market: a rival of theirs beating them is no grievance with us, for churn or for sentiment.)
  const all = lemmas(s.toks);
  if (OWN_MARKET.test(all) && !MENTIONS_US.test(all)) return true;
  // The subject: the words before the first verb.
  const v = s.toks.findIndex((x) => x.pos === 'VERB');
  const head = s.toks.slice(0, v < 0 ? 6 : Math.min(v, 8));
  // "The other half (of the team)" is the account's own people; "other customers", "another firm" are not.
  const headLine = lemmas(head).replace(/ the other (?:half|team|group|user|manager|planner|rep|member|one|people|person|site|depot|office)s? /, ' ');
  return (OTHERS.test(headLine) || / (?:last|previous|old|former) (?:company|job|employer|firm|role|vendor|provider|supplier|system|tool|platform|partner) | (?:our|their) (?:own )?(?:customer|client|member|user|shipper|consignee|buyer|retailer|merchant|dealer|tenant|subscriber|patient|student|franchisee|account holder)s? /.test(lemmas(head)))
    && !head.some((x) => ['we', 'i', 'us'].includes(x.lower));
}
