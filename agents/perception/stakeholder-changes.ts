// People changes: a contact left, moved, changed role, bounced, or someone new joined. Also our own
// people leaving (the account's owner or CSM), marked side 'us'.
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import { sentences } from './sentences.js';
import { contactByName, type Utterance } from './utterances.js';

type Change = 'left' | 'moved' | 'role_changed' | 'bounced' | 'joined';

export interface PerceivedChange { contactEmail?: string; name?: string; change: Change; text: string; side?: 'us' }

const LEFT = /\b(no longer (with|at|employed|works? (at|for|here))|(has|have|had) left (the company|the business|the team|us|[A-Z][\w&.-]*)|left the company|(my|his|her|their|'s) last day|is leaving (the company|us|[A-Z]\w*)|(has|have) departed|resigned|parted ways|(has|have) moved on|retired)\b/i;
const MOVED = /\b(moved (over )?to (another|a different|a new|the \w+) (division|team|role|department|group|business unit|position|project|org)|(transition(ed|ing)?|moving|moved|switching) (in)?to a (new|different) role|tak(ing|en) a new role|(i'm|i am|i've|she's|he's|they're|is) now (leading|running|heading) |(has|have) (been )?(moved|reassigned|transferred)|no longer (running|responsible for|leading|own(s|ing)?|the (point of )?contact|involved|on the project)|(stepping|stepped) (away|back) from)/i;
const ROLE_CHANGED = /\b((been |was |got |has been |have been )?promoted (to|as)|new (title|role) (is|as)|(is|'s) now (the|our|their) (vp|head|director|chief|c[etfo]o|manager|lead)|stepped (up )?into the .{1,40} role)\b/i;
const JOINED = /\b((i'm|i am) the new|(has|have) joined (as|the team|us)|joined as|(will be|is|am|'m) taking over|please (loop|bring|add|cc) in|new (head|vp|director|manager|point of contact|owner|lead) (of|for)|will be your new|replac(es|ing) \w+ as)\b/i;
const PATTERNS: Array<[Change, RegExp]> = [['left', LEFT], ['role_changed', ROLE_CHANGED], ['moved', MOVED], ['joined', JOINED]];

const SELF_G = /\b(i|i'm|i've|i am|i have|my|me)\b/gi;
/** Our roles: a sentence about our CSM or account manager leaving is about our side (an owner gap). */
const OUR_ROLE = /\b(csm|customer success( manager)?|account (manager|executive|owner)|\bae\b|our rep|(your|our) (rep|owner|account lead))\b/i;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const NAME_AFTER = /\b(?:loop|bring|add|cc)\s+in\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)|\b(?:introduce you to|meet|welcome)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)/;
const NAME_BEFORE = /([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:\s*\([^)]*\))?\s+(?:is|will be|has joined|joined|replaces)\b/;

/** The known contact a sentence names (by address, full name or a first name only they have). */
export function contactIn(sentence: string, contacts: Contact[]): Contact | undefined {
  const s = sentence.toLowerCase();
  const byEmail = contacts.find((c) => s.includes(c.email.toLowerCase()));
  if (byEmail) return byEmail;
  const full = contacts.find((c) => c.name && s.includes(c.name.toLowerCase()));
  if (full) return full;
  const words = sentence.match(/\b[A-Z][a-z]{2,}\b/g) ?? [];
  return words.map((w) => contactByName(w, contacts)).find((c): c is Contact => Boolean(c));
}

/** Who joins: a new address in the sentence, a name after "loop in…"/before "is taking over", or the speaker ("I'm the new…"). */
function newcomer(sentence: string, u: Utterance, contacts: Contact[]): { contactEmail?: string; name?: string } {
  const known = new Set(contacts.map((c) => c.email.toLowerCase()));
  const email = (sentence.match(EMAIL) ?? []).map((e) => e.toLowerCase()).find((e) => !known.has(e));
  const m = NAME_AFTER.exec(sentence);
  const before = NAME_BEFORE.exec(sentence)?.[1];
  const name = m?.[1] ?? m?.[2] ?? (before && !/^(I|We|She|He|They|This|That)$/.test(before) ? before : undefined);
  if (!email && !name && /\b(i'm|i am)\b/i.test(sentence)) return { contactEmail: u.email, name: u.speaker };
  return { ...(email ? { contactEmail: email } : {}), ...(name ? { name } : {}) };
}

const escapeRe = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a word or phrase last stands as a whole word in the text (-1 if nowhere). */
function lastWordIndex(text: string, word: string): number {
  let at = -1;
  for (const m of text.matchAll(new RegExp(`(?<![\\w@.])${escapeRe(word)}(?![\\w@])`, 'g'))) at = m.index;
  return at;
}

/** A name opening the sentence ("Riley, our CSM, has left"), if the first word is one. */
function leadingName(sentence: string): string | undefined {
  const m = /^(?:FYI:?\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b/.exec(sentence);
  return m && !/^(Our|The|Your|Hi|Hey|Quick|Just|Heads|Unfortunately|Sadly|As|So|Also|Please|Note|Update)\b/.test(m[1]) ? m[1] : undefined;
}

/** The last person a text names: a first-person pronoun (the speaker) or a known contact, whichever comes later. */
function lastSubject(text: string, contacts: Contact[]): { self: true } | { contact: Contact } | undefined {
  let best: { at: number; who: { self: true } | { contact: Contact } } | undefined;
  for (const m of text.matchAll(SELF_G)) if (!best || m.index >= best.at) best = { at: m.index, who: { self: true } };
  const lower = text.toLowerCase();
  for (const c of contacts) {
    const keys = [c.email, c.name, c.name?.split(/\s+/)[0]].filter((k): k is string => Boolean(k && k.length >= 2)).map((k) => k.toLowerCase());
    for (const k of keys) {
      const at = lastWordIndex(lower, k);
      if (at >= 0 && (!best || at > best.at)) best = { at, who: { contact: c } };
    }
  }
  return best?.who;
}

function changeIn(sentence: string, change: Change, match: RegExpExecArray, u: Utterance, contacts: Contact[]): PerceivedChange | undefined {
  if (change === 'joined') return { ...newcomer(sentence, u, contacts), change, text: sentence };
  // "My last day…", "I've moved…", "Dana has left…": whoever is named last before the cue.
  const firstPerson = /^(my|i'm|i am|i've|i have|i)\b/i.test(match[0]);
  const named = contactIn(sentence, contacts);
  const subject = firstPerson ? { self: true as const } : lastSubject(sentence.slice(0, match.index), contacts) ?? (named ? { contact: named } : undefined);
  if (subject && 'self' in subject) {
    const c = u.email ? contacts.find((x) => x.email === u.email) : contactByName(u.speaker, contacts);
    const email = c?.email ?? u.email;
    const name = c?.name ?? u.speaker;
    return { ...(email ? { contactEmail: email } : {}), ...(name ? { name } : {}), change, text: sentence, ...(u.side === 'us' ? { side: 'us' as const } : {}) };
  }
  if (subject) return { contactEmail: subject.contact.email, ...(subject.contact.name ? { name: subject.contact.name } : {}), change, text: sentence };
  // Our owner or CSM leaving, as our notes or the customer put it ("Riley, our CSM, has left").
  if (OUR_ROLE.test(sentence) && (change === 'left' || change === 'moved')) {
    const name = leadingName(sentence) ?? NAME_BEFORE.exec(sentence)?.[1];
    return { ...(name ? { name } : {}), change, text: sentence, side: 'us' };
  }
  return undefined;
}

function bounceChanges(signal: Extract<Signal, { kind: 'email' }>, contacts: Contact[]): PerceivedChange[] {
  const c = contactIn(signal.text, contacts);
  const text = sentences(signal.text).find((s) => c && s.toLowerCase().includes(c.email)) ?? sentences(signal.text)[0] ?? signal.subject;
  return c ? [{ contactEmail: c.email, name: c.name ?? undefined, change: 'bounced', text }] : [];
}

export function findStakeholderChanges(signal: Signal, parts: Utterance[], contacts: Contact[]): PerceivedChange[] {
  if (signal.kind === 'email' && signal.auto === 'bounce') return bounceChanges(signal, contacts);
  const out: PerceivedChange[] = [];
  if (signal.kind === 'crm' && (signal.change === 'contact_left' || signal.change === 'contact_role') && signal.contactEmail) {
    const c = contacts.find((x) => x.email === signal.contactEmail);
    out.push({
      contactEmail: signal.contactEmail, ...(c?.name ? { name: c.name } : {}),
      change: signal.change === 'contact_left' ? 'left' : 'role_changed',
      text: signal.text ?? `${signal.change}: ${signal.from ?? '—'} → ${signal.to ?? '—'}`,
    });
    return out;
  }
  for (const u of parts) {
    for (const s of sentences(u.text)) {
      for (const [change, re] of PATTERNS) {
        const m = re.exec(s);
        const found = m && changeIn(s, change, m, u, contacts);
        if (found) { out.push(found); break; }
      }
    }
  }
  return out;
}
