// An open deal with nothing booked: no meeting on the calendar with the account, no next step in the CRM.
import type { Signal } from '../../signals/schema.js';
import { NONE, flagged, notYet, type FactorCheck } from '../check.js';
import { DAY, last, t, type Calendar, type Timeline } from '../timeline.js';
import { ago } from '../explain.js';

const OPEN_DEAL = new Set(['qualified', 'discovery', 'demo', 'proposal', 'negotiation']);
type Crm = Extract<Signal, { kind: 'crm' }>;
type Meeting = Extract<Signal, { kind: 'meeting' }>;

export function noNextStep(tl: Timeline): FactorCheck {
  if (!OPEN_DEAL.has(tl.account.stage)) return NONE;
  // When the booked meeting has passed, the question comes back.
  if (tl.nextMeeting) return notYet(t(tl.nextMeeting.endsAt ?? tl.nextMeeting.startsAt));
  const crm = last(tl.signals.filter((s): s is Crm => s.kind === 'crm' && s.change === 'next_step' && Boolean(s.to)));
  const fresh = crm ? t(crm.occurredAt) + tl.config.noNextStep.crmNextStepDays * DAY : undefined;
  if (fresh !== undefined && tl.now < fresh) return notYet(fresh);
  const held = last(tl.signals.filter((s): s is Meeting => s.kind === 'meeting'));
  const cancelled = last(tl.signals.filter((s): s is Calendar => s.kind === 'calendar' && s.event === 'cancelled'));
  const since = cancelled && (!held || t(cancelled.occurredAt) > t(held.occurredAt))
    ? ` since "${cancelled.title}" was cancelled ${ago(tl.now - t(cancelled.occurredAt))} ago`
    : held ? ` since "${held.title}" ${ago(tl.now - t(held.occurredAt))} ago` : '';
  const evidence = cancelled ?? held ?? last(tl.fromThem) ?? last(tl.human);
  if (!evidence) return NONE;
  return flagged({
    factor: 'no_next_step',
    weight: tl.config.weights.no_next_step,
    explanation: `No next meeting is booked with ${tl.account.name}${since} and no next step is set in the CRM${crm ? ` (the last one, "${crm.to}", is ${ago(tl.now - t(crm.occurredAt))} old)` : ''}`,
    evidence: [evidence.id],
    contacts: tl.contacts.filter((c) => c.status === 'active' && (c.role === 'champion' || c.role === 'decision_maker' || c.role === 'economic_buyer')).map((c) => c.email),
  });
}
