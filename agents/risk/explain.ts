// The words of an explanation: durations, dates, people and numbers, written the same way everywhere.
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import { DAY, HOUR, MINUTE, contactOf, senderOf, type Timeline } from './timeline.js';

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A duration, in the largest whole unit: "6 days", "3 hours", "12 minutes". */
export function ago(ms: number): string {
  if (ms >= DAY) return plural(Math.floor(ms / DAY), 'day');
  if (ms >= HOUR) return plural(Math.floor(ms / HOUR), 'hour');
  return plural(Math.max(1, Math.round(ms / MINUTE)), 'minute');
}

export const wholeDays = (ms: number) => Math.floor(ms / DAY);

/** A target as an adjective: "5-minute", "90-minute", "12-second" (sub-minute targets, as tests set them). */
export function minutesTarget(minutes: number): string {
  return minutes >= 1 && Number.isInteger(minutes) ? `${minutes}-minute` : `${Math.round(minutes * 60)}-second`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Fri 20 Nov" (UTC). */
export function day(iso: string | number): string {
  const d = new Date(iso);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** "Fri 20 Nov 16:30 UTC". */
export function dayTime(iso: string | number): string {
  const d = new Date(iso);
  return `${day(iso)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')} UTC`;
}

/** "2026-11-20". */
export const isoDay = (iso: string | number) => new Date(iso).toISOString().slice(0, 10);

export function contactLabel(c: Pick<Contact, 'name' | 'email' | 'role'>): string {
  return `${c.name ?? c.email}${c.role ? ` (${c.role.replace(/_/g, ' ')})` : ''}`;
}

/** A person by email: the contact's name and role when known, else the address. */
export function personLabel(tl: Timeline, email: string): string {
  const c = contactOf(tl, email);
  return c ? contactLabel(c) : email;
}

/** Who a signal is from, as a reader would name them. */
export function who(tl: Timeline, s: Signal): string {
  const c = contactOf(tl, senderOf(s));
  if (c?.name) return c.name;
  if (s.kind === 'email') return s.from.name ?? s.from.email;
  if (s.kind === 'engagement') return s.contactName ?? s.contactEmail ?? 'a visitor';
  if (s.kind === 'chat') return s.author.name;
  if (s.kind === 'meeting') return `the call "${s.title}"`;
  return senderOf(s) ?? s.kind;
}

/** What a signal was, in a few words: an email's subject, a meeting's title. */
export function what(s: Signal): string {
  switch (s.kind) {
    case 'email': return `email "${s.subject}"`;
    case 'meeting': return `call "${s.title}"`;
    case 'chat': return `message in #${s.channel}`;
    case 'engagement': return s.event.replace(/_/g, ' ');
    case 'ticket': return `ticket "${s.subject}"`;
    case 'calendar': return `meeting "${s.title}"`;
    default: return s.kind;
  }
}

/** A number as people write it: whole above 100, one decimal below. */
export function num(x: number): string {
  return Math.abs(x) >= 100 ? Math.round(x).toString() : (Math.round(x * 10) / 10).toString();
}

/** A quote, shortened to `max` characters at a word boundary. */
export function quote(text: string, max = 160): string {
  const t = text.trim();
  if (t.length <= max) return `"${t}"`;
  return `"${t.slice(0, max).replace(/\s+\S*$/, '')}…"`;
}

export const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
