// Facts the factors share, derived once per assessment from the account's signals as of a moment.
import type { Account } from '../../db/queries/accounts.js';
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import { matchesDomain } from '../signals/direction.js';
import { effectiveContacts, stakeholderMap, type Stakeholder } from '../stakeholders.js';
import type { RiskConfig } from './config.js';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export interface RiskInput { account: Account; contacts: Contact[]; signals: Signal[]; asOf: string }

export interface Timeline {
  account: Account;
  contacts: Contact[];
  config: RiskConfig;
  asOfIso: string;
  now: number;
  /** Signals up to the moment, oldest first. */
  signals: Signal[];
  /** Human signals from the account's side: inbound email, chat, forms, meetings they attended. */
  fromThem: Signal[];
  /** Human signals from our side: outbound email, meetings. */
  fromUs: Signal[];
  nextMeeting?: Extract<Signal, { kind: 'calendar' }>;
  stakeholders: Stakeholder[];
}

export const t = (iso: string) => Date.parse(iso);
export const days = (ms: number) => ms / DAY;
export const iso = (ms: number) => new Date(ms).toISOString();

export function isAutomated(s: Signal): boolean {
  return s.kind === 'email' && Boolean(s.auto ?? s.insights?.auto);
}

function meetingHasThem(s: Extract<Signal, { kind: 'meeting' }>, account: Account, contacts: Contact[]): boolean {
  return s.attendees.some((a) => (a.email && (matchesDomain(a.email, account.domains) || contacts.some((c) => c.email === a.email))))
    || (typeof s.transcript !== 'string' && s.transcript.some((turn) => contacts.some((c) => c.name && c.name.split(' ')[0].toLowerCase() === turn.speaker.split(' ')[0].toLowerCase())))
    || (typeof s.transcript === 'string' && contacts.some((c) => c.name && (s.transcript as string).includes(`${c.name}:`)));
}

/** The next meeting on the calendar with someone from the account, not cancelled since. */
export function nextMeetingOf(signals: Signal[], account: Account, contacts: Contact[], now: number): Extract<Signal, { kind: 'calendar' }> | undefined {
  const latest = new Map<string, Extract<Signal, { kind: 'calendar' }>>();
  for (const s of signals) if (s.kind === 'calendar') latest.set(s.eventId, s);
  return [...latest.values()]
    .filter((e) => e.event !== 'cancelled' && t(e.startsAt) > now)
    .filter((e) => e.attendees.length === 0 || e.attendees.some((a) => a.email && (matchesDomain(a.email, account.domains) || contacts.some((c) => c.email === a.email))))
    .sort((a, b) => t(a.startsAt) - t(b.startsAt))[0];
}

export function buildTimeline(input: RiskInput, config: RiskConfig): Timeline {
  const now = t(input.asOf);
  const signals = input.signals.filter((s) => t(s.occurredAt) <= now).sort((a, b) => t(a.occurredAt) - t(b.occurredAt));
  input = { ...input, contacts: effectiveContacts(input.contacts, signals, input.asOf) };
  const fromThem: Signal[] = [];
  const fromUs: Signal[] = [];
  for (const s of signals) {
    if (isAutomated(s)) continue;
    if (s.kind === 'email') (s.direction === 'outbound' ? fromUs : fromThem).push(s);
    else if (s.kind === 'chat') fromThem.push(s);
    else if (s.kind === 'engagement' && s.event === 'form_submitted') fromThem.push(s);
    else if (s.kind === 'meeting') {
      fromUs.push(s);
      if (meetingHasThem(s, input.account, input.contacts)) fromThem.push(s);
    }
  }
  return {
    account: input.account, contacts: input.contacts, config, asOfIso: input.asOf, now, signals, fromThem, fromUs,
    nextMeeting: nextMeetingOf(signals, input.account, input.contacts, now),
    stakeholders: stakeholderMap(input.contacts, signals, input.asOf),
  };
}

export const last = <T>(xs: T[]): T | undefined => xs[xs.length - 1];

export function ago(ms: number): string {
  const d = Math.floor(days(ms));
  if (d >= 1) return `${d} day${d === 1 ? '' : 's'}`;
  const h = Math.floor(ms / HOUR);
  if (h >= 1) return `${h} hour${h === 1 ? '' : 's'}`;
  return `${Math.max(1, Math.round(ms / 60_000))} minutes`;
}

export function who(s: Signal): string {
  if (s.kind === 'email') return s.from.name ?? s.from.email;
  if (s.kind === 'engagement') return s.contactName ?? s.contactEmail ?? 'a visitor';
  if (s.kind === 'chat') return s.author.name;
  if (s.kind === 'meeting') return `"${s.title}"`;
  return s.kind;
}

export function contactLabel(c: Pick<Contact, 'name' | 'email' | 'role'>): string {
  return `${c.name ?? c.email}${c.role ? ` (${c.role.replace(/_/g, ' ')})` : ''}`;
}
