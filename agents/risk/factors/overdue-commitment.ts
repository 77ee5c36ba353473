// Our promises past their due date with nothing sent since that fulfils them (a later message from
// us about the same thing, or a delivery to the person it was promised to).
import type { Signal } from '../../signals/schema.js';
import { commitmentsOf, type CommitmentView } from '../../commitments.js';
import { isAccountEmail } from '../../perception/utterances.js';
import { NONE, flagged, notYet, type FactorCheck } from '../check.js';
import { t, type Timeline } from '../timeline.js';
import { ago, day, personLabel, quote, unique } from '../explain.js';

/** Who a promise was made to: its counterparts first, then the account's people on the signal. */
function promisedTo(tl: Timeline, c: CommitmentView, s: Signal | undefined): string[] {
  const people = { account: tl.account, contacts: tl.contacts };
  const said = s?.insights?.commitments.find((x) => x.text === c.text);
  const onSignal = s?.kind === 'email' ? [...s.to, ...s.cc].map((p) => p.email)
    : s?.kind === 'meeting' ? s.attendees.map((a) => a.email).filter((e): e is string => Boolean(e)) : [];
  return unique([...(said?.counterparts ?? []), ...onSignal].filter((e) => isAccountEmail(e, people)));
}

export function overdueCommitment(tl: Timeline): FactorCheck {
  const ours = commitmentsOf(tl.signals, tl.asOf).filter((c) => c.owner === 'us');
  const upcoming = ours.filter((c) => c.status === 'open' && c.dueAt).map((c) => t(c.dueAt!));
  const next = upcoming.length ? Math.min(...upcoming) : undefined;
  const overdue = ours.filter((c) => c.status === 'overdue').sort((a, b) => t(a.dueAt!) - t(b.dueAt!));
  const worst = overdue[0];
  if (!worst) return next === undefined ? NONE : notYet(next);
  const byId = new Map(tl.signals.map((s) => [s.id, s]));
  const contacts = unique(overdue.flatMap((c) => promisedTo(tl, c, byId.get(c.signalId))));
  const toWhom = promisedTo(tl, worst, byId.get(worst.signalId));
  const w = tl.config.weights.overdue_commitment;
  return flagged({
    factor: 'overdue_commitment',
    weight: Math.min(w * 1.5, w + 5 * (overdue.length - 1)),
    explanation: `${worst.who ?? 'We'} promised${toWhom.length ? ` ${toWhom.map((e) => personLabel(tl, e)).join(' and ')}` : ''} on ${day(worst.madeAt)}: ${quote(worst.text)}; it was due ${day(worst.dueAt!)}, ${ago(tl.now - t(worst.dueAt!))} ago, and nothing since fulfils it${overdue.length > 1 ? ` (${overdue.length} promises overdue)` : ''}`,
    evidence: unique(overdue.map((c) => c.signalId)),
    contacts,
  }, next);
}
