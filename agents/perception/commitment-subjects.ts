// Promises whose promiser is not the grammatical subject right before "will":
// - the subject carried from a clause before: "I've blocked Thursday to go through it and will come back
//   to you with comments", "I need to check with Luca, will come back to you" (a first person who has
//   done or is doing something, then "and will"; or a chat's comma and a bare "will");
// - the other side told to expect a thing from someone of the speaker's: "expect the paperwork from
//   Mårten by Friday", "look out for an email from our onboarding team tomorrow";
// - the other side's person as the one who will receive it: "Raj will see it in his inbox by 5" (said
//   by us, it is our delivery);
// - "I'll see to it that the integration is re-enabled": the thing is the subject of the that-clause.
import type { Sent } from './nlp.js';
import type { Hit } from './frames.js';
import { nounPhrase } from './frames.js';

const WILL = / will /.exec(' will ')!;
const cue = (k: number): Hit => ({ start: k, end: k, m: WILL });

/** "…and will <act>" / ", will <act>" with the first person carried from the clause before: the will token. */
export function carriedSubject(s: Sent): Hit | undefined {
  const t = s.toks;
  for (let k = 2; k < t.length; k += 1) {
    if (!['will', 'shall'].includes(t[k].lemma) || t[k].neg || t[k + 1]?.neg) continue;
    const joint = t[k - 1].lower;
    if (joint !== 'and' && joint !== ',') continue;
    // The clause before opens on I/we at the sentence's start (after a greeting or "ok" at most).
    let first = 0;
    while (first < k && (['INTJ', 'PUNCT'].includes(t[first].pos) || ['ok', 'okay', 'sure', 'yes', 'yep', 'so', 'np', 'right'].includes(t[first].lower))) first += 1;
    if (!['i', 'we'].includes(t[first]?.lower ?? '')) return undefined;
    const between = t.slice(first + 1, k - 1);
    // No other subject between: "I think the team is busy, will…" carries nothing.
    if (between.some((x, n) => ['you', 'he', 'she', 'they', 'it'].includes(x.lower) && ['AUX', 'VERB'].includes(between[n + 1]?.pos ?? '') && between[n - 1]?.lower !== 'to')) return undefined;
    if (joint === 'and') {
      // "and will" only after a deed done or under way: "I've blocked…", "we're reviewing…" (not "I have the file ready and will…").
      const aux = t[first + 1];
      const v = t[first + 2];
      const perfect = aux?.lemma === 'have' && v?.pos === 'VERB' && v.lower !== v.lemma && !v.lower.endsWith('ing');
      const progressive = aux?.lemma === 'be' && v?.lower.endsWith('ing');
      if (!perfect && !progressive) return undefined;
    }
    return cue(k);
  }
  return undefined;
}

/** A thing, determined ("the paperwork", "an email", "our report"); "expect slower replies from me" warns of a state. */
export function determined(s: Sent, at: number): boolean {
  const x = s.toks[at];
  // ("Some downtime", "any delays", "more noise": a quantity of a state, no thing.)
  if (!x || ['some', 'any', 'more', 'less', 'few', 'fewer', 'no', 'several', 'many', 'much', 'lots', 'plenty'].includes(x.lower)) return false;
  return x.pos === 'DET' || x.pos === 'NUM' || ['our', 'my', 'your', 'his', 'her', 'their', 'it', 'that', 'this', 'those', 'them'].includes(x.lower);
}

/** Things that carry other things: "an email … with the login codes" delivers the codes. */
const CARRIER = new Set(['email', 'mail', 'message', 'note', 'link', 'invite', 'invitation', 'pack', 'package', 'bundle', 'letter', 'envelope', 'parcel']);

const EXPECT_VERB = /^ (?:expect|look out for|watch (?:out )?for|keep an eye out for|be on the lookout for) /;

/**
 * "Expect X from <one of ours>", "look out for X from <one of ours>" at a clause's start: where X starts. `ours` tells whether a
 * name belongs to the speaker's side.
 */
export function expectFrom(s: Sent, ours: (name: string) => boolean): { cue: Hit; objectAt: number } | undefined {
  const t = s.toks;
  for (let k = 0; k < t.length; k += 1) {
    // (Or told to the reader: "you can expect the PO number from Mårten".)
    const told = k >= 2 && t[k - 2].lower === 'you' && ['can', 'will', 'should', "'ll"].includes(t[k - 1].lower);
    if (k > 0 && !told && !['PUNCT', 'CCONJ', 'INTJ'].includes(t[k - 1].pos) && t[k - 1].lower !== 'so') continue;
    const m = EXPECT_VERB.exec(` ${t.slice(k, k + 6).map((x) => x.lemma).join(' ')} `);
    if (!m) continue;
    const at = k + m[0].trim().split(' ').length;
    const np = nounPhrase(s, at);
    if (!np || np.pronoun || !determined(s, np.start)) continue;
    const from = t.findIndex((x, n) => n > np.end - 1 && n <= np.end + 6 && x.lower === 'from');
    const who = from < 0 ? undefined : t[from + 1];
    const mine = who && (['me', 'us', 'our', 'my'].includes(who.lower) || (who.pos === 'PROPN' && ours(who.text)));
    // Or on its way to the reader: "expect the revised SOW in your inbox tomorrow".
    const yours = t.slice(np.end + 1, np.end + 4).some((x, n, a) => ['in', 'into', 'to'].includes(x.lower) && ['your', 'you'].includes(a[n + 1]?.lower ?? ''));
    if (!mine && !yours) continue;
    const w = CARRIER.has(t[np.end].lemma) ? t.findIndex((x, n) => n > np.end && n <= np.end + 8 && x.lower === 'with') : -1;
    return { cue: cue(k), objectAt: w > 0 && nounPhrase(s, w + 1) ? w + 1 : at };
  }
  return undefined;
}

const RECEIVE = new Set(['get', 'receive', 'see', 'have', 'find']);

/** "<their person> will get/see/have X in their inbox / from us / by <time>": said by us, our delivery. Where X starts. */
export function recipientPromise(s: Sent, theirs: (name: string) => boolean): { cue: Hit; objectAt: number } | undefined {
  const t = s.toks;
  for (let k = 1; k + 2 < t.length; k += 1) {
    if (t[k].lemma !== 'will' || t[k].neg || t[k + 1]?.neg) continue;
    const who = t[k - 1];
    if (who.pos !== 'PROPN' || !theirs(who.text)) continue;
    if (!RECEIVE.has(t[k + 1].lemma)) continue;
    const rest = t.slice(k + 2).map((x) => x.lower);
    const arrives = rest.includes('inbox') || /\bfrom (?:me|us|our)\b/.test(rest.join(' ')) || rest.some((w) => ['by', 'before', 'tomorrow', 'today', 'tonight'].includes(w));
    if (arrives && nounPhrase(s, k + 2)) return { cue: cue(k), objectAt: k + 2 };
  }
  return undefined;
}

/** "see to it that X is…", "see that X goes…": where X starts. */
export function seeToIt(s: Sent, from: number): number | undefined {
  const t = s.toks;
  for (let k = from; k < Math.min(t.length, from + 3); k += 1) {
    if (t[k].lemma === 'see' && t[k + 1]?.lower === 'to' && t[k + 2]?.lower === 'it') return t[k + 3]?.lower === 'that' ? k + 4 : k + 3;
    // ("I will see that the refund goes through": the same without "to it".)
    if (t[k].lemma === 'see' && t[k + 1]?.lower === 'that' && ['DET', 'PRON'].includes(t[k + 2]?.pos ?? '') && !['you', 'i', 'we', 'they', 'he', 'she'].includes(t[k + 2].lower)) return k + 2;
  }
  return undefined;
}
