// Churn said without the stock words: the exit being prepared (a migration to a new platform, "preparing
// to move", the savings of switching us off, a move away from our platform costed), a rival run against
// us (a pilot "to compare", a side-by-side, a consolidation onto another vendor, the contract taken to
// market), the work drifting back to the old tools, another term not signed off, and the champion who
// backed us before and will not again (read across two sentences). Each reads the act and what it acts
// on, its negation and its condition, so another writer's wording of the same move is read too.
import type { Sent } from './nlp.js';
import { negated } from './frames.js';
import { lemmas } from './churn-frames.js';

/** Another system named as the target of a move: "the new platform", "a different tool", not "your new release". */
const ELSEWHERE = /^ (?:a|the|an) (?:new|different|other|replacement|alternative|successor) (?:\S+ )?(?:platform|system|tool|provider|vendor|supplier|solution|crm|software) /;
const MOVE_NOUN = new Set(['migration', 'move', 'switch', 'transition', 'switchover', 'cutover', 'changeover']);
const PREPARE = new Set(['prepare', 'plan', 'ready', 'start', 'begin', 'scope', 'schedule', 'get']);

/** The exit under way: "preparing the migration to the new platform", "they're preparing to move", "planning the switch to a different tool". */
function exitPrepared(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i + 1 < t.length; i += 1) {
    if (!PREPARE.has(t[i].lemma) || negated(s, i)) continue;
    // "preparing to move / to switch / to leave" with nothing named after it: the account itself moving.
    if (t[i + 1].lower === 'to' && ['move', 'switch', 'leave', 'migrate', 'exit'].includes(t[i + 2]?.lemma ?? '') && (!t[i + 3] || t[i + 3].pos === 'PUNCT' || ['away', 'on', 'off'].includes(t[i + 3].lower))) return true;
    // "…the migration to the new platform": a move whose target is another system.
    const n = t.slice(i + 1, i + 4).findIndex((x) => MOVE_NOUN.has(x.lemma) && x.pos === 'NOUN');
    if (n < 0) continue;
    const at = i + 1 + n;
    if (t[at + 1]?.lower === 'to' && ELSEWHERE.test(lemmas(t.slice(at + 2, at + 6)))) return true;
  }
  return false;
}

/** Our exit costed or its saving weighed: "what we'd save by switching it off", "what a move away from your platform would cost". */
const COSTED = / what (?:\S+ ){0,3}?save (?:\S+ ){0,2}?by (?:switch|turn)(?:ing)? (?:it|them|you|the tool|the platform|this) off | what (?:\S+ ){0,2}?save (?:\S+ ){0,2}?by (?:cancel|drop|leave|ditch)(?:ing)? (?:it|you|the|this|your) /;
/** A move away from what we sell: "a move away from your platform", "migrating away from the tool". */
const AWAY = / (?:move|migrate|migration|switch|transition|shift|go) away from (?:you|your|the platform|this platform|the tool|this tool|the product|the system) /;

/**
 * Our place given to another vendor: "a consolidation onto Gainsight", "consolidating onto a different
 * platform", or the contract taken to market ("asked procurement to go out to market"). (A rival only
 * evaluated beside us, a bake-off or a side-by-side, is the competitor's concept, not an exit.)
 */
function rivalRun(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i + 2 < t.length; i += 1) {
    if (!/^consolidat/.test(t[i].lower) || !['onto', 'into'].includes(t[i + 1].lower) || negated(s, i)) continue;
    const k = ['the', 'a', 'an'].includes(t[i + 2].lower) ? i + 3 : i + 2;
    // Onto a named vendor or another system; not onto a number of seats or one workspace of ours.
    if ((t[k]?.pos === 'PROPN' && t[k].cap && !t[k].known) || ELSEWHERE.test(lemmas(t.slice(i + 2, i + 6)))) return true;
  }
  return / (?:go|take (?:it|this|the contract|the renewal)) out to (?:the )?market | go to market (?:on|for) (?:this|the renewal|the contract) /.test(lemmas(t));
}

const OLD_WAY = / (?:excel|spreadsheet|sheet|paper|whiteboard|clipboard|notebook|old (?:\S+ )?(?:tracker|system|tool|sheet|process)) /;
/** The work drifting back to the old tools: "dispatch has started logging jobs in the old Excel tracker again". Not during an outage. */
function backToOldTools(s: Sent): boolean {
  const line = lemmas(s.toks);
  if (!OLD_WAY.test(line) || !/ (?:again|instead) /.test(line) || / (?:outage|downtime|while (?:you|the|it)|until (?:you|the|it)|maintenance|for (?:today|now|the day)) /.test(line)) return false;
  // Started or gone back to it, not denied ("nobody has gone back to the spreadsheets").
  const v = s.toks.findIndex((x, k) => ['start', 'begin', 'revert', 'return'].includes(x.lemma) || (x.lemma === 'go' && s.toks[k + 1]?.lower === 'back'));
  return v >= 0 && !negated(s, v) && !s.toks.slice(0, v).some((x) => ['nobody', 'noone', 'none'].includes(x.lower));
}

/** Another term not signed off: "I can't sign off on another three years", "won't approve another year". */
function anotherTermRefused(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i < t.length; i += 1) {
    if (!['sign', 'approve', 'commit', 'authorise', 'authorize', 'justify', 'budget'].includes(t[i].lemma) || !negated(s, i)) continue;
    if (/^(?: off)?(?: on| to| for)? another (?:\S+ )?(?:year|term|renewal|cycle|contract)s? /.test(lemmas(t.slice(i + 1, i + 7)))) return true;
  }
  return false;
}

/** The champion's backing named: "I defended you in three steering meetings", "gone out on a limb for you", "stuck my neck out for your team". */
const BACKED = / (?:defend|back|vouch for|champion|fight for|stand up for|go to bat for|stick (?:my|our) neck out for|go out on a limb for|put (?:my|our) name to|make the case for) (?:you|your|the tool|the platform|this) /;
/** Not again: "I can't do it a third time", "I'm not going to do that again", "won't do it any more". */
const NOT_AGAIN = / (?:not|n't) (?:\S+ ){0,3}?do (?:it|that|this|so) (?:again|any ?more|(?:a|one) (?:\S+ )?more time|a (?:second|third|fourth|fifth|sixth|\S+th) time) /;

/** Which sentence of a message carries the champion's refusal, read with the sentence before it. */
export function churnAcross(said: Sent[]): Sent | undefined {
  for (let k = 0; k < said.length; k += 1) {
    if (!NOT_AGAIN.test(lemmas(said[k].toks))) continue;
    if (BACKED.test(lemmas(said[k].toks)) || (k > 0 && BACKED.test(lemmas(said[k - 1].toks)))) return said[k];
  }
  return undefined;
}

/** The last stretch named: "this will be our last quarter with you", "the final invoice from you". */
const LAST_WITH_US = / (?:our|the) (?:very )?(?:last|final) (?:quarter|year|month|term|invoice|renewal|period|week|cycle)s? (?:with|on|from) (?:you|your|the platform|the tool) /;
/** People taken off what we sell: "pulling the dispatch team off your app next month". */
const TAKEN_OFF = / (?:move|pull|take|migrate|shift|get) (?:\S+ ){0,3}?off (?:of )?(?:your (?:\S+ )?(?:platform|tool|app|application|system|product|software)|the (?:platform|tool|app|application)) /;

/** Any of the sentence-level drifts above. */
export function churnDrift(s: Sent): boolean {
  const line = lemmas(s.toks);
  // (A move away said as a hypothesis, "if we ever did move away from you, it would not be…", is no plan.)
  const away = AWAY.exec(line);
  const supposed = away && / if (?:\S+ ){0,3}?$/.test(line.slice(0, away.index + 1));
  if ((LAST_WITH_US.test(line) || TAKEN_OFF.test(line)) && !/ (?:not|n't|never) /.test(line)) return true;
  return exitPrepared(s) || COSTED.test(line) || Boolean(away && !supposed) || rivalRun(s) || backToOldTools(s) || anotherTermRefused(s) || churnHints(s) || cheaperSought(s);
}


/** Our work moved to a rival named just before: "pushing for us to move our cadences over there". */
const OVER_THERE = / (?:move|switch|migrate|shift|take|put) (?:our (?:\S+ ){0,2}?|everything |it |them )?(?:over|across) (?:there|to them|to it) /;
/** Why not the other thing instead: "the board keeps asking why we don't just use what comes bundled with our CRM". */
const WHY_NOT_JUST = / why (?:do )?(?:we )?(?:not |n't |do not )?(?:we )?(?:not )?just (?:use|go with|switch to|move to|buy|stick with) (?:what|something|the (?:free|built-in|bundled|native|included)|our own|another|one of|the other) /;
/** The champion will not resist the exit: "I'm not going to argue against it", "I won't stand in the way". */
const NOT_RESIST = / (?:not|n't) (?:\S+ ){0,3}?(?:argue against|fight|push back on|stand in the way|object|resist|defend you|block) /;
const EXIT_WORD = / (?:replac\S*|switch\S*|move away|migrat\S*|leav\S*|cancel\S*|terminat\S*|alternative|option paper|options paper|another vendor|other vendor) /;
/** A veiled threat: "I don't need to explain what that means for the renewal", "that's a problem for you". */
const VEILED = / (?:guess|imagine|work out|explain|spell out|tell you|need to say) what (?:that|this|it) (?:mean|bode|do) for (?:the |our |your )?renewal | (?:that|this|it) be (?:a problem|bad news|a worry|not good news|not good) for you(?: ,| \.| not|$) /;
const REVIEW_DONE = / until (?:\S+ ){0,4}?(?:question|decision|review|evaluation|assessment) (?:['"‘’“”] )?(?:be |have be )?(?:settle|make|do|done|complete|finish|over|conclude)/;
/** Work with us held pending a decision about us: "frozen all new work on our integration until the platform question is settled". */
function heldPending(s: Sent): boolean {
  const line = lemmas(s.toks);
  if (!REVIEW_DONE.test(line) || / (?:security|legal|compliance|budget|procurement|privacy|dpia|it) (?:review|assessment|question) /.test(line)) return false;
  const hold = s.toks.findIndex((x, k) => ['freeze', 'pause', 'halt', 'suspend', 'stop'].includes(x.lemma) || (x.lemma === 'hold' && ['off', 'back'].includes(s.toks[k + 1]?.lower ?? '')) || (x.lower === 'on' && s.toks[k + 1]?.lower === 'hold'));
  return hold >= 0 && !negated(s, hold) && / (?:platform|vendor|tool|them|you|your|integration|rollout|renewal|anything with) /.test(line);
}

/** The softer exits: the rival "over there", why not just the other thing, not resisting a replacement, a veiled threat, work held. */
export function churnHints(s: Sent): boolean {
  const line = lemmas(s.toks);
  return (OVER_THERE.test(line) && s.toks.some((x) => x.pos === 'PROPN' && x.cap && !x.known))
    || WHY_NOT_JUST.test(line) || (NOT_RESIST.test(line) && EXIT_WORD.test(line)) || VEILED.test(line) || heldPending(s);
}

/** Something cheaper or better than us sought: "pressure to find something cheaper than you". */
const CHEAPER = / (?:find|look for|get|source|go for|buy) (?:\S+ ){0,3}?(?:cheap|cheaper|better|less expensive|more affordable) than (?:you|your) /;
export function cheaperSought(s: Sent): boolean {
  const line = lemmas(s.toks);
  return CHEAPER.test(line) && !/ (?:not|n't|never|no need|no plan) /.test(line);
}
