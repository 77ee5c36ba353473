// A lead's first touches (a form, an email, a chat) with no response from us within minutes.
import type { Signal } from '../../signals/schema.js';
import { NONE, flagged, notYet, type FactorCheck } from '../check.js';
import { MINUTE, answeredAfter, senderOf, t, type Timeline } from '../timeline.js';
import { ago, dayTime, unique, who } from '../explain.js';

/** Inbound touches on a lead-stage account that nobody on our side has answered yet. */
export function leadTouchesWaiting(tl: Timeline): Signal[] {
  if (tl.account.stage !== 'lead') return [];
  const touches = tl.fromThem.filter((s) => s.kind === 'email' || s.kind === 'chat' || (s.kind === 'engagement' && s.event === 'form_submitted'));
  return touches.filter((s) => !answeredAfter(tl, t(s.occurredAt)));
}

export function newLeadWaiting(tl: Timeline): FactorCheck {
  const waiting = leadTouchesWaiting(tl);
  const first = waiting[0];
  if (!first) return NONE;
  const late = t(first.occurredAt) + tl.config.newLead.responseMinutes * MINUTE;
  if (tl.now < late) return notYet(late);
  const did = first.kind === 'engagement' ? 'submitted a form' : first.kind === 'chat' ? 'wrote in chat' : 'wrote in';
  return flagged({
    factor: 'new_lead_waiting',
    weight: tl.config.weights.new_lead_waiting,
    explanation: `New lead ${who(tl, first)} ${did} ${ago(tl.now - t(first.occurredAt))} ago (${dayTime(first.occurredAt)})${waiting.length > 1 ? `, ${waiting.length} touches in all,` : ''} and has had no response; the first-response target is ${tl.config.newLead.responseMinutes} minutes`,
    evidence: waiting.slice(0, 3).map((s) => s.id),
    contacts: unique(waiting.map(senderOf).filter((e): e is string => Boolean(e))),
  });
}
