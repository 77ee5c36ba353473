// More slots of the evaluation frame (competitor-frame.ts), and the places a rival's name sits
// without being in play. Each is a role, not a phrase:
// - the vendor's PEOPLE acting on the customer: "X's people have been in touch with Raj", "the X
//   folks came by and showed us their route thing", "the X team is coming in to whiteboard…";
// - the vendor PLANNING OUR MOVE: "X has scoped what a move would look like for us";
// - a POSSESSIVE set against ours: "X's master agreement … and yours", "your answer to X's
//   scheduling", "lay it next to X's";
// - a CASE or placement AGAINST it: "an ROI case against X";
// - a tool USED ON TRIAL or on the side: "on X just as a test", "paying for X on his own card",
//   "a X evaluation tenant", "running planning in X on the side";
// - INVITED into a buying process: "for the tender we have invited the company X";
// - PEERS on it, with pressure on us: "our peers all run X … we are overpaying", "our parent group
//   standardised on X and asks whether we'd join", "X is the incumbent at their sister company";
// - a RETAINED or CHOSEN rival: "stay with X for the sales org", "picked you over X in the end" (not
//   long past), "a budget line for X where you used to be";
// - a relative clause whose gap is evaluated: "X…, and that's one of the tools we're looking at".
// Out of play: a person's employer ("leaving to join X"), news about the company ("X got
// acquired"), a rep turned away ("told him we're locked in with you"), an evaluation denied in the
// same breath ("a test of the X integration, not an evaluation"), a change with "no impact on us", a
// rival's stand as a landmark ("your booth next to X's"), a language ("prefers English").
import type { Sent, Tok } from './nlp.js';
import { negated, type NameSpan } from './frames.js';
import { notAVendor } from './competitor-outsiders.js';
import { weighedSlot } from './competitor-weighed.js';
import { bracketedVendor, calledIn, comingToShow, offCategory, ourPerson, passiveOffer, preferredOverUs, productPreferred, promisedUs, rankedAboveUs, referencesOf, talkedAbout, wooing } from './competitor-stance.js';

const US = new Set(['you', 'your', 'yours', 'u', 'ur', 'yourselves', 'yourself']);
const FILLER = new Set(['you', 'know', 'like', 'uh', 'um', 'er', 'erm', 'kind', 'sort', 'of', 'basically', 'actually', 'already', 'also', 'just', 'really', 'even', 'still', 'now', 'recently', 'apparently', 'i', 'think', 'guess', ',']);
/** Heads that make a name's phrase the vendor's people: "the X folks", "X's team". */
const PEOPLE = new Set(['people', 'folk', 'folks', 'guy', 'guys', 'team', 'rep', 'reps', 'crowd', 'lot', 'salespeople', 'salesperson', 'sale', 'sales', 'bd', 'consultant', 'consultants', 'engineer', 'engineers', 'founder', 'ceo', 'cto']);
/** What a vendor's people do to a customer they court. */
const COURT = new Set(['call', 'ring', 'email', 'phone', 'chase', 'ping', 'message', 'text', 'visit', 'show', 'demo', 'present', 'pitch', 'walk', 'meet', 'contact', 'reach', 'approach', 'court', 'woo', 'invite', 'offer', 'send']);
/** Going after a customer's business: "pushing hard for our business", "chasing our account". */
const PURSUE = new Set(['push', 'chase', 'want', 'fight', 'compete', 'court', 'woo', 'target', 'hunt', 'angle', 'bid', 'go', 'try', 'win']);
/** Canvassing a customer unasked, and the seller's words that come with it ("cold-emailed our CRO with a 50% discount"). */
const CANVASS = new Set(['call', 'ring', 'phone', 'email', 'chase', 'ping', 'message', 'approach', 'court', 'woo', 'pitch', 'spam', 'hound']);
const SELLER_WORD = new Set(['discount', '%', 'free', 'offer', 'deal', 'pricing', 'quote', 'proposal', 'switch', 'migration', 'cheaper']);
/** Arriving to show or work with us: "come in / by / over / round". */
const ARRIVE = new Set(['in', 'by', 'over', 'round', 'around', 'along']);
const PRESALES = new Set(['whiteboard', 'workshop', 'demo', 'present', 'pitch', 'scope', 'demonstrate', 'showcase', 'discovery']);
/** Words of buying and selling that make a vendor's contact a sales contact. */
const MARKET_CUE = new Set(['%', 'free', 'quote', 'offer', 'pricing', 'price', 'proposal', 'bid', 'demo', 'trial', 'pilot', 'tender', 'rfp', 'renewal', 'contract', 'switch', 'discount', 'deal', 'licence', 'license', 'seat', 'migration', 'package']);
/** A move of the customer's: what a vendor courting it plans. */
const MOVE = new Set(['move', 'migration', 'switch', 'switchover', 'transition', 'cutover', 'changeover', 'implementation', 'onboarding', 'rollout', 'migrate']);
const PLAN = new Set(['scope', 'scoped', 'plan', 'map', 'estimate', 'cost', 'price', 'outline', 'sketch', 'model', 'spec', 'prepare', 'draft', 'work']);
/** "your answer to X's scheduling", "your equivalent of X". */
const COUNTERPART = new Set(['answer', 'response', 'equivalent', 'counterpart', 'version', 'alternative', 'reply']);
/** Placing our offer beside theirs: "lay it next to X's", "hold yours up against X". */
const PLACE = new Set(['lay', 'put', 'set', 'place', 'hold', 'stack', 'line', 'compare', 'weigh', 'measure', 'match', 'check', 'benchmark', 'judge']);
const BESIDE = new Set(['next', 'beside', 'alongside', 'against', 'with', 'versus', 'vs']);
/** A case made against a vendor: "an ROI case against X", "the business case versus X". */
const CASE = new Set(['case', 'roi', 'scorecard', 'matrix', 'comparison', 'benchmark', 'number', 'numbers', 'figure', 'figures', 'price', 'pricing', 'quote', 'offer', 'proposal', 'bid']);
/** Use on trial or out of sight: the cue that a tool in use is being tried. */
const TRYING = /^(?:test|testing|trial|trail|trialling|trialing|pilot|piloting|experiment|eval|evaluation|poc|sandbox|staging)$/;
const SHADOW: Array<(t: Tok[], k: number) => boolean> = [
  (t, k) => t[k].lower === 'side' && t[k - 1]?.lower === 'the' && t[k - 2]?.lower === 'on',
  (t, k) => t[k].lower === 'card' && t[k - 1]?.lower === 'own',
  (t, k) => ['unofficially', 'secretly', 'quietly'].includes(t[k].lower),
  (t, k) => t[k].lower === 'radar' && t[k - 1]?.lower === 'the',
  (t, k) => t[k].lemma === 'tell' && t[k].neg,
];
/** Where a tool is used: "on X", "in X", "using X", "paying for X", "an account with X", "logins to X", "a X tenant". */
const USED_VIA = new Set(['on', 'in', 'into', 'inside']);
const USE_VERB = new Set(['use', 'run', 'pay', 'try', 'buy', 'license', 'subscribe']);
const WORK = new Set(['work', 'plan', 'build', 'do', 'keep', 'track', 'manage', 'store', 'log', 'handle', 'schedule']);
const HOLDING = new Set(['account', 'login', 'logins', 'licence', 'license', 'seat', 'seats', 'tenant', 'instance', 'workspace', 'access', 'subscription']);
/** Buying processes one is invited into. */
const PROCESS = new Set(['tender', 'rfp', 'rfi', 'rfq', 'bid', 'bidding', 'pitch', 'quote', 'proposal', 'process', 'competition', 'shortlist', 'evaluation', 'selection', 'procurement', 'bake-off', 'round']);
const INVITE = new Set(['invite', 'solicit', 'shortlist', 'include', 'approach', 'bring', 'add']);
/** Others on a tool: peers, the group, sister companies. */
const PEERS = new Set(['peer', 'peers', 'parent', 'group', 'sister', 'subsidiary', 'subsidiaries', 'competitor', 'competitors', 'others', 'everyone', 'everybody', 'counterpart', 'counterparts', 'holding', 'affiliate']);
const ON_IT = new Set(['run', 'use', 'standardise', 'standardize', 'standardised', 'standardized', 'consolidate', 'be', 'switch', 'move', 'swear', 'rave']);
/** Pressure on us from that: overpaying, asked to join, to align. */
const PRESSURE = new Set(['overpay', 'overpaying', 'join', 'align', 'consolidate', 'standardise', 'standardize', 'cheaper', 'switch', 'why', 'roi', 'incumbent', 'follow', 'move']);
/** Kept or chosen: "stay with X", "stick with X", "remain on X", "keep X". */
const KEEP = new Set(['stay', 'stick', 'remain', 'keep', 'continue']);
const CHOOSE = new Set(['pick', 'choose', 'select', 'prefer', 'go']);
/** Markers that an evaluation is long over. */
const LONG_PAST = /^(?:ago|originally|initially|back|previously|once)$/;
const ENDED = new Set(['end', 'stop', 'close', 'kill', 'wrap', 'cancel', 'abandon', 'finish', 'conclude', 'terminate', 'expire', 'lapse']);
const EMPLOYER = new Set(['join', 'joining', 'hire', 'employ', 'work', 'intern', 'recruit', 'poach', 'offer']);
const NEWS = new Set(['ad', 'ads', 'advert', 'advertisement', 'billboard', 'commercial', 'acquire', 'acquired', 'acquisition', 'ipo', 'layoff', 'layoffs', 'raise', 'funding', 'merger', 'merge', 'announce', 'rebrand', 'news', 'headline', 'headlines', 'valuation']);
const TURNED_AWAY = [/ (?:i|we) (?:say|said) no /, / turn(?:ed)? (?:it|them|him|her) down /, / lock(?:ed)? in with (?:you|us) /, / take us off /, / off (?:his|her|their) list /, / not interested /, / tell (?:him|her|them|he|she|they) (?:that )?(?:we|i) (?:be |will be |would be |'re |are )?(?:very |really |perfectly )?(?:happy|content|fine|committed|staying|stay|sticking|stick|sign|signed|renew|renewed|commit|lock|locked|choose|chose) /, / under contract with you /, / unsubscribe /, / not (?:even )?take (?:the|a|their|his|her) (?:meeting|call) /];
const IRRELEVANT = [/ no overlap /, / no impact on (?:us|you|our work|the account) /, / nothing to do with (?:you|us|your \w+|what you) /, / (?:do|does) not (?:affect|impact|touch) (?:you|us) /, / unrelated to (?:you|us) /,
  // Apart from us, or beside us: "completely separate from your project", "might be useful with your export".
  / (?:separate|independent) (?:from|of) (?:you|your|yours) /, / (?:useful|handy|work|fit|sit) (?:well |nicely |fine )?(?:with|alongside|next to|on top of) (?:you|your|yours) /];
const LANGUAGE = new Set(['english', 'spanish', 'german', 'french', 'italian', 'dutch', 'polish', 'portuguese', 'swedish', 'danish', 'norwegian', 'finnish', 'czech', 'turkish', 'arabic', 'chinese', 'mandarin', 'japanese', 'korean', 'hindi', 'russian', 'greek', 'hungarian', 'romanian']);
const SEPS = new Set([',', ';', ':', '.', '!', '?', '—', '–', '(', ')']);

const lemmaLine = (t: Tok[]) => ` ${t.map((x) => x.lemma).join(' ')} `;
const isUs = (x: Tok | undefined) => !!x && US.has(x.lower);

/** The token span of a name found by character offset in the sentence's text. */
export function spanAt(s: Sent, text: string, index: number, length: number): NameSpan | undefined {
  let at = 0;
  let start = -1;
  let end = -1;
  for (const [k, t] of s.toks.entries()) {
    const i = text.indexOf(t.text, at);
    if (i < 0) continue;
    at = i + t.text.length;
    if (start < 0 && i + t.text.length > index) start = k;
    if (i < index + length) end = k;
  }
  return start < 0 ? undefined : { name: text.slice(index, index + length), start, end: Math.max(start, end) };
}

/** The end of the name's own phrase: "X", "X's", "X's people", "the X folks". */
function ownPhraseEnd(t: Tok[], span: NameSpan): { end: number; people: boolean; team: boolean; possessive: boolean } {
  let k = span.end;
  const possessive = t[k + 1]?.text === "'s" || t[k + 1]?.text === "'";
  if (possessive) k += 1;
  const head = t[k + 1];
  // "the Hamburg team" may be the customer's own depot: a team is an outsider only by what it comes to do.
  if (head && PEOPLE.has(head.lower) && !head.cap) return { end: k + 1, people: true, team: head.lower === 'team', possessive };
  return { end: k, people: false, team: false, possessive };
}

/** The verbs a subject ending at `end` heads, across fillers, auxiliaries, "and" and one comma: "have been, you know, in touch". */
function actsAfter(t: Tok[], end: number, reach = 14): Tok[] {
  const out: Tok[] = [];
  for (let k = end + 1; k < Math.min(t.length, end + reach); k += 1) {
    const x = t[k];
    if (['.', '!', '?', ';', ':'].includes(x.text)) break;
    if (x.pos === 'VERB' || (x.lower === 'touch' && t[k - 1]?.lower === 'in')) out.push(x);
  }
  return out;
}

/** Whether anything within k..k+n is the customer as a recipient: us, me, our people, a capitalised person. */
function toCustomer(t: Tok[], from: number, n = 5): boolean {
  return t.slice(from, from + n).some((x) => ['us', 'me', 'our', 'my'].includes(x.lower) || (x.cap && x.pos === 'PROPN'));
}

/** The vendor's people (or the vendor) courting us: in touch, visiting to show, showing us their thing. */
function courting(t: Tok[], span: NameSpan): boolean {
  const { end, people, team } = ownPhraseEnd(t, span);
  const market = t.some((x) => MARKET_CUE.has(x.lemma) || MARKET_CUE.has(x.lower));
  const ours = (from: number) => { const c = t.slice(from, from + 12); return c.some((x) => ['our', 'us', 'me'].includes(x.lower)) && !c.some((x) => US.has(x.lower)); };
  for (const v of actsAfter(t, end)) {
    if (v.neg) continue;
    // "X's people have been in touch with Raj" after a second quote was asked for; "X has been in touch offering a package".
    if (v.lower === 'touch') return (market && (people || toCustomer(t, v.i + 1, 3))) || t.slice(v.i + 1, v.i + 4).some((x) => COURT.has(x.lemma) && x.lemma !== 'send');
    // "X is pushing hard for our business", "X wants our account".
    const object = t.slice(v.i + 1, v.i + 5);
    if (PURSUE.has(v.lemma) && object.some((x, j) => ['our', 'the'].includes(x.lower) && ['business', 'account', 'renewal'].includes(object[j + 1]?.lower ?? ''))) return true;
    if (!people) continue;
    // "the X folks want to run a workshop with our planners" (not "…with your CSM": then they are the customer's own).
    if (t.slice(v.i + 1, v.i + 6).some((x) => ['workshop', 'demo', 'session', 'presentation', 'pitch', 'discovery'].includes(x.lemma) && x.pos === 'NOUN') && ours(v.i + 1)) return true;
    // "came by on Tuesday and showed us their route thing", "is coming in Thursday to whiteboard the integration with our architects".
    if (v.lemma === 'come' && ARRIVE.has(t[v.i + 1]?.lower ?? '')) {
      const rest = t.slice(v.i + 2, v.i + 9);
      if (rest.some((x) => PRESALES.has(x.lemma) || PRESALES.has(x.lower)) && ours(v.i + 2)) return true;
      if (!team && actsAfter(t, v.i + 1).some((w) => COURT.has(w.lemma) && toCustomer(t, w.i + 1, 2))) return true;
    }
    if (!team && COURT.has(v.lemma) && toCustomer(t, v.i + 1, 3)) return true;
  }
  // A bare organisation courting us needs a seller's word with it: "X cold-emailed our CRO with a 50% discount".
  for (const v of actsAfter(t, end, 6)) {
    if (!v.neg && (CANVASS.has(v.lemma) || /^cold-?(?:email|call)/.test(v.lower)) && toCustomer(t, v.i + 1, 3) && t.some((x) => SELLER_WORD.has(x.lemma) || SELLER_WORD.has(x.lower))) return true;
  }
  return false;
}

/** "X has scoped what a move would look like for us". */
function planningOurMove(t: Tok[], span: NameSpan): boolean {
  const { end } = ownPhraseEnd(t, span);
  const v = actsAfter(t, end, 5)[0];
  if (!v || v.neg || !(PLAN.has(v.lemma) || PLAN.has(v.lower))) return false;
  const rest = t.slice(v.i + 1, v.i + 12);
  const stop = rest.findIndex((x) => SEPS.has(x.text));
  const clause = stop < 0 ? rest : rest.slice(0, stop);
  return clause.some((x) => MOVE.has(x.lemma) && x.pos !== 'VERB') && clause.some((x) => ['us', 'our'].includes(x.lower));
}

/** "X's master agreement … and yours", "your answer to X's auto-scheduling", "lay it next to X's". */
function possessiveAgainstOurs(t: Tok[], span: NameSpan): boolean {
  const poss = t[span.end + 1]?.text === "'s" || t[span.end + 1]?.text === "'";
  const before = t[span.start - 1];
  // "your answer to X('s)": the thing of ours set against theirs.
  if (before?.lower === 'to' || before?.lower === 'of') {
    const head = t[span.start - 2];
    if (head && COUNTERPART.has(head.lemma) && isUs(t[span.start - 3])) return true;
  }
  if (!poss) return false;
  // "contacting X's references": the customers a vendor offers as proof.
  if (['references', 'referees'].includes(t[span.end + 2]?.lower ?? '')) return true;
  // "next to X's", "against X's", after a verb of placing.
  const prep = t[span.start - 1]?.lower === 'to' && t[span.start - 2]?.lower === 'next' ? span.start - 2 : span.start - 1;
  // What is placed is ours ("it", the number you come back with), not the customer's own figures set against another firm's.
  if (BESIDE.has(t[prep]?.lower ?? '') && t.slice(Math.max(0, prep - 5), prep).some((x) => PLACE.has(x.lemma) && x.pos === 'VERB') && t.some((x) => US.has(x.lower))) return true;
  // "X's agreement open in one window and yours in the other": the same thing of theirs and ours in one sentence.
  return t.some((x, k) => (x.lower === 'yours' || x.lower === 'theirs') && k > span.end) && t.some((x) => x.lower === 'yours');
}

/** "an ROI case against X", "the scorecard versus X". */
function caseAgainst(t: Tok[], span: NameSpan): boolean {
  const prep = t[span.start - 1];
  if (!prep || !['against', 'versus', 'vs'].includes(prep.lower)) return false;
  return t.slice(Math.max(0, span.start - 4), span.start - 1).some((x) => CASE.has(x.lower) || CASE.has(x.lemma));
}

/** A tool used on trial or out of sight: the name where a tool is used, and a trying or shadow cue in the sentence. */
function triedOnTheSide(t: Tok[], span: NameSpan): boolean {
  const before = t[span.start - 1];
  const after = t[span.end + 1];
  // "are on X", "running their planning in X" (a use verb before: "our pilot depot in Malmö" is a place).
  const window = t.slice(Math.max(0, span.start - 6), span.start - 1);
  const used = (before && USED_VIA.has(before.lower) && (before.lower === 'on' ? window.slice(-2).some((x) => x.lemma === 'be') || window.some((x) => USE_VERB.has(x.lemma)) : window.some((x) => x.pos === 'VERB' && (USE_VERB.has(x.lemma) || WORK.has(x.lemma)))))
    || (before && (USE_VERB.has(before.lemma) || (before.lower === 'for' && USE_VERB.has(t[span.start - 2]?.lemma ?? ''))))
    || (before && ['with', 'to', 'on'].includes(before.lower) && (HOLDING.has(t[span.start - 2]?.lower ?? '') || HOLDING.has(t[span.start - 2]?.lemma ?? '')))
    || (after && (HOLDING.has(after.lower) || TRYING.test(after.lower)));
  if (!used) return false;
  const cue = t.some((x, k) => (TRYING.test(x.lower) && x.lower !== 'test' ? true : x.lower === 'test' && (['as', 'a', 'we', 'to'].includes(t[k - 1]?.lower ?? '') || t[k - 1]?.pos === 'PRON')) || SHADOW.some((f) => f(t, k)));
  // Not a trial of the name's connection to us: "testing the X connector" is integration work (read before this).
  return cue && !t.some((x) => ['integration', 'connector', 'sync', 'webhook', 'api'].includes(x.lower));
}

/** "For the tender we have invited also the company X". */
function invitedIntoProcess(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  let k = span.start - 1;
  while (k >= 0 && (['the', 'a', 'also', 'too', 'even', 'both', 'company', 'firm', 'vendor', 'supplier', 'provider', 'to'].includes(t[k].lower) || (t[k].cap && t[k].pos === 'PROPN') || [',', 'and'].includes(t[k].lower)) && span.start - k < 6) k -= 1;
  const v = t[k];
  if (!v || !INVITE.has(v.lemma) || v.pos !== 'VERB' || negated(s, k)) return false;
  return t.some((x) => PROCESS.has(x.lower) || PROCESS.has(x.lemma));
}

/** Peers, the group or a sister company on the tool, with pressure on us in the same sentence. */
function peersOnIt(t: Tok[], span: NameSpan): boolean {
  const left = t.slice(Math.max(0, span.start - 10), span.start);
  // The peers are the ones on it (its subject, before the verb): "we're moving everyone onto X" moves the speaker's own people.
  const peer = left.findIndex((x) => PEERS.has(x.lower) || PEERS.has(x.lemma));
  const peers = peer >= 0 && left.slice(peer + 1).some((x) => ON_IT.has(x.lemma) || ON_IT.has(x.lower));
  const incumbent = t.slice(span.end + 1, span.end + 5).some((x) => x.lower === 'incumbent') && t.slice(span.end + 1).some((x) => PEERS.has(x.lower));
  if (incumbent) return true;
  return peers && t.some((x) => PRESSURE.has(x.lemma) || PRESSURE.has(x.lower));
}

/** "stay with X", "stick with X for the sales org"; "picked you over X in the end" unless long past; "a line for X where you used to be". */
function keptOrChosen(t: Tok[], span: NameSpan): boolean {
  const before = t[span.start - 1];
  const verb = t[span.start - 2];
  if (before && ['with', 'on'].includes(before.lower) && verb && KEEP.has(verb.lemma) && !verb.neg) return true;
  if (before?.lower === 'over' && isUs(verb) && CHOOSE.has(t[span.start - 3]?.lemma ?? '') && !t.some((x) => LONG_PAST.test(x.lower) || /^(?:19|20)\d\d$/.test(x.text))) return true;
  // The rival in our place: "where you used to be", "instead of you", "in place of you".
  return /^ (?:where|in place of|instead of) you /.test(lemmaLine(t.slice(span.end + 1, span.end + 7)));
}

/** "X, and that's one of the tools our planners are looking at": a vendor noun whose relative clause ends in an evaluating verb. */
function oneOfThoseWeighed(t: Tok[]): boolean {
  for (let k = 0; k < t.length - 3; k += 1) {
    if (t[k].lower !== 'one' || t[k + 1]?.lower !== 'of') continue;
    const noun = t.slice(k + 2, k + 5).find((x) => x.pos === 'NOUN');
    if (!noun || !['tool', 'vendor', 'option', 'platform', 'product', 'alternative', 'supplier', 'solution', 'provider'].includes(noun.lemma)) continue;
    const rest = t.slice(noun.i + 1);
    const stop = rest.findIndex((x) => SEPS.has(x.text));
    const clause = stop < 0 ? rest : rest.slice(0, stop);
    const line = lemmaLine(clause);
    if (/ (?:look at|look into|consider|evaluate|assess|trial|test|pilot|compare|weigh|talk to|shortlist) $/.test(line) && !clause.some((x) => x.neg)) return true;
  }
  return false;
}

/** Reviews a buyer runs on a vendor: "the infosec assessment for X", "a security review of X", "due diligence on X". */
const REVIEW = new Set(['assessment', 'questionnaire', 'diligence', 'evaluation', 'scorecard', 'review', 'audit']);
const REVIEW_KIND = new Set(['security', 'infosec', 'vendor', 'risk', 'technical', 'due', 'supplier', 'dpia', 'architecture', 'procurement']);
function reviewedVendor(t: Tok[], span: NameSpan): boolean {
  const prep = t[span.start - 1];
  if (!prep || !['for', 'of', 'on'].includes(prep.lower)) return false;
  const noun = t[span.start - 2];
  if (!noun || !REVIEW.has(noun.lemma)) return false;
  return ['assessment', 'questionnaire', 'diligence', 'evaluation'].includes(noun.lemma) || REVIEW_KIND.has(t[span.start - 3]?.lower ?? '');
}

/** "what X can offer", "X does everything you do for less", "they might be a better fit". */
function offeringAgainstUs(t: Tok[], span: NameSpan): boolean {
  const { end } = ownPhraseEnd(t, span);
  const v = actsAfter(t, end, 4)[0];
  if (t[span.start - 1]?.lower === 'what' && v && ['offer', 'do', 'quote', 'propose', 'bring', 'give'].includes(v.lemma) && !v.neg) return true;
  // "Finance wants to see what X comes back with first": its answer to the buyer, awaited.
  if (t[span.start - 1]?.lower === 'what' && v && v.lemma === 'come' && t[v.i + 1]?.lower === 'back' && t[v.i + 2]?.lower === 'with' && !v.neg) return true;
  // "X would save us about 20k a year".
  if (v && !v.neg && ['save', 'cut'].includes(v.lemma) && t[v.i + 1]?.lower === 'us' && t.slice(v.i + 2, v.i + 6).some((x) => x.pos === 'NUM' || /^[$£€]|%$|\d+k$/.test(x.text))) return true;
  const clause = lemmaLine(t.slice(end + 1, end + 12));
  if (v && !v.neg && / (?:for less|for half|at half|for a fraction|cheaper than you|less than you) /.test(clause) && / you /.test(clause)) return true;
  const be = t[end + 1]?.lemma === 'be' ? end + 1 : t[end + 2]?.lemma === 'be' ? end + 2 : -1;
  return be >= 0 && / (?:a|the) (?:good|great|strong|perfect|natural) fit /.test(lemmaLine(t.slice(be + 1, be + 5))) && !t[be].neg;
}

/** Moving a team or a job onto the name: "move the CS team onto X", "consolidating on X", "shift our forecasting into X". */
const MOTION = new Set(['move', 'migrate', 'switch', 'shift', 'transfer', 'put', 'bring', 'consolidate', 'standardise', 'standardize', 'standardised', 'standardized', 'transition']);
/** What an organisation moves onto a tool: a team, a function, its people. */
const FUNCTION = new Set(['team', 'department', 'org', 'organisation', 'organization', 'forecasting', 'planning', 'dispatch', 'reporting', 'pipeline', 'rep', 'reps', 'user', 'users', 'everyone', 'everybody', 'staff', 'cs', 'sales', 'ops', 'operations', 'process', 'workflow', 'us', 'business', 'function', 'customer', 'success']);
const DATA = new Set(['data', 'record', 'contact', 'note', 'field', 'export', 'file', 'csv', 'recording', 'call', 'transcript', 'log', 'event', 'report', 'invoice', 'email', 'ticket', 'alert', 'webhook', 'feed', 'history', 'attachment', 'backup']);
export function switchedOnto(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  // "moving everyone onto Okta groups": a thing inside the tool, not the tool.
  if (modifiesThing(s, span)) return false;
  const prep = t[span.start - 1];
  if (!prep || !['onto', 'to', 'into', 'on'].includes(prep.lower)) return false;
  // (Far enough back for "moving our forecasting out of your tool and into X".)
  for (let k = span.start - 2; k >= Math.max(0, span.start - 12); k -= 1) {
    const x = t[k];
    if (SEPS.has(x.text)) return false;
    if (!(MOTION.has(x.lemma) || MOTION.has(x.lower)) || x.pos !== 'VERB' || x.neg) continue;
    // "consolidating on X", "standardise on X": the organisation's choice of tool.
    if (prep.lower === 'on') return /^(?:consolidat|standardi)/.test(x.lower);
    // Otherwise what moves must be a team or a job of the organisation ("the CS team", "our forecasting"), not licences moved
    // between sites, a meeting moved to a day, a person moving city, or data pushed into a tool; and not "from X to Y" (a transfer).
    const moved = t.slice(k + 1, span.start - 1);
    return moved.some((y) => FUNCTION.has(y.lemma) || FUNCTION.has(y.lower)) && !moved.some((y) => y.lower === 'from' || DATA.has(y.lemma));
  }
  return false;
}

/** A rival put in our place: "asking for X licences instead", "would rather use X", "why not just use X?". */
function preferredInstead(t: Tok[], span: NameSpan): boolean {
  const after = t.slice(span.end + 1, span.end + 5);
  if (after.some((x) => x.lower === 'instead') && !t.slice(0, span.start).some((x) => x.lower === 'instead')) return !t.slice(0, span.start).some((x) => x.neg);
  const use = t[span.start - 1];
  if (!use || !['use', 'have', 'try', 'adopt', 'buy'].includes(use.lemma)) return false;
  const lead = lemmaLine(t.slice(Math.max(0, span.start - 6), span.start - 1));
  if (/ (?:rather|prefer to|prefer) /.test(lead) && !use.neg) return true;
  // A suggestion put as a question: "Is there a reason we shouldn't just use X?", "why don't we just use X?".
  return t.at(-1)?.text === '?' && / (?:why|reason|should) /.test(lemmaLine(t)) && / just $/.test(lead);
}

/** Extra slots of the evaluation frame for a name in this sentence. */
export function moreSlots(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  return courting(t, span) || planningOurMove(t, span) || possessiveAgainstOurs(t, span) || caseAgainst(t, span) || triedOnTheSide(t, span)
    || invitedIntoProcess(s, span) || peersOnIt(t, span) || keptOrChosen(t, span) || reviewedVendor(t, span) || offeringAgainstUs(t, span)
    || preferredInstead(t, span) || preferredOverUs(s, span) || bracketedVendor(s, span) || passiveOffer(s, span) || productPreferred(s, span)
    || rankedAboveUs(s, span) || calledIn(s, span) || comingToShow(s, span) || promisedUs(s, span) || referencesOf(s, span) || wooing(s, span)
    || weighedSlot(s, span);
}

/** The sentence weighs the one name it holds through a relative clause ("…that's one of the tools we are looking at"). */
export function weighedByRelative(s: Sent): boolean {
  return oneOfThoseWeighed(s.toks);
}

/** "Does your API have rate limits? tarvo's doesn't": a name's elided possessive set against ours in the sentence before. */
export function elidedAgainstOurs(before: Sent | undefined, s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  if (!before || !(t[span.end + 1]?.text === "'s" || t[span.end + 1]?.text === "'")) return false;
  const next = t[span.end + 2];
  if (!next || !['AUX', 'VERB', 'ADV'].includes(next.pos)) return false;
  return before.toks.some((x) => ['your', 'ur', 'you', 'u'].includes(x.lower)) && before.toks.at(-1)?.text === '?';
}

/** Lower-case names chat writes before an elided possessive ("tarvo's doesnt"): a word the model has never seen. */
export function lowerPossessiveSpans(s: Sent, taken: NameSpan[]): NameSpan[] {
  const t = s.toks;
  const out: NameSpan[] = [];
  for (const [k, x] of t.entries()) {
    if (x.cap || x.known || !/^\p{Ll}[\p{L}\d-]{3,}$/u.test(x.text) || taken.some((n) => n.start <= k && k <= n.end)) continue;
    if (t[k + 1]?.text === "'s" && ['AUX', 'VERB'].includes(t[k + 2]?.pos ?? '')) out.push({ name: x.text, start: k, end: k });
  }
  return out;
}

/** Goods and services of the customer's own trade: a quote for haulage, a trial of trucks, scanners from a maker. (Not lanes or
 * freight: the customer's software is tried on those too, "a pilot of X … compare the two on the same lanes".) */
const GOODS = new Set(['forklift', 'truck', 'lorry', 'van', 'trailer', 'scanner', 'container', 'pallet', 'haulage', 'fuel', 'lease', 'printer', 'laptop', 'uniform', 'vehicle', 'shipment', 'cargo', 'crane', 'conveyor', 'racking', 'battery', 'charger', 'diesel', 'insurance', 'warehousing', 'trucking', 'courier', 'parcel', 'handheld', 'hardware', 'furniture', 'catering']);
/** What we sell and our rivals sell. */
const SOFTWARE = new Set(['platform', 'tool', 'software', 'app', 'system', 'product', 'dashboard', 'crm', 'module', 'licence', 'license', 'seat', 'subscription', 'renewal', 'forecasting', 'analytics', 'reporting', 'saas', 'integration', 'feature', 'api', 'you', 'your', 'yours', 'u', 'ur']);

/** The sentence buys goods of the customer's own trade, not software: "comparing quotes from Geodis and DSV for the Asia lane". */
export function ownTrade(s: Sent): boolean {
  return s.toks.some((x) => GOODS.has(x.lemma)) && !s.toks.some((x) => SOFTWARE.has(x.lemma) || SOFTWARE.has(x.lower));
}

/** The name modifies a common noun of its own ("Clari forecasts", "the Salesloft sequence data", "Gong's conference"). */
export function modifiesThing(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  const k = t[span.end + 1]?.text === "'s" ? span.end + 2 : span.end + 1;
  const head = t[k];
  return !!head && head.pos === 'NOUN' && !head.cap && head.known && !THEIRS_FOR_SALE.has(head.lemma) && !PEOPLE.has(head.lower);
}
const THEIRS_FOR_SALE = new Set(['trial', 'pilot', 'demo', 'sandbox', 'quote', 'proposal', 'bid', 'offer', 'poc', 'pitch', 'pricing', 'price', 'discount', 'rep', 'representative', 'salesperson', 'account', 'evaluation', 'eval', 'webinar', 'terms', 'term', 'paper', 'contract', 'renewal', 'platform', 'product', 'tool', 'app', 'software', 'solution', 'suite', 'offering']);

/** The name is not a vendor in play here, whatever words sit near it. */
export function outOfPlay(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  if (ownTrade(s) || notAVendor(s, span)) return true;
  if (LANGUAGE.has(t[span.start].lower) && span.start === span.end) return true;
  const line = lemmaLine(t);
  const lower = ` ${t.map((x) => x.lower).join(' ')} `;
  // A person's employer: "leaving to join X", "she works at X", "hired by X".
  const left = t.slice(Math.max(0, span.start - 3), span.start);
  // "Priya came to us from X", "she joined from X": where a person worked before.
  // (A person: "the other two quotes came from X" is where quotes came from.)
  const moved = t.slice(Math.max(0, span.start - 5), span.start - 1).find((x) => ['come', 'join', 'hire', 'poach', 'arrive'].includes(x.lemma));
  if (t[span.start - 1]?.lower === 'from' && moved && (!['come', 'arrive'].includes(moved.lemma) || ['he', 'she', 'i'].includes(t[moved.i - 1]?.lower ?? '') || (t[moved.i - 1]?.pos === 'PROPN' && t[moved.i - 1].cap) || (t[moved.i + 1]?.lower === 'to' && t[moved.i + 2]?.lower === 'us'))) return true;
  if (left.some((x) => EMPLOYER.has(x.lemma) && x.lemma !== 'offer') && !left.some((x) => ['trial', 'pilot'].includes(x.lemma))) {
    if (left.some((x) => x.lemma === 'join' || x.lemma === 'hire' || x.lemma === 'recruit' || x.lemma === 'poach') || (left.some((x) => x.lemma === 'work') && ['at', 'for'].includes(t[span.start - 1]?.lower ?? ''))) return true;
  }
  if (ourPerson(s, span) || offCategory(s) || talkedAbout(s, span)) return true;
  // "a former X product manager", "ex-X": where someone used to work, or a tool long gone.
  if (['former', 'ex'].includes(t[span.start - 1]?.lower ?? '')) return true;
  // "ending the pilot with X", "wrapped up our trial of X": an evaluation closed.
  if (['with', 'of'].includes(t[span.start - 1]?.lower ?? '') && TRYING.test(t[span.start - 2]?.lower ?? '') && ['the', 'our'].includes(t[span.start - 3]?.lower ?? '')) {
    const act = t[span.start - 4]?.lower === 'up' ? t[span.start - 5] : t[span.start - 4];
    if (act && ENDED.has(act.lemma)) return true;
  }
  // "our trial with X ended in March".
  if (['with', 'of'].includes(t[span.start - 1]?.lower ?? '') && TRYING.test(t[span.start - 2]?.lower ?? '') && t.slice(span.end + 1, span.end + 4).some((x) => ENDED.has(x.lemma) && x.pos === 'VERB' && x.lower !== x.lemma)) return true;
  // News about the company, with no one of the account acting: "X got acquired", "the X IPO".
  if (t.slice(span.end + 1, span.end + 4).some((x) => NEWS.has(x.lower) || NEWS.has(x.lemma)) || t.slice(Math.max(0, span.start - 3), span.start).some((x) => NEWS.has(x.lower))) {
    if (!t.some((x) => ['we', 'our', 'us'].includes(x.lower))) return true;
  }
  if (TURNED_AWAY.some((re) => re.test(lower) || re.test(line))) return true;
  if (IRRELEVANT.some((re) => re.test(lower) || re.test(line))) return true;
  // "…, not an evaluation": the speaker denies the evaluation itself.
  if (/ not (?:an?|really an?) (?:evaluation|eval|trial|pilot|poc|bake-off|rfp|tender) /.test(lower)) return true;
  // A stand at an event as a landmark: "your booth right next to X's".
  const prep = t[span.start - 1]?.lower === 'to' && t[span.start - 2]?.lower === 'next' ? span.start - 2 : span.start - 1;
  if (['next', 'beside', 'opposite', 'near'].includes(t[prep]?.lower ?? '') && !t.slice(0, prep).some((x) => PLACE.has(x.lemma) && x.pos === 'VERB')) return true;
  return false;
}

/** Role words that end a sender's line in a forwarded vendor email: "From: Pelagic Systems Sales". */
const SENDER_ROLE = /\s+(?:sales|team|partnerships|accounts?|account team|revenue|growth|bd|business development)$/i;
const COMPANY_WORD = /\s(?:systems|software|labs|analytics|cloud|technologies|tech|group|inc|ltd|llc|gmbh|solutions|data|logic|metrics|ai|io)$/i;
const OFFER = /\b(?:offer|quote|quotation|proposal|pricing|price|per (?:seat|user|licen[cs]e|month)|discount|EUR|USD|GBP|[$£€]\s?\d)/i;

/** A vendor that sent the offer forwarded to us: "From: Pelagic Systems Sales. Subject: revised offer. …38 EUR per seat". */
export function forwardedVendor(text: string, isKnown: (first: string) => boolean): string | undefined {
  for (const m of text.matchAll(/\bFrom:\s*(\p{Lu}[\p{L}\d&'-]*(?:[ \t]+\p{Lu}[\p{L}\d&'-]*){0,4})/gu)) {
    const raw = m[1].trim();
    const role = SENDER_ROLE.test(raw);
    const name = raw.replace(SENDER_ROLE, '').trim();
    if (!name || isKnown(name.split(/\s+/)[0].toLowerCase())) continue;
    // A person's name on the line (no role word, no company word) is a sender we cannot read as a vendor.
    if (!role && !COMPANY_WORD.test(` ${name}`)) continue;
    if (OFFER.test(text.slice((m.index ?? 0) + m[0].length))) return name;
  }
  return undefined;
}

/** A question about who else is weighed: "Who else are you looking at?", "Any other vendors in the mix?". */
export function asksForRivals(s: Sent): boolean {
  const t = s.toks;
  if (t.at(-1)?.text !== '?') return false;
  const line = lemmaLine(t);
  const who = / (?:who|which|what|any|anyone|anybody|other|else|competitor|alternative|vendor|supplier|provider|option) /.test(line);
  return who && / (?:look at|look into|consider|evaluate|talk to|talk with|speak to|speak with|in the mix|in the running|in the picture|in the frame|on the table|on (?:your|the) radar|shortlist|compare|weigh|trial|pilot|demo|quote|competitor|alternative|vendor|supplier|provider) /.test(line);
}

/** A name given as the answer: not negated, and not "nobody"/"none". */
export function namesAnAnswer(s: Sent, span: NameSpan): boolean {
  const t = s.toks;
  // A negation after the name is about something else: "Ferrow and one other I can't remember".
  if (t.slice(0, span.end + 1).some((x) => x.neg || ['not', 'no', 'never', 'nobody', 'none', 'nothing', 'noone'].includes(x.lower))) return false;
  return !/ (?:rule out|ago|drop|retire|replace|leave|left) /.test(lemmaLine(t));
}

/** A rep turned away or a tie to us affirmed: "I told them we're locked in with you until 2028". */
export function turnedAway(s: Sent): boolean {
  const line = lemmaLine(s.toks);
  const lower = ` ${s.toks.map((x) => x.lower).join(' ')} `;
  return TURNED_AWAY.some((re) => re.test(lower) || re.test(line));
}
