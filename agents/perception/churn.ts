// Churn intent, read as frames over lemmas: a decision or consideration not to renew (negated
// renew/extend/continue, letting the contract lapse), ending the relationship (cancel/terminate/
// downgrade/phase out + the contract, subscription, licences, platform), looking elsewhere (other
// providers, shopping around, a different direction), reconsidering (whether it is worth it, why
// we still pay), lost trust or patience, a broken promise ("not what we were sold"), quiet
// abandonment ("stopped using it") and escalation over our heads. Not about a meeting, an invoice
// or a previous vendor.
import { vaderCompound } from './shared-h8-vader.js';
import type { Sent, Tok } from './nlp.js';
import { conditionBefore, findAll, negated } from './frames.js';
import { clauseOf, goOnAside, ourDocument, oursAt, rightSizing, roleFrames, thirdPartyObject, turnedAround, someoneElses } from './churn-frames.js';
import { churnMoves } from './churn-moves.js';
import { churnEnds, mendTypos, usedOtherwise } from './churn-ends.js';
import { churnExits } from './churn-exits.js';
import { churnDrift } from './churn-drift.js';

/** A frame and whether its negation is what makes it churn (true) or cancels it (false). */
const FRAMES: Array<{ re: RegExp; needsNegation?: boolean | 'inside' }> = [
  // The renewal verb class: renew, extend, prolong, sign up again / for another term.
  { re: / (?:renew|renewal|extend|prolong|re-up|re-sign|sign (?:up |on )?again|sign (?:up |on )?(?:for )?another) /, needsNegation: true },
  { re: / (?:continue|stay|keep) (?:with|use|on|pay|the subscription|the contract|our subscription|our contract) /, needsNegation: true },
  { re: / let (?:the |our |it )?(?:\S+ )?(?:run out|lapse|expire) /},
  { re: / (?:cancel|terminate|end|drop|downgrade|phase out|sunset|switch off|wind down|offboard|exit|leave|discontinue|cease) (?:\S+ ){0,3}?(?:contract|subscription|licen[cs]e|licence|seat|account|plan|service|agreement|platform|product|tool|renewal|term|relationship|you|it|free tier|basic tier|lower tier|cheaper tier|starter|basic plan)s? / },
  { re: / (?:intend|plan|decide|go|want|need|have) to (?:terminate|cancel|downgrade|leave|exit|move away|switch away|phase)/ },
  { re: / (?:look|shop|shopping|go) (?:at other|around|elsewhere|a different direction|in a different direction|another direction|with someone else)| (?:other|alternative|different) (?:provider|vendor|option|tool|solution|platform|supplier)s? /},
  // (Reconsidering "the/our X" is read by doubtFrame, which checks that X is the relationship, not an agenda.)
  { re: / (?:reconsider|re-evaluate|reevaluate|rethink|question) (?:whether|if|renew)/ },
  { re: / (?:why|whether) (?:we be |we )?(?:still )?pay /},
  { re: / (?:worth|justify|defend) (?:the |it|renew|pay|keep|this|our|continu)/, needsNegation: false },
  // Weighing whether to go on: "evaluating whether to keep the subscription", "debating if we renew".
  { re: / (?:evaluate|assess|review|weigh|debate|decide|question) (?:whether|if) (?:to |we (?:should |will |can |want to )?)?(?:keep|continue|renew|stay|extend|cancel|leave|drop|stick)/ },
  // Scaling back: "scale back to the basic plan", "cut back our licences".
  { re: / (?:scale|cut|pare|wind) (?:back|down) (?:to|our|the|on) / },
  // Not seeing a future: "hard to see us continuing", "can't see ourselves renewing".
  { re: / (?:hard|difficult|not|n't|can not) (?:to )?see (?:us|ourselves|we) (?:continu|renew|stay|keep|extend|stick)/, needsNegation: 'inside' },
  { re: / (?:nobody|no one|noone) (?:\S+ )?(?:trust|believe|rely on|use) /, needsNegation: 'inside' },
  { re: / (?:want|need|would like) out (?:of )?| we (?:be |will be |will )?walk (?:away |\. |$)/, needsNegation: 'inside' },
  // A promise not kept: "the promised integrations never materialised", "waiting three months for the fix you promised".
  { re: / promise (?:\S+ ){0,11}?(?:never|still (?:be |have )?(?:not|n't)|have not|have yet to|yet to) | (?:never|still not|yet to) (?:materialise|materialize|arrive|happen|ship|land|show up|be deliver)| wait (?:\S+ ){0,2}?(?:week|month)s? for /, needsNegation: 'inside' },
  // The renewal in doubt: "renewal is not a given", "far from guaranteed".
  { re: / renewal (?:\S+ )?(?:be )?(?:not|n't|no longer|far from) (?:a given|guarantee|certain|a done deal|automatic|assure|a formality|a sure thing)/, needsNegation: 'inside' },
  { re: / (?:lose|lost) (?:\S+ )?(?:trust|confidence|faith|patience) | stop trust | (?:trust|patience) (?:have |has )?(?:run out|gone|evaporate) | (?:patience) be (?:run out|gone|wear thin) /},
  { re: / (?:fed up|done wait|have have enough|have enough|last straw|final straw|final nail|more (?:trouble|hassle|pain|work|effort) than (?:it be |it )?worth) /},
  // Auto-renewal switched off, the renewal put on hold, or coming "off" what we sell: "opt out of the auto-renewal", "move off the platform".
  { re: / (?:opt (?:\S+ )?out of|switch off|turn off|disable|stop|cancel|remove) (?:the |our |any )?(?:auto-renew\S*|autorenew\S*|automatic renewal|auto renew\S*) | renewal (?:\S+ ){0,3}?on hold | (?:put|putting|pause|freeze) (?:the |our )?renewal | (?:move|get|come|migrate|transition) (?:\S+ )?off (?:of )?(?:you|your|the platform|the tool|this platform|this tool|it) / },
  // Better off without us: "we'd be better off with spreadsheets", "better off without the tool".
  { re: / (?:better|good) off (?:without (?:you|it|the|this|your)|with (?:a |an )?(?:another|something|spreadsheet|excel|our own|a different|in-house)) / },
  // A phrasal ending with the relationship between its parts: "winding the account down".
  { re: / (?:wind|run|phase|scale) (?:the |our |this )?(?:account|relationship|contract|subscription|partnership|usage|licen[cs]e|seat|platform|tool)s? (?:down|out) / },
  { re: / not (?:\S+ )?(?:what|how|the \S+|the kind of \S+) (?:that )?(?:we|you|i|they) (?:be )?(?:lead to )?(?:promise|sell|sold|tell|told|buy|sign up for|sign for|pay for|demo|show|expect|agree)/, needsNegation: 'inside' },
  { re: / no longer (?:trust|believe|rely on|have confidence|have faith|see the value|use) /, needsNegation: 'inside' },
  { re: / stop (?:us(?:e|ing)|trust|trusting|log in|logging in|open|opening) | nobody (?:be )?(?:us(?:e|ing)|log) | quietly stop /},
  { re: / escalat\S* (?:this |it |the matter )?to (?:our |my )?(?:cio|ceo|cto|cfo|coo|leadership|management|exec|executive|vp|board|legal)/ },
  // Ending the relationship, said as an idiom or a notice: "pull the plug", "walk away", "part ways", "notice of non-renewal".
  { re: / (?:pull the plug|walk away|part way|part company|call it quit|cut our loss|jump ship|get rid of (?:you|it|the (?:platform|tool|product|system))|rip (?:it |you )?out|move on from (?:you|your|the platform|the tool|this)) | non-renewal | nonrenewal | not renew / },
  // Moving to something else: "switch to something else", "go with another provider", "migrate to an alternative".
  { re: / (?:move|switch|migrate|go|change|jump) (?:our (?:\S+ ){0,2}?)?(?:over )?(?:to|with) (?:something|someone|another|an alternative|other|(?:a|an) (?:different|cheap|cheaper|alternative|rival|competing)) (?!(?:\S+ )?(?:office|floor|building|desk|room|location|site|city|country|region|team|department|role|job|position|laptop|browser|phone|device|date|time|day|slot|week|channel|thread|meeting|call|room|tab|page|view|format|template|setting|plan for|approach|topic|question)s? )/ },
  // Value not seen: "struggling to see the value", "not getting any value", "the value isn't there".
  { re: / (?:see|get|find|deliver|realise|realize|show) (?:(?:the|any|much|enough|real|promised|meaningful|measurable) ){0,2}(?:value|roi|return|result|benefit|impact|point) /, needsNegation: true },
  // Looking at replacements: "look at alternatives", "a business case for replacing you", "consolidating vendors", "in case we leave".
  { re: / (?:look at|look into|explore|consider|evaluate|research|assess|investigate|scope) (?:some |other |the |possible |cheap |cheaper )?(?:alternative|replacement)s? | replace (?:you|us|your (?:platform|tool|product|system|service)|the platform|this tool) | consolidat\S* (?:our |the )?(?:vendor|tool|supplier|platform|stack)s? | in case we (?:leave|switch|cancel|move|churn|decide to) /},
  { re: / be (?:done|do) (?:chase|chasing|deal with|dealing with|with you|with your) /},
  { re: / (?:struggle|fail|hard|difficult|unable) to (?:see|find|justify|get|show) (?:the |any |much )?(?:value|roi|return) | value (?:be )?(?:not there|lacking|miss|yet to|never) | (?:little|no|zero|very little|hardly any) (?:real )?value /, needsNegation: 'inside' },
  // Paying for less than was expected: "we expected much more for what we pay", "not getting what we pay for".
  { re: / expect (?:much |a lot |far |a great deal |a good deal )?(?:more|better) | what we (?:be )?pay (?:for)? | (?:overpay|overpaying|not worth the (?:money|price|cost)) / },
  // Nobody uses it: "most of the reps never log in", "adoption just isn't there", "it has become shelfware".
  { re: / (?:never|rarely|barely|hardly (?:ever|anyone)|nobody|no one) (?:\S+ ){0,3}?(?:log in|login|log on|use|open|touch) | adoption (?:\S+ ){0,2}?(?:be )?(?:not there|low|poor|stall|flat|dismal|nowhere|drop|tank) | shelfware /, needsNegation: 'inside' },
];
/** Not about us: a meeting, an invoice, a previous vendor, our own customers. */
const NOT_US = / (?:meeting|call|check-in|invite|session|demo|review|sync|lunch|appointment|webinar|invoice|order|duplicate|ticket|request|job|export|import|training)s? | (?:previous|old|former|legacy|prior|current) (?:\S+ )?(?:provider|vendor|system|tool|platform|supplier|solution|portal|app|software|crm|erp|spreadsheet|sheet|database|website|site)| (?:previous|old|former|legacy|prior) (?:\S+ )?(?:contract|agreement|subscription)| nothing to do with (?:you|your)/;

/** Purchases of another kind than ours: a switch of provider for these is not a switch away from us. */
const OTHER_PURCHASE = / (?:payroll|bank|banking|insurance|insurer|telecom|phone|mobile|broadband|isp|energy|electricity|cleaning|catering|caterer|courier|haulier|carrier|freight forwarder|fuel card|fuel|travel|recruitment|recruiter|accountant|accountancy|auditor|law firm|lawyer|landlord|office space|printing|printer|hosting|pension|benefit|health insurance|canteen|security guard|forklift|pallet|packaging|truck|van|lease|leasing) /;
const OWN_BOOK = / (?:\d+ ?%|\d+ percent|half|a third|a quarter|most|many|some|several|\d+) of (?:our |their |the |my )?(?:customer|client|account|shipper|member|subscriber|consignee|merchant)s? /;
const WHEN = new Set(['before', 'after', 'by', 'until', 'till', 'at', 'on', 'next', 'this', 'when', 'once', 'since', 'during', 'ahead']);
const ENDING = new Set(['end', 'drop', 'cancel', 'exit', 'leave', 'stop', 'terminate']);
const lemmasOf = (s: Sent, a: number, b: number) => ` ${s.toks.slice(a, b + 1).map((t) => t.lemma).join(' ')} `;

/** The object right after an ending act is a proper name (not "you", "it", "the platform"). */
function endsThirdParty(s: Sent, end: number): boolean {
  const next = s.toks.slice(end + 1, end + 3).find((t) => t.pos !== 'DET');
  const here = s.toks[end];
  const named = (t: typeof here | undefined) => Boolean(t && t.cap && t.pos === 'PROPN' && !['I', 'You', 'We'].includes(t.text));
  if (!(here && ['VERB', 'ADP', 'PART', 'ADV'].includes(here.pos)) || !named(next)) return false;
  // A title-cased document of ours ("the Master Subscription Agreement") is no third party; "our Gong contract" is.
  let k = s.toks.indexOf(next as Tok);
  while (k + 1 < s.toks.length && s.toks[k + 1].cap) k += 1;
  return !ourDocument(s.toks[k]);
}

/** A capitalised word mid-sentence that is no English word ("Nimbly", however the tagger reads it): a name. */
function unknownName(t: Tok | undefined): boolean {
  return Boolean(t && t.i > 0 && t.cap && !t.known && t.pos !== 'PRON');
}

/** What follows a frame reads as praise, with no negation in it: a positive verdict or an improvement ("much faster than before"). */
function praiseAfter(s: Sent, end: number): boolean {
  const rest = s.toks.slice(end + 1);
  const negator = rest.some((t) => ['not', "n't", 'never', 'no'].includes(t.lower));
  // (The tagger's negation scope runs on past a colon; an explicit negator after the frame is what counts here.)
  if (!negator && rest.some((t) => IMPROVED.has(t.lower)) && rest.some((t) => t.lower === 'than')) return true;
  if (negator || rest.some((t) => t.neg)) return false;
  return vaderCompound(rest.map((t) => t.text).join(' ')) >= 0.4;
}
const IMPROVED = new Set(['faster', 'quicker', 'better', 'easier', 'cheaper', 'smoother', 'simpler', 'clearer', 'more']);

/** The clause's subject is a negative quantifier ("nobody here is thinking of leaving you"): the act is denied. */
function negativeSubject(s: Sent, at: number): boolean {
  let start = at;
  while (start > 0 && s.toks[start - 1].pos !== 'PUNCT') start -= 1;
  const verb = s.toks.findIndex((t, k) => k >= start && (t.pos === 'VERB' || t.pos === 'AUX'));
  const head = s.toks.slice(start, verb < 0 || verb > at ? at : verb);
  return head.some((t, k) => ['nobody', 'noone', 'none'].includes(t.lower) || (t.lower === 'no' && head[k + 1]?.lower === 'one'));
}

/** Things one can trust of ours besides what OURS names: the numbers, the reports, the team. */
const TRUSTABLE = new Set(['datum', 'data', 'number', 'report', 'dashboard', 'forecast', 'figure', 'team', 'ability', 'roadmap', 'support', 'integration', 'sync', 'export', 'output', 'result', 'score', 'it', 'you', 'this', 'that', 'them', 'system', 'app', 'model', 'alert']);
/** Trust or confidence lost "in" something that is not ours ("in the spreadsheet process", "in our old supplier"). */
function trustElsewhere(s: Sent, end: number): boolean {
  const t = s.toks;
  const at = t.findIndex((x, k) => k >= end - 1 && k <= end + 2 && x.lower === 'in');
  if (at < 0) return false;
  let k = at + 1;
  let head = -1;
  while (k < t.length && ['DET', 'PRON', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(t[k].pos)) {
    if (['NOUN', 'PROPN', 'PRON'].includes(t[k].pos)) head = k;
    if (t[k].pos === 'PRON' && !['our', 'my', 'their', 'your'].includes(t[k].lower)) break;
    k += 1;
  }
  return head >= 0 && !oursAt(s, head) && !TRUSTABLE.has(t[head].lemma) && !['your'].includes(t[head].lower);
}

const CONTRACTS = new Set(['contract', 'agreement', 'subscription', 'lease', 'deal', 'licence', 'license', 'membership']);
/** "…the agreement with the courier ends in May and we won't extend it": "it" points back to a contract that is not ours. */
function pointsToTheirs(s: Sent, start: number, end: number): boolean {
  const t = s.toks;
  if (!t.slice(start, end + 3).some((x) => ['it', 'them'].includes(x.lower))) return false;
  const ante = t.slice(0, start).reverse().find((x) => CONTRACTS.has(x.lemma) && x.pos === 'NOUN');
  return Boolean(ante) && !oursAt(s, (ante as Tok).i);
}

/** Looking elsewhere "for" a thing we do not sell ("shopping around for a new WMS"): another purchase, not us. */
function lookingForOther(s: Sent, end: number): boolean {
  const t = s.toks;
  if (t[end + 1]?.lower !== 'for') return false;
  let k = end + 2;
  let head = -1;
  while (k < t.length && ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(t[k].pos)) { if (t[k].pos === 'NOUN' || t[k].pos === 'PROPN') head = k; k += 1; }
  if (head < 0 || oursAt(s, head)) return false;
  // "a new forklift supplier": a vendor of something else, named by its modifier.
  const modified = t[head - 1]?.pos === 'NOUN' && !oursAt(s, head - 1);
  return modified || !['renewal', 'contract', 'year', 'quarter', 'option', 'alternative', 'replacement', 'vendor', 'provider', 'supplier', 'spring', 'summer', 'autumn', 'winter'].includes(t[head].lemma);
}

/** The mover is a person: "she", "he", or a name, as the subject before the verb, with no "we" or "our" between. */
function personMoving(s: Sent, at: number): boolean {
  if (!['move', 'switch', 'go', 'jump', 'change', 'leave', 'quit', 'join'].includes(s.toks[at]?.lemma ?? '')) return false;
  const { start } = clauseOf(s, at);
  const lead = s.toks.slice(Math.max(start, at - 5), at);
  if (lead.some((t) => ['we', 'our', 'us'].includes(t.lower))) return false;
  return lead.some((t) => ['he', 'she', "he's", "she's"].includes(t.lower) || (t.pos === 'PROPN' && t.cap && !t.known));
}

/** A contract held by a person: "Ingvar's contract", "his contract", "her agreement with us". */
function personsContract(s: Sent): boolean {
  return s.toks.some((t, k) => ['contract', 'agreement'].includes(t.lemma) && k > 0
    && (['his', 'her'].includes(s.toks[k - 1].lower) || (s.toks[k - 1].lower === "'s" && Boolean(s.toks[k - 2]) && (s.toks[k - 2].pos === 'PROPN' || !s.toks[k - 2].known) && !ourDocument(s.toks[k - 2]))));
}

const OUR_NOUNS = new Set(['licence', 'license', 'seat', 'subscription', 'contract', 'agreement', 'plan', 'tier', 'platform', 'tool', 'product', 'software', 'service', 'solution', 'renewal', 'account', 'relationship', 'partnership', 'term', 'count', 'number']);
const MAILING = new Set(['newsletter', 'mailing', 'email', 'digest', 'notification', 'alert', 'webinar', 'blog', 'update', 'channel', 'podcast', 'feed', 'bulletin']);
/** Things renewed that are not what we sell: credentials, certificates, leases, permits. */
const RENEWABLE = new Set(['certificate', 'cert', 'ssl', 'tls', 'token', 'key', 'password', 'credential', 'passport', 'visa', 'lease', 'domain', 'insurance', 'permit', 'badge', 'registration', 'accreditation', 'certification', 'warranty', 'mortgage', 'loan', 'tenancy', 'card', 'membership', 'secret']);
/** People engaged for a term, whose term is renewed or not: contractors, interns, temps, placements. */
const ENGAGED = new Set(['contractor', 'contractors', 'intern', 'interns', 'internship', 'temp', 'temps', 'consultant', 'consultants', 'freelancer', 'freelancers', 'secondment', 'placement', 'apprentice', 'apprenticeship', 'locum', 'fellowship', 'trainee', 'trainees']);
const MESSAGE = new Set(['line', 'note', 'message', 'email', 'mail', 'text', 'ping', 'msg', 'shout', 'call']);
const LANDMARK = new Set(['before', 'until', 'till', 'after', 'ahead', 'around', 'by', 'at', 'near', 'towards', 'toward']);
const OTHER_GOAL = new Set(['thing', 'stuff', 'issue', 'matter', 'project', 'topic', 'item', 'priority', 'task', 'work', 'idea', 'question', 'part', 'area', 'team', 'department', 'site', 'depot', 'office', 'lane', 'route', 'market', 'way', 'people', 'candidate', 'hire', 'role', 'customer', 'client', 'carrier']);
/**
 * A frame's words with another meaning in this sentence: "drop you a line" (a message sent), "not
 * relevant to your renewal" (the renewal an oblique of an adjective, not the thing declined), "nothing
 * changing before the renewal" (the renewal a time landmark), "no point in comparing suppliers" (the
 * point of another act), "look at other things" (other matters), people "who'll never touch the
 * platform" (planned non-use), "they've never used it" where "it" is a named third party's tool.
 */
function offFrame(s: Sent, start: number, end: number, words: string): boolean {
  const t = s.toks;
  const { start: c0, end: c1 } = clauseOf(s, start);
  if (/^ (?:renew|renewal|extend|prolong|re-up|re-sign|sign) /.test(words)) {
    // No need yet ("we don't need to renew until March"): the necessity denied, not the renewal.
    if (['need', 'have'].includes(t[start - 2]?.lemma ?? '') && t[start - 1]?.lower === 'to') return true;
    // Not done yet ("haven't renewed yet because the PO is with procurement"): a stall, buying's business.
    if (t.slice(start, c1 + 1).some((x) => x.lower === 'yet')) return true;
    // A credential or someone else's paper renewed ("our SSL certificate wasn't renewed", "the lease won't be renewed").
    if (t.slice(c0, c1 + 1).some((x) => RENEWABLE.has(x.lemma))) return true;
    // A person's engagement renewed ("the contractor who built our dashboards won't be renewed", "we're not extending the intern"): staffing, not us.
    if (t.slice(c0, c1 + 1).some((x) => ENGAGED.has(x.lemma) || ENGAGED.has(x.lower))) return true;
    if (renewalAside(s, start, end, c0, c1)) return true;
  }
  // "we already have enough (scanners)": having enough of something, not having had enough of us.
  if (/ have enough /.test(words)) {
    const e = t.findIndex((x, n) => n >= start && n <= end && x.lower === 'enough');
    if (e >= 0 && (t[e - 1]?.lower !== 'had' || ['NOUN', 'ADJ', 'NUM'].includes(t[e + 1]?.pos ?? ''))) return true;
  }
  // "have to leave at three", "need to exit early": a person leaving a place or a time, nothing of ours named after it.
  if (/ (?:leave|exit) $/.test(words) && (['at', 'early', 'now', 'soon', 'today', 'tonight', 'for', 'by', 'in'].includes(t[end + 1]?.lower ?? '') || ['office', 'meeting', 'call', 'building', 'channel', 'room', 'site', 'chat', 'thread', 'group', 'team'].includes(t[end + 2]?.lemma ?? ''))) return true;
  // "downgrade two admin users to viewers": a role changed, not the plan.
  if (/ downgrade $/.test(words) && t.slice(end + 1, c1 + 1).some((x, n, a) => x.lower === 'to' && /^(?:viewer|reader|read-only|guest|member|editor|commenter|contributor|standard|regular|basic user|user)s?$/.test(a[n + 1]?.lower ?? ''))) return true;
  // "leave it with me", "leave that to us": a task handed over, not anything ended.
  if (t[start].lemma === 'leave' && ['it', 'this', 'that', 'them'].includes(t[start + 1]?.lower ?? '') && ['with', 'to'].includes(t[start + 2]?.lower ?? '') && ['me', 'us', 'him', 'her', 'them'].includes(t[start + 3]?.lower ?? '')) return true;
  // "We parted ways last week" with nobody of ours named: a person or another party already gone (we would not be told we had been left).
  if (/ part (?:way|company) /.test(words) && t.slice(start, end + 1).some((x) => /ed$/.test(x.lower)) && !/ (?:you|your|platform|tool|product|subscription|contract) /.test(lemmasOf(s, 0, t.length - 1))) return true;
  // "cancel my own Pro trial", "my personal card": someone's own purchase.
  if (ENDING.has(t[start].lemma) || / (?:terminate|cancel|downgrade) $/.test(words)) {
    if (t.slice(end + 1, end + 5).some((x) => ['own', 'personal', 'private'].includes(x.lower))) return true;
  }
  // "Not renewing was never on the table": the negated act itself denied.
  if (/ not (?:renew|extend|continue|cancel|leave)\S* (?:\S+ )?be (?:never|not|n't) (?:\S+ )?(?:on the table|an option|a consideration|consider|discuss|in question) /.test(lemmasOf(s, 0, t.length - 1))) return true;
  // "switch away from manual spreadsheets to your reports": leaving something that is not ours.
  if (/ away $/.test(words) && t[end + 1]?.lower === 'from' && thirdPartyObject(s, end + 1)) return true;
  // "leave the renewal decision to Raj": the frame's noun modifies another that is not ours.
  if (t[end].pos === 'NOUN' && t[end + 1]?.pos === 'NOUN' && !OUR_NOUNS.has(t[end + 1].lemma)) return true;
  // "cancelling my subscription to your newsletter": a mailing, not the contract.
  // (Also after the verb of an intent frame: "need to cancel our subscription to the weekly digest".)
  const sub = t.findIndex((x, n) => n >= start && n <= end + 3 && x.lemma === 'subscription');
  if (sub >= 0 && t[sub + 1]?.lower === 'to' && t.slice(sub + 2, sub + 6).some((x) => MAILING.has(x.lemma))) return true;
  // "terminate the contract with our old courier": an agreement with someone other than us.
  if (CONTRACTS.has(t[end].lemma) && t[end + 1]?.lower === 'with' && !['you', 'your', 'us', 'ourco'].includes(t[end + 2]?.lower ?? '')) return true;
  if (/ (?:other|alternative|different) /.test(words)) {
    const o = t.findIndex((x, n) => n >= start && n <= end && ['other', 'alternative', 'different'].includes(x.lower));
    // Others as the subject ("Other tools we use have a dark mode", "The other vendor we work with is slow"): described, not sought.
    if (!t.slice(0, start).some((x) => x.pos === 'VERB' || x.pos === 'AUX')) return true;
    // Compared with others ("compared you with other vendors and you came out on top"), or others tried before we were chosen.
    if (t.slice(Math.max(0, o - 5), o).some((x) => ['compare', 'benchmark', 'versus', 'vs', 'against', 'than', 'among'].includes(x.lemma))) return true;
    if (/ (?:before|when) (?:\S+ ){0,2}?(?:settle|choose|chose|pick|select|sign|go|land) (?:on |with )?(?:you|your)| year ago | years ago | back then | at the time /.test(lemmasOf(s, 0, t.length - 1))) return true;
  }
  // "moving our payroll to a different provider": another kind of purchase named in the sentence, not what we sell.
  if (/ (?:other|alternative|different) /.test(words) && OTHER_PURCHASE.test(lemmasOf(s, 0, t.length - 1))) return true;
  // "other options for the offsite venue": another purchase.
  if (/ (?:other|alternative|different) /.test(words) && (lookingForOther(s, end) || (/ other $/.test(words) && t[end + 1]?.pos === 'NOUN' && lookingForOther(s, end + 1)))) return true;
  if (ENDING.has(t[start].lemma) && ['you', 'me', 'us', 'him', 'her', 'them'].includes(t[start + 1]?.lower ?? '') && ['a', 'an'].includes(t[start + 2]?.lower ?? '') && MESSAGE.has(t[start + 3]?.lemma ?? '')) return true;
  const renewal = t.slice(start, end + 1).findIndex((x) => x.lemma === 'renewal');
  if (renewal >= 0) {
    const r = start + renewal;
    let k = r - 1;
    while (k >= 0 && ['DET', 'PRON', 'ADJ'].includes(t[k].pos) && !['relevant', 'related', 'tied', 'linked', 'part', 'connected', 'worried', 'concerned', 'nervous', 'anxious'].includes(t[k].lower)) k -= 1;
    const prep = t[k];
    if (prep && prep.pos === 'ADP' && (LANDMARK.has(prep.lower) || ['ADJ', 'VERB'].includes(t[k - 1]?.pos ?? '') && ['relevant', 'related', 'relate', 'tied', 'tie', 'linked', 'link', 'connected', 'connect', 'worried', 'worry', 'concerned', 'concern', 'nervous', 'anxious', 'affect', 'impact'].includes(t[k - 1]?.lemma ?? ''))) return true;
  }
  if (/ point /.test(words)) {
    const p = t.findIndex((x, n) => n >= start && n <= end + 1 && x.lemma === 'point');
    const g = t[p + 2];
    if (p >= 0 && ['in', 'of'].includes(t[p + 1]?.lower ?? '') && g && /ing$/.test(g.lower) && !['pay', 'renew', 'keep', 'continue', 'use', 'stay', 'invest', 'extend', 'log', 'stick'].includes(g.lemma)) return true;
  }
  if (/^ (?:look|shop|go) at other /.test(words) && OTHER_GOAL.has(t[end + 1]?.lemma ?? '')) return true;
  if (/ (?:never|rarely|barely|hardly) /.test(words)) {
    const { start: c } = clauseOf(s, start);
    if (t.slice(c, start).some((x) => ['will', 'would', "'ll", 'shall'].includes(x.lemma) || x.lower === "'ll")) return true;
    // "they've never used it" after a named tool: the tool is the third party's, not ours.
    const it = t.slice(start, end + 3).some((x) => ['it', 'them'].includes(x.lower));
    if (it && t.slice(0, start).some((x) => x.pos === 'PROPN' && x.cap && !x.known) && !/ (?:you|your|platform|tool|app) /.test(lemmasOf(s, 0, t.length - 1))) return true;
  }
  return false;
}

/** Predicates that deny the renewal itself: it does not happen, go ahead, get signed or approved. */
const GO_AHEAD = new Set(['happen', 'go', 'proceed', 'take', 'move', 'sign', 'approve', 'process', 'pursue', 'do', 'want', 'need', 'consider', 'expect', 'plan', 'push', 'continue', 'get']);
/**
 * A renewal named or a renewing verb negated where the negation denies something else: the renewal as a
 * modifier ("the renewal date"), in a phrase ("no concerns about the renewal", "up for renewal until Q3"),
 * or the subject of another predicate ("won't be a problem", "won't change much"); renewing unable by a
 * channel ("can't renew online, the portal errors"); not renewing "until June" (timing); a double
 * negation ("nobody is talking about not renewing", "I didn't mean to suggest we won't renew").
 */
function renewalAside(s: Sent, start: number, end: number, c0: number, c1: number): boolean {
  const t = s.toks;
  const r = t.slice(start, end + 1).findIndex((x) => x.lemma === 'renewal' && x.pos === 'NOUN');
  if (r >= 0) {
    const at = start + r;
    if (t[at - 1]?.lower === 'no') return false;
    // "the renewal date"; "the renewal to be a big discussion": a modifier, or the subject of another predicate.
    if (t[at + 1]?.pos === 'NOUN' || (t[at + 1]?.lower === 'to' && t[at + 2]?.lemma === 'be')) return true;
    let k = at - 1;
    while (k >= c0 && ['DET', 'PRON', 'ADJ'].includes(t[k].pos)) k -= 1;
    if (t[k]?.pos === 'ADP') return !(t[k].lower === 'with' && / (?:go ahead|proceed|move forward|continue|push on|push ahead|go forward) $/.test(lemmasOf(s, Math.max(c0, k - 3), k - 1)));
    const after = t.slice(at + 1, c1 + 1).find((x) => x.pos === 'VERB' || (x.lemma === 'be' && ['on', 'off', 'happening'].includes(t[x.i + 1]?.lower ?? '')));
    const before = t.slice(Math.max(c0, at - 5), at).reverse().find((x) => x.pos === 'VERB');
    return !((after && (GO_AHEAD.has(after.lemma) || after.lemma === 'be')) && (after.lemma !== 'be' || ['on', 'off', 'happening'].includes(t[after.i + 1]?.lower ?? '')))
      && !(before && GO_AHEAD.has(before.lemma));
  }
  return goOnAside(s, start, c0, c1);
}

/** The churn frame a sentence holds, if any. */
export function churnFrame(said: Sent): boolean {
  // Chat spelling ("not extnding the contrct") is read as the words it misspells.
  const s = mendTypos(said);
  // A near-miss told as the past and turned around, or someone else's ending, is no intent of this account's.
  if (turnedAround(s) || someoneElses(s) || rightSizing(s)) return false;
  // The account's own customers counted ("14% of accounts didn't renew", "half our clients cancelled"): its business, not ours.
  if (OWN_BOOK.test(lemmasOf(s, 0, s.toks.length - 1))) return false;
  // Intent denied outright ("no plans to cancel, just curious how the notice period works", "no intention of leaving").
  const all = lemmasOf(s, 0, s.toks.length - 1);
  if (/ (?:no (?:\S+ )?(?:plan|intention|desire|wish)s? (?:whatsoever )?(?:to|of)|not (?:plan|planning|look|looking|think|thinking) (?:to|of|about)) (?:\S+ )?(?:cancel|leave|terminate|switch|churn|move|exit|go anywhere|end|drop|quit)/.test(all)) return false;
  // The ending denied as a claim: "nobody is talking about leaving", "I didn't mean to suggest we won't renew".
  if (/ (?:not|n't|never) mean to (?:suggest|say|imply) | (?:nobody|no one) (?:be |have |have be )?(?:talk|think|suggest|say|discuss) (?:about |of )?/.test(lemmasOf(s, 0, s.toks.length - 1))) return false;
  // A person's contract ("dmitri's contract ran out and they didn't extend") is a job, whichever frame reads it.
  if (personsContract(s) && !/ (?:platform|tool|subscription|licen[cs]e|seat|you|your) /.test(lemmasOf(s, 0, s.toks.length - 1))) return false;
  return lexicalFrame(s) || roleFrames(s) || churnMoves(s) || churnEnds(s) || churnExits(s) || churnDrift(s);
}

function lexicalFrame(s: Sent): boolean {
  const line = ` ${s.toks.map((t) => t.lemma).join(' ')} `;
  for (const { re, needsNegation } of FRAMES) {
    for (const hit of findAll(s, re)) {
      const words = lemmasOf(s, hit.start, hit.end);
      // An act inside an "if" clause is a hypothesis ("if we ever did leave, it wouldn't be over price"); asking the way out is read by churnMoves.
      // ("Asking if we should move" is an embedded question, not a condition.)
      if (offFrame(s, hit.start, hit.end, words)) continue;
      const cond = conditionBefore(s, hit.start);
      // (A condition that something of ours fails, "if the fix isn't in by the 20th … we pull the plug", is an ultimatum, not a hypothesis.)
      // (The tagger's negation runs on from the condition into the main clause: the main clause starts at its own subject.)
      const notAt = cond?.word === 'if' ? s.toks.findIndex((t, k) => k > cond.at && k < hit.start && ['not', "n't"].includes(t.lower)) : -1;
      const ultimatum = notAt > 0 && s.toks.slice(notAt + 1, hit.start).some((t) => ['i', 'we'].includes(t.lower));
      if (needsNegation === undefined && !ultimatum && cond?.word === 'if' && !s.toks.slice(cond.at + 1, hit.start).some((t) => t.pos === 'PUNCT')
        && !['ask', 'wonder', 'question', 'know', 'see', 'sure', 'debate', 'decide', 'discuss', 'consider', 'check'].includes(s.toks[cond.at - 1]?.lemma ?? '')) continue;
      // Planned non-use ("staff who'll never touch your software") is no abandonment.
      if (/ (?:never|rarely|barely|hardly) /.test(words) && ['will', 'would', "'ll"].includes(s.toks[hit.start - 1]?.lemma ?? '')) continue;
      // A move whose subject is not the account ("did that move to someone else?", a task handed over).
      if (/ (?:someone|something) /.test(words) && /^ (?:move|switch|migrate|go|change|jump) /.test(words)
        && !s.toks.slice(Math.max(0, hit.start - 4), hit.start).some((t) => ['we', 'i', 'us', 'our', 'they', 'team', 'leadership', 'management', 'company', 'business'].includes(t.lower))) continue;
      if (/ (?:trust|confidence|faith) /.test(words) && trustElsewhere(s, hit.end)) continue;
      // Part of the product unused, or non-use superseded, faulted or fine ("nobody opens the weekly digest, can you switch it off?").
      if (/ (?:never|rarely|barely|hardly|nobody|no one|adoption) /.test(words) && / (?:use|open|touch|log|login|adoption) /.test(words) && usedOtherwise(s, hit.end)) continue;
      // A person moving on ("she went to another logistics company") is a job change, not the account leaving.
      if (personMoving(s, hit.start)) continue;
      if (/ (?:shop|shopping|look|around) /.test(words) && lookingForOther(s, hit.end)) continue;
      // A fault still open ("the recordings are still not showing up") is no promise broken unless a promise, feature or release is in view.
      if (/ (?:still (?:be |have )?(?:not|n't)|yet to) /.test(words) && !/ (?:promise|roadmap|feature|release|commit|integration|fix|deliver|ship) /.test(lemmasOf(s, 0, s.toks.length - 1))) continue;
      // Parting "with" a named party ("we parted ways with Anders Nygaard") is a person or a vendor, not us.
      if (s.toks[hit.end + 1]?.lower === 'with' && endsThirdParty(s, hit.end + 1)) continue;
      // A person's contract ("Ingvar's contract with us was not renewed", "his contract ends in March") is a job, not the account.
      if (personsContract(s)) continue;
      // The frame's noun modifying another ("our renewal working group", "the contract template") is not what is ended.
      if (s.toks[hit.end]?.pos === 'NOUN' && ['NOUN', 'VERB'].includes(s.toks[hit.end + 1]?.pos ?? '') && s.toks[hit.end + 2]?.pos === 'NOUN') continue;
      // Leaving a named vendor ("we left Clari for you") is a competitor left, not us.
      if (ENDING.has(s.toks[hit.start].lemma) && (endsThirdParty(s, hit.start) || unknownName(s.toks[hit.start + 1]))) continue;
      const neg = ultimatum ? s.toks.slice(hit.start - 3, hit.end + 1).some((t) => ['not', "n't", 'never'].includes(t.lower)) : (needsNegation !== 'inside' && negativeSubject(s, hit.start)) || negated(s, hit.start) || negated(s, hit.end) || /\b(?:unlikely|hesitant|reluctant|hard to|difficult to|unable to|no longer)\b/.test(s.toks.slice(Math.max(0, hit.start - 4), hit.start).map((t) => t.lower).join(' '));
      // Renewing early, upgrading or locking in a price is the opposite of churn, whatever frame it sits in.
      if (/ (?:renew|renewal) early | lock in | upgrade | expand /.test(line)) continue;
      // "Not what I expected: the dashboards are much faster": the frame's words turned to praise.
      if (needsNegation === 'inside') return !praiseAfter(s, hit.end);
      if (needsNegation === true && !neg) continue;
      if (needsNegation === false && !neg && !/ (?:reconsider|whether|question|doubt|wonder|sure|if) /.test(line)) continue;
      if (needsNegation === undefined && neg) continue;
      // What is ended: the words after the frame up to a time or place phrase ("…the plug before the next invoice" ends no invoice).
      const stop = s.toks.findIndex((t, k) => k > hit.end && WHEN.has(t.lower));
      if (NOT_US.test(` ${s.toks.slice(hit.start, Math.min(stop < 0 ? s.toks.length : stop, hit.end + 7)).map((t) => t.lemma).join(' ')} `)) continue;
      // A frame read across a clause break ("before year end, what do you…") or from a noun ("year end") is no act of ours to end.
      if (s.toks.slice(hit.start + 1, hit.end).some((t) => t.pos === 'PUNCT' && t.text !== '-')) continue;
      if (ENDING.has(s.toks[hit.start]?.lemma ?? '') && s.toks[hit.start].pos === 'NOUN') continue;
      // An instruction to drop "it" ("feel free to drop it", "please cancel it") ends whatever "it" was, not the contract.
      if (s.toks[hit.end]?.lower === 'it' && (hit.start === 0 || s.toks.slice(Math.max(0, hit.start - 3), hit.start).some((t) => ['please', 'free', 'just', 'kindly'].includes(t.lower)))) continue;
      // Ending a named third party ("they stopped using Vexio", "we cancelled Brightwave") is a competitor left, not us.
      if (endsThirdParty(s, hit.end)) continue;
      // Not renewing or ending something that is not ours ("the office lease", "our Gong contract").
      if (s.toks[hit.end]?.pos === 'VERB' && thirdPartyObject(s, hit.end)) continue;
      if (pointsToTheirs(s, hit.start, hit.end)) continue;
      // "Renew" only of the relationship: not "renewed for another two years" said positively (handled by negation), not "renew my passport".
      return true;
    }
  }
  return false;
}
