// Who is who at the account and when we last heard from / wrote to each of them. Pure.
import type { Contact } from '../db/queries/contacts.js';
import type { Signal } from './signals/schema.js';
import { isForwardSubject, stripQuotedReply } from './memory/strip-quotes.js';

export interface Stakeholder {
  email: string;
  name: string | null;
  title: string | null;
  role: string | null;
  status: string;
  lastFromThem?: { at: string; signalId: string };
  lastToThem?: { at: string; signalId: string };
  /** Days since they last wrote or spoke to us (null: never). */
  daysSinceHeard: number | null;
}

const DAY = 86_400_000;

function isAutomated(s: Signal): boolean {
  return s.kind === 'email' && Boolean(s.auto ?? s.insights?.auto);
}

/**
 * A recommendation a human rejected as "already done" (workflows/activities/decide.ts): the owner
 * reached the account outside the product, and a note on the timeline records it. It counts as our
 * outreach, to the recipients its draft had (the note names their addresses).
 */
export function isRecordedTouch(s: Signal): boolean {
  return s.kind === 'note' && s.source === 'decision' && Boolean(s.externalId?.startsWith('already-done:'));
}

const ADDRESS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

/** Emails that took part in a signal, split into "they spoke" and "we reached them". */
export function participants(s: Signal): { from: string[]; to: string[] } {
  if (isRecordedTouch(s)) return { from: [], to: [...new Set((s.kind === 'note' ? s.text : '').match(ADDRESS) ?? [])].map((e) => e.toLowerCase()) };
  switch (s.kind) {
    case 'email': return s.direction === 'outbound'
      ? { from: [], to: [...s.to, ...s.cc].map((p) => p.email) }
      : { from: [s.from.email], to: [] };
    case 'meeting': {
      const spoke = new Set(typeof s.transcript === 'string' ? [] : s.transcript.map((t) => t.speaker.toLowerCase()));
      const emails = s.attendees.filter((a) => a.email && (spoke.size === 0 || spoke.has(a.name.toLowerCase()) || spoke.has(a.email!))).map((a) => a.email!);
      return { from: emails, to: s.attendees.filter((a) => a.email).map((a) => a.email!) };
    }
    case 'chat': return { from: s.author.email ? [s.author.email] : [], to: [] };
    case 'engagement': return { from: s.contactEmail && s.event === 'form_submitted' ? [s.contactEmail] : [], to: [] };
    case 'ticket': return { from: s.requesterEmail ? [s.requesterEmail] : [], to: [] };
    default: return { from: [], to: [] };
  }
}

/** Whether a name (a first name or the full name) is written in a text, as a word, with its capital. */
function isNamedIn(text: string, name: string | null | undefined): boolean {
  const full = name?.trim();
  if (!full) return false;
  const first = full.split(/\s+/)[0];
  const word = (w: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text);
  return word(full) || (first.length > 1 && word(first));
}

/**
 * Colleagues a person at the account brings into the conversation with one message: someone they
 * write to while copying us, forward our thread to, or name in the message while copying them
 * ("Erik, could you check…", "I've added Priya, who runs IT"). A colleague merely left on a reply-all
 * is not brought in. Only email carries recipients; the rest brings nobody.
 */
export function broughtIn(s: Signal, isTheirs: (email: string) => boolean, nameOf: (email: string) => string | null | undefined): string[] {
  if (s.kind !== 'email' || s.direction === 'outbound' || !isTheirs(s.from.email)) return [];
  const sender = s.from.email.toLowerCase();
  const text = stripQuotedReply(s.text);
  const forward = isForwardSubject(s.subject);
  const usAddressed = s.to.some((p) => !isTheirs(p.email));
  const out = new Set<string>();
  for (const [p, field] of [...s.to.map((x) => [x, 'to'] as const), ...s.cc.map((x) => [x, 'cc'] as const)]) {
    const e = p.email.toLowerCase();
    if (e === sender || !isTheirs(e)) continue;
    const named = isNamedIn(text, nameOf(e) ?? p.name) || text.toLowerCase().includes(e);
    if (named || (field === 'to' && (forward || !usAddressed))) out.add(e);
  }
  return [...out];
}

/**
 * Colleagues a person at the account introduces without copying them ("Erik Holm runs our IT, he
 * can confirm", "write to erik@…"): the known people named in their message, and addresses at the
 * account written in it. Introduced is not yet engaged: someone has to address them afterwards.
 */
export function introducedIn(s: Signal, isTheirs: (email: string) => boolean, people: Array<{ email: string; name: string | null }>): string[] {
  if (s.kind !== 'email' || s.direction === 'outbound' || !isTheirs(s.from.email)) return [];
  const sender = s.from.email.toLowerCase();
  const onIt = new Set([...s.to, ...s.cc].map((p) => p.email.toLowerCase()));
  const text = stripQuotedReply(s.text);
  const written = (text.match(ADDRESS) ?? []).map((e) => e.toLowerCase()).filter(isTheirs);
  const named = people.filter((p) => isNamedIn(text, p.name)).map((p) => p.email.toLowerCase());
  return [...new Set([...written, ...named])].filter((e) => e !== sender && !onIt.has(e));
}

/**
 * Contacts as they stood at a moment: a departure or move perceived in a signal up to then
 * overrides the stored status, so replaying history never sees a change before it happened.
 */
export function effectiveContacts(contacts: Contact[], signals: Signal[], asOf: string): Contact[] {
  const status = new Map<string, 'left' | 'moved'>();
  for (const s of signals) {
    if (s.occurredAt > asOf) continue;
    for (const ch of s.insights?.stakeholderChanges ?? []) {
      if (ch.contactEmail && (ch.change === 'left' || ch.change === 'moved')) status.set(ch.contactEmail, ch.change);
    }
  }
  return contacts.map((c) => (status.has(c.email) ? { ...c, status: status.get(c.email)! } : c));
}

export function stakeholderMap(contacts: Contact[], signals: Signal[], asOf: string): Stakeholder[] {
  const now = Date.parse(asOf);
  const map = new Map<string, Stakeholder>(contacts.map((c) => [c.email.toLowerCase(), {
    email: c.email, name: c.name, title: c.title, role: c.role, status: c.status, daysSinceHeard: null,
  }]));
  for (const s of signals) {
    if (s.occurredAt > asOf || isAutomated(s)) continue;
    const p = participants(s);
    for (const e of p.from) {
      const st = map.get(e.toLowerCase());
      if (st && (!st.lastFromThem || st.lastFromThem.at <= s.occurredAt)) st.lastFromThem = { at: s.occurredAt, signalId: s.id };
    }
    for (const e of p.to) {
      const st = map.get(e.toLowerCase());
      if (st && (!st.lastToThem || st.lastToThem.at <= s.occurredAt)) st.lastToThem = { at: s.occurredAt, signalId: s.id };
    }
  }
  for (const st of map.values()) {
    st.daysSinceHeard = st.lastFromThem ? Math.floor((now - Date.parse(st.lastFromThem.at)) / DAY) : null;
  }
  return [...map.values()];
}
