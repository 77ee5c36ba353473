import type { Factor } from '../types.js';
import { commitmentsOf } from '../../commitments.js';
import { ago, t, type Timeline } from '../timeline.js';

/** Our promises past their due date with nothing since that fulfils them. */
export function overdueCommitment(tl: Timeline): Factor | null {
  const ours = commitmentsOf(tl.signals, tl.asOfIso).filter((c) => c.owner === 'us');
  const overdue = ours.filter((c) => c.status === 'overdue');
  const upcoming = ours.filter((c) => c.status === 'open' && c.dueAt).map((c) => t(c.dueAt!));
  const nextChangeAt = upcoming.length ? new Date(Math.min(...upcoming) + 60_000).toISOString() : undefined;
  if (overdue.length === 0) return nextChangeAt ? { factor: 'overdue_commitment', weight: 0, explanation: '', evidence: [], nextChangeAt } : null;
  const byId = new Map(tl.signals.map((s) => [s.id, s]));
  const contacts = new Set<string>();
  for (const c of overdue) {
    const s = byId.get(c.signalId);
    if (s?.kind === 'email') [...s.to, ...s.cc].forEach((p) => tl.account.domains.some((d) => p.email.endsWith(`@${d}`)) && contacts.add(p.email));
    if (s?.kind === 'meeting') s.attendees.forEach((a) => a.email && tl.account.domains.some((d) => a.email!.endsWith(`@${d}`)) && contacts.add(a.email));
  }
  const worst = overdue.reduce((a, b) => (t(a.dueAt!) < t(b.dueAt!) ? a : b));
  return {
    factor: 'overdue_commitment',
    weight: Math.min(tl.config.weights.overdue_commitment * 1.5, tl.config.weights.overdue_commitment + 5 * (overdue.length - 1)),
    explanation: `${overdue.length === 1 ? 'A promise is' : `${overdue.length} promises are`} overdue: ${worst.who ?? 'we'} said "${worst.text}" and it was due ${ago(tl.now - t(worst.dueAt!))} ago`,
    evidence: [...new Set(overdue.map((c) => c.signalId))],
    contacts: [...contacts],
    ...(nextChangeAt ? { nextChangeAt } : {}),
  };
}
