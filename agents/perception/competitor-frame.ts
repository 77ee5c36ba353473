// The evaluation frame read from its roles, not from words near a name. An organisation is in play
// when it fills one of the frame's slots:
// - the ARGUMENT of an evaluating act or thing: the object of trial / pilot / demo / evaluate /
//   compare / look at / switch to / go with, or the source of a quote, bid, sandbox or rep ("a
//   sandbox from X", "their rep at X", "a walkthrough of X's platform", "a X trial");
// - the AGENT of a selling act: X quoted / offered / pitched / approached us / undercut; "approached
//   by X"; "the X people sent their paper over";
// - a MEMBER of the set weighed against us: "you and X", "X alongside yours", "between your team
//   and X", in a sentence about choosing (a vendor, a shortlist, a bake-off, whichever);
// - a pronoun filling one of those slots ("They've offered us a trial", "We are assessing both")
//   stands for the organisation named in the sentence before.
// It is not in play when the act is negated or conditional, when the evaluation is settled or long
// past ("years ago", "chose you", "shut that down"), when the organisation is the one doing the
// evaluating ("X is trialling a setup with us"), or when it is named as the customer's customer,
// partner, reseller, bank or auditor.
import type { Sent, Tok } from './nlp.js';
import { conditionBefore, findAll, nameSpans, negated, type NameSpan } from './frames.js';
import { moreSlots } from './competitor-slots.js';
import { backOfficeMove } from './competitor-outsiders.js';

/** Evaluating acts and things whose argument is the thing weighed (lemmas; hyphenated forms as the tokeniser keeps them). The
 * trailing space is looked at, not taken, so that heads in a row are all found ("the reps prefer X"). */
const EVAL_HEAD = / (?:trial|pilot|demo|demonstration|walkthrough|walk-through|presentation|sandbox|poc|proof of (?:concept|value)|evaluate|evaluation|assess|assessment|test|test-drive|try|try out|benchmark|compare (?:to|with|against)|compare|comparison|shortlist|consider|weigh|explore|quote|quotation|proposal|bid|offer|pricing|price|pitch|rep|representative|account exec|account executive|salesperson|sales team|sales rep|alternative|look (?:at|into)|take a look at|check out|kick the (?:tire|tyre)s? on|play (?:around )?with|mess (?:around |about )?with|tinker with|fiddle with|spin up|sit in on|talk (?:to|with)|speak (?:to|with)|session with|call with|switch (?:over )?to|move (?:over )?to|go with|migrate to|opinion from|bake-off|shootout|shoot-out|head-to-head|stack up (?:against|to)|measure up (?:against|to)|(?:lean|tilt|edge) (?:towards?|toward)|(?:get|ask for|request|want|need|expect) (?:a|an) (?:number|figure|ballpark) from|keen on|prefer|favour|favor|tempt by|impressed (?:by|with)|(?:quite|very|really|so|be|seem) take with|(?:get|be) show|in (?:talks|discussions?|conversations?|negotiations?) with|negotiat(?:e|ing) with|warm (?:up )?to)(?= )/;
/** Of those, the ones an organisation can sell rather than perform: "X's demo", "the Zentrio trial". */
const VENDOR_THING = new Set(['trial', 'pilot', 'demo', 'demonstration', 'walkthrough', 'walk-through', 'presentation', 'sandbox', 'poc', 'quote', 'quotation', 'proposal', 'bid', 'offer', 'pricing', 'price', 'pitch', 'rep', 'representative', 'salesperson', 'discount', 'paper', 'terms', 'counteroffer', 'counter-offer', 'form', 'evaluation', 'eval', 'webinar', 'webinars', 'roadshow', 'term']);
/** The vendor's people and products, which a name may modify and still be the one weighed: "the Nexora guys", "the Quorra platform". */
export const VENDOR_PEOPLE = new Set(['guy', 'guys', 'people', 'folk', 'folks', 'crowd', 'lot', 'rep', 'salespeople', 'salesperson', 'platform', 'product', 'tool', 'app', 'application', 'software', 'solution', 'suite', 'offering', 'company', 'firm', 'corporation', 'vendor', 'interface', 'ui', 'ux']);
/** A person's move ("she moved to Lisbon", "moving to a role at Maersk") is no switch of vendor. */
const PERSONAL = new Set(['he', 'she', 'his', 'her', 'him', 'role', 'job', 'position', 'join', 'relocate', 'gone', 'career', 'promotion', 'promote']);
const SWITCH = /^(?:switch|move|migrate|go)/;
/** Nouns of time that follow a name without being modified by it ("a demo from Pellucid yesterday"). */
const TIME = new Set(['yesterday', 'today', 'tomorrow', 'tonight', 'morning', 'afternoon', 'evening', 'week', 'month', 'quarter', 'year', 'time', 'too', 'last', 'next', 'this']);
/** Asking a vendor for something it sells: "asked X for a quote", "invited X to pitch", "requested from X". */
const ASK = new Set(['ask', 'invite', 'request', 'get', 'have', 'push', 'chase', 'solicit', 'seek', 'obtain', 'receive', 'approach', 'bring']);
/** A vendor preparing what it sells: "X is preparing one", "X put together a proposal". */
const PREPARE = new Set(['prepare', 'submit', 'send', 'put', 'draw', 'present', 'give', 'provide', 'draft', 'make', 'table']);
/** How a vendor looks to the customer: "X is looking very attractive on price". */
const APPEAL = new Set(['attractive', 'compelling', 'tempting', 'competitive', 'cheaper', 'appealing', 'interesting', 'promising']);
/** Nouns that stand for a vendor, to which a name is in apposition: "a vendor called X", "other vendors, X and Y". */
const VENDOR_NOUN = new Set(['vendor', 'supplier', 'provider', 'competitor', 'alternative', 'option', 'startup', 'company', 'tool', 'platform', 'player', 'rival']);
const RIVAL = new Set(['competitor', 'rival']);
/** Comparing a price or a feature with ours: "below yours", "half your price", "cheaper than you". */
const VERSUS_OURS = / (?:below|under|beneath|cheap|cheaper|less|lower|better|beat|undercut|half|fraction|fewer|faster|more) (?:than )?(?:you|yours|your|what you)/;
/** After the name: run in parallel, side by side, on a trial, to try out. */
const ALONGSIDE = / (?:in parallel|side by side|side-by-side|head to head|head-to-head|to (?:try|test|evaluate|trial|pilot|compare|play with)) /;

/** Standing in an evaluation: "X is on our shortlist", "X is in the running". */
const LISTS = new Set(['shortlist', 'longlist', 'long-list', 'short-list']);
const STANDING = new Set(['shortlist', 'longlist', 'long-list', 'short-list', 'running', 'mix', 'finalist', 'contention', 'frame', 'race', 'final', 'deal', 'picture', 'contender', 'frontrunner', 'front-runner', 'challenger', 'radar']);
/** Selling acts whose subject is the vendor. */
const SELL = new Set(['quote', 'offer', 'pitch', 'propose', 'price', 'bid', 'tender', 'woo', 'undercut', 'beat', 'outbid', 'underbid', 'outprice', 'approach', 'contact', 'court', 'reach', 'discount', 'match', 'claim', 'promise', 'cold-call']);
/** Things a vendor sends: "X sent their paper / proposal over". */
const SENT_THING = new Set(['paper', 'paperwork', 'form', 'order', 'proposal', 'quote', 'quotation', 'bid', 'offer', 'pricing', 'terms', 'contract', 'deck']);
/** Choosing among vendors: the cue that turns "you and X" into a set being weighed. */
const CHOOSING = / (?:vendor|supplier|provider|shortlist|finalist|bake-off|shootout|rfp|rfi|tender|evaluate|evaluation|assess|review|compare|comparison|choose|pick|select|decide|decision|whichever|between|option|final round|against|alongside|versus|vs|side by side|side-by-side|head-to-head|pilot|piloting|trial|run-off|frame|running|mix|final|standing|consolidate)s? | one of (?:you|them|the two) /;
/** Settled or long past: the evaluation is over, not in play. */
const SETTLED = / (?:stay with|stick with) (?:you|us)(?! or)|no plan to (?:revisit|look|switch)|years? ago|original selection|settle|shut (?:that |it |this )?down|stay put|never look back|not go back|no appetite to reopen| (?:you|u) win(?! back)| decide against | rule out /;
/** Choosing us settles an evaluation that is long past ("back in 2021 we went with you"); a choice just made still names the rival in it. */
const CHOSE_US = / (?:choose|pick|go with|select) (?:you|us)(?! or)/;
/** An evaluation told as before the choice of us, or the choice said to stand: "we looked at X before we chose you", "I'd make the same call today". */
const CHOSEN_SINCE = /\bbefore (?:we|they|i) (?:finally )?(?:chose|picked|went with|selected|signed with|bought) (?:you|u|us)\b|\b(?:make|made) the same (?:call|choice|decision)\b|\b(?:choose|pick|go with|select) (?:you|u|us) again\b/i;
const LONG_PAST = / (?:back|originally|initially|previously|ago|first) /;
const SELLER = new Set(['guy', 'rep', 'team', 'person', 'people', 'folk', 'manager', 'director', 'lead', 'exec', 'executive', 'woman', 'man', 'lady', 'chap', 'contact']);
const COMPARE = /^(?:compar|benchmark)/;
/** What is bought and sold: the words that make a comparison of names one of vendors. */
const MARKET = new Set([...VENDOR_THING, ...VENDOR_NOUN, 'tool', 'software', 'product', 'solution', 'licence', 'license', 'seat', 'renewal', 'contract', 'feature', 'subscription', 'cost']);
/** What a vendor lets one try for free: "X's free tier". */
const OFFERING = new Set(['tier', 'plan', 'version', 'edition', 'account', 'licence', 'license']);
/** Sending what we ourselves send: "can u send the Scale pricing again?", "please share the Pro proposal": the name is a plan of
 * ours, asked of us (the verb before the name, with "you"/"u" as its subject or as an imperative). */
function fromUs(s: Sent, at: number): boolean {
  const t = s.toks;
  for (let k = at - 1; k >= Math.max(0, at - 4); k -= 1) {
    if (!['send', 'resend', 'share', 'forward', 'email', 'attach'].includes(t[k].lemma)) continue;
    const before = t[k - 1]?.lower ?? '';
    return k === 0 || ['you', 'u', 'please', 'pls', 'plz', 'again'].includes(before) || t[k - 1]?.pos === 'PUNCT';
  }
  return false;
}

/** Showing what one sells, when asked or invited to: "invited to present", "had X in for a workshop". */
const PRESENT = new Set(['present', 'pitch', 'demo', 'demonstrate', 'showcase', 'quote', 'bid', 'tender']);
const SHOWING = new Set(['workshop', 'session', 'presentation', 'briefing', 'showcase', 'pitch']);
/** Holding a trial for the customer: "X is running a paid POC". */
const RUN = new Set(['run', 'host', 'hold', 'deliver', 'conduct', 'do']);
const TRYOUT = new Set(['poc', 'pilot', 'trial', 'demo', 'workshop', 'sandbox', 'proof']);

/** Past names coordinated with the one ending at k: "Maplestone and Gainsight have both…" ends at "Gainsight". */
function listEnd(s: Sent, k: number): number {
  const t = s.toks;
  while (t[k + 2] && [',', 'and', 'or', '&'].includes(t[k + 1].lower) && t[k + 2].cap && t[k + 2].pos === 'PROPN') {
    k += 2;
    while (t[k + 1]?.cap && t[k + 1].pos === 'PROPN') k += 1;
  }
  return k;
}

/** Those who already serve the customer: "our pen test vendor, X" (not "a new vendor, X", not "other vendors, X and Y"). */
const SUPPLIER = new Set(['vendor', 'supplier', 'provider', 'forwarder', 'contractor', 'host', 'processor']);
/** Whom the customer names as theirs: their customer, partner, reseller, bank, auditor. */
const RELATION = new Set(['customer', 'client', 'partner', 'reseller', 'distributor', 'auditor', 'accountant', 'bank', 'parent', 'subsidiary', 'affiliate', 'consultant', 'consultancy', 'agency', 'integrator', 'insurer', 'lawyer', 'counsel', 'carrier', 'shipper', 'landlord', 'tester', 'investor', 'haulier']);
/** Words that close a company name though the name finder leaves them out ("Marlowe Data", "Bramwell Security"). */
const NAME_TAIL = new Set(['data', 'security', 'research', 'design', 'analytics', 'cloud', 'labs', 'systems', 'software', 'solutions', 'technologies', 'tech', 'group', 'ai', 'inc', 'ltd', 'llc', 'gmbh', 'co', 'works', 'health', 'logistics', 'consulting', 'digital', 'partners', 'metrics', 'logic', 'software']);
const SUBJECT = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'can', 'could', 'will', 'would', 'to', "'ll", 'please']);
const PRONOUN = new Set(['they', 'them', 'their', 'both', 'theirs', 'it', 'its']);
/** Tokens that may sit between an evaluating head and its argument: "a free three-month trial with", "a walkthrough of". */
const LINK_ADP = new Set(['of', 'from', 'with', 'on', 'at', 'by', 'into']);
// Not "for": it names the audience or the purpose ("a demo of the new reports for Halloran's board").
const SEP = new Set([',', ';', ':', '—', '–', '(', ')', '?', '!', '.']);

/** A stem the light model does not lemmatise ("piloting" tagged a noun, "trialled"). */
function stem(t: Tok): string {
  const m = /^(pilot|trial|demo|benchmark|shortlist|test|sandbox|quote)(?:s|ed|led|ing|ling|'d)?$/.exec(t.lower);
  return m ? m[1] : t.lemma;
}

/** Name spans, with company-name tails kept on ("Marlowe Data") and a sentence-initial "X's" read as a name. */
export function orgSpans(s: Sent): NameSpan[] {
  const spans = nameSpans(s).map((n) => ({ ...n }));
  const t = s.toks;
  const first = t[0];
  if (first && first.cap && first.pos === 'PROPN' && t[1]?.text === "'s" && !spans.some((n) => n.start === 0)) spans.unshift({ name: first.text, start: 0, end: 0 });
  for (const n of spans) {
    while (t[n.end + 1]?.cap && NAME_TAIL.has(t[n.end + 1].lower)) { n.end += 1; n.name = `${n.name} ${t[n.end].text}`; }
  }
  // Chat writes names in lower case ("we're trialing trelliq rn"): a word the model has never seen, right after an evaluating verb.
  for (const [k, x] of t.entries()) {
    if (x.cap || x.known || k === 0 || !['NOUN', 'PROPN', 'X'].includes(x.pos) || !/^\p{Ll}[\p{L}\d-]{3,}$/u.test(x.text) || spans.some((n) => n.start <= k && k <= n.end)) continue;
    const prev = t[k - 1];
    if (prev.pos === 'VERB' && /^(?:trial|pilot|demo|evaluat|test|benchmark)/.test(prev.lower)) spans.push({ name: x.text, start: k, end: k });
  }
  // A product name used as a verb ("can you Loom me a demo") names no one.
  return spans.filter((n) => !(t[n.start].pos === 'VERB' && SUBJECT.has(t[n.start - 1]?.lower ?? '')));
}

/** Whether tokens from..to (exclusive) only connect a head to its argument: articles, adjectives, numbers, a linking preposition, a noun of the compound. */
function linked(s: Sent, from: number, to: number, particle: boolean): boolean {
  if (to - from > 7) return false;
  let adp = 0;
  for (let k = from; k < to; k += 1) {
    const x = s.toks[k];
    if (SEP.has(x.text) || x.pos === 'VERB' || x.pos === 'AUX' || x.pos === 'CCONJ' || x.pos === 'SCONJ') return false;
    if (x.pos === 'PRON' && !['their', 'your', 'its', 'a'].includes(x.lower)) return false;
    if (x.pos === 'ADP') { if (!LINK_ADP.has(x.lower)) return false; adp += 1; }
  }
  // The phrase after the last preposition already has its own head: "a walkthrough of the new dashboards next Tues" is about
  // the dashboards; the name after them is no argument ("a demo of the Quorra platform" has its name first).
  let last = from - 1;
  for (let k = from; k < to; k += 1) if (s.toks[k].pos === 'ADP') last = k;
  // "trial the forecasting module with Anders' team": after an object of its own, "with" names who takes part, not what is tried.
  if (s.toks[last]?.lower === 'with' && s.toks.slice(from, last).some((x) => x.pos === 'NOUN' && !x.cap && x.known && !TIME.has(x.lemma) && !VENDOR_THING.has(stem(x)))) return false;
  // "a pilot of your API with X": what is tried is ours (or theirs), so X only takes part.
  if (s.toks[last]?.lower === 'with' && s.toks.slice(from, last).some((x) => ['your', 'our', 'ur'].includes(x.lower))) return false;
  if (s.toks.slice(last + 1, to).some((x) => x.pos === 'NOUN' && !x.cap && x.known && !TIME.has(x.lemma) && !VENDOR_THING.has(stem(x)))) return false;
  // "to" and "at" belong to particle verbs ("talk to", "look at"), never to a noun head: "a demo to Luca's team" names the audience.
  return adp <= 2 || particle;
}

/** Only articles, adjectives and possessives between a particle verb and its object: "switch over to the new X". */
function linkedDirect(s: Sent, from: number, to: number): boolean {
  return to - from <= 3 && s.toks.slice(from, to).every((x) => ['DET', 'ADJ'].includes(x.pos) || ['over', 'their'].includes(x.lower));
}

/** A tool at work beside us: used, connected, synced, recording, feeding something. */
const USE = / (?:use|connect|sync|feed|record|integrate|log|plug|pull|push|export|import|cadence|admin|instance|recording|dashboard|workflow|live in) /;
export function inUse(s: Sent): boolean {
  return USE.test(` ${s.toks.map((t) => t.lemma).join(' ')} `);
}

/** An evaluation settled, or one the speaker denies: "we chose you over X", "nobody's looking at X", "not interested". */
export function dismissed(s: Sent): boolean {
  if (settled(s)) return true;
  const line = ` ${s.toks.map((t) => stem(t)).join(' ')} `;
  if (/ (?:choose|pick|select|prefer) (?:you|us) over /.test(line) && settled(s)) return true;
  if (findAll(s, EVAL_HEAD).some((h) => negated(s, h.start) || s.toks.slice(Math.max(0, h.start - 3), h.start).some((t) => t.lower === 'nobody'))) return true;
  return s.toks.some((t, k) => ['interested', 'need', 'plan'].includes(t.lemma) && negated(s, k));
}

/** A settled, hypothetical or negated frame is no evaluation in play. */
export function settled(s: Sent): boolean {
  const line = ` ${s.toks.map((t) => t.lemma).join(' ')} `;
  // "Why should we stay with you when X does all this?" questions the choice.
  if (/^ why /.test(line)) return false;
  return SETTLED.test(line) || CHOSEN_SINCE.test(s.text) || (CHOSE_US.test(line) && (LONG_PAST.test(line) || s.toks.some((t) => /^(?:19|20)\d\d$/.test(t.text))));
}

/** Not negated, and not inside an if-clause: "if X ever came knocking" is hypothetical, "If I'm honest, X's price…" is not (the comma closes the clause). */
function live(s: Sent, at: number): boolean {
  // "whether to stay with you or go with X" weighs a choice: no condition on it.
  const found = conditionBefore(s, at);
  const cond = found?.word === 'whether' ? undefined : found;
  // "Is there a reason we shouldn't go with X?", "any reason not to…": a suggestion, not a negation.
  const suggestion = s.toks.at(-1)?.text === '?' && s.toks.slice(0, at).some((x) => x.lemma === 'reason');
  return (suggestion || !negated(s, at)) && !(cond && !s.toks.slice(cond.at + 1, at).some((x) => SEP.has(x.text)));
}

/** The organisation is named as the customer's own customer, partner, bank…: "our customer, X", "X are our reseller". */
export function related(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  // (Not the object of a participle after it: "our parent group standardised on X" names what the group chose.)
  const chosen = ['on', 'onto', 'to', 'with'].includes(t[span.start - 1]?.lower ?? '') && ['ADJ', 'VERB'].includes(t[span.start - 2]?.pos ?? '');
  for (let k = Math.max(0, span.start - 4); k < span.start && !chosen; k += 1) if (RELATION.has(t[k].lemma) && t.slice(k + 1, span.start).every((x) => x.text === ',' || x.pos === 'ADP' || x.pos === 'ADJ' || x.pos === 'NOUN')) return true;
  // "our pen test vendor, X", "my payroll provider X": a supplier the customer already has, for something of its own.
  for (let k = Math.max(0, span.start - 3); k < span.start; k += 1) {
    if (!SUPPLIER.has(t[k].lemma) || !t.slice(k + 1, span.start).every((x) => x.text === ',')) continue;
    const owner = t.slice(Math.max(0, k - 4), k).findIndex((x) => ['our', 'my'].includes(x.lower));
    if (owner >= 0 && t.slice(Math.max(0, k - 4) + owner + 1, k).every((x) => ['NOUN', 'ADJ', 'VERB', 'PROPN'].includes(x.pos) && !['new', 'other', 'alternative', 'possible', 'potential', 'future'].includes(x.lower))) return true;
  }
  const after = t.slice(span.end + 1, span.end + 9);
  const be = after.findIndex((x) => x.lemma === 'be');
  if (be >= 0 && after.slice(be + 1).some((x) => RELATION.has(x.lemma) && ['our', 'my'].some((p) => after.slice(be + 1).some((y) => y.lower === p)))) return true;
  // "our Growth and Scale tiers", "your Pro plan": a name of ours or of yours.
  if (['our', 'your', 'my'].includes(t[span.start - 1]?.lower ?? '')) return true;
  // "X, our reseller", "X (our 3PL)".
  return [',', '(', '—', '–'].includes(t[span.end + 1]?.text ?? '') && ['our', 'my'].includes(t[span.end + 2]?.lower ?? '') && (t.slice(span.end + 3, span.end + 6).some((x) => RELATION.has(x.lemma) || RELATION.has(x.lower)) || /^3pl/.test(t.slice(span.end + 3, span.end + 5).map((x) => x.lower).join('')));
}

/** What a selling verb at k is about: us ("offered us", "pitched our CFO"), a price or a thing vendors sell, or a seller's
 * infinitive ("offered to beat / to migrate us"); "quoted a line from the contract", "offered to host the QBR" are not. */
const RIVALRY = new Set(['beat', 'undercut', 'outbid', 'outprice', 'underbid']);
const SELL_TO = /^(?:beat|match|undercut|migrate|cover|waive|throw|give|discount|price|move|switch|onboard|implement|buy|absorb|honou?r|pay|credit|refund|take)/;
function sold(s: Sent, k: number): boolean {
  const t = s.toks;
  const next = t.slice(k + 1, k + 7);
  // Beating or undercutting is rivalry with whoever is beaten: us ("undercut your quote", our notes' "beat our price"), not
  // the customer itself ("beat us on the Gdynia lane" is the customer's own market).
  if (RIVALRY.has(t[k].lemma)) return !['us', 'me', 'them', 'him', 'her'].includes(next[0]?.lower ?? '') && next.slice(0, 4).some((x) => ['you', 'your', 'yours', 'our'].includes(x.lower));
  if (['reach', 'approach', 'contact', 'court', 'woo'].includes(t[k].lemma)) return true;
  if (next[0]?.lower === 'to') return SELL_TO.test(next[1]?.lower ?? '');
  return next.some((x) => ['us', 'me', 'our', 'them', 'you', 'your', 'free', 'discount', 'deal', 'rate', 'price', 'less', 'lower', 'cheaper', 'half', 'cost', 'saving', 'savings', '%', '$', '£', '€'].includes(x.lower) || x.pos === 'NUM' || /^[$£€]|%$/.test(x.text) || VENDOR_THING.has(stem(x)));
}

/** The index of the token the noun phrase holding a span ends at ("the Nexora guys" → "guys"). */
function phraseEnd(s: Sent, span: NameSpan): number {
  let k = span.end;
  while (s.toks[k + 1] && (s.toks[k + 1].pos === 'NOUN' || s.toks[k + 1].text === "'s") && !s.toks[k + 1].cap && !TIME.has(s.toks[k + 1].lemma) && k - span.end < 3) k += 1;
  return k;
}

/** The act whose subject ends at token `end`: the first verb after it, past auxiliaries and adverbs ("X have been quietly offering"). */
function verbAfter(s: Sent, end: number): Tok | undefined {
  for (let k = end + 1; k < Math.min(s.toks.length, end + 5); k += 1) {
    const x = s.toks[k];
    // "Sam to send the quote" is an action item, not the vendor's act.
    if (x.lower === 'to' && k === end + 1) return undefined;
    // "did a proof of concept": the model tags a main "do" before its object as an auxiliary.
    if (x.pos === 'AUX' && x.lemma === 'do' && s.toks[k + 1]?.pos === 'DET') return x;
    if (x.pos === 'AUX' || x.pos === 'ADV' || x.pos === 'PART' || ['also', 'both', 'all'].includes(x.lower)) continue;
    // The light model tags some selling verbs as adjectives or nouns ("Cobaltia undercut/ADJ our quote").
    return x.pos === 'VERB' || (SELL.has(x.lemma) && ['NOUN', 'ADJ'].includes(x.pos) && ['PRON', 'DET'].includes(s.toks[k + 1]?.pos ?? '')) ? x : undefined;
  }
  return undefined;
}

const SINGULAR = new Set(['i', 'me', 'my', "i'm", 'he', 'she']);
const PLURAL = new Set(['we', 'us', 'our', 'team', 'company', 'business']);
/** Who moves: a person relocates or changes jobs ("I'm moving to Rotterdam", "she moved to Lisbon"); an organisation switches
 * vendor ("we're moving to X", "the team wants to switch to X"). With no subject written ("moving to X in jan, so i'll be on
 * CET"), the sentence's own people decide: a singular speaker and no "we". */
function moverIsPerson(s: Sent, at: number): boolean {
  const t = s.toks;
  for (let k = at - 1; k >= 0; k -= 1) {
    const x = t[k];
    if (x.pos === 'AUX' || x.pos === 'ADV' || x.pos === 'PART' || ['be', 'go', 'want', 'plan', 'about', 'also', 'just'].includes(x.lemma)) continue;
    if (x.pos === 'PRON' || x.pos === 'PROPN' || x.pos === 'NOUN') return SINGULAR.has(x.lower);
    break;
  }
  return t.some((x) => SINGULAR.has(x.lower)) && !t.some((x) => PLURAL.has(x.lower));
}

/** The span fills a slot of the evaluation frame in this sentence. */
export function inFrame(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  // A name that modifies some other noun ("a quote on their Rotterdam volumes", "our Growth and Scale tiers") is not the argument.
  // Past a list of names to the noun they all modify: "the Hamburg and Rotterdam numbers".
  let h = span.end + 1;
  while (t[h] && (['and', 'or', '&'].includes(t[h].lower) || (t[h].cap && t[h].pos === 'PROPN')) && t[h + 1]) h += 1;
  const head = t[h];
  const modifier = !!head && head.pos === 'NOUN' && !head.cap && head.known && !VENDOR_THING.has(stem(head)) && !VENDOR_PEOPLE.has(head.lemma) && !TIME.has(head.lemma);
  const sells = t.some((x) => VENDOR_THING.has(stem(x)) && x.pos !== 'VERB');
  const personal = t.some((x) => PERSONAL.has(x.lemma) || PERSONAL.has(x.lower));
  // ARGUMENT: an evaluating head before the span, connected to it.
  for (const hit of findAll(s, EVAL_HEAD)) {
    if (hit.end >= span.start || modifier) break;
    if (hit.start === hit.end && !EVAL_HEAD.test(` ${stem(t[hit.start])} `)) continue;
    if (SWITCH.test(hit.m[0].trim()) && (personal || moverIsPerson(s, hit.start) || backOfficeMove(s, hit.start))) continue;
    // "accepted an offer from X" is a job, not a bid.
    if (t.slice(Math.max(0, hit.start - 3), hit.start).some((x) => ['accept', 'take', 'decline'].includes(x.lemma))) continue;
    // A particle verb takes the name itself ("switch to X", "look at X"), a noun head may reach it through "of/from/with" ("a demo from X").
    const particle = / (?:to|at|with|on|into|out|up)$/.test(hit.m[0].trimEnd());
    const reaches = particle ? linkedDirect(s, hit.end + 1, span.start) : linked(s, hit.end + 1, span.start, t[hit.end].pos === 'VERB');
    // Comparing names with one another is about vendors only when something in the sentence is bought or sold: "comparing
    // Hamburg and Antwerp on on-time rates" weighs two depots; "comparing X's pricing with Y's" weighs vendors.
    // (Or with us: "how you compare with X on support hours".)
    if (reaches && COMPARE.test(hit.m[0].trim()) && !member(s, span) && !t.some((x) => (MARKET.has(stem(x)) && x.pos !== 'VERB') || ['you', 'your', 'yours', 'u', 'ur'].includes(x.lower))) continue;
    if (reaches && live(s, hit.start)) return true;
  }
  for (let k = 0; k < span.start && !modifier; k += 1) {
    if (stem(t[k]) !== t[k].lemma && EVAL_HEAD.test(` ${stem(t[k])} `) && linked(s, k + 1, span.start, true) && live(s, k)) return true;
  }
  // "a X trial", "X's demo", "the price X put in front of us".
  const next = t[span.end + 1]?.text === "'s" ? span.end + 2 : span.end + 1;
  for (let k = next; k < Math.min(t.length, next + 4); k += 1) {
    if (VENDOR_THING.has(stem(t[k])) && t[k].pos !== 'VERB' && live(s, k) && !fromUs(s, span.start)) return true;
    // "X's sales guy", "X's account exec": its sellers.
    if ((t[k].lemma === 'sale' || t[k].lower === 'sales') && SELLER.has(t[k + 1]?.lemma ?? '') && live(s, k)) return true;
    if (t[k].lower === 'account' && ['exec', 'executive', 'manager'].includes(t[k + 1]?.lower ?? '') && live(s, k)) return true;
    // "X's free tier": the offering a vendor lets one try.
    if (['free', 'trial'].includes(t[k].lower) && OFFERING.has(t[k + 1]?.lemma ?? '') && live(s, k)) return true;
    // Past a product's own name: "Sparrowline's Pipeline Pro trial".
    if (!['ADJ', 'NOUN', 'NUM'].includes(t[k].pos) && !(t[k].cap && ['PROPN', 'X'].includes(t[k].pos))) break;
  }
  if (span.start > 0 && VENDOR_THING.has(stem(t[span.start - 1])) && t[span.start - 1].pos === 'NOUN' && t[span.end + 1]?.pos === 'VERB' && live(s, span.start - 1)) return true;
  // RECIPIENT of a request for what vendors sell: "asked X for a quote", "invited X to pitch".
  const asked = t[span.start - 1];
  if (asked && ASK.has(asked.lemma) && live(s, asked.i)) {
    const rest = t.slice(span.end + 1, span.end + 6);
    // "had X in for a workshop", "brought X over to present": the vendor called in to show what it sells.
    if (['in', 'over', 'along'].includes(rest[0]?.lower ?? '') && ['have', 'get', 'invite', 'bring'].includes(asked.lemma)) rest.shift();
    if (rest[0]?.lower === 'for' && rest.some((x) => VENDOR_THING.has(stem(x)) || SHOWING.has(x.lemma))) return true;
    if (rest[0]?.lower === 'to' && rest[1] && (SELL.has(rest[1].lemma) || PRESENT.has(rest[1].lemma) || EVAL_HEAD.test(` ${stem(rest[1])} `))) return true;
    // "asked X to submit pricing", "invited X to put together a proposal": preparing what vendors sell.
    if (rest[0]?.lower === 'to' && rest[1] && PREPARE.has(rest[1].lemma) && t.slice(span.end + 3, span.end + 9).some((x) => VENDOR_THING.has(stem(x)))) return true;
  }
  // SOURCE: "a quote has been requested from X", "the one we received from X", in a sentence about what vendors sell.
  if (t[span.start - 1]?.lower === 'from' && sells) {
    const clause = t.slice(0, span.start - 1);
    const from = clause.map((x) => SEP.has(x.text)).lastIndexOf(true) + 1;
    // "…three quotes; the other two came from X and Y".
    if (clause.slice(from).some((x) => ASK.has(x.lemma) || x.lower === 'one' || x.lemma === 'come' || VENDOR_THING.has(stem(x)))) return true;
  }
  // STANDING: "X is on our shortlist", "X is still in the running".
  const be = t.slice(span.end + 1, span.end + 4).find((x) => x.lemma === 'be');
  if (be && live(s, be.i) && t.slice(be.i + 1, be.i + 6).some((x) => STANDING.has(stem(x)))) return true;
  // Placed on the list: "procurement put X on the longlist" (a list only: "working with X on the deal" is no standing).
  if (['on', 'onto'].includes(t[span.end + 1]?.lower ?? '') && t.slice(span.end + 2, span.end + 5).some((x) => LISTS.has(stem(x)) && x.pos === 'NOUN') && live(s, span.end + 1)) return true;
  // On trial: "using X on a trial basis", "X is in a pilot with ops".
  const after = t.slice(phraseEnd(s, span) + 1, phraseEnd(s, span) + 6);
  if (['on', 'in', 'for', 'as'].includes(after[0]?.lower ?? '') && after.slice(1).some((x) => ['trial', 'pilot', 'poc', 'evaluation'].includes(stem(x)))) return true;
  // AGENT: "X quoted us", "the Nexora guys offered", "The X people sent their paper over", "X is preparing one".
  const subjectEnd = listEnd(s, phraseEnd(s, span));
  const verb = verbAfter(s, subjectEnd);
  if (verb && live(s, verb.i)) {
    if (SELL.has(verb.lemma) && sold(s, verb.i)) return true;
    // Passive: "X and Y have both been invited to present", "X was asked to quote".
    if (ASK.has(verb.lemma) && t.slice(subjectEnd + 1, verb.i).some((x) => x.lemma === 'be') && t[verb.i + 1]?.lower === 'to' && (PRESENT.has(t[verb.i + 2]?.lemma ?? '') || SELL.has(t[verb.i + 2]?.lemma ?? ''))) return true;
    // "X is running a paid POC in their depot": the vendor holds the trial (not "a pilot of our routing API").
    if (RUN.has(verb.lemma) && t.slice(verb.i + 1, verb.i + 5).some((x) => TRYOUT.has(stem(x))) && !t.slice(verb.i + 1, verb.i + 7).some((x, j, xs) => x.lower === 'our' && ['of', 'on'].includes(xs[j - 1]?.lower ?? ''))) return true;
    if (verb.lemma === 'send' && t.slice(verb.i + 1, verb.i + 4).some((x) => SENT_THING.has(x.lemma))) return true;
    // "X came in 20% under / cheaper / at 38 a seat": a price landing (not "the X team is coming in Thursday").
    if (verb.lemma === 'come' && t[verb.i + 1]?.lower === 'in' && t.slice(verb.i + 2, verb.i + 6).some((x) => ['under', 'below', 'above', 'over', 'at', 'cheaper', 'lower', 'higher', 'less', 'more', 'price', 'first', 'second', 'low', 'high', 'cheap', 'way', 'well', 'about', 'roughly', 'around'].includes(x.lower) || x.pos === 'NUM' || /^[$£€]|%$/.test(x.text))) return true;
    // "X is preparing one", "…two competing bids, and X has already sent theirs".
    // (A presentation only with something on sale in it: anyone gives one to a board.)
    const onSale = (x: Tok) => VENDOR_THING.has(stem(x)) && (x.lemma !== 'presentation' || t.some((y) => MARKET.has(stem(y)) && y.lemma !== 'presentation'));
    if (PREPARE.has(verb.lemma) && t.slice(verb.i + 1, verb.i + 9).some((x) => onSale(x) || (['one', 'theirs'].includes(x.lower) && sells))) return true;
    // "X did a really slick demo for our CFO": a tryout put on for the customer (not a presentation: anyone gives those).
    if (['do', 'deliver', 'host'].includes(verb.lemma) && t.slice(verb.i + 1, verb.i + 6).some((x) => (TRYOUT.has(stem(x)) && x.lemma !== 'workshop') || x.lemma === 'pitch') && t.slice(verb.i + 2, verb.i + 9).some((x, j, xs) => ['for', 'to'].includes(x.lower) && ['our', 'us', 'me'].includes(xs[j + 1]?.lower ?? ''))) return true;
  }
  // "approached by X", "quoted by X".
  if (t[span.start - 1]?.lower === 'by') {
    const act = t.slice(Math.max(0, span.start - 5), span.start - 1).reverse().find((x) => x.pos === 'VERB');
    if (act && SELL.has(act.lemma) && live(s, act.i)) return true;
  }
  if (ranked(s, span)) return true;
  // VERSUS US: the name's own act measured against ours ("Tarnwell got back to us with a number below yours").
  const lemmas = ` ${t.map((x) => stem(x)).join(' ')} `;
  if (verb && span.start <= 2 && VERSUS_OURS.test(lemmas) && live(s, verb.i)) return true;
  // (Not for a destination: "exported the pipeline to Google Sheets to compare the regions".)
  // Right after the name or after its noun phrase ("running X side by side", "the X platform in parallel").
  if (!['to', 'into'].includes(t[span.start - 1]?.lower ?? '') && [span.end, phraseEnd(s, span)].some((e) => ALONGSIDE.test(` ${t.slice(e + 1, e + 6).map((x) => stem(x)).join(' ')} `))) return true;
  // APPEAL: "X is looking very attractive on price".
  if (be && t.slice(be.i + 1, be.i + 5).some((x) => APPEAL.has(x.lemma) || APPEAL.has(x.lower)) && live(s, be.i)) return true;
  // APPOSITION: the name stands for a vendor noun that fills the slot ("approached by a vendor called Ostrava", "evaluate other vendors, Solace and Yarrow").
  // "your competitor Vantora", "a rival called Ostrava" says it outright.
  const noun = appositionHead(s, span);
  if (noun && (RIVAL.has(t[noun.end].lemma) || inFrame(s, noun))) return true;
  if (moreSlots(s, span)) return true;
  // MEMBER: "you and X", "X and us", "X's order form alongside yours", "X against your platform", in a sentence about choosing.
  return member(s, span) && CHOOSING.test(` ${t.map((x) => stem(x)).join(' ')} `) && !t.some((x, k) => x.pos === 'VERB' && negated(s, k));
}

/** The vendor noun phrase a name is in apposition with, as a span of its own. */
function appositionHead(s: Sent, span: NameSpan): NameSpan | undefined {
  const t = s.toks;
  let k = span.start - 1;
  while (k >= 0 && (t[k].cap && t[k].pos === 'PROPN' || ['and', ','].includes(t[k].lower)) && k > span.start - 4) k -= 1;
  if (['called', 'named', 'like', 'including', ','].includes(t[k]?.lower ?? '') || (t[k]?.lower === 'as' && t[k - 1]?.lower === 'such')) k -= t[k]?.lower === 'as' ? 2 : 1;
  // "options, including X": the comma before the joining word.
  if (t[k]?.text === ',' && ['including', 'like'].includes(t[k + 1]?.lower ?? '')) k -= 1;
  // "something called X", "a company called X": the pronoun stands for a vendor it does not name.
  if (k >= 0 && ['something', 'someone', 'somebody'].includes(t[k].lower) && ['called', 'named'].includes(t[k + 1]?.lower ?? '')) return { name: t[k].text, start: k, end: k };
  if (k < 0 || t[k].pos !== 'NOUN' || !VENDOR_NOUN.has(t[k].lemma)) return undefined;
  let start = k;
  while (start > 0 && ['DET', 'ADJ', 'NUM'].includes(t[start - 1].pos)) start -= 1;
  return { name: t[k].text, start, end: k };
}

const US = new Set(['you', 'us', 'yours', 'yourselves', 'yourself']);
const JOIN = new Set(['and', 'or', ',', '&', 'between', 'vs', 'versus', 'alongside', 'against', 'over']);
/** "you", "us", "yours", or "your team / your platform" at token k (read leftwards when `back`). */
function usAt(s: Sent, k: number, back: boolean): boolean {
  const x = s.toks[k];
  if (!x) return false;
  if (US.has(x.lower)) return true;
  // ("your routing": the light model tags some gerunds as verbs.)
  return back ? (x.pos === 'NOUN' || /ing$/.test(x.lower)) && s.toks[k - 1]?.lower === 'your' : x.lower === 'your';
}
/** The span is joined to us by a conjunction or a comparison, with only other names between: "you, Cadence Loop and Ravelin". */
function member(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  let k = span.start - 1;
  let joined = false;
  while (k >= 0 && (JOIN.has(t[k].lower) || (t[k].cap && t[k].pos === 'PROPN'))) { joined ||= JOIN.has(t[k].lower); k -= 1; }
  if (joined && usAt(s, k, true)) return true;
  k = phraseEnd(s, span) + 1;
  joined = false;
  for (;;) {
    // "to X as well as to you": the joint and a repeated preposition.
    if (t[k]?.lower === 'as' && t[k + 1]?.lower === 'well' && t[k + 2]?.lower === 'as') { joined = true; k += 3; if (t[k]?.pos === 'ADP') k += 1; continue; }
    if (k < t.length && (JOIN.has(t[k].lower) || (t[k].cap && t[k].pos === 'PROPN'))) { joined ||= JOIN.has(t[k].lower); k += 1; continue; }
    break;
  }
  return joined && usAt(s, k, false);
}

/** Whether two names are listed together, with only commas, "and", "or" and other names between. */
export function coordinated(s: Sent, a: NameSpan, b: NameSpan): boolean {
  const [x, y] = a.start < b.start ? [a, b] : [b, a];
  const between = s.toks.slice(x.end + 1, y.start);
  // (Notes join names with "+" and "/": "X + Y both in the RFP".)
  const joint = (t: Tok) => [',', 'and', 'or', '&', '+', '/'].includes(t.lower);
  return between.length > 0 && between.some(joint) && between.every((t) => joint(t) || (t.cap && t.pos === 'PROPN'));
}

/** Ranked against us: "you came second behind X", "your bid landed ahead of X". */
const RANK_AT = new Set(['behind', 'ahead', 'after', 'below', 'above', 'beneath']);
function ranked(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  const at = t[span.start - 1]?.lower === 'of' ? span.start - 2 : span.start - 1;
  if (!RANK_AT.has(t[at]?.lower ?? '')) return false;
  const clause = t.slice(0, at);
  const from = clause.map((x) => SEP.has(x.text)).lastIndexOf(true) + 1;
  const part = clause.slice(from);
  return part.some((x) => ['you', 'your', 'yours'].includes(x.lower)) && part.some((x) => ['come', 'rank', 'score', 'finish', 'place', 'land', 'trail', 'lag', 'fall', 'sit', 'end'].includes(x.lemma));
}

/** "They've offered us a trial", "We are assessing both", "their rep called": a pronoun in one of the frame's slots stands for the organisation named just before. */
export function pronounInFrame(s: Sent, after = -1): boolean {
  return s.toks.some((x, k) => k > after && PRONOUN.has(x.lower) && !(x.lower === 'it' && k === 0) && (after < 0 || ['they', 'them'].includes(x.lower)) && inFrame(s, { name: x.text, start: k, end: k }));
}
