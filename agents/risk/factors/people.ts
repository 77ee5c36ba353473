// The people: champion changes, who owns the account, how many threads, who went silent.
import type { Factor } from '../types.js';
import type { Signal } from '../../signals/schema.js';
import { DAY, ago, contactLabel, days, iso, last, t, type Timeline } from '../timeline.js';

const WATCHED_ROLES = new Set(['procurement', 'security', 'legal', 'economic_buyer', 'decision_maker', 'technical_evaluator', 'executive_sponsor']);
const DEAL_STAGES = new Set(['qualified', 'discovery', 'demo', 'proposal', 'negotiation']);
const LATE_STAGES = new Set(['proposal', 'negotiation']);

export function championChange(tl: Timeline): Factor | null {
  const champions = tl.contacts.filter((c) => c.role === 'champion');
  const evidence: Signal[] = [];
  const gone: string[] = [];
  const lines: string[] = [];
  for (const c of champions) {
    const change = [...tl.signals].reverse().find((s) => (s.insights?.stakeholderChanges ?? []).some((ch) => ch.contactEmail === c.email && ['left', 'moved', 'bounced'].includes(ch.change))
      || (s.kind === 'crm' && s.contactEmail === c.email && (s.change === 'contact_left' || (s.change === 'contact_role' && s.from === 'champion'))));
    if (!change && c.status === 'active') continue;
    const what = change?.insights?.stakeholderChanges?.find((ch) => ch.contactEmail === c.email)?.change ?? (change?.kind === 'crm' ? (change.change === 'contact_left' ? 'left' : 'role_changed') : c.status);
    gone.push(c.email);
    if (change) evidence.push(change);
    lines.push(`champion ${c.name ?? c.email} has ${what === 'moved' ? 'moved to another role' : what === 'left' ? 'left the company' : what === 'bounced' ? 'an address that bounces' : 'changed role'}${change ? ` (${ago(tl.now - t(change.occurredAt))} ago)` : ''}`);
  }
  if (gone.length === 0) return null;
  const replacement = tl.contacts.some((c) => c.role === 'champion' && c.status === 'active' && !gone.includes(c.email));
  return {
    factor: 'champion_change',
    weight: tl.config.weights.champion_change * (replacement ? 0.5 : 1),
    explanation: `${lines.join('; ')}${replacement ? '' : '; no other champion is engaged'}`.replace(/^./, (x) => x.toUpperCase()),
    evidence: evidence.map((s) => s.id),
    contacts: gone,
  };
}

export function ownerGap(tl: Timeline): Factor | null {
  if (tl.account.stage === 'closed_lost') return null;
  const ownerChanges = tl.signals.filter((s): s is Extract<Signal, { kind: 'crm' }> => s.kind === 'crm' && s.change === 'owner');
  const latest = last(ownerChanges);
  if (latest && !latest.to) {
    return {
      factor: 'owner_gap',
      weight: tl.config.weights.owner_gap,
      explanation: `${latest.from ? `${latest.from} no longer covers` : 'Nobody covers'} ${tl.account.name} since ${ago(tl.now - t(latest.occurredAt))} ago${latest.text ? ` (${latest.text.replace(/\.$/, '')})` : ''}; no one has been assigned`,
      evidence: [latest.id],
    };
  }
  if (!tl.account.ownerId) {
    const ev = last(tl.signals);
    return {
      factor: 'owner_gap',
      weight: tl.config.weights.owner_gap,
      explanation: `${tl.account.name} has no owner assigned`,
      evidence: ev ? [ev.id] : [],
    };
  }
  return null;
}

export function singleThreaded(tl: Timeline): Factor | null {
  if (['lead', 'qualified', 'closed_lost', 'closed_won'].includes(tl.account.stage)) return null;
  // For a customer, one thread matters when the renewal comes into view.
  if (tl.account.stage === 'customer') {
    const renewal = tl.account.renewalDate ? t(tl.account.renewalDate) : Number.POSITIVE_INFINITY;
    if (renewal - tl.now > tl.config.renewalWindowsDays[0] * DAY) return null;
  }
  const since = tl.now - tl.config.singleThreadedDays * DAY;
  const people = new Map<string, Signal[]>();
  for (const s of tl.fromThem) {
    if (t(s.occurredAt) < since) continue;
    const emails = s.kind === 'email' ? [s.from.email] : s.kind === 'chat' && s.author.email ? [s.author.email]
      : s.kind === 'meeting' ? s.attendees.map((a) => a.email).filter((e): e is string => Boolean(e) && tl.account.domains.some((d) => e!.endsWith(`@${d}`))) : [];
    for (const e of emails) people.set(e, [...(people.get(e) ?? []), s]);
  }
  if (people.size !== 1) return null;
  const active = tl.contacts.filter((c) => c.status === 'active');
  // With one known contact, only a late-stage deal is clearly single-threaded.
  if (active.length < 2 && !LATE_STAGES.has(tl.account.stage)) return null;
  const [email, signals] = [...people.entries()][0];
  const c = tl.contacts.find((x) => x.email === email);
  return {
    factor: 'single_threaded',
    weight: tl.config.weights.single_threaded,
    explanation: `In the last ${tl.config.singleThreadedDays} days every conversation with ${tl.account.name} was with one person, ${c ? contactLabel(c) : email}${active.length > 1 ? `, although ${active.length} contacts are known` : ''}`,
    evidence: signals.slice(-3).map((s) => s.id),
    contacts: [email],
  };
}

export function stakeholderSilent(tl: Timeline): Factor | null {
  if (!DEAL_STAGES.has(tl.account.stage)) return null;
  const limit = tl.config.stakeholderSilentDays;
  const active = tl.stakeholders.filter((s) => s.status === 'active');
  const someoneActive = active.some((s) => s.daysSinceHeard !== null && s.daysSinceHeard < limit);
  const first = tl.signals[0];
  if (!someoneActive || !first || days(tl.now - t(first.occurredAt)) < limit) return null;
  // Only people who were part of the conversation can go silent; never-engaged ones are single-threading.
  const silent = active.filter((s) => s.role && WATCHED_ROLES.has(s.role) && (s.lastFromThem || s.lastToThem) && (s.daysSinceHeard === null || s.daysSinceHeard >= limit));
  if (silent.length === 0) {
    // When would the first watched stakeholder cross the line?
    const next = active.filter((s) => s.role && WATCHED_ROLES.has(s.role) && s.lastFromThem).map((s) => t(s.lastFromThem!.at) + limit * DAY);
    return next.length ? { factor: 'stakeholder_silent', weight: 0, explanation: '', evidence: [], nextChangeAt: iso(Math.min(...next) + 60_000) } : null;
  }
  const evidence = silent.map((s) => s.lastFromThem?.signalId ?? s.lastToThem?.signalId).filter((x): x is string => Boolean(x));
  return {
    factor: 'stakeholder_silent',
    weight: Math.min(tl.config.weights.stakeholder_silent + 5 * (silent.length - 1), tl.config.weights.stakeholder_silent * 2),
    explanation: `${silent.map((s) => `${contactLabel(s)} ${s.daysSinceHeard === null ? `has not replied since we wrote ${Math.floor(days(tl.now - t(s.lastToThem!.at)))} days ago` : `silent for ${s.daysSinceHeard} days`}`).join(', ')} while others at ${tl.account.name} are active`,
    evidence: [...new Set(evidence)],
    contacts: silent.map((s) => s.email),
  };
}
