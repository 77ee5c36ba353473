// No two-way human contact for longer than the stage expects. A meeting booked with the account is
// a next step: the silence is fine until it has passed.
import type { Signal } from '../../signals/schema.js';
import { forStage } from '../config.js';
import { NONE, flagged, notYet, type FactorCheck } from '../check.js';
import { DAY, last, reachedSomeone, senderOf, t, unreachable, type Timeline } from '../timeline.js';
import { day, wholeDays, who } from '../explain.js';
import { leadTouchesWaiting } from './new-lead-waiting.js';

const CLOSED = new Set(['closed_won', 'closed_lost']);

/**
 * Who the silence is about: those our unanswered email went to (even one that reached nobody: the
 * reader then sees they are gone), else whoever we last heard from, else the champion and deciders.
 */
function silentPeople(tl: Timeline, outreach: Signal | undefined, lastThem: Signal | undefined): string[] {
  const atAccount = (e: string) => tl.people.has(e.toLowerCase());
  const recipients = outreach?.kind === 'email' ? [...outreach.to, ...outreach.cc].map((p) => p.email).filter(atAccount) : [];
  if (recipients.length) return recipients;
  const heard = lastThem ? senderOf(lastThem) : undefined;
  if (heard && atAccount(heard)) return [heard];
  const active = tl.contacts.filter((c) => c.status === 'active');
  const key = active.filter((c) => c.role === 'champion' || c.role === 'decision_maker' || c.role === 'economic_buyer');
  return (key.length ? key : active).map((c) => c.email);
}

/**
 * The clock runs from their last word; when we reached out after it, from our first unanswered
 * outreach (a proposal sent, a follow-up): the rep who just wrote is waiting, not silent, and the
 * stage's days are the account's time to answer. Later follow-ups do not restart it, and an email
 * that reached nobody (bounced, or sent to someone who has left) does not count as outreach.
 */
export function silence(tl: Timeline): FactorCheck {
  const stage = tl.account.stage;
  if (CLOSED.has(stage) || leadTouchesWaiting(tl).length) return NONE;
  if (tl.nextMeeting) return notYet(t(tl.nextMeeting.endsAt ?? tl.nextMeeting.startsAt));
  const lastThem = last(tl.fromThem);
  const gone = unreachable(tl);
  // An email that reached nobody (it bounced, or went to someone who has left) is no outreach.
  const outreach = tl.fromUs.filter((o) => (!lastThem || t(o.occurredAt) > t(lastThem.occurredAt)) && reachedSomeone(tl, o, gone));
  // They spoke last and asked something: the ball is in our court (unanswered_inbound).
  if (lastThem && outreach.length === 0 && lastThem.insights?.question) return NONE;
  const start = outreach[0] ?? lastThem ?? tl.fromUs[0];
  if (!start) return NONE;
  const slaDays = forStage(tl.config.silenceDays, stage);
  const crossing = t(start.occurredAt) + slaDays * DAY;
  if (tl.now < crossing) return notYet(crossing);
  const quiet = tl.now - t(start.occurredAt);
  const overrun = (quiet - slaDays * DAY) / DAY;
  const first = outreach[0];
  const waiting = first ? `our ${first.kind === 'email' ? `"${first.subject}"` : 'message'} of ${day(first.occurredAt)}${outreach.length > 1 ? ` and ${outreach.length - 1} follow-up${outreach.length > 2 ? 's' : ''}` : ''} unanswered` : undefined;
  const heard = lastThem ? `last heard from ${who(tl, lastThem)} on ${day(lastThem.occurredAt)}` : 'they have never replied';
  return flagged({
    factor: 'silence',
    weight: Math.round(tl.config.weights.silence * Math.min(1.4, 1 + overrun / (slaDays * 5))),
    explanation: `No reply from ${tl.account.name} in ${wholeDays(quiet)} days: ${[waiting, heard].filter(Boolean).join('; ')}; the ${stage} stage expects contact every ${slaDays} days`,
    evidence: [lastThem, first, last(outreach)].filter((x, i, all): x is Signal => Boolean(x) && all.indexOf(x) === i).map((x) => x.id),
    contacts: silentPeople(tl, first ?? last(tl.fromUs.filter((o) => !lastThem || t(o.occurredAt) > t(lastThem.occurredAt))), lastThem),
  });
}
