// Expansion, read as a frame: a UNIT of the account (a team, office, department, region, subsidiary,
// a group by role — "the Lisbon office", "Legal", "our Paris colleagues") WANTING capacity of its own
// (seats, licences, users, a workspace, access; "wants in", "asked to be added", "roll it out to…",
// "extend the licence to…", "add 8 licences"), or growth that brings new users to us (hiring that
// needs licences, a rollout company-wide, an acquisition's staff moved onto the platform), with the
// team and the headcount when said. Not expansion: contraction (fewer seats, cutting, removing,
// consolidating, a unit closing), a person moving office, seats moved between teams, capacity
// already covered, a refusal, an expansion already done ("was added in August", "rolled it out last
// spring"), and growth of someone else (a supplier, another customer, a previous employer).
import { analyze, type Sent, type Tok } from './nlp.js';
import { findAll, lemmaLine, nameSpans, negated } from './frames.js';
import type { Utterance } from './utterances.js';
import { CAPACITY, countRaised, countsPeople, headcountOnly, seatsIn } from './expansion-seats.js';
import { groupBroughtOver, takenToUnit } from './expansion-moves.js';
import { answerToHowMany } from './expansion-answers.js';
import { framed } from './expansion-lemmas.js';
import { UNIT, groupBefore, modifies, pointsBack, teamIn, unitIn } from './expansion-team.js';
import { alreadyInPlace, capacityInNamedTool, changeWanted, featureWanted, forTesting, heldFlat, noPlans, nothingWanted, onePerson, obtained, awaited, noMoreCapacity, coveredByExisting, fulfilled, serviceForPeople, replacesPeople, retracted, seatsAtEvent, someday } from './expansion-guards.js';

const PRE_SALE = new Set(['lead', 'qualified', 'discovery', 'demo', 'proposal', 'negotiation']);

export interface ExpansionCue { text: string; speaker?: string; email?: string; team?: string; seats?: number }

/** Asking for more: the verbs and phrases of wanting, adding and rolling out. */
const GROW = / (?:enable|activate|switch on|turn on|include|standardi[sz]e on|plus \d+|want|beg|pester|nag|clamou?r|lobby|push for|badger|hound|bug|would like|love|benefit (?:\S+ )?from|could use|need|ask|request|keen|interested|eager|hope|plan|intend|add|extend|expand|roll (?:\S+ ){0,3}out|onboard\S*|provision|spin up|bring (?:\S+ ){0,5}onto|come onto|get access|join the rollout|start use|start using|in as well|want in|be onboard|extra|more|additional|another|its own|of its own|their own|of their own|separate|too|as well|migrate|move (?:\S+ ){0,4}onto|out of|get (?:\S+ ){0,3}(?:seat|licen[cs]e|licence|workspace|access|account|instance|logins?)|(?:create|set up) (?:\S+ ){0,3}(?:seat|licen[cs]e|licence|workspace|account|instance|logins?)|(?:bump|increase|raise|top) (?:\S+ ){0,3}by) /;
/** Shrinking, moving people, or capacity already in place. */
const CONTRACTION = / (?:reduce|reduction|cut|cutting|remove|removal|delete|deactivate|revoke|drop|shrink|shrinking|downsize|downsizing|fewer|less|consolidate|consolidating|cancel|decrease|lower|trim|scale back|scale down|offboard|end|reassign|transfer|free up|save licen[cs]e|save seat|go back to|went back|share the existing|already licen[cs]e|already license|already have|all licen[cs]ed|off the table|let go|lay off|same total|stay at|flat|switch off|turn off|(?:switch|turn|shut) (?:it|them|this|that|everything) off|phase out|retire|retiring|sunset|decommission) | (?:office|team|site|store|branch|unit|department|division|hub) (?:be )?(?:close|closing|shut|wind down) /;
const PERSON_MOVING = / (?:i|she|he|they|\S+) (?:just )?(?:move|moved|moving|transfer|transferred|relocate|relocated) to (?:our|the|a) /;
/** A rollout already agreed: "we are on track to bring the second plant onto the platform". */
const UNDERWAY = / (?:on track|as plan|as planned|as agreed|already (?:plan|agree|contract|include)|per the contract|on schedule) /;
const NEW_THING = / new (?:\S+ )?(?:field|wi-fi|wifi|printer|laptop|template|form|feature|filter|floor|building|policy|process) /;
/** The request turned down, or the money for it stopped: "we said no for now", "budget's frozen". */
const REFUSED = / (?:decide against|rule out|ruled out|say no|said no|turn (?:\S+ )?down|decline|reject|freeze|frozen|on hold|not approve|pause|halt|shelve|suspend|postpone|put (?:\S+ ){0,3}on ice|forget (?:it|about it)|never mind|scrap that|scratch that|drop it) /;
/** The speaker discounting what they report: "I wouldn't hold your breath", "she says that about every tool". */
const DISCOUNTED = / hold (?:your|my|our) breath | (?:get|getting) (?:your|my) hope up | read too much into | (?:grain|pinch) of salt | say that about (?:every|everything|all) | not count on it /;
/** A plan spoken of in the past perfect and then stopped: "we had discussed bringing X on, but…". */
const PLAN_GIVEN_UP = / have (?:discuss|plan|talk about|hope|intend|want|think about|consider|pencil)\S* (?:\S+ ){0,12}but /;
/** The account's own business won (a deal, a client): growth of theirs, not of ours, unless capacity is asked for. */
const OWN_BUSINESS = / (?:close|win|land|sign) (?:\S+ ){0,3}(?:deal|client|customer|contract|account) (?:with|from) /;
/** Growth of another company: a supplier, another customer of ours, a previous employer. */
const SOMEONE_ELSE = / (?:supplier|vendor|competitor|other customer|other client|old company|previous company|former company|old employer|previous employer|last company|last job|partner|client|customer|forwarder|carrier|reseller|distributor|sister company|parent company)s? (?:of (?:our|ours|theirs|mine) )?(?:, (?:\S+ ){1,4})?(?:, )?(?:be |have |will |would |just |now )?(?:ask|want|request|expand|grow|add|hire|roll|scale|open|double|buy|use|take|move|deploy|license|standardi[sz]e) /;
/** The ask turned out smaller: "…whether they could get access, but they just wanted to see one report". */
const ONLY_WANTED = / (?:but|though|although) (?:\S+ ){0,4}(?:just|only|really just) (?:\S+ )?(?:want|need) /;
/** Capacity not growing: "quote for the same 120 seats", temporary access ("read-only access for two weeks"). */
// A counted duration bounds the access only right after it ("a login for two weeks"); "asking for logins for weeks" is how long they waited. What it would have cost is no plan. Read-only access is still access for more people.
const NOT_MORE = / same (?:\S+ )?(?:seat|licen[cs]e|licence|user|number|headcount) | (?:vendor|supplier|partner)s? (?:\S+ ){0,2}onboard\S* | (?:we|you|i) be on it | (?:temporary|temporarily|guest|one-off) | (?:access|login|log-in|seat|licen[cs]e|licence|account|user|workspace|instance)s? (?:\S+ ){0,4}for (?:(?:a|an|another|the|one|two|three|four|five|six|\d+|next|first|extra|more|further|couple|few|of) ){1,4}(?:day|week) | would have (?:cost|be|need|want|take) /;
/** Staying where they are: "their staff would stay on their own systems". */
const STAYING = / stay (?:on|with) /;
/** A rollout to the whole account, not one unit: "company-wide", "to every office", "the whole business". */
const WIDE = / (?:company-wide|companywide|company wide|org-wide|organisation-wide|organization-wide|group-wide|enterprise-wide|business-wide|globally|everyone|everybody|every (?:\S+ )?(?:office|team|site|region|hub|department|country|location|branch|plant|warehouse|store|depot|subsidiary|entity|division)|all (?:our |the |of our )?(?:\S+ )?(?:office|team|site|region|hub|department|country|location|branch|plant|warehouse|store|staff|depot|subsidiary|entity|division)|(?:whole|entire|wider|rest of the) (?:company|business|org|organisation|organization|group|firm)|(?:the whole|the entire|the rest) of (?:the |our )?\S+) /;
/** Headcount growth: hiring, a team doubling or growing. */
const HEADCOUNT_GROWS = / (?:hire|hiring|grow|growing|double|triple|scale up|new hire|new starter|headcount go up|staff up) /;
/** Capacity handed to a group: "give the compliance folks access", "love for them to have the tool". */
const GIVE = / (?:give|have|get|provide|grant|issue) (?:\S+ ){0,5}(?:access|the (?:tool|platform|app|product)|your (?:tool|platform|app|product)|seat|licen[cs]e|licence|logins?|account|(?:their|its) own [.,;!?]) /;
/** Said as a wish, a cost or a plan, not as a fact. */
const WISHED = / (?:want|would|love|like|need|could|can|cost|will|plan|keen|how|what) /;
/** A unit set up as a whole: "can we get Iberia set up?", "get them going". */
// "on board with the new invoice format" is agreeing to something, not joining us.
const SET_UP = / (?:get|have) (?:\S+ ){1,5}(?:set up|going|up and run|add|onboard\S*|on board(?! with (?!us |you |it |your |the (?:platform|tool|product|app|system) ))) /;
/** Long past: "asked about access ages ago", "wanted it last year". */
const LONG_AGO = / (?:year|month|age|quarter)s? ago | at one point | originally | initially | at first | last (?:year|quarter|spring|summer|autumn|fall|winter) | back (?:in|when) | previously | at the time | a while back | (?:sort|sorted|resolve|resolved|settle|settled) it /;
/** Something ended "with" a named other party: "ending the pilot with Tallyhub" shrinks no use of ours. */
function endsOtherVendor(s: Sent, from: number): boolean {
  const t = s.toks;
  for (let k = from + 1; k < Math.min(t.length, from + 6); k += 1) {
    if (t[k].lower === 'with') return Boolean(t[k + 1]?.cap && !t[k + 1].known && t[k + 1].pos !== 'PRON');
    if (t[k].pos === 'PUNCT' || t[k].pos === 'VERB') return false;
  }
  return false;
}

/** Use as a habit: "every morning", "daily", "part of the routine". */
const HABIT = / (?:every|each) (?:morning|day|week|shift|night|evening) | daily | routine /;
/** Words that make "X is on it" a change rather than the state things are in. */
const CHANGE = / (?:now|soon|next|also|too|as well|as of|from (?:monday|tuesday|wednesday|thursday|friday|next|the|this)|start|plan|new|newly|finally|going to|be about to) /;
/** Moving a group onto our product: "bringing 120 of their dispatchers onto your platform", "migrating onto our tools", "put all four regions on it". */
const ONTO_US = / (?:onto|on to|on|over to) (?:your|the|our) (?:platform|tool|system|product|app|application|software|instance|workspace|solution|stack)s? | (?:onto|on to|on) your (?:thing|stuff|service|system|\S+ (?:app|platform|tool)) | (?:put|get|have|bring) (?:\S+ ){1,4}on (?:it|you|board(?! with (?!us |you |it |your |the (?:platform|tool|product|app|system) ))) | include you | (?:onto|on to) (?:it|you) | (?:be|get) on (?:it|the same system) | (?:be|get|run|running|work|working) on the same (?:stack|system|platform|tool|setup|instance)s? as (?:us|ours|we|our) | use (?:the|your) (?:platform|tool|product|system|app|application|software) /;
/** Work done in our product: "in your mobile app", "through your platform". */
const USE_IN_OURS = / (?:in|on|through|via|with|into) your (?:\S+ )?(?:app|application|platform|tool|product|system|software|portal)s? /;
/** The work moving there from somewhere else or starting: "rather than on paper", "instead of spreadsheets", "start logging". */
const WORK_MOVES = / (?:rather than|instead of|switch|move off|away from|replace|start|begin|no more) /;
/** Capacity already exhausted: "are out of licences", "ran out of seats". */
const OUT_OF = / out of (?:\S+ )?(?:seat|licen[cs]e|licence|user|account|space) /;
/** Wanting now, not done before: a wish, a need, an ask, a plan, the future. */
const LIVE = / (?:want|beg|pester|nag|clamou?r|lobby|push for|badger|hound|bug|would like|like to|need|ask|request|keen|interested|eager|hope|plan|intend|will|would|be go to|going to|look to|next|soon|out of|require) /;

const IRREGULAR_PAST = new Set(['was', 'were', 'brought', 'grew', 'went', 'got', 'began', 'set', 'put', 'spun', 'took', 'gave']);
/** The seat count rising: "we'll go from 60 to 90 seats". */
function seatsRise(s: Sent): boolean {
  const m = / from (\d+) to (\d+) (?:seat|licen[cs]e|licence|user|account) /.exec(lemmaLine(s).line);
  return Boolean(m && Number(m[2]) > Number(m[1]));
}
const ACTION = / (?:take (?:it|this|you) |add|roll (?:\S+ ){0,3}out|onboard\S*|provision|bring|extend|expand|open up|license|deploy|migrate|move|be on) /;
/** A past form, unless it is the participle of a wish or a question ("asked to be added", "can they get added?"). */
const isPast = (s: Sent, t: Tok) => ((t.pos === 'VERB' && t.lower !== t.lemma && /ed$/.test(t.lower)) || IRREGULAR_PAST.has(t.lower)) && !presentPassive(s.toks[t.i - 1]);
/** A participle after a present or infinitive be/get is a passive still to happen ("gets added", "is being added", "to be added"); after was/were/been/got it is done. */
const presentPassive = (aux?: Tok) => Boolean(aux) && ['be', 'get'].includes(aux!.lemma) && !['was', 'were', 'been', 'got', 'gotten'].includes(aux!.lower);
/** Asking stays live in the past tense ("QA asked for 5 extra licences"): the ask is still open. */
const STILL_OPEN = new Set(['ask', 'request']);

/** An expansion already done: the adding or rolling out is in the past and nothing is wanted now ("Berlin office was added in August"). */
function alreadyDone(s: Sent): boolean {
  const acts = findAll(s, ACTION);
  if (!acts.length || !acts.every((h) => isPast(s, s.toks[h.start]))) return false;
  // The reader's modal ("thought you'd enjoy this") is no want of theirs.
  const live = findAll(s, LIVE).filter((h) => (!isPast(s, s.toks[h.start]) || STILL_OPEN.has(s.toks[h.start].lemma)) && !negated(s, h.start) && s.toks[h.start - 1]?.lower !== 'you');
  return live.length === 0;
}

/** A wish voiced long ago and since settled: every wanting verb is past and the time is long past. */
function stale(s: Sent): boolean {
  if (!LONG_AGO.test(lemmaLine(s).line)) return false;
  return findAll(s, LIVE).every((h) => isPast(s, s.toks[h.start]) || ['asked', 'requested', 'wanted', 'needed'].includes(s.toks[h.start].lower));
}

/** What may be grown: our product, its capacity, a unit or people. "Expanding the VPN", "extend the date range" grow something else. */
const GROWN = / (?:licen[cs]e|licence|seat|user|account|workspace|access|rollout|roll-out|deployment|use|usage|contract|subscription|platform|tool|product|app|application|software|pilot|footprint|agreement|plan|partnership|order|module|instance|tenant) /;
/** A growing verb whose object is a thing that is not ours ("expanding the VPN"), or "onboarding" as a modifier ("your onboarding plan"). */
function growsSomethingElse(s: Sent, h: { start: number; end: number }): boolean {
  const t = s.toks;
  const verb = t[h.start];
  if (/^onboarding$/.test(verb.lower) && t[h.start + 1]?.pos === 'NOUN') return true;
  if (!['expand', 'extend', 'roll'].includes(verb.lemma)) return false;
  let k = h.end + 1;
  // The tagger may read "new" as an adverb ("roll out the new mobile app version").
  while (t[k] && (['DET', 'ADJ', 'PRON'].includes(t[k].pos) || t[k].lower === 'new') && !['it', 'them'].includes(t[k].lower)) k += 1;
  const head = t[k];
  if (!head || !['NOUN', 'PROPN'].includes(head.pos)) return false;
  let j = k;
  while (['NOUN', 'PROPN'].includes(t[j + 1]?.pos ?? '')) j += 1;
  const noun = t[j];
  // Something extended to a group of people so they can get in ("extend our SSO mapping to the Fleet group (14 users) so they can sign in") grows who uses us.
  const to = t.findIndex((x, n) => n > j && x.lower === 'to' && t.slice(n + 1, n + 9).some((y) => UNIT.has(y.lemma)));
  if (to >= 0 && (seatsIn(s) !== undefined || / (?:sign|log) (?:in|on) | access /.test(lemmaLine(s).line))) return false;
  return !GROWN.test(` ${noun.lemma} `) && !UNIT.has(noun.lemma) && !countsPeople(noun) && !CAPACITY.test(` ${noun.lemma} `);
}

/** A capacity noun that only modifies the noun after it names no capacity: "the old login page", "the seat counter", "our user list". */
function modifierOnly(s: Sent, k: number): boolean {
  const x = s.toks[k];
  const next = s.toks[k + 1];
  if (!x || !next || !CAPACITY.test(` ${x.lemma} `) || x.lower !== x.lemma) return false;
  // "their own login setup", "a separate user pool": the compound is still capacity of their own.
  if (['own', 'separate', 'more', 'extra', 'additional', 'new'].includes(s.toks[k - 1]?.lower ?? '')) return false;
  return next.pos === 'NOUN' && !CAPACITY.test(` ${next.lemma} `) && !countsPeople(next) && next.lower !== 'each';
}

const HELD = new Set(['got', 'gotten', 'had', 'received', 'has', 'have', 'given']);
const MODAL = new Set(['to', 'would', 'could', 'can', 'will', 'might', 'should', 'may', 'must', "'d", "'ll", 'wo']);
/** Capacity held or received as a fact ("got their logins last week", "has 40 seats"), not wished for ("would love to have a few seats"). */
/** "15 euros a seat", "£9 per user": a capacity noun that prices a unit, not capacity wanted. */
const CURRENCY = /^(?:euros?|eur|dollars?|usd|pounds?|gbp|bucks|quid|kr|sek|nok|dkk|chf|[$€£]|\d+k?)$/;
function priceOf(s: Sent, k: number): boolean {
  const before = s.toks[k - 1]?.lower ?? '';
  return ['a', 'per', 'each', '/'].includes(before) && CURRENCY.test(s.toks[k - 2]?.lower ?? '');
}
/** "Head of IT", "our new head of data": a title, not a head counted. */
const titleOf = (s: Sent, k: number): boolean => s.toks[k].lemma === 'head' && s.toks[k + 1]?.lower === 'of';

function capacityHeld(s: Sent): boolean {
  const t = s.toks;
  return t.some((x, k) => HELD.has(x.lower) && !MODAL.has(t[k - 1]?.lower ?? '') && !(x.lower === 'given' && !['was', 'were', 'been'].includes(t[k - 1]?.lower ?? ''))
    && t.slice(k + 1, k + 4).some((y) => /^(?:access|log-?ins?|seats?|licen[cs]es?|accounts)$/.test(y.lower)));
}

/** Added to something that is not our product or its capacity: "add the Berlin office to the distribution list", "access to the March usage report". */
function toSomethingElse(s: Sent, from: number): boolean {
  const t = s.toks;
  const to = t.findIndex((x, k) => k > from && k <= from + 4 && x.lower === 'to');
  if (to < 0 || !['DET', 'PRON', 'ADJ', 'NOUN', 'PROPN'].includes(t[to + 1]?.pos ?? '')) return false;
  let j = to + 1;
  while (t[j + 1] && ['DET', 'PRON', 'ADJ', 'NOUN', 'PROPN'].includes(t[j].pos) && ['ADJ', 'NOUN', 'PROPN'].includes(t[j + 1].pos)) j += 1;
  const head = t[j];
  return head.pos === 'NOUN' && !GROWN.test(` ${head.lemma} `) && !UNIT.has(head.lemma) && !CAPACITY.test(` ${head.lemma} `) && !['it', 'you', 'us'].includes(head.lower);
}

/** "as a location", "as an option": the unit added as a value of something, unless as users or seats. */
function asValue(s: Sent, k: number): boolean {
  const t = s.toks;
  if (t[k + 1]?.lower !== 'as') return false;
  const head = t.slice(k + 2, k + 5).find((x) => x.pos === 'NOUN');
  return Boolean(head) && !CAPACITY.test(` ${head!.lemma} `) && !countsPeople(head!);
}

/** "add the Oslo crew", "include our Riga branch": a unit as the object of adding. */
function addsUnit(s: Sent, v: number): boolean {
  for (let k = v + 1; k < Math.min(s.toks.length, v + 6); k += 1) {
    // "add our Gdansk depot as a location in the filters" adds a value, not the depot's people.
    if (UNIT.has(s.toks[k].lemma)) return !modifies(s.toks, k) && !toSomethingElse(s, k) && !asValue(s, k);
    if (!['DET', 'PRON', 'ADJ', 'NOUN', 'PROPN', 'X'].includes(s.toks[k].pos) || ['it', 'them', 'you', 'us'].includes(s.toks[k].lower)) return false;
  }
  return false;
}

/** Sentences before that name capacity: "the bottleneck is licences. … We need a bigger pool, maybe fifteen more." */
const SEATS_NAMED = / (?:seat|licen[cs]e|licence|logins?|account|workspace|user) /;

/** A negation conceded before a "but" that the ask follows: "I don't want to get ahead of myself, but … would like to come onto the platform". */
function conceded(s: Sent, neg: number, ask: number): boolean {
  return neg < ask && s.toks.slice(neg + 1, ask).some((x) => x.lower === 'but');
}

/** "The 30 people there…", "the shift managers there": the place named in the sentence before. */
function placeBefore(s: Sent, prev?: Sent): string | undefined {
  if (!prev || !s.toks.some((x, k) => x.lower === 'there' && k > 0 && countsPeople(s.toks[k - 1]))) return undefined;
  return unitIn(prev) ?? nameSpans(prev).find((n) => ['in', 'at'].includes(prev.toks[n.start - 1]?.lower ?? ''))?.name;
}

/** Growth said as a noun, still ahead: "An extension of the licence to the Tilburg warehouse would make sense", "The rollout to Gdansk should happen in Q1". */
const NOMINAL = / (?:extension|expansion|rollout|roll-out) (?:of (?:the|our|your) (?:licen[cs]e|licence|contract|subscription|platform|tool|product|seat|account)s? )?to (?:the |our )?\S+ /;
function rolloutNamed(s: Sent): string | undefined {
  const line = lemmaLine(s).line;
  const h = findAll(s, NOMINAL)[0];
  if (!h || negated(s, h.start)) return undefined;
  // The rollout as the time of something else ("Ahead of the rollout to the second plant I'd need the SAML guide"): not the want itself.
  const lead = s.toks.slice(Math.max(0, h.start - 3), h.start).map((x) => x.lower).filter((w) => !['the', 'our', 'this', 'that', 'a'].includes(w)).join(' ');
  if (/(?:^| )(?:ahead of|before|after|during|for|prior to|until|till|since|in time for|in preparation for|as part of|around)$/.test(lead)) return undefined;
  const target = s.toks[h.end];
  const named = target.cap || UNIT.has(target.lemma) || s.toks.slice(h.end, h.end + 4).some((x) => UNIT.has(x.lemma));
  const live = named && / (?:should|will|would|next|plan|soon|from|in q[1-4]|make sense) /.test(line) && !/ (?:be|was|were) (?:complete|completed|done|finish|finished|delay|delayed|cancel|cancelled|postpone|postponed)| (?:went|go) live | last /.test(line);
  return live ? (target.cap ? nameSpans(s).find((n) => n.start === h.end)?.name ?? target.text : target.text) : undefined;
}

/** Verbs of people arriving or being wanted: "another 12 users will need access", "20 more users are joining". */
const ARRIVING = new Set(['need', 'want', 'require', 'join', 'start', 'come', 'be', 'have', 'get', 'arrive', 'follow']);
/** "More users" as the subject of what they do ("15 more users logged in", "another 10 users hit the error") counts activity, not capacity wanted. */
function usersActing(s: Sent, end: number): boolean {
  let k = end + 1;
  while (s.toks[k] && ['AUX', 'ADV', 'PART'].includes(s.toks[k].pos)) k += 1;
  const v = s.toks[k];
  return Boolean(v) && v.pos === 'VERB' && !ARRIVING.has(v.lemma);
}
const MORE_PEOPLE = / (?:more|additional|extra|another) (?:\S+ )?(?:seat|licen[cs]e|licence|user|account|people|person|staff|colleague) /;
const ASKING = / (?:want|need|would like|ask|request|add|quote|plan|require|could you|can you|can we|please) /;

/** Use of ours going on now, with nothing wanted or changing: "the new team in Leeds is using the platform a lot". */
const USING_NOW = / be use (?:the|your|it|you) /;
const AHEAD = / (?:want|need|would|will|plan|start|soon|next|from|too|as well|also|going to|be go to|more|extra|additional|another) /;

/** The place a sentence's people are in: "7 new reps in Stockholm from Jan 4". */
const placeIn = (s: Sent): string | undefined => nameSpans(s).find((n) => ['in', 'at'].includes(s.toks[n.start - 1]?.lower ?? ''))?.name;

/** A group introduced as shrinking, moving or leaving: a pronoun that points back to it is no newcomer ("The Leeds team is relocating. Please move them to…"). */
const SHRINKS_OR_MOVES = / (?:relocate|relocating|move|moving|transfer|close|closing|merge|merging|shrink|cut|leave|leaving|downsize|consolidate|wind down) /;
/** "give them their own seats", "get all seven of them set up": a plural pronoun that points to the group of the sentence before. */
const PLURAL = / (?:they|them|their) /;

function expansionIn(s: Sent, prev?: Sent, earlier: Sent[] = [], rivals: string[] = []): { team?: string; seats?: number } | undefined {
  // A word that ends the sentence may keep its full stop ("…and want in."): the frames read the word.
  const line = ` ${s.toks.map((x) => (x.lemma.length > 1 ? x.lemma.replace(/\.$/, '') : x.lemma)).join(' ')} `;
  // "at the end of the month", "before year end" are dates, not endings.
  const dateEnd = (k: number) => s.toks[k].lemma === 'end' && ['the', 'year', 'month', 'quarter', 'week', 'day', 'term', 'fiscal', 'financial', 'period', 'q1', 'q2', 'q3', 'q4'].includes(s.toks[k - 1]?.lower ?? '');
  // "Marketing already has 10 seats; they want 5 more": what is held, then more wanted.
  const heldThenMore = (h: { start: number }) => s.toks[h.start].lower === 'already' && findAll(s, / (?:want|need|would like|ask|request|add) (?:\S+ ){0,3}(?:more|extra|additional|another) /, h.start).some((w) => !negated(s, w.start));
  if (findAll(s, CONTRACTION).some((h) => !endsOtherVendor(s, h.end) && !dateEnd(h.start) && !heldThenMore(h)) || PERSON_MOVING.test(line) || NEW_THING.test(line) || UNDERWAY.test(line) || /\bfewer\b/i.test(s.text)) return undefined;
  if (DISCOUNTED.test(line) || PLAN_GIVEN_UP.test(line) || (OWN_BUSINESS.test(line) && !SEATS_NAMED.test(line))) return undefined;
  if (REFUSED.test(line) || NOT_MORE.test(line) || ONLY_WANTED.test(line) || SOMEONE_ELSE.test(line) || STAYING.test(line) || alreadyDone(s) || stale(s)) return undefined;
  // Capacity in another vendor's tool, a figure taken back, capacity already there, a sandbox, a thing changed, one person provisioned.
  if ((USING_NOW.test(line) && !AHEAD.test(line)) || (findAll(s, MORE_PEOPLE).some((h) => usersActing(s, h.end)) && !findAll(s, ASKING).some((h) => !negated(s, h.start))) || capacityInNamedTool(s, rivals) || featureWanted(s) || seatsAtEvent(s) || replacesPeople(s) || someday(s) || retracted(s) || alreadyInPlace(s) || forTesting(s) || changeWanted(s) || onePerson(s) || obtained(s) || awaited(s) || noMoreCapacity(s) || coveredByExisting(s) || fulfilled(s) || serviceForPeople(s)) return undefined;
  // Access already had ("our IT team got access to the admin console yesterday") is a fact, not a want.
  // Access to a thing of theirs or a file ("access to the March usage report") is no seat, unless other capacity is named.
  const access = findAll(s, / access /);
  // Capacity named only to be set aside ("access to the shared drive, not your tool") names none.
  const otherCapacity = findAll(s, / (?:seat|licen[cs]e|licence|logins?|user|account|workspace|your (?:platform|tool|product|app|system)) /).some((h) => !['not', 'rather', 'instead'].includes(s.toks[h.start - 1]?.lower ?? ''));
  if (access.length && access.every((h) => toSomethingElse(s, h.start)) && !otherCapacity) return undefined;
  // Still undecided: "we'll decide whether they need the tool at all".
  if (/ (?:decide|see|figure out|work out|assess|evaluate|unsure|not sure|sure|depend on|depends on) (?:whether|if) /.test(line) || / at all /.test(line) && / (?:whether|if) /.test(line)) return undefined;
  if (capacityHeld(s) && !/ (?:want|would like|love|like|need|ask|request|keen|more|extra|additional|another|own) /.test(line)) return undefined;
  if (/ (?:expand|elaborate) on /.test(line) || / (?:try|tried) it once /.test(line)) return undefined;
  // A group that is (or went) live already is news of a rollout done, not a want: "the Riverside clinic is live on the platform".
  if (/ (?:be|go|went|gone) live (?:on|with|in) /.test(line) && !/ (?:will|want|need|plan|soon|next|would|once|when|should|more|another|too|as well) /.test(line)) return undefined;
  const grow = findAll(s, GROW).filter((h) => !negated(s, h.start) && !growsSomethingElse(s, h) && !modifierOnly(s, h.end));
  // A group's work moving into our product: "the plan is for them to close jobs in your mobile app rather than on paper".
  const workMoves = USE_IN_OURS.test(line) && findAll(s, WORK_MOVES).some((h) => !isPast(s, s.toks[h.start])) && / (?:plan|will|would|want|going to|be go to|intend|next|soon|from) /.test(line);
  // Theirs ("our new region", "a new use case") or wanting ("the new department needs…"); "the IP ranges for the new region" is a region of a service.
  // A use of ours for more work ("thinking of using you for customer onboarding as well"). (Buying a module or add-on alone is buying, not expansion.)
  const moreUse = / (?:use|using) (?:you|your (?:\S+ )?(?:platform|tool|product|app|system)|it) for (?:\S+ ){1,4}(?:as well|too) | (?:also|additionally) (?:use|using) (?:you|your \S+) for /.test(line)
    && / (?:want|would like|plan|think|consider|keen|interested|could we|can we|like to|look at|look into|start) /.test(line);
  const rolledTo = rolloutNamed(s);
  const newUse = moreUse || Boolean(rolledTo) || / (?:a|an|our|another|their|one more) new (?:use case|initiative|project|workflow|department|business unit|region|market) | new (?:use case|initiative|project|workflow|department|business unit|region|market) (?:\S+ ){0,2}(?:want|need|would like|ask|request|plan to|be keen) /.test(line)
    && / (?:want|need|would like|plan|ask|use|seat|licen[cs]e|licence|access|workspace|roll|onboard\S*|add|extend|expand|user|account) /.test(line);
  const wide = WIDE.test(line) && !(/ already /.test(line) && !/ (?:want|need|would|will|plan|next|soon) /.test(line)) && / (?:roll (?:\S+ ){0,3}out|rollout|extend|deploy|want|on it|onto it|on to it|use|standardi[sz]e on) /.test(line);
  // "The practices are on it" states who already uses it; only a change ("now", "soon", "too", a plan) makes it growth.
  // A habit ("on it every morning now") is the state things are in, whatever "now" says.
  const alreadyOn = / be on (?:it|the same system|(?:the|your) (?:platform|tool|system|app|product)) /.test(line) && !/ (?:bring|move|migrate|put|get|onboard\S*|will|need|want) /.test(line) && (!CHANGE.test(line) || HABIT.test(line));
  // "onto the group stack …, and your platform is part of that stack": a modified stack or platform that the sentence ties to us.
  const ontoOurs = ONTO_US.test(line) || (/ (?:onto|on to) (?:the|our) \p{Ll}\S* (?:platform|system|stack|tool|suite)s? /u.test(` ${s.toks.map((x) => x.text).join(' ')} `) && / (?:your|you) /.test(line));
  const onto = ontoOurs && / (?:bring|move|migrate|put|get|onboard\S*|will|need|want|be) /.test(line) && !alreadyOn;
  const growsIntoCapacity = HEADCOUNT_GROWS.test(line) && (OUT_OF.test(line) || findAll(s, / (?:need|require|want) /).some((h) => !negated(s, h.start)) && CAPACITY.test(line) || onto);
  const given = findAll(s, GIVE).some((h) => !modifierOnly(s, h.end)) && WISHED.test(line);
  const setUp = findAll(s, SET_UP).some((h) => !(/^onboarding$/.test(s.toks[h.end].lower) && s.toks[h.end + 1]?.pos === 'NOUN'));
  const rise = seatsRise(s);
  const broughtOver = groupBroughtOver(s);
  const taken = takenToUnit(s);
  const raised = countRaised(s, line);
  if (!newUse && !workMoves && !wide && !onto && !growsIntoCapacity && !given && !setUp && !rise && !broughtOver && !taken && raised === undefined && !grow.length) return undefined;
  // Not wanted, needed, used or joined: unless the growth is asked for in another clause ("I don't want to get ahead of myself, but … would like to come onto the platform").
  const refused = s.toks.filter((x) => ['use', 'need', 'want', 'join', 'ask', 'request'].includes(x.lemma) && (x.neg || (x.pos === 'VERB' && negated(s, x.i))));
  if (refused.length && !grow.some((h) => refused.every((x) => conceded(s, x.i, h.start)))) return undefined;
  // "They really need their own seats.": the group is the one named in the sentence before.
  const named = setUp ? nameSpans(s).find((n) => findAll(s, SET_UP).some((h) => n.start > h.start && n.end < h.end)) : undefined;
  const there = placeBefore(s, prev);
  const own = there ?? teamIn(s) ?? named?.name ?? rolledTo;
  // A subject pointing back ("They want…") makes the group the one asking; a pronoun elsewhere ("give them seats") only says who gets what is asked.
  const team = own ?? (prev && pointsBack(s) ? groupBefore(prev) : undefined);
  // "them" in an ask for capacity points to the people of the sentence before: its group, else the place they start in ("7 new reps in Stockholm").
  // A deal that closed is won, not a group shrinking.
  const pointed = Boolean(prev) && !team && PLURAL.test(line) && !SHRINKS_OR_MOVES.test(lemmaLine(prev!).line.replace(/ (?:deal|sale|round|acquisition) (?:have |be )?close /g, ' '));
  const headcountBefore = prev && !team && prev.toks.some(countsPeople) ? seatsIn(prev) : undefined;
  // Hiring news, then capacity asked for it: "Sales ops is growing again … I'd need licences for all four".
  const grewBefore = Boolean(prev) && !team && HEADCOUNT_GROWS.test(lemmaLine(prev!).line) && !CONTRACTION.test(lemmaLine(prev!).line);
  const recipient = team ?? (pointed || grewBefore ? groupBefore(prev!) ?? (headcountBefore !== undefined ? placeIn(prev!) : undefined) : undefined);
  // A group known only by role ("our analysts") asks for the product by name, not for "it" (a report, an invoice).
  const byRole = Boolean(team) && !unitIn(s) && !there && !(prev && pointsBack(s));
  const seats = typeof raised === 'number' ? raised : seatsIn(s, true) ?? (pointed || grewBefore ? headcountBefore : undefined);
  const capacity = findAll(s, CAPACITY).some((h) => {
    if (negated(s, h.start) || modifierOnly(s, h.start) || priceOf(s, h.start) || titleOf(s, h.start)) return false;
    const before = s.toks[h.start - 1];
    return before && (before.pos === 'NUM' || before.pos === 'NOUN' || ['more', 'extra', 'additional', 'another', 'own', 'new', 'separate', 'a', 'its', 'their', 'few', 'dozen', 'in', 'access', 'get'].includes(before.lower)
      || ['add', 'need', 'create', 'require', 'request', 'want'].includes(before.lemma));
  }) || findAll(s, / (?:add|onboard|include) /).some((h) => !negated(s, h.start) && addsUnit(s, h.end)) || findAll(s, / (?:roll (?:\S+ ){0,3}out|(?:extend|expand) (?:\S+ ){0,3}to) /).some((h) => !growsSomethingElse(s, h)) || / (?:access|want in|onboard\S*|add them|on the platform|onto the platform|come onto|bring (?:\S+ ){0,5}onto|join the rollout|start use|start using|own workspace|a workspace|separate workspace|(?:in|under|to) (?:the|our|your) (?:licen[cs]e|licence|contract|subscription|agreement|order)) /.test(line) || onto;
  // A unit that asks ("Another region is asking for it"), more capacity on its own ("40 more seats"), a new use case or initiative.
  // The unit asks for the product itself (it, access, a place of its own, to use or join it), not for a quote or a favour.
  // "want in" ends the wish ("they want in.", "want in too"); "needs a mutual NDA in place" wants no way in.
  const wantIn = line.replace(/ in (?!(?:[.,;!?]|too|as well|now|on|\))(?: |$)|$)/g, ' in_ ');
  const unitAsks = Boolean(team) && ((!byRole && / (?:want|ask|request|keen|interested|eager|need|would like|beg|pester|nag|clamou?r|lobby|push for|badger|hound|bug) (?:\S+ ){0,3}?it /.test(line)) || / (?:want|ask|request|keen|interested|eager|need|would like|beg|pester|nag|clamou?r|lobby|push for|badger|hound|bug) (?:(?!(?:from|by|about|than) |with (?!the |your ))\S+ ){0,3}?(?:access|in|to use|to join|to be onboard\S*|to be add|to be include|to be set up|to come|to start|to get access|to get on|(?:their|its) own (?:\S+ ){0,2}?(?:seat|licen\S*|workspace|space|instance|logins?|account|tenant|environment|setup|access)|(?:their|its) own [.,;!?]|a workspace|the tool|the platform|the product|licen\S*|seat|account|logins?|log-ins?|on board|onboard|too|as well) /.test(wantIn)
    || / (?:want|ask|keen|eager) (?:\S+ ){0,6}(?:get on it|on it|on the platform|on board|onboard\S*) /.test(line)
    // "Priya wants RevOps added before the QBR".
    || / (?:want|need|would like) (?!to )(?:\S+ ){1,4}(?:add|onboard\S*|include|provision|set up) /.test(line)
    // "Keiko wants her analysts in the tool by Q1".
    || / (?:want|need|would like) (?:\S+ ){1,4}in (?:the|your) (?:tool|platform|system|app|product) /.test(line)
    // A copy of what another unit has: "asking when they get theirs", "will need the same setup Rotterdam has".
    || / (?:want|ask|need|wait|wonder) (?:\S+ ){0,6}(?:get|have) theirs | (?:want|need|would like) the same (?:setup|set-up|access|tool|platform|workspace) /.test(line)
    // The unit as the one added: "can the channel partners team get added?", "asked to be onboarded".
    || / (?:get|be) (?:add|onboard\S*|include|provision|set up) /.test(line));
  // "price per additional user" asks a rate, not for users.
  const moreCapacity = findAll(s, / (?:more|additional|extra|another) (?:\S+ )?(?:seat|licen[cs]e|licence|user|account|workspace) | (?:bump|increase|raise|top) (?:\S+ ){0,3}by (?:\S+ ){1,2}(?:seat|licen[cs]e|licence|user|account) /).some((h) => !negated(s, h.start) && s.toks[h.start - 1]?.lower !== 'per')
    // A count of new capacity: "40 new users", "12 new licences".
    || findAll(s, / new (?:\S+ )?(?:seat|licen[cs]e|licence|user|account|logins?) /).some((h) => s.toks[h.start - 1]?.pos === 'NUM' && !negated(s, h.start))
    // A bare number counts seats only where capacity is named, here or just before ("the bottleneck is licences. … maybe fifteen more").
    || (seats !== undefined && findAll(s, / (?:add|more|additional|extra|another|new|plus) /).some((h) => !negated(s, h.start))
      && [s, ...earlier].some((x) => SEATS_NAMED.test(lemmaLine(x).line) || x.toks.some(countsPeople)));
  // Handing capacity over or moving people onto us says who gets it: a unit, a headcount or "them".
  const toWhom = Boolean(team) || seats !== undefined || / (?:they|them|everyone|everybody|staff|people|user) /.test(line);
  if (!((recipient && capacity) || broughtOver || taken || raised !== undefined || (grewBefore && capacity && seats !== undefined) || (workMoves && toWhom) || unitAsks || moreCapacity || newUse || wide || (onto && toWhom) || growsIntoCapacity || (given && toWhom) || rise || (setUp && toWhom))) return undefined;
  return { ...(recipient ? { team: recipient } : {}), ...(seats !== undefined ? { seats } : {}) };
}

/**
 * Where a cue's group is, once the message is read: a group with no place takes the place its sentence
 * names ("the customs team, six people in Felixstowe"); a cue with no group takes the place of its
 * sentence, else the group or place of the sentence before ("once the Oslo people saw the dashboards… So
 * that's another seven seats").
 */
function placeCue(cue: ExpansionCue, sents: Sent[], i: number): void {
  const here = placeIn(sents[i]);
  // A bare unit word ("her whole team", "the team of Naples") says which group only with its place or the unit before.
  if (cue.team && UNIT.has(cue.team)) {
    const t = sents[i].toks;
    const of = t.findIndex((x, k) => UNIT.has(x.lemma) && t[k + 1]?.lower === 'of' && t[k + 2]?.pos === 'PROPN');
    const named = of >= 0 ? t[of + 2].text : here ?? (i > 0 ? teamIn(sents[i - 1]) ?? placeIn(sents[i - 1]) : undefined);
    if (named) cue.team = named;
    return;
  }
  if (cue.team) {
    if (here && !cue.team.includes(here) && !/\p{Lu}/u.test(cue.team.replace(/^\p{Lu}/u, ''))) cue.team = `${cue.team} in ${here}`;
    return;
  }
  const before = i > 0 ? sents[i - 1] : undefined;
  const team = here ?? (before ? teamIn(before) ?? placeIn(before) : undefined);
  if (team) cue.team = team;
}

/** Words of a group arriving or taking the product on: the sentence after a teamless ask that names them. */
const JOINING = / (?:join|start|take (?:it|this|them) on|new|grow|hire|onboard\S*|be for|move onto|come onto) /;

/** The account's people (or our notes reporting them) asking for a new unit to come on board. */
export function findExpansion(parts: Utterance[], opts: { reported?: boolean; stage?: string; rivals?: string[]; before?: string } = {}): ExpansionCue[] {
  // Before the first purchase, a team and a headcount are the deal itself, not growth.
  if (opts.stage && PRE_SALE.has(opts.stage)) return [];
  return parts.flatMap((u, p) => {
    if (!(u.side === 'them' || (opts.reported && u.side === 'us'))) return [];
    const out: ExpansionCue[] = [];
    let prev: { at: number; cue: ExpansionCue } | undefined;
    const sents = framed(analyze(u.text));
    const at = new Map<ExpansionCue, number>();
    // A message that says nothing is wanted ("No action needed") or that the count stays ("We're staying at 65") asks for no growth.
    if (sents.some((s) => nothingWanted(s) || heldFlat(s) || noPlans(s))) return out;
    for (const [i, s] of sents.entries()) {
      // "They're about 18 people.", "I'd estimate 16.": the headcount of the cue just read.
      if (prev && i - prev.at <= 2 && prev.cue.seats === undefined) {
        const n = headcountOnly(s);
        if (n !== undefined) { prev.cue.seats = n; continue; }
      }
      // "Could you add another 10 users? The returns team is joining.": the group is named just after the ask.
      if (prev && i - prev.at === 1 && prev.cue.team === undefined && JOINING.test(lemmaLine(s).line)) {
        const team = teamIn(s);
        if (team) prev.cue.team = team;
      }
      const e = expansionIn(s, i > 0 ? sents[i - 1] : undefined, sents.slice(Math.max(0, i - 2), i), opts.rivals);
      if (!e) continue;
      // The same group asked for again ("…would like to start. Could you add them to our contract?"), or a later sentence with no group of its own: one ask.
      const same = e.team === undefined ? out[out.length - 1] : out.find((c) => c.team === e.team);
      if (same) {
        if (same.seats === undefined && e.seats !== undefined) same.seats = e.seats;
        if (prev) prev.at = i;
        continue;
      }
      const cue: ExpansionCue = { text: s.text, ...(u.speaker ? { speaker: u.speaker } : {}), ...(u.email ? { email: u.email } : {}), ...e };
      out.push(cue);
      at.set(cue, i);
      prev = { at: i, cue };
    }
    for (const cue of out) placeCue(cue, sents, at.get(cue)!);
    // Our "how many of them would need access?" answered with a count (the question is our turn before, or the quoted message).
    const question = p > 0 && parts[p - 1].side === 'us' ? parts[p - 1].text : p === 0 ? opts.before : undefined;
    const answer = out.length || u.side !== 'them' ? undefined : answerToHowMany(question, u.text);
    if (answer) out.push({ ...(u.speaker ? { speaker: u.speaker } : {}), ...(u.email ? { email: u.email } : {}), ...answer });
    return out;
  });
}
