// Who is who at the account and when we last heard from / wrote to each of them. Pure.
import type { Contact } from '../db/queries/contacts.js';
import type { Signal } from './signals/schema.js';

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

/** Emails that took part in a signal, split into "they spoke" and "we reached them". */
export function participants(s: Signal): { from: string[]; to: string[] } {
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
