// Clause-level scope for a promise: what around the promising clause takes it back or leaves it standing.
// - An inverted condition ("Should you need more seats, we'll add them", "Were they to ask, …") is a
//   condition like "if": the deed waits on the other side.
// - An imperative joined by "and" ("send the paperwork over and I'll get it signed", "let me know and
//   I'll book it") makes the promise the answer to the other side's move: a condition, not a promise.
// - A question after a promise in the same sentence ("I'll pull the logs tonight; could you get an
//   engineer on it?") asks in its own clause: the promise before it stands.
import type { Sent } from './nlp.js';

const INVERTED = new Set(['should', 'were', 'had']);
const OTHERS = new Set(['you', 'your', 'they', 'their', 'he', 'she', 'the', 'it', 'anyone', 'anybody', 'any', 'someone', 'there']);
const BOUNDARY = new Set([',', ';', ':', '-', '–', '—', '(']);

/** "Should you…", "Were they to…", "Had the form…" opening a clause before token i. */
export function invertedCondition(s: Sent, i: number): boolean {
  for (let k = 0; k < i; k += 1) {
    const x = s.toks[k];
    if (!INVERTED.has(x.lower) || (k > 0 && !BOUNDARY.has(s.toks[k - 1].text) && s.toks[k - 1].pos !== 'CCONJ')) continue;
    if (OTHERS.has(s.toks[k + 1]?.lower ?? '')) return true;
  }
  return false;
}

/** "<imperative …> and I'll…": the clause before the "and" that opens the promise starts on a bare verb. */
export function imperativeCondition(s: Sent, subjectAt: number): boolean {
  const t = s.toks;
  if (t[subjectAt - 1]?.lower !== 'and') return false;
  let k = subjectAt - 2;
  while (k >= 0 && !BOUNDARY.has(t[k].text) && !['.', '!', '?'].includes(t[k].text)) k -= 1;
  let head = k + 1;
  while (head < subjectAt - 1 && ['just', 'please', 'pls', 'plz', 'simply', 'then', 'so', 'ok', 'okay'].includes(t[head].lower)) head += 1;
  const v = t[head];
  // (A command's verb may be tagged a noun or a name, "Mail me the form": an object pronoun right after it says it is a verb.)
  const verb = v && ((v.pos === 'VERB' && v.lower === v.lemma) || (['NOUN', 'PROPN'].includes(v.pos) && ['me', 'us'].includes(t[head + 1]?.lower ?? '')));
  if (!verb) return false;
  // "Thanks and I'll…", "sure and…" are no command; a bare verb with its own subject before it is no imperative either.
  return !['thank', 'thanks', 'sure', 'cheer'].includes(v.lower);
}

/** Which token starts the clause a trailing question occupies ("…; could you…?"), or -1 when the question is the sentence. */
export function questionClauseStart(s: Sent): number {
  const t = s.toks;
  if (!s.text.trim().endsWith('?')) return -1;
  for (let k = t.length - 2; k > 0; k -= 1) {
    if (!BOUNDARY.has(t[k].text)) continue;
    let q = k + 1;
    while (q < t.length && ['in', 'return', 'and', 'but', 'also', 'meanwhile', 'separately', ','].includes(t[q].lower)) q += 1;
    const w = t[q]?.lower ?? '';
    if (['could', 'can', 'would', 'will', 'do', 'does', 'did', 'is', 'are', 'any', 'what', 'when', 'how', 'who', 'where', 'why', 'which', 'shall'].includes(w)
      && ['you', 'your', 'we', 'there', 'it', 'that', 'this', 'anyone', 'someone'].some((x) => t.slice(q + 1, q + 3).some((y) => y.lower === x))) return k;
  }
  return -1;
}
