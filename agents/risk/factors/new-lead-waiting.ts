// A lead's first touches (a form, an email, a chat) with no response from us yet. Flagged the moment
// the touch lands, so its reply is drafted in the same assessment; the weight grows to the full weight
// when the first-response target passes unanswered (the escalation).
import type { Signal } from '../../signals/schema.js';
import { NONE, flagged, type FactorCheck } from '../check.js';
import { MINUTE, answeredAfter, senderOf, t, type Timeline } from '../timeline.js';
import { ago, dayTime, minutesTarget, unique, who } from '../explain.js';

/** Inbound touches on a lead-stage account that nobody on our side has answered yet. */
export function leadTouchesWaiting(tl: Timeline): Signal[] {
  if (tl.account.stage !== 'lead') return [];
  const touches = tl.fromThem.filter((s) => s.kind === 'email' || s.kind === 'chat' || (s.kind === 'engagement' && s.event === 'form_submitted'));
  return touches.filter((s) => !answeredAfter(tl, t(s.occurredAt)));
}

/** When the first-response target for the oldest waiting touch passes (ms), and whether it has. */
export function leadTarget(tl: Timeline, first: Signal): { at: number; passed: boolean } {
  const at = t(first.occurredAt) + tl.config.newLead.responseMinutes * MINUTE;
  return { at, passed: tl.now >= at };
}

export function newLeadWaiting(tl: Timeline): FactorCheck {
  const waiting = leadTouchesWaiting(tl);
  const first = waiting[0];
  if (!first) return NONE;
  const { responseMinutes, waitingShare } = tl.config.newLead;
  const target = leadTarget(tl, first);
  const did = first.kind === 'engagement' ? 'submitted a form' : first.kind === 'chat' ? 'wrote in chat' : 'wrote in';
  const full = tl.config.weights.new_lead_waiting;
  const factor = {
    factor: 'new_lead_waiting' as const,
    weight: target.passed ? full : Math.max(1, Math.round(full * waitingShare)),
    explanation: `New lead ${who(tl, first)} ${did} ${ago(Math.max(0, tl.now - t(first.occurredAt)))} ago (${dayTime(first.occurredAt)})${waiting.length > 1 ? `, ${waiting.length} touches in all,` : ''} and has had no response; ${target.passed ? `the first-response target is ${responseMinutes} minutes` : `the ${minutesTarget(responseMinutes)} first-response target runs out at ${dayTime(target.at)}`}`,
    evidence: waiting.slice(0, 3).map((s) => s.id),
    contacts: unique(waiting.map(senderOf).filter((e): e is string => Boolean(e))),
  };
  return flagged(factor, target.passed ? undefined : target.at);
}
