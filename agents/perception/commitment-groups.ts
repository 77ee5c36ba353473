// "They" as the promiser: a group whose side is known because it was named as someone's people, in
// the same sentence or opening the sentence before: "our data team found the cause. They'll have a
// corrected file ready by Monday" (ours), "the sandbox went to Tomasz's team; they'll run the tests and
// share the numbers" (the account's, Tomasz being its contact). "They" with no such group before it
// may be anyone (the other vendor, the regulators) and promises nothing.
import type { Sent } from './nlp.js';
import { nameSpans } from './frames.js';

export interface GroupRef { owner: 'us' | 'them'; who?: string }

/**
 * The group a "they/their" at token k stands for, in `s` before k: "our/my <people>" is the speaker's side; "<Name>'s <people>"
 * is the named person's side (`sideOfName` tells it, undefined when the name is unknown).
 */
export function groupBefore(s: Sent, k: number, speaker: 'us' | 'them', people: RegExp, sideOfName: (name: string) => 'us' | 'them' | undefined, subjectOnly = false): GroupRef | undefined {
  const t = s.toks;
  for (let n = k - 1; n >= 0; n -= 1) {
    // (Across sentences only the group that opened the sentence before, its subject: "Our team found it. They'll…".)
    if (subjectOnly && t.slice(0, n).some((x) => !['PUNCT', 'INTJ', 'CCONJ'].includes(x.pos) && !['so', 'ok', 'okay', 'well'].includes(x.lower) && !nameSpans(s).some((m) => m.start <= x.i && x.i <= m.end))) continue;
    if (['our', 'my'].includes(t[n].lower) && t.slice(n + 1, n + 4).some((y) => people.test(y.lower))) return { owner: speaker };
    if (t[n].text === "'s" && people.test(t[n + 1]?.lower ?? '')) {
      const name = nameSpans(s).find((x) => x.end === n - 1);
      const owner = name ? sideOfName(name.name) : undefined;
      if (owner) return { owner, ...(owner === 'them' ? { who: name!.name } : {}) };
    }
  }
  return undefined;
}

/** A sentence opening on "they" right after a sentence that names such a group: the group. */
export function groupOpeningBefore(sents: Sent[], si: number, speaker: 'us' | 'them', people: RegExp, sideOfName: (name: string) => 'us' | 'them' | undefined): GroupRef | undefined {
  const first = sents[si]?.toks[0];
  const prev = sents[si - 1];
  if (!prev || !first || first.lower !== 'they') return undefined;
  return groupBefore(prev, prev.toks.length, speaker, people, sideOfName, true);
}
