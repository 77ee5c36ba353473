// Facts the factors share, derived once per assessment from the account's signals as of a moment:
// only what had happened by `asOf` counts (evals replay history as of earlier moments).
import type { Account } from '../../db/queries/accounts.js';
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import { effectiveContacts, isRecordedTouch, participants } from '../stakeholders.js';
import { chatAuthorSide, isAccountEmail, plainTranscriptTurns, speakerOf } from '../perception/utterances.js';
import type { RiskConfig } from './config.js';
import type { RiskInput } from './types.js';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export type Calendar = Extract<Signal, { kind: 'calendar' }>;

/** When we last heard from, and first and last reached, one person (signal ids and times). */
export interface PersonActivity {
  email: string;
  lastHeard?: Signal;
  firstReached?: Signal;
  lastReached?: Signal;
  /** The last human signal they took part in, either way. */
  lastTouch?: Signal;
}

export interface Timeline {
  account: Account;
  /** Contacts as they stood at `asOf` (departures perceived up to then applied). */
  contacts: Contact[];
  config: RiskConfig;
  asOf: string;
  now: number;
  /** Signals up to the moment, oldest first. */
  signals: Signal[];
  /** Signals a person wrote or said (automated mail left out). */
  human: Signal[];
  /** The account's people speaking to us: inbound email, their chat, forms, tickets, meetings they attended. */
  fromThem: Signal[];
  /** Us reaching them: outbound email, our chat, calls with them, and what a rep reported as already done. */
  fromUs: Signal[];
  /** The next meeting on the calendar with someone from the account, not cancelled since. */
  nextMeeting?: Calendar;
  /** Per account person (known contacts and anyone at the account's domains). */
  people: Map<string, PersonActivity>;
}

export const t = (iso: string) => Date.parse(iso);

export function isAutomated(s: Signal): boolean {
  return s.kind === 'email' && Boolean(s.auto ?? s.insights?.auto);
}

type People = { account: Account; contacts: Contact[] };

function meetingHasThem(s: Extract<Signal, { kind: 'meeting' }>, people: People): boolean {
  if (s.attendees.some((a) => a.email && isAccountEmail(a.email, people))) return true;
  const turns = typeof s.transcript === 'string' ? plainTranscriptTurns(s.transcript) : s.transcript;
  return turns.some((turn) => speakerOf(turn.speaker, s.attendees, people).side === 'them');
}

/** Which side a human signal comes from, or both for a meeting with the account; none for the rest. */
function sidesOf(s: Signal, people: People): { them: boolean; us: boolean } {
  switch (s.kind) {
    case 'email': return { them: s.direction !== 'outbound', us: s.direction === 'outbound' };
    case 'chat': {
      const side = chatAuthorSide(s.author, people);
      return { them: side === 'them', us: side === 'us' };
    }
    case 'engagement': return { them: s.event === 'form_submitted', us: false };
    case 'ticket': return { them: true, us: false };
    // A recommendation rejected as "already done": the rep reached them outside the product.
    case 'note': return { them: false, us: isRecordedTouch(s) };
    case 'meeting': {
      // A call with the account is both sides talking; an internal one is neither.
      const both = meetingHasThem(s, people);
      return { them: both, us: both };
    }
    default: return { them: false, us: false };
  }
}

/** The next meeting with someone from the account: each event's latest state, not cancelled, starting after `now`. */
export function nextMeetingOf(signals: Signal[], account: Account, contacts: Contact[], now: number): Calendar | undefined {
  const latest = new Map<string, Calendar>();
  for (const s of signals) if (s.kind === 'calendar' && t(s.occurredAt) <= now) latest.set(s.eventId, s);
  return [...latest.values()]
    .filter((e) => e.event !== 'cancelled' && t(e.startsAt) > now)
    .filter((e) => e.attendees.some((a) => a.email && isAccountEmail(a.email, { account, contacts })))
    .sort((a, b) => t(a.startsAt) - t(b.startsAt))[0];
}

function activityOf(human: Signal[], people: People): Map<string, PersonActivity> {
  const map = new Map<string, PersonActivity>();
  const get = (email: string) => {
    const e = email.toLowerCase();
    if (!map.has(e)) map.set(e, { email: e });
    return map.get(e)!;
  };
  for (const c of people.contacts) get(c.email);
  for (const s of human) {
    const p = participants(s);
    for (const e of p.from) if (isAccountEmail(e, people)) Object.assign(get(e), { lastHeard: s, lastTouch: s });
    for (const e of p.to) {
      if (!isAccountEmail(e, people)) continue;
      const a = get(e);
      a.firstReached ??= s;
      a.lastReached = s;
      a.lastTouch = s;
    }
  }
  return map;
}

export function buildTimeline(input: RiskInput, config: RiskConfig): Timeline {
  const now = t(input.asOf);
  const signals = input.signals.filter((s) => t(s.occurredAt) <= now).sort((a, b) => t(a.occurredAt) - t(b.occurredAt));
  const contacts = effectiveContacts(input.contacts, signals, input.asOf);
  const people = { account: input.account, contacts };
  const human = signals.filter((s) => !isAutomated(s));
  const fromThem: Signal[] = [];
  const fromUs: Signal[] = [];
  for (const s of human) {
    const sides = sidesOf(s, people);
    if (sides.them) fromThem.push(s);
    if (sides.us) fromUs.push(s);
  }
  return {
    account: input.account, contacts, config, asOf: input.asOf, now, signals, human, fromThem, fromUs,
    nextMeeting: nextMeetingOf(signals, input.account, contacts, now),
    people: activityOf(human, people),
  };
}

export const last = <T>(xs: T[]): T | undefined => xs[xs.length - 1];

/** Signals from `daysBack` days before the moment up to it. */
export function within(tl: Timeline, signals: Signal[], daysBack: number): Signal[] {
  const since = tl.now - daysBack * DAY;
  return signals.filter((s) => t(s.occurredAt) >= since);
}

/** Whether we reached the account (email, chat, meeting, or a meeting booked) after this moment. */
export function answeredAfter(tl: Timeline, at: number): Signal | undefined {
  return tl.fromUs.find((o) => t(o.occurredAt) > at)
    ?? tl.signals.find((o) => o.kind === 'calendar' && o.event === 'scheduled' && t(o.occurredAt) > at);
}

/** Addresses that no longer reach anyone: contacts who left or moved, and addresses that bounced. */
export function unreachable(tl: Timeline): Set<string> {
  const out = new Set(tl.contacts.filter((c) => c.status !== 'active').map((c) => c.email.toLowerCase()));
  for (const s of tl.signals) {
    for (const ch of s.insights?.stakeholderChanges ?? []) if (ch.change === 'bounced' && ch.contactEmail) out.add(ch.contactEmail.toLowerCase());
  }
  return out;
}

/** Whether an outbound signal reached someone at the account (an email only to departed or bounced addresses did not). */
export function reachedSomeone(tl: Timeline, s: Signal, gone = unreachable(tl)): boolean {
  if (s.kind !== 'email') return true;
  const people = { account: tl.account, contacts: tl.contacts };
  const atAccount = [...s.to, ...s.cc].map((p) => p.email.toLowerCase()).filter((e) => isAccountEmail(e, people));
  return atAccount.length === 0 || atAccount.some((e) => !gone.has(e));
}

export function contactOf(tl: Timeline, email: string | undefined): Contact | undefined {
  const e = email?.toLowerCase();
  return e ? tl.contacts.find((c) => c.email.toLowerCase() === e) : undefined;
}

/** Who sent or said a signal, as an email when known. */
export function senderOf(s: Signal): string | undefined {
  if (s.kind === 'email') return s.from.email;
  if (s.kind === 'engagement') return s.contactEmail;
  if (s.kind === 'chat') return s.author.email;
  if (s.kind === 'ticket') return s.requesterEmail;
  return undefined;
}
