// Every two-way conversation lately was with one person, while the account has more people we know
// or a proposal is on the table (customers: once the renewal is in view). With one known contact a
// demo-stage deal is not yet single-threaded: the buying group is still being found.
import { participants } from '../../stakeholders.js';
import { isAccountEmail } from '../../perception/utterances.js';
import { NONE, flagged, type FactorCheck } from '../check.js';
import { DAY, t, within, type Timeline } from '../timeline.js';
import { personLabel } from '../explain.js';

const LATE_STAGES = new Set(['proposal', 'negotiation']);
const WATCHED = new Set(['discovery', 'demo', 'proposal', 'negotiation', 'customer']);

export function singleThreaded(tl: Timeline): FactorCheck {
  const stage = tl.account.stage;
  if (!WATCHED.has(stage)) return NONE;
  if (stage === 'customer') {
    const renewal = tl.account.renewalDate ? t(tl.account.renewalDate) : Number.POSITIVE_INFINITY;
    if (renewal - tl.now > tl.config.renewal.windowsDays[0] * DAY) return NONE;
  }
  const people = { account: tl.account, contacts: tl.contacts };
  const voices = new Map<string, string[]>();
  for (const s of within(tl, tl.fromThem, tl.config.singleThreaded.days)) {
    for (const e of participants(s).from.filter((x) => isAccountEmail(x, people))) voices.set(e, [...(voices.get(e) ?? []), s.id]);
  }
  if (voices.size !== 1) return NONE;
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
