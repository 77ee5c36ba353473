// Every two-way conversation lately was with one person, while the account has more people we know
// or a proposal is on the table (customers: once the renewal is in view). With one known contact a
// demo-stage deal is not yet single-threaded: the buying group is still being found. Engaged means
// spoke to us, or was brought into the conversation by their own side: written to while we are
// copied, forwarded our thread, named while copied ("Erik, could you check…"), or introduced by
// name and then addressed. A colleague left on a reply-all, or one only we wrote to, is not engaged.
import { broughtIn, introducedIn, participants } from '../../stakeholders.js';
import { isAccountEmail } from '../../perception/utterances.js';
import { NONE, flagged, type FactorCheck } from '../check.js';
import type { Signal } from '../../signals/schema.js';
import { DAY, contactOf, t, unreachable, within, type Timeline } from '../timeline.js';
import { personLabel } from '../explain.js';

const LATE_STAGES = new Set(['proposal', 'negotiation']);
const WATCHED = new Set(['discovery', 'demo', 'proposal', 'negotiation', 'customer']);

/** Whether the one voice brought a colleague into the conversation within the window (see the top). */
function engagedBeyond(tl: Timeline, recent: Signal[], voice: string): boolean {
  const people = { account: tl.account, contacts: tl.contacts };
  const gone = unreachable(tl);
  const isTheirs = (e: string) => isAccountEmail(e, people) && !gone.has(e.toLowerCase());
  const other = (e: string) => e !== voice;
  const nameOf = (e: string) => contactOf(tl, e)?.name;
  for (const s of recent) {
    if (broughtIn(s, isTheirs, nameOf).some(other)) return true;
    const introduced = new Set(introducedIn(s, isTheirs, tl.contacts.filter((c) => c.status === 'active')).filter(other));
    if (introduced.size === 0) continue;
    // Introduced, then addressed: a later email (ours or theirs) has them among its recipients.
    const addressed = tl.human.some((o) => o.kind === 'email' && t(o.occurredAt) > t(s.occurredAt)
      && [...o.to, ...o.cc].some((p) => introduced.has(p.email.toLowerCase())));
    if (addressed) return true;
  }
  return false;
}

export function singleThreaded(tl: Timeline): FactorCheck {
  const stage = tl.account.stage;
  if (!WATCHED.has(stage)) return NONE;
  if (stage === 'customer') {
    const renewal = tl.account.renewalDate ? t(tl.account.renewalDate) : Number.POSITIVE_INFINITY;
    if (renewal - tl.now > tl.config.renewal.windowsDays[0] * DAY) return NONE;
  }
  const people = { account: tl.account, contacts: tl.contacts };
  const voices = new Map<string, string[]>();
  const recent = within(tl, tl.fromThem, tl.config.singleThreaded.days);
  for (const s of recent) {
    for (const e of participants(s).from.filter((x) => isAccountEmail(x, people))) voices.set(e, [...(voices.get(e) ?? []), s.id]);
  }
  if (voices.size !== 1) return NONE;
  if (engagedBeyond(tl, recent, voices.keys().next().value!)) return NONE;
  const active = tl.contacts.filter((c) => c.status === 'active');
  if (active.length < tl.config.singleThreaded.minContacts && !LATE_STAGES.has(stage)) return NONE;
  const [email, ids] = [...voices.entries()][0];
  const others = active.filter((c) => c.email !== email);
  return flagged({
    factor: 'single_threaded',
    weight: tl.config.weights.single_threaded,
    explanation: `In the last ${tl.config.singleThreaded.days} days every conversation with ${tl.account.name} was with one person, ${personLabel(tl, email)}${others.length ? `; ${others.length === 1 ? `${personLabel(tl, others[0].email)} is` : `${others.length} other known contacts are`} not engaged` : ''}`,
    evidence: ids.slice(-3),
    contacts: [email],
  });
}
