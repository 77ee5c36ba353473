// Nobody on our side covers the account: no owner or CSM, the CRM owner cleared, or our owner/CSM
// left (a CRM change, or a note or message saying so) with nobody assigned since.
import type { Signal } from '../../signals/schema.js';
import { NONE, flagged, type FactorCheck } from '../check.js';
import { last, t, type Timeline } from '../timeline.js';
import { ago, quote } from '../explain.js';

type Crm = Extract<Signal, { kind: 'crm' }>;

export function ownerGap(tl: Timeline): FactorCheck {
  if (tl.account.stage === 'closed_lost') return NONE;
  const latest = last(tl.signals.filter((s): s is Crm => s.kind === 'crm' && s.change === 'owner'));
  const assignedAt = latest?.to ? t(latest.occurredAt) : Number.NEGATIVE_INFINITY;
  const ourDeparture = last(tl.human.filter((s) => t(s.occurredAt) > assignedAt
    && (s.insights?.stakeholderChanges ?? []).some((c) => c.side === 'us' && (c.change === 'left' || c.change === 'moved'))));
  const w = tl.config.weights.owner_gap;
  if (latest && !latest.to) {
    return flagged({
      factor: 'owner_gap', weight: w,
      explanation: `${latest.from ? `${latest.from} no longer covers` : 'Nobody covers'} ${tl.account.name}: the owner was cleared in the CRM ${ago(tl.now - t(latest.occurredAt))} ago${latest.text ? ` (${latest.text.replace(/\.$/, '')})` : ''} and no one has been assigned since`,
      evidence: [latest.id, ...(ourDeparture ? [ourDeparture.id] : [])],
    });
  }
  if (ourDeparture) {
    const change = ourDeparture.insights!.stakeholderChanges.find((c) => c.side === 'us')!;
    return flagged({
      factor: 'owner_gap', weight: w,
      explanation: `${change.name ?? 'Our owner'} ${change.change === 'left' ? 'has left' : 'has moved on'} (${ago(tl.now - t(ourDeparture.occurredAt))} ago: ${quote(change.text, 120)}) and no new owner has been assigned to ${tl.account.name}`,
      evidence: [ourDeparture.id],
    });
  }
  if (!latest && !tl.account.ownerId && !tl.account.csmId) {
    const ev = last(tl.human) ?? last(tl.signals);
    return flagged({
      factor: 'owner_gap', weight: w,
      explanation: `${tl.account.name} has no owner or CSM assigned`,
      evidence: ev ? [ev.id] : [],
    });
  }
  return NONE;
}
