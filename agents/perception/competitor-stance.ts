// The customer's stance between a rival and us, and names the capitalised-name finder misses:
// - PREFERRED OVER US: "X over you", "X rather than renewing with you", "X instead of you" — the
//   customer's own voice ranking the rival above us (not "you over X", which keptOrChosen reads);
// - LOWER-CASE NAMES in any slot of the frame ("we got a demo from tallybird", "tallybird quoted
//   less than u"): a word the model has never seen that is not a typo of one it knows;
// - a PRODUCT named after its maker ("Sparrowline's Pipeline Pro trial", "Rivlo Forecast"): the
//   organisation is the maker.
import { inVocabulary, type Sent, type Tok } from './nlp.js';
import { negated, type NameSpan } from './frames.js';

const US = new Set(['you', 'your', 'yours', 'u', 'ur', 'us', 'yourselves']);
/** What the rival is put before: us, staying, renewing ("rather than renewing with you"). */
const STAYING = new Set(['renew', 'stay', 'stick', 'keep', 'continue', 'extend', 'remain']);

/** "X over you", "X over your platform", "X rather than (renewing with) you", "X instead of you": the rival ranked above us. */
export function preferredOverUs(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  let k = span.end + 1;
  if (t[k]?.text === "'s" || t[k]?.text === "'") k += 1;
  // The rival's thing may stand for it: "X's mobile app over yours".
  while (t[k] && t[k].pos === 'NOUN' && !t[k].cap && k - span.end < 4) k += 1;
  let rest = t.slice(k, k + 5);
  if (rest[0]?.lower === 'over') rest = rest.slice(1);
  else if (rest[0]?.lower === 'rather' && rest[1]?.lower === 'than') rest = rest.slice(2);
  else if (rest[0]?.lower === 'instead' && rest[1]?.lower === 'of') rest = rest.slice(2);
  else return false;
  // "over to you" is a hand-over, "over us" a rival standing above the speaker's own firm.
  if (rest[0]?.lower === 'to' || rest[0]?.lower === 'us') return false;
  const ours = US.has(rest[0]?.lower ?? '') || (STAYING.has(rest[0]?.lemma ?? '') && rest.slice(1, 4).some((x) => US.has(x.lower)));
  if (!ours) return false;
  // "nobody would pick X over you", "we'd never go with X over you": denied.
  return !t.slice(0, span.start).some((x, j) => x.pos === 'VERB' && negated(s, j)) && !t.slice(0, span.start).some((x) => ['never', 'nobody', 'no'].includes(x.lower));
}

const AHEAD = new Set(['ahead', 'in front']);
const EDGE_CUE = new Set(['price', 'pricing', 'cost', 'feature', 'features', 'option', 'you', 'your', 'yours', 'u', 'ur', 'scorecard', 'demo', 'functionality']);
const CHOICE = new Set(['option', 'choice', 'bet', 'fit', 'candidate', 'contender', 'bid', 'offer', 'proposal']);
/** "X is ahead of you", "X has the edge on price", "X looks like the stronger option", "we're leaning X": ranked above us. */
export function rankedAboveUs(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  const v = t[span.end + 1]?.text === "'s" ? span.end + 1 : t.slice(span.end + 1, span.end + 3).find((x) => ['be', 'have', 'look', 'seem', 'feel', 'sound'].includes(x.lemma))?.i;
  if (v !== undefined && !negated(s, v)) {
    const rest = t.slice(v + 1, v + 6);
    const line = ` ${rest.map((x) => x.lower).join(' ')} `;
    if (rest.some((x) => AHEAD.has(x.lower)) && / (?:ahead|in front) of (?:you|u|your|yours) /.test(line)) return true;
    if (/ the edge /.test(line) && t.some((x) => EDGE_CUE.has(x.lower))) return true;
    if (/ (?:the )?(?:strong|stronger|strongest|better|best|safer|cheaper|obvious|clear) /.test(line) && rest.some((x) => CHOICE.has(x.lemma))) return true;
  }
  // "we're leaning X": the verb takes the name with no preposition.
  const before = t[span.start - 1];
  return !!before && before.lemma === 'lean' && before.pos === 'VERB' && !negated(s, before.i);
}

const CALLED_IN = new Set(['bring', 'get', 'have', 'invite', 'call', 'ask']);
const SHOWN = new Set(['demo', 'presentation', 'pitch', 'workshop', 'session', 'walkthrough', 'walk-through', 'quote', 'proposal', 'bid', 'trial', 'pilot', 'poc']);
/** "bringing in X for a demo", "get X in to pitch": the vendor called in to show what it sells. */
export function calledIn(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  const particle = ['in', 'over', 'along'].includes(t[span.start - 1]?.lower ?? '') ? span.start - 1 : -1;
  const verb = particle >= 0 ? t[particle - 1] : undefined;
  if (!verb || !CALLED_IN.has(verb.lemma) || negated(s, verb.i)) return false;
  const rest = t.slice(span.end + 1, span.end + 5);
  return rest[0]?.lower === 'for' ? rest.some((x) => SHOWN.has(x.lemma)) : rest[0]?.lower === 'to' && ['pitch', 'present', 'demo', 'quote', 'bid'].includes(rest[1]?.lemma ?? '');
}

/** A word is a misspelling of one the model knows: a letter dropped or doubled, two swapped, a vowel left out ("posible", "procurment"). */
export function typo(w: string): boolean {
  const known = (x: string) => x.length > 2 && inVocabulary(x);
  for (let i = 0; i < w.length; i += 1) {
    // (Not the last letter: names are often a word and one more letter, "zestr", "tallyo".)
    if (i < w.length - 1 && known(w.slice(0, i) + w.slice(i + 1))) return true;
    if (known(w.slice(0, i) + w[i] + w.slice(i))) return true;
    if (i + 1 < w.length && known(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2))) return true;
    // (A vowel changed is not looked for: "ferrow" is a name, not a misspelt "farrow".)
    for (const v of 'aeiou') if (known(w.slice(0, i) + v + w.slice(i))) return true;
  }
  for (const v of 'aeiou') if (known(w + v)) return true;
  return false;
}

/** What a name may modify and still be the vendor: "a tallybird sandbox", "the hubzy guys". */
const VENDOR_OWN = new Set(['demo', 'trial', 'pilot', 'quote', 'sandbox', 'rep', 'team', 'guy', 'people', 'folk', 'pricing', 'price', 'app', 'platform', 'product', 'tool', 'offer', 'proposal', 'poc', 'account']);

/**
 * Lower-case words that may name an organisation (chat writes "tallybird", "hubzy"): never seen by the model, at least four
 * letters, not inside a noun phrase. They count only where they fill a slot of the frame and are not a misspelt English word
 * (looked up last: the lookup costs a few dozen vocabulary reads).
 */
export function lowerNameSpans(s: Sent, taken: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const [k, x] of s.toks.entries()) {
    if (x.known || !/^\p{Ll}[\p{L}\d]*\p{L}$/u.test(x.text) || x.text.length < 4 || !['NOUN', 'PROPN', 'X', 'ADJ', 'ADV'].includes(x.pos)) continue;
    if (taken.some((n) => n.start <= k && k <= n.end)) continue;
    // Inside a noun phrase ("the rollout", "a walkthrough", "the rep leaderboard", "6 devs") it is a common noun the model lacks.
    const prev = s.toks[k - 1];
    if (prev && ((['DET', 'NUM', 'ADJ', 'NOUN'].includes(prev.pos) && prev.known) || ['my', 'our', 'your', 'their', 'his', 'her', 'its'].includes(prev.lower))) continue;
    // Nor one that modifies a common noun after it ("get admin access"), unless that noun is something a vendor offers.
    const next = s.toks[k + 1];
    if (next && next.pos === 'NOUN' && next.known && !next.cap && !VENDOR_OWN.has(next.lemma)) continue;
    if (x.lower.endsWith('s') && inVocabulary(x.lower.slice(0, -1))) continue;
    out.push({ name: x.text, start: k, end: k });
  }
  return out;
}

/**
 * One organisation per maker: a name right after another's "'s" is its product ("Sparrowline's Pipeline Pro"), and a name whose
 * first words are another found name is that maker's product ("Rivlo Forecast" beside "Rivlo"). Each product maps to its maker.
 */
export function makersOf(t: Tok[], spans: NameSpan[]): Map<NameSpan, string> {
  const out = new Map<NameSpan, string>();
  for (const n of spans) {
    const possessor = spans.find((o) => o !== n && o.end + 2 === n.start && ["'s", "'"].includes(t[o.end + 1]?.text ?? ''));
    const lower = n.name.toLowerCase();
    // "The Orbitex CS Cloud pilot": an acronym between, and "Cloud" is the end of Orbitex's product name.
    const joined = spans.find((o) => o !== n && o.end < n.start && n.start - o.end <= 3 && t.slice(o.end + 1, n.start).every((x) => x.cap && /^\p{Lu}+$/u.test(x.text)));
    const maker = possessor ?? joined ?? spans.find((o) => o !== n && lower.startsWith(`${o.name.toLowerCase()} `));
    if (maker) out.set(n, maker.name);
  }
  return out;
}

/** What stands for a vendor, its product or an offer: the head a parenthesised name or a passive's subject may be. */
const VENDORISH = new Set(['tool', 'vendor', 'platform', 'product', 'option', 'alternative', 'supplier', 'provider', 'competitor', 'solution', 'system', 'app', 'software', 'suite']);
const WEIGHING = /^(?:evaluat|trial|pilot|test|compar|consider|assess|benchmark|shortlist|demo|look|alongside|against|versus|vs|talk|speak|meet|weigh|mix|running|contention|frame)/;
const SEPS = new Set([',', ';', ':', '.', '!', '?', '—', '–']);

/** "the tool we're evaluating alongside yours (Octavo)": the name in brackets after a vendor noun that is being weighed. */
export function bracketedVendor(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  // Back over the list the name is in ("…: Nordtek, Fieldly") to the bracket or colon that opens it.
  let open = span.start - 1;
  while (open >= 0 && (t[open].text === ',' || ['and', 'or', 'maybe', 'possibly', 'perhaps'].includes(t[open].lower) || (t[open].cap && t[open].pos === 'PROPN'))) open -= 1;
  // …or a comma that sets the name (or the list of names) off in apposition: "The tool we trialled last month, Cindral, had it".
  // (Or a list that ends the sentence: "Two other vendors are in the mix, Hartwell and Oxbury.")
  const closes = (k: number) => [',', ')', '—', '–', '.', '!'].includes(t[k]?.text ?? '') || k >= t.length;
  let last = span.end;
  while (t[last + 1] && ([',', 'and', 'or'].includes(t[last + 1].lower) || (t[last + 1].cap && t[last + 1].pos === 'PROPN')) && t[last + 2]) last += 1;
  if (!['(', ':'].includes(t[open]?.text ?? '') && (closes(span.end + 1) || closes(last + 1))) {
    open = span.start - 1;
    while (open > 0 && !(t[open].text === ',' && !(t[open - 1].cap && t[open - 1].pos === 'PROPN')) && (t[open].text === ',' || ['and', 'or'].includes(t[open].lower) || (t[open].cap && t[open].pos === 'PROPN'))) open -= 1;
    if (t[open]?.text !== ',') return false;
  } else if (!['(', ':'].includes(t[open]?.text ?? '')) return false;
  const left: Tok[] = [];
  for (let k = open - 1; k >= 0 && !SEPS.has(t[k].text) && left.length < 12; k -= 1) left.unshift(t[k]);
  // (A sentence-initial plural is read as a proper noun and keeps its ending: "Suppliers we are meeting: …".)
  const noun = left.findIndex((x) => (x.pos === 'NOUN' && VENDORISH.has(x.lemma)) || (x.pos === 'PROPN' && VENDORISH.has(x.lower.replace(/s$/, ''))));
  return noun >= 0 && left.slice(noun + 1).some((x, j) => WEIGHING.test(x.lower) && !negated(s, left[noun + 1 + j].i));
}

/** Things a vendor hands over: the subject of a passive whose agent is the name. */
const OFFERED = new Set(['proposal', 'quote', 'quotation', 'offer', 'bid', 'pitch', 'deck', 'pricing', 'discount', 'contract', 'demo', 'trial']);
/** "A proposal was put in front of our COO by Tidewell": a vendor's thing, passive, with the name as its agent. */
export function passiveOffer(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  if (t[span.start - 1]?.lower !== 'by') return false;
  let k = span.start - 2;
  const clause: Tok[] = [];
  while (k >= 0 && !SEPS.has(t[k].text)) { clause.unshift(t[k]); k -= 1; }
  const be = clause.findIndex((x) => x.lemma === 'be' || x.lemma === 'get');
  if (be < 0) return false;
  const verb = clause.slice(be + 1).find((x) => x.pos === 'VERB');
  // The vendor's thing is the passive's subject, right before it ("A proposal was put…"), not an object further back ("I'll draft a quote and get it approved by…").
  const subject = clause.slice(Math.max(0, be - 4), be);
  const at = subject.findIndex((x) => OFFERED.has(x.lemma) && x.pos === 'NOUN');
  return !!verb && !negated(s, verb.i) && at >= 0 && !subject.slice(at + 1).some((x) => ['VERB', 'PRON', 'CCONJ'].includes(x.pos));
}

const PRODUCT = new Set(['app', 'application', 'platform', 'product', 'tool', 'ui', 'interface', 'dashboard', 'software', 'suite', 'module', 'pricing', 'price', 'offer', 'proposal', 'quote', 'roadmap', 'demo']);
const BETTER = new Set(['nicer', 'better', 'slicker', 'easier', 'faster', 'simpler', 'cleaner', 'smoother', 'cheaper', 'prettier', 'good', 'great', 'attractive', 'compelling', 'impressive', 'sharp', 'competitive']);
/** "the Brambl mobile app is just nicer for the drivers": the rival's product judged better, in the customer's voice. */
export function productPreferred(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  let k = span.end + 1;
  if (t[k]?.text === "'s") k += 1;
  while (t[k] && ['ADJ', 'NOUN'].includes(t[k].pos) && !PRODUCT.has(t[k].lemma) && k - span.end < 4) k += 1;
  if (!t[k] || !PRODUCT.has(t[k].lemma)) return false;
  const be = t.slice(k + 1, k + 3).find((x) => x.lemma === 'be');
  if (!be || negated(s, be.i)) return false;
  // "…is what the drivers prefer".
  if (t[be.i + 1]?.lower === 'what' && t.slice(be.i + 2, be.i + 7).some((x) => ['prefer', 'want', 'like', 'love', 'choose', 'pick', 'ask'].includes(x.lemma) && x.pos === 'VERB')) return true;
  return t.slice(be.i + 1, be.i + 4).some((x) => BETTER.has(x.lower));
}

/** "No evaluation going on", "we're not shopping", "not in the market": the speaker denies any evaluation. */
const DENIAL = / (?:no|not|n't|never) (?:an? |really |currently |actively )?(?:evaluation|eval|rfp|tender|shop|shopping|look around|looking around|in the market) /;
/** "Nobody's pitching us", "no one is chasing our business": no seller at work. */
const NO_SELLER = / (?:nobody|no one|noone|no vendor|no other vendor) (?:be |have be |'s |is |has been |really )*(?:pitch|sell|chase|court|approach|quote|woo|offer|bid)/;
export function deniesEvaluation(s: Sent): boolean {
  const lower = ` ${s.toks.map((x) => x.lower).join(' ')} `;
  const lemmas = ` ${s.toks.map((x) => x.lemma).join(' ')} `;
  return DENIAL.test(lower) || DENIAL.test(lemmas) || NO_SELLER.test(lemmas);
}

const MOVE = new Set(['move', 'switch', 'migrate', 'shift', 'transfer', 'port']);
/** "pushing hard for us to move our cadences over there", "wants to switch us to them": the destination a pronoun for the name said before. */
export function movedThere(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  for (let k = span.end + 1; k < t.length; k += 1) {
    if (!MOVE.has(t[k].lemma) || t[k].pos !== 'VERB' || negated(s, k)) continue;
    const rest = t.slice(k + 1, k + 7);
    const end = rest.findIndex((x) => SEPS.has(x.text));
    const clause = (end < 0 ? rest : rest.slice(0, end)).map((x) => x.lower);
    const there = clause.indexOf('there');
    const them = clause.findIndex((x, j) => x === 'them' && ['to', 'onto', 'over'].includes(clause[j - 1] ?? ''));
    // Something of the organisation's moves (our cadences, the team, us), not a person moving house.
    if ((there >= 0 || them >= 0) && clause.some((x) => ['our', 'us', 'the', 'everyone', 'everything'].includes(x))) return true;
  }
  return false;
}

const ONE_OF = /^ (?:the )?(?:(?:\w+est|best|one|pick|winner|favourite|favorite|front-runner|frontrunner) (?:of (?:them|those|the \w+)|[^.]*one that)|(?:\w+est|best) (?:one|option|vendor|tool|bid|pitch|demo)) /;
const TRIED = new Set(['demo', 'trial', 'pilot', 'quote', 'proposal', 'pitch', 'bid', 'presentation', 'vendor', 'supplier', 'tool', 'option', 'platform']);
/** "We sat through demos from three vendors. The strongest of them … was Octavo.": the name singled out of a set being weighed. */
export function singledOut(before: Sent | undefined, s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  if (t[span.start - 1]?.lemma !== 'be' || !t.slice(span.end + 1).every((x) => x.pos === 'PUNCT')) return false;
  const subject = ` ${t.slice(0, span.start - 1).map((x) => x.lower).join(' ')} `;
  if (!ONE_OF.test(subject)) return false;
  return [...(before?.toks ?? []), ...t].some((x) => TRIED.has(x.lemma) && x.pos === 'NOUN');
}

const OWN_UNIT = new Set(['team', 'side', 'department', 'group', 'org', 'staff', 'crew']);
/** "Hugo Brandt on my team", "Dana from our side": the customer's own person. */
export function ourPerson(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  const prep = t[span.end + 1]?.lower ?? '';
  // "Marta from our finance team", "Hugo Brandt on my team".
  if (['on', 'in', 'from'].includes(prep) && ['my', 'our'].includes(t[span.end + 2]?.lower ?? '') && t.slice(span.end + 3, span.end + 6).some((x) => OWN_UNIT.has(x.lemma))) return true;
  // "Bernd at DHL", "Ines from Halden": a person at an organisation, named with it.
  if (['at', 'from'].includes(prep) && t[span.end + 2]?.cap && t[span.end + 2].pos === 'PROPN' && span.start === span.end) return true;
  // "Quote from Ingrid: …": a quotation, not a price.
  return t[span.start - 1]?.lower === 'from' && ['quote', 'quotation'].includes(t[span.start - 2]?.lower ?? '') && [':', '"', '“'].includes(t[span.end + 1]?.text ?? '');
}

const SHOW = new Set(['show', 'demo', 'present', 'pitch', 'walk', 'demonstrate', 'run', 'give']);
/** What only a seller comes in for (a training session or a workshop anyone may come in for). */
const PITCHED = new Set(['demo', 'pitch', 'walkthrough', 'walk-through', 'poc', 'pilot', 'trial', 'bid', 'quote', 'proposal']);
/** The customer's own bodies a vendor presents to. */
const BODY = new Set(['exec', 'execs', 'executive', 'executives', 'leadership', 'board', 'committee', 'steerco', 'management', 'cfo', 'ceo', 'coo', 'cro', 'cio', 'cto']);
/** "I've got X coming in on Friday to show us their forecasting", "X's team is presenting to our exec team". */
export function comingToShow(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  let k = span.end + 1;
  if (t[k]?.text === "'s") k += 1;
  if (['team', 'people', 'folk', 'guy', 'rep'].includes(t[k]?.lemma ?? '')) k += 1;
  const acts = t.slice(k, k + 10);
  const stop = acts.findIndex((x) => ['.', ';', '!', '?'].includes(x.text));
  const clause = stop < 0 ? acts : acts.slice(0, stop);
  const arrive = clause.findIndex((x) => x.lemma === 'come' && ['in', 'over', 'by', 'round', 'along'].includes(t[x.i + 1]?.lower ?? ''));
  // "We've got X coming in for a demo on the 18th".
  // (Not a demo of ours: "Priyanka is coming in for a demo of your reporting".)
  const ofOurs = clause.slice(arrive + 3, arrive + 9).some((x, j, xs) => x.lower === 'of' && ['your', 'our', 'ur'].includes(xs[j + 1]?.lower ?? ''));
  if (arrive >= 0 && clause[arrive + 2]?.lower === 'for' && clause.slice(arrive + 3, arrive + 6).some((x) => PITCHED.has(x.lemma)) && !ofOurs && !negated(s, clause[arrive].i)) return true;
  const shows = clause.findIndex((x) => SHOW.has(x.lemma) && x.pos === 'VERB' && !negated(s, x.i));
  if (shows < 0) return false;
  // To us, or to a body of ours: "presenting to the exec team", "demoing to the board".
  const after = clause.slice(shows + 1, shows + 5);
  // (To a body, only with a buyer's word in the sentence: "Dr Hansen is presenting to the board on the depot results" is no pitch.)
  const offered = t.some((x) => ['number', 'quote', 'price', 'pricing', 'proposal', 'offer', 'alternative', 'option', 'platform', 'tool', 'software', 'vendor', 'solution', 'bid', 'opinion', 'demo'].includes(x.lemma));
  const toUs = after.some((x) => ['us', 'our', 'me'].includes(x.lower)) || (offered && after[0]?.lower === 'to' && after.slice(1, 4).some((x) => BODY.has(x.lower)));
  return toUs && (arrive >= 0 || clause[shows].lemma !== 'run');
}

const DEAL = new Set(['free', 'less', 'cheaper', 'half', 'discount', 'beat', 'undercut', 'match', 'waive', 'fraction']);
/** "X said they'd migrate our data for free", "X would cost us about half of what we pay you": its offer to us. */
export function promisedUs(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  // Past "keep"/"have been" to the saying: "The X guys keep telling Raj they can do it cheaper".
  const first = t.slice(span.end + 1, span.end + 5).find((x) => x.pos === 'VERB');
  const v = first && ['keep', 'always'].includes(first.lemma) && t[first.i + 1]?.pos === 'VERB' ? t[first.i + 1] : first;
  if (!v || negated(s, v.i)) return false;
  const rest = t.slice(v.i + 1, v.i + 12);
  const deal = rest.some((x) => DEAL.has(x.lower) || DEAL.has(x.lemma));
  // "X reckon they can have us live in six weeks", "X say they'd get us migrated by March": our move, promised by them.
  const moved = / (?:have|get) us (?:live|up and running|migrate|move|switch|onboard|over) /.test(` ${rest.map((x) => x.lemma).join(' ')} `);
  if (['say', 'claim', 'promise', 'reckon', 'tell', 'guarantee'].includes(v.lemma)) return (deal && rest.some((x) => ['our', 'us', 'we'].includes(x.lower) || (v.lemma === 'tell' && x.cap && x.pos === 'PROPN'))) || moved;
  return v.lemma === 'cost' && rest[0]?.lower === 'us' && deal && t.some((x) => ['you', 'your', 'yours'].includes(x.lower));
}

/** What the customer buys that is not in our category: a vendor of it is no rival of ours. */
const OFF_CATEGORY = new Set(['payroll', 'hr', 'hris', 'recruiting', 'recruitment', 'applicant', 'vpn', 'firewall', 'antivirus', 'endpoint', 'telematics', 'fleet', 'expense', 'expenses', 'erp', 'accounting', 'bookkeeping', 'tax', 'cleaning', 'catering', 'cctv', 'telephony', 'phones', 'laptops', 'printers', 'insurance', 'travel', 'benefits', 'pension', 'e-signature', 'esignature']);
/** Our category, or us: when present the vendor may still be weighed against us. */
const OUR_CATEGORY = new Set(['you', 'your', 'yours', 'u', 'ur', 'forecast', 'forecasting', 'pipeline', 'crm', 'churn', 'renewal', 'health', 'sequence', 'sequences', 'cadence', 'cadences', 'recording', 'revenue', 'success', 'cs', 'playbook', 'playbooks', 'dashboards', 'reporting']);
/** The sentence is about buying something outside our category: "evaluating X for payroll", "a VPN from X", "telematics for the fleet". */
export function offCategory(s: Sent): boolean {
  return s.toks.some((x) => OFF_CATEGORY.has(x.lower) && x.pos !== 'VERB') && !s.toks.some((x) => OUR_CATEGORY.has(x.lower));
}

/** Talk about the company, not a sale: sponsorship, media, layoffs, someone met socially. */
const MEDIA = new Set(['sponsor', 'sponsoring', 'sponsored', 'podcast', 'article', 'interview', 'keynote', 'conference', 'dinner', 'party', 'meetup', 'blog', 'linkedin', 'layoffs', 'laid']);
const SELLING = new Set(['meeting', 'rep', 'exec', 'executive', 'chase', 'ring', 'pitch', 'court', 'approach', 'quote', 'trial', 'pilot', 'demo', 'proposal', 'offer', 'discount', 'pricing', 'price', 'evaluate', 'evaluation', 'switch', 'rfp', 'shortlist', 'cheaper', 'better']);
const USED_BY = new Set(['customer', 'client', 'user', 'shop', 'house']);
const COEXIST = new Set(['work', 'sit', 'coexist', 'play', 'live', 'run']);
/** The name is talked about without anything of it in play: the company in the news or at an event, a person's years there, a
 * firm that is its customer ("a Gong customer"), the tool before us ("before we moved to you we were on X"), or one that works
 * beside ours ("X works fine alongside your product"). */
export function talkedAbout(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  const selling = t.some((x) => SELLING.has(x.lemma) || SELLING.has(x.lower));
  if (!selling && t.some((x) => MEDIA.has(x.lower))) return true;
  // "five years at X", "spent a decade at X", "someone from X at a dinner".
  if (t[span.start - 1]?.lower === 'at' && t.slice(Math.max(0, span.start - 4), span.start - 1).some((x) => ['year', 'month', 'decade', 'spend', 'stint'].includes(x.lemma))) return true;
  if (['a', 'an'].includes(t[span.start - 1]?.lower ?? '') && USED_BY.has(t[span.end + 1]?.lemma ?? '')) return true;
  const line = ` ${t.map((x) => x.lemma).join(' ')} `;
  if (/ before (?:we|i) (?:move|switch|come|join|sign|migrate)\b[^.]{0,20} (?:you|us) /.test(line) && t.slice(0, span.start).some((x) => x.lower === 'before')) return true;
  const v = t[span.end + 1];
  return !!v && COEXIST.has(v.lemma) && v.pos === 'VERB' && !selling && / (?:alongside|with|next to|beside) (?:you|your|yours|u|ur) /.test(line);
}

/** "reference calls with two X customers": the vendor's customers offered as proof. */
export function referencesOf(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  // Past "'s" and what qualifies them: "one of X's existing customers".
  let k = span.end + 1;
  if (t[k]?.text === "'s" || t[k]?.text === "'") k += 1;
  while (t[k] && ['ADJ', 'VERB'].includes(t[k].pos) && /(?:ing|ed|ent|ant|ual|ous|ive|al|y)$/.test(t[k].lower) && k - span.end < 4) k += 1;
  return ['customer', 'client', 'user'].includes(t[k]?.lemma ?? '') && t.some((x) => /^referenc/.test(x.lower) && !negated(s, x.i));
}

const ACQUIRE = new Set(['quote', 'quotation', 'proposal', 'bid', 'offer', 'pricing', 'alternative', 'comparison', 'benchmark']);
const HUNGRY = new Set(['aggressive', 'hungry', 'pushy', 'flexible', 'persistent']);
/** A vendor after our business, or we after theirs: "we've asked X" after wanting another quote, "X has been aggressive on price with
 * us", "X is pitching to the board", "hear them out", "X keeps coming up as an option", "a lot of noise about X", "for you to match X". */
export function wooing(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  const before = t[span.start - 1];
  const after = t[span.end + 1];
  const marketed = t.some((x) => ['price', 'pricing', 'discount', 'deal', 'rate', 'cost'].includes(x.lemma));
  // "Procurement wants one alternative quote, so we've asked X": the ask's object is said earlier in the sentence.
  if (before && ['ask', 'approach', 'contact', 'invite'].includes(before.lemma) && before.pos === 'VERB' && !negated(s, before.i) && t.slice(0, before.i).some((x) => ACQUIRE.has(x.lemma)) && t.slice(span.end + 1).every((x) => x.pos === 'PUNCT' || ['too', 'as', 'well', 'also'].includes(x.lower))) return true;
  // "hear them out".
  if (before?.lemma === 'hear' && after?.lower === 'out' && !negated(s, before.i)) return true;
  const be = t.slice(span.end + 1, span.end + 4).find((x) => x.lemma === 'be' || x.lemma === 'have');
  // (Its people pressing us need no price word: "X's people have been very persistent with Raj".)
  const people = ['people', 'folk', 'folks', 'guys', 'rep', 'reps', 'sales'].includes(t[span.end + 1]?.text === "'s" ? t[span.end + 2]?.lower ?? '' : after?.lower ?? '');
  if (be && (marketed || people) && !negated(s, be.i) && t.slice(be.i + 1, be.i + 5).some((x) => HUNGRY.has(x.lower))) return true;
  const v = t.slice(span.end + 1, span.end + 4).find((x) => x.pos === 'VERB');
  if (v && v.lemma === 'pitch' && t[v.i + 1]?.lower === 'to' && !negated(s, v.i)) return true;
  // "keeps coming up … as an option".
  const rest = ` ${t.slice(span.end + 1, span.end + 12).map((x) => x.lower).join(' ')} `;
  if (/ as (?:an? )?(?:option|alternative|replacement|contender|candidate|possibility) /.test(rest) && !t.slice(0, span.start).some((x) => x.neg)) return true;
  // "a lot of noise internally about X", "real buzz around X".
  const lead = t.slice(Math.max(0, span.start - 7), span.start);
  if (['about', 'around', 'over'].includes(before?.lower ?? '') && lead.some((x) => ['noise', 'buzz', 'chatter', 'excitement', 'hype', 'enthusiasm'].includes(x.lemma))) return true;
  // "for you to match X", "can you beat X": we are asked to meet the rival.
  return !!before && ['match', 'beat', 'undercut'].includes(before.lemma) && t.slice(Math.max(0, before.i - 3), before.i).some((x) => ['you', 'u'].includes(x.lower));
}

/** What a tool at work does on its own: flags, alerts, transcribes, reads data in. */
const TOOL_ACT = new Set(['flag', 'alert', 'notify', 'transcribe', 'detect', 'predict', 'surface', 'log', 'capture', 'record', 'track', 'read', 'pull', 'ingest', 'fetch', 'sync', 'score', 'auto-log', 'tag']);
/** "Gong flagged that the renewal call went badly", "Clari reads it from Snowflake": the name is a tool in use doing its work. */
export function toolAct(s: Sent, span: NameSpan): boolean {
  const v = s.toks[span.end + 1];
  return !!v && v.pos === 'VERB' && TOOL_ACT.has(v.lemma) && !['us', 'me'].includes(s.toks[span.end + 2]?.lower ?? '');
}
