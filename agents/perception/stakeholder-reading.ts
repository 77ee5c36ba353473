// How a text is read before the people-change frames run (issue 15, held-out recall):
// - a progressive passive is read as the passive ("is being replaced by" as "is replaced by", "was being
//   moved to"): the model leaves "being" unlemmatised, so every "be <verb>" frame missed it;
// - a message forwarded or quoted inside an email is said by its author, not by the sender: in
//   "See below from Greta: > … I have decided to leave" the "I" is Greta.
import type { Contact } from '../../db/queries/contacts.js';
import type { Sent } from './nlp.js';
import { contactByName, type Utterance } from './utterances.js';

const views = new WeakMap<Sent, Sent>();

/** The sentence with the "being" of a progressive passive left out (tokens renumbered); the same object when there is none. */
export function passiveView(s: Sent): Sent {
  const seen = views.get(s);
  if (seen) return seen;
  const t = s.toks;
  const drop = new Set(t.flatMap((x, i) => (x.lower === 'being' && i > 0 && (t[i - 1].lemma === 'be' || t[i - 1].lower === "'s") && t[i + 1]?.pos === 'VERB' ? [i] : [])));
  const out = drop.size ? { text: s.text, toks: t.filter((_, i) => !drop.has(i)).map((x, i) => ({ ...x, i })) } : s;
  views.set(s, out);
  return out;
}

/** Who the forwarded part is by: "From: Greta Holm <…>" in a forward header, "see below from Greta", "Greta wrote:". */
const HEADER_FROM = /^\s*from:\s*([^<\n]+?)\s*(?:<[^>]*>)?\s*$/im;
const INTRO_FROM = /\b(?:below|message|note|email|mail|this|forwarding|forwarded)\b[^.\n]{0,40}?\bfrom\s+(?:our\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/u;
const WROTE = /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+(?:<[^>]*>\s*)?wrote:/u;
const FORWARD_MARK = /^-{3,}\s*forwarded message\s*-{3,}\s*$/im;

/** The utterance split into the sender's own words and a forwarded or quoted part said by its named author. */
export function forwardedParts(u: Utterance, contacts: Contact[]): Utterance[] {
  const lines = u.text.split('\n');
  const quoted = lines.filter((l) => /^\s*>/.test(l));
  const mark = u.text.search(FORWARD_MARK);
  let own: string;
  let theirs: string;
  let author: string | undefined;
  if (quoted.length) {
    own = lines.filter((l) => !/^\s*>/.test(l)).join('\n');
    theirs = quoted.map((l) => l.replace(/^\s*>\s?/, '')).join('\n');
    author = (own.match(WROTE) ?? own.match(INTRO_FROM))?.[1];
  } else if (mark >= 0) {
    own = u.text.slice(0, mark);
    const rest = u.text.slice(mark).replace(FORWARD_MARK, '');
    author = (rest.match(HEADER_FROM) ?? own.match(WROTE) ?? own.match(INTRO_FROM))?.[1];
    // The forwarded body starts after its header lines (From:, To:, Subject:, Date:).
    theirs = rest.split('\n').filter((l) => !/^\s*(?:from|to|cc|subject|date|sent):/i.test(l)).join('\n');
  } else return [u];
  if (!author || !theirs.trim()) return [u];
  const c = contactByName(author, contacts);
  const by: Utterance = { side: c ? 'them' : u.side, speaker: c?.name ?? author, ...(c ? { email: c.email } : {}), text: theirs };
  return [{ ...u, text: own }, by];
}
