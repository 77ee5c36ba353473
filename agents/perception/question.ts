// Requests and questions put to us, read from the sentence's form, not a question mark alone:
// an interrogative (a question mark, a wh-word or an inverted auxiliary: "could you confirm…",
// "is there a way…"), an imperative addressed to us ("please reset…", "let me know when…",
// "tell me more…"), or a desiderative ("I'd need X before…", "wondering whether…", "would be great
// to get…", "any chance…", "I was hoping you could…"). Not a sign-off that invites questions, not a
// report of someone else's question ("she asked whether…"), not the speaker's own plan ("we need to
// think about it"), not a message from us.
import type { Signal } from '../signals/schema.js';
import { matchesDomain } from '../signals/direction.js';
import { stripQuotedReply } from '../memory/strip-quotes.js';
import { analyze, type Sent, type Tok } from './nlp.js';
import { conditionBefore, first, lemmaLine, negated } from './frames.js';
import { rhetorical, stillAsking } from './request-discourse.js';
import { anyWay, impliedAsk, noteAsk, openAsk, settledAfter } from './request-implicit.js';
import { forwardedParts } from './request-forward.js';
import { askInOtherForm, expectedStep, notAnInstruction, notAQuestion, notAsking } from './request-forms.js';
import { answeredNext, askByRole, leaveToAct, NOTHING_FOR_US } from './request-settled.js';
import { askedOfOwnPeople, fromAnotherVendor, vocativeOf } from './request-addressee.js';
import { askInPhrasing } from './request-phrasings.js';
import type { PerceiveContext, Utterance } from './utterances.js';
import { asWritten, caseBlind, nameWords } from './case-blind.js';

/** Sign-offs that invite questions are not questions: "let me know if you have any questions". */
const CLOSING = /\b(let (me|us) know if (you )?(have|need|there('s| is| are)|any)|(let (me|us) know|lmk) if (you|u)('d| would)? (want|like|need|prefer) (me|us) to|if you have any (questions|concerns)|any questions\?|feel free to|how are you\??|how('s| is) it going\??|hope (you|all|this|the)\b|have a (great|good|nice)|no need to (reply|respond)|no action (needed|required)|talk (soon|next week|then|tomorrow)|happy to (hop|jump|chat|help|discuss)|see you\b)/i;
/** Sign-offs that take back the rest of the sentence: "…, but it's fine for now, no action needed". */
const WITHDRAWN = /\b(no action (needed|required)|no need to (reply|respond)|nothing (else |more |further )?(needed|required))\b/i;
const URL = /\bhttps?:\/\/\S+/g;

const WH = new Set(['what', 'how', 'when', 'where', 'why', 'which', 'who', 'whom', 'whose']);
const AUX = new Set(['can', 'could', 'would', 'will', 'do', 'does', 'did', 'is', 'are', 'should', 'may', 'might', 'shall', 'has', 'have', 'was', 'were']);
/** Openers before the sentence proper: "Hi Sam,", "Quick q -", "Also,", "So". */
const OPENER = new Set(['good', 'morning', 'afternoon', 'evening', 'all', 'everyone', 'folks', 'team', 'guys', 'hi', 'hey', 'hello', 'also', 'so', 'and', 'but', 'ok', 'okay', 'quick', 'q', 'question', 'one', 'more', 'thing', 'btw', 'fyi', 'then', 'oh', 'sorry', 'now', 'tbh', 'honestly', 'just']);
/** Imperatives that are not requests: "thanks", "have a good one", "see you". */
// (Nor is telling the reader what to expect or believe: "so expect an email from her", "believe me", "appreciate the help".)
const NOT_ASKING = new Set(['thank', 'thanks', 'hope', 'see', 'talk', 'enjoy', 'have', 'welcome', 'congrats', 'congratulate', 'cheer', 'feel', 'note', 'ignore', 'disregard', 'consider', 'appreciate', 'expect', 'believe', 'trust', 'imagine', 'guess', 'excuse', 'forgive', 'pardon', 'understand', 'rest']);
/** What a reader is given rather than asked for: "please find attached…", "please treat this as notice…", "please be advised". */
const NOTICE = / (?:please |kindly )?(?:find|see) (?:attach|enclose|below|above|the attach|herewith)| (?:please |kindly )?find (?:\S+ ){1,4}(?:attach|enclose)| (?:please |kindly )?(?:treat|accept|take|consider) (?:this|it|the \S+|our \S+) (?:\S+ ){0,3}as | (?:please |kindly )?be (?:advise|aware|inform)/;
/** What the customer can only give itself: "we'd need more budget", "we'd need sign-off first". */
const INTERNAL = new Set(['budget', 'funding', 'headcount', 'approval', 'sign-off', 'buy-in', 'time', 'resource', 'resources', 'money']);
/** The verbs of receiving or coming to know: "we need to see…", "I'd need to get…" ask. */
const RECEIVE = new Set(['know', 'see', 'get', 'have', 'receive', 'hear', 'understand', 'confirm', 'check', 'learn', 'find', 'review', 'talk', 'speak']);
/** The customer's own deliberation: "we'll need to think it over", "we'd need to discuss internally" is a plan, not an ask. */
const DELIBERATE = new Set(['think', 'revisit', 'reconsider', 'revise', 'reassess', 'discuss', 'decide', 'consider', 'figure', 'sort', 'finish', 'wrap', 'align', 'regroup', 'prioritise', 'prioritize', 'focus', 'plan', 'evaluate', 'look', 'wait', 'digest', 'reflect', 'mull', 'work', 'talk', 'check', 'confer', 'consult', 'run']);
/** A time gone by: "last year", "years ago", "back then". */
const PAST_TIME = / (?:last (?:year|month|week|quarter|time|spring|summer|autumn|fall|winter)|ago|back then|at the time|originally|previously|in the past|back in|in (?:19|20)\d\d)\b/;
/** Saying, not asking: "I'd love to say we're ready", "would like to think…". */
const TELL = new Set(['say', 'tell', 'report', 'think', 'believe', 'claim', 'announce', 'share']);
/** Past forms that settle the wish in the same sentence: "…, and your load test answered that". */
const SETTLED = new Set(['answered', 'cleared', 'resolved', 'sorted', 'settled', 'solved', 'explained', 'addressed', 'covered']);

/** The desiderative and indirect-request frames, as lemmas. */
const WANT = new RegExp([
  ' (?:i|we) (?:would|will) (?:\\S+ )?(?:like|love|need|appreciate|want|welcome|require|prefer)',
  ' (?:i|we) be go to (?:need|require|want) ',
  ' (?:i|we) would (?:\\S+ )?(?:push|ask) for ',
  // "My main ask is that someone looks at…", "our one request would be…".
  ' (?:my|our) (?:\\S+ )?(?:ask|request|wish|requirement|question) (?:would )?be ',
  // "Be good to get the release notes before the upgrade": the wish with its subject and modal left out.
  '^ (?:would |will )?be (?:really |very |super |so )?(?:good|great|nice|helpful|useful|handy|ideal) (?:to|if) ',
  // "Grateful if you could send it", "if you could dig that out it'd be appreciated" (not "if you could have fixed it sooner").
  ' (?:grateful|thankful|oblige|obliged) if ',
  ' would be (?:very |really |most |so )?(?:grateful|thankful|oblige|obliged) for ',
  // "Ideally we'd have the export nightly", "I'm after the latest price sheet", "any idea when…", "our CFO is asking for…".
  ' ideally (?:i|we) would | (?:i|we) would ideally ',
  ' (?:i|we) be after (?:the|a|an|some|your|any) ',
  ' any (?:idea|ideas|thought|thoughts|news|word|eta|timeline|timescale) (?:on|about|when|if|whether|how|what|why|where|who|for) ',
  // (Not "the team has been asking for their own licences": a demand on their own side.)
  ' be ask (?:for (?!their own |its own )|about|whether|if|when|how|what|us|you)',
  '(?:^| )(?:just )?want to (?:check|ask|confirm|find out|know|see) (?:if|whether|about|with you|what|when|how|that you)',
  ' look for (?:some |any |a |an |your )?(?:help|guidance|advice|way|someone|input|pointer|recommendation|clarity|clarification|steer)',
  // Wants stated flatly: "we're keen to get the SSO piece sorted", "our preference would be for…", "the ask from our side is…",
  // "we'd be looking for a discount", "we'd expect the credits to apply", "I'd be interested in seeing…", "eta on the fix".
  ' (?:i|we) be (?:really |very |quite |also )?(?:keen|eager|anxious) to (?:get|have|see|know|understand|hear|find out|learn|receive) ',
  ' (?:my|our) (?:\\S+ )?preference (?:would )?be ',
  ' the (?:main |one |only )?(?:ask|request) from (?:our|my) (?:side|end) be ',
  ' (?:i|we) would be look for (?:a|an|some|the|your|more) ',
  ' (?:i|we) would (?:also )?expect (?:the|a|an|you|your|some|that) ',
  ' (?:i|we) would (?:\\S+ )?be (?:very |really |also )?interested in (?:see|hear|learn|know|get|have|understand|try|a|an|the|your|some) ',
  '^ eta on ',
  ' if you (?:could|would|can|might) (?!have |not )',
  // "A fix … would be much appreciated".
  ' would be (?:much|greatly|really|hugely|very much|most|so) appreciate',
  // "Grateful for any guidance on…", "just checking whether the credit note went out".
  ' (?:grateful|thankful) for (?:any|some) ',
  '^ (?:just )?check (?:in )?(?:whether|if|to see) | (?:i|we) be just check (?:in )?(?:whether|if|to see|on) ',
  ' (?:would|will|would be|will be) be appreciate',
  ' (?:it|that|this) would make (?:\\S+ ){0,5}(?:easy|easier|simple|simpler|better)',
  // Wanting a thing ("we need the SAML guide", "we want you to…") or to come to know or have something
  // ("I need to know whether…"); wanting to do something ourselves ("we want to roll it out") is a plan.
  ' (?:i|we) (?:really |still |also |urgently |just )?(?:need|require|want) (?!to )',
  ' (?:i|we) (?:really |still |also |urgently |just )?(?:need|require|want) to (?:know|understand|see|get|have|receive|hear|learn|find out|confirm|check with you|talk to you|speak (?:to|with) you)',
  ' (?:it|that) would (?:be )?(?:really |very |super |so |incredibly |extremely |most )?(?:great|helpful|good|nice|useful|ideal|help|perfect|handy|valuable)',
  ' would be (?:really |very |super |so |incredibly |extremely |most )?(?:great|helpful|good|nice|useful|ideal|perfect|handy|valuable) (?:to|if)',
  ' (?:i|we) be (?:hope|hoping|wonder|wondering|curious|keen|look|looking) (?:to get|to know|to understand|to see|to hear|you|if|whether|for|about|what|how|when|why)',
  ' (?:i|we) hope you can',
  ' (?:wonder|wondering|curious) (?:if|whether|about|what|how|when|why|which)',
  ' any chance ',
  '(?:^| )(?:keen|eager|curious|interested|dying) to (?:know|understand|learn|see|hear|find out|get|check)',
  ' (?:would|will) (?:love|like) to (?:know|understand|learn|see|hear|find out)',
  ' (?:request|requesting) (?:a|an|the|access|help|that|some|for) ',
  ' need (?:some )?help ',
  ' (?:can|could|would) (?:someone|somebody|anyone|anybody|one of you|your team) ',
  ' please advise ',
  // Subjectless and softened asks: "just need the updated order form", "hoping you can help", "could use some guidance",
  // "would love your input", "the board wants to see the roadmap", "still waiting on your answer", "over to you".
  '(?:^|,) (?:would |will )?(?:just |still |really |also |only )?need (?:the|a|an|your|some|that|those|it|them|to know|to see|to get|to have|confirmation)',
  ' (?:hope|hoping|hop) (?:you (?:can|could|will|would)|to get|to hear|to see|someone)',
  ' (?:could|can) use (?:some|a|your|an|any) (?:\\S+ )?(?:help|guidance|advice|input|hand|pointer|support|clarity|direction)',
  ' would (?:love|appreciate|welcome|value) (?:your|some|a|an|any) ',
  ' (?:want|wants|need|needs|would like) to (?:see|get|receive|have|review) (?:the|your|a|an|some) ',
  // Someone on their side who wants to know or to have something of ours: "Finance wants to know how…", "our AP team needs your bank details".
  ' (?:want|need|require) to (?:know|understand|find out) ',
  ' (?:want|need|require) (?:your|a copy|copies) ',
  // "…rolled back on our side but need you to confirm what changed": us sent to act, the subject left out.
  ' need (?:you|u) to ',
  ' (?:still )?(?:wait|be wait) (?:on|for) (?:your|you|an? (?:answer|reply|response|update|decision)|the \\S+ (?:\\S+ )?from you)',
  '(?:^|[,;:.!-]) over to you(?: |$)',
].join('|'));
/** Reports of past asking and wondering: "someone asked me whether…", "I wondered about that too". */
const REPORT = / (?:ask|asked|wonder|wondered|question|questioned) (?:me|us|him|her|them|about|whether|if|that)? | (?:ask|asked) /;

function start(s: Sent): number {
  const t = s.toks;
  // A label before a colon ("Quick update:", "Heads-up before the holidays:", "Sam - a favour:") is not the sentence's verb.
  const colon = t.slice(0, 12).findIndex((x) => x.text === ':');
  let k = colon >= 0 && !t.slice(0, colon).some((x) => ['i', 'we', 'you'].includes(x.lower) || x.pos === 'AUX') ? colon + 1 : 0;
  // Skip openers, a vocative ("Sam,", "Sam -"), a discourse "look," and dashes: "Quick q - do you invoice in GBP".
  for (;;) {
    while (k < t.length && (OPENER.has(t[k].lower) || t[k].pos === 'PUNCT' || t[k].pos === 'INTJ')) k += 1;
    if (k + 1 < t.length && (t[k].pos === 'PROPN' || ['look', 'listen', 'right', 'well'].includes(t[k].lower)) && [',', '-', '–', '—'].includes(t[k + 1].text)) { k += 2; continue; }
    break;
  }
  return k;
}

/** Objects that follow an instruction's verb: "…, please fix it", "…, check them when you can". */
const OBJECT = new Set(['the', 'this', 'that', 'these', 'those', 'it', 'them', 'me', 'us', 'our', 'my', 'your', 'a', 'an', 'all', 'any', 'both', 'over']);
const PLEASE = new Set(['please', 'kindly', 'pls', 'plz', 'lmk']);
/** Adverbs between a clause break and its verb: "…, just send the paperwork when it's ready". */
const SOFT = new Set(['just', 'simply', 'also', 'then', 'now', 'maybe', 'perhaps']);
/** What a "please" after a comma withdraws or gives rather than asks: "…, please ignore my last mail". */
const WITHDRAW = new Set(['ignore', 'disregard', 'excuse', 'forgive', 'pardon', 'accept', 'enjoy', 'thank']);
/** Verbs of getting in touch that the tagger may read as nouns: "ping Mia", "email Raj". */
const CONTACT_VERB = new Set(['ping', 'email', 'call', 'text', 'message', 'cc', 'loop', 'contact', 'phone', 'slack']);

/** An instruction opening a later clause: "The field is truncated, please fix.", "…, send the paperwork over", "…; ping Mia if…". */
function clauseRequest(s: Sent): boolean {
  const t = s.toks;
  const rest = (k: number) => !CLOSING.test(t.slice(k).map((x) => x.text).join(' '));
  for (let k = 1; k < t.length; k += 1) {
    const prev = t[k - 1];
    // (A full stop the tokenizer glued to a word ends a clause too: "ok we're in. send me the link".)
    const boundary = (prev.pos === 'PUNCT' && [',', ';', '-', '–', '—', ':'].includes(prev.text)) || (['so', 'and', 'then'].includes(prev.lower) && t[k - 2]?.pos === 'PUNCT') || (prev.text.length > 1 && prev.text.endsWith('.'));
    if (!boundary) continue;
    let j = k;
    while (j < t.length && SOFT.has(t[j].lower)) j += 1;
    const w = t[j];
    if (!w) break;
    if (PLEASE.has(w.lower)) {
      // "…, please ignore my last mail", "…, please don't worry": a withdrawal or a reassurance.
      if (WITHDRAW.has(t[j + 1]?.lemma ?? '') || notAnInstruction(s, j + 1)) continue;
      return rest(j);
    }
    // "…, go ahead and invoice us" instructs; "…, go ahead." only permits.
    if (w.lower === 'go' && t[j + 1]?.lower === 'ahead' && t[j + 2]?.lower === 'and') return true;
    // (The tagger reads some clause-initial verbs as nouns: "…, check them when you can".)
    // ("…; ping Mia if…": a verb of getting in touch the tagger reads as a noun, before a name.)
    const contactName = w.pos === 'NOUN' && CONTACT_VERB.has(w.lemma) && t[j + 1]?.pos === 'PROPN';
    // ("The alternative we looked at, building it ourselves, was shelved": a gerund, no imperative.)
    if (w.lower.endsWith('ing') && w.lower === w.lemma && w.lower.length > 5) continue;
    const verbLike = w.pos === 'VERB' || contactName || (w.pos === 'NOUN' && ['it', 'them', 'me', 'us'].includes(t[j + 1]?.lower ?? '')) || particleVerb(s, j);
    const next = t[j + 1];
    if (verbLike && w.lower === w.lemma && !NOT_ASKING.has(w.lemma) && !notAnInstruction(s, j) && next && (OBJECT.has(next.lower) || particleVerb(s, j) || (next.pos === 'PROPN' && j > k - 1 && (w.pos === 'VERB' || contactName)))) {
      // "…, let me know" asks; "…, let me check with the team first" is the writer's own step.
      if (w.lemma === 'let' && !(['me', 'us'].includes(next.lower) && t[j + 2]?.lower === 'know')) continue;
      return rest(j);
    }
  }
  return false;
}

/** Particles of a phrasal verb: "pencil in", "set up", "sign off". */
const PARTICLE = new Set(['in', 'up', 'out', 'down', 'over', 'off', 'through', 'back']);

/**
 * "…, so, yeah, pencil in eight more seats": a phrasal verb the tagger reads as a noun, its particle then its
 * object, and no verb of its own after ("…, time in the office is short" is a subject).
 */
function particleVerb(s: Sent, j: number): boolean {
  const t = s.toks;
  const w = t[j];
  if (w.pos !== 'NOUN' || w.lower !== w.lemma || !PARTICLE.has(t[j + 1]?.lower ?? '') || !['DET', 'NUM', 'PRON'].includes(t[j + 2]?.pos ?? '')) return false;
  // (Up to a clause break or a subordinate clause: "…, pencil in twelve seats when we renew".)
  const end = t.findIndex((x, i) => i > j && ((x.pos === 'PUNCT' && x.text !== '-') || x.pos === 'SCONJ' || ['when', 'once', 'if', 'after', 'before'].includes(x.lower)));
  return !t.slice(j + 2, end < 0 ? t.length : end).some((x) => x.pos === 'VERB' || x.pos === 'AUX');
}

/** "please"/"pls" inside a sentence before a verb, or closing it: "Going forward please direct…", "…, just reassign pls". */
function pleaseAnywhere(s: Sent): boolean {
  const t = s.toks;
  const words = t.filter((x) => x.pos !== 'PUNCT');
  if (words.length < 3) return false;
  const last = words[words.length - 1];
  if (['please', 'pls', 'plz'].includes(last.lower) && !['yes', 'thanks', 'thank', 'ok', 'okay'].includes(words[0].lower)) return true;
  for (let k = 0; k + 1 < t.length; k += 1) {
    if (!['please', 'kindly', 'pls', 'plz'].includes(t[k].lower)) continue;
    // "I am please to inform…": the adjective 'pleased' in a learner's spelling, after a form of be.
    if (t[k].lower === 'please' && ['am', 'is', 'are', 'was', 'were', "'m", 'be', 'very', 'so'].includes(t[k - 1]?.lower ?? '')) continue;
    const v = t[k + 1];
    if (notAnInstruction(s, k + 1)) continue;
    if (v.lower === v.lemma && !['PUNCT', 'PRON', 'DET', 'ADP'].includes(v.pos) && !NOT_ASKING.has(v.lemma) && !NOTICE.test(` ${t.slice(k).map((x) => x.lemma).join(' ')} `)) return true;
  }
  return false;
}

/** Something the writer wants done, said in the passive: "the old admin account should be deleted", "this needs to be fixed". */
function passiveAsk(s: Sent): boolean {
  const t = s.toks;
  for (let k = 1; k + 2 < t.length; k += 1) {
    const modal = ['should', 'must'].includes(t[k].lower) ? 1 : (['need', 'needs', 'has', 'have'].includes(t[k].lower) && t[k + 1]?.lower === 'to') ? 2 : 0;
    if (!modal || t[k + modal]?.lower !== 'be') continue;
    const verb = t[k + modal + 1];
    if (!verb || verb.pos !== 'VERB' || !/(?:ed|en|set|put|sent|made|done|shut|cut|reset|built|kept|left)$/.test(verb.lower)) continue;
    const subject = t.slice(0, k).map((x) => x.lower);
    if (subject.some((w) => ['i', 'we'].includes(w))) continue;
    // "It should be noted…" is a dummy 'it'; "…, so it must be rolled today" is the thing to act on.
    if (['now', 'already'].includes(t[k + modal + 2]?.lower ?? '') || (t[k - 1]?.lower === 'it' && (SAYING.has(verb.lower) || t[k + modal + 2]?.lower === 'that'))) continue;
    if (expectedStep(s, k, verb)) continue;
    // "The board has decided that every contract should be market-tested": a rule of theirs reported, not an ask.
    if (t.slice(0, k).some((x, j) => DECIDE.has(x.lemma) && x.lower !== x.lemma && t[j + 1]?.lower === 'that')) continue;
    // "The purchase request went in this morning and should be approved by Thursday": a report and its expected outcome.
    if (t[k - 1]?.lower === 'and' && t.slice(0, k - 1).some((x) => x.pos === 'VERB' && x.lower !== x.lemma && !x.lower.endsWith('ing'))) continue;
    return true;
  }
  return false;
}

/** Verbs whose that-clause is a decision of theirs: "decided that…", "agreed that…". */
const DECIDE = new Set(['decide', 'agree', 'rule', 'determine', 'mandate', 'resolve', 'stipulate']);

/** Verbs of saying after a dummy 'it': "it should be noted / said / stressed that…". */
const SAYING = new Set(['noted', 'said', 'mentioned', 'stressed', 'emphasised', 'emphasized', 'remembered', 'understood', 'recognised', 'recognized', 'borne', 'added', 'pointed']);

/** A head verb that is really the subject noun of a statement: "Churn in our customer base is down". */
function nounSubject(s: Sent, k: number): boolean {
  const t = s.toks;
  if (t[k + 1]?.pos !== 'ADP') return false;
  for (let j = k + 2; j < t.length; j += 1) {
    if (t[j].pos === 'AUX' && ['be', 'have'].includes(t[j].lemma)) return j > k + 2 && ['NOUN', 'PROPN'].includes(t[j - 1].pos);
    if (!['ADP', 'DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(t[j].pos) && !['our', 'their', 'my', 'your', 'its'].includes(t[j].lower)) return false;
  }
  return false;
}

const isParticiple = (x?: Tok) => !!x && x.pos === 'VERB' && x.lower !== x.lemma && /(?:ed|en|wn|ne|ght|ld|id|ft|pt|nt)$/.test(x.lower);

/** How an outcome moves: "see adoption double", "see usage grow". */
const OUTCOME = new Set(['double', 'triple', 'grow', 'improve', 'rise', 'drop', 'fall', 'increase', 'decrease', 'climb', 'go', 'take', 'pick', 'stick']);

/** Why a desiderative hit is not a request: a plan, a wish about others, a condition, a resource of their own, a settled question. */
function notAWish(s: Sent, at: number, end: number): boolean {
  const t = s.toks;
  const span = t.slice(at, end + 1);
  if (span.some((x) => x.lower === 'wondered' || x.lower === 'asked')) return true;
  if (fromAnotherVendor(s, at)) return true;
  // "If you'd asked me a year ago…": 'd before a participle is "had", an unreal past, not "would".
  if (span.some((x) => x.lower === "'d" && isParticiple(t[x.i + 1]))) return true;
  if (notAsking(s, at, end)) return true;
  // "no one is asking for it back", "nobody requests it": a negated asker.
  if (span.some((x) => ['ask', 'request'].includes(x.lemma)) && t.slice(Math.max(0, at - 2), at + 1).some((x) => ['nobody', 'noone', 'none'].includes(x.lower) || (x.lower === 'one' && t[x.i - 1]?.lower === 'no'))) return true;
  // "Our reps request the same reports every week, so I've scheduled them": an ask of theirs, settled.
  const req = span.findIndex((x) => x.lemma === 'request');
  if (req >= 0 && settledAfter(s, at + req)) return true;
  // "Users were asking whether the outage lost data; we checked the log": asked of us, but answered or about their own plans.
  const ask = span.findIndex((x) => ['asking', 'asks'].includes(x.lower));
  if (ask >= 0 && !openAsk(s, at + ask)) return true;
  // "Ideally we'd have moved years ago", "we needed exactly that last year": a wish for the past, nothing left to give.
  const after = t.slice(at, end + 3);
  if (after.some((x, i) => x.lemma === 'would' && after[i + 1]?.lower === 'have' && after[i + 2]?.pos === 'VERB' && after[i + 2].lower !== after[i + 2].lemma)) return true;
  if (span.some((x) => ['needed', 'wanted', 'required'].includes(x.lower)) && PAST_TIME.test(` ${s.text.toLowerCase()} `)) return true;
  // "I'd love to say we're close", "wondering whether to bring Luca", "wondering whether it's worth upgrading our laptops".
  const wish = span.findIndex((x) => ['love', 'like'].includes(x.lemma));
  if (wish >= 0 && t[at + wish + 1]?.lower === 'to' && TELL.has(t[at + wish + 2]?.lemma ?? '')) return true;
  // (…and what follows such an opening explains why it cannot be said: "Would love to say we're ready, but we need another quarter".)
  const lead = t.slice(0, 5).findIndex((x) => ['love', 'like'].includes(x.lemma));
  if (lead >= 0 && t[lead - 1]?.lemma === 'would' && t[lead + 1]?.lower === 'to' && TELL.has(t[lead + 2]?.lemma ?? '')) return true;
  // "Our COO would like to see adoption double by Q2": a hope for an outcome of theirs, not a thing to be shown.
  const see = t.findIndex((x, i) => i >= at && i <= end + 1 && x.lemma === 'see' && t[i - 1]?.lower === 'to');
  if (see >= 0 && ['like', 'love', 'want'].includes(t[see - 2]?.lemma ?? '')) {
    const clause = t.slice(see + 1, see + 6);
    const verb = clause.findIndex((x, i) => i > 0 && (OUTCOME.has(x.lemma) || (x.pos === 'VERB' && x.lower === x.lemma)));
    if (verb > 0 && !clause.slice(0, verb).some((x) => ['you', 'your', 'u'].includes(x.lower))) return true;
  }
  const whether = t.findIndex((x, i) => i >= at && i <= end + 2 && ['whether', 'if'].includes(x.lower));
  if (span.some((x) => x.lemma === 'wonder') && whether >= 0 && !t.slice(whether).some((x) => x.lower === 'you' || x.lower === 'your')) {
    const c = t.slice(whether + 1, whether + 5);
    if (c[0]?.lower === 'to' || c.some((x) => x.lower === 'worth') || (['we', 'i'].includes(c[0]?.lower ?? '') && ['should', 'ought'].includes(c[1]?.lower ?? ''))) return true;
  }
  if (span.some((x, i) => ['need', 'want', 'require', 'like', 'love'].includes(x.lemma) && negated(s, at + i))) return true;
  const need = t.findIndex((x, i) => i >= at && ['need', 'require', 'want'].includes(x.lemma));
  const you = need >= 0 && t[need + 1]?.lower === 'you';
  // "…doing what we need", "…everything we want": a relative clause (but "What I'd love is…" and "…that we need you to answer" ask).
  const rel = t[at - 1]?.lower ?? '';
  const cleft = rel === 'what' && (at - 1 === start(s) || t[at - 2]?.pos === 'PUNCT');
  // ("A quote for that would be appreciated": 'that' after a preposition is the thing pointed at, not a relative.)
  const pointed = rel === 'that' && t[at - 2]?.pos === 'ADP';
  if (['what', 'that', 'which', 'everything', 'all', 'whatever'].includes(rel) && !cleft && !you && !pointed) return true;
  if (zeroRelative(s, at)) return true;
  if (need >= 0) {
    let j = need + (you ? 2 : 1);
    // "I wanted you to hear it from me", "I want to flag…": telling, not asking.
    if (t[j]?.lower === 'to' && (you ? ['know', 'hear', 'be'].includes(t[j + 1]?.lemma ?? '') : ['flag', 'mention', 'let', 'share', 'update', 'say', 'tell', 'warn', 'introduce', 'thank', 'give', 'make'].includes(t[j + 1]?.lemma ?? ''))) return true;
    // "We'll need to think it over", "…need to sort it out on our side": their own step.
    if (!you && / (?:internally|on our (?:side|end)|our side) /.test(` ${s.text.toLowerCase()} `)) return true;
    // ("…need to check whether you received it" still asks us.)
    // ("Wanted to check if the slots are confirmed": the polite past of asking, not a step of theirs.)
    const politeCheck = t[need].lower === 'wanted' && ['check', 'confirm'].includes(t[j + 1]?.lemma ?? '') && ['if', 'whether', 'that', 'on'].includes(t[j + 2]?.lower ?? '');
    if (!you && !politeCheck && t[j]?.lower === 'to' && DELIBERATE.has(t[j + 1]?.lemma ?? '') && !t.slice(j + 2).some((x) => ['you', 'your'].includes(x.lower))) return true;
    // "We need to get our house in order", "need to sort our data out first": work on their own things.
    if (!you && t[j]?.lower === 'to' && ['get', 'sort', 'put', 'clean', 'tidy', 'fix', 'finish'].includes(t[j + 1]?.lemma ?? '') && ['our', 'my'].includes(t[j + 2]?.lower ?? '') && !t.slice(j + 3).some((x) => ['you', 'your', 'u'].includes(x.lower))) return true;
    // "I just need to get it through finance": their own gate, not ours.
    if (t[j]?.lower === 'to' && t[j + 1]?.lemma === 'get' && ['it', 'this', 'that', 'them'].includes(t[j + 2]?.lower ?? '') && ['through', 'past'].includes(t[j + 3]?.lower ?? '')) return true;
    // "We'd need more budget", "I need to get sign-off from our CFO": what only their side can give.
    if (t[j]?.lower === 'to' && RECEIVE.has(t[j + 1]?.lemma ?? '')) j += 2;
    while (['more', 'some', 'the', 'a', 'extra', 'additional', 'internal', 'our', 'formal', 'final'].includes(t[j]?.lower ?? '')) j += 1;
    // ("board approval", "exec buy-in": the head noun after a modifier.)
    if (t.slice(j, j + 3).some((x, i) => INTERNAL.has(x.lower) && (i === 0 || t[j + i - 1].pos === 'NOUN' || t[j + i - 1].pos === 'ADJ')) || / from (?:our|my) /.test(` ${t.slice(j).map((x) => x.lower).join(' ')} `)) return true;
    // "We'll want to revisit it when the new year starts": a future wish on a time of theirs.
    const modal = t.slice(at, need).some((x) => x.lemma === 'will');
    const later = t.slice(need).findIndex((x) => ['when', 'once', 'if', 'after'].includes(x.lower));
    if (modal && later >= 0 && !['you', 'it', 'possible'].includes(t[need + later + 1]?.lower ?? '')) return true;
  }
  // "If this quarter goes well, we'd want…", "Whenever we get budget, we'll want…": a wish on the customer's own condition.
  // "If you can get us the contract today, I'll have it signed": a bargain, its main clause the writer's own promise.
  if (t[at]?.lower === 'if' && / (?:i|we) will /.test(lemmaLine(s).line.slice(lemmaLine(s).at[end] ?? 0))) return true;
  const cond = conditionBefore(s, at);
  if (cond && !['you', 'it', 'possible', 'needed', 'necessary', 'so'].includes(t[cond.at + 1]?.lower ?? '')) return true;
  // ("…to get the SSO piece sorted": the wished-for result, not a settling.)
  return t.slice(end + 1).some((x) => SETTLED.has(x.lower) && !t.slice(Math.max(at, x.i - 5), x.i).some((y) => ['get', 'have'].includes(y.lemma)));
}

/**
 * "The licence count we'll need next year is going down": a want in a relative clause with its
 * pronoun left out, inside the subject of a statement (not "For the renewal we'll need the order form").
 */
const CLEFT_HEAD = new Set(['thing', 'one', 'bit', 'piece', 'part', 'item', 'ask', 'request', 'question', 'priority', 'point', 'way', 'main', 'detail', 'info', 'information']);

function zeroRelative(s: Sent, at: number): boolean {
  const t = s.toks;
  // ("The thing I'd really need from you is a template": a cleft naming the ask.)
  if (t[at - 1]?.pos !== 'NOUN' || CLEFT_HEAD.has(t[at - 1].lemma)) return false;
  let k = at - 1;
  while (k > 0 && (['NOUN', 'ADJ', 'NUM'].includes(t[k - 1].pos) || t[k - 1].pos === 'DET' || ['our', 'my', 'their', 'your'].includes(t[k - 1].lower))) k -= 1;
  if (!(t[k].pos === 'DET' || ['our', 'my', 'their', 'your'].includes(t[k].lower))) return false;
  const lead = t[k - 1];
  if (lead && !(lead.pos === 'PUNCT' || ['so', 'and', 'but', 'also'].includes(lead.lower))) return false;
  // The main clause's own verb comes after the relative clause (which asks nothing of us).
  const main = t.findIndex((x, i) => i >= at + 3 && x.pos === 'AUX' && ['be', 'have'].includes(x.lemma) && x.lower !== x.lemma);
  if (main > 0 && t.slice(at, main).some((x) => ['you', 'your', 'u'].includes(x.lower))) return false;
  return t.slice(at + 3).some((x) => x.pos === 'AUX' && ['be', 'have'].includes(x.lemma) && x.lower !== x.lemma);
}

/** The clauses of a sentence around its sign-off that ask on their own. */
function besideClosing(text: string): boolean {
  const parts = text.split(/\s*(?:[,;:–—]|\s-\s|\bbut\b)\s*/).filter((p) => p.split(/\s+/).length >= 3 && !CLOSING.test(p));
  if (parts.length === 0 || parts.join(' ') === text) return false;
  return parts.some((p) => analyze(p).some(asks));
}

/** Whether a sentence asks us for something. */
export function asks(s: Sent): boolean {
  const text = s.text.replace(URL, '');
  if (NOTHING_FOR_US.test(text)) return false;
  // A sign-off asks nothing, but the clause glued to it still may: "Hope you're well - could the change move to next week".
  // ("…, so feel free to drop the spare users": leave to act on their account, no sign-off.)
  if (CLOSING.test(text)) return leaveToAct(s) || (!WITHDRAWN.test(text) && besideClosing(text));
  const t = s.toks;
  const line = ` ${t.map((x) => x.lemma).join(' ')} `;
  const k = start(s);
  const head = t[k];
  if (/\?\s*$|\?\s+\S/.test(text)) return !rhetorical(s, k) && !notAQuestion(s, k);
  if (!head) return false;
  if (head.lower === 'lmk') return true;
  if (NOTICE.test(line) && !t.slice(k).some((x) => x.lower === 'could' || x.lower === 'can')) return false;
  // An interrogative without its question mark: "Could you confirm…", "is there a way…", "could u check…".
  // "Should you need anything…", "Were we to acquire…" open a condition, not a question.
  const subj = t[k + 1];
  if (AUX.has(head.lower) && subj && (subj.pos === 'PRON' || subj.pos === 'PROPN' || subj.pos === 'DET' || ['there', 'u', 'that', 'this'].includes(subj.lower))) {
    if (['should', 'were', 'had'].includes(head.lower) && t.slice(k + 2).some((x) => x.text === ',')) return false;
    return !(head.lower === 'do' && subj.pos === 'VERB');
  }
  if (WH.has(head.lower) && t[k + 1] && (AUX.has(t[k + 1].lower) || t[k + 1].lemma === 'be')) return !rhetorical(s, k) && !notAQuestion(s, k);
  if (/ any update /.test(line) && !/ any update (?:from|on) (?:our|my|me|us) /.test(line)) return true;
  // An imperative: a base-form verb opening the sentence ("please reset…", "let us know…", "tell me more").
  const verb = head.lower === 'please' || head.lower === 'kindly' || head.lower === 'pls' || head.lower === 'do' ? t[k + 1] : head;
  // (The tagger reads some sentence-initial verbs as nouns: "Drop me a line once…", "Ping us when…".)
  const nounVerb = verb === t[k] && ((verb.pos === 'NOUN' && ['me', 'us', 'it', 'them'].includes(t[k + 1]?.lower ?? '')) || (verb.pos === 'PROPN' && ['me', 'us'].includes(t[k + 1]?.lower ?? ''))) && verb.lower === verb.lemma;
  if (nounVerb && !NOT_ASKING.has(verb.lemma) && !notAnInstruction(s, k)) return true;
  // (…or after a label: "Action needed: countersign the amended DPA", the verb read as a noun before its object.)
  const labelled = k > 0 && t[k - 1]?.text === ':' && ['DET', 'PRON'].includes(t[k + 1]?.pos ?? '') && !['i', 'we', 'you', 'it', 'they'].includes(t[k + 1]?.lower ?? '');
  if (verb && (verb.pos === 'VERB' || (verb === t[k] && (k === 0 || labelled) && verb.pos === 'NOUN' && verb.lower === verb.lemma)) && verb.lower === verb.lemma && !NOT_ASKING.has(verb.lemma) && !nounSubject(s, t.indexOf(verb))) {
    const v = t.indexOf(verb);
    const next = t[v + 1];
    // "Just need to finish the import on our side": the writer's own task, not an ask (only "need to know/see/get…" asks).
    if (verb.lemma === 'need' && next?.lower === 'to' && !RECEIVE.has(t[v + 2]?.lemma ?? '')) return false;
    // "Let me know" and "let us have it by Friday" ask; "let me introduce…", "let me check" are the writer's own act.
    if (verb.lemma === 'let') {
      if (next && ['me', 'us'].includes(next.lower)) return ['know', 'have', 'hear'].includes(t[v + 2]?.lemma ?? '');
    } else if (notAnInstruction(s, v)) return false;
    else if (verb.pos === 'VERB' || labelled || head.lower === 'please' || head.lower === 'kindly') return true;
  }
  // ("Kindly note I have been reassigned…": a notice.)
  if ((head.lower === 'please' || head.lower === 'kindly') && !notAnInstruction(s, k + 1) && !NOT_ASKING.has(t[k + 1]?.lemma ?? '')) return true;
  if (clauseRequest(s) || passiveAsk(s) || pleaseAnywhere(s)) return true;
  if (askInOtherForm(s) || askInPhrasing(s)) return true;
  if (anyWay(s) || askByRole(s)) return true;
  // A desiderative or indirect request, unless it reports someone's past asking.
  const want = first(s, WANT);
  const reported = t.slice(0, want ? want.start + 3 : 0).some((x) => ['asked', 'wondered', 'questioned', 'enquired', 'inquired'].includes(x.lower));
  if (want && !(REPORT.test(line) && reported && !/ (?:be wonder|be hope|be curious) /.test(line))) {
    return !notAWish(s, want.start, want.end);
  }
  return impliedAsk(s);
}

/** The sentences of a text that ask for something (questions and requests), verbatim. */
export function questionSentences(text: string): string[] {
  return stillAsking(analyze(text), asks).map((s) => s.text);
}

export function asksSomething(parts: Utterance[]): boolean {
  return parts.some((u) => u.side === 'them' && questionSentences(u.text).length > 0);
}

const firstName = (n?: string | null) => (n ?? '').trim().split(/[\s.@]+/)[0]?.toLowerCase() ?? '';

/**
 * The requests among these sentences that are put to us: "Erik, could you check…" sent to Erik with us
 * in copy is the customer asking a colleague. A question that names one of us, or an email addressed
 * to us (or to nobody in particular), is ours to answer.
 */
function requestsForUs(signal: Signal, asked: string[], ctx: PerceiveContext): string[] {
  const theirNames = new Set(ctx.contacts.map((c) => firstName(c.name)).filter(Boolean));
  if (signal.kind !== 'email') {
    return asked.filter((q) => {
      const vocative = vocativeOf(q);
      return !(vocative && theirNames.has(vocative)) && !askedOfOwnPeople(q);
    });
  }
  const ours = (email: string) => !matchesDomain(email, ctx.account.domains);
  const people = [...signal.to, ...signal.cc];
  const ourNames = new Set(people.filter((p) => ours(p.email)).map((p) => firstName(p.name ?? p.email)));
  for (const p of people) if (!ours(p.email)) theirNames.add(firstName(p.name ?? p.email));
  return asked.filter((q) => {
    const vocative = vocativeOf(q);
    if (vocative && ourNames.has(vocative)) return true;
    if ((vocative && theirNames.has(vocative)) || askedOfOwnPeople(q)) return false;
    return signal.to.length === 0 || signal.to.some((p) => ours(p.email));
  });
}

/** The account's requests and questions to us in a signal (any register: a call, a ticket, a chat, an email to us). */
export function requestsOf(signal: Signal, parts: Utterance[], ctx: PerceiveContext): string[] {
  // Our notes carry the account's asks as reports: "Raj asked whether we could…".
  // (Not one the next sentence says we dealt with: "Sent it over during the call.")
  if (signal.kind === 'note') {
    const names = nameWords(ctx.contacts);
    return parts.flatMap((u) => {
      const sents = analyze(u.text).map((s) => caseBlind(s, names));
      // ("Mia: can we get the export at 6am?": a contact's question quoted after their name.)
      const quoted = (s: Sent) => s.toks[0]?.pos === 'PROPN' && s.toks[1]?.text === ':' && asks(s);
      return sents.filter((s, i) => (noteAsk(s) || quoted(s)) && !answeredNext(sents[i + 1])).map(asWritten);
    });
  }
  // A forwarded message's asks are ours only when passed on to us (request-forward.ts).
  const texts = (u: Utterance) => {
    if (signal.kind !== 'email') return [u.text];
    const f = forwardedParts(u.text, signal.text, ctx.contacts);
    return [f.own, ...f.forwarded];
  };
  const asked = parts.filter((u) => u.side === 'them').flatMap((u) => texts(u).flatMap(questionSentences));
  return requestsForUs(signal, asked, ctx);
}

/** An inbound human message (email, chat, form) that asks us something. */
export function isQuestionForUs(signal: Signal, parts: Utterance[], ctx: PerceiveContext): boolean {
  const inbound = (signal.kind === 'email' && parts[0]?.side === 'them') || signal.kind === 'chat' || signal.kind === 'engagement';
  return inbound && requestsOf(signal, parts, ctx).length > 0;
}
