// The account asked us something (an inbound human message with a question) and nobody replied.
// A message asking after a promise of ours that is overdue is that promise's (overdue_commitment):
// keeping the promise answers it, so it is not a second, separate question.
import { NONE, flagged, notYet, type FactorCheck } from '../check.js';
import { DAY, HOUR, answeredAfter, senderOf, t, within, type Timeline } from '../timeline.js';
import { ago, unique, what, who } from '../explain.js';
import { leadTouchesWaiting } from './new-lead-waiting.js';
import { ourPromises } from './overdue-commitment.js';

export function unansweredInbound(tl: Timeline): FactorCheck {
  const { replyHours, extraPerDay, maxExtra, lookbackDays } = tl.config.unanswered;
  const lead = new Set(leadTouchesWaiting(tl).map((s) => s.id)); // a lead's first touch is new_lead_waiting's
  const chasers = ourPromises(tl).chasers;
  const open = within(tl, tl.fromThem, lookbackDays)
    .filter((s) => s.kind !== 'meeting' && s.kind !== 'ticket' && s.insights?.question && !lead.has(s.id) && !chasers.has(s.id))
    .filter((s) => !answeredAfter(tl, t(s.occurredAt)));
  const oldest = open[0];
  if (!oldest) return NONE;
  const asked = t(oldest.occurredAt);
  const due = asked + replyHours * HOUR;
  if (tl.now < due) return notYet(due);
  const daysLate = Math.floor((tl.now - due) / DAY);
  const extra = Math.min(maxExtra, daysLate * extraPerDay);
  return flagged({
    factor: 'unanswered_inbound',
    weight: tl.config.weights.unanswered_inbound + extra,
    explanation: `${who(tl, oldest)} asked a question (${what(oldest)}) ${ago(tl.now - asked)} ago and nobody has replied${open.length > 1 ? ` (${open.length} messages waiting)` : ''}; the reply target is ${replyHours} hours`,
    evidence: open.slice(-3).map((s) => s.id),
    contacts: unique(open.map(senderOf).filter((e): e is string => Boolean(e))),
  }, extra < maxExtra ? due + (daysLate + 1) * DAY : undefined);
}
