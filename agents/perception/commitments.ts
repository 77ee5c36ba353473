// Who promised what, by when, read as a frame: a SPEAKER-SIDE subject (I/we, our team, or in our
// notes a named person) + a commitment modality (will, 'll, going to, plan to, commit to, owe, "you'll
// have X from me") + a deliverable (the object of the first act after the modality: "send over the
// rate limit documentation"). Not a question, not negated, not hedged (could, might, happy to, feel
// free), not conditional on the other side ("once your legal team signs…"). An offer ("I can…",
// "let me…") counts only with a date. When the deliverable is only "it/that/those", it is read from
// the sentence before or from the turn the promise answers.
import type { Contact } from '../../db/queries/contacts.js';
import { dueDateOf, type DueOptions } from './due-date.js';
import { analyze, type Sent, type Tok } from './nlp.js';
import { conditionAfter, conditionBefore, findAll, nameSpans, negated, nounPhrase, type Hit } from './frames.js';
import { contactByName, type Utterance } from './utterances.js';
import { antecedentOf } from './nlp-reference.js';
import { thingPromise } from './commitment-passive.js';
import { baseAct, deliberation, openAct } from './commitment-acts.js';
import { unfill } from './commitment-speech.js';
import { imperativeCondition, invertedCondition, questionClauseStart } from './commitment-clauses.js';
import { carriedSubject, determined, expectFrom, recipientPromise, seeToIt } from './commitment-subjects.js';
import { TAKEN, frontedObject, takenThenDated, verblessHandover } from './commitment-verbless.js';
import { groupBefore, groupOpeningBefore, type GroupRef } from './commitment-groups.js';
import { pledged } from './commitment-pledge.js';
import { scheduledThing } from './commitment-schedule.js';
import { asWritten, caseBlind, nameWords, typedWords } from './case-blind.js';

export interface PerceivedCommitment {
  text: string;
  owner: 'us' | 'them';
  who?: string;
  deliverable?: string;
  dueAt: string;
  /** No date was said: `dueAt` is the default, a few business days after the promise. */
  dueDefaulted?: true;
  counterparts?: string[];
}

export interface CommitmentContext {
  /** For a message: who it went to on each side. In a call the promise is made to whoever asked just before. */
  recipients?: { us: string[]; them: string[] };
  /** Read named persons' action items (our notes). */
  actionItems?: boolean;
  contacts: Contact[];
  due?: DueOptions;
  /** What the other side said just before (the quoted message a reply answers), to resolve "it/that". */
  before?: string;
}

// ── The frame's parts, as lemma patterns ───────────────────────────────────────────────────────────
/** The speaker's side as subject, then a commitment modality. */
const MODAL = '(?:will|shall|be (?:\\S+ly )?go to|be gonna|be about to|plan to|be plan to|intend to|(?:have )?promise to|(?:have )?commit to|be commit to|be commit|aim to|be aim to|(?:have )?undertake to|will be sure to|will make sure to|(?:have )?agree to|be on track to)';
/** People on the speaker's side: "our team", "my colleague", "our solutions architect", "my manager". */
const OUR_PEOPLE = '(?:team|desk|unit|squad|department|group|people|engineer|engineers|architect|lawyer|lawyers|counsel|colleague|colleagues|manager|boss|lead|specialist|consultant|pm|csm|assistant|rep|cto|ceo|cfo|coo|vp|head|director|analyst|developer|developers|designer|expert|support|billing|finance|legal|ops|success|crew|folk|folks|staff|partner|partners|dev|devs|guys|guy)';
/** Departments named bare or with "the" at a clause's start: "Engineering will ship…", "the team will follow up…" (the speaker's own). */
const BARE_DEPARTMENT = '(?<=^|[,;:-]| and| so) (?:the (?:\\S+ )?(?:team|crew|folks)|engineer(?:ing)?|support|billing|product|finance|legal|security|ops|procurement|purchasing|accounting|accounts|compliance|infosec)';
const SELF_SUBJECT = new RegExp(`(?: (?:i|we|(?:our|my) (?:\\S+ ){0,2}${OUR_PEOPLE})|${BARE_DEPARTMENT}) (?:will also |also |both |all )?${MODAL} `);
/** The subject carried into a second clause, after a task in progress: "We're working on the fix and will have it deployed",
 * "Our team is preparing the plan and will share it Monday" (our people as well as I and we). */
const SELF_AND_WILL = new RegExp(` (?:i|we|(?:our|my) (?:\\S+ ){0,2}${OUR_PEOPLE}) be (?:\\S+ing|work|look|dig|review|investigate|test|check|prepare|put) (?:\\S+ ){0,6}?and (?:will|shall) (?!you )`);
/** Acts of handing a thing over, for the progressive ("I'm sending…"), where most acts ("I'm presenting") promise nothing. */
const HANDOVER = new Set(['send', 'share', 'forward', 'email', 'deliver', 'prepare', 'draft', 'write', 'compile', 'upload', 'post', 'resend', 'submit', 'return', 'put', 'get', 'push', 'deploy', 'ship']);
/** A delivery in progress with a time: "I'm sending the proposal over this afternoon" (counted with a date only). */
const SELF_DOING = / (?:i|we) be (?:just |now |currently |already )?(?=\S+ )/;
/** A chat or note that drops the subject: "will get the invoice corrected…", "on it, will send…". */
// ("gonna share the file w u tmrw": the chat's subjectless "going to" as well.)
const BARE_WILL = /^ (?:(?:on it|sure|ok|okay|noted|yes|will do) )?(?:\S+ (?:[,-] )?)?(?:will|go to) (?!you |be able)/;
/** "You'll have X from me", "you'll get it from us". */
const YOU_WILL_HAVE = / you will (?:have|get|receive|see) .*? from (?:me|us|our|my) /;
/** "I've asked / I'll get <one of ours> to <hand something over>": the cue is the "to" before the act (a deed of the speaker's side). */
function delegated(s: Sent, side: 'us' | 'them', ctx: CommitmentContext): Hit | undefined {
  const hit = findAll(s, / (?:i|we) (?:have |will |just )?(?:ask|tell|get|instruct) (?=\S+ to )/)[0];
  if (!hit) return undefined;
  const who = s.toks[hit.end + 1];
  const v = s.toks[hit.end + 3];
  if (!who || !v || who.pos !== 'PROPN' || !ACTS.has(v.lemma) || WEAK.has(v.lemma) || v.lower !== v.lemma) return undefined;
  const theirs = Boolean(contactByName(who.text, ctx.contacts));
  if ((side === 'them') !== theirs) return undefined;
  return { start: hit.end + 2, end: hit.end + 2, m: hit.m };
}

/** The account's deed told back to it by us: "you'll send over the signed DPA", "you will get us the user list". */
const YOU_WILL_SEND = / you will (?:also )?(?=(?:send|share|return|provide|forward|sign|countersign|upload|complete|get us|get me) )/;
const AGREED = / as (?:discuss|agree|promise|confirm)|per our (?:call|conversation|chat|meeting)| so you will /;
/** "We owe you X", "I still owe them X". */
const OWE = new RegExp(` (?:i|we|(?:our|my) (?:\\S+ ){0,2}${OUR_PEOPLE}) (?:still |also )?owe `);
/** "You'll have it by Friday", "you should get the file tomorrow": said by the side that delivers, with a date. */
const YOU_WILL_GET = / you (?:will|should|shall) (?:have|get|receive|see) /;
/** "Expect the runbook from us by Friday", "you can expect a write-up tomorrow". */
const EXPECT = /(?:(?:^|,|;|:) (?=expect (?:it |that |them |this |those |.* from (?:me|us|our) ))| you can | you should )expect (?!to )/;
/** "I'm on it", "leave it with me": taking a task on. */
const ON_IT = / (?:i be|we be|i 'm|we 're) (?:already )?on (?:it|this|that|the case) | leave (?:it|this|that) with (?:me|us) |^ (?:on it|will do)(?= [.!,;:-] | ?$)| (?:i|we) will (?:take|own|grab) (?:that|this|it)(?: one)?(?: on)?(?= [.!,;:-] | ?$)| consider (?:it|that|this) do /;
/** Trust asked for a deed: "count on us to have it ready", "you can rely on me to chase legal". */
const RELY = / (?:count|rely|depend|bank) on (?:me|us|our \S+) to /;
/** "You can count on a written summary from me": the thing itself relied on, from the speaker's side. */
const RELY_ON_THING = / (?:count|rely) on (?=(?:a|an|the|my|our) (?:\S+ ){0,3}?from (?:me|us|our) )/;
/** "Consider it done", "X will be ready/live on Friday" said by the side that delivers it. */
const READY = / (?:the|your|a|an|our) (?:\S+ ){0,3}will be (?:ready|available|live|deliver|send|ship|deploy|fix|done|in your inbox|enable|provision|set up) /;
/** Offers: count only with a date. */
const OFFER = / (?:(?:i|we) can|let (?:me|us)) (?!know |me know|introduce )/;
/** In our notes, our own promise reported or listed without a subject. */
const NOTED_PROMISE = new RegExp([
  ' (?:tell|assure|promise|confirm to) (?:\\S+ ){0,2}?(?:that )?(?:we|i) (?:would|will|be go to) ',
  '^ (?:promise|agree to|commit to|offer to|volunteer to|undertake to)(?= )',
  '^ (?:promise|owe) (?=\\S+ (?:the|a|an|our|their|some) )',
].join('|'));
/** A to-do of ours in a note, in the base form: "TODO: send the DPA", "Next step: we share the results", "We need to send Mia the quote". */
const NOTED_TODO = /^ (?:(?:todo|to-do|action|action item|next step|follow-up|followup|ai)(?: \( (?:us|we|me|our side) \)| for us)? (?:: |- ))?(?:we |i )?(?:need to |have to |must |will |should )?(?=(?:send|share|provide|deliver|forward|prepare|draft|write|email|schedule|book|set up|follow up|circle back|get back|chase|confirm|update|fix|issue|reissue|refund|credit|create|build|compile|pull|run|arrange|organise|organize|introduce|loop in|invite) )/;
/** In our notes: "Dana will send…", "Sam to share…", "Owen agreed to…". */
// ("Owen agreed on the call to run the import": an agreement reported with where or when it was made.)
const ACTION_ITEM = / (?:will|to|owe|agree to|promise to|commit to|be go to|offer to|volunteer to|(?:agree|promise|commit|undertake) (?:(?:on|during|in|at|over|after) (?:the|our|this|that|a) \S+|yesterday|today|again|verbally|already) to|(?:take|have|own|grab|pick up|get) (?:the|an|that|this) (?:action|task|to-do|todo|follow-up|ai)(?: item)? (?:to|of)) /;

const HEDGE = / (?:no promise|could|might|may|would|should|happy to|glad to|feel free|would you like|do you want|if (?:you|that|it) (?:think|would|help|want|need|like)|if help|whenever|try to) /;
/** Hedges that take back even a plain "we'll": "we'll probably look at it", "no promises". */
// (A free-choice object is a standing arrangement, not a deliverable: "I will route anything urgent to you".)
const STRONG_HEDGE = / (?:no promise|not promise|probably|possibly|maybe|perhaps|in theory|at some point|some day|someday|as usual|as always|as ever|(?:anything|whatever|any (?:\S+ )?(?:question|issue|problem|request)s?) (?:urgent|else|that|which|come|you|they)) /;
/** A past time that turns "we committed to X" into a report, not an open promise. */
const PAST_TIME = / (?:last|ago|yesterday|previously|already|back in|earlier this) /;
const SELF_REFUSAL = / (?:not|never|unable|can not|cannot) (?:be able to |promise )?/;

/** Acts that hand something over; their object is the deliverable. The first verb after the modality otherwise. */
const ARTIFACT = new Set(['send', 'share', 'provide', 'deliver', 'forward', 'have', 'get', 'put', 'write', 'prepare', 'draft', 'circulate', 'email', 'resend', 'return', 'submit',
  'complete', 'finish', 'fix', 'ship', 'deploy', 'set', 'schedule', 'book', 'arrange', 'update', 'confirm', 'dig', 'credit', 'issue', 'reissue', 'correct', 'refund', 'create',
  'build', 'open', 'enable', 'owe', 'give', 'publish', 'post', 'upload', 'compile', 'pull', 'run', 'turn', 'chase', 'finalize', 'finalise', 'produce', 'draw', 'make']);
const WEAK = new Set(['loop', 'introduce', 'check', 'look', 'follow', 'circle', 'come', 'reach', 'connect', 'talk', 'speak', 'take', 'be', 'go', 'try', 'see', 'let', 'keep', 'need', 'want', 'do']);

interface Promised {
  owner: 'us' | 'them'; who?: string; explicitOnly: boolean; cue: Hit; kind: 'self' | 'you-have' | 'owe' | 'ready' | 'offer' | 'item' | 'on-it';
  /** Where the promised thing starts, when the frame knows it (a to-do's object). */
  objectAt?: number;
  /** The thing, when it was named in an earlier sentence. */
  resolved?: string;
}

function sideOf(u: Utterance): 'us' | 'them' | undefined {
  return u.side === 'unknown' ? undefined : u.side;
}

/** Acts of telling the other side that something happened. */
const NOTICE = new Set(['confirm', 'update', 'ping', 'notify', 'tell', 'message', 'shout']);

/** A condition on the other side before or after the promise ("once your…", "if you…", "when they…"). */
function conditionalOnOthers(s: Sent, owner: 'us' | 'them', cue: Hit): boolean {
  const others = owner === 'us' ? ['you', 'your', 'they', 'their', 'legal', 'the', 'procurement', 'it', 'that'] : ['you', 'your'];
  const before = conditionBefore(s, cue.start);
  // The account's own promise under any condition ("once the deal closes, we'll…") is a plan, not yet a promise.
  if (before && before.word !== 'whether' && owner === 'them') return true;
  // "Pushing the meeting to Thursday if that's ok": a proposal waiting on the other side's yes.
  if (/ if (?:that|this|it) (?:be|'s) (?:ok|okay|fine|alright|all right) | if (?:that|this|it) work /.test(` ${s.toks.map((t) => t.lemma).join(' ')} `)) return true;
  // "I'll let you know if anything changes": a notice that may never come.
  // (Likewise "I'll confirm here once it's live", "I'll update you when it's deployed": the notice of an event, not a deed.)
  const notice = (t: Tok, k: number) => k > cue.end && k <= cue.end + 2 && NOTICE.has(t.lemma) && (['you', 'here', 'this', 'the'].includes(s.toks[k + 1]?.lower ?? '') || ['once', 'when', 'as'].includes(s.toks[k + 1]?.lower ?? ''));
  const tell = s.toks.findIndex((t, k) => (k > cue.end && t.lemma === 'let' && s.toks[k + 2]?.lemma === 'know') || notice(t, k));
  if (tell > 0 && ((before && before.word !== 'whether') || s.toks.slice(tell).some((t, n, a) => ['if', 'once', 'when', 'whenever', 'unless'].includes(t.lower) || (t.lower === 'as' && a[n + 1]?.lower === 'soon' && a[n + 2]?.lower === 'as')))) return true;
  if (before && before.word !== 'whether') {
    const next = s.toks.slice(before.at + 1, before.at + 3).map((t) => t.lower);
    if (next.some((w) => others.includes(w))) return true;
  }
  // "I'll get the rules in once I have them", "as soon as we receive the quote": the deed waits on the other side's delivery.
  const got = s.toks.findIndex((t, k) => (['once', 'when', 'after', 'until'].includes(t.lower) || (t.lower === 'as' && s.toks[k - 1]?.lower === 'soon')) && ['i', 'we'].includes(s.toks[k + 1]?.lower ?? '')
    && s.toks.slice(k + 2, k + 4).some((x) => ['have', 'get', 'receive', 'hear'].includes(x.lemma)));
  // (A later clause has its own condition: "you'll send the DPA this week, and we'll switch it on once we have it".)
  const ownClause = got < cue.start || !s.toks.slice(cue.end + 1, got).some((t, n, a) => t.text === ';' || t.lower === 'but' || (t.text === ',' && a[n + 1]?.lower === 'and'));
  if (got >= 0 && ownClause) return true;
  for (let k = cue.end + 1; k < s.toks.length; k += 1) {
    const w = s.toks[k].lower;
    if (['if', 'unless', 'provided', 'assuming'].includes(w) || ((w === 'once' || w === 'when' || w === 'after') && ['you', 'your', 'they', 'their'].includes(s.toks[k + 1]?.lower ?? '') && !timeAnchor(s, k + 1))) {
      const next = s.toks.slice(k + 1, k + 3).map((t) => t.lower);
      if (next.some((x) => others.includes(x) || x === 'needed' || x === 'necessary' || x === 'useful' || x === 'helpful')) return true;
    }
  }
  return false;
}

/** Their acts said as nouns: "after your approval" waits on them, "after your cutoff" only names a time. */
const THEIR_ACT = new Set(['approval', 'sign-off', 'signoff', 'go-ahead', 'confirmation', 'signature', 'ok', 'okay', 'feedback', 'input', 'answer', 'decision', 'review',
  'payment', 'green', 'po', 'order', 'reply', 'response', 'consent', 'agreement', 'comment', 'data', 'file', 'list', 'details', 'information', 'info']);
/** "your cutoff", "their standup", "your morning meeting": a possessed thing with no verb after it in the clause and no act of theirs. */
function timeAnchor(s: Sent, at: number): boolean {
  const np = nounPhrase(s, at);
  if (!np || np.pronoun || ['you', 'they'].includes(s.toks[at].lower)) return false;
  if (s.toks.slice(np.start, np.end + 1).some((x) => THEIR_ACT.has(x.lemma) || THEIR_ACT.has(x.lower))) return false;
  for (let k = np.end + 1; k < s.toks.length; k += 1) {
    const x = s.toks[k];
    if ([',', ';', '.', '!', '?', 'and', 'but', 'so'].includes(x.lower)) return true;
    if (x.pos === 'VERB' || x.pos === 'AUX') return false;
  }
  return true;
}

/** The acts of delivering something to someone (a deliverable, an answer, a meeting, a fix); "we will be at the conference",
 * "we'll keep an eye on it", "I will route anything urgent" are not promises of a thing. */
const ACTS = new Set([
  'send', 'share', 'get', 'provide', 'deliver', 'follow', 'circle', 'come', 'return', 'complete', 'finish', 'set', 'schedule', 'review', 'prepare', 'update',
  'confirm', 'loop', 'introduce', 'draft', 'have', 'book', 'check', 'sign', 'put', 'write', 'look', 'fix', 'ship', 'connect', 'email', 'forward', 'arrange', 'reach',
  'walk', 'run', 'escalate', 'resend', 'submit', 'organize', 'organise', 'turn', 'finalize', 'finalise', 'owe', 'credit', 'deploy', 'issue', 'reissue', 'correct',
  'refund', 'create', 'build', 'enable', 'publish', 'upload', 'compile', 'pull', 'chase', 'dig', 'produce', 'draw', 'make', 'circulate', 'give', 'open', 'provision',
  'investigate', 'answer', 'respond', 'reply', 'call', 'ping', 'invite', 'order', 'add', 'reset', 'extend', 'grant', 'sort', 'handle', 'push', 'release', 'patch',
  'resolve', 'debug', 'test', 'validate', 'verify', 'document', 'record', 'log', 'raise', 'file', 'host', 'demo', 'present', 'train', 'onboard', 'migrate', 'export',
  'import', 'configure', 'install', 'activate', 'restore', 'recover', 'reconcile', 'calculate', 'quote', 'price', 'invoice', 'ask', 'find', 'figure', 'work',
  'route', 'bring', 'pass', 'process', 'involve', 'apply', 'waive', 'revert', 'post', 'countersign', 'nudge', 'remind', 'prod',
]);

/** The act a modality introduces: the first verb after it (skipping adverbs), "be" only as "be sending". */
function actAfter(s: Sent, cue: Hit, owner: 'us' | 'them'): boolean {
  let k = cue.end + 1;
  // ("I'll forward you…": the tagger reads that "forward" as an adverb.)
  while (k < s.toks.length && ((s.toks[k].pos === 'ADV' && s.toks[k].lower !== 'forward') || s.toks[k].lower === 'also')) k += 1;
  const x = s.toks[k];
  if (!x) return false;
  if (x.lower === 'forward' && ['you', 'it', 'the', 'this', 'that', 'them', 'over'].includes(s.toks[k + 1]?.lower ?? '')) return true;
  // "We'll have to drop off", "we'll need to check": an obligation, not a promise of a thing.
  if ((x.lemma === 'have' || x.lemma === 'need') && s.toks[k + 1]?.lower === 'to') return false;
  // "I'll let you know": a promise of an answer.
  if (x.lemma === 'let' && s.toks[k + 2]?.lemma === 'know') return true;
  // "I'll be finishing up on the 4th", "we'll wrap up soon": ending one's own work, with nothing handed over.
  if (['finish', 'wrap', 'end'].includes(x.lemma) && s.toks[k + 1]?.lower === 'up' && !nounPhrase(s, k + 2)) return false;
  if (x.lemma === 'be' && ['finish', 'wrap', 'end'].includes(s.toks[k + 1]?.lemma ?? '') && s.toks[k + 2]?.lower === 'up' && !nounPhrase(s, k + 3)) return false;
  // ("We'll be looking for a new vendor": a search of one's own, not an act for the other side.)
  // ("Mia will be working from the Hamburg office": where one works, not work done for anyone.)
  const where = s.toks[k + 1]?.lemma === 'work' && ['from', 'at', 'in', 'remotely', 'remote', 'with', 'for', 'part-time', 'full-time'].includes(s.toks[k + 2]?.lower ?? '');
  if (x.lemma === 'be') return s.toks[k + 1]?.pos === 'VERB' && ACTS.has(s.toks[k + 1].lemma) && !where && !(s.toks[k + 1].lemma === 'look' && s.toks[k + 2]?.lower === 'for');
  // ("We'll have 40 new drivers starting in February": a number of people or things to come is a state, not a deed.)
  if (x.lemma === 'have' && (s.toks[k + 1]?.pos === 'NUM' || ['more', 'fewer', 'less', 'plenty', 'lots'].includes(s.toks[k + 1]?.lower ?? ''))) return false;
  if (/ (?:commit|promise) to $/.test(cue.m[0])) return true;
  if (seeToIt(s, k) !== undefined) return true;
  if (x.lemma === 'make' && s.toks[k + 1]?.lower !== 'sure') return false;
  if (x.lemma === 'keep' || (x.lemma === 'look' && s.toks[k + 1]?.lower === 'forward')) return false;
  // ("I'll take the feedback to our product team and come back to you with a timeline": the coordinated act may promise.)
  if (x.lemma === 'take' && s.toks[k + 1]?.lower === 'care') return true;
  // ("will have it deployed": the tagger reads that "have" as an auxiliary.)
  if (isAct(s, k, owner)) return true;
  // A coordinated act under the same modality: "I'll talk to procurement and send you the PO number".
  for (let j = k + 1; j < Math.min(s.toks.length, k + 10); j += 1) {
    if (['.', ';', '?', '!', 'if', 'once', 'unless', 'but'].includes(s.toks[j].lower)) break;
    // ("… and forward the lot to you": the tagger reads that "forward" as an adverb.)
    const fwd = s.toks[j + 1]?.lower === 'forward' && ['you', 'it', 'the', 'this', 'that', 'them', 'over', 'on'].includes(s.toks[j + 2]?.lower ?? '');
    if (s.toks[j].lower === 'and' && s.toks[j + 1] && s.toks[j + 1].lower === s.toks[j + 1].lemma && (fwd || isAct(s, j + 1, owner))) return true;
  }
  return false;
}

/** A known act, or (our side's) any act done to a thing; the account's other acts on its things are its own affairs unless sent our way. */
function isAct(s: Sent, k: number, owner: 'us' | 'them'): boolean {
  const x = s.toks[k];
  return ((x.pos === 'VERB' || x.pos === 'NOUN' || x.pos === 'ADJ' || (x.pos === 'AUX' && x.lemma === 'have' && s.toks[k + 1]?.pos !== 'VERB')) && (ACTS.has(x.lemma) || ACTS.has(baseAct(x.lemma))))
    || openAct(s, k, owner === 'them' && !yoursAfter(s, k) && !sharedThing(s, k));
}

/** The account's deed on "the" thing of the joint work ("clean up the duplicate records", "map the old codes"), not on its own
 * ("upgrade our laptops") and not one ending our use ("replace the scanners"). */
function sharedThing(s: Sent, k: number): boolean {
  let at = k + 1;
  while (['up', 'out', 'over', 'through', 'down', 'off'].includes(s.toks[at]?.lower ?? '')) at += 1;
  const lemma = baseAct(s.toks[k].lemma);
  return s.toks[at]?.lower === 'the' && !ENDING.has(s.toks[k].lemma) && !ENDING.has(lemma) && !TRYING.has(s.toks[k].lemma) && !TRYING.has(lemma);
}
/** Trying our product out is the account's evaluation, not a deed for us: "we'll trial the new scanner app". */
const TRYING = new Set(['trial', 'pilot', 'evaluate', 'assess', 'benchmark', 'compare', 'explore', 'demo', 'sample', 'vet']);

/** The account's deed on a thing of ours ("whitelist your IP ranges", "add your domain") is done for us, unless it ends our use. */
const ENDING = new Set(['replace', 'cancel', 'terminate', 'drop', 'stop', 'end', 'retire', 'remove', 'switch', 'phase', 'decommission', 'uninstall', 'disable', 'block', 'ditch', 'scrap', 'pause', 'suspend', 'downgrade', 'reduce', 'cut']);
function yoursAfter(s: Sent, k: number): boolean {
  // ("Fill in your questionnaire", "send back your form": a particle before the possessive.)
  const at = ['in', 'out', 'up', 'over', 'back', 'through'].includes(s.toks[k + 1]?.lower ?? '') ? k + 2 : k + 1;
  return s.toks[at]?.lower === 'your' && !ENDING.has(s.toks[k].lemma) && !ENDING.has(baseAct(s.toks[k].lemma));
}

/** `prior`: the person a sentence-initial he/she stands for, named in an earlier sentence ("Owen confirmed… He'll send the names Friday"). */
function promiseIn(s: Sent, u: Utterance, ctx: CommitmentContext, prior?: string, priorGroup?: GroupRef, taskTaken = false): Promised | undefined {
  // A question asks; a promise before it in its own clause ("I'll pull the logs tonight; could you…?") still stands.
  const asked = questionClauseStart(s);
  if (s.text.trim().endsWith('?') && asked < 0) return undefined;
  const side = sideOf(u);
  const line = ` ${s.toks.map((t) => t.lemma).join(' ')} `;
  // "You should receive it tomorrow" is a delivery said by the side that sends it, not a hedge.
  // ("The markup should reach you by Friday": an arrival said by the sender, likewise.)
  // ("Dmitri said he'd have the diagram back to us": reported speech backshifts will to would.)
  const hedged = HEDGE.test(line.replace(/ you should (?:have|get|receive|see|expect) /g, ' ').replace(/ (?:say|confirm|promise|mention|tell \S+|assure \S+) (?:that )?(?:he|she|they) would (?!have \S+ed )/g, ' ').replace(/ should (?:reach|arrive|land|hit|be with|be back (?:to|with)|be over (?:to|with)) (?:you|in your|with you|on your)/g, ' '));
  const found = (kind: Promised['kind'], cue: Hit | undefined, owner = side, who = u.speaker, explicitOnly = false): Promised | undefined => {
    if (!cue || !owner) return undefined;
    if (negated(s, cue.end) || negated(s, cue.start) || SELF_REFUSAL.test(` ${s.toks.slice(cue.start, cue.end + 3).map((t) => t.lemma).join(' ')} `)) return undefined;
    if (asked >= 0 && cue.start > asked) return undefined;
    if (conditionalOnOthers(s, owner, cue) || invertedCondition(s, cue.start)) return undefined;
    // "Send the form over and I'll get it signed": the answer to the other side's move, a promise only with a date to keep.
    // (The account's answer is its commitment with or without a date, by the corpus convention: "send it over and I'll get it signed".)
    if (imperativeCondition(s, cue.start) && owner === 'us') explicitOnly = true;
    // "… before we commit to the renewal", "until we send it": a subordinate clause states no promise of its own.
    if (SUBORDINATOR.has(s.toks[cue.start - 1]?.lower ?? '')) return undefined;
    if (reportedPast(s, cue)) return undefined;
    if (kind === 'self' && !actAfter(s, cue, owner)) return undefined;
    // The account committing to a thing ("we're committing to the platform") is a purchase, not a deliverable.
    if (owner === 'them' && / commit to $/.test(cue.m[0]) && s.toks[cue.end + 1]?.pos !== 'VERB') return undefined;
    // The account's plans for its own use ("we intend to add the Nordics team", "we'll roll it out to Berlin") deliver nothing to us.
    const act = s.toks.slice(cue.end + 1).find((x) => x.pos !== 'ADV');
    // (A thing of ours as the object is a deed done for us: "we'll add your domain to our allowlist".)
    // (Or us, or an address of ours: "we'll add you to the channel", "we will add ourco.com to the allowlist".)
    const forUs = act && (['your', 'you', 'us'].includes(s.toks[act.i + 1]?.lower ?? '') || /^[\w.-]+@?[\w-]+\.[a-z]{2,}$/i.test(s.toks[act.i + 1]?.text ?? ''));
    if (owner === 'them' && kind === 'self' && act && !forUs && ['add', 'extend', 'expand', 'onboard', 'roll', 'migrate', 'move', 'use', 'adopt', 'bring'].includes(act.lemma)) return undefined;
    // (Nor training or briefing its own people: "we will train our new drivers on the app".)
    if (owner === 'them' && act && ['train', 'coach', 'teach', 'educate', 'brief', 'upskill', 'hire', 'recruit', 'onboard'].includes(act.lemma) && s.toks[act.i + 1]?.lower === 'our') return undefined;
    return { owner, ...(who ? { who } : {}), explicitOnly, cue, kind };
  };
  if (ctx.actionItems) {
    const item = itemIn(s, ctx);
    if (item) return item;
    // Our note of what we promised: "Told Greta we'd send…", "Promised Raj the pricing sheet", "Agreed to share…",
    // "TODO: send the DPA", "Next step: we share the results on Monday".
    const todo = findAll(s, NOTED_TODO)[0];
    const verb = todo ? s.toks.find((x, n) => n >= todo.start && ACTS.has(x.lemma) && !['action', 'todo'].includes(x.lower)) : undefined;
    // ("Told him we'd know more after triage": a reported promise needs a deed, not a state of knowing.)
    const promised = findAll(s, NOTED_PROMISE).find((h) => !/ (?:would|will|go to) $/.test(h.m[0]) || isAct(s, h.end + 1, 'us') || s.toks[h.end + 1]?.lemma === 'be');
    const reported = promised ?? (todo && verb && verb.lower === verb.lemma ? todo : undefined);
    // ("Told Owen we won't be providing…": the negation sits inside the reported promise.)
    const refused = reported && s.toks.slice(reported.start, reported.end + 3).some((t) => negated(s, t.i));
    if (reported && !refused && !conditionalOnOthers(s, 'us', reported)) {
      // ("Promised Mia a walkthrough recording": the thing after the person promised it.)
      const to = s.toks[(promised?.end ?? 0) + 1];
      const given = promised && /^ (?:promise|owe) ?$/.test(promised.m[0]) && to && (to.pos === 'PROPN' || ['him', 'her', 'them'].includes(to.lower)) ? promised.end + 1 : undefined;
      const objectAt = !promised && verb ? verb.i + 1 : given;
      return { owner: 'us', explicitOnly: false, cue: reported, kind: 'item', ...(objectAt !== undefined ? { objectAt } : {}) };
    }
  }
  if ((hedged && !/ (?:i|we) will /.test(line)) || STRONG_HEDGE.test(line)) return undefined;
  // Every cue in the sentence, earliest first: "We owe you X, I'll chase…" is the debt, not the chasing.
  const cues: Array<[Promised['kind'], Hit | undefined]> = [];
  const self = findAll(s, SELF_SUBJECT)[0] ?? findAll(s, SELF_AND_WILL)[0];
  if (self && !/ (?:will|shall) (?:not|never) /.test(line.slice(0, 200))) cues.push(['self', self]);
  const bare = findAll(s, BARE_WILL)[0];
  // (A word set off by a comma is an address or an interjection, not a subject: "np, will push…", "Greta, will send…".)
  if (bare && !s.toks.slice(0, bare.end).some((t, n) => ['you', 'they', 'he', 'she', 'it'].includes(t.lower) || ((t.pos === 'PROPN' || t.pos === 'NOUN') && ![',', '-'].includes(s.toks[n + 1]?.text ?? '')))) cues.push(['self', bare]);
  cues.push(['you-have', findAll(s, YOU_WILL_HAVE)[0] ?? fromOurSide(s, side, ctx)], ['owe', owed(s)], ['self', findAll(s, RELY)[0]], ['on-it', findAll(s, ON_IT)[0]]);
  const named = namedSubject(s, side, ctx, prior, priorGroup);
  if (named) {
    // "Luca will look after the rollout", "Keiko will be your contact": a handover of a role, not a promise of a thing.
    const role = (lemma: string) => WEAK.has(lemma) || ['handle', 'own', 'cover', 'lead', 'manage', 'run', 'take'].includes(lemma);
    let act = s.toks.slice(named.cue.end + 1).find((x) => x.pos !== 'ADV' && x.lemma !== 'be');
    // ("They'll run the tests and share the numbers": the coordinated act hands something over.)
    const next = act && role(act.lemma) ? coordinatedAct(s, act.i, (at) => ACTS.has(s.toks[at].lemma) && !role(s.toks[at].lemma)) : undefined;
    if (next !== undefined) act = s.toks[next];
    const p = act && !role(act.lemma) ? found('self', named.cue, named.owner, named.who) : undefined;
    if (p && (!cues.some(([, c]) => c && c.start < named.cue.start))) return p;
  }
  const expect = findAll(s, EXPECT)[0];
  if (!hedged && side === 'us') cues.push(['ready', findAll(s, READY)[0]], ['you-have', expect && determined(s, expect.end + 1) ? expect : undefined]);
  if (!self) cues.push(['self', illTypo(s)], ['self', carriedSubject(s)]);
  // Their promise restated by us: "as discussed, you'll send over the signed DPA this week" (dated or agreed; "you'll need to…" asks).
  const restated = side === 'us' ? findAll(s, YOU_WILL_SEND)[0] : undefined;
  if (restated && (AGREED.test(line) || dueDateOf(s.text, new Date(0)).explicit)) {
    const p = found('self', restated, 'them', undefined);
    if (p && !cues.some(([, c]) => c && c.start < restated.start)) return p;
  }
  // A task handed to a colleague of the speaker's side: "I've asked Jordan to send you the checklist today".
  const handed = side ? delegated(s, side, ctx) : undefined;
  if (handed) cues.push(['self', handed]);
  // Taking a task on ("consider it done, the sandbox will be ready…") names nothing: any other cue first.
  const order = ([kind, c]: [Promised['kind'], Hit | undefined]) => (c?.start ?? 1e9) + (kind === 'on-it' ? 1e6 : 0);
  cues.sort((a, b) => order(a) - order(b));
  for (const [kind, cue] of cues) {
    const p = cue ? found(kind, cue) : undefined;
    if (p) return p;
  }
  // A promise said as a noun or a task taken as one's own: "my commitment to you is a written report", "what you'll get from us is…",
  // "getting the mapping fixed is our job".
  const relied = findAll(s, RELY_ON_THING)[0];
  const stated = !hedged && side ? statedPromise(s) ?? ourLabel(s) ?? pledged(s) ?? (relied ? { cue: relied, objectAt: relied.end + 1 } : undefined) : undefined;
  if (stated) {
    const p = found('ready', stated.cue);
    if (p) return { ...p, objectAt: stated.objectAt };
  }
  // The other side told what to expect from one of ours ("expect the paperwork from Mårten"), or their person as the receiver
  // of what we send ("Raj will see it in his inbox by 5").
  const isTheirs = (name: string) => Boolean(contactByName(name, ctx.contacts));
  const expected = !hedged && side ? expectFrom(s, (name) => (side === 'them' ? isTheirs(name) : !isTheirs(name))) ?? (side === 'us' ? recipientPromise(s, isTheirs) : undefined) : undefined;
  if (expected) {
    const p = found('ready', expected.cue);
    if (p) return { ...p, objectAt: expected.objectAt };
  }
  // The thing as subject: "the revised quote will be with you by Monday", "a refund will be processed".
  const thing = !hedged && side ? thingPromise(s, side) : undefined;
  if (thing) {
    const cue: Hit = { start: thing.at, end: thing.at, m: / will /.exec(' will ')! };
    // A release ("the fix will ship on Thursday") is a promise when it is dated; undated it may be a roadmap.
    const p = found('ready', cue, side, u.speaker, thing.kind === 'release' || thing.dated === true);
    if (p) return { ...p, objectAt: thing.subjectAt };
  }
  // A schedule of the speaker's side, dated: "ETA for the fix is Friday", "the signed SOW will follow by Friday".
  // (Not in our notes, where "PO to follow" may be the account's.)
  const scheduled = !hedged && side && !ctx.actionItems ? scheduledThing(s) : undefined;
  if (scheduled) {
    const p = found('ready', scheduled.cue, side, u.speaker, true);
    if (p) return { ...p, objectAt: scheduled.objectAt };
  }
  // A note's or chat's subjectless progressive with a date: "Pricing q's from Raj - sending revised tiers tmrw".
  const bareDoing = findAll(s, BARE_DOING).find((h) => HANDOVER.has(s.toks[h.end].lemma) && s.toks[h.end].lower.endsWith('ing'));
  if (bareDoing && !hedged) {
    const cue: Hit = { start: bareDoing.end, end: bareDoing.end, m: bareDoing.m };
    // "sending it over in 5", "sending the SOW shortly": a handover minutes away needs no date.
    const p = found('offer', cue, side, u.speaker, !SOON.test(line));
    if (p) return { ...p, objectAt: bareDoing.end + 1 };
  }
  // "ok I take care of the user list, you get it tomorrow": a plain present for the future, with a date (not a habit).
  const present = !hedged && !HABIT.test(line) ? presentForFuture(s) : undefined;
  if (present) {
    const p = found('offer', present.cue, side, u.speaker, true);
    if (p) return { ...p, ...(present.objectAt !== undefined ? { objectAt: present.objectAt } : {}) };
  }
  // "Next steps: she sends the success criteria by Friday": a named person's (or he/she's) plain present for the future, dated.
  const theirs = !hedged && side && !HABIT.test(line) ? personPresent(s, side, ctx, prior) : undefined;
  if (theirs) {
    const p = found('offer', theirs.cue, theirs.owner, theirs.who, true);
    if (p) return { ...p, objectAt: theirs.objectAt };
  }
  const doing = findAll(s, SELF_DOING).find((h) => {
    const v = s.toks[h.end + 1];
    const reason = s.toks.slice(0, h.start).some((x) => ['since', 'because', 'as', 'while', 'when', 'if'].includes(x.lower));
    // ("I'm taking care of the billing correction today": a task in hand, dated.)
    const caring = v?.lemma === 'take' && s.toks[h.end + 2]?.lower === 'care';
    return v && v.pos === 'VERB' && v.lower.endsWith('ing') && (HANDOVER.has(v.lemma) || caring) && !reason;
  });
  if (doing && !hedged) { const p = found('self', doing, side, u.speaker, true); if (p) return p; }
  // "You'll get the file on Friday" from the side that delivers: a promise when a date is said.
  // (From the account only for its own thing: "you'll have our answer by Friday", "you can expect my comments on the 15th".)
  const got = !hedged && side ? findAll(s, YOU_WILL_GET)[0] ?? (side === 'them' ? findAll(s, EXPECT)[0] : undefined) : undefined;
  // ("On it. You'll have the depot codes before lunch": after taking the task, the thing is theirs to deliver.)
  const dated = got && (side === 'us' || taskTaken || ['our', 'my'].includes(s.toks[got.end + 1]?.lower ?? '')) ? got : undefined;
  if (dated) { const p = found('you-have', dated, side, u.speaker, true); if (p) return p; }
  // "Redlines back to you by the 18th", "sandbox creds coming your way thurs": the thing sent toward the reader, dated.
  const sent = side ? verblessHandover(s, Boolean(ctx.actionItems)) : undefined;
  if (sent) {
    const p = found('ready', { start: sent.end + 1, end: sent.end + 1, m: WILL_CUE }, side, u.speaker, true);
    if (p) return { ...p, objectAt: sent.start };
  }
  // (The first offer not negated: "I can't give you a date for X, but Y I can promise for Wednesday".)
  const offer = findAll(s, OFFER).find((h) => !negated(s, h.end) && !negated(s, h.start) && !['not', "n't", 'never'].includes(s.toks[h.end + 1]?.lower ?? ''));
  // "Let's…" is a suggestion to both sides, "so we can…" a purpose: neither is an offer.
  const letUs = offer && s.toks[offer.start + 1]?.text.startsWith("'");
  const purpose = offer && ['so', 'that'].includes(s.toks[offer.start - 1]?.lower ?? '');
  if (offer && !hedged && !letUs && !purpose) return found('offer', offer, side, u.speaker, true);
  return undefined;
}

/** Soon enough to need no date: "in 5", "shortly", "in a bit", "right away". */
const SOON = / (?:in (?:\d+|five|ten|a (?:sec|second|minute|min|bit|moment|few|couple))|shortly|right away|straight away|asap|later today|after lunch) /;
/** A plain present that states a habit, not a plan: "we send the digest every Monday". */
const HABIT = / (?:every|each|always|usually|normally|typically|generally|often|regularly) /;
const WILL_CUE = / will /.exec(' will ')!;

/** "I take care of X", "we send you X" (a plain present, no modal) at a clause's start: the deed's verb. */
function presentForFuture(s: Sent): { cue: Hit; objectAt?: number } | undefined {
  const t = s.toks;
  for (let k = 0; k + 1 < t.length; k += 1) {
    if (!['i', 'we'].includes(t[k].lower) || (k > 0 && !['PUNCT', 'INTJ', 'CCONJ'].includes(t[k - 1].pos) && t[k - 1].lower !== 'ok')) continue;
    // ("we (Lee) deliver…": who of us, in brackets.)
    if (t[k + 1]?.text === '(' && t[k + 3]?.text === ')') k += 3;
    const v = t[k + 1];
    if (v.lower !== v.lemma || !(v.pos === 'VERB' || v.pos === 'NOUN')) continue;
    if (v.lemma === 'take' && t[k + 2]?.lower === 'care' && t[k + 3]?.lower === 'of') return { cue: { start: k, end: k + 3, m: WILL_CUE }, objectAt: k + 4 };
    // ("I write to say goodbye": a purpose, nothing handed over.)
    if (HANDOVER.has(v.lemma) && v.lemma !== 'get' && v.lemma !== 'put' && t[k + 2]?.lower !== 'to') return { cue: { start: k, end: k, m: WILL_CUE } };
  }
  return undefined;
}

/** "Priya sends the criteria by Friday", "…: she sends…" at a clause's start: the person, their side and the thing. */
function personPresent(s: Sent, side: 'us' | 'them', ctx: CommitmentContext, prior?: string): { cue: Hit; owner: 'us' | 'them'; who: string; objectAt: number } | undefined {
  const t = s.toks;
  const names = nameSpans(s).filter((n) => !NOT_A_NAME.has(n.name.toLowerCase()));
  for (let k = 0; k < t.length; k += 1) {
    if (k > 0 && !['PUNCT', 'CCONJ', 'INTJ'].includes(t[k - 1].pos)) continue;
    const n = names.find((x) => x.start === k);
    const who = n?.name ?? (['he', 'she'].includes(t[k].lower) ? [...names].reverse().find((x) => x.end < k)?.name ?? (k === 0 ? prior : undefined) : undefined);
    const end = n ? n.end : k;
    const v = t[end + 1];
    if (!who || !v || v.pos !== 'VERB' || !HANDOVER.has(v.lemma) || ['get', 'put'].includes(v.lemma) || ![`${v.lemma}s`, `${v.lemma}es`].includes(v.lower)) continue;
    const np = thingPhrase(s, end + 2);
    if (!np || np.pronoun || isPerson(s, np.end)) continue;
    const owner = sideOfName(who, side, ctx);
    const contact = contactByName(who, ctx.contacts);
    return { cue: { start: end + 1, end: end + 1, m: WILL_CUE }, owner, who: contact?.name ?? who, objectAt: end + 2 };
  }
  return undefined;
}

/** "ill sign it tonight": I'll typed without its apostrophe, at a clause's start before an act. */
function illTypo(s: Sent): Hit | undefined {
  const k = s.toks.findIndex((x, n) => x.text.toLowerCase() === 'ill' && (n === 0 || ['PUNCT', 'CCONJ', 'INTJ'].includes(s.toks[n - 1].pos)) && ACTS.has(s.toks[n + 1]?.lemma ?? ''));
  return k >= 0 ? { start: k, end: k, m: WILL_CUE } : undefined;
}

/** A list of our own open items under a label: "Still on our list: X", "Pending on our side: X", "Our action: send X". */
const OUR_LABEL = /^ (?:(?:ok|okay|right|alright|so|sure) (?:, )?)?(?:still )?(?:on (?:our|my) (?:list|plate|side)(?: for (?:today|tomorrow|this week|monday|tuesday|wednesday|thursday|friday))?|pending (?:on|from) (?:our side|us)|outstanding (?:on our side|from us)|(?:our|my) (?:action|action item|next step|to-do|todo)s?|(?:action|action item|next step)s? (?:on|for) (?:us|me|our side)) (?=[:-] )/;
function ourLabel(s: Sent): { cue: Hit; objectAt: number } | undefined {
  const hit = findAll(s, OUR_LABEL)[0];
  if (!hit) return undefined;
  let at = hit.end + 2;
  if (s.toks[at] && ARTIFACT.has(s.toks[at].lemma) && s.toks[at].lower === s.toks[at].lemma) at += 1;
  return nounPhrase(s, at) ? { cue: { start: hit.end, end: hit.end, m: WILL_CUE }, objectAt: at } : undefined;
}

/** A promise said as a noun ("my commitment to you is a report", "our promise: …"), a pseudo-cleft ("what you'll get from
 * us is X", "what we'll send is X") or a task owned ("getting X fixed is our job", "it's on us to fix X"): where the thing starts. */
function statedPromise(s: Sent): { cue: Hit; objectAt: number } | undefined {
  const t = s.toks;
  const lemma = (k: number) => t[k]?.lemma ?? '';
  for (let k = 1; k < t.length; k += 1) {
    if (lemma(k) !== 'be' || ['was', 'were', 'been'].includes(t[k].lower) || t[k].neg || t[k + 1]?.neg) continue;
    const before = t.slice(0, k).map((x) => x.lemma);
    const subj = ` ${before.join(' ')} `;
    let objectAt: number | undefined;
    const after = t[k + 1]?.lower === 'to' && t[k + 2]?.pos === 'VERB' ? k + 3 : k + 1;
    if (/ (?:my|our) (?:\S+ )?(?:commitment|promise|undertaking|pledge)(?: to \S+(?: \S+)?)? $/.test(subj)) objectAt = after;
    // "Our plan is to send you the draft", "the next step on our side is to share…": a plan with an act of handing over.
    else if (/(?:^ | (?:my|our|the) )(?:plan|intention|next step|action)(?: on our side| for us)? $/.test(subj) && after === k + 3 && ARTIFACT.has(lemma(k + 2)) && !WEAK.has(lemma(k + 2))) objectAt = after;
    // "My plan is to loop in our data team and send you the mapping": the act of handing over after the arrangement.
    else if (/(?:^ | (?:my|our|the) )(?:plan|intention|next step)(?: on our side| for us)? $/.test(subj) && after === k + 3) {
      const and = t.findIndex((x, n) => n > k + 2 && n < k + 10 && x.lower === 'and' && ARTIFACT.has(lemma(n + 1)) && !WEAK.has(lemma(n + 1)));
      if (and > 0) objectAt = and + 2;
    }
    else if (/ what (?:you will (?:get|receive|have|see) (?:from (?:me|us) )?|(?:i|we) will (?:send|deliver|give you|provide|share|get you) |(?:i|we) (?:can )?(?:commit to|promise) )(?:\S+ ){0,4}$/.test(subj)) objectAt = after;
    else if ((t[k + 1]?.lower === 'on' && ['us', 'me'].includes(t[k + 2]?.lower ?? '')) || (['our', 'my'].includes(t[k + 1]?.lower ?? '') && ['job', 'responsibility', 'task', 'action', 'homework'].includes(lemma(k + 2)))) {
      const end = t[k + 1].lower === 'on' ? k + 2 : k + 2;
      // "It's on us to fix the mapping": the task after; "Getting the mapping fixed is on us": the gerund's object before.
      if (t[end + 1]?.lower === 'to' && t[end + 2]?.pos === 'VERB') objectAt = end + 3;
      else {
        const g = t.findIndex((x, n) => n < k && x.pos === 'VERB' && x.lower.endsWith('ing'));
        if (g >= 0 && (g === 0 || ['PUNCT', 'CCONJ', 'INTJ'].includes(t[g - 1].pos))) objectAt = g + 1;
      }
    }
    if (objectAt !== undefined && nounPhrase(s, objectAt)) return { cue: { start: k, end: k, m: WILL_CUE }, objectAt };
  }
  return undefined;
}

const SUBORDINATOR = new Set(['before', 'until', 'till', 'after', 'when', 'while', 'since', 'because', 'unless', 'whether', 'once', 'as']);
/** A subjectless handover in progress at the start of a clause: "- sending revised tiers tomorrow". */
const BARE_DOING = /(?:^|[-:;,]) \S+(?= )/;

/** "We committed to X last quarter and met it", "I was going to ask": a promise told as past, not open. */
function reportedPast(s: Sent, cue: Hit): boolean {
  const span = s.toks.slice(cue.start, cue.end + 1);
  if (span.some((t) => t.lower === 'was' || t.lower === 'were') && span.some((t) => t.lemma === 'go')) return true;
  const pastCue = span.some((t) => ['commit', 'promise', 'agree', 'plan', 'intend', 'aim', 'undertake'].includes(t.lemma) && t.lower.endsWith('ed'));
  if (!pastCue) return false;
  // "The fix we committed to was deployed": a relative clause, its verb's object named before it, the main verb after.
  const next = s.toks[cue.end + 1];
  if (next && (next.pos === 'AUX' || (next.pos === 'VERB' && next.lower !== next.lemma && !next.lower.endsWith('ing')))) return true;
  if (PAST_TIME.test(` ${s.toks.map((t) => t.lemma).join(' ')} `)) return true;
  // "We planned to ship it today but QA found a regression": the plan told as past, then taken back.
  if (s.toks.some((t, k) => k > cue.end && ['but', 'however', 'unfortunately'].includes(t.lower))) return true;
  // "… and we met it": the deed done in the same breath.
  return s.toks.some((t, k) => k > cue.end && t.lower === 'and' && ['we', 'i'].includes(s.toks[k + 1]?.lower ?? '') && s.toks[k + 2]?.pos === 'VERB' && s.toks[k + 2].lower !== s.toks[k + 2].lemma && !s.toks[k + 2].lower.endsWith('ing'));
}

/** "Will", "is going to", "plans to" right after a person, in any register. */
const NAMED_MODAL = new RegExp(`^ ${MODAL} `);

/**
 * A named person as the subject of a promise in a message or a call ("Nnamdi will send you the SOW tomorrow",
 * "Mårten is going to return the signed form"): the account's when the name is one of its contacts, else the
 * side of whoever says it (one speaks of one's own colleagues by first name).
 */
function namedSubject(s: Sent, side: 'us' | 'them' | undefined, ctx: CommitmentContext, prior?: string, priorGroup?: GroupRef): { cue: Hit; owner: 'us' | 'them'; who: string } | undefined {
  if (!side) return undefined;
  for (const n of nameSpans(s)) {
    if (NOT_A_NAME.has(n.name.toLowerCase())) continue;
    // The name is the clause's subject: first in the sentence or after a clause break, and not someone's possession ("Raj's team").
    const prev = s.toks[n.start - 1];
    if (prev && ![',', ';', ':', 'and', 'so', 'but', '-', '–'].includes(prev.text.toLowerCase())) continue;
    // ("Owen's team will map…": the person's own people as the subject.)
    const team = s.toks[n.end + 1]?.text === "'s" && PEOPLE_WORD.test(s.toks[n.end + 2]?.lower ?? '') ? 2 : 0;
    const rest = s.toks.slice(n.end + 1 + team, n.end + 5 + team);
    const tail = ` ${rest.map((t) => t.lemma).join(' ')} `;
    const m = NAMED_MODAL.exec(tail);
    if (!m) continue;
    const len = m[0].trim().split(' ').length;
    const cue: Hit = { start: n.end + 1 + team, end: n.end + team + len, m: m as unknown as RegExpExecArray };
    const contact = contactByName(n.name, ctx.contacts) ?? n.name.split(' ').map((w) => contactByName(w, ctx.contacts)).find(Boolean);
    return { cue, owner: contact ? 'them' : side, who: contact?.name ?? n.name };
  }
  return pronounSubject(s, side, ctx, prior, priorGroup);
}

/** "Looping in Nnamdi from billing, he'll send the statement": he/she standing for the person named just before. */
function pronounSubject(s: Sent, side: 'us' | 'them', ctx: CommitmentContext, prior?: string, priorGroup?: GroupRef): { cue: Hit; owner: 'us' | 'them'; who: string } | undefined {
  const names = nameSpans(s).filter((n) => !NOT_A_NAME.has(n.name.toLowerCase()));
  for (const [k, x] of s.toks.entries()) {
    // "she'll…", "her team will…" after a person named before; "they'll…" after a group of the speaker's own ("our data team").
    const group = ['his', 'her', 'their'].includes(x.lower) && PEOPLE_WORD.test(s.toks[k + 1]?.lower ?? '') ? 1 : 0;
    // ("Looping in Halvard, who will share the spec": a relative "who" right after the name.)
    const who = x.lower === 'who' && s.toks[k - 1]?.text === ',' && names.some((n) => n.end === k - 2);
    if (!['he', 'she', 'they'].includes(x.lower) && !group && !who) continue;
    const plural = x.lower === 'they' || x.lower === 'their';
    const grp = plural ? groupBefore(s, k, side, PEOPLE_WORD, (name) => sideOfName(name, side, ctx)) ?? (k === 0 ? priorGroup : undefined) : undefined;
    const ours = grp?.owner === side && !grp.who;
    const named = [...names].reverse().find((n) => n.end < k) ?? (prior && k === 0 && ['he', 'she'].includes(x.lower) ? { name: prior, start: -1, end: -1 } : undefined);
    if (plural ? !grp : !named) continue;
    // The pronoun opens a clause, or reports what the person said ("Tomasz confirmed on the call he'll open the port").
    const reported = named && s.toks.slice(named.end + 1, k).some((t) => REPORTING.has(t.lemma));
    if (k > 0 && ![',', ';', ':', 'and', 'so', '-', '–'].includes(s.toks[k - 1].lower) && !reported) continue;
    const after = ` ${s.toks.slice(k + 1 + group, k + 5 + group).map((t) => t.lemma).join(' ')} `;
    // (Reported speech backshifts the modal: "Dmitri said he'd have the diagram back to us".)
    // (A backshifted "would" under a condition is a hypothetical: "he'd have it cleared if the trial had gone better".)
    const hypothetical = conditionAfter(s, k) || s.toks.slice(k).some((t) => ['if', 'unless'].includes(t.lower));
    const m = NAMED_MODAL.exec(after) ?? (reported && !hypothetical ? /^ would /.exec(after) : null);
    if (!m) continue;
    // Only a thing handed over or worked on: "she'll send the statement", not "he'll have less time", "she'll reply after lunch".
    let v = k + group + m[0].trim().split(' ').length + 1;
    const owner: 'us' | 'them' = grp ? grp.owner : !named ? side : (contactByName(named.name, ctx.contacts) ?? named.name.split(' ').map((w) => contactByName(w, ctx.contacts)).find(Boolean)) ? 'them' : side;
    const deedAt = (at: number) => {
      const lemma = s.toks[at]?.lemma ?? '';
      // ("He'll get us API keys": get/give to the reader is a delivery.)
      const toReader = ['get', 'give'].includes(lemma) && ['us', 'you', 'me'].includes(s.toks[at + 1]?.lower ?? '');
      return (ACTS.has(lemma) && !WEAK.has(lemma) && !OWN_DOING.has(lemma)) || toReader || openAct(s, at, owner === 'them') || causedDelivery(s, at);
    };
    // "They'll run them next week and share the numbers": the act that hands something over may be the coordinated one.
    if (!deedAt(v)) v = coordinatedAct(s, v, deedAt) ?? v;
    const deed = deedAt(v);
    let at = v + 1;
    while (['up', 'out', 'over', 'back', 'across'].includes(s.toks[at]?.lower ?? '')) at += 1;
    const object = deed ? thingPhrase(s, at) : undefined;
    if (!object || object.pronoun || isPerson(s, object.end)) continue;
    const contact = named && !grp ? contactByName(named.name, ctx.contacts) ?? named.name.split(' ').map((w) => contactByName(w, ctx.contacts)).find(Boolean) : undefined;
    const whoOf = grp ? contactByName(grp.who, ctx.contacts)?.name ?? grp.who ?? '' : contact?.name ?? named!.name;
    return { cue: { start: k + 1 + group, end: k + group + m[0].trim().split(' ').length, m: m as unknown as RegExpExecArray }, owner, who: ours ? '' : whoOf };
  }
  return undefined;
}

/** Acts in the list that, said of a third person or group, are as often their own doing as a deed for the reader. */
const OWN_DOING = new Set(['have', 'get', 'make', 'give', 'run', 'set', 'turn', 'work', 'find', 'figure']);

/** "You'll get the signed forms from Mårten", "…from procurement": from a person or department of the speaker's side. */
function fromOurSide(s: Sent, side: 'us' | 'them' | undefined, ctx: CommitmentContext): Hit | undefined {
  const hit = findAll(s, / you will (?:have|get|receive|see) (?!to )/)[0];
  if (!hit || !side) return undefined;
  const from = s.toks.findIndex((t, k) => k > hit.end + 1 && t.lower === 'from');
  const who = s.toks[from + 1];
  if (from < 0 || !who || !nounPhrase(s, hit.end + 1)) return undefined;
  const dept = ['procurement', 'legal', 'finance', 'accounts', 'billing', 'security', 'engineering', 'support'].includes(who.lower);
  const name = who.pos === 'PROPN' && who.cap && !dept;
  if (!dept && !name) return undefined;
  const theirs = name && Boolean(contactByName(who.text, ctx.contacts));
  return dept || (side === 'them') === theirs ? hit : undefined;
}

/** Gratitude and apologies are owed, not delivered: "we owe you a lot", "we owe you an apology", "we owe our success to…". */
const OWED_THANKS = new Set(['lot', 'apology', 'thanks', 'thank', 'gratitude', 'debt', 'favour', 'favor', 'beer', 'drink', 'coffee', 'lunch', 'dinner', 'one', 'success', 'everything', 'much']);
const OWED_THANKS_RE = new RegExp(` (?:${[...OWED_THANKS].join('|')}) `);
function owed(s: Sent): Hit | undefined {
  const hit = findAll(s, OWE)[0];
  if (!hit) return undefined;
  let at = hit.end + 1;
  if (['you', 'them', 'him', 'her', 'us'].includes(s.toks[at]?.lower ?? '') || (s.toks[at]?.pos === 'PROPN' && s.toks[at + 1]?.pos !== 'NOUN')) at += 1;
  const np = nounPhrase(s, at);
  if (!np) return hit;
  const cut = s.toks.findIndex((t, n) => n > np.start && n <= np.end && t.pos === 'ADP');
  const head = s.toks[cut > 0 ? cut - 1 : np.end];
  if (OWED_THANKS.has(head.lemma) || s.toks[np.end + 1]?.lower === 'to') return undefined;
  return hit;
}

/** "have/get X configured", "have X back to us", "get X over to you": a thing made ready or sent, by have/get at v. */
function causedDelivery(s: Sent, v: number): boolean {
  const t = s.toks;
  if (!['have', 'get'].includes(t[v]?.lemma ?? '')) return false;
  const np = thingPhrase(s, v + 1);
  if (!np || np.pronoun || isPerson(s, np.end)) return false;
  const n = t[np.end + 1];
  if (!n) return false;
  const done = (n.pos === 'VERB' || n.pos === 'ADJ') && /(?:ed|en|up|done|set)$/.test(n.lower) && n.lower !== n.lemma || (n.pos === 'ADJ' && n.lower.endsWith('ed'));
  const sent = ['back', 'over', 'across'].includes(n.lower) || (n.lower === 'to' && ['you', 'us'].includes(t[np.end + 2]?.lower ?? ''));
  // "Have a corrected file ready for you": made ready for the other side.
  const ready = ['ready', 'available'].includes(n.lower);
  return done || sent || ready;
}

/** The person a sentence-initial he/she stands for, named in a sentence before (a contact or a name). */
function personBefore(sents: Sent[], si: number, ctx: CommitmentContext): string | undefined {
  const first = sents[si].toks[0];
  if (si === 0 || !first || !['he', 'she'].includes(first.lower)) return undefined;
  const r = antecedentOf(sents, si, 0, { people: ctx.contacts.map((c) => c.name ?? '').filter(Boolean) });
  return r && (r.kind === 'person' || r.kind === 'name') && nameSpans(sents[r.sent]).some((n) => n.start === r.start) ? r.text : undefined;
}

/** The account's "you'll have/get them" whose pronoun points back to a thing of its own ("our redlines", "my comments"). */
const YOU_GET_PRONOUN = / you (?:will|shall) (?:have|get|receive|see) (?:it|them|those|these) /;
function yoursPointedBack(sents: Sent[], si: number): Promised | undefined {
  const s = sents[si];
  const cue = findAll(s, YOU_GET_PRONOUN)[0];
  if (!cue || negated(s, cue.end) || questionClauseStart(s) >= 0 || s.text.trim().endsWith('?')) return undefined;
  // (The reference resolver reads nouns only; "our redlines" may be tagged a verb after its possessive, so the subject before is read too.)
  const prev = sents[si - 1];
  const head = prev?.toks.findIndex((t, k) => ['our', 'my'].includes(t.lower) && (k === 0 || prev.toks[k - 1].pos === 'PUNCT'));
  const subject = prev && head !== undefined && head >= 0 ? nounPhrase(prev, head) : undefined;
  const own = antecedentOf(sents, si, cue.end, { reject: (r) => !/^(?:our|my)\b/i.test(r.text) })?.text ?? subject?.text;
  if (!own || conditionalOnOthers(s, 'them', cue)) return undefined;
  return { owner: 'them', explicitOnly: false, cue, kind: 'ready', resolved: own };
}

/** Verbs that report what someone said they would do. */
const REPORTING = new Set(['confirm', 'say', 'promise', 'tell', 'mention', 'agree', 'assure', 'reckon', 'note', 'write', 'reply', 'explain', 'report']);

/** The side a named person is on: the account's for its contacts, else the speaker's (one names one's own colleagues). */
function sideOfName(name: string, speaker: 'us' | 'them', ctx: CommitmentContext): 'us' | 'them' {
  return contactByName(name, ctx.contacts) ?? name.split(' ').map((w) => contactByName(w, ctx.contacts)).find(Boolean) ? 'them' : speaker;
}

/** The verb of "… and <act>" after token v in the same clause, when `deed` accepts it. */
function coordinatedAct(s: Sent, v: number, deed: (at: number) => boolean): number | undefined {
  for (let j = v + 1; j < Math.min(s.toks.length, v + 10); j += 1) {
    const w = s.toks[j].lower;
    if (['.', ';', '?', '!', 'if', 'once', 'unless', 'but'].includes(w)) return undefined;
    const next = s.toks[j + 1];
    if (w === 'and' && next && next.lower === next.lemma && deed(j + 1)) return j + 1;
  }
  return undefined;
}

const NOT_A_NAME = new Set(['action', 'next', 'steps', 'step', 'todo', 'to-do', 'owner', 'follow-up', 'followup', 'items', 'item', 'we', 'i']);

const INITIALS = /^\p{Lu}{2,3}$/u;
const initialsOf = (name: string) => name.split(/\s+/).map((w) => w[0] ?? '').join('').toUpperCase();
/** The token a clause's subject would sit at: i itself when only a label ("AI:", "Next step -") or nothing precedes it. */
function clauseHead(s: Sent, i: number): number {
  const prev = s.toks[i - 1];
  return !prev || ['PUNCT', 'SYM'].includes(prev.pos) ? i : -1;
}

/** In our notes, "Dana will send…", "Sam to share…": owned by whoever is named (a contact is theirs). */
function itemIn(s: Sent, ctx: CommitmentContext): Promised | undefined {
  const names = nameSpans(s).filter((n) => !NOT_A_NAME.has(n.name.toLowerCase()));
  // "Sam to follow up…": a capitalised first word right before the item's verb is a name even if it is also a word.
  const t0 = s.toks[0];
  if (t0 && t0.cap && t0.pos === 'PROPN' && !names.some((n) => n.start === 0) && !NOT_A_NAME.has(t0.lower)) names.unshift({ name: t0.text, start: 0, end: 0 });
  for (const hit of findAll(s, ACTION_ITEM)) {
    const n = names.find((x) => x.end === hit.start - 1);
    const subject = s.toks[hit.start - 1];
    const they = subject && ['they', 'customer', 'client'].includes(subject.lower);
    // "Me to send…", "Us to confirm…" in our notes; "JE to draft the SOW": a colleague's initials.
    const self = subject && (['me', 'us', 'we', 'i'].includes(subject.lower) || INITIALS.test(subject.text)) && hit.start - 1 === clauseHead(s, hit.start - 1);
    if (!n && !they && !self) continue;
    if (negated(s, hit.start) || negated(s, hit.end)) continue;
    const verb = s.toks[hit.end + 1];
    // ("Greta owes us the signed DPA": after "owe" comes who is owed, not a verb.)
    if (!verb || (!['VERB', 'NOUN', 'PROPN', 'ADV'].includes(verb.pos) && !/ owe $/.test(hit.m[0]))) continue;
    // "Raj to mull it over": a deliberation, nothing to deliver.
    if (deliberation(verb.lemma)) continue;
    // "Dmitri will stand in for Owen": a deed is an act on a thing ("they'll run it off the Madrid workspace" is their own affair).
    const act = (k: number) => ACTS.has(s.toks[k].lemma) || ACTS.has(baseAct(s.toks[k].lemma));
    // ("Lee owes Greta the timeline": the debt names the thing itself.)
    const owes = / owe $/.test(hit.m[0]);
    // ("Owen owes me a coffee": gratitude and treats are owed, not delivered.)
    if (owes && owed(s) === undefined && OWED_THANKS_RE.test(` ${s.toks.slice(hit.end + 1, hit.end + 5).map((x) => x.lemma).join(' ')} `)) continue;
    if (!owes && !act(hit.end + 1) && !openAct(s, hit.end + 1, Boolean(they))) continue;
    if (they && (OWN_DOING.has(verb.lemma) || WEAK.has(verb.lemma)) && !openAct(s, hit.end + 1, true)) continue;
    // "PO to follow": a thing still to come, not a person's action item.
    if (self && verb.lemma === 'follow' && s.toks[hit.end + 2]?.lower !== 'up') continue;
    if (they) return { owner: 'them', explicitOnly: false, cue: hit, kind: 'item' };
    if (!n) {
      const contact = ctx.contacts.find((c) => initialsOf(c.name ?? '') === subject.text);
      return { owner: contact ? 'them' : 'us', ...(contact?.name ? { who: contact.name } : {}), explicitOnly: false, cue: hit, kind: 'item' };
    }
    const contact = contactByName(n!.name, ctx.contacts) ?? n!.name.split(' ').map((w) => contactByName(w, ctx.contacts)).find(Boolean);
    return { owner: contact ? 'them' : 'us', who: contact?.name ?? n!.name, explicitOnly: false, cue: hit, kind: 'item' };
  }
  return labelledItem(s, names, ctx);
}

/** "Halvard -> book the debrief", "AI Sam: share the deck": a named owner, an arrow or a label's colon, then the act (our notes).
 * A contact's name before a bare colon may be a quote of what they said ("Raj: send us the PO"), so only after an action label. */
function labelledItem(s: Sent, names: ReturnType<typeof nameSpans>, ctx: CommitmentContext): Promised | undefined {
  const t = s.toks;
  // "Me: send pricing options to Raj": the note's writer labelled as the owner.
  if (['me', 'us'].includes(t[0]?.lower ?? '') && t[1]?.text === ':' && t[2] && t[2].lower === t[2].lemma && ACTS.has(t[2].lemma) && !WEAK.has(t[2].lemma)) {
    return { owner: 'us', explicitOnly: false, cue: { start: 1, end: 1, m: WILL_CUE }, kind: 'item', objectAt: 3 };
  }
  for (const n of names) {
    const arrow = t[n.end + 1]?.text === '-' && t[n.end + 2]?.text === '>';
    const colon = t[n.end + 1]?.text === ':';
    const labelled = n.start > 0 && ['ai', 'action', 'todo', 'owner'].includes(t[n.start - 1].lower);
    const contact = contactByName(n.name, ctx.contacts) ?? n.name.split(' ').map((w) => contactByName(w, ctx.contacts)).find(Boolean);
    // ("Raj: will send signed renewal by 15th": what a contact said they will do, quoted in our note.)
    const quotedWill = colon && contact && t[n.end + 2]?.lemma === 'will';
    if (!arrow && !(colon && (labelled || !contact)) && !quotedWill) continue;
    const v = n.end + (arrow ? 3 : 2) + (quotedWill ? 1 : 0);
    const verb = t[v];
    if (!verb || verb.lower !== verb.lemma || !ACTS.has(verb.lemma) || WEAK.has(verb.lemma) || negated(s, v)) continue;
    return { owner: contact ? 'them' : 'us', who: contact?.name ?? n.name, explicitOnly: false, cue: { start: v - 1, end: v - 1, m: WILL_CUE }, kind: 'item', objectAt: v + 1 };
  }
  return undefined;
}

/** What is promised: the object of the act after the modality ("the API rate limit documentation"). */
function deliverableOf(s: Sent, p: Promised): { text: string; pronoun: boolean } | undefined {
  const t = s.toks;
  if (p.objectAt !== undefined) {
    let at = p.objectAt;
    while (at < t.length && ['over', 'up', 'back', 'out', 'in', 'on'].includes(t[at].lower)) at += 1;
    // (A plural head opening a verbless line reads as a verb: "redlines back to you…".)
    const np = thingPhrase(s, at) ?? (t[at]?.pos === 'VERB' && p.kind === 'ready' ? { text: t[at].text, start: at, end: at, pronoun: false } : undefined);
    if (np) return withTopic(s, np);
  }
  // "will do - usage report to u by eod thurs": the task taken, then the thing on its way in the same line.
  const handed = p.kind === 'on-it' ? verblessHandover(s) : undefined;
  if (handed) return { text: s.toks.slice(handed.start, handed.end + 1).map((x) => x.text).join(' '), pronoun: false };
  if (p.kind === 'ready') {
    const np = thingPhrase(s, p.cue.start);
    return np ? withTopic(s, np) : undefined;
  }
  const from = p.cue.end + 1;
  const candidates: Array<{ text: string; pronoun: boolean; strong: boolean; end?: number; person?: boolean }> = [];
  // "I'm committing to a root cause analysis": the modality's own object.
  if (/ (?:commit|promise) to $/.test(p.cue.m[0]) && t[from] && t[from].pos !== 'VERB') {
    const np = thingPhrase(s, from);
    if (np) candidates.push({ text: np.text, pronoun: np.pronoun, strong: true, end: np.end });
  }
  const start = p.kind === 'owe' || t[p.cue.end]?.lemma === 'expect' ? p.cue.end : p.kind === 'you-have' ? t.findIndex((x, n) => n > p.cue.start && x.pos === 'VERB') : from;
  for (let k = Math.max(0, start); k < t.length; k += 1) {
    const x = t[k];
    if (['.', ';', '?', '!'].includes(x.text) || (x.lower === 'if' || x.lower === 'once' || x.lower === 'unless')) break;
    // "I'll see to it that the integration is re-enabled": the that-clause's subject.
    const that = x.lemma === 'see' ? seeToIt(s, k) : undefined;
    const seen = that !== undefined ? thingPhrase(s, that) : undefined;
    if (seen && !seen.pronoun) { candidates.push({ text: seen.text, pronoun: false, strong: true, end: seen.end }); break; }
    if (x.lemma === 'make' && t[k + 1]?.lower === 'sure') {
      // "Make sure the updated contract reaches you": a thing as the clause's subject is what is promised.
      const subj = thingPhrase(s, t[k + 2]?.lower === 'that' ? k + 3 : k + 2);
      if (subj && !subj.pronoun && !isPerson(s, subj.end) && ['VERB', 'AUX'].includes(t[subj.end + 1]?.pos ?? '')) { candidates.push({ text: subj.text, pronoun: false, strong: true, end: subj.end }); break; }
      const rest = t.slice(k + 2).filter((y) => !['that'].includes(y.lower));
      const cut = rest.findIndex((y) => ['on', 'by', 'before', 'this', 'next', 'today', 'tomorrow', '.', ','].includes(y.lower));
      const words = (cut < 0 ? rest : rest.slice(0, cut)).map((y) => y.text);
      if (words.length) candidates.push({ text: words.join(' '), pronoun: false, strong: true });
      break;
    }
    // (Right after the modality, a word tagged a noun or adjective is the act: "he'll open port 8443", "we'll clean the codes".)
    if (x.pos !== 'VERB' && x.lower !== 'forward' && !(k === from && (x.pos === 'NOUN' || x.pos === 'ADJ') && p.kind !== 'you-have')) continue;
    // "Expect an email from our team": what is expected.
    if (x.lemma === 'expect' && k === p.cue.end) { const e = thingPhrase(s, k + 1); if (e && !e.pronoun) candidates.push({ text: e.text, pronoun: false, strong: true, end: e.end }); continue; }
    if (x.lemma === 'commit' || x.lemma === 'promise') {
      const to = t[k + 1]?.lower === 'to' ? k + 2 : k + 1;
      const np = thingPhrase(s, to);
      if (np) candidates.push({ text: np.text, pronoun: np.pronoun, strong: true, end: np.end });
      continue;
    }
    let at = k + 1;
    while (at < t.length && ['over', 'across', 'back', 'out', 'up', 'together', 'along', 'in', 'through', 'you', 'us', 'them', 'him', 'her', 'me', 'to'].includes(t[at].lower)
      && !(t[at].lower === 'to' && t[at + 1] && ['you', 'your', 'everyone', 'them', 'the'].includes(t[at + 1].lower) === false && false)) at += 1;
    // "Walk your planners through the new reports": what they are walked through, whoever they are.
    if (['walk', 'talk', 'take'].includes(x.lemma)) {
      const who = thingPhrase(s, k + 1);
      const through = who && t[who.end + 1]?.lower === 'through' ? thingPhrase(s, who.end + 2) : undefined;
      if (through && !through.pronoun) { candidates.push({ text: through.text, pronoun: false, strong: true, end: through.end }); continue; }
    }
    // "Take care of the PO": what is taken care of.
    if (x.lemma === 'take' && t[k + 1]?.lower === 'care' && t[k + 2]?.lower === 'of') {
      const cared = thingPhrase(s, k + 3);
      if (cared && !cared.pronoun) { candidates.push({ text: cared.text, pronoun: false, strong: true, end: cared.end }); continue; }
    }
    // "Arrange for the credits to be rolled over": the thing the arrangement is for.
    if (['arrange', 'organise', 'organize', 'sort'].includes(x.lemma) && t[at]?.lower === 'for') at += 1;
    // "Come back to you with an answer on the roadmap": what is brought back is the deliverable.
    const w = t.findIndex((y, n) => n >= at && n < at + 4 && y.lower === 'with');
    if (['come', 'get', 'circle', 'follow', 'revert'].includes(x.lemma) && w > 0) {
      const brought = thingPhrase(s, w + 1);
      if (brought && !brought.pronoun) candidates.push({ text: brought.text, pronoun: false, strong: true, end: brought.end });
    }
    // ("Have IT whitelist…": a department's initials read as the pronoun "it".)
    const np = /^[A-Z]{2,}$/.test(t[at]?.text ?? '') && t[at].pos === 'PRON' ? { text: t[at].text, start: at, end: at, pronoun: false } : thingPhrase(s, at);
    // ("Run them next week and share the numbers": a time after a pronoun object is no thing.)
    if (!np || timeOnly(s, np.start, np.end)) continue;
    // "Have X <base verb>" is causative whatever X is ("have HR update…").
    // ("Get engineering to confirm…": with "to" before the act too.)
    const base = (k: number) => t[k]?.pos === 'VERB' && t[k].lower === t[k].lemma;
    const causative = ['have', 'get'].includes(x.lemma) && (base(np.end + 1) || (t[np.end + 1]?.lower === 'to' && base(np.end + 2)));
    // (The head before "of" decides: "our head of data" is a person, "a list of admins" a thing.)
    const of = t.findIndex((y, n) => n > np.start && n <= np.end && y.lower === 'of');
    const person = !np.pronoun && (isPerson(s, of > 0 ? of - 1 : np.end) || causative || (np.start === np.end && t[np.end].pos === 'PRON'));
    if (person || (np.pronoun && ['have', 'get'].includes(x.lemma))) {
      // "Have IT whitelist your IP ranges", "get legal to sign the DPA": the thing is the object of what they are made to do.
      const v = t[np.end + 1]?.lower === 'to' ? np.end + 2 : np.end + 1;
      const made = t[v] && t[v].lower === t[v].lemma && ['VERB', 'NOUN'].includes(t[v].pos) ? thingPhrase(s, v + 1) : undefined;
      if (made && !made.pronoun) candidates.push({ text: made.text, pronoun: false, strong: true, end: made.end });
      // "Get our CTO on a call with your team": the meeting they are brought into.
      const into = ['on', 'into', 'onto', 'through'].includes(t[np.end + 1]?.lower ?? '') ? thingPhrase(s, np.end + 2) : undefined;
      if (into && !into.pronoun) candidates.push({ text: into.text, pronoun: false, strong: true, end: into.end });
      // "Chase our IT guys for the firewall whitelist": what they are chased for.
      const sought = ['chase', 'nudge', 'ask', 'remind', 'push', 'ping', 'hassle', 'badger'].includes(x.lemma) && t[np.end + 1]?.lower === 'for' ? thingPhrase(s, np.end + 2) : undefined;
      if (sought && !sought.pronoun) candidates.push({ text: sought.text, pronoun: false, strong: true, end: sought.end });
    }
    // "Add ourco.com to the allowlist": what is added and where, the place being the thing changed.
    const into = x.lemma === 'add' && !np.pronoun && t[np.end + 1]?.lower === 'to' ? nounPhrase(s, np.end + 2) : undefined;
    if (into && !into.pronoun && !isPerson(s, into.end)) { candidates.push({ text: `${np.text} to ${into.text}`, pronoun: false, strong: true, end: into.end }); continue; }
    // (The account's own doing, "they'll run the scripts and share the timings", hands over only what is shared.)
    const own = p.owner === 'them' && OWN_DOING.has(x.lemma);
    candidates.push({ text: np.text, pronoun: np.pronoun, strong: ARTIFACT.has(x.lemma) && !WEAK.has(x.lemma) && !person && !own, end: np.end, person });
  }
  // A person is the deliverable only when nothing else is named ("loop in Priya so she can walk you through the findings": the findings).
  // "The offline-mode fix I can promise for Wednesday": the act has no object of its own, the thing was named first.
  const fronted = candidates.some((c) => !c.pronoun && !TIME_WORD.has(c.text.toLowerCase())) ? undefined : frontedObject(s, p.cue.start);
  if (fronted) return withTopic(s, { text: fronted.text, end: fronted.end, pronoun: false });
  const pick = candidates.find((c) => c.strong && !c.pronoun) ?? candidates.find((c) => c.strong) ?? candidates.find((c) => !c.pronoun && !c.person) ?? candidates.find((c) => !c.pronoun) ?? candidates[0];
  return pick ? (pick.end === undefined || pick.pronoun ? { text: pick.text, pronoun: pick.pronoun } : withTopic(s, { text: pick.text, end: pick.end, pronoun: false })) : undefined;
}

/** A noun phrase, an acronym the tagger read as a verb kept in it ("the revised SOW", "the signed NDA")… */
function thingPhrase(s: Sent, i: number): ReturnType<typeof nounPhrase> {
  // ("Our IT guys", "your IT team": a department's initials read as the pronoun "it" after a possessive.)
  const initials = ['our', 'my', 'your', 'their'].includes(s.toks[i]?.lower ?? '') && s.toks[i + 1]?.pos === 'PRON' && /^[A-Z]{2,}$/.test(s.toks[i + 1].text);
  if (initials) {
    const rest = nounPhrase(s, i + 2);
    const cut = rest ? s.toks.findIndex((x, n) => n > rest.start && n <= rest.end && x.pos === 'ADP') : -1;
    // (The people word itself may be tagged a verb: "our IT people".)
    const end = PEOPLE_WORD.test(s.toks[i + 2]?.lower ?? '') ? i + 2 : rest && !rest.pronoun && rest.start === i + 2 ? (cut > 0 ? cut - 1 : rest.end) : i + 1;
    return { text: s.toks.slice(i, end + 1).map((x) => x.text).join(' '), start: i, end, pronoun: false };
  }
  const np = nounPhrase(s, i) ?? taggedAway(s, i) ?? barePlural(s, i);
  if (!np || np.pronoun) return np;
  let end = np.end;
  // (A plural head reads as a verb's third person: "the delivery logs for the depot", "the rate cards to you".)
  // (Also after a participle read as a modifier: "the corrected file until Friday", "a corrected file ready for you".)
  const modifier = (y: Sent['toks'][number]) => y.pos === 'NOUN' || (y.pos === 'VERB' && /ed$/.test(y.lower) && y.i > 0 && ['DET', 'PRON'].includes(s.toks[y.i - 1].pos));
  // (A gerund noun as the head: "a walkthrough recording of the screen".)
  const gerund = (x: Sent['toks'][number], next: Sent['toks'][number] | undefined) => x.lower.endsWith('ing') && next?.lower === 'of';
  const headRead = (x: Sent['toks'][number] | undefined, next: Sent['toks'][number] | undefined) => Boolean(x && x.pos === 'VERB' && (x.lower === x.lemma || x.lower === `${x.lemma}s` || gerund(x, next))
    && modifier(s.toks[end]) && (!next || next.pos === 'PUNCT' || ['from', 'with', 'later', 'in', 'for', 'to', 'by', 'before', 'until', 'till', 'ready', 'tonight', 'today', 'tomorrow', 'of'].includes(next.lower)));
  // …or a compound's head read as a verb before "from"/"with" ("a calendar invite from our trainers").
  // …or read as an adjective after a gerund modifier ("the webhook signing secret on Thursday").
  const afterGerund = (x: Sent['toks'][number] | undefined, next: Sent['toks'][number] | undefined) => Boolean(x && ['ADJ', 'VERB'].includes(x.pos) && s.toks[end].pos === 'VERB'
    && s.toks[end].lower.endsWith('ing') && !PREDICATIVE.has(x.lower) && (!next || next.pos === 'PUNCT' || next.pos === 'ADP'));
  // …or the head after a possessive read as a verb ("the ops team's wish list").
  const possessed = s.toks[end + 1]?.text === "'s" && s.toks[end + 2]?.pos === 'VERB' && s.toks[end + 3]?.pos === 'NOUN' ? 3 : 0;
  if (possessed) end += possessed;
  // …or an adjective right after a noun, where English puts the head ("the API key on Friday").
  const postNoun = (x: Sent['toks'][number] | undefined, next: Sent['toks'][number] | undefined) => Boolean(x && x.pos === 'ADJ' && ['NOUN', 'PROPN'].includes(s.toks[end].pos)
    && !PREDICATIVE.has(x.lower) && !/(?:ed|en)$/.test(x.lower) && (!next || next.pos === 'PUNCT' || next.pos === 'ADP'));
  while (/^[A-Z][A-Z0-9]+s?$/.test(s.toks[end + 1]?.text ?? '') || headRead(s.toks[end + 1], s.toks[end + 2]) || afterGerund(s.toks[end + 1], s.toks[end + 2]) || postNoun(s.toks[end + 1], s.toks[end + 2])) end += 1;
  // ("Send the names Friday": a bare day after the thing is its date, not part of it.)
  if (end === np.end && end > np.start && TIME_WORD.has(s.toks[end].lower)) {
    // (With the words that went with the day: "their decision the same afternoon", "the list next Monday".)
    let last = end - 1;
    while (last > np.start && TIME_DETERMINER.has(s.toks[last].lower)) last -= 1;
    const cut = s.toks.slice(np.start, last + 1).map((x) => x.text).join(' ');
    return { ...np, end: last, text: cut };
  }
  if (end === np.end) return np;
  return { ...np, end, text: `${np.text}${s.toks.slice(np.end + 1, end + 1).map((x) => (x.text === "'s" ? x.text : ` ${x.text}`)).join('')}` };
}
/** Adjectives that say what state a thing is in, after it: "the file ready", "the report available". */
const PREDICATIVE = new Set(['ready', 'available', 'live', 'done', 'complete', 'final', 'due', 'late', 'overdue', 'signed', 'open', 'closed', 'clean', 'safe', 'correct',
  'right', 'wrong', 'accurate', 'current', 'free', 'possible', 'good', 'fine', 'better', 'ok', 'okay', 'valid', 'active', 'visible', 'enabled', 'back', 'out', 'up', 'away']);

/** A phrase after a determiner whose words the tagger read as adverbs and verbs ("the new/ADV routing/VERB file/VERB with you"):
 * the words up to a preposition, punctuation or a time, when the last could be a noun and none takes an object of its own. */
function taggedAway(s: Sent, i: number): ReturnType<typeof nounPhrase> {
  const t = s.toks;
  if (!t[i] || !(t[i].pos === 'DET' || ['our', 'my', 'your', 'their'].includes(t[i].lower))) return undefined;
  let k = i + 1;
  while (k < t.length && ['ADJ', 'ADV', 'NOUN', 'PROPN', 'VERB', 'NUM'].includes(t[k].pos) && !TIME_WORD.has(t[k].lower)
    && !(t[k].pos === 'VERB' && ['DET', 'PRON'].includes(t[k + 1]?.pos ?? ''))) k += 1;
  const last = t[k - 1];
  if (k - 1 <= i || !last || !(['NOUN', 'PROPN'].includes(last.pos) || (last.pos === 'VERB' && last.lower === last.lemma))) return undefined;
  if (t[k] && !['ADP', 'PUNCT', 'CCONJ'].includes(t[k].pos) && !TIME_WORD.has(t[k].lower)) return undefined;
  return { text: t.slice(i, k).map((x) => x.text).join(' '), start: i, end: k - 1, pronoun: false };
}

/** A bare plural the tagger read as a verb's third person: "send you comments by Friday", "sending logs now". */
function barePlural(s: Sent, i: number): ReturnType<typeof nounPhrase> {
  const t = s.toks;
  let k = i;
  while (['you', 'us', 'me', 'over', 'back'].includes(t[k]?.lower ?? '')) k += 1;
  const x = t[k];
  const next = t[k + 1];
  if (!x || x.pos !== 'VERB' || x.lower !== `${x.lemma}s` || (next && !['ADP', 'PUNCT'].includes(next.pos) && !TIME_WORD.has(next.lower))) return undefined;
  return { text: x.text, start: k, end: k, pronoun: false };
}

/** A person, not a thing: one of "our engineers", "your CTO", a name. */
function isPerson(s: Sent, i: number): boolean {
  const x = s.toks[i];
  return PEOPLE_WORD.test(x.lower) || (x.pos === 'PROPN' && nameSpans(s).some((n) => n.end === i && !NOT_A_NAME.has(n.name.toLowerCase())));
}

/** Words for an answer that say nothing of what it is about: "an answer", "a written response", "an update". */
const GENERIC = new Set(['comment', 'answer', 'response', 'reply', 'update', 'decision', 'word', 'feedback', 'view', 'confirmation', 'recommendation', 'note', 'summary', 'write-up', 'writeup', 'position', 'clarification', 'detail', 'details', 'info', 'information', 'news']);

/** A generic deliverable with its topic: "a written answer on the SAML question", "an update about the outage". */
function withTopic(s: Sent, np: { text: string; end: number; pronoun: boolean }): { text: string; pronoun: boolean } {
  const head = s.toks[np.end];
  const prep = s.toks[np.end + 1];
  if (!head || !GENERIC.has(head.lemma) || !prep || !['on', 'about', 'regarding', 're', 'for', 'around'].includes(prep.lower)) return { text: np.text, pronoun: np.pronoun };
  const topic = nounPhrase(s, np.end + 2);
  // ("A decision on Monday": a day is when, not what about.)
  const when = topic && timeOnly(s, topic.start, topic.end);
  return topic && !topic.pronoun && !when ? { text: `${np.text} ${prep.text} ${topic.text}`, pronoun: false } : { text: np.text, pronoun: np.pronoun };
}

const PEOPLE_WORD = new RegExp(`^${OUR_PEOPLE}$`);
/** The thing a pronoun stands for: the first object noun phrase of an earlier sentence (or the question answered),
 * the object of an act of handing over first ("asked our engineer to prepare a sizing sheet": the sheet, not the engineer). */
function antecedent(sents: Sent[]): string | undefined {
  for (const s of [...sents].reverse()) {
    const found: Array<{ text: string; strong: boolean }> = [];
    for (let k = 0; k < s.toks.length; k += 1) {
      const x = s.toks[k];
      if (x.pos !== 'VERB' && x.pos !== 'AUX') continue;
      let at = k + 1;
      while (at < s.toks.length && ['over', 'across', 'back', 'out', 'up', 'off', 'you', 'us', 'me', 'them', 'still', 'also', 'to', 'on', 'already', 'together'].includes(s.toks[at].lower)) at += 1;
      const np = thingPhrase(s, at);
      if (!np || np.pronoun || PROFORM.test(np.text) || !s.toks.slice(np.start, np.end + 1).some((y) => y.pos === 'NOUN' || y.pos === 'PROPN')) continue;
      // (Nor a person named: "have Mia pull that together" leaves the thing to an earlier sentence.)
      if (PEOPLE_WORD.test(s.toks[np.end].lower) || TIME_WORD.has(s.toks[np.end].lower) || timeOnly(s, np.start, np.end) || (np.start === np.end && isPerson(s, np.end))) continue;
      found.push({ text: withTopic(s, np).text, strong: ARTIFACT.has(x.lemma) && !WEAK.has(x.lemma) });
    }
    const pick = found.find((f) => f.strong) ?? found[0];
    if (pick) return pick.text;
  }
  return undefined;
}

/** A phrase made only of words of time: "next week", "this afternoon", "the following Monday". */
const TIME_DETERMINER = new Set(['next', 'this', 'last', 'every', 'each', 'the', 'following', 'coming', 'same']);
function timeOnly(s: Sent, start: number, end: number): boolean {
  const t = s.toks;
  // (thingPhrase cuts a trailing day off, leaving "next" of "next week".)
  const span = t.slice(start, end + 2 <= t.length && TIME_WORD.has(t[end + 1]?.lower ?? '') ? end + 2 : end + 1);
  // ("First thing tomorrow": a time, whatever "thing" says.)
  if (span.length >= 2 && span[0].lower === 'first' && span[1].lower === 'thing') return true;
  return span.every((x) => TIME_WORD.has(x.lower) || TIME_DETERMINER.has(x.lower));
}

/** The date of the promise's own clause when punctuation parts it from another ("authorising the spend today; expect the
 * paperwork by Friday"), else of the sentence. */
function dueOfClause(s: Sent, at: number, said: Date, opts?: DueOptions): ReturnType<typeof dueDateOf> {
  const t = s.toks;
  // The clause between commas first ("she sends the plans by Friday, we price them next week"), then between semicolons.
  for (const marks of [[',', ';', ':'], [';']]) {
    if (!t.some((x) => marks.includes(x.text))) continue;
    let a = at;
    while (a > 0 && !marks.includes(t[a - 1].text)) a -= 1;
    let b = at;
    while (b < t.length - 1 && !marks.includes(t[b + 1].text)) b += 1;
    const own = dueDateOf(t.slice(a, b + 1).map((x) => x.text).join(' '), said, opts);
    if (own.explicit) return own;
  }
  // ("Adaeze approved it yesterday; the org chart will follow": another clause's past is not this promise's date.)
  if (t.some((x) => x.text === ';')) {
    const kept: string[] = [];
    let a = 0;
    for (let k = 0; k <= t.length; k += 1) {
      if (k < t.length && t[k].text !== ';') continue;
      const part = t.slice(a, k);
      if ((at >= a && at < k) || !part.some((x) => ['yesterday', 'last', 'ago', 'earlier'].includes(x.lower))) kept.push(part.map((x) => x.text).join(' '));
      a = k + 1;
    }
    return dueDateOf(kept.join(' ; '), said, opts);
  }
  return dueDateOf(s.text, said, opts);
}

/** A draft or version with nothing said of what it is of. */
const DRAFT = /^(?:\S+ ){0,3}(?:draft|version|copy|iteration|revision|cut|pass)$/i;

/** Phrases that stand in for a thing named elsewhere: "the new one", "the whole lot", "the rest", "everything". */
const PROFORM = /^(?:(?:the|a|an|this|that) )?(?:\S+ )?(?:one|ones)$|^(?:the )?(?:whole )?lot$|^(?:the rest|everything|all of it|all of them|the same)$/i;

/** Words of time that a noun phrase reader may take for a thing: "sending them to you tmrw". */
const TIME_WORD = new Set(['today', 'tomorrow', 'tmrw', 'tonight', 'morning', 'afternoon', 'evening', 'week', 'month', 'eod', 'eow', 'asap', 'weekend',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

function counterpartsOf(parts: Utterance[], i: number, owner: 'us' | 'them', ctx: CommitmentContext): string[] {
  if (ctx.recipients) return owner === 'us' ? ctx.recipients.them : ctx.recipients.us;
  const asker = parts.slice(0, i).reverse().find((p) => p.side !== owner && p.side !== 'unknown' && p.email);
  return asker?.email ? [asker.email] : [];
}

export function findCommitments(parts: Utterance[], occurredAt: string, ctx: CommitmentContext): PerceivedCommitment[] {
  const said = new Date(occurredAt);
  const out: PerceivedCommitment[] = [];
  // The account's people are names even in a message typed without capitals ("owen to confirm the cutover by thu").
  const names = nameWords(ctx.contacts);
  for (const [i, u] of parts.entries()) {
    const sents = analyze(unfill(u.text)).map((x) => caseBlind(x, names));
    for (const [si, s] of sents.entries()) {
      const side = sideOf(u);
      const group = side ? groupOpeningBefore(sents, si, side, PEOPLE_WORD, (name) => sideOfName(name, side, ctx)) : undefined;
      const taken = si > 0 && TAKEN.test(` ${sents[si - 1].toks.map((t) => t.lemma).join(' ')} `);
      let p = promiseIn(s, u, ctx, personBefore(sents, si, ctx), group, taken);
      // "Our redlines are nearly done. You'll have them Thursday.": the account's own thing, named in the sentence before.
      if (!p && sideOf(u) === 'them') p = yoursPointedBack(sents, si);
      // "Yep, that one's mine. Fixed version by Friday.": a task taken, then the thing and its date without a verb.
      const dated = !p && sideOf(u) ? takenThenDated(sents[si - 1], s) : undefined;
      if (dated) p = { owner: sideOf(u)!, ...(u.speaker ? { who: u.speaker } : {}), explicitOnly: true, cue: { start: dated.end + 1, end: dated.end + 1, m: WILL_CUE }, kind: 'ready', objectAt: dated.start };
      if (!p) continue;
      // "On it. The patch will be live Thursday": the bare acknowledgement and the promise after it are one promise.
      const bare = p.kind === 'on-it' && s.toks.filter((t) => t.pos !== 'PUNCT').length <= 3;
      if (bare && sents.slice(si + 1, si + 3).some((n, j) => promiseIn(n, u, ctx, undefined, undefined, j === 0))) continue;
      const { dueAt, explicit } = dueOfClause(s, p.cue.start, said, ctx.due);
      if (p.explicitOnly && !explicit) continue;
      const counterparts = counterpartsOf(parts, i, p.owner, ctx);
      let deliverable = p.resolved ? { text: p.resolved, pronoun: false } : deliverableOf(s, p);
      // ("Post the new one", "forward the whole lot": a word standing in for a thing named before.)
      if (deliverable && PROFORM.test(deliverable.text)) deliverable = { ...deliverable, pronoun: true };
      // "I'm on the pricing breakdown and you'll have it Friday": "it" is named earlier in the same sentence.
      if (!deliverable || deliverable.pronoun) {
        const head = antecedent([s]);
        if (head) deliverable = { text: head, pronoun: false };
      }
      if (!deliverable || deliverable.pronoun) {
        const earlier = sents.slice(0, si);
        const prevTurn = parts.slice(0, i).reverse().find((x) => x.side !== u.side);
        const resolved = antecedent(earlier) ?? (prevTurn ? antecedent(analyze(prevTurn.text)) : undefined) ?? (ctx.before ? antecedent(analyze(ctx.before)) : undefined);
        if (resolved) deliverable = { text: resolved, pronoun: false };
      }
      // "You'll see a first draft", "fixed version by Friday": a draft or version of the thing named before.
      if (deliverable && !deliverable.pronoun && DRAFT.test(deliverable.text)) {
        const asked = parts.slice(0, i).reverse().find((x) => x.side !== u.side);
        const of = [antecedent([s]), antecedent(sents.slice(0, si)), asked ? antecedent(analyze(asked.text)) : undefined, ctx.before ? antecedent(analyze(ctx.before)) : undefined]
          .find((a) => a && a !== deliverable!.text && !DRAFT.test(a));
        if (of) deliverable = { text: `${deliverable.text} of ${of}`, pronoun: false };
      }
      const found: PerceivedCommitment = {
        text: asWritten(s), owner: p.owner, ...(p.who ? { who: p.who } : {}), ...(deliverable && !deliverable.pronoun ? { deliverable: typedWords(deliverable.text, sents) } : {}),
        dueAt: dueAt.toISOString(), ...(explicit ? {} : { dueDefaulted: true as const }), ...(counterparts.length ? { counterparts } : {}),
      };
      // "We'll sign the renewal. … I'll get it back to you signed by Friday": one promise said twice, the second time with its date.
      const again = out.findIndex((c) => c.owner === found.owner && c.deliverable && c.deliverable === found.deliverable && (c.dueDefaulted || found.dueDefaulted));
      if (again < 0) out.push(found);
      else if (out[again].dueDefaulted) out[again] = found;
    }
  }
  return out;
}
