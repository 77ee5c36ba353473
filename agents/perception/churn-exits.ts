// Churn read from the exit being prepared or the relationship running down, in phrasings the older
// frames do not reach: what we'd lose if we left, a vendor chosen that "won't be you", the wind-down,
// continued use not approved, our need ending ("we won't need your seats anymore"), our count or usage
// going down, a selection or tender run while we are a stop-gap, the capability rebuilt in-house, a
// counterfactual exit ("if we weren't locked in we'd be gone"), the
// product routed around, the outlook "not looking good for you", the champion done defending us.
// Each checks the act's role (ours as the object or the subject), its negation and its condition.
import type { Sent } from './nlp.js';
import { negated } from './frames.js';
import { clauseOf, lemmas, oursAt } from './churn-frames.js';
import { oursFrom } from './churn-ends.js';

/** What we sell, named as the thing a sentence is about. */
const PRODUCT_WORD = / (?:you|your|platform|tool|app|system|software|product|subscription|contract|licence|license|seat|solution) /;

/** "what breaks / what we'd lose if we switch off your platform / went with the other vendor": the exit costed. */
const LOSS_IF = / what (?:\S+ ){0,3}?(?:break|lose|stop work|happen|fall over|would need|need to replace|go wrong) (?:\S+ ){0,3}?if we (?:\S+ ){0,2}?(?:switch off|turn off|leave|cancel|drop|go with|move to|migrate|switch to|stop use|stop pay|do not renew|terminate|get rid|unplug|pull the plug) /;
function lossIfWeLeave(line: string): boolean {
  return LOSS_IF.test(line);
}

/** Another vendor chosen and "it won't be you": "consolidating onto a single vendor, and it won't be you". */
function notYou(line: string): boolean {
  return / (?:it|that|the answer|the winner|the choice) (?:(?:will not|would not|be not|be n't|will n't) be|be (?:not|n't)(?: go to be)?) (?:you|your) /.test(line)
    && / (?:vendor|supplier|provider|partner|platform|tool|consolidate|standardise|standardize|choose|pick|select|go with|decide|decision) /.test(line);
}

/** The relationship's wind-down named: "your contact for the wind-down", "during the wind down". Not a depot's or office's. */
function windDown(s: Sent): boolean {
  const t = s.toks;
  for (let i = 1; i < t.length; i += 1) {
    const wd = t[i].lower === 'wind-down' || (t[i].lower === 'wind' && t[i + 1]?.lower === 'down' && t[i].pos === 'NOUN');
    if (!wd || !['the', 'our', 'this', 'a'].includes(t[i - 1].lower)) continue;
    const k = t[i].lower === 'wind-down' ? i + 1 : i + 2;
    // "the wind-down of the Hamburg depot": something else wound down.
    if (t[k]?.lower === 'of' && oursFrom(s, k + 1) < 0 && !PRODUCT_WORD.test(lemmas(t.slice(k + 1, k + 4)))) continue;
    if (!negated(s, i)) return true;
  }
  return false;
}

/** Continued use not approved: "we cannot approve continued use past Q1", "no further renewal will be signed off". */
function continuedUseBlocked(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i + 1 < t.length; i += 1) {
    if (!['continued', 'further', 'ongoing', 'continuing'].includes(t[i].lower) || !['use', 'usage', 'renewal', 'subscription'].includes(t[i + 1].lemma)) continue;
    const verb = t.slice(Math.max(0, i - 4), i).reverse().find((x) => ['approve', 'allow', 'permit', 'sanction', 'sign', 'support', 'authorise', 'authorize', 'justify', 'recommend'].includes(x.lemma));
    if (verb && negated(s, verb.i)) return true;
  }
  return false;
}

/** Our need ending: "we won't need your seats anymore", "we no longer need the platform after March". */
function needEnding(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i < t.length; i += 1) {
    const noLonger = t[i - 1]?.lower === 'longer' && t[i - 2]?.lower === 'no';
    if (t[i].lemma !== 'need' || t[i].pos !== 'VERB' || !(negated(s, i) || noLonger)) continue;
    const { end } = clauseOf(s, i);
    const rest = t.slice(i + 1, end + 1);
    // The object straight after the verb ("need your seats", "need you"); "nothing needed from you" needs nothing of ours.
    const obj = rest.findIndex((x, n) => x.pos !== 'DET' && x.pos !== 'PRON' ? oursAt(s, i + 1 + n) : x.lower === 'you');
    if (obj < 0 || obj > 3 || rest.slice(0, obj).some((x) => x.pos === 'ADP' || x.pos === 'NOUN')) continue;
    const when = noLonger || / (?:anymore|any more|after|from|next|beyond|once|past|come) /.test(lemmas(rest));
    if (when) return true;
  }
  return false;
}

const FALLING = / (?:go down|come down|drop|fall|decrease|shrink|halve|be down|be way down|be well down) /;
/** Our count or usage falling, said intransitively: "the licence count we'll need is going down a lot", "usage in her team is down 40%". */
function countFalling(s: Sent): boolean {
  const t = s.toks;
  const line = lemmas(t);
  if (/ (?:season|seasonal|holiday|temporar|outage|downtime|maintenance|because|since the|as the|now that) /.test(line.replace(/ since (?:january|february|march|april|may|june|july|august|september|october|november|december|the summer|the spring|last) /, ' '))) return false;
  for (let i = 0; i < t.length; i += 1) {
    const usage = ['usage', 'adoption', 'uptake', 'engagement', 'logins'].includes(t[i].lemma);
    const count = ['count', 'number'].includes(t[i].lemma) && i > 0 && ['licence', 'license', 'seat', 'user'].includes(t[i - 1].lemma);
    if (!usage && !count) continue;
    const { end } = clauseOf(s, i);
    const after = lemmas(t.slice(i + 1, end + 1));
    const m = FALLING.exec(after);
    if (!m || negated(s, i + 1)) continue;
    // "is down 40%", "going down a lot", "from 80 to 30": a fall of size, not a dip.
    if (/ (?:\d+ ?%|percent|a lot|significantly|sharply|a third|half|from \d+ to \d+|by \d+) /.test(after.replace(/ (\d+) % /g, ' $1% ')) || / from \d+ to \d+ /.test(after)) return true;
  }
  return false;
}

/** A vendor selection run while we hold the seat: "whatever we do next year is a bridge while we run a proper selection". */
function selectionRun(s: Sent): boolean {
  const t = s.toks;
  const line = lemmas(t);
  if (/ (?:shortlist|short-list|invite you|include you|you be in|you be on) /.test(line)) return false;
  for (let i = 0; i < t.length; i += 1) {
    if (!['run', 'start', 'launch', 'kick', 'begin', 'open', 'conduct', 'issue'].includes(t[i].lemma) || t[i].pos !== 'VERB' || negated(s, i)) continue;
    const np = t.slice(i + 1, i + 6);
    const head = np.findIndex((x) => ['selection', 'tender', 'rfp', 'rfi', 'bake-off', 'beauty-parade'].includes(x.lower));
    if (head < 0 || np.slice(0, head).some((x) => x.pos === 'VERB' || x.pos === 'PUNCT')) continue;
    // "a tender for a new WMS": a purchase of something else.
    const fr = i + 1 + head + 1;
    if (t[fr]?.lower === 'for' && !PRODUCT_WORD.test(lemmas(t.slice(fr + 1, fr + 5))) && !/ (?:this|the) (?:category|renewal|contract) /.test(lemmas(t.slice(fr + 1, fr + 5)))) continue;
    if (/ (?:bridge|stopgap|stop-gap|interim|meantime|while we|until we|before we renew|renewal|replace|alternative) /.test(line)) return true;
  }
  return false;
}

/** The part we're used for rebuilt by their own people: "our in-house team reckons they can build the bit we actually use". */
function rebuiltInHouse(s: Sent): boolean {
  const line = lemmas(s.toks);
  return / (?:in-house|internal|our own) (?:dev |development |engineering |it |data )?(?:team|dev|developer|engineer|people)s? | ourselves /.test(line)
    && / (?:build|rebuild|replicate|recreate|write|code|knock up|put together) (?:\S+ ){0,2}?(?:the bit|the part|the piece|the feature|what we (?:actually |really )?use|what you (?:do|provide|offer)|an equivalent|our own version|a version of (?:it|this|your)|the same thing) /.test(line)
    && !s.toks.some((x) => x.neg);
}

/** The exit held back only by the contract: "if we weren't locked in until June we'd already be gone". */
function lockedInCounterfactual(s: Sent): boolean {
  return /\b(?:we|i)(?:'d| would) (?:\w+ )?(?:have )?(?:be|been) (?:gone|long gone|out of here|elsewhere|out the door)\b/i.test(s.text)
    && / (?:lock|tie|stuck|contract|commit|term|notice) /.test(lemmas(s.toks));
}

/** The product routed around: "the planners route around the tool now". Not a fault worked around. */
function routedAround(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i + 1 < t.length; i += 1) {
    if (!['route', 'work', 'go', 'get'].includes(t[i].lemma) || t[i + 1].lower !== 'around' || negated(s, i)) continue;
    if (t.slice(i + 2, i + 5).some((x, n) => PRODUCT_WORD.test(` ${x.lemma} `) && x.lemma !== 'you' && oursAt(s, i + 2 + n))) return true;
  }
  return false;
}

/** The outlook bad for us: "it isn't looking good for you", "it looks bleak for your renewal". */
function badOutlook(line: string): boolean {
  return / (?:not|n't) look (?:good|great|promising|hopeful|likely) for (?:you|your) | look (?:bleak|grim|bad) for (?:you|your) /.test(line);
}

/** The champion done defending us: "I'm done defending this tool internally", "running out of ways to defend it". */
function doneDefending(s: Sent): boolean {
  const t = s.toks;
  for (let i = 1; i < t.length; i += 1) {
    if (!['defend', 'justify', 'champion', 'vouch', 'explain', 'sell', 'push'].includes(t[i].lemma)) continue;
    const lead = lemmas(t.slice(Math.max(0, i - 5), i));
    const done = / be do $| (?:way|reason|argument|excuse)s? to $/.test(lead) && (/ be do $/.test(lead) || / run (?:out )?(?:of )?/.test(lead));
    if (!done) continue;
    const obj = t.slice(i + 1, i + 5);
    if (obj.some((x, n) => ['this', 'that', 'it', 'you', 'your'].includes(x.lower) || oursAt(s, i + 1 + n))) return true;
  }
  return false;
}

/** Our product spoken of as not being around: "something that might not be here next year". */
function notHereNextYear(line: string): boolean {
  return / (?:might|may|could|will) not be (?:here|around) (?:next|in a year|by|after|come) /.test(line);
}

/** Our replacement talked about: "the word 'replace' was used", "talk of switching came up". */
function replacementTalk(s: Sent): boolean {
  return / (?:word|talk|mention|talking) (?:of |about )?['"‘’“”]? ?(?:replace|replacing|replacement|switch|switching|alternative|alternatives|churn|leave|leaving|cancel|cancelling|exit) ['"‘’“”]? (?:be use|be say|be mention|come up|keep come|be raise|be throw)/.test(lemmas(s.toks));
}

/** Several rival quotes wanted before the renewal: "procurement wants three quotes on the table before the renewal". */
function rivalQuotes(line: string): boolean {
  return / (?:two|three|four|several|multiple|competing|other|alternative|a few|\d) (?:\S+ )?(?:quote|bid|proposal|offer)s? (?:\S+ ){0,5}?(?:before|ahead of|for) (?:the |our )?renewal /.test(line);
}

/** Someone else in our place: "the budget draft has a line for Clari where you used to be". */
function inOurPlace(line: string): boolean {
  return / where (?:you|your \S+) (?:use to be|used to be|be before|sit before) /.test(line);
}

/** Any of the exit signs above. */
export function churnExits(s: Sent): boolean {
  const line = lemmas(s.toks);
  return lossIfWeLeave(line) || notYou(line) || windDown(s) || continuedUseBlocked(s) || needEnding(s) || countFalling(s) || selectionRun(s)
    || rebuiltInHouse(s) || lockedInCounterfactual(s) || routedAround(s) || badOutlook(line) || doneDefending(s)
    || notHereNextYear(line) || replacementTalk(s) || rivalQuotes(line) || inOurPlace(line);
}
