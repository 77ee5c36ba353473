// A promise whose subject is the thing promised, not the promiser: "the revised quote will be with you
// by Monday", "a refund will be processed this week", "the translation is being finalised and will
// reach you before the 20th". The frame: a noun phrase (a thing, not a person) + will/shall + either
// an arrival ("be with you", "reach you", "land in your inbox") or a passive of an act of delivering
// ("be processed", "be restored", "be deployed"). Said by us, either kind is our promise; said by the
// account, only an arrival to us is theirs (their passives are mostly their own affairs: "the new
// office will be set up"). Also without will: a thing on its way now ("the sheet goes out to you this
// afternoon", "it's on its way to you") and a delivery on a schedule ("a patched build is scheduled for
// release on the 18th"); the subject may be "it" when the clause before named the thing.
import type { Sent, Tok } from './nlp.js';
import { negated } from './frames.js';

export interface ThingPromise {
  /** The will/shall token. */
  at: number;
  /** Where the thing's noun phrase starts. */
  subjectAt: number;
  kind: 'arrival' | 'passive' | 'scheduled' | 'release';
  /** The subject is a pronoun ("it will land in your inbox"): the thing is named earlier. */
  pronoun?: boolean;
  /** A promise only with a date ("the credentials go out to your team tomorrow"; undated it may be a habit). */
  dated?: boolean;
}

const CLAUSE_BREAK = new Set([',', ';', ':', '-', '–', '—', 'and', 'but', 'so', 'that', 'rest', 'assured']);
const PERSON = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'someone', 'somebody', 'everyone', 'nobody', 'who']);
const ARRIVE = new Set(['reach', 'arrive', 'land', 'hit', 'come', 'go', 'head', 'appear', 'show']);
/** Things that stand in for a thing named before: "…prepare a sizing sheet; it will land in your inbox". */
const THING_PRONOUN = new Set(['it', 'this', 'that', 'these', 'those']);
/** A delivery on someone's calendar: "is scheduled for release", "is planned to ship", "is slated for Friday". */
const SCHEDULED = new Set(['schedule', 'plan', 'slate', 'set', 'book', 'line', 'due']);
/** What a thing is after it has been delivered: "ready", "live", "in your inbox", "with you", "on its way". */
const STATE = new Set(['ready', 'available', 'live', 'done', 'sorted', 'complete', 'completed', 'finished', 'fixed', 'resolved', 'back', 'up']);

/** Acts done to a thing on its way to someone (their passive is a delivery). */
const DONE_TO = new Set([
  'send', 'share', 'deliver', 'forward', 'email', 'process', 'issue', 'reissue', 'refund', 'credit', 'apply', 'restore', 'deploy', 'ship', 'release', 'publish',
  'fix', 'patch', 'resolve', 'enable', 'activate', 'provision', 'set', 'configure', 'install', 'upload', 'post', 'update', 'correct', 'complete', 'finish', 'finalize',
  'finalise', 'prepare', 'draft', 'write', 'compile', 'produce', 'create', 'build', 'return', 'submit', 'schedule', 'book', 'arrange', 'assign', 'reset', 'extend',
  'grant', 'add', 'migrate', 'turn', 'circulate', 'provide', 'give', 'reverse', 'waive', 'honour', 'honor', 'reconcile', 'reinstate', 'remove', 'delete', 'roll',
  'generate', 'launch', 'push', 'run', 'confirm', 'upgrade', 'unlock', 'raise', 'switch',
]);

const isParticiple = (t: Tok | undefined) => Boolean(t && t.pos === 'VERB' && t.lower !== t.lemma);
/** A participle of an act of delivering, "re-" acts included ("regenerated", "re-sent"). */
const deliveredAs = (t: Tok | undefined) => Boolean(t && isParticiple(t) && (DONE_TO.has(t.lemma) || DONE_TO.has(t.lemma.replace(/^re-?/, ''))));

/** "Will be regenerated and sent to you": any participle of the coordination is a delivery. */
function deliveredChain(s: Sent, v: number): boolean {
  for (let k = v; k < Math.min(s.toks.length, v + 6); k += 1) {
    const t = s.toks[k];
    if (deliveredAs(t)) return true;
    // Right after "be", a verb is a participle even when it looks like the base form ("be re-run", "be put").
    if (k === v && t.pos === 'VERB' && (DONE_TO.has(t.lemma) || DONE_TO.has(t.lemma.replace(/^re-?/, '')))) return true;
    if (!(isParticiple(t) || t.lower === 'and' || t.lower === ',' || t.pos === 'ADV')) return false;
  }
  return false;
}

/** Where the clause holding token i starts (after a comma, a conjunction or the sentence's start). */
function clauseStart(s: Sent, i: number): number {
  for (let k = i - 1; k >= 0; k -= 1) {
    if (CLAUSE_BREAK.has(s.toks[k].lower)) return k + 1;
    // A verb of saying or knowing opens its complement without "that": "let you know the refund will be processed".
    // Only the speaker's own saying ("I can confirm the…", "let you know the…"): "Mårten says all vendors will be…" is his news.
    const own = s.toks.slice(Math.max(0, k - 3), k).some((x) => ['i', 'we', 'me', 'us', 'you'].includes(x.lower));
    if (s.toks[k].pos === 'VERB' && SAYING.has(s.toks[k].lemma) && own && ['DET', 'PRON'].includes(s.toks[k + 1]?.pos ?? '') && !PERSON.has(s.toks[k + 1].lower)) return k + 1;
  }
  return 0;
}
const SAYING = new Set(['know', 'say', 'confirm', 'promise', 'assure', 'mention', 'guarantee', 'hear', 'report', 'note']);

/** The thing-subject of the clause before token i: its first token, if the clause opens on a thing, not a person. */
function thingSubject(s: Sent, i: number): number | undefined {
  let from = clauseStart(s, i);
  // "… is being finalised and will reach you": the subject is carried from the clause before.
  if (from === i && s.toks[i - 1]?.lower === 'and') from = clauseStart(s, i - 1);
  // ("That'll be with you tomorrow": a demonstrative opening the clause is its subject, not a "that" before one.)
  if (from === i && s.toks[i - 1]?.lower === 'that' && (i === 1 || s.toks[i - 2].pos === 'PUNCT')) return i - 1;
  let span = s.toks.slice(from, i);
  if (span.length === 1 && THING_PRONOUN.has(span[0].lower)) return from;
  // "… is being finalised as we speak and will…": a subordinate clause inside the subject's clause says nothing of the thing.
  const sub = span.findIndex((t, n) => n > 0 && ['as', 'while', 'since', 'because'].includes(t.lower) && PERSON.has(span[n + 1]?.lower ?? ''));
  if (sub > 0) span = span.slice(0, sub);
  // "The export you asked for will…", "the figures we discussed will…": a relative clause without "that" qualifies the thing.
  const relative = (t: Tok, n: number) => PERSON.has(t.lower) && n > 0 && ['NOUN', 'PROPN'].includes(span[n - 1].pos) && span[n + 1]?.pos === 'VERB' && span[n + 1].lower !== span[n + 1].lemma;
  const rel = span.findIndex(relative);
  if (rel > 0) span = span.slice(0, rel);
  // (A word inside the noun phrase may be tagged a verb: "the root-cause analysis".)
  const modifier = (t: Tok, n: number) => t.lower.includes('-') || (n > 0 && ['DET', 'ADJ'].includes(span[n - 1].pos) && span[n + 1]?.pos === 'NOUN');
  // ("Mårten says all vendors will be migrated": another's news, whatever the tagger made of "says".)
  if (span.some((t) => ['says', 'said', 'reckons', 'thinks', 'believes', 'hopes', 'expects'].includes(t.lower))) return undefined;
  if (!span.length || span.some((t, n) => PERSON.has(t.lower) || (t.pos === 'VERB' && !isParticiple(t) && t.lemma !== 'be' && !modifier(t, n)))) return undefined;
  if (!span.some((t) => t.pos === 'NOUN' || (t.pos === 'PROPN' && !t.known))) return undefined;
  // ("Greta will be out until Monday": a bare name is a person away, not a thing released.)
  if (span.every((t) => t.pos === 'PROPN' && t.cap && /^\p{Lu}\p{Ll}+$/u.test(t.text))) return undefined;
  // A clause that opens on a subordinator is not the main statement ("when the form will be …").
  if (['if', 'when', 'once', 'whether', 'unless', 'until', 'before', 'after', 'because', 'since'].includes(span[0].lower)) return undefined;
  return from;
}

/** The arrival or delivery of a thing under will/shall in this sentence, or undefined. */
export function thingPromise(s: Sent, side: 'us' | 'them'): ThingPromise | undefined {
  const t = s.toks;
  for (let k = 0; k < t.length; k += 1) {
    // ("Should reach you" from the sender is an arrival too; "should" with a passive stays a hope.)
    const should = t[k].lower === 'should';
    if (t[k].lemma !== 'will' && t[k].lemma !== 'shall' && !should) continue;
    if (negated(s, k) || (t[k + 1] && negated(s, k + 1)) || ['not', "n't", 'never'].includes(t[k + 1]?.lower ?? '')) continue;
    let v = k + 1;
    while (v < t.length && t[v].pos === 'ADV' && !['back', 'up'].includes(t[v].lower)) v += 1;
    const x = t[v];
    if (!x) continue;
    let kind: ThingPromise['kind'] | undefined;
    if (arrivesAt(s, v)) kind = 'arrival';
    // ("Should be with you by Thursday": the handover phrase, said by the sender.)
    else if (should && x.lemma === 'be' && t[v + 1]?.lower === 'with' && t[v + 2]?.lower === 'you') kind = 'arrival';
    // ("Should be back to you by Friday", "should be over with you": the same with a direction.)
    else if (should && x.lemma === 'be' && ['back', 'over'].includes(t[v + 1]?.lower ?? '') && ['with', 'to'].includes(t[v + 2]?.lower ?? '') && t[v + 3]?.lower === 'you') kind = 'arrival';
    else if (should) continue;
    else if (x.lemma === 'be') {
      let y = t[v + 1];
      // ("Will be back with you by Wednesday", "will be over to you": a direction before the handover phrase.)
      const dir = y && ['back', 'over', 'across'].includes(y.lower) && ['with', 'to', 'in'].includes(t[v + 2]?.lower ?? '') && ['you', 'your'].includes(t[v + 3]?.lower ?? '') ? 1 : 0;
      if (dir) y = t[v + 2];
      const z = t[v + 2 + dir]?.lower ?? '';
      if (y && ((['with', 'to'].includes(y.lower) && z === 'you' && (dir || y.lower === 'with')) || (['in', 'over', 'on'].includes(y.lower) && ['your', 'to', 'its'].includes(z)))) kind = 'arrival';
      else if (y && side === 'us' && STATE.has(y.lower) && y.pos !== 'VERB') kind = 'passive';
      // ("The new SSO settings will be in place by Wednesday.")
      // (Not a state lasting "until March", which tells how long, not by when.)
      else if (y && side === 'us' && y.lower === 'in' && z === 'place' && !['until', 'till', 'through'].includes(t[v + 3]?.lower ?? '')) kind = 'passive';
      else if (y && side === 'us' && deliveredChain(s, v + 1)) kind = 'passive';
      // The account's passive is its own affair unless the thing comes our way: "will be pulled … and shared with you".
      else if (y && isParticiple(y) && toReader(s, v + 1)) kind = 'arrival';
    }
    if (!kind && side === 'us' && releasedAt(s, v)) kind = 'release';
    if (!kind) continue;
    const found = promiseAt(s, k, kind);
    // "Should" promises only the speaker's own thing ("our markup should reach you", "the signed form should be with you");
    // "the number should hit your inbox" is a forecast.
    const handover = t[v + 1]?.lower === 'with' || ['back', 'over'].includes(t[v + 1]?.lower ?? '');
    if (should && found && !['our', 'my'].includes(s.toks[found.subjectAt]?.lower ?? '') && !(handover && s.toks[found.subjectAt]?.lower === 'the')) continue;
    if (found) return found;
  }
  return onItsWay(s, side);
}

/** "… shared with you", "… sent over to you", "… sent your way" in the clause after token v. */
function toReader(s: Sent, v: number): boolean {
  for (let k = v; k < Math.min(s.toks.length - 1, v + 14); k += 1) {
    const x = s.toks[k].lower;
    if (['.', ';', '!', '?', 'but', 'if', 'once', 'unless'].includes(x)) return false;
    if ((['to', 'with'].includes(x) && s.toks[k + 1].lower === 'you') || (x === 'your' && s.toks[k + 1].lower === 'way')) return deliveredAs(s.toks[k - 1]) || ['over', 'across', 'back'].includes(s.toks[k - 1].lower);
  }
  return false;
}

/** A thing going out to users, intransitive: "ship", "go live", "be out", "roll out", "launch" (ours, dated). */
function releasedAt(s: Sent, v: number): boolean {
  const t = s.toks;
  const x = t[v];
  if (!x) return false;
  if (['ship', 'launch', 'release'].includes(x.lemma) && !['the', 'a', 'an', 'it', 'them', 'this', 'that'].includes(t[v + 1]?.lower ?? '')) return true;
  // ("Goes out" alone is said of paperwork sent to anyone: "contract goes out Monday"; an arrival needs "to you".)
  if ((x.lemma === 'go' && t[v + 1]?.lower === 'live') || (x.lemma === 'roll' && t[v + 1]?.lower === 'out')) return true;
  return x.lemma === 'be' && ['out', 'live'].includes(t[v + 1]?.lower ?? '') && !['of', 'sick', 'on'].includes(t[v + 2]?.lower ?? '');
}

/** An arrival verb at v aimed at the other side: "reach you", "land in your inbox", "go out to you". */
function arrivesAt(s: Sent, v: number): boolean {
  const t = s.toks;
  if (!ARRIVE.has(t[v]?.lemma ?? '')) return false;
  let k = v + 1;
  if (['out', 'over', 'across'].includes(t[k]?.lower ?? '')) k += 1;
  if (['you', 'your'].includes(t[k]?.lower ?? '')) return t[v].lemma !== 'go' && t[v].lemma !== 'head';
  return ['in', 'with', 'on', 'to', 'into'].includes(t[k]?.lower ?? '') && ['you', 'your'].includes(t[k + 1]?.lower ?? '');
}

function promiseAt(s: Sent, at: number, kind: ThingPromise['kind']): ThingPromise | undefined {
  const subjectAt = thingSubject(s, at);
  if (subjectAt === undefined) return undefined;
  const pronoun = THING_PRONOUN.has(s.toks[subjectAt].lower);
  // "It will be fixed" opening a message says what of nothing named; "…, and it will be done" points back.
  if (pronoun && kind === 'passive' && subjectAt === 0) return undefined;
  return { at, subjectAt, kind, ...(pronoun ? { pronoun: true } : {}) };
}

/** Without will: "goes out to you today", "is on its way to you", "is scheduled for release on the 18th" (ours only). */
function onItsWay(s: Sent, side: 'us' | 'them'): ThingPromise | undefined {
  const t = s.toks;
  for (let k = 0; k < t.length; k += 1) {
    const x = t[k];
    // (The model's negation may run on past a colon: "so you're not left waiting: the creds go out…".)
    if (negated(s, k) || (t[k + 1] && negated(s, k + 1))) continue;
    // Present tense only ("goes", "is going"): "went out" is done, not promised.
    const present = x.lower !== x.lemma ? /s$/.test(x.lower) && !/ed$/.test(x.lower) : false;
    // A plural thing's present ("the credentials go out to your team tomorrow"): a promise with a date, as it may be a habit.
    const plural = x.lower === x.lemma && x.pos === 'VERB' && t[k - 1]?.pos === 'NOUN' && t[k - 1].lower !== t[k - 1].lemma && /s$/.test(t[k - 1].lower);
    if (ARRIVE.has(x.lemma) && plural && arrivesAt(s, k)) { const p = promiseAt(s, k, 'arrival'); if (p) return { ...p, dated: true }; }
    if (ARRIVE.has(x.lemma) && present && arrivesAt(s, k)) { const p = promiseAt(s, k, 'arrival'); if (p) return p; }
    // "The patch goes live tomorrow night": ours, dated.
    if (side === 'us' && present && x.lemma !== 'be' && releasedAt(s, k)) { const p = promiseAt(s, k, 'release'); if (p) return p; }
    if (x.lemma !== 'be' || ['was', 'were', 'been'].includes(x.lower)) continue;
    const y = t[k + 1];
    if (y && ARRIVE.has(y.lemma) && y.lower.endsWith('ing') && arrivesAt(s, k + 1)) { const p = promiseAt(s, k, 'arrival'); if (p) return p; }
    if (y?.lower === 'on' && ['its', 'their', 'the'].includes(t[k + 2]?.lower ?? '') && t[k + 3]?.lower === 'way') { const p = promiseAt(s, k, 'arrival'); if (p) return p; }
    // "is scheduled for release / to ship": ours only, of an act of delivering.
    // (The tagger lemmatises "slated" as "slat".)
    if (side === 'us' && y && (SCHEDULED.has(y.lemma) || y.lower === 'slated') && isParticiple(y) && ['for', 'to'].includes(t[k + 2]?.lower ?? '')) {
      // ("Scheduled for Thursday's release": the day's possessive before the delivery.)
      const z = t[k + 4]?.text === "'s" ? t[k + 5] : t[k + 3];
      if (z && (DONE_TO.has(z.lemma) || ['delivery', 'release', 'rollout', 'deployment', 'go-live', 'launch'].includes(z.lower) || ARRIVE.has(z.lemma))) {
        const p = promiseAt(s, k, 'scheduled');
        if (p) return p;
      }
    }
  }
  return undefined;
}
