// People in roles that can block a deal (procurement, security, legal, the buyer) who were part of
// the conversation but have not been heard from for weeks while others at the account are active.
import { NONE, flagged, notYet, type FactorCheck } from '../check.js';
import { DAY, t, type PersonActivity, type Timeline } from '../timeline.js';
import { contactLabel, day, wholeDays } from '../explain.js';

const DEAL_STAGES = new Set(['qualified', 'discovery', 'demo', 'proposal', 'negotiation']);

/** Since when someone owes us a word: their last message, else our first message to them. */
const quietSince = (a: PersonActivity) => a.lastHeard ?? a.firstReached;

export function stakeholderSilent(tl: Timeline): FactorCheck {
  const stage = tl.account.stage;
  const renewalInView = stage === 'customer' && tl.account.renewalDate && t(tl.account.renewalDate) - tl.now <= tl.config.renewal.windowsDays[0] * DAY;
  if (!DEAL_STAGES.has(stage) && !renewalInView) return NONE;
  const { days: limit, roles } = tl.config.stakeholderSilent;
  const watched = tl.contacts.filter((c) => c.status === 'active' && c.role && roles.includes(c.role));
  const engaged = watched.map((c) => ({ c, a: tl.people.get(c.email.toLowerCase()) })).filter((x) => x.a && quietSince(x.a));
  const crossing = (x: (typeof engaged)[number]) => t(quietSince(x.a!)!.occurredAt) + limit * DAY;
  const silent = engaged.filter((x) => tl.now >= crossing(x));
  const notYetSilent = engaged.filter((x) => tl.now < crossing(x)).map(crossing);
  const next = notYetSilent.length ? Math.min(...notYetSilent) : undefined;
  // "While others are active": someone else at the account spoke to us within the window.
  const silentEmails = new Set(silent.map((x) => x.c.email.toLowerCase()));
  const active = [...tl.people.values()].filter((a) => !silentEmails.has(a.email) && a.lastHeard && tl.now - t(a.lastHeard.occurredAt) < limit * DAY)
    .sort((a, b) => t(b.lastHeard!.occurredAt) - t(a.lastHeard!.occurredAt));
  if (silent.length === 0 || active.length === 0) return notYet(next);
  const lines = silent.map(({ c, a }) => (a!.lastHeard
    ? `${contactLabel(c)} silent for ${wholeDays(tl.now - t(a!.lastHeard.occurredAt))} days`
    : `${contactLabel(c)} has not answered since we first wrote ${wholeDays(tl.now - t(a!.firstReached!.occurredAt))} days ago`));
  const speaker = active[0];
  const speakerContact = tl.contacts.find((c) => c.email.toLowerCase() === speaker.email);
  const w = tl.config.weights.stakeholder_silent;
  return flagged({
    factor: 'stakeholder_silent',
    weight: Math.min(w * 2, w + 5 * (silent.length - 1)),
    explanation: `${lines.join(', ')}, while ${speakerContact ? contactLabel(speakerContact) : speaker.email} was heard from on ${day(speaker.lastHeard!.occurredAt)}`,
    evidence: [...new Set(silent.map(({ a }) => a!.lastTouch!.id))],
    contacts: silent.map(({ c }) => c.email),
  }, next);
}
