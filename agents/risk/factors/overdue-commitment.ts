// Our promises past their due date with nothing sent since that fulfils them (a later message from
// us about the same thing, or a delivery to the person it was promised to). A message of theirs
// asking after one of them ("still keen to see the roadmap") is the promise's evidence and urgency:
// it is reported here, and unanswered_inbound leaves it to this factor (the promise kept answers it).
import type { Signal } from '../../signals/schema.js';
import { chasesPromise, commitmentsOf, type CommitmentView } from '../../commitments.js';
import { isAccountEmail } from '../../perception/utterances.js';
import { NONE, flagged, notYet, type FactorCheck } from '../check.js';
import { last, senderOf, t, type Timeline } from '../timeline.js';
import { ago, day, personLabel, quote, unique, who } from '../explain.js';

/** Our promises as of the moment, and which of their messages chase the overdue ones (signal id → promise). */
interface OurPromises {
  ours: CommitmentView[];
  overdue: CommitmentView[];
  chasers: Map<string, CommitmentView>;
}

const CHASER_KINDS = new Set(['email', 'chat', 'engagement']);
const memo = new WeakMap<Timeline, OurPromises>();

/**
 * Our promises on the account; an overdue one is chased by every later message from the account that
 * asks after it (nothing since has fulfilled it, or it would not be overdue).
 */
export function ourPromises(tl: Timeline): OurPromises {
  const known = memo.get(tl);
  if (known) return known;
  const ours = commitmentsOf(tl.signals, tl.asOf).filter((c) => c.owner === 'us');
  const overdue = ours.filter((c) => c.status === 'overdue').sort((a, b) => t(a.dueAt!) - t(b.dueAt!));
  const chasers = new Map<string, CommitmentView>();
  for (const s of tl.fromThem) {
    if (!CHASER_KINDS.has(s.kind)) continue;
    const chased = overdue.find((c) => t(s.occurredAt) > t(c.madeAt) && chasesPromise(c, s));
    if (chased) chasers.set(s.id, chased);
  }
  const out = { ours, overdue, chasers };
  memo.set(tl, out);
  return out;
}

/** Who a promise was made to: its counterparts first, then the account's people on the signal. */
function promisedTo(tl: Timeline, c: CommitmentView, s: Signal | undefined): string[] {
  const people = { account: tl.account, contacts: tl.contacts };
  const said = s?.insights?.commitments.find((x) => x.text === c.text);
  const onSignal = s?.kind === 'email' ? [...s.to, ...s.cc].map((p) => p.email)
    : s?.kind === 'meeting' ? s.attendees.map((a) => a.email).filter((e): e is string => Boolean(e)) : [];
  return unique([...(said?.counterparts ?? []), ...onSignal].filter((e) => isAccountEmail(e, people)));
}

/** "; Ashley Morgan asked after it on Sat 28 Nov" (the latest message chasing the worst promise, else any). */
function chasedLine(tl: Timeline, worst: CommitmentView, chasers: Signal[], promises: OurPromises): string {
  if (chasers.length === 0) return '';
  const own = chasers.filter((s) => promises.chasers.get(s.id) === worst);
  const latest = last(own.length ? own : chasers)!;
  const times = own.length > 1 ? ` ${own.length} times, last` : '';
  return `; ${who(tl, latest)} asked after ${own.length ? 'it' : 'another of them'}${times} on ${day(latest.occurredAt)}`;
}

export function overdueCommitment(tl: Timeline): FactorCheck {
  const promises = ourPromises(tl);
  const { ours, overdue } = promises;
  const upcoming = ours.filter((c) => c.status === 'open' && c.dueAt).map((c) => t(c.dueAt!));
  const next = upcoming.length ? Math.min(...upcoming) : undefined;
  const worst = overdue[0];
  if (!worst) return next === undefined ? NONE : notYet(next);
  const byId = new Map(tl.signals.map((s) => [s.id, s]));
  const chasers = tl.fromThem.filter((s) => promises.chasers.has(s.id));
  const people = { account: tl.account, contacts: tl.contacts };
  const chasedBy = chasers.map(senderOf).filter((e): e is string => e !== undefined && isAccountEmail(e, people));
  const contacts = unique([...overdue.flatMap((c) => promisedTo(tl, c, byId.get(c.signalId))), ...chasedBy]);
  const toWhom = promisedTo(tl, worst, byId.get(worst.signalId));
  const w = tl.config.weights.overdue_commitment;
  // Each promise beyond the first, and each time they had to ask after one, adds urgency (capped).
  return flagged({
    factor: 'overdue_commitment',
    weight: Math.min(w * 1.5, w + 5 * (overdue.length - 1) + 5 * chasers.length),
    explanation: `${worst.who ?? 'We'} promised${toWhom.length ? ` ${toWhom.map((e) => personLabel(tl, e)).join(' and ')}` : ''} on ${day(worst.madeAt)}: ${quote(worst.text)}; it was due ${day(worst.dueAt!)}, ${ago(tl.now - t(worst.dueAt!))} ago, and nothing since fulfils it${chasedLine(tl, worst, chasers, promises)}${overdue.length > 1 ? ` (${overdue.length} promises overdue)` : ''}`,
    evidence: unique([...overdue.map((c) => c.signalId), ...chasers.map((s) => s.id)]),
    contacts,
  }, next);
}
