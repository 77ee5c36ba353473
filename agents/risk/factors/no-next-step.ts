// An open deal with nothing booked: no meeting on the calendar with the account, no next step in the
// CRM. A meeting with the account that has taken place (its calendar slot passed, or a recorded call
// whose transcript never came) and left nothing from our side (no transcript, no notes, no CRM
// update, no follow-up) is read here too: it is the missing next step, named as the evidence.
import type { Signal } from '../../signals/schema.js';
import { isAccountEmail } from '../../perception/utterances.js';
import { NONE, flagged, notYet, type FactorCheck } from '../check.js';
import { DAY, HOUR, last, t, type Calendar, type Timeline } from '../timeline.js';
import { ago } from '../explain.js';

const OPEN_DEAL = new Set(['qualified', 'discovery', 'demo', 'proposal', 'negotiation']);
type Crm = Extract<Signal, { kind: 'crm' }>;
type Meeting = Extract<Signal, { kind: 'meeting' }>;

/** A day to write the notes or send the follow-up before a CRM next step set before the meeting stops counting. */
const FOLLOW_UP_GRACE = DAY;
/** A recording may start a little before the slot on the calendar. */
const EARLY_START = HOUR / 2;

/** A meeting signal with nothing of what was said: its transcript is still to come, or empty. */
function unrecorded(m: Meeting): boolean {
  return Boolean(m.transcriptPending) || (typeof m.transcript === 'string' ? !m.transcript.trim() : m.transcript.length === 0);
}

export interface UnfollowedMeeting {
  /** The calendar event (its latest state) or the call without a transcript. */
  signal: Calendar | Meeting;
  title: string;
  start: number;
  end: number;
}

/**
 * The last meeting with someone from the account that has ended by now and left nothing from our
 * side after it started: no transcript of it, no note, no CRM change, no email, chat or call from us.
 */
export function unfollowedMeeting(tl: Timeline): UnfollowedMeeting | undefined {
  const people = { account: tl.account, contacts: tl.contacts };
  const withThem = (attendees: Array<{ email?: string }>) => attendees.some((a) => a.email && isAccountEmail(a.email, people));
  const latest = new Map<string, Calendar>();
  for (const s of tl.signals) if (s.kind === 'calendar') latest.set(s.eventId, s);
  const held: UnfollowedMeeting[] = [
    ...[...latest.values()].filter((e) => e.event !== 'cancelled' && withThem(e.attendees))
      .map((e) => ({ signal: e, title: e.title, start: t(e.startsAt), end: t(e.endsAt ?? e.startsAt) })),
    ...tl.signals.filter((s): s is Meeting => s.kind === 'meeting' && unrecorded(s) && withThem(s.attendees))
      .map((m) => ({ signal: m, title: m.title, start: t(m.occurredAt), end: t(m.occurredAt) + (m.durationSec ?? 0) * 1000 })),
  ].filter((m) => m.end <= tl.now).sort((a, b) => a.end - b.end);
  const gap = last(held);
  if (!gap) return undefined;
  const ours = new Set(tl.fromUs);
  const followed = tl.signals.some((s) => {
    if (s === gap.signal) return false;
    const at = t(s.occurredAt);
    if (s.kind === 'meeting') return !unrecorded(s) && at >= gap.start - EARLY_START;
    return at >= gap.start && (s.kind === 'note' || s.kind === 'crm' || ours.has(s));
  });
  return followed ? undefined : gap;
}

export function noNextStep(tl: Timeline): FactorCheck {
  if (!OPEN_DEAL.has(tl.account.stage)) return NONE;
  // When the booked meeting has passed, the question comes back.
  if (tl.nextMeeting) return notYet(t(tl.nextMeeting.endsAt ?? tl.nextMeeting.startsAt));
  const gap = unfollowedMeeting(tl);
  const crm = last(tl.signals.filter((s): s is Crm => s.kind === 'crm' && s.change === 'next_step' && Boolean(s.to)));
  const fresh = crm ? t(crm.occurredAt) + tl.config.noNextStep.crmNextStepDays * DAY : undefined;
  // A next step written before a meeting that has since taken place was most likely that meeting:
  // once the meeting has left nothing from us for a day, it no longer stands.
  const spent = crm && gap && t(crm.occurredAt) <= gap.start ? gap.end + FOLLOW_UP_GRACE : undefined;
  if (fresh !== undefined && tl.now < fresh && (spent === undefined || tl.now < spent)) return notYet(Math.min(fresh, spent ?? fresh));
  const held = last(tl.signals.filter((s): s is Meeting => s.kind === 'meeting'));
  const cancelled = last(tl.signals.filter((s): s is Calendar => s.kind === 'calendar' && s.event === 'cancelled'));
  const lastCancelled = cancelled && (!held || t(cancelled.occurredAt) > t(held.occurredAt)) && (!gap || t(cancelled.occurredAt) > gap.end);
  const since = lastCancelled
    ? ` since "${cancelled.title}" was cancelled ${ago(tl.now - t(cancelled.occurredAt))} ago`
    : gap ? ` since "${gap.title}" took place ${ago(tl.now - gap.end)} ago, which left no transcript, no notes and no follow-up from us,`
      : held ? ` since "${held.title}" ${ago(tl.now - t(held.occurredAt))} ago` : '';
  const evidence = (lastCancelled ? cancelled : undefined) ?? gap?.signal ?? cancelled ?? held ?? last(tl.fromThem) ?? last(tl.human);
  if (!evidence) return NONE;
  const lastCrm = crm ? ` (the last one, "${crm.to}", ${spent !== undefined ? 'was set before that meeting' : `is ${ago(tl.now - t(crm.occurredAt))} old`})` : '';
  return flagged({
    factor: 'no_next_step',
    weight: tl.config.weights.no_next_step,
    explanation: `No next meeting is booked with ${tl.account.name}${since} and no next step is set in the CRM${lastCrm}`,
    evidence: [evidence.id],
    contacts: tl.contacts.filter((c) => c.status === 'active' && (c.role === 'champion' || c.role === 'decision_maker' || c.role === 'economic_buyer')).map((c) => c.email),
  });
}
