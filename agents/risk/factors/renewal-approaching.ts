// A customer's renewal inside the windows (120/90/60 days by default), weighing more in each, and
// more again when nothing said since the window opened mentions the renewal.
import { signalText } from '../../evidence.js';
import { NONE, flagged, notYet, type FactorCheck } from '../check.js';
import { DAY, last, t, type Timeline } from '../timeline.js';
import { day, isoDay, who } from '../explain.js';

const RENEWAL_TALK = /\brenew(al|als|ing|ed|s)?\b/i;

export function renewalApproaching(tl: Timeline): FactorCheck {
  if (tl.account.stage !== 'customer' || !tl.account.renewalDate) return NONE;
  const renewal = t(tl.account.renewalDate);
  const { windowsDays, multipliers, noConversationExtra, daysAfter } = tl.config.renewal;
  const opens = windowsDays.map((d) => renewal - d * DAY);
  const next = opens.find((at) => at > tl.now);
  const inside = opens.filter((at) => at <= tl.now).length; // 0 = not yet, 3 = the urgent window
  if (inside === 0) return notYet(next);
  if (tl.now > renewal + daysAfter * DAY) return NONE;
  // Talk = any human signal since the notice window opened that mentions the renewal (a meeting booked about it counts).
  const talk = tl.signals.filter((s) => t(s.occurredAt) >= opens[0] && s.kind !== 'usage' && s.kind !== 'crm'
    && !(s.kind === 'email' && (s.auto ?? s.insights?.auto)) && RENEWAL_TALK.test(signalText(s)));
  const left = Math.round((renewal - tl.now) / DAY);
  const weight = Math.round(tl.config.weights.renewal_approaching * multipliers[inside - 1] + (talk.length ? 0 : noConversationExtra));
  const lastTalk = last(talk);
  const when = left >= 0 ? `is ${left} days away` : `passed ${-left} days ago`;
  const crm = last(tl.signals.filter((s) => s.kind === 'crm' && s.change === 'renewal_date'));
  return flagged({
    factor: 'renewal_approaching',
    weight,
    explanation: `Renewal on ${isoDay(renewal)} ${when} (inside the ${windowsDays[inside - 1]}-day window); ${lastTalk ? `last renewal conversation: ${who(tl, lastTalk)} on ${day(lastTalk.occurredAt)}` : `no renewal conversation since the window opened on ${day(opens[0])}`}`,
    // What was last said about it, or else the last thing they said (which was not about it).
    evidence: [...(crm ? [crm] : []), ...(talk.length ? talk.slice(-2) : tl.fromThem.slice(-1))].map((s) => s.id),
    contacts: tl.contacts.filter((c) => c.status === 'active' && (c.role === 'economic_buyer' || c.role === 'champion' || c.role === 'decision_maker')).map((c) => c.email),
  }, next);
}
