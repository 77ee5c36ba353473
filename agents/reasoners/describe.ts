// Small phrases the reasoners share: names, dates, and "what changed since the last touch".
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';

const DAY = 86_400_000;

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / DAY);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon, Nov 23" in UTC (hand-rolled: Intl formatting was a top cost on large accounts). */
export function shortDate(iso: string): string {
  const d = new Date(iso);
  return `${WEEKDAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

export function personName(c: Pick<Contact, 'email' | 'name'>): string {
  return c.name ?? c.email;
}

export function firstName(name: string | null | undefined): string | undefined {
  return name ? name.split(/\s+/)[0] : undefined;
}

function isHuman(s: Signal): boolean {
  return !(s.kind === 'email' && (s.auto || s.insights?.auto));
}

function ago(iso: string, asOf: string): string {
  const d = daysBetween(iso, asOf);
  return d <= 0 ? 'today' : d === 1 ? 'yesterday' : `${d} days ago`;
}

/** "Last touch: your email … (6 days ago); last from them: … (9 days ago)." */
export function lastTouch(signals: Signal[], asOf: string): string {
  const human = signals.filter((s) => (s.kind === 'email' || s.kind === 'meeting' || s.kind === 'chat') && isHuman(s) && s.occurredAt <= asOf);
  const out = [...human].reverse().find((s) => s.kind === 'email' && s.direction === 'outbound');
  const inb = [...human].reverse().find((s) => (s.kind === 'email' && s.direction === 'inbound') || s.kind === 'chat');
  const meeting = [...human].reverse().find((s) => s.kind === 'meeting');
  const parts: string[] = [];
  if (out && out.kind === 'email') parts.push(`last from us: "${out.subject}" (${ago(out.occurredAt, asOf)})`);
  if (inb) parts.push(`last from them: ${inb.kind === 'email' ? `"${inb.subject}" from ${inb.from.name ?? inb.from.email}` : 'a message'} (${ago(inb.occurredAt, asOf)})`);
  if (meeting && meeting.kind === 'meeting') parts.push(`last meeting: "${meeting.title}" (${ago(meeting.occurredAt, asOf)})`);
  if (parts.length === 0) return 'No two-way contact on record yet.';
  const s = parts.join('; ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}
