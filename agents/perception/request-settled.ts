// Asks and non-asks read from a sentence's role in the message, for forms the main frames miss.
// Asks:
// - a request named by its label or gerund ("Requesting admin rights for…", "Request for a sandbox");
// - a benefit promised on something we could do ("if that could be added going forward, that'd save
//   us a lot of grief", "a discount would go a long way with our CFO");
// - a block on their work reported with the problem ("this is blocking our month-end close");
// - leave to act on their account ("feel free to drop the two spare users whenever").
// Not asks:
// - a note's reported ask that its next sentence says we dealt with ("Sent it over during the
//   call", "Told him the sandbox is unlimited, no action");
// - a message that says in so many words that nothing is wanted of us ("nothing you need to do");
// - a question the writer jokes with ("do you guys ever sleep? 😂") or asks to break news ("did
//   anyone tell you that Emeka quit?"), and a topic the writer names and answers ("Our old system?
//   Switched it off in March").
import type { Sent, Tok } from './nlp.js';
import { negated } from './frames.js';

const lowers = (t: Tok[]) => ` ${t.map((x) => x.lower).join(' ')} `;
const words = (s: Sent) => s.toks.filter((x) => x.pos !== 'PUNCT' && x.pos !== 'INTJ' && x.pos !== 'SYM');

/** Our own acts that settle an ask, said in a note with the subject left out or as I/we. */
const FULFIL = new Set(['sent', 'shared', 'told', 'explained', 'answered', 'fixed', 'resolved', 'gave', 'walked', 'pointed', 'emailed', 'forwarded', 'showed', 'enabled', 'created', 'reset', 'extended', 'added', 'sorted', 'clarified', 'provided', 'granted', 'removed', 'raised', 'uploaded', 'booked', 'scheduled', 'done']);
/** A promise to come back rather than an answer: "told him we'd know more after triage". */
const PROMISE_AUX = new Set(['would', 'will', "'d", "'ll", 'd', 'll']);

/** Whether the sentence after a note's reported ask says we dealt with it (see the header). */
export function answeredNext(next: Sent | undefined): boolean {
  if (!next) return false;
  const line = lowers(next.toks);
  if (/ no (?:action|follow-up|follow up|further action) (?:needed|required|on our side|for us)?/.test(line) || / nothing (?:further |more |else )?(?:needed|required|to do)\b/.test(line)) return true;
  const t = words(next);
  let k = 0;
  while (k < t.length && ['i', 'we', 'already', 'just', 'then', 'and', 'so', 'have', "'ve", 'also'].includes(t[k].lower)) k += 1;
  const v = t[k];
  if (!v || !FULFIL.has(v.lower) || negated(next, v.i)) return false;
  // "Told him we'd know more after triage": our promise, the ask still open.
  if (['told', 'explained'].includes(v.lower)) {
    const rest = t.slice(k + 1, k + 5).map((x) => x.lower);
    if (rest.some((w, i) => ['we', 'i'].includes(w) && PROMISE_AUX.has(rest[i + 1] ?? ''))) return false;
  }
  return true;
}

/** Saying that nothing is wanted of us: "nothing you need to do", "no action needed from your side". */
export const NOTHING_FOR_US = /\b(?:nothing (?:you|u|for you|your side|on your (?:side|end)) (?:need|needs|have|has|should) to do|nothing for (?:you|u) to do|no action (?:needed|required) (?:from|on|by) (?:you|your))\b/i;

/** "Requesting admin access for…", "Request for a sandbox copy", "Requesting that…": the ask named by its label. */
function namedRequest(s: Sent): boolean {
  const t = words(s);
  const w = t[0];
  if (!w || !['requesting', 'request'].includes(w.lower)) return false;
  const n = t[1];
  if (!n) return false;
  // ("Request approved", "Request withdrawn": a status, not an ask.)
  if (t.slice(1, 3).some((x) => ['approved', 'granted', 'closed', 'withdrawn', 'cancelled', 'denied', 'rejected', 'resolved', 'done', 'completed'].includes(x.lower))) return false;
  // (The tagger reads some hyphenated modifiers as verbs: "read-only rights".)
  return n.lower === 'for' || n.lower === 'that' || ['DET', 'NOUN', 'ADJ', 'PROPN', 'NUM'].includes(n.pos) || n.text.includes('-');
}

/** What a benefit promised to the writer's side sounds like: "save us", "help", "go a long way", "make a difference". */
const BENEFIT = / (?:would|'d|will) (?:\S+ ){0,3}?(?:save (?:us|me|our|everyone|a lot)|help (?:us|me|a lot|massively|enormously|hugely|loads)|go a long way|make (?:a|all the|such a) (?:\S+ )?difference|make (?:our|my) (?:\S+ )?(?:life|lives|job|week|month))/;

/**
 * "If that could be added going forward, that'd save us a lot of grief", "a discount for paying
 * upfront would go a long way with Adaeze": something we could do, wished for by its benefit. Not the
 * writer's own act ("if we could get our data clean, that would save us hours") nor a thing of theirs.
 */
function benefitWish(s: Sent): boolean {
  const line = lowers(s.toks.filter((x) => x.text !== ','));
  const m = BENEFIT.exec(line);
  if (!m) return false;
  const before = line.slice(0, m.index);
  // A passive condition on something we hold: "if that could be added", "if the invoices could be reissued".
  const cond = / if (?:that|this|it|they|these|those|the)(?: \S+){0,2} (?:could|can|would|might) (?:\S+ ){0,4}?be (\S+)/.exec(before);
  if (cond) return /(?:ed|en|set|put|sent|done|made|cut|split)$/.test(cond[1]);
  // A thing as the subject, not the writer's side nor a pronoun: "a discount … would go a long way".
  const subject = before.trim().split(' ');
  const clause = subject.slice(Math.max(subject.lastIndexOf('but'), subject.lastIndexOf('and'), subject.lastIndexOf('so')) + 1);
  const head = clause[0] ?? '';
  if (!['a', 'an', 'some', 'any', 'another', 'your', 'the'].includes(head)) return false;
  // (Their own act is no thing of ours: "if we could get our data clean"; "the value we got" only names the thing.)
  return !clause.some((x) => ['our', 'my', 'own'].includes(x)) && !/(?:^| )(?:we|i) (?:could|can|would|might|'d) /.test(clause.join(' '));
}

/** "This is blocking our quarterly access review", "it's blocking onboarding": a problem stopping their work; "so this is fairly urgent". */
function blocking(s: Sent): boolean {
  if (/ (?:this|it|that) (?:is|'s) (?:now |fairly |quite |very |pretty |really |rather |extremely |super |somewhat )?(?:urgent|time-critical|time-sensitive|critical for us)\b/.test(lowers(s.toks)) && !negated(s, s.toks.findIndex((x) => /^(?:urgent|time-|critical)/.test(x.lower)))) return true;
  return / (?:this|it|that|which) (?:is|'s|has been|'s been) (?:now |currently |completely |totally |still |really )?blocking (?:our|us|the|all|any|everyone|onboarding|payroll|invoicing|month-end|go-live)\b/.test(lowers(s.toks));
}

/** Verbs of getting in touch or asking: "feel free to reach out / ask / call" offers, it asks nothing. */
const FREE_OFFER = new Set(['reach', 'contact', 'call', 'ping', 'email', 'shout', 'ask', 'reply', 'respond', 'get', 'let', 'message', 'text', 'forward', 'share', 'use', 'book', 'grab', 'loop', 'join', 'come', 'ignore', 'skip', 'chime', 'jump', 'hop', 'say', 'send', 'give', 'copy', 'cc']);

/** "feel free to drop the other 2 users whenever": leave given to act on their account is an ask. */
export function leaveToAct(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i + 3 < t.length; i += 1) {
    if (t[i].lemma !== 'feel' || t[i + 1]?.lower !== 'free' || t[i + 2]?.lower !== 'to') continue;
    const v = t[i + 3];
    if (!v || FREE_OFFER.has(v.lemma) || ['me', 'us'].includes(t[i + 4]?.lower ?? '')) return false;
    return ['the', 'those', 'these', 'our', 'their', 'them', 'it', 'that', 'any', 'all'].includes(t[i + 4]?.lower ?? '') || t[i + 4]?.pos === 'NUM';
  }
  return false;
}

/** Our acts a step of theirs waits on: "happy to sign once you send the order form over". */
const OUR_ACT = 'send|share|provide|confirm|give|forward|issue|upload|fix|resolve|deliver|countersign|release|enable|approve|update|correct|reissue|let us know|tell us|get back';

/**
 * "Happy to sign once you send the final order form over", "when you confirm the dates we'll book
 * the rooms": their next step promised on an act of ours, which is the ask.
 */
function onceYouAct(s: Sent): boolean {
  const line = lowers(s.toks.filter((x) => x.text !== ','));
  const m = new RegExp(` (?:once|when|as soon as|after) (?:you|u|your (?:\\S+ )?team|someone on your (?:side|end)) (?:can |could |have |'ve )?(?:${OUR_ACT})(?:es|s)?\\b`).exec(line);
  if (!m) return false;
  // The main clause is theirs going ahead: "happy to sign", "we'll book", "I can approve".
  const main = line.slice(0, m.index) + line.slice(m.index + m[0].length);
  return / (?:happy|ready|glad|keen) to | (?:i|we) (?:will|'ll|can|shall) (?!not )/.test(main) && !/ (?:you|u) (?:sent|shared|gave|confirmed|fixed)\b/.test(line);
}

/** What we send that a customer waits for. */
const DELIVERABLE = new Set(['proposal', 'quote', 'quotation', 'reply', 'response', 'answer', 'feedback', 'thoughts', 'confirmation', 'draft', 'offer', 'plan', 'recommendation', 'recommendations', 'findings', 'report', 'figures', 'numbers', 'comments', 'estimate', 'invoice', 'contract', 'timeline', 'roadmap', 'pricing']);

/** "Looking forward to receiving the revised quote": something of ours awaited (not "to seeing you", "hearing from you"). */
function awaitedThing(s: Sent): boolean {
  const line = lowers(s.toks);
  // ("Looking forward to your proposal": a thing of ours named straight after, not "to your visit".)
  const named = / look(?:ing)? forward to (?:your|the) (?:revised |updated |final |new )?(\S+)/.exec(line);
  if (named && DELIVERABLE.has(named[1])) return true;
  const m = / look(?:ing)? forward to (?:receiving|getting|seeing|reading|reviewing) (?:the|your|a|an|some) (\S+)/.exec(line);
  return !!m && !['team', 'people', 'folks', 'colleagues', 'guys', 'visit', 'presentation', 'talk', 'keynote'].includes(m[1]);
}

/** "Let's get a call in the diary", "let's set up a session with your engineer": a meeting proposed to us. */
function letUsMeet(s: Sent): boolean {
  return /^ (?:\S+ )?let (?:'s|us|s) (?:\S+ ){0,2}?(?:get|set up|book|schedule|arrange|find|have|grab|put|line up|organise|organize|pencil in) (?:\S+ ){0,3}?(?:call|meeting|session|time|chat|catch-up|demo|workshop|review|slot|walkthrough|minutes|mins|hour|half-hour)\b/.test(lowers(words(s)));
}

/** Troubles that outlast a fix: "still seeing the duplicate alerts", "we're still getting 503s" (not "still seeing great results"). */
const TROUBLE = /^(?:errors?|issues?|problems?|duplicates?|duplicated|timeouts?|failures?|failed|crash(?:es)?|bugs?|glitch(?:es)?|\d{3}s|same|delays?|gaps?|outages?|lag)$/;

function stillTroubled(s: Sent): boolean {
  const t = words(s);
  for (let i = 0; i + 1 < t.length; i += 1) {
    if (t[i].lower !== 'still' || !['seeing', 'getting', 'having', 'hitting', 'experiencing'].includes(t[i + 1].lower)) continue;
    // (Their side or nobody as the subject: "still seeing…", "we're still getting…", not "the drivers are still getting used to it".)
    const subj = t.slice(0, i).filter((x) => x.pos !== 'AUX' && x.pos !== 'ADV' && !['ok', 'so', 'and', 'but', 'hmm', 'hi', 'hey'].includes(x.lower));
    if (subj.length > 0 && !subj.every((x) => ['i', 'we', 'users', 'our', 'the', 'some', 'all'].includes(x.lower) || x.pos === 'NOUN')) continue;
    if (t.slice(i + 2, i + 6).some((x) => TROUBLE.test(x.lower))) return true;
  }
  return false;
}

/** Any of the asks above. */
export function askByRole(s: Sent): boolean {
  if (stillTroubled(s)) return true;
  return namedRequest(s) || benefitWish(s) || blocking(s) || leaveToAct(s) || onceYouAct(s) || awaitedThing(s) || letUsMeet(s);
}

const LAUGH = /(?:^|\s)(?:haha+|hehe+|lol|lmao|rofl|😂|🤣|😅|😆|😄)(?:\s|[.,!?]|$)/iu;

/** A joke put as a question, laughter beside it: "do you guys ever sleep? 😂", "lol did u see their new ad?". */
function joking(s: Sent, next: Sent | undefined): boolean {
  if (!LAUGH.test(s.text) && !(next && LAUGH.test(next.text.split(/\s+/).slice(0, 1).join(' ')))) return false;
  const w = words(s).map((x) => x.lower);
  // Asking the reader to act is no joke, laughter or not ("lol can you resend it?").
  if (['can', 'could', 'would', 'will'].includes(w.find((x) => !['lol', 'haha', 'ok', 'so', 'and'].includes(x)) ?? '')) return false;
  return w.includes('ever') || w.some((x) => ['see', 'saw', 'seen', 'catch', 'caught', 'watch', 'watched', 'hear', 'heard'].includes(x));
}

/** "did anyone tell you that Emeka quit?", "have you heard that…": news broken as a question. */
function newsQuestion(s: Sent): boolean {
  const line = lowers(words(s));
  return /^ (?:did|has|have) (?:anyone|anybody|someone|somebody|nobody) (?:\S+ )?(?:tell|told|mention|mentioned) (?:to )?(?:you|u|y'all) (?:that|about) /.test(line)
    || /^ (?:did|have) (?:you|u|y'all) (?:\S+ )?(?:hear|heard) (?:that|the news) /.test(line);
}

/** "Our old scheduling system?", "The feedback from the depots?" before the writer says what became of it: a topic named, then answered. */
function ownTopic(s: Sent, next: Sent | undefined): boolean {
  const w = words(s);
  return !!next && !/\?\s*$/.test(next.text) && /\?\s*$/.test(s.text) && w.length <= 6 && ['our', 'my', 'the', 'that', 'this'].includes(w[0]?.lower ?? '')
    && !w.some((x) => x.pos === 'VERB' || x.pos === 'AUX' || ['you', 'your', 'u'].includes(x.lower));
}

/** "Is it perfect? No.": the writer's own one-word answer. */
function bareAnswer(next: Sent | undefined): boolean {
  // ("No." may come as one token.)
  const w = next ? next.toks.filter((x) => x.pos !== 'PUNCT').map((x) => x.lower.replace(/\.$/, '')) : [];
  return w.length > 0 && w.length <= 2 && ['no', 'nope', 'nah', 'yes', 'yep', 'yeah', 'absolutely', 'definitely', 'hardly', 'rarely', 'never'].includes(w[0]) && (w.length === 1 || ['really', 'way', 'chance', 'quite'].includes(w[1]));
}

/** "Can you believe it's November already?": wonder put as a question. */
function exclamation(s: Sent): boolean {
  return /^ (?:can|could|would) (?:you|u) (?:\S+ )?believe /.test(lowers(words(s)));
}

/** "Do we really need another tool? That's what my boss asked me": a question the writer quotes, not asks. */
function quotedNext(next: Sent | undefined): boolean {
  return !!next && /^ (?:that|this) (?:is|'s|was) (?:exactly |just )?what (?:\S+ ){1,3}(?:asked|wondered|wanted to know|said|put it)\b/.test(lowers(words(next)));
}

/** Whether a question asks nothing, read with the sentence after it (see the header). */
export function notAskedInContext(s: Sent, next: Sent | undefined): boolean {
  return joking(s, next) || newsQuestion(s) || ownTopic(s, next) || exclamation(s) || quotedNext(next) || bareAnswer(next);
}
