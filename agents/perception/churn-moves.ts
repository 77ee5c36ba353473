// Churn as a move the account makes, read from who acts and on what: another vendor chosen (a named
// object of a choice verb, said by the account or its decision-makers), our place taken over, being
// "out" at the renewal, a recommendation or decision whose complement is to end, the product judged
// unfit or oversold, a retender of our category, use lapsed since a date, the champion giving up, the
// exit planned (what happens to our data if we leave), legal reading our options under the contract,
// a renewal price that will not be approved. Each is a verb or noun class with a role checked, so a new
// phrasing of the same move needs no new line.
import type { Sent, Tok } from './nlp.js';
import { conditionBefore, negated } from './frames.js';
import { clauseOf, lemmas, oursAt } from './churn-frames.js';
import { usedOtherwise } from './churn-ends.js';

/** Verbs of choosing, with the preposition that introduces the chosen when there is one. */
const CHOOSE: Record<string, string[] | null> = { pick: null, choose: null, select: null, award: null, opt: ['for'], go: ['with'], sign: ['with'], settle: ['on'], land: ['on'] };
/** Who decides for the account. */
const DECIDERS = / (?:we|mgmt|management|leadership|board|exec|execs|executive|committee|procurement|the business|cfo|ceo|coo|they) /;
/** The outcome of a decision, not a purchase beside us. */
const OUTCOME = / (?:in the end|instead|eventually|finally|ultimately|over you|over your|rather than|for the next (?:contract|term|year|period|cycle)|for next year|next (?:year|quarter|term)|at renewal|when (?:the|our) (?:contract|term) (?:end|run)|from (?:january|next year|the new year)|decide|decision) /;
/** A purchase that sits beside us, or a past move to us. */
const BESIDE = / (?:alongside|together with|integrate|plug into|on top of|as well as|and you|and your|to you|for you|year ago|years ago|before you|back then|at the time) /;
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** A name (a vendor) as the object of a choice: "we signed with Clari in the end", "mgmt picked Salesloft". */
export function choiceFrame(s: Sent): boolean {
  const t = s.toks;
  const line = lemmas(t);
  if (BESIDE.test(line)) return false;
  for (let i = 1; i < t.length; i += 1) {
    const preps = CHOOSE[t[i].lemma];
    if (preps === undefined || t[i].pos !== 'VERB' || negated(s, i) || conditionBefore(s, i)) continue;
    let k = i + 1;
    if (preps) { if (!preps.includes(t[k]?.lower ?? '')) continue; k += 1; }
    while (t[k]?.pos === 'DET') k += 1;
    const obj = t[k];
    if (!obj || obj.pos !== 'PROPN' || !obj.cap || MONTHS.has(obj.lower) || oursAt(s, k)) continue;
    // A purpose other than the contract ("went with Maersk for ocean freight") is a purchase of another kind.
    const after = lemmas(t.slice(k + 1));
    if (/^ for (?!the next|next|the new|the renewal|the coming)/.test(after)) continue;
    const subject = lemmas(t.slice(0, i));
    if (!DECIDERS.test(subject)) continue;
    if (OUTCOME.test(line) || / (?:mgmt|management|leadership|board|exec|execs|executive|committee|procurement|cfo|ceo|coo) /.test(subject) || k + 1 >= t.length - 1) return true;
  }
  return false;
}

/** Being "out" at the renewal or by a date: "we will be out at renewal", "we're likely out next year". */
const OUT = / (?:we|i) (?:will |would |shall )?be (?:\S+ ){0,2}?out (?:at|by|after|when|come|before|next|from|in) (?:\S+ ){0,4}?(?:renewal|term|contract|year|quarter|cycle|fy\S*|q[1-4]) /;
/** Taking our place: "to see whether it could take over from you", "in place of your platform". */
const REPLACE = / (?:take over from|in place of|instead of) (?:you|your) /;
/** Sold more than it does: "whoever sold us on this oversold it", "does maybe a third of what we were shown". */
const OVERSOLD = / (?:oversell|oversold|over-sell|over-sold|overpromise|over-promise|overpromised|over-promised|overhype|overhyped) | (?:do|deliver|cover|handle|offer|give|be) (?:\S+ ){0,2}?(?:a third|a quarter|half|a fraction|a tenth|a bit|part) of what (?:we|you|it|they|was|were) (?:\S+ ){0,2}?(?:promise|show|shown|sell|sold|demo|pitch|tell|told|describe|advertise) /;
/** A retender of our category: "run a tender for this category before any renewal is signed". */
const TENDER = / (?:tender|rfp|rfq|rfi|competitive (?:bid|bidding|process)|market test|benchmarking exercise) /;
const OUR_CATEGORY = / (?:renewal|renew|this category|this contract|the contract|our contract|this platform|the platform|this tool|the incumbent) /;

export function lexicalMoves(s: Sent): boolean {
  const line = lemmas(s.toks);
  if (OUT.test(line) && !/ out of /.test(line)) return true;
  if (REPLACE.test(line)) return true;
  if (OVERSOLD.test(line) && !/ (?:not|n't|never) (?:\S+ ){0,2}?(?:oversell|oversold|overpromise)/.test(line)) return true;
  if (TENDER.test(line) && OUR_CATEGORY.test(line) && !/ (?:win|won|we be|for a new) /.test(line)) return true;
  return false;
}

/** A decision, advice or plan (noun or verb) whose complement is to end. */
const DECIDE = new Set(['recommend', 'recommendation', 'propose', 'proposal', 'suggest', 'suggestion', 'advise', 'advice', 'vote', 'decision', 'decide', 'plan', 'intention', 'intend', 'push', 'lean', 'inclined', 'choice', 'verdict', 'mind']);
const END_VERB = new Set(['terminate', 'cancel', 'leave', 'exit', 'churn', 'discontinue', 'offboard', 'walk', 'move', 'switch']);
/**
 * "My recommendation to the board will be to terminate", "the decision to leave has been made". The ending
 * verb ends nothing named or personal ("to offboard the contractors", "Dmitri has decided to leave Northwind").
 */
export function decidedToEnd(s: Sent): boolean {
  const t = s.toks;
  for (let i = 2; i < t.length; i += 1) {
    if (!END_VERB.has(t[i].lemma) || t[i - 1].lower !== 'to' || negated(s, i)) continue;
    if (t[i].lemma === 'walk' && t[i + 1]?.lower !== 'away') continue;
    if (t[i].lemma === 'move' && t[i + 1]?.lower !== 'on') continue;
    if (t[i].lemma === 'switch' && t[i + 1]?.lower !== 'away') continue;
    const d = t.slice(Math.max(0, i - 7), i - 1).findIndex((x) => DECIDE.has(x.lemma));
    if (d < 0) continue;
    const at = Math.max(0, i - 7) + d;
    // Whose decision to leave: a person's ("her decision to leave", "Dmitri has decided to leave") is a job move, not the account's.
    if (['leave', 'exit', 'walk', 'move'].includes(t[i].lemma)) {
      const owner = t[at - 1]?.lower === "'s" ? t[at - 2] : t[at - 1];
      const subject = t.slice(Math.max(0, at - 3), at).find((x) => x.pos === 'PRON' || x.pos === 'PROPN');
      const person = (x: Tok | undefined) => Boolean(x && (['his', 'her', 'he', 'she', 'i', 'my'].includes(x.lower) || (x.pos === 'PROPN' && x.cap)));
      if (person(owner) || (t[at].pos === 'VERB' && person(subject))) continue;
    }
    let k = i + 1;
    // (Modifiers skipped too: "to terminate the old SFTP job" ends a job.)
    while (t[k] && (t[k].pos === 'DET' || t[k].pos === 'ADJ' || t[k].pos === 'NUM' || ['our', 'the', 'this', 'your'].includes(t[k].lower) || ['away', 'on'].includes(t[k].lower))) k += 1;
    const obj = t[k];
    // ("to terminate the contract with our old courier": an agreement with someone else.)
    if (obj && ['contract', 'agreement'].includes(obj.lemma) && t[k + 1]?.lower === 'with' && !['you', 'your', 'us'].includes(t[k + 2]?.lower ?? '')) continue;
    if (obj && (obj.pos === 'NOUN' || obj.pos === 'PROPN') && !oursAt(s, k) && !['relationship', 'partnership', 'account', 'contract', 'agreement', 'term', 'end', 'renewal'].includes(obj.lemma)) continue;
    return true;
  }
  return false;
}

/** Judged unfit: "it's simply not fit for a business our size", "not suitable for what we need". */
export function unfitFrame(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i < t.length; i += 1) {
    if (!['fit', 'suitable', 'adequate', 'suited'].includes(t[i].lemma) || !negated(s, i)) continue;
    if (t[i + 1]?.lower !== 'for') continue;
    const subject = t.slice(Math.max(0, i - 6), i);
    if (subject.some((x, n) => ['it', 'this', "it's", 'you'].includes(x.lower) || oursAt(s, Math.max(0, i - 6) + n))) return true;
  }
  return false;
}

/** What we deliver besides what OURS names: the rollout, the implementation, the reports. */
const OUR_WORK = new Set(['rollout', 'implementation', 'platform', 'system', 'dashboard', 'report', 'integration', 'onboarding', 'module', 'feature', 'app']);

/** Our value not seen, said as an idiom: "hasn't moved the needle for us", "never paid for itself". */
export function noDifference(s: Sent): boolean {
  const t = s.toks;
  const line = lemmas(t);
  const m = / (?:move the needle|make (?:a|any|much|the|real) (?:real )?difference|pay for itself|pay off) /.exec(line);
  if (!m) return false;
  const at = line.slice(0, m.index + 1).trim().split(' ').filter(Boolean).length;
  if (!negated(s, at) && !/ (?:no|little|zero) (?:real )?difference /.test(line)) return false;
  return t.slice(Math.max(0, at - 6), at).some((x, n) => ['it', 'this', 'you', 'your'].includes(x.lower) || OUR_WORK.has(x.lemma) || oursAt(s, Math.max(0, at - 6) + n));
}

const USE = new Set(['use', 'open', 'log', 'login', 'touch', 'access']);
/** Use lapsed since a date: "sales ops haven't opened the forecasting module since August". Not a login that fails. */
export function lapsedUse(s: Sent): boolean {
  const t = s.toks;
  for (let i = 1; i < t.length; i += 1) {
    if (!USE.has(t[i].lemma) || t[i].pos !== 'VERB' || !negated(s, i)) continue;
    const before = lemmas(t.slice(Math.max(0, i - 4), i));
    if (!/ have /.test(before) || / (?:able|manage|could|can) /.test(before)) continue;
    const { end } = clauseOf(s, i);
    if (/ (?:since|for (?:\S+ )?(?:week|month)s?|in (?:\S+ )?(?:week|month|age)s?) /.test(lemmas(t.slice(i + 1, end + 1))) && !usedOtherwise(s, i)) return true;
  }
  return false;
}

/** The champion has given up on us: "she has given up pushing it", "I've given up championing this internally". */
export function givenUp(s: Sent): boolean {
  return / give up (?:on )?(?:push|promote|champion|defend|sell|advocate|make the case|try to get people|us(?:e|ing) (?:it|the|your)|you |your |the (?:tool|platform|app|system|product) )/.test(lemmas(s.toks));
}

const LEAVE = / if we (?:\S+ ){0,2}?(?:leave|cancel|do not renew|don't renew|terminate|exit|churn|switch|move away|go elsewhere|decide to (?:leave|move|switch|go)) /;
const ASK_OUT = / (?:how|what happen|what would|what will|know|understand|confirm|tell us|data|export|notice|penalty|fee|owe|cost|charge)/;
/** The exit planned: "we'd like to know how we would get our historical data out if we leave". */
export function exitPlanning(s: Sent): boolean {
  const line = lemmas(s.toks);
  return LEAVE.test(line) && ASK_OUT.test(line.replace(LEAVE, ' '));
}

/** Legal reading our options: "our legal team is reviewing the SLA remedies and what the contract allows us to do". */
export function legalOptions(s: Sent): boolean {
  const line = lemmas(s.toks);
  return / (?:legal|lawyer|counsel|solicitor|general counsel) /.test(line)
    && / (?:review|look at|look into|check|go (?:through|thru)|read|study|examine) /.test(line)
    && / (?:contract|agreement|sla|msa|term) /.test(line)
    && / (?:remedy|remedies|option|right|allow us|way out|terminat|exit|break|penalt) /.test(line);
}

/** A renewal price that will not get through: "at that number there is no chance it gets past my desk". */
export function priceBlock(s: Sent): boolean {
  const line = lemmas(s.toks);
  return / (?:renewal|quote|uplift|increase|price rise|price hike|pricing) /.test(line)
    && / (?:no (?:chance|way)|not a chance|never) (?:\S+ ){0,3}?(?:get|go|be) (?:\S+ )?(?:approve|sign|past|through|over the line) /.test(line);
}

/** Not a customer by a date: "I doubt we'll still be customers next year", "we won't be a client after March". */
export function notCustomer(s: Sent): boolean {
  const t = s.toks;
  const line = lemmas(t);
  for (let i = 1; i < t.length; i += 1) {
    if (!['customer', 'client', 'user'].includes(t[i].lemma)) continue;
    // ("we'll be around as a customer": the copula a few words back.)
    const before = t.slice(Math.max(0, i - 6), i);
    if (!before.some((x) => x.lemma === 'be') || !before.some((x) => ['we', "we'll", 'us'].includes(x.lower) || x.lower === "'ll")) continue;
    if (!/ (?:will|next|after|by|come|still|in a year) /.test(line)) continue;
    if (negated(s, i) || before.some((x) => x.neg) || / (?:doubt|not sure|unsure|unlikely|wonder whether|wonder if|(?:not|n't) think) /.test(line)) return true;
  }
  return false;
}

/** Any of the moves above. */
export function churnMoves(s: Sent): boolean {
  return choiceFrame(s) || lexicalMoves(s) || decidedToEnd(s) || unfitFrame(s) || noDifference(s) || lapsedUse(s) || givenUp(s) || exitPlanning(s) || legalOptions(s) || priceBlock(s) || notCustomer(s);
}
