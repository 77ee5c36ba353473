// Asks with neither a question nor an imperative nor "I'd like…": read from what the sentence does.
// - A colleague's ask relayed to us: "our CRO keeps asking when the report gets the new stages",
//   "Adaeze asked me to chase the credit note" (not their own plans: "asked whether we should renew",
//   nor an ask already dealt with: "…, so I've built them a few").
// - A need stated as the condition of their next step: "we can't onboard anyone until it's working
//   again", "won't approve it until we've seen your letter" (not "until our budget is approved").
// - A wish put as a hypothetical about our product: "we'd be more comfortable if admin actions were
//   logged", "a fresh one would be great", "xlsx would be better than csv" (not "if we'd had it last
//   year we'd have caught it": past and unreal).
// - Something still missing: "still no access for the new reps", "the only thing missing is…".
import type { Sent, Tok } from './nlp.js';
import { negated } from './frames.js';
import { fromAnotherVendor } from './request-addressee.js';

const lowers = (t: Tok[]) => ` ${t.map((x) => x.lower).join(' ')} `;
const BOUNDARY = new Set([',', ';', ':', '-', '–', '—', '(']);
/** Their own side as the subject of a clause: its plans and decisions are not asks of us. */
const OWN = new Set(['i', 'we', 'me', 'us', 'our', 'my', 'they', 'their', 'he', 'she', 'his', 'her']);
/** Steps a colleague sends the writer to take with us: "asked me to chase / request…"; others ("get", "check") only when they name us. */
const RELAY = new Set(['chase', 'request', 'obtain', 'nudge', 'ping', 'source']);
const RELAY_US = new Set(['get', 'confirm', 'check', 'ask', 'find', 'follow', 'push', 'grab', 'collect']);
/** What only their side can give itself. */
const INTERNAL = new Set(['budget', 'funding', 'headcount', 'approval', 'sign-off', 'signoff', 'buy-in', 'time', 'resource', 'resources', 'money', 'board', 'legal', 'procurement', 'finance']);
/** States of our product or of something we send that a blocked step waits for. */
const READY = new Set(['fixed', 'resolved', 'working', 'sorted', 'patched', 'restored', 'back', 'available', 'enabled', 'supported', 'live', 'up', 'online', 'stable', 'corrected', 'updated']);
/** Receiving: "until we've seen / got / received / heard…". */
const RECEIVE = new Set(['see', 'get', 'receive', 'have', 'hear']);
const TIME = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'tomorrow', 'today', 'tonight', 'morning', 'afternoon', 'evening', 'week', 'next', 'this', 'pm', 'am']);

/** Participles that end otherwise or that the tagger reads as nouns: "wants the memos split", "needs it set up". */
const IRREGULAR = new Set(['split', 'set', 'put', 'cut', 'sent', 'made', 'done', 'shut', 'reset', 'built', 'kept', 'left', 'sorted', 'fixed', 'moved', 'changed', 'removed', 'added']);
const participle = (x: Tok) => (x.pos === 'VERB' && /(?:ed|en)$/.test(x.lower) && x.lower !== x.lemma) || IRREGULAR.has(x.lower);

/** A subject that is a person or a group (a noun or a name); a plural noun the tagger read as a verb counts ("our warehouse leads keep asking"). */
function person(t: Tok[], x: Tok): boolean {
  if (['NOUN', 'PROPN'].includes(x.pos)) return true;
  const prev = t[t.indexOf(x) - 1];
  return x.pos === 'VERB' && x.lower.endsWith('s') && !!prev && (prev.pos === 'NOUN' || ['our', 'my', 'the', 'their'].includes(prev.lower));
}

const isPast = (x: Tok) => x.pos === 'VERB' && x.lower !== x.lemma && !x.lower.endsWith('ing') && !x.lower.endsWith('s');

/** The index after which a new clause starts (a clause break before i), or 0. */
function clauseStart(t: Tok[], i: number): number {
  for (let k = i - 1; k >= 0; k -= 1) if (t[k].pos === 'PUNCT' && BOUNDARY.has(t[k].text)) return k + 1;
  return 0;
}

/** The subject just before a verb at i, skipping auxiliaries, adverbs and aspect verbs ("keeps asking", "have been asking"). */
function subjectBefore(t: Tok[], i: number): Tok | undefined {
  for (let k = i - 1; k >= clauseStart(t, i); k -= 1) {
    const x = t[k];
    if (x.pos === 'AUX' || x.pos === 'ADV' || x.pos === 'PART' || ['keep', 'start', 'continue', 'begin'].includes(x.lemma)) continue;
    return x;
  }
  return undefined;
}

/** Whether a clause after i settles what was asked: "…, so I've built them a few", "…; we checked the log", "…, I told them no". */
export function settledAfter(s: Sent, i: number): boolean {
  const t = s.toks;
  for (let k = i + 1; k < t.length; k += 1) {
    const brk = (t[k - 1].pos === 'PUNCT' && BOUNDARY.has(t[k - 1].text)) || ['so', 'and', 'but'].includes(t[k - 1].lower);
    if (!brk) continue;
    const end = t.findIndex((x, j) => j > k && x.pos === 'PUNCT' && BOUNDARY.has(x.text));
    const clause = t.slice(k, end < 0 ? t.length : end).filter((x) => !['so', 'then', 'and', 'but', 'just'].includes(x.lower));
    // (What we did is not their answer: "…, and you fixed it" is for the thread to say.)
    if (['you', 'your'].includes(clause[0]?.lower ?? '')) continue;
    // "…; told him we'd know more after triage": a promise to come back, the ask still open.
    const promise = clause.findIndex((x) => ['told', 'said'].includes(x.lower));
    if (promise >= 0 && clause.slice(promise + 1, promise + 4).some((x, n, r) => ['we', 'i'].includes(x.lower) && ['would', 'will', "'d", "'ll"].includes(r[n + 1]?.lower ?? ''))) continue;
    if (clause.some((x) => isPast(x) && !negated(s, x.i) && !['asked', 'wondered'].includes(x.lower))) return true;
    // "…, and I keep telling them to build it themselves": the writer answers them, not us.
    if (clause.some((x, n) => ['i', 'we'].includes(x.lower) && clause.slice(n + 1, n + 4).some((y) => y.lemma === 'tell' && ['them', 'him', 'her'].includes(clause[clause.indexOf(y) + 1]?.lower ?? ''))) && !clause.some((x) => ['you', 'your', 'u'].includes(x.lower))) return true;
    if (clause.some((x) => ['now', 'already'].includes(x.lower))) return true;
  }
  return false;
}

/** What follows an ask verb: a wh-/whether clause about their own plans ("whether we should renew") asks us nothing. */
function aboutUs(t: Tok[], j: number): boolean {
  const w = t[j];
  if (!w) return false;
  if (['whether', 'if', 'when', 'how', 'what', 'why', 'where', 'which'].includes(w.lower)) {
    // ("how long I can keep them on it": the subject after a degree word.)
    const subj = ['long', 'much', 'many', 'often', 'soon', 'far'].includes(t[j + 1]?.lower ?? '') && w.lower === 'how' ? t[j + 2] : t[j + 1];
    if (subj && OWN.has(subj.lower)) return false;
    // "…whether to bring Luca", "…whether it's worth upgrading our laptops": their own choice.
    if (subj?.lower === 'to' || t.slice(j + 1, j + 5).some((x) => x.lower === 'worth')) return false;
    return true;
  }
  if (w.lower === 'for' || w.lower === 'about') {
    const obj = t.slice(j + 1, j + 5);
    if (obj.some((x) => ['own', 'raise', 'holiday', 'holidays'].includes(x.lower) || INTERNAL.has(x.lemma))) return false;
    return obj.length > 0;
  }
  return false;
}

/** Whether the ask verb at i asks us something still open: about our product or for a thing, or sending the writer to us. */
export function openAsk(s: Sent, i: number): boolean {
  const t = s.toks;
  let j = i + 1;
  if (['me', 'us'].includes(t[j]?.lower ?? '')) j += 1;
  let open = aboutUs(t, j);
  // "asked me to chase the credit note": the writer relays it.
  const us = t.slice(j + 2, j + 10).some((x) => ['you', 'your', 'u'].includes(x.lower));
  if (!open && t[j]?.lower === 'to' && j > i + 1 && (RELAY.has(t[j + 1]?.lemma ?? '') || (RELAY_US.has(t[j + 1]?.lemma ?? '') && us))) {
    const rest = t.slice(j + 2, j + 6);
    const w = rest[0];
    open = !!w && !rest.some((x) => INTERNAL.has(x.lemma)) && (['whether', 'if', 'when', 'how', 'what'].includes(w.lower) ? aboutUs(t, j + 2) : w.pos !== 'PRON' || ['your', 'the'].includes(w.lower));
  }
  return open && !settledAfter(s, i);
}

/** "our CRO keeps asking when…", "the team has asked me whether…", "Adaeze asked me to chase…". */
export function relayedAsk(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i < t.length; i += 1) {
    const v = t[i];
    if (!['ask', 'enquire', 'inquire', 'query'].includes(v.lemma) || v.pos !== 'VERB' || negated(s, i)) continue;
    const subj = subjectBefore(t, i);
    if (!subj || ['i', 'we', 'you', 'that', 'who', 'which'].includes(subj.lower) || !(person(t, subj) || subj.pos === 'PRON')) continue;
    // "If anyone asks, …": a condition, not an ask.
    if (t.slice(clauseStart(t, i), i).some((x) => ['if', 'when', 'whenever', 'unless', 'should'].includes(x.lower))) continue;
    // A past "X asked for…" tells what happened ("people asked about you", "QA asked for licences");
    // it is relayed to us when still going on ("keeps asking", "have asked me") or sent on ("asked me to chase…").
    const perfect = ['have', 'has', "'ve"].includes(t[i - 1]?.lower ?? '') || ['have', 'has'].includes(t[i - 2]?.lower ?? '');
    const relay = ['me', 'us'].includes(t[i + 1]?.lower ?? '') && ['to', 'whether', 'if', 'when', 'how', 'what', 'why', 'where', 'which'].includes(t[i + 2]?.lower ?? '');
    if (v.lower === 'asked' && !perfect && !relay) continue;
    // Asking "for"/"about" something with nobody named as asked may be asked of anyone ("our CFO has asked for a review of
    // every tool", "customers have asked about your app"): relayed to us when it goes through the writer or is still going on.
    if (['for', 'about'].includes(t[i + 1]?.lower ?? '') && !v.lower.endsWith('ing')) continue;
    if (openAsk(s, i)) return true;
  }
  return false;
}

/** "We can't onboard anyone until it's working again", "won't approve it until we've seen your letter". */
export function blockedUntil(s: Sent): boolean {
  const t = s.toks;
  for (let i = 1; i < t.length; i += 1) {
    if (!['until', 'unless', 'till', 'without'].includes(t[i].lower)) continue;
    const main = t.slice(clauseStart(t, i), i);
    const blocked = main.some((x) => ["n't", 'not', 'cannot', 'unable', 'never'].includes(x.lower)) && main.some((x) => x.pos === 'AUX' || x.lower === 'unable' || x.lower === 'cannot');
    if (!blocked) continue;
    const c = t.slice(i + 1, i + 10);
    const subj = c[0];
    if (!subj || fromAnotherVendor(s, i + 1)) continue;
    if (subj.lower === 'you' || subj.lower === 'your') return true;
    const receive = c.findIndex((x) => RECEIVE.has(x.lemma) && x.pos === 'VERB');
    if (['we', 'i'].includes(subj.lower) && receive >= 0 && receive <= 3) {
      const obj = c.slice(receive + 1);
      if (!obj.some((x, k) => x.lower === 'from' && !['you', 'your'].includes(obj[k + 1]?.lower ?? '')) && !obj.slice(0, 3).some((x) => INTERNAL.has(x.lemma))) return true;
      continue;
    }
    if (OWN.has(subj.lower) || INTERNAL.has(subj.lemma)) continue;
    if (c.slice(1, 6).some((x) => READY.has(x.lower))) return true;
  }
  return false;
}

/** Evaluative adjectives after "would be": "great", "better than", "more comfortable", "only usable". */
function evaluative(t: Tok[], j: number): number {
  let k = j;
  while (['only', 'much', 'far', 'a', 'lot', 'so', 'really', 'very', 'more', 'even', 'way', 'super', 'truly'].includes(t[k]?.lower ?? '')) k += 1;
  return t[k]?.pos === 'ADJ' && !['sure', 'able', 'likely', 'unlikely'].includes(t[k].lower) ? k : -1;
}

/** "We'd be more comfortable if admin actions were logged", "a fresh one would be great", "xlsx would be better than csv". */
export function hypotheticalWish(s: Sent): boolean {
  const t = s.toks;
  for (let i = 0; i + 2 < t.length; i += 1) {
    if (t[i].lower !== 'would' && t[i].lower !== "'d") continue;
    if (t[i + 1]?.lower === 'have') continue;
    let b = i + 1;
    if (t[b]?.lower === 'only') b += 1;
    if (t[b]?.lemma !== 'be') continue;
    const adj = evaluative(t, b + 1);
    if (adj < 0 || negated(s, adj)) continue;
    const from = clauseStart(t, i);
    const subject = t.slice(from, i);
    // A time as the subject is an answer about scheduling ("Tuesday would be great", "next week would work"), not an ask
    // ("a heads-up on changes for next year would be helpful" is about something else).
    if (subject.length === 0 || subject.filter((x) => x.pos !== 'DET').every((x) => TIME.has(x.lower) || x.pos === 'NUM' || x.pos === 'PROPN' || x.pos === 'ADP')) continue;
    const after = t.slice(adj + 1);
    const cond = after.findIndex((x) => ['if', 'once', 'when'].includes(x.lower));
    if (cond >= 0) {
      const c = after.slice(cond + 1);
      // "…if we'd had the module last year": unreal past, no ask left.
      if (c.some((x) => x.lower === 'had' || x.lower === "'d") && c.some((x) => isPast(x))) continue;
      if (['we', 'i'].includes(c[0]?.lower ?? '') && !c.slice(1, 3).some((x) => ['could', 'can'].includes(x.lower))) continue;
      return true;
    }
    // Without a condition the subject is what they wish for: "a fresh one", "xlsx", "a quick call".
    const first = subject[0];
    if (['it', 'that', 'this', 'which', 'there'].includes(first.lower) || OWN.has(first.lower)) continue;
    if (t[adj].lower === 'better' || ['great', 'helpful', 'useful', 'ideal', 'perfect', 'handy', 'amazing', 'awesome', 'brilliant', 'fantastic', 'lifesaver'].includes(t[adj].lower)) {
      if (after.some((x) => x.lower === 'too' || x.lower === 'anyway')) continue;
      return true;
    }
  }
  return false;
}

const FORTUNE = new Set(['luck', 'sleep', 'weather', 'time', 'week', 'day', 'month', 'holiday', 'break', 'coffee', 'rest', 'miracle', 'headcount', 'budget']);

/** "A slower, hands-on version would really help": a thing wished for by the help it would be (not "it would help", "our own…"). */
export function wouldHelp(s: Sent): boolean {
  const t = s.toks;
  for (let i = 2; i + 1 < t.length; i += 1) {
    if (!['would', "'d"].includes(t[i].lower)) continue;
    let k = i + 1;
    while (['really', 'definitely', 'massively', 'hugely', 'genuinely', 'also', 'so'].includes(t[k]?.lower ?? '')) k += 1;
    if (t[k]?.lemma !== 'help' || negated(s, k) || ['them', 'him', 'her'].includes(t[k + 1]?.lower ?? '')) continue;
    // The subject: a noun phrase opened by an article, back to the clause start (commas inside it allowed).
    let b = i - 1;
    while (b > 0 && (['ADJ', 'NOUN', 'ADV', 'NUM'].includes(t[b].pos) || t[b].text === ',' || t[b].text === '-') && t[b - 1]) b -= 1;
    // (Not a stroke of fortune or time of their own: "a bit of luck would help", "a few more weeks would help".)
    if (['a', 'an', 'some', 'another'].includes(t[b].lower) && !t.slice(b, i).some((x) => OWN.has(x.lower) || FORTUNE.has(x.lemma))) return true;
  }
  return false;
}

/** "Still no access for the new reps", "it still hasn't come through", "the only thing missing is…", "what I'm after is…". */
export function stillMissing(s: Sent): boolean {
  const t = s.toks;
  const lower = ` ${t.map((x) => x.lower).join(' ')} `;
  const fromOurs = (at: number) => t.slice(at).some((x, k) => x.lower === 'from' && !['you', 'your', 'u'].includes(t[at + k + 1]?.lower ?? ''));
  for (let i = 0; i + 2 < t.length; i += 1) {
    if (t[i].lower !== 'still') continue;
    const subj = subjectBefore(t, i);
    if (subj && (['our', 'my', 'we', 'i'].includes(subj.lower) || t.slice(clauseStart(t, i), i).some((x) => ['our', 'my'].includes(x.lower)))) continue;
    // "still no access for the two new reps"
    if (t[i + 1].lower === 'no' && t[i + 2].pos === 'NOUN' && !INTERNAL.has(t[i + 2].lemma) && !fromOurs(i)) return true;
    // "it still hasn't come through", "the fix still hasn't arrived"
    if (['has', 'have', 'did', 'does', 'is'].includes(t[i + 1].lower) && ["n't", 'not'].includes(t[i + 2]?.lower ?? '')) {
      const v = t[i + 3];
      // ("The pallets still haven't arrived at our yard": goods at a place of theirs, not something of ours.)
      const atPlace = ['at', 'in'].includes(t[i + 4]?.lower ?? '') && (['our', 'my'].includes(t[i + 5]?.lower ?? '') || t[i + 5]?.pos === 'PROPN');
      if (v && (['come', 'arrive', 'land', 'reach', 'show'].includes(v.lemma)) && !fromOurs(i) && !atPlace) return true;
    }
  }
  // "One document is still outstanding: your insurance certificate", "we're still missing your W-9": a thing of ours not yet come.
  if (/ still (?:missing|outstanding|pending|awaited|to come|lacking) /.test(lower) && / (?:your|from (?:you|u)) /.test(lower) && !/ (?:our|my) own /.test(lower)) return true;
  // Clefts naming what is wanted: "what I'm after is…", "the only thing missing is…", "something I've been wondering is whether…".
  if (/ what (?:i|we) ['’]?(?:m|am|are|re) (?:really )?after /.test(lower)) return true;
  const missing = / (?:only|one|main|last) thing (?:still )?(?:missing|outstanding|lacking|left) (?:is|'s) (.*)$/.exec(lower);
  if (missing && !/^(?:our|my|\w+'s) /.test(missing[1])) return true;
  return / (?:wondering|wondered|curious) (?:about )?(?:is|'s) (?:whether|if|how|why|what|when|where) (?!we |i |to )/.test(lower);
}

/** Someone on their side who wants something of ours or wants it done: "procurement requires a signed copy of your statement", "Finance wants the invoice line broken out". */
export function theirWant(s: Sent): boolean {
  const t = s.toks;
  for (let i = 1; i < t.length; i += 1) {
    if (wouldLikeOfUs(s, i)) return true;
    if (!['want', 'need', 'require', 'expect'].includes(t[i].lemma) || t[i].pos !== 'VERB' || negated(s, i) || fromAnotherVendor(s, i)) continue;
    const subj = subjectBefore(t, i);
    // A person or group of theirs ("procurement", "our CFO"), not a thing ("every change needs…") nor a forecast about "them";
    // or a clause going on from their own ("…and will need the lanes added").
    const carried = subj?.lower === 'and';
    if (!subj || (!carried && !person(t, subj) && !(['they', 'he', 'she'].includes(subj.lower) && / (?:by|from) (?:you|u|your) /.test(` ${t.slice(i).map((x) => x.lower).join(' ')} `))) || t.slice(clauseStart(t, i), i).some((x) => ['every', 'each', 'any'].includes(x.lower))) continue;
    const obj: Tok[] = [];
    for (let k = i + 1; k < t.length && k <= i + 7 && !(t[k].pos === 'PUNCT' && BOUNDARY.has(t[k].text)) && t[k].lower !== 'to'; k += 1) obj.push(t[k]);
    // "they need it countersigned by u guys now": a thing of ours to be done by us.
    if (['it', 'them', 'this'].includes(obj[0]?.lower ?? '') && obj.slice(1, 3).some((x) => participle(x)) && / (?:by|from) (?:you|u|your) /.test(` ${t.slice(i).map((x) => x.lower).join(' ')} `)) return true;
    if (!obj.length || ['that', 'us', 'me', 'them', 'it'].includes(obj[0].lower)) continue;
    if (!carried && obj.some((x) => x.lower === 'your')) return true;
    // "My team needs assurance that the cap holds", "Finance wants clarity on the overage": an answer of ours.
    if (ASSURANCE.has(obj[0].lemma) || (['some', 'more', 'an', 'a', 'written', 'formal', 'firm'].includes(obj[0].lower) && ASSURANCE.has(obj[1]?.lemma ?? ''))) return true;
    // "The security team would need a pen test report before approving": what their side would require of a supplier.
    const modal = ['would', "'d"].includes(t[i - 1]?.lower ?? '');
    const head = obj.slice(0, Math.max(1, obj.findIndex((x) => ['before', 'until', 'by', 'so', 'because', 'if', 'when'].includes(x.lower))));
    if (modal && !carried && ['DET', 'NOUN', 'ADJ'].includes(obj[0].pos) && !head.some((x) => OWN.has(x.lower) || INTERNAL.has(x.lemma))) return true;
    // The thing and what should happen to it: "wants the invoice line broken out", "needs the old users removed".
    const done = obj.findIndex((x, k) => k > 0 && participle(x));
    if (done > 0 && ['DET', 'NOUN'].includes(obj[0].pos)) return true;
  }
  return false;
}

/** Answers only the supplier can give: "assurance that…", "clarity on…". */
const ASSURANCE = new Set(['assurance', 'reassurance', 'confirmation', 'clarity', 'clarification', 'guarantee', 'commitment', 'explanation', 'answer', 'proof', 'evidence']);

/** "She'd like half an hour with you", "our controller would love a walkthrough from your team": a colleague's wish put to us. */
function wouldLikeOfUs(s: Sent, i: number): boolean {
  const t = s.toks;
  if (!['like', 'love', 'appreciate', 'welcome'].includes(t[i].lemma) || !['would', "'d"].includes(t[i - 1]?.lower ?? '') || negated(s, i)) return false;
  const subj = t[i - 2];
  if (!subj || !(['he', 'she', 'they'].includes(subj.lower) || subj.pos === 'PROPN' || subj.pos === 'NOUN')) return false;
  // The thing wished for, up to a clause break or an infinitive ("…with you to go through…"); "to thank you" is no ask.
  const obj: Tok[] = [];
  for (let k = i + 1; k < t.length && k <= i + 8 && !(t[k].pos === 'PUNCT' && BOUNDARY.has(t[k].text)) && t[k].lower !== 'to'; k += 1) obj.push(t[k]);
  return obj.length > 1 && ['DET', 'NOUN', 'NUM', 'ADJ'].includes(obj[0].pos) && obj.some((x, k) => (['you', 'u'].includes(x.lower) && ['with', 'from', 'of'].includes(obj[k - 1]?.lower ?? '')) || x.lower === 'your');
}

/** "…, is that still on the table": a question closing a statement, its question mark left off. */
export function tagQuestion(s: Sent): boolean {
  const t = s.toks.filter((x) => x.text !== '.');
  for (let k = t.length - 3; k > 0; k -= 1) {
    // (An emoji parts clauses too: "budget approved 🎉 can u send the order form".)
    if (!((t[k - 1].pos === 'PUNCT' && BOUNDARY.has(t[k - 1].text)) || t[k - 1].pos === 'SYM')) continue;
    if (t.slice(k).some((x) => x.pos === 'PUNCT')) return false;
    // ("…, but could you share the matrix first": a conjunction before it.)
    const q = ['but', 'and', 'so'].includes(t[k].lower) ? k + 1 : k;
    // (Three words do when they ask the reader to act: "…, can u check".)
    const act = ['you', 'u'].includes(t[q + 1]?.lower ?? '') && t[q + 2]?.pos === 'VERB' && ['can', 'could', 'will', 'would'].includes(t[q]?.lower ?? '');
    return ['is', 'are', 'can', 'could', 'will', 'would', 'does', 'do', 'did'].includes(t[q]?.lower ?? '') && ['that', 'this', 'it', 'there', 'you', 'u'].includes(t[q + 1]?.lower ?? '') && (t.length - q >= 4 || act);
  }
  return false;
}

/** "If there's any way to move the cutover…": a condition that is itself the ask, whatever the main clause says. */
export function anyWay(s: Sent): boolean {
  return / if there (?:is|'s|be) any (?:way|chance|possibility) /.test(` ${s.toks.map((x) => x.lower).join(' ')} `);
}

/** A question put as not knowing: "I'm not sure how the overage is calculated", "couldn't find anything in your docs about residency". */
export function notKnowing(s: Sent): boolean {
  const t = s.toks;
  for (let i = 1; i < t.length; i += 1) {
    const w = t[i].lower;
    // "I don't know whether that's something you'd consider": not knowing, about us (not "whether we will…").
    if (['sure', 'clear', 'certain'].includes(w) || (t[i].lemma === 'know' && t[i].pos === 'VERB' && ['whether', 'if', 'how', 'why'].includes(t[i + 1]?.lower ?? '') && t.slice(i + 1).some((x) => ['you', 'your', 'u'].includes(x.lower)))) {
      if (!negated(s, i)) continue;
      let j = i + 1;
      if (t[j]?.lower === 'to' && ['me', 'us'].includes(t[j + 1]?.lower ?? '')) j += 2;
      // ("…not sure whether anyone has told you yet": a preface to news, not a question.)
      const news = t.slice(j + 1, j + 6).some((x) => ['tell', 'inform', 'mention', 'warn', 'update'].includes(x.lemma));
      if (aboutUs(t, j) && !news && !INTERNAL.has(t[j + 2]?.lemma ?? '') && !t.slice(j + 1, j + 4).some((x) => ['should', 'will', "'ll"].includes(x.lower))) return true;
    }
    // "couldn't find anything in the docs about…", "can't find how to…"
    if (t[i].lemma === 'find' && negated(s, i) && !['we', 'i'].includes(t[i + 1]?.lower ?? '')) {
      const rest = t.slice(i + 1, i + 12).map((x) => x.lower);
      if (rest.some((x) => ['docs', 'documentation', 'your', 'portal', 'guide', 'help', 'faq', 'how', 'where'].includes(x)) && !rest.includes('our')) return true;
    }
  }
  return false;
}

/** Any of the asks above. */
export function impliedAsk(s: Sent): boolean {
  return relayedAsk(s) || blockedUntil(s) || hypotheticalWish(s) || wouldHelp(s) || stillMissing(s) || theirWant(s) || tagQuestion(s) || notKnowing(s);
}

/**
 * A note of ours that reports what a contact asked of us and is still open: "Raj asked whether we
 * could put together a comparison", "he'd like the refresh moved to weekends" (here "we" is us). Not
 * an ask they put to their own people ("Priya mentioned that their CFO asked for…"), nor one we
 * have answered ("…; sent it this morning").
 */
export function noteAsk(s: Sent): boolean {
  const t = s.toks;
  if (noteWant(s) || namedAsk(t)) return true;
  for (let i = 1; i < t.length; i += 1) {
    const v = t[i];
    const like = v.lemma === 'like' && t[i - 1]?.lemma === 'would';
    // ("Luca wondered whether we could translate the deck": wondering aloud to us is asking.)
    const wonder = v.lemma === 'wonder' && ['whether', 'if'].includes(t[i + 1]?.lower ?? '') && ['we', 'you'].includes(t[i + 2]?.lower ?? '');
    // ("Priya pushed for a price freeze", "Raj pressed us for a discount": asking hard.)
    const p = ['ADV', 'ADJ'].includes(t[i + 1]?.pos ?? '') && t[i + 2]?.lower === 'for' ? i + 2 : i + 1;
    const press = ['push', 'press', 'lobby'].includes(v.lemma) && v.pos === 'VERB' && (t[p]?.lower === 'for' || (['us', 'me'].includes(t[p]?.lower ?? '') && t[p + 1]?.lower === 'for'));
    if (!(['ask', 'request'].includes(v.lemma) && v.pos === 'VERB') && !like && !wonder && !press) continue;
    if (negated(s, i)) continue;
    // ("Keiko requested a budget increase from her VP": asked of her own people, not of us.)
    if (t.slice(i + 2, i + 9).some((x, n, r) => x.lower === 'from' && ['her', 'his', 'their', 'its'].includes(r[n + 1]?.lower ?? ''))) continue;
    const from = clauseStart(t, i);
    const subj = t[from];
    const between = t.slice(from + 1, i).filter((x) => !(x.pos === 'AUX' || x.pos === 'ADV' || x.lemma === 'would'));
    if (!subj || !(subj.pos === 'PROPN' || ['he', 'she', 'they'].includes(subj.lower)) || (between.length > 0 && !coordinated(t, i))) continue;
    if (settledAfter(s, i)) continue;
    // (Pressing for a thing: "pushed hard for a price freeze", not "pushed for our own team's budget".)
    if (press) return !t.slice(p + 1, p + 6).some((x) => ['own', 'internally'].includes(x.lower));
    const next = t[i + 1];
    if (like) {
      const done = t.slice(i + 2, i + 8).some((x) => x.pos === 'VERB' && /(?:ed|en)$/.test(x.lower) && x.lower !== x.lemma);
      if (next && ['the', 'a', 'an', 'us', 'their', 'his', 'her'].includes(next.lower) && done) return true;
      continue;
    }
    // ("asked if we'd enjoyed the offsite": about what is past, no ask left.)
    const past = (x?: Tok) => !!x && ((x.pos === 'VERB' && x.lower !== x.lemma && !x.lower.endsWith('ing')) || x.lower === 'had');
    // ("asked if our API could…": in our note "our" is us.)
    if (next && ['whether', 'if'].includes(next.lower) && ['we', 'you', 'our', 'your'].includes(t[i + 2]?.lower ?? '') && !past(t[i + 3]) && !(t[i + 3]?.lower === "'d" && past(t[i + 4]))) return true;
    // "asked during the demo whether forecasts can go to Slack", "asked what makes us different from…":
    // a question about us, after a phrase saying when, or put with a wh-word.
    const wh = whAfter(t, i);
    if (wh > 0 && !OWN_THEM.has(t[wh + 1]?.lower ?? '') && !past(t[wh + 2]) && !t.slice(wh + 1, wh + 4).some((x) => x.lower === 'own')) return true;
    // "Keiko requested a refresher session for the new SDRs".
    if (v.lemma === 'request' && next && ['a', 'an', 'the', 'some', 'more', 'another'].includes(next.lower) && !t.slice(i + 2, i + 6).some((x) => x.lower === 'own')) return true;
    // "Raj asked me to delete the duplicate workspace": sent to us through the one who writes the note.
    if (next && ['me', 'us'].includes(next.lower) && t[i + 2]?.lower === 'to' && t[i + 3]?.pos === 'VERB' && !DELIBERATION.has(t[i + 3].lemma)) return true;
    if (next && ['for', 'about'].includes(next.lower) && !t.slice(i + 2, i + 5).some((x) => x.lower === 'own')) return true;
  }
  return false;
}

/** Verbs that report what a contact said: "Mia mentioned they'd love a refresher". */
const SAY = new Set(['mention', 'say', 'tell', 'note', 'hint', 'add', 'explain', 'suggest']);

/** "Mia mentioned (that) they…": the reporting verb and the reported subject between a named subject and its wish. */
function reportFrame(t: Tok[], from: number, x: Tok): boolean {
  const v = t[from + 1];
  if (!v || !SAY.has(v.lemma) || v.pos !== 'VERB') return false;
  const k = t[from + 2]?.lower === 'that' ? from + 3 : from + 2;
  if (!['he', 'she', 'they'].includes(t[k]?.lower ?? '')) return false;
  return x.i > from && x.i <= k;
}

/** A verb joined by "and" to the clause before, sharing its subject: "Keiko called about X and asked whether…", "they lost scans and want a credit". */
function coordinated(t: Tok[], i: number): boolean {
  const k = ['then', 'also', 'now'].includes(t[i - 1]?.lower ?? '') ? i - 2 : i - 1;
  if (t[k]?.lower !== 'and') return false;
  // (The clause before has a verb of its own, with no subject of its own after the "and".)
  return t.slice(0, k).some((x) => x.pos === 'VERB' || x.pos === 'AUX');
}

/** "Raj's ask: a credit for the outage", "Request from Owen: …": a contact's ask labelled in our note. */
function namedAsk(t: Tok[]): boolean {
  const colon = t.slice(0, 6).findIndex((x) => x.text === ':');
  if (colon < 1 || colon + 1 >= t.length) return false;
  const label = t.slice(0, colon);
  // (A bare "Asks: (1) …, (2) …" in our note of a call lists theirs; "Our asks:" would be ours of them.)
  const bare = label.length === 1 && ['asks', 'requests'].includes(label[0].lower);
  const named = bare || label.some((x) => x.pos === 'PROPN' || ['he', 'she', 'they', 'their', 'his', 'her'].includes(x.lower));
  return named && label.some((x) => ['ask', 'asks', 'request', 'requests'].includes(x.lower)) && !t.slice(colon + 1).some((x) => ['done', 'sent', 'resolved', 'closed', 'answered'].includes(x.lower));
}

/** Their side as a wh-clause's subject: "asked how they should…" is about their own plans. */
const OWN_THEM = new Set(['they', 'their', 'he', 'she', 'his', 'her', 'i', 'my', 'to']);

/** The wh-word or whether after an ask verb at i, past a phrase saying when ("during the demo", "on the call"): its index, or -1. */
function whAfter(t: Tok[], i: number): number {
  let k = i + 1;
  if (t[k]?.pos === 'ADP' && ['during', 'on', 'in', 'at', 'after', 'before'].includes(t[k].lower)) {
    k += 1;
    while (k < t.length && k <= i + 5 && ['DET', 'NOUN', 'PROPN', 'ADJ'].includes(t[k].pos)) k += 1;
  } else if (['again', 'also', 'today', 'yesterday'].includes(t[k]?.lower ?? '')) k += 1;
  const w = t[k]?.lower ?? '';
  if (k === i + 1 && ['whether', 'if'].includes(w)) return -1; // (read above, with its own subject rule)
  return ['whether', 'if', 'what', 'how', 'when', 'why', 'where', 'which'].includes(w) ? k : -1;
}

/** Steps a colleague takes on their own side: "asked me to think about it", "to decide by Friday". */
const DELIBERATION = new Set(['think', 'consider', 'decide', 'wait', 'hold', 'reflect', 'join', 'attend', 'come']);

/**
 * A contact's want reported in our note: "Adaeze wants an ROI case before she signs", "he's after
 * a breakdown of support hours, wants it before month end", "she wants it sorted before kickoff".
 * Not a plan of theirs ("wants to keep 120 seats"), their own thing ("wants its own tenant"), or
 * their people's state ("wants the depot on the platform").
 */
function noteWant(s: Sent): boolean {
  const t = s.toks;
  for (let i = 1; i + 1 < t.length; i += 1) {
    const v = t[i];
    const after = v.lower === 'after' && t[i - 1]?.lemma === 'be';
    // ("Tomasz is waiting on the sandbox credentials from us", "still waiting on us for the DPA"; the corpus reads
    // "they're waiting on our order form" as their step, not an ask.)
    if (v.lemma === 'wait' && ['on', 'for'].includes(t[i + 1]?.lower ?? '') && (['us', 'me'].includes(t[i + 2]?.lower ?? '') || / from (?:us|me|our \S+) /.test(lowers(t.slice(i + 2, i + 10)))) && !negated(s, i)) {
      const subj = t[clauseStart(t, i)];
      if (subj && (subj.pos === 'PROPN' || ['he', 'she', 'they'].includes(subj.lower)) && !settledAfter(s, i)) return true;
    }
    // "Siobhan would appreciate a call with our product lead", "Owen would like the export at 6am".
    const would = ['appreciate', 'like', 'love', 'welcome'].includes(v.lemma) && ['would', "'d"].includes(t[i - 1]?.lower ?? '');
    if (!after && !would && !(['want', 'need', 'require'].includes(v.lemma) && v.pos === 'VERB')) continue;
    if (negated(s, i)) continue;
    const from = clauseStart(t, i);
    const subj = t[from];
    const between = t.slice(from + 1, i).filter((x) => !(x.pos === 'AUX' || x.pos === 'ADV' || x.lemma === 'be' || x.lemma === 'still' || x.lemma === 'really') && !reportFrame(t, from, x));
    // The subject named, or carried over a comma from the clause before ("…, wants it before month end").
    const carried = from > 0 && from === i && t.slice(0, from).some((x) => x.pos === 'PROPN' || ['he', 'she', 'they'].includes(x.lower));
    // ("Greta on the phone: depot managers want to know if…": a group of theirs wanting to know about us.)
    const group = i > from && t.slice(from, i).every((x) => ['DET', 'ADJ', 'NOUN'].includes(x.pos) && !['our', 'my'].includes(x.lower)) && t[i - 1].pos === 'NOUN'
      && t[i + 1]?.lower === 'to' && ['know', 'understand'].includes(t[i + 2]?.lemma ?? '');
    if (!carried && !group && !(subj && (subj.pos === 'PROPN' || ['he', 'she', 'they'].includes(subj.lower)) && (between.length === 0 || coordinated(t, i)))) continue;
    if (settledAfter(s, i)) continue;
    const obj = t.slice(i + 1, i + 8);
    const o = obj[0];
    // "Owen wants to know when the EU region goes live": to come to know or to have something of ours.
    if (o?.lower === 'to' && ['know', 'understand', 'see', 'hear', 'get', 'receive'].includes(obj[1]?.lemma ?? '') && !would) {
      if (obj[1].lemma === 'know' || obj[1].lemma === 'understand' || ['the', 'your', 'a', 'an', 'some', 'our'].includes(obj[2]?.lower ?? '')) return true;
    }
    // "Tomasz wants us to promise a fix date": us sent to act.
    if (o?.lower === 'us' && obj[1]?.lower === 'to' && obj[2]?.pos === 'VERB' && !DELIBERATION.has(obj[2].lemma)) return true;
    if (!o || o.lower === 'to' || obj.some((x) => x.lower === 'own')) continue;
    // ("wants the depot on the platform" is their people's state; "wants an engineer on the next call" asks.)
    const onto = (k: number) => ['platform', 'it', 'this', 'board', 'tool', 'app', 'system', 'product'].includes(obj[k + 1]?.lower ?? '') || (obj[k + 1]?.lower === 'the' && ['platform', 'tool', 'app', 'system', 'product', 'new'].includes(obj[k + 2]?.lower ?? ''));
    if (obj.some((x, k) => ['on', 'using', 'onboard', 'aboard', 'in'].includes(x.lower) && k > 0 && onto(k))) continue;
    if (['it', 'them', 'this', 'that'].includes(o.lower)) {
      if (obj.slice(1, 3).some((x) => participle(x))) return true;
      if (carried && obj.slice(1, 3).some((x) => ['before', 'by', 'asap', 'today', 'tomorrow'].includes(x.lower))) return true;
      continue;
    }
    if (['a', 'an', 'the', 'some', 'your', 'our', 'more'].includes(o.lower) || o.pos === 'NOUN') return true;
  }
  return false;
}
