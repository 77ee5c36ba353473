// The forms of a sentence that look like an ask and are not, and asks in forms the main frames miss,
// read by what the words do rather than by the phrase.
// Not asks:
// - a question mark that closes a speaker's own estimate ("since, what, September?") or a filler
//   ("…, you know?"), small talk about the reader's life ("how was the trip"), an attention-getter
//   ("You know what?", "Guess what?") or a complaint about a third party ("would it kill them to…");
// - imperatives that perform a social act ("join me in welcoming…", "say hi to Esther"), put the
//   topic off ("ask me again in May", "park it till then"), withdraw ("forget it"), reassure
//   ("please don't worry") or offer help on the reader's own need ("shout if you're stuck");
// - wishes that are the writer's own act towards the reader ("I'd like to introduce you to…", "I'd
//   like to give you the numbers"), a wish about their own people's state ("I'd love for them to
//   have it from day one", "I want the planners using it"), a joke ("…, haha"), reliance ("we need
//   your forecasts more than ever"), an expected step of their own process ("should be signed this week").
// Asks:
// - a label naming an ask ("Requirement from our side: every export must…"), a chaser ("pinging
//   again on the VAT question"), a correction ("it should be AP now, not me"), an emphatic
//   expectation ("we do expect something for the downtime"), "if your team could…".
import type { Sent, Tok } from './nlp.js';
import { negated } from './frames.js';

const COMMA = new Set([',', '-', '–', '—', '(', ';']);
const lowers = (t: Tok[]) => ` ${t.map((x) => x.lower).join(' ')} `;

/** "since, what, September?", "maybe, what, eleven people?": a speaker searching for a number or a time. */
function estimate(t: Tok[], q: number): boolean {
  for (let i = Math.max(1, q - 8); i < q - 1; i += 1) {
    if (t[i].lower !== 'what' || !COMMA.has(t[i + 1].text) || !(COMMA.has(t[i - 1].text))) continue;
    const rest = t.slice(i + 2, q);
    if (rest.length && rest.every((x) => ['NUM', 'NOUN', 'PROPN', 'ADJ', 'ADP', 'DET'].includes(x.pos) || /^\d/.test(x.text))) return true;
  }
  // "Mosaiq quoted us, what was it, eighteen per user?": the same search as a clause.
  for (let i = 1; i + 3 < q; i += 1) {
    if (t[i].lower !== 'what' || !['was', 'is', "'s"].includes(t[i + 1].lower) || t[i + 2].lower !== 'it' || !COMMA.has(t[i + 3].text) || !COMMA.has(t[i - 1].text)) continue;
    const rest = t.slice(i + 4, q);
    if (rest.length && rest.every((x) => ['NUM', 'NOUN', 'PROPN', 'ADJ', 'ADP', 'DET', 'ADV'].includes(x.pos) || /^\d/.test(x.text))) return true;
  }
  return false;
}

/** Things of the reader's own life asked after as small talk. */
const PERSONAL = new Set(['weekend', 'holiday', 'holidays', 'vacation', 'honeymoon', 'trip', 'break', 'leave', 'wedding', 'birthday', 'summer', 'christmas', 'flight', 'journey', 'family', 'kids', 'travels', 'time', 'sabbatical', 'move', 'marathon']);

/** Whether the question closing at q asks nothing of us (see the header). */
export function notAQuestion(s: Sent, k: number): boolean {
  const t = s.toks;
  const q = t.findIndex((x, i) => i >= k && x.text.startsWith('?'));
  const end = q < 0 ? t.length : q;
  if (estimate(t, end)) return true;
  // "…, you know?": a filler closing a statement.
  if (t[end - 1]?.lower === 'know' && t[end - 2]?.lower === 'you' && COMMA.has(t[end - 3]?.text ?? '')) return true;
  const words = t.slice(k, end).filter((x) => x.pos !== 'PUNCT').map((x) => x.lower);
  const line = ` ${words.join(' ')} `;
  // "You know what?", "Do you know what?", "Guess what?"
  if (/^ (?:do )?you know what $| ^ guess what $/.test(line) || line === ' guess what ') return true;
  // "how was the honeymoon", "how's the family", "how were your holidays"
  if (words[0] === 'how' && ['was', 'were', 'is', "'s", 'are'].includes(words[1] ?? '') && ['the', 'your', 'ur'].includes(words[2] ?? '') && PERSONAL.has(words[3] ?? '') && words.length <= 6) return true;
  // "Is it just me or is the winter dragging on?", "Remember when we did this by hand?"
  if (/^ is it (?:just )?me or /.test(line) || /^ (?:do you )?remember (?:when|how|the days) /.test(line)) return true;
  // Exclamations and rhetoric put as questions: "Need I say more?", "Who knew it could be this easy?",
  // "How about that for a turnaround?", "Isn't it great when things just work?"
  if (/^ need (?:i|we) /.test(line) || /^ who (?:knew|would have thought|'d have thought|would 've thought|'d 've thought) /.test(line) || /^ how about that\b/.test(line)) return true;
  if (/^ (?:is|was|are) (?:n't|not) (?:it|that|this) (?:just |so |really )?(?:great|nice|amazing|wonderful|funny|ironic|crazy|mad|typical|brilliant|annoying|frustrating|lovely|sad|strange|weird) /.test(line)) return true;
  // "they were like, why don't we have this?": their own people's words, reported (not "…like, can you add it?").
  const like = t.findIndex((x, i) => i < end && x.lower === 'like' && t[i - 1]?.lemma === 'be' && COMMA.has(t[i + 1]?.text ?? ''));
  if (like > 0 && !t.slice(like, end).some((x) => ['you', 'your', 'u'].includes(x.lower))) return true;
  // "would it kill the carriers to send…": a complaint, not a question.
  return /^ (?:would|will|does|did) it kill /.test(line);
}

/** Verbs of getting in touch: an offer when the writer is the one to be contacted. */
const CONTACT = new Set(['shout', 'ping', 'call', 'email', 'message', 'text', 'holler', 'reach', 'contact', 'buzz', 'drop', 'give', 'grab']);
/** What the reader might come to need: the condition of an offer ("if you're stuck", "if anything comes up"). */
const OFFER_IF = / if (?:you (?:are |re |'re |get |ever )?(?:stuck|need|want|have|run|hit|struggle|get|would like)|anything (?:\S+ )?(?:come|comes|crop|crops|pop|pops|unclear|missing|wrong|confusing|odd|off)|there (?:is|'s|are) anything|you (?:have )?(?:any )?question)/;
/** Social acts performed through an imperative: "join me in welcoming", "say hi to". */
const GREETING = new Set(['hi', 'hello', 'hey', 'hiya', 'congrats', 'congratulations', 'goodbye', 'bye', 'thanks', 'welcome', 'cheers']);
/** Reassurance: "don't worry", "please not to worry". */
const WORRY = new Set(['worry', 'panic', 'stress', 'fret', 'fuss', 'bother', 'rush', 'hurry', 'apologise', 'apologize']);
/** Putting the topic off: "park it", "shelve this", "hold that thought". */
const DEFER = new Set(['park', 'shelve', 'table', 'hold', 'pause', 'parked']);

/**
 * Whether the imperative verb at v performs something other than asking (see the header). The
 * writer is not asking us to do a thing when they welcome someone, put the topic off or offer help.
 */
export function notAnInstruction(s: Sent, v: number): boolean {
  const t = s.toks;
  const w = t[v];
  if (!w) return false;
  const next = t[v + 1]?.lower ?? '';
  const rest = lowers(t.slice(v + 1));
  if (w.lemma === 'join' && next === 'me' && t[v + 2]?.lower === 'in') return true;
  // Formulas that frame what the writer says: "Tell you what, …", "Correct me if I'm wrong, but…", "Make no mistake", "Suffice it to say".
  if (/^ (?:you what|me if (?:i|i 'm|i'm|i am) (?:wrong|mistaken)|no mistake|it to say|me wrong)\b/.test(` ${t.slice(v + 1).map((x) => x.lower).join(' ')}`) || (w.lemma === 'suffice')) return true;
  // "Ask anyone here and they'll tell you…": an imperative as the condition of a prediction (not "send it and I'll sign").
  const and = t.findIndex((x, i) => i > v && x.lower === 'and');
  if (and > 0 && ['they', 'you', 'it', 'everyone', 'anyone', 'nobody'].includes(t[and + 1]?.lower ?? '') && ['will', "'ll"].includes(t[and + 2]?.lower ?? '') && !t.slice(v, and).some((x) => ['me', 'us'].includes(x.lower))) return true;
  if (w.lemma === 'remember' && ['when', 'how'].includes(next)) return true;
  // "Leave it with me", "leave that one with us": the writer taking the thing on.
  if (w.lemma === 'leave' && /^ (?:it|this|that|those|these|them)(?: \S+)? with (?:me|us)\b/.test(rest)) return true;
  // "Keep up the good work", "keep it up", "keep in mind…": encouragement or a notice ("keep an engineer on standby" asks).
  // ("…, so keep our licence count as is": nothing to change, the status quo confirmed.)
  // ("Keep doing what you're doing", "keep an eye out for the PO": praise, or the reader told what to expect.)
  if (w.lemma === 'keep' && (/^ (?:up|it up|going|at it|safe|well|warm|calm|smiling|in mind|that in mind|this in mind|the faith|doing|an eye out|your eyes peeled)\b/.test(rest) || / (?:as (?:it )?is|as they are|the same|unchanged|where (?:it|they) (?:is|are)) /.test(rest))) return true;
  if (w.lemma === 'say' && GREETING.has(next)) return true;
  // Good wishes and thanks passed on: "wish us luck", "pass my thanks on to…", "tell your engineers they did a great job".
  if (w.lemma === 'wish' && ['us', 'me'].includes(next) && /^ (?:us|me) (?:luck|well)\b/.test(rest)) return true;
  if (['pass', 'give', 'send', 'extend', 'convey', 'relay'].includes(w.lemma) && /^ (?:\S+ )?(?:my|our) (?:\S+ )?(?:thanks|gratitude|regards|congratulations|congrats|best|love|appreciation)\b/.test(rest)) return true;
  if (w.lemma === 'tell' && / (?:great|good|amazing|fantastic|brilliant|excellent|superb) (?:job|work)\b| (?:thanks|thank you|well done)\b/.test(rest)) return true;
  if (w.lemma === 'forget' && ['it', 'that', 'about'].includes(next) && !rest.includes(' to ')) return true;
  if (WORRY.has(w.lemma)) return true;
  // "please don't worry", "please not to worry"
  if (['not', "n't", 'do', 'dont', "don't"].includes(w.lower) && t.slice(v + 1, v + 4).some((x) => WORRY.has(x.lemma))) return true;
  // "Ask me again in February", "check back after the board", "circle back in Q2".
  if (['ask', 'try', 'check', 'circle', 'come'].includes(w.lemma) && /^ (?:me |us )?(?:again|back|later)\b/.test(rest)) return true;
  // "park it till then", "hold that thought": the topic, not a thing of ours, put off.
  if (DEFER.has(w.lemma) && ['it', 'this', 'that', 'the'].includes(next) && (next !== 'the' || t[v + 2]?.lower === 'conversation' || t[v + 2]?.lower === 'topic' || t[v + 2]?.lower === 'idea')) return true;
  // "shout if you're stuck", "ping me if anything comes up", "give me a shout if you need…": help offered, not asked.
  if (CONTACT.has(w.lemma) && (['if', 'me', 'us', 'anytime', 'whenever'].includes(next) || (next === 'a' && t[v + 2]?.lower === 'shout')) && OFFER_IF.test(rest)) return true;
  return false;
}

/** Acts of the writer towards the reader: "introduce you", "give you the numbers", "thank you". */
const OWN_ACT = new Set(['introduce', 'thank', 'welcome', 'congratulate', 'give', 'send', 'offer', 'promise', 'guarantee', 'show', 'remind', 'update', 'invite', 'inform', 'walk', 'assure', 'reassure', 'extend', 'apologise', 'apologize', 'acknowledge', 'recognise', 'recognize']);
/** States their own people are wished into: "have the tool", "be on it", "use it". */
const STATE = new Set(['have', 'be', 'use', 'using', 'on', 'enjoy', 'love']);
const LAUGH = /(?:^|\s)(?:haha+|hehe+|lol|lmao|rofl|😂|🤣|😅|:\))(?:\s|[.,!]|$)/i;

/**
 * Why the wish found at [at, end] is no ask (see the header): the writer's own act towards the
 * reader, a wish about their own people's state, a joke, reliance, or an expected step of their own.
 */
export function notAsking(s: Sent, at: number, end: number): boolean {
  const t = s.toks;
  const span = t.slice(at, end + 1);
  const verb = span.findIndex((x) => ['like', 'love', 'want', 'need', 'require'].includes(x.lemma));
  if (verb >= 0) {
    const v = at + verb;
    // "I'd like to introduce you to Kwame", "I would like to give you the numbers but…"
    if (t[v + 1]?.lower === 'to' && OWN_ACT.has(t[v + 2]?.lemma ?? '') && (['you', 'u', 'everyone', 'all'].includes(t[v + 3]?.lower ?? '') || ['introduce', 'thank', 'welcome', 'congratulate', 'acknowledge'].includes(t[v + 2]?.lemma ?? ''))) return true;
    // "I'd love to get you the topology diagram this week": getting it to the reader is giving.
    if (t[v + 1]?.lower === 'to' && t[v + 2]?.lemma === 'get' && ['you', 'u'].includes(t[v + 3]?.lower ?? '') && ['the', 'a', 'an', 'our', 'my', 'this', 'that', 'those', 'these', 'some'].includes(t[v + 4]?.lower ?? '')) return true;
    // "I'd love for them to have the tool", "I want the shift managers there using your app"
    if (t[v + 1]?.lower === 'for' && ['them', 'him', 'her', 'everyone', 'everybody', 'the', 'our', 'my', 'all'].includes(t[v + 2]?.lower ?? '')) {
      const to = t.findIndex((x, i) => i > v + 2 && i < v + 8 && x.lower === 'to');
      if (to > 0 && STATE.has(t[to + 1]?.lemma ?? '')) return true;
    }
    // (Also as a cleft: "what I want is every depot manager on this".)
    const np = t[v + 1]?.lemma === 'be' && t[at - 1]?.lower === 'what' ? v + 2 : v + 1;
    if (['the', 'our', 'my', 'all', 'every', 'them'].includes(t[np]?.lower ?? '')) {
      const ing = t.findIndex((x, i) => i > np && i < np + 6 && (x.lower === 'using' || (x.lower === 'on' && ['this', 'it', 'board'].includes(t[i + 1]?.lower ?? ''))));
      if (ing > 0 && !t.slice(np, ing).some((x) => ['you', 'your', 'u'].includes(x.lower))) return true;
    }
  }
  // "We wanted a Spanish interface, but it turns out nobody needs it, so forget it": a want given up.
  const past = span.findIndex((x) => ['wanted', 'needed', 'required'].includes(x.lower));
  if (past >= 0 && / (?:but|forget it|never mind|nevermind|after all|anymore|any more|no longer) /.test(lowers(t.slice(at + past + 1)))) return true;
  // "Would be nice if the budget stretched further, but that's our problem": a wish taken back as their own.
  if (/ but (?:\S+ ){0,2}(?:that|it|this) (?:is|'s) (?:our|my) (?:problem|issue|concern|lookout|headache)\b/.test(lowers(t.slice(at)))) return true;
  // "We're curious to see how the depots take to it": waiting to see an outcome of theirs (not "how you handle…").
  const see = span.findIndex((x) => ['curious', 'keen', 'interested', 'eager'].includes(x.lower));
  if (see >= 0 && t[at + see + 1]?.lower === 'to' && t[at + see + 2]?.lemma === 'see' && ['how', 'whether', 'if', 'what'].includes(t[at + see + 3]?.lower ?? '') && !t.slice(at).some((x) => ['you', 'your', 'u'].includes(x.lower))) return true;
  // "I'd love to get the renewal done early, but it's out of my hands": a wish the writer says is not theirs to get.
  if (verb >= 0 && / but (?:\S+ ){0,3}(?:out of (?:my|our) hands|not (?:up to|my call|our call|in my gift)|depends on (?:how|whether|what|when|if) (?!you |your ))/.test(lowers(t.slice(at + verb)))) return true;
  // "What I'd love is to get the whole renewals desk on it": their own people onto the product.
  if (verb >= 0 && / to (?:get|have) (?:the|our|all|every|my) (?:\S+ ){0,4}(?:on (?:it|board|this|the platform)|onboard|using it) /.test(lowers(t.slice(at + verb))) && !t.slice(at + verb).some((x) => ['you', 'your', 'u'].includes(x.lower))) return true;
  // "We need to get our own house in order", "we require all staff to complete training": their own side's doing.
  if (verb >= 0 && / (?:our|my) own | ourselves /.test(lowers(t.slice(at + verb)))) return true;
  if (verb >= 0 && /^ (?:all|every|each|our) (?:\S+ )?(?:staff|employees|employee|people|drivers|driver|colleagues|members|everyone|managers|agents|reps|users) (?:\S+ )?to /.test(lowers(t.slice(at + verb + 1)))) return true;
  // "We'd love to have you over for the Christmas party": hospitality, not an ask.
  if (verb >= 0 && /^ to have you (?:over|along|at|join|as our guest)/.test(lowers(t.slice(at + verb + 1)))) return true;
  // "I'd need a lot more coffee to get through this week, haha": a joke.
  if (LAUGH.test(s.text) && !/\?/.test(s.text)) return true;
  // "…which is why we need your pricing analytics more than ever": what they rely on, not what they lack.
  if (/ more than ever /.test(lowers(t.slice(end)))) return true;
  return false;
}

/** The customer's own steps, expected rather than asked for: "should be signed this week". */
const THEIR_STEP = new Set(['signed', 'countersigned', 'approved', 'paid', 'processed', 'submitted', 'finalised', 'finalized', 'ratified', 'rubber-stamped', 'authorised', 'authorized']);

/** A passive "should be signed" about the customer's own process: an expectation, not an ask. */
export function expectedStep(s: Sent, k: number, verb: Tok): boolean {
  const t = s.toks;
  return t[k].lower === 'should' && THEIR_STEP.has(verb.lower) && !t.some((x) => ['you', 'your', 'u'].includes(x.lower));
}

/** Nouns that name an ask when they label what follows: "Requirement from our side: …", "Action for you: …". */
// (Not "Action:" or "To-do:": an action item names who does it, often their own people or us.)
const ASK_LABEL = new Set(['requirement', 'requirements', 'request', 'ask', 'need', 'needs', 'must-have', 'prerequisite', 'requested']);
const DONE = new Set(['resolved', 'closed', 'done', 'answered', 'fixed', 'sorted', 'completed', 'withdrawn', 'cancelled', 'met', 'covered', 'fulfilled']);

/** "Requirement from our side: every export must land in our storage", "Our ask: …". */
function labelledAsk(s: Sent): boolean {
  const t = s.toks;
  const colon = t.slice(0, 8).findIndex((x) => x.text === ':');
  if (colon <= 0 || colon + 2 >= t.length) return false;
  const label = t.slice(0, colon);
  if (!label.some((x) => ASK_LABEL.has(x.lower))) return false;
  return !t.some((x) => DONE.has(x.lower)) && !t.slice(colon + 1).some((x, i) => negated(s, colon + 1 + i) && ['need', 'needed', 'required', 'action'].includes(x.lower));
}

/** Chasing an earlier ask: "pinging again on the VAT question", "following up on my invoice query", "bumping this". */
function chaser(s: Sent): boolean {
  const line = lowers(s.toks.filter((x) => x.pos !== 'PUNCT' || x.text === ':'));
  const m = /^ (?:(?:hi|hey|hello|sam|just|so|ok|quick|sorry|again|gentle|friendly|polite) )*(?:i am |i'm |i 'm |am )?(?:pinging|ping|chasing|chase|nudging|nudge|bumping|bump|following up|follow up|circling back|checking in|checking back)(?: again| once more| up)? (on|about|re|regarding|with you on|this|the|my|our)\b(.*)$/.exec(line);
  if (!m) return false;
  const rest = m[2];
  // "Following up on my own ticket: it was our VPN", "checking in on the team": a closing of one's own, or not ours.
  return !/^ (?:my|our) own\b/.test(rest) && !/ (?:nothing (?:further|more|else)|no (?:action|need)|all (?:good|sorted)|resolved|fixed)\b/.test(rest);
}

/** "it should be accounts payable now, not me": a correction of something we hold. */
function correction(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i + 2 < t.length; i += 1) {
    // ("The invoice should go to ap@…, not to me": where a thing of ours goes, corrected.)
    if (t[i].lower !== 'should' || !['be', 'go', 'come'].includes(t[i + 1]?.lemma ?? '') || negated(s, i)) continue;
    const after = t.slice(i + 2);
    const comma = after.findIndex((x) => x.text === ',');
    if (comma > 0 && after[comma + 1]?.lower === 'not' && after.length - comma <= 5) return true;
  }
  return false;
}

/** "we do expect something for the downtime", "we expect an answer from you": a demand. */
function demand(s: Sent): boolean {
  const line = lowers(s.toks);
  return / (?:i|we) (?:do|really|fully|definitely) expect (?:some|something|a|an|the|your|compensation|credit) /.test(line)
    || / (?:i|we) (?:do |really |fully )?expect (?:something|some \S+|an? \S+|the \S+) (?:\S+ ){0,4}from (?:you|your) /.test(line);
}

/** "if your guys could have a look", "if someone on your side could…", "if somebody could look into that": a condition that is itself the ask. */
function ifYourSide(s: Sent): boolean {
  return / if (?:your (?:\S+ ){0,2}|someone (?:on|from|in) your (?:\S+ ){0,2}|one of your (?:\S+ ){0,2}|(?:someone|somebody|anyone|anybody) )(?:could|would|can|might) (?!have (?:been|done|known|seen|told|given|sent|made|had|gone|got|gotten|taken|\S+(?:ed|en|wn|ne|ght)) )/.test(lowers(s.toks.filter((x) => x.text !== ',')));
}

/** "Hoping to grab ten minutes with your product person": a meeting sought with us. */
function hopingToMeet(s: Sent): boolean {
  return / (?:hop(?:e|ing)|keen|want(?:ing)?|looking) to (?:grab|get|book|snag|have|set up|schedule|find) (?:\S+ ){0,4}with (?:you|your|one of your|someone (?:on|from) your) /.test(lowers(s.toks));
}

/** "We ask you to tell us the price", "I kindly request that you…": the ask performed in so many words. */
function performedAsk(s: Sent): boolean {
  // ("We'd ask that all admin access be logged": the subjunctive that-clause is the thing asked.)
  // ("I'd ask you for more dashboards, but the team barely uses them": what the writer would ask, taken back.)
  const line = lowers(s.toks);
  const m = / (?:i|we) ((?:would |'d |hereby |kindly |therefore |also )*)(?:ask|request|beg|urge) (?:you|u|that you|your|that) /.exec(line);
  return !!m && !(/(?:would|'d) /.test(m[1]) && / but /.test(line.slice(m.index)));
}

/** "Happy to renew, provided you can hold the price": the condition put on us is the ask. */
function conditionOnUs(s: Sent): boolean {
  return / (?:provided|providing|so long as|as long as|on condition that|on the condition that) (?:that )?(?:you|u) (?:can|could|will|would|'ll|agree|hold|match|include|waive|extend|give|throw|keep|honour|honor|get|send|fix)\b/.test(lowers(s.toks));
}

/** "Our auditors are chasing us for your pen test summary": someone of theirs pressing them for a thing of ours. */
function pressedForOurs(s: Sent): boolean {
  const line = lowers(s.toks);
  const m = / (\S+) (?:be |is |are |'re |keep |have been |has been |'ve been |been )?(?:chasing|hounding|pestering|bugging|nagging|pushing|chase|chased|hounded) (?:me|us) (?:for|about|on) (your|the) (.*)$/.exec(line);
  return !!m && !['i', 'we'].includes(m[1]) && !/\bown\b/.test(m[3]) && (m[2] === 'your' || / (?:from you|of yours) /.test(` ${m[3]} `));
}

/** Troubles and their own resources: "we haven't seen any errors yet", "we don't have the budget yet". */
const NOT_AWAITED = new Set(['issue', 'issues', 'problem', 'problems', 'error', 'errors', 'complaint', 'complaints', 'trouble', 'budget', 'approval', 'sign-off', 'decision', 'headcount', 'time', 'date', 'idea', 'clue', 'plan', 'plans']);

/**
 * Something awaited from us that has not come, said with "still" or "yet": "we haven't received the
 * credit note yet", "I still don't have access to the reporting module", "the key still hasn't arrived".
 */
function stillAwaited(s: Sent): boolean {
  const t = s.toks;
  const line = lowers(t);
  if (!/ (?:still|yet) /.test(line)) return false;
  for (let i = 1; i + 1 < t.length; i += 1) {
    const v = t[i];
    const participleNext = t[i + 1]?.pos === 'VERB' && t[i + 1].lower !== t[i + 1].lemma;
    if (!negated(s, i) || !(v.pos === 'VERB' || (v.lemma === 'have' && !participleNext))) continue;
    if (['receive', 'get', 'have'].includes(v.lemma)) {
      // (The writer's side as the subject, said or left out: "Still haven't got the login link".)
      const before = t.slice(0, i).filter((x) => x.pos !== 'PUNCT' && x.pos !== 'AUX' && x.pos !== 'PART' && x.pos !== 'ADV');
      if (!(before.length === 0 || before.some((x) => ['i', 'we'].includes(x.lower)))) continue;
      const obj = t.slice(i + 1, i + 6);
      if (!obj.length || obj.some((x) => NOT_AWAITED.has(x.lower) || ['our', 'my', 'own', 'round', 'around', 'chance'].includes(x.lower)) || obj[0].pos === 'PART') continue;
      if (['the', 'your', 'any', 'a', 'an', 'access', 'that', 'those', 'it', 'them', 'anything'].includes(obj[0].lower) || obj[0].pos === 'NOUN') return true;
    }
    // "the renewal quote hasn't arrived yet": a thing, not a person or their own.
    if (['arrive', 'land', 'come', 'reach'].includes(v.lemma)) {
      const before = t.slice(0, i);
      if (before.some((x) => ['our', 'my', 'we', 'i', 'he', 'she', 'they'].includes(x.lower))) continue;
      // (Ours, not their trucks: "your countersigned copy", "the key from you".)
      if (before.some((x) => x.pos === 'NOUN') && (before.some((x) => x.lower === 'your') || / from (?:you|your) /.test(lowers(t.slice(i))))) return true;
    }
  }
  return false;
}

/**
 * Wants in set phrases the desiderative frames miss: "the thing we're missing is…",
 * "I write to ask…", "grateful to receive…", "Mia would appreciate a fix", "ideally
 * the report would show…", "might be worth you looking at…", "could do with a hand on…", "you'll need
 * to update our address".
 */
function setPhraseWant(s: Sent): boolean {
  const line = lowers(s.toks.filter((x) => x.text !== ','));
  if (/ (?:thing|bit|piece|part) (?:that )?(?:we|i) (?:'re|are|am|'m) (?:still |really )?(?:missing|lacking) (?:is|'s) /.test(line)) return true;
  if (/ (?:i|we) (?:am |'m |are |'re )?(?:write|writing|contact|contacting|reach out|reaching out) (?:to you )?to (?:ask|request|enquire|inquire|kindly ask) /.test(line)) return true;
  // "We're keen on a demo of the add-on" (not "keen on the new layout": what they have).
  if (/ (?:i|we) (?:am|'m|are|'re) (?:really |very |quite |also )?(?:keen on|interested in) (?:a|an|some|getting|seeing|having|hearing) /.test(line)) return true;
  if (/ (?:grateful|thankful|obliged) to (?:receive|get|have|hear|know|see|learn) /.test(line)) return true;
  if (/ would (?:really |very much |greatly |so )?(?:appreciate|welcome) (?:a|an|the|your|some|any|it|help|if) /.test(line)) return true;
  if (/(?:^| )ideally (?:the|it|this|that|your|each|every|all|we|i) (?:\S+ ){0,4}(?:would|could|should) (?!have )/.test(line)) return true;
  if (/ worth (?:you|your \S+|you guys|someone on your \S+) (?:looking|checking|having|taking|investigating|reviewing|digging) /.test(line)) return true;
  if (/ could do with (?:a|an|some|your) (?:\S+ )?(?:hand|help|steer|pointer|pointers|guidance|advice|input|walkthrough|call|review) /.test(line)) return true;
  // "We are needing the invoice corrected" (a learner's progressive), "any way to bulk-delete old routes".
  if (/ (?:i|we) (?:am|'m|are|'re) (?:needing|requiring) (?!to )/.test(line) || /^ (?:\S+ )?any (?:way|chance|option|possibility) (?:to|of|for|(?:we|you|u) (?:could|can|might)) /.test(line)) return true;
  // "The board has asked for a security overview from you", "…has asked for your pen test": asked of us, through them.
  if (/ (?:has|have|'ve|'s) (?:\S+ )?asked for (?:your |(?:\S+ ){1,6}from (?:you|your) )/.test(line)) return true;
  return / (?:you|u) (?:will|'ll) (?:need|have) to (?!be |wait )/.test(line);
}

/** "talk to me for the pipeline reports", "go to Fatima for anything security": where to take things now. */
function redirect(s: Sent): boolean {
  const words = s.toks.filter((x) => x.pos !== 'PUNCT');
  const k = words.findIndex((x) => !['so', 'and', 'but', 'just', 'please', 'pls', 'now', 'from', 'here', 'on', 'then'].includes(x.lower));
  const line = lowers(words.slice(k));
  return /^ (?:talk|speak|go|turn) (?:to|with) (?:me|us|him|her|them|\S+) (?:for|about|re|regarding|with) (?:the|any|anything|all|your|questions|\S+) /.test(line);
}

/** Any of the asks above. */
export function askInOtherForm(s: Sent): boolean {
  return labelledAsk(s) || chaser(s) || correction(s) || demand(s) || ifYourSide(s) || hopingToMeet(s) || performedAsk(s) || conditionOnUs(s) || pressedForOurs(s) || stillAwaited(s) || setPhraseWant(s) || redirect(s);
}
