// A promise whose subject is the thing promised, not the promiser: "the revised quote will be with you
// by Monday", "a refund will be processed this week", "the translation is being finalised and will
// reach you before the 20th". The frame: a noun phrase (a thing, not a person) + will/shall + either
// an arrival ("be with you", "reach you", "land in your inbox") or a passive of an act of delivering
// ("be processed", "be restored", "be deployed"). Said by us, either kind is our promise; said by the
// account, only an arrival to us is theirs (their passives are mostly their own affairs: "the new
// office will be set up").
import type { Sent, Tok } from './nlp.js';

export interface ThingPromise {
  /** The will/shall token. */
  at: number;
  /** Where the thing's noun phrase starts. */
  subjectAt: number;
  kind: 'arrival' | 'passive';
}

const CLAUSE_BREAK = new Set([',', ';', ':', '-', '–', '—', 'and', 'but', 'so', 'that', 'rest', 'assured']);
const PERSON = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'someone', 'somebody', 'everyone', 'nobody', 'who']);
const ARRIVE = new Set(['reach', 'arrive', 'land', 'hit', 'come']);
/** What a thing is after it has been delivered: "ready", "live", "in your inbox", "with you", "on its way". */
const STATE = new Set(['ready', 'available', 'live', 'done', 'sorted', 'complete', 'completed', 'finished', 'fixed', 'resolved', 'back', 'up']);

/** Acts done to a thing on its way to someone (their passive is a delivery). */
const DONE_TO = new Set([
  'send', 'share', 'deliver', 'forward', 'email', 'process', 'issue', 'reissue', 'refund', 'credit', 'apply', 'restore', 'deploy', 'ship', 'release', 'publish',
  'fix', 'patch', 'resolve', 'enable', 'activate', 'provision', 'set', 'configure', 'install', 'upload', 'post', 'update', 'correct', 'complete', 'finish', 'finalize',
  'finalise', 'prepare', 'draft', 'write', 'compile', 'produce', 'create', 'build', 'return', 'submit', 'schedule', 'book', 'arrange', 'assign', 'reset', 'extend',
  'grant', 'add', 'migrate', 'turn', 'circulate', 'provide', 'give', 'reverse', 'waive', 'honour', 'honor', 'reconcile', 'reinstate', 'remove', 'delete', 'roll',
]);

const isParticiple = (t: Tok | undefined) => Boolean(t && t.pos === 'VERB' && t.lower !== t.lemma);

/** Where the clause holding token i starts (after a comma, a conjunction or the sentence's start). */
function clauseStart(s: Sent, i: number): number {
  for (let k = i - 1; k >= 0; k -= 1) if (CLAUSE_BREAK.has(s.toks[k].lower)) return k + 1;
  return 0;
}

/** The thing-subject of the clause before token i: its first token, if the clause opens on a thing, not a person. */
function thingSubject(s: Sent, i: number): number | undefined {
  let from = clauseStart(s, i);
  // "… is being finalised and will reach you": the subject is carried from the clause before.
  if (from === i && s.toks[i - 1]?.lower === 'and') from = clauseStart(s, i - 1);
  const span = s.toks.slice(from, i);
  if (!span.length || span.some((t) => PERSON.has(t.lower) || t.pos === 'VERB' && !isParticiple(t) && t.lemma !== 'be')) return undefined;
  if (!span.some((t) => t.pos === 'NOUN' || (t.pos === 'PROPN' && !t.known))) return undefined;
  // A clause that opens on a subordinator is not the main statement ("when the form will be …").
  if (['if', 'when', 'once', 'whether', 'unless', 'until', 'before', 'after', 'because', 'since'].includes(span[0].lower)) return undefined;
  return from;
}

/** The arrival or delivery of a thing under will/shall in this sentence, or undefined. */
export function thingPromise(s: Sent, side: 'us' | 'them'): ThingPromise | undefined {
  const t = s.toks;
  for (let k = 0; k < t.length; k += 1) {
    if (t[k].lemma !== 'will' && t[k].lemma !== 'shall') continue;
    if (t[k].neg || t[k + 1]?.neg || ['not', "n't", 'never'].includes(t[k + 1]?.lower ?? '')) continue;
    let v = k + 1;
    while (v < t.length && t[v].pos === 'ADV' && !['back', 'up'].includes(t[v].lower)) v += 1;
    const x = t[v];
    if (!x) continue;
    let kind: ThingPromise['kind'] | undefined;
    if (ARRIVE.has(x.lemma) && /^(?:you|your)$/.test(t[v + 1]?.lower ?? '') || (ARRIVE.has(x.lemma) && ['in', 'with', 'on', 'to'].includes(t[v + 1]?.lower ?? '') && ['you', 'your'].includes(t[v + 2]?.lower ?? ''))) kind = 'arrival';
    else if (x.lemma === 'be') {
      const y = t[v + 1];
      const z = t[v + 2]?.lower ?? '';
      if (y && ((y.lower === 'with' && z === 'you') || (['in', 'over', 'on'].includes(y.lower) && ['your', 'to', 'its'].includes(z)))) kind = 'arrival';
      else if (y && side === 'us' && STATE.has(y.lower) && y.pos !== 'VERB') kind = 'passive';
      else if (y && side === 'us' && isParticiple(y) && DONE_TO.has(y.lemma)) kind = 'passive';
    }
    if (!kind) continue;
    const subjectAt = thingSubject(s, k);
    if (subjectAt === undefined) continue;
    return { at: k, subjectAt, kind };
  }
  return undefined;
}
