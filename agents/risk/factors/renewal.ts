import type { Factor } from '../types.js';
import { signalText } from '../../evidence.js';
import { DAY, iso, t, type Timeline } from '../timeline.js';

/** A customer's renewal inside the windows (120/90/60 days), stronger when nobody is talking about it. */
export function renewalApproaching(tl: Timeline): Factor | null {
  if (tl.account.stage !== 'customer' || !tl.account.renewalDate) return null;
  const renewal = t(tl.account.renewalDate);
  const left = (renewal - tl.now) / DAY;
  const [notice, warning, urgent] = tl.config.renewalWindowsDays;
  const windows = [notice, warning, urgent].map((d) => renewal - d * DAY).filter((x) => x > tl.now);
  const nextChangeAt = windows.length ? iso(Math.min(...windows) + 60_000) : undefined;
  if (left > notice || left < -30) return nextChangeAt ? { factor: 'renewal_approaching', weight: 0, explanation: '', evidence: [], nextChangeAt } : null;
  const since = tl.now - tl.config.renewalConversationDays * DAY;
  const talk = tl.signals.filter((s) => t(s.occurredAt) >= since && s.kind !== 'usage' && s.kind !== 'crm' && /\brenew/i.test(signalText(s)));
  const base = tl.config.weights.renewal_approaching;
  const weight = Math.round(base * (left <= urgent ? 1.3 : left <= warning ? 1 : 0.6) + (talk.length ? 0 : 5));
  const crm = tl.signals.filter((s) => s.kind === 'crm' && s.change === 'renewal_date').slice(-1);
  return {
    factor: 'renewal_approaching',
    weight,
    explanation: `Renewal on ${new Date(renewal).toISOString().slice(0, 10)} is ${Math.max(0, Math.round(left))} days away${talk.length ? '' : `; no renewal conversation in the last ${tl.config.renewalConversationDays} days`}`,
    // What was last said about it, or else the last thing they said (which was not about it).
    evidence: [...crm, ...(talk.length ? talk.slice(-2) : tl.fromThem.slice(-1))].map((s) => s.id),
    ...(nextChangeAt ? { nextChangeAt } : {}),
  };
}
