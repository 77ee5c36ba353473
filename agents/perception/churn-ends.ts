// Churn read from the act and what it acts on, for phrasings the older frames name word by word: an
// ending verb of any register ("ditch", "unplug", "retire", "stop the collaboration") whose object is
// what we sell (you, your app, this thing, the partnership with your company); a replacement sought
// ("line up quotes for a replacement", "get me alternatives", "a letter of intent with another
// supplier", "bring this in-house"); use collapsing; the champion's credit spent ("out of excuses",
// "can't put my name to another year of this"); a termination paper on its way; not carrying on,
// said without an object; going on only month to month while the account decides. Each names a
// class of verb or noun and checks its role, its negation and its condition, so a new wording of the
// same act needs no new line. Typos in the few words churn turns on ("extnding", "renewl") are mended
// first, against the model's vocabulary.
import type { Sent, Tok } from './nlp.js';
import { conditionBefore, negated } from './frames.js';
import { clauseOf, goOnAside, lemmas } from './churn-frames.js';

/** Verbs of ending or removing (lemmas), with the particle a phrasal one needs to end anything. */
const END: Record<string, string[] | null> = {
  ditch: null, dump: null, bin: null, scrap: null, axe: null, ax: null, drop: null, retire: null, remove: null, unplug: null,
  uninstall: null, decommission: null, sunset: null, discontinue: null, cancel: null, terminate: null, end: null, stop: null,
  quit: null, abandon: null, shelve: null, offboard: null, cut: null, kill: null, leave: null,
  phase: ['out'], switch: ['off'], turn: ['off'], rip: ['out'], throw: ['out', 'away'], pull: ['out'], get: ['rid'], move: ['off', 'away'], walk: ['away'],
};
/** What we sell or run for the account, as a head noun. */
const PRODUCT = new Set(['platform', 'tool', 'app', 'application', 'software', 'system', 'solution', 'product', 'service', 'suite', 'scanner', 'handheld', 'device', 'hardware']);
/** The relationship itself. */
const RELATION = new Set(['collaboration', 'cooperation', 'co-operation', 'partnership', 'relationship', 'engagement', 'contract', 'agreement', 'subscription']);
/** Demonstratives and wholes that point at the product without naming it ("this thing", "the whole thing"). */
const POINT = new Set(['this', 'that', 'whole', 'entire']);
/** Modifiers that make the object someone else's or a thing of the past. */
const OTHER_MOD = new Set(['old', 'legacy', 'previous', 'former', 'prior', 'existing', 'duplicate', 'test', 'trial', 'demo', 'spare', 'broken', 'faulty', 'personal', 'own']);
/** Troubleshooting around an ending verb ("kill the app and restart it"): a fix, not a departure. */
const FIXING = / (?:restart|reinstall|reboot|relaunch|reopen|refresh|re-install|re-open|log back|clear (?:the |my )?cache|update|again and|and try) /;
const MODIFIER_POS = new Set(['DET', 'ADJ', 'NUM', 'PRON', 'NOUN', 'PROPN']);

/** A counterfactual or a near-miss before the act ("we nearly binned it", "close to dropping you"). */
function nearMiss(s: Sent, i: number): boolean {
  return s.toks.slice(Math.max(0, i - 4), i).some((t) => ['nearly', 'almost', 'close'].includes(t.lower));
}

/** The act denied by its clause: a negator, a negative subject ("nobody here is thinking of leaving you"), "no plans to". */
function denied(s: Sent, i: number): boolean {
  if (negated(s, i)) return true;
  const { start } = clauseOf(s, i);
  const lead = s.toks.slice(start, i);
  if (lead.some((t, k) => ['nobody', 'noone', 'none', 'neither'].includes(t.lower) || (t.lower === 'no' && ['one', 'plan', 'plans', 'intention', 'desire', 'wish', 'question', 'way'].includes(lead[k + 1]?.lower ?? '')))) return true;
  return lead.some((t) => t.lower === 'not' || t.lower === "n't" || t.lower === 'never') && lead.some((t) => ['think', 'plan', 'consider', 'want', 'intend', 'look', 'go'].includes(t.lemma));
}

/** A hypothesis: the act under "if", "unless", "in case", "should we ever". */
function hypothesis(s: Sent, i: number): boolean {
  const cond = conditionBefore(s, i);
  if (cond && ['if', 'unless', 'supposing', 'assuming', 'provided', 'providing'].includes(cond.word)
    && !s.toks.slice(cond.at + 1, i).some((t) => t.pos === 'PUNCT')) return true;
  return / in case | ever /.test(lemmas(s.toks.slice(Math.max(0, i - 5), i)));
}

/**
 * Whether the noun phrase from k on is ours: "you" as an object, "your app", "this thing", "the
 * platform", "the partnership with your company". Returns the index of its head, or -1.
 */
export function oursFrom(s: Sent, k: number): number {
  const t = s.toks;
  if (t[k]?.lower === 'you') {
    // "drop you a line", "stop you worrying": you is the recipient or the subject of what follows.
    const next = t[k + 1];
    if (next && (['DET', 'NOUN', 'VERB', 'NUM'].includes(next.pos) || next.lower === 'from')) return -1;
    return k;
  }
  const mods: Tok[] = [];
  let j = k;
  while (j < t.length && MODIFIER_POS.has(t[j].pos) && !['it', 'them', 'us', 'me', 'him', 'her'].includes(t[j].lower)) {
    // A determiner after a noun starts the next phrase ("your scanners this morning").
    if (mods.some((x) => x.pos === 'NOUN' || x.pos === 'PROPN') && (t[j].pos === 'DET' || t[j].pos === 'PRON')) break;
    mods.push(t[j]);
    j += 1;
  }
  // The head is the last noun of the run ("your route planning app": app).
  let h = -1;
  for (let x = k; x < j; x += 1) if (t[x].pos === 'NOUN' || t[x].pos === 'PROPN') h = x;
  if (h < 0) return -1;
  const head = t[h];
  const before = mods.slice(0, h - k);
  if (before.some((x) => OTHER_MOD.has(x.lower))) return -1;
  // A name in the phrase ("the Gong app", "your Redshift cluster") makes it another vendor's.
  if (before.some((x) => x.pos === 'PROPN' && x.cap && !/^[A-Z]+$/.test(x.text))) return -1;
  const yours = before.some((x) => x.lower === 'your');
  // "The system" or "the tool" alone may be any of the account's; "your", "this", "the whole" point at ours.
  const pointed = before.some((x) => POINT.has(x.lower));
  if (t[h + 1]?.lower === "'s") return -1;
  if (PRODUCT.has(head.lemma)) return yours || pointed ? h : -1;
  if (head.lemma === 'thing') return before.some((x) => POINT.has(x.lower)) ? h : -1;
  if (RELATION.has(head.lemma)) {
    const withWhom = t[h + 1]?.lower === 'with' ? t.slice(h + 2, h + 5) : [];
    if (withWhom.some((x) => ['you', 'your', 'ourco'].includes(x.lower))) return h;
    if (withWhom.length) return -1;
    return yours || before.some((x) => ['our', 'the', 'this'].includes(x.lower)) ? h : -1;
  }
  return -1;
}

/**
 * An ending verb acting on what we sell: "tempted to ditch this thing", "the depot unplugged your
 * scanners", "means retiring your app", "we stop the collaboration with your company". Not negated,
 * not a near-miss or a hypothesis, not a device restarted, not someone else's tool.
 */
export function endsOurs(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i < t.length; i += 1) {
    const parts = END[t[i].lemma];
    if (parts === undefined || t[i].pos !== 'VERB') continue;
    let k = i + 1;
    if (parts) {
      if (!parts.includes(t[k]?.lower ?? '')) continue;
      k += 1;
      if (t[i].lemma === 'get' || t[i].lemma === 'move' || t[i].lemma === 'walk') { if (['of', 'from'].includes(t[k]?.lower ?? '')) k += 1; }
    }
    if (denied(s, i) || nearMiss(s, i) || hypothesis(s, i)) continue;
    const head = oursFrom(s, k);
    if (head < 0) continue;
    // "cancel our subscription to the weekly digest": a mailing, not the contract.
    if (t[head].lemma === 'subscription' && t[head + 1]?.lower === 'to' && / (?:newsletter|digest|email|mail|mailing|notification|alert|webinar|blog|update|bulletin|feed|podcast|list) /.test(lemmas(t.slice(head + 2, head + 6)))) continue;
    // "Leave the module aside", "leave you alone", "leave you to it": not leaving us.
    if (t[i].lemma === 'leave' && ['aside', 'alone', 'to', 'be', 'with', 'in'].includes(t[head + 1]?.lower ?? '')) continue;
    // "Stop your app from crashing", "stop the scanners beeping": prevention, not an end.
    if (t[i].lemma === 'stop' && (t[head + 1]?.lower === 'from' || /ing$/.test(t[head + 1]?.lower ?? ''))) continue;
    const { start, end } = clauseOf(s, i);
    if (FIXING.test(lemmas(t.slice(start, end + 1)))) continue;
    return true;
  }
  return gappedEnd(s);
}

/** Intent to act: "intend to", "plan to", "will", "going to", "want to". */
const INTENT = new Set(['intend', 'plan', 'want', 'going', 'gon', 'will', 'need', 'decide', 'aim', 'mean', 'expect', 'propose']);
/**
 * The object named before and the ending verb left without one: "your platform is one of the overlaps
 * I intend to remove", "your app is the first thing we'll cut".
 */
function gappedEnd(s: Sent): boolean {
  const t = s.toks;
  for (let i = 2; i < t.length; i += 1) {
    if (END[t[i].lemma] !== null || t[i].pos !== 'VERB') continue;
    const next = t[i + 1];
    if (next && !(next.pos === 'PUNCT' || ['next', 'this', 'by', 'at', 'in', 'from', 'after', 'before', 'first', 'soon'].includes(next.lower))) continue;
    if (!t.slice(Math.max(0, i - 4), i).some((x) => INTENT.has(x.lemma)) || denied(s, i) || hypothesis(s, i)) continue;
    // The object of ours is the subject of a copula earlier in the sentence.
    for (let be = 1; be < i; be += 1) {
      if (t[be].lemma !== 'be') continue;
      for (let k = Math.max(0, be - 5); k < be; k += 1) { const h = oursFrom(s, k); if (h >= 0 && h < be) return true; }
    }
  }
  return false;
}

/** Verbs of looking for or getting something. */
const SEEK = new Set(['line', 'get', 'find', 'source', 'seek', 'look', 'explore', 'consider', 'evaluate', 'research', 'shortlist', 'gather', 'collect', 'bring', 'show', 'scope', 'want', 'need', 'identify', 'pull', 'compile', 'request', 'trial', 'pilot', 'assess', 'investigate', 'price']);
/** A choice made with a contract: "a letter of intent with", "signed with", "gone with". */
const COMMIT = / (?:letter of intent|loi|sign|contract|go with|pick|choose|select|award|move to|switch to|migrate to) /;
/** The choice of us, told as the past: "we looked at alternatives before choosing you". */
const PAST_CHOICE = / (?:before (?:we )?(?:choose|chose|pick|select|sign|go with|settle on|land on|bring) (?:you|your)|when we (?:choose|chose|pick|select|buy|bought)|at the time|year ago|years ago|back then|last time) /;
const VENDOR = new Set(['supplier', 'vendor', 'provider', 'platform', 'tool', 'solution', 'system', 'partner']);

/**
 * A replacement sought: "line up quotes for a replacement by Q1", "get me alternatives by Friday",
 * "we've signed a letter of intent with another supplier". Not a person's replacement ("a replacement
 * for Greta", "her replacement"), not a part or a device ("a replacement laptop"), not alternatives to
 * something of the account's own, not a supplier for another purpose ("another supplier for pallets").
 */
export function replacementSought(s: Sent): boolean {
  const t = s.toks;
  const line = lemmas(t);
  for (let i = 0; i < t.length; i += 1) {
    const l = t[i].lemma;
    const noun = t[i].pos === 'NOUN' || t[i].pos === 'PROPN';
    if (['replacement', 'alternative', 'substitute'].includes(l) && noun) {
      if (negated(s, i) || hypothesis(s, i)) continue;
      const next = t[i + 1];
      if (next && (next.pos === 'NOUN' || next.pos === 'PROPN')) continue;
      const prev = t[i - 1];
      if (prev && ['his', 'her', 'their', 'my'].includes(prev.lower)) continue;
      // A post filled ("until a permanent replacement is found", "an interim replacement starts Monday"): a person's successor.
      if (/ (?:be|get) (?:\S+ )?(?:find|hire|appoint|recruit|name|confirm|announce|onboard|in place) | (?:start|join|arrive)s? /.test(lemmas(t.slice(i + 1, i + 5))) || ['permanent', 'interim', 'temporary', 'acting'].includes(prev?.lower ?? '')) continue;
      // What it replaces: ours only ("a replacement for your platform", "alternatives to you").
      if (next && ['for', 'to', 'of'].includes(next.lower)) {
        if (oursFrom(s, i + 2) < 0 && !['you', 'this', 'it'].includes(t[i + 2]?.lower ?? '')) continue;
        return true;
      }
      // Otherwise sought by the account: a seeking verb before it, not one asked of us ("could you suggest alternatives").
      const lead = t.slice(Math.max(0, i - 7), i);
      if (lead.some((x) => x.lower === 'you') || PAST_CHOICE.test(line)) continue;
      if (lead.some((x) => SEEK.has(x.lemma) || x.lemma === 'quote' || x.lemma === 'option')) return true;
      continue;
    }
    // "another supplier", "a new vendor", "a different platform", with a contract to it.
    if (VENDOR.has(l) && noun && i > 0 && ['another', 'different', 'alternative', 'other', 'rival', 'competing'].includes(t[i - 1].lower)) {
      if (negated(s, i) || hypothesis(s, i) || PAST_CHOICE.test(line)) continue;
      // For another purpose ("another vendor for payroll"), or beside us.
      if (t[i + 1]?.lower === 'for' || / (?:alongside|as well as|together with|integrate|besides|in addition to|on top of) /.test(line)) continue;
      if (COMMIT.test(lemmas(t.slice(Math.max(0, i - 8), i)))) return true;
    }
  }
  return false;
}

/**
 * The capability taken in-house: "scoping what it would take to bring this capability in-house",
 * "we'll build our own in-house and drop the subscription". Not something of the account's own brought
 * in ("we brought payroll in-house"), not a past move.
 */
export function inHouse(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i < t.length; i += 1) {
    if (!/^in-?house$/.test(t[i].lower) && !(t[i].lower === 'in' && t[i + 1]?.lower === 'house')) continue;
    const v = t.slice(Math.max(0, i - 5), i).reverse().find((x) => ['bring', 'take', 'move', 'build', 'develop', 'do'].includes(x.lemma) && x.pos === 'VERB');
    if (!v || negated(s, v.i) || hypothesis(s, v.i)) continue;
    if (/ (?:ago|last year|used to|back then|years) /.test(lemmas(t))) continue;
    const obj = t.slice(v.i + 1, i);
    if (obj.some((x) => ['this', 'it', 'that', 'capability', 'everything', 'the whole thing', 'all'].includes(x.lower)) || oursFrom(s, v.i + 1) >= 0) return true;
  }
  return false;
}

const USAGE = new Set(['usage', 'adoption', 'logins', 'engagement', 'uptake']);
const FALL = / (?:fall|drop|collapse|crater|plummet|plunge|tank|nosedive|dry up|die off|die away|dwindle|fall off|fall away|go to zero|flatline|flatlined) /;
const NO_ONE = new Set(['nobody', 'noone']);
/** Use stopped because it cannot happen: an error, a lockout, a failed login. */
const FAULTED = / (?:error|lock out|locked out|lockout|fail|broken|bug|crash|403|404|500|password|sso|mfa|access denied|can not|unable) /;
/** The product named plainly ("the tool", "the app", "the system"): what a customer means by ours when not using it. */
const THE_PRODUCT = /^ (?:the|this|that) (?:tool|app|platform|system|software|product|thing|portal) /;
/** One way of working superseded by another of ours: "nobody opens the PDF any more now that the dashboard is live". */
const SUPERSEDED = / (?:now that|since (?:you|your|the new|we (?:move|switch)(?:ed)? to your)|new (?:dashboard|view|version|release|feature|module|report|screen|app)|instead|in favour of|in favor of|replace by|replaced by|prefer the) /;
const USE_VERB = new Set(['use', 'open', 'log', 'login', 'touch', 'access']);
/** A part of the product, not the product: one view, report or notification left unused is housekeeping. */
const FEATURE = new Set(['view', 'report', 'digest', 'feature', 'tab', 'screen', 'button', 'field', 'export', 'email', 'notification', 'alert', 'video', 'template', 'widget', 'page', 'filter', 'setting', 'option', 'mode', 'function', 'functionality', 'integration', 'add-on', 'addon', 'chart', 'newsletter', 'webinar', 'training']);
/** Non-use said to be fine, expected, temporary or over. */
const ACCEPTABLE = / (?:that be fine|which be fine|that be ok|that be okay|that be expect|which be expect|as expect|yet|for now|not (?:their|his|her|our) job|recover|bounce back|pick up again|be back|come back|training be|no problem) /;

/**
 * Non-use that is not the account walking away: a part of the product unused (a view, a digest), a
 * way of working superseded by another of ours, a fault that stops people, a season, or non-use said
 * to be fine. `use` is the index of the verb of use (or of the word "usage").
 */
export function usedOtherwise(s: Sent, use: number): boolean {
  const t = s.toks;
  const line = lemmas(t);
  if (FAULTED.test(line) || SUPERSEDED.test(line) || ACCEPTABLE.test(line) || SEASON.test(line)) return true;
  const obj = t.slice(use + 1, use + 6);
  const stop = obj.findIndex((x) => x.pos === 'PUNCT' || ['since', 'in', 'for', 'at', 'any', 'anymore', 'because', 'and', 'but'].includes(x.lower));
  const np = stop < 0 ? obj : obj.slice(0, stop);
  return np.some((x) => FEATURE.has(x.lemma) || OTHER_MOD.has(x.lower) || (x.pos === 'PROPN' && x.cap));
}
const EXPLAINED = / (?:because|due to|owing to|as a result of|thanks to|when (?:we|the|our|they)|since (?:we|the|our|they)|after (?:we|our|they)|as (?:we|the|our|they)) /;
const SEASON = / (?:season|seasonal|holiday|summer break|christmas|back in|temporar|maintenance|outage|downtime|because of the|while the|during the) /;

/**
 * Use collapsing: "usage fell off a cliff after summer", "nobody at the depots has logged on since
 * September". Not a season or a smaller team ("the seasonal crew are back in spring"), not a future
 * non-use, not someone else's tool.
 */
export function usageCollapse(s: Sent): boolean {
  const t = s.toks;
  const line = lemmas(t);
  if (SEASON.test(line)) return false;
  for (let i = 0; i < t.length; i += 1) {
    if (USAGE.has(t[i].lemma) && (t[i].pos === 'NOUN' || (t[i].pos === 'PROPN' && i === 0))) {
      // The fall is what the usage does: only auxiliaries and adverbs between ("usage has really tanked").
      let v = i + 1;
      while (v < t.length && ['AUX', 'ADV', 'PART'].includes(t[v].pos)) v += 1;
      const after = t[v]?.pos === 'VERB' ? lemmas(t.slice(v, v + 3)) : '';
      // A fall with its cause given ("when we moved the reps", "because the depot closed") is explained, not a verdict.
      if (FALL.test(after) && !negated(s, i + 1) && !usedOtherwise(s, i) && !EXPLAINED.test(line) && !/ (?:our|their) (?:customer|client|shipment|volume)/.test(lemmas(t.slice(Math.max(0, i - 3), i)))) return true;
    }
    const nobody = NO_ONE.has(t[i].lower) || (t[i].lower === 'no' && t[i + 1]?.lower === 'one');
    if (!nobody) continue;
    const use = t.slice(i + 1, i + 8).find((x) => USE_VERB.has(x.lemma) && x.pos === 'VERB');
    if (!use) continue;
    const between = t.slice(i + 1, use.i);
    // A future non-use, or a login that fails ("no one can log in since the release"), is no abandonment.
    if (between.some((x) => ['will', 'would', "'ll", 'ever', 'to', 'can', 'could', 'able', 'manage', 'seem'].includes(x.lower)) || between.some((x) => x.pos === 'PUNCT')) continue;
    if (usedOtherwise(s, use.i)) continue;
    // What goes unused is ours: "it", "this", "your app", "the tool", or nothing named. "Nobody uses spreadsheets any more" is praise.
    const what = t[use.lemma === 'log' ? use.i + 2 : use.i + 1];
    if (what && (what.pos === 'NOUN' || what.pos === 'PROPN' || what.pos === 'DET' || what.pos === 'ADJ') && oursFrom(s, what.i) < 0 && !THE_PRODUCT.test(lemmas(t.slice(what.i, what.i + 3)))) continue;
    // Use lapsed over time: "since", "any more", "these days", or the present perfect.
    if (/ (?:since|anymore|any more|these day|now|really|at all|for (?:week|month)s?) /.test(lemmas(t.slice(use.i - 2, use.i + 8))) || between.some((x) => x.lemma === 'have')) return true;
  }
  return false;
}

/**
 * The champion's credit spent: "I'm out of excuses for you with my boss", "I can't put my name to
 * another year of this", "I won't stick my neck out again". Not credit spent on someone else.
 */
export function creditSpent(s: Sent): boolean {
  const line = lemmas(s.toks);
  if (/ (?:be |have |run |am |'m )?(?:out of|run out of|no more|running out of) (?:excuse|argument|goodwill|political capital|credit)s? /.test(line) && !/ (?:for (?:the|our|my) (?!boss)|with (?:the|our) (?:courier|carrier|bank|supplier))/.test(line)) return true;
  const limit = / (?:can not|could not|will not|won't|not|never|no way|refuse to|unable to) (?:\S+ ){0,2}?(?:put my name to|put my neck out|stick my neck out|go out on a limb|go to bat|vouch for|sign off on|sit through|face|stomach|sign up for|justify|defend) (?:\S+ ){0,3}?another (?:year|term|round|renewal|quarter|contract|cycle) /;
  if (limit.test(line)) return true;
  return / (?:can not|will not|not|never|no way|refuse to) (?:\S+ ){0,2}?(?:put my name to|stick my neck out|put my neck out|go out on a limb|go to bat) (?:for (?:you|this|it|your)|again|anymore|any more) /.test(line);
}

/** A termination paper on its way: "our written termination letter", "notice of termination". Not a template, not someone else's. */
export function terminationPaper(s: Sent): boolean {
  const t = s.toks;
  const line = lemmas(t);
  if (/ (?:template|sample|example|draft clause|policy|clause|if we ever|in case|lease|landlord|courier|carrier|union|employee|employment|staff|contractor)/.test(line)) return false;
  for (let i = 0; i < t.length; i += 1) {
    const paper = ['termination', 'cancellation', 'non-renewal', 'nonrenewal'].includes(t[i].lower) && ['letter', 'notice', 'request', 'form', 'paperwork', 'instruction', 'email'].includes(t[i + 1]?.lemma ?? '')
      && !['period', 'term', 'terms', 'clause', 'provision', 'requirement', 'window', 'fee', 'deadline'].includes(t[i + 2]?.lemma ?? '');
    const notice = t[i].lemma === 'notice' && ['of', 'to'].includes(t[i + 1]?.lower ?? '') && ['terminate', 'termination', 'cancel', 'cancellation', 'end', 'exit', 'leave'].includes(t[i + 2]?.lemma ?? '');
    if (!paper && !notice) continue;
    if (negated(s, i) || hypothesis(s, i)) continue;
    if (t.slice(Math.max(0, i - 3), i).some((x) => ['your', 'their', 'his', 'her'].includes(x.lower))) continue;
    return true;
  }
  return false;
}

const CARRY = new Set(['continue', 'carry', 'renew', 'extend', 're-up', 'stick']);
/**
 * Not carrying on, said with no object: "my recommendation will be that we don't carry on", "we are
 * thinking to stop after the contract finish". The act's subject is the account; nothing else is named
 * as what stops (a meeting, a project), and it is not until a date.
 */
export function notCarryingOn(s: Sent): boolean {
  const t = s.toks;
  for (let i = 1; i < t.length; i += 1) {
    if (t[i].pos !== 'VERB' || !(CARRY.has(t[i].lemma) || ['stop', 'leave', 'quit', 'exit', 'cancel', 'end', 'go'].includes(t[i].lemma))) continue;
    const { start, end } = clauseOf(s, i);
    const subject = t.slice(Math.max(start, i - 5), i).some((x) => ['we', 'i'].includes(x.lower));
    if (!subject || hypothesis(s, i)) continue;
    const rest = t.slice(i + 1, end + 1);
    const restLine = lemmas(rest);
    if (/ (?:meeting|call|session|project|pilot|trial|ticket|sync|training|like this|until|yet|for now|with the (?!contract|subscription|agreement|renewal))/.test(restLine)) continue;
    // "we don't carry on", "we won't continue": a going-on verb, negated, with no object after it.
    if (CARRY.has(t[i].lemma) && t[i].pos === 'VERB' && negated(s, i) && !goOnAside(s, i, start, end)) {
      let k = i + 1;
      if (t[i].lemma === 'carry' && t[k]?.lower !== 'on') continue;
      if (t[i].lemma === 'carry' || t[i].lemma === 'stick') k += 1;
      const next = t[k];
      if (!next || next.pos === 'PUNCT' || ['after', 'beyond', 'past', 'into', 'next', 'in', 'from', 'at', 'when', 'once', 'with', 'anymore'].includes(next.lower)) {
        if (next?.lower === 'with' && oursFrom(s, k + 1) < 0 && t[k + 1]?.lower !== 'you') continue;
        return true;
      }
      continue;
    }
    // "stop after the contract finishes", "leave when the term is up": an intransitive end tied to the term's end.
    if (['stop', 'leave', 'quit', 'exit', 'cancel', 'end', 'go'].includes(t[i].lemma) && t[i].pos === 'VERB' && !negated(s, i)
      && /^ (?:after|when|once|at the end of) (?:the |our |this )?(?:current )?(?:contract|term|agreement|subscription|renewal) /.test(restLine)
      && /(?:intend|plan|think|want|decide|go|will|'ll)/.test(lemmas(t.slice(Math.max(0, i - 4), i)))) return true;
  }
  return false;
}

/** Staying only month to month while the account decides: "we'd only stay on a month-to-month basis while we work out what comes next". */
export function stopGap(s: Sent): boolean {
  const line = lemmas(s.toks);
  return / (?:month-to-month|month to month|rolling month|rolling monthly|monthly rolling|short-term extension|short extension|stop-gap|stopgap) /.test(line)
    && / (?:while we|until we|till we) (?:\S+ ){0,3}?(?:work out|decide|figure|evaluate|review|look|assess|sort out|choose) /.test(line);
}

/** Weighing whether to go on at all: "assessing whether dispatch can keep running on your system at all". */
export function whetherGoOn(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i < t.length; i += 1) {
    if (t[i].lower !== 'whether' && !(t[i].lower === 'if' && ['decide', 'assess', 'evaluate', 'question', 'review', 'consider', 'debate', 'weigh'].includes(t[i - 1]?.lemma ?? ''))) continue;
    const { end } = clauseOf(s, i);
    const go = t.slice(i + 1, Math.min(end + 1, i + 7)).find((x) => ['keep', 'continue', 'stay', 'remain', 'stick', 'carry'].includes(x.lemma) && x.pos === 'VERB');
    if (!go) continue;
    const rest = t.slice(go.i + 1, end + 1);
    // "whether we keep the Hamburg depot open at all": a named thing of theirs kept, not us.
    const named = rest.findIndex((x) => x.pos === 'PROPN' && x.cap);
    const theirs = named >= 0 && named < 3 && oursFrom(s, go.i + 1) < 0;
    // "until leadership decides whether it stays": our product, named in the sentence, as the subject that stays.
    const subjectOurs = ['stay', 'remain'].includes(go.lemma) && t.slice(i + 1, go.i).some((x) => ['it', 'you', 'this', 'that'].includes(x.lower) || oursFrom(s, x.i) >= 0)
      && / (?:you|your|platform|tool|app|system|product|subscription|contract) /.test(lemmas(t)) && rest.every((x) => x.pos === 'PUNCT' || x.lower === 'or' || x.lower === 'not');
    const ours = !theirs && (rest.some((x, n) => oursFrom(s, go.i + 1 + n) >= 0) || / at all /.test(lemmas(rest)) || subjectOurs);
    if (ours && !negated(s, i)) return true;
  }
  return false;
}

/** Asking why the account still pays or stays: "why are we still on this?", "why do we still use it?". */
export function whyStill(s: Sent): boolean {
  return / why (?:be|do) (?:we|i) still (?:on|with|use|using|pay|paying|bother) (?:for )?(?:this|it|you|your|the (?:tool|platform|app|system|software|product|subscription|contract))/.test(lemmas(s.toks));
}

/** The benefit not there: "the return simply isn't there", "the ROI just isn't there anymore". */
export function returnMissing(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i < t.length; i += 1) {
    if (!['return', 'roi', 'payback', 'benefit', 'value', 'saving', 'savings'].includes(t[i].lemma) || t[i].pos === 'VERB') continue;
    const after = t.slice(i + 1, i + 6);
    const there = after.findIndex((x) => x.lower === 'there');
    if (there < 0 || !after.slice(0, there).some((x) => x.lemma === 'be')) continue;
    if (negated(s, i + 1 + there) || after.slice(0, there).some((x) => ['not', "n't", 'never'].includes(x.lower))) return true;
  }
  return false;
}

/** A new decision-maker bringing their own: "he wants his own tools", "the new CRO is bringing her own stack". */
export function ownTools(s: Sent): boolean {
  return / (?:want|prefer|bring|push for|insist on|plan to bring|replace (?:you|us) with) (?:in )?(?:his|her|their) own (?:tool|stack|vendor|system|platform|setup|provider|solution)s? /.test(lemmas(s.toks))
    && !s.toks.some((x) => x.neg);
}

/** Any of the acts above. */
export function churnEnds(s: Sent): boolean {
  return endsOurs(s) || replacementSought(s) || inHouse(s) || usageCollapse(s) || creditSpent(s) || terminationPaper(s)
    || notCarryingOn(s) || stopGap(s) || whetherGoOn(s) || whyStill(s) || returnMissing(s) || ownTools(s);
}

/** The words churn turns on, by form: lemma and part of speech. */
const KEY_FORMS = new Map<string, { lemma: string; pos: string }>();
for (const [lemma, pos, forms] of [
  ['renew', 'VERB', 'renew renews renewed renewing'], ['renewal', 'NOUN', 'renewal renewals'],
  ['extend', 'VERB', 'extend extends extended extending'], ['cancel', 'VERB', 'cancel cancels cancelled canceled cancelling canceling'],
  ['cancellation', 'NOUN', 'cancellation'], ['terminate', 'VERB', 'terminate terminates terminated terminating'], ['termination', 'NOUN', 'termination'],
  ['contract', 'NOUN', 'contract contracts'], ['subscription', 'NOUN', 'subscription subscriptions'], ['continue', 'VERB', 'continue continues continued continuing'],
  ['licence', 'NOUN', 'licence license licences licenses'], ['alternative', 'NOUN', 'alternative alternatives'], ['replacement', 'NOUN', 'replacement'],
] as const) for (const f of forms.split(' ')) KEY_FORMS.set(f, { lemma, pos });

/** Optimal string alignment distance, stopping once it exceeds 1. */
function withinOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (i === a.length || i === b.length) return Math.abs(a.length - b.length) <= 1;
  const [ra, rb] = [a.slice(i + 1), b.slice(i + 1)];
  return ra === rb || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
}

/**
 * The sentence with misspelt churn words mended ("extnding" → extend, "renewl" → renewal): only words
 * the model does not know, five letters or more, one edit from a key form. The same object when nothing is mended.
 */
export function mendTypos(s: Sent): Sent {
  let out: Tok[] | undefined;
  s.toks.forEach((t, k) => {
    if (t.known || t.lower.length < 5 || !/^[a-z-]+$/.test(t.lower) || KEY_FORMS.has(t.lower)) return;
    for (const [form, key] of KEY_FORMS) {
      if (form[0] !== t.lower[0] || !withinOne(t.lower, form)) continue;
      out ??= [...s.toks];
      out[k] = { ...t, lemma: key.lemma, pos: key.pos, known: true };
      return;
    }
  });
  return out ? { text: s.text, toks: out } : s;
}
