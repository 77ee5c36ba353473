// No two-way human contact for longer than the stage expects. A meeting booked with the account is
// a next step: the silence is fine until it has passed.
import type { Signal } from '../../signals/schema.js';
import { forStage } from '../config.js';
import { NONE, flagged, notYet, type FactorCheck } from '../check.js';
import { DAY, contactOf, last, t, type Timeline } from '../timeline.js';
import { day, wholeDays, who } from '../explain.js';
import { leadTouchesWaiting } from './new-lead-waiting.js';

const CLOSED = new Set(['closed_won', 'closed_lost']);

/** Who the silence is about: those our last email went to, else the champion and deciders, else everyone. */
function silentPeople(tl: Timeline, lastUs: Signal | undefined): string[] {
  const atAccount = (e: string) => tl.people.has(e.toLowerCase());
  const recipients = lastUs?.kind === 'email' ? [...lastUs.to, ...lastUs.cc].map((p) => p.email).filter(atAccount) : [];
  if (recipients.length) return recipients;
  const active = tl.contacts.filter((c) => c.status === 'active');
  const key = active.filter((c) => c.role === 'champion' || c.role === 'decision_maker' || c.role === 'economic_buyer');
  return (key.length ? key : active).map((c) => c.email);
}

export function silence(tl: Timeline): FactorCheck {
  const stage = tl.account.stage;
  if (CLOSED.has(stage) || leadTouchesWaiting(tl).length) return NONE;
  if (tl.nextMeeting) return notYet(t(tl.nextMeeting.endsAt ?? tl.nextMeeting.startsAt));
  const lastThem = last(tl.fromThem);
  const lastUs = last(tl.fromUs);
  // They spoke last and asked something: the ball is in our court (unanswered_inbound).
  if (lastThem && (!lastUs || t(lastUs.occurredAt) < t(lastThem.occurredAt)) && lastThem.insights?.question) return NONE;
  const firstUs = tl.fromUs[0];
  const since = lastThem ? t(lastThem.occurredAt) : firstUs ? t(firstUs.occurredAt) : undefined;
  if (since === undefined) return NONE;
  const slaDays = forStage(tl.config.silenceDays, stage);
  const crossing = since + slaDays * DAY;
  if (tl.now < crossing) return notYet(crossing);
  const quiet = tl.now - since;
  const overrun = (quiet - slaDays * DAY) / DAY;
  const waitingOnThem = lastUs && (!lastThem || t(lastUs.occurredAt) > t(lastThem.occurredAt));
  const lastThemName = lastThem ? (contactOf(tl, lastThem.kind === 'email' ? lastThem.from.email : undefined)?.name ?? who(tl, lastThem)) : undefined;
  const ours = waitingOnThem && lastUs ? `our ${lastUs.kind === 'email' ? `"${lastUs.subject}"` : 'last message'} of ${day(lastUs.occurredAt)} is unanswered` : undefined;
  const heard = lastThem ? `last heard from ${lastThemName} on ${day(lastThem.occurredAt)}` : 'they have never replied';
  return flagged({
    factor: 'silence',
    weight: Math.round(tl.config.weights.silence * Math.min(1.4, 1 + overrun / (slaDays * 5))),
    explanation: `No reply from ${tl.account.name} in ${wholeDays(quiet)} days: ${[ours, heard].filter(Boolean).join('; ')}; the ${stage} stage expects contact every ${slaDays} days`,
    evidence: [lastThem, waitingOnThem ? lastUs : undefined].filter((s): s is Signal => Boolean(s)).map((s) => s.id),
    contacts: silentPeople(tl, lastUs),
  });
}
