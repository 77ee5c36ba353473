// Composing a CSM's renewal-risk brief: pure, from what the caller has read. The accounts that
// renew within the window at `minLevel` or worse, ranked by risk weighted by how soon they renew;
// each with its top factors (cited), its open recommendations ranked as the plan; then what changed
// since the previous brief and which accounts got better.
import { RISK_LEVELS, type RiskLevel } from '../vocabulary.js';
import type { BriefAccount, BriefAccountInput, BriefChanges, BriefContent, BriefFactor, Citation, ComposeBriefInput, ImprovedAccount, SignalRef } from './types.js';

export const DEFAULT_WINDOW_DAYS = 120;
export const DEFAULT_MIN_LEVEL: RiskLevel = 'medium';
const DAY_MS = 86_400_000;
/** A score this much lower than in the previous brief counts as better even at the same level. */
export const IMPROVED_BY_POINTS = 10;

export const levelRank = (l: string): number => RISK_LEVELS.indexOf(l as RiskLevel);
const asLevel = (l: string): RiskLevel => (levelRank(l) >= 0 ? (l as RiskLevel) : 'low');

/** Whole days from `asOf` to `date` (rounded up: a renewal later today is 0 days away, tomorrow 1). */
export function daysBetween(asOf: string, date: string): number {
  return Math.ceil((Date.parse(date) - Date.parse(asOf)) / DAY_MS - 1e-9);
}

/** Risk score weighted by urgency: half the weight is the score alone, half grows as the renewal nears. */
export function urgencyOf(score: number, daysLeft: number, windowDays: number): number {
  const nearness = 1 - Math.min(Math.max(daysLeft, 0), windowDays) / windowDays;
  return Math.round(score * (0.5 + 0.5 * nearness) * 10) / 10;
}

/** One line of a signal's text, cut at a word near `max` characters. */
export function excerptOf(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

function cite(ids: string[], signals: Record<string, SignalRef>): Citation[] {
  return ids.flatMap((id) => {
    const s = signals[id];
    return s ? [{ signalId: id, kind: s.kind, excerpt: excerptOf(s.text), occurredAt: s.occurredAt }] : [];
  }).sort((a, b) => Date.parse(b.occurredAt ?? '') - Date.parse(a.occurredAt ?? ''));
}

function inBrief(a: BriefAccountInput, asOf: string, windowDays: number, minLevel: RiskLevel): boolean {
  if (!a.assessment || !a.account.renewalDate) return false;
  const days = daysBetween(asOf, a.account.renewalDate);
  return days >= 0 && days <= windowDays && levelRank(a.assessment.level) >= levelRank(minLevel);
}

export function composeBrief(input: ComposeBriefInput): BriefContent {
  const windowDays = input.windowDays ?? DEFAULT_WINDOW_DAYS;
  const minLevel = input.minLevel ?? DEFAULT_MIN_LEVEL;
  const maxFactors = input.maxFactors ?? 3;
  const maxActions = input.maxActions ?? 3;
  const prev = input.previous?.content ?? null;
  const prevById = new Map((prev?.accounts ?? []).map((a) => [a.accountId, a]));

  const accounts: BriefAccount[] = input.accounts
    .filter((a) => inBrief(a, input.asOf, windowDays, minLevel))
    .map((a) => {
      const as = a.assessment!;
      const daysLeft = daysBetween(input.asOf, a.account.renewalDate!);
      const before = prevById.get(a.account.id);
      const beforeFactors = new Set(before?.factors.map((f) => f.factor) ?? []);
      const factors: BriefFactor[] = [...as.factors]
        .filter((f) => f.weight > 0)
        .sort((x, y) => y.weight - x.weight || x.factor.localeCompare(y.factor))
        .slice(0, maxFactors)
        .map((f) => ({ factor: f.factor, weight: f.weight, explanation: f.explanation, evidence: cite(f.evidence, input.signals), isNew: Boolean(prev) && !beforeFactors.has(f.factor) }));
      const plan = [...a.recommendations]
        .sort((x, y) => y.priority - x.priority || (x.dueAt ?? '9').localeCompare(y.dueAt ?? '9') || x.id.localeCompare(y.id))
        .slice(0, maxActions)
        .map((r) => ({
          recommendationId: r.id, title: r.title, kind: r.kind, priority: r.priority, dueAt: r.dueAt,
          evidence: r.evidence.map((e) => ({ signalId: e.signalId, kind: input.signals[e.signalId]?.kind, excerpt: excerptOf(e.excerpt), occurredAt: e.occurredAt ?? input.signals[e.signalId]?.occurredAt })),
        }));
      return {
        accountId: a.account.id, name: a.account.name, renewalDate: a.account.renewalDate!, daysLeft,
        score: as.score, level: asLevel(as.level), previousScore: before?.score ?? null, previousLevel: before?.level ?? null,
        assessmentId: as.id, assessedAt: as.asOf, urgency: urgencyOf(as.score, daysLeft, windowDays), factors, plan,
      };
    })
    .sort((x, y) => y.urgency - x.urgency || x.daysLeft - y.daysLeft || x.name.localeCompare(y.name));

  const changes = changesSince(input, accounts, prev);
  const improved = improvedSince(input, prev);
  return {
    version: 1,
    csm: input.csm,
    asOf: input.asOf,
    windowDays,
    minLevel,
    previous: input.previous ? { briefId: input.previous.id, asOf: input.previous.content.asOf } : null,
    headline: headlineOf(accounts, changes, improved, windowDays),
    accounts,
    changes,
    improved,
  };
}

function changesSince(input: ComposeBriefInput, accounts: BriefAccount[], prev: BriefContent | null): BriefChanges {
  const out: BriefChanges = { newFactors: [], resolvedFactors: [], levelChanges: [], newSignals: [] };
  if (!prev) return out;
  const byId = new Map(input.accounts.map((a) => [a.account.id, a]));
  const prevById = new Map(prev.accounts.map((p) => [p.accountId, p]));
  for (const a of accounts) {
    const before = prevById.get(a.accountId);
    for (const f of a.factors.filter((x) => x.isNew)) {
      out.newFactors.push({ accountId: a.accountId, accountName: a.name, factor: f.factor, explanation: f.explanation, evidence: f.evidence });
    }
    if (before && before.level !== a.level) {
      out.levelChanges.push({ accountId: a.accountId, accountName: a.name, from: before.level, to: a.level, scoreFrom: before.score, scoreTo: a.score, assessmentId: a.assessmentId });
    }
  }
  // Resolved: a factor of the previous brief that the account's latest assessment no longer has.
  for (const p of prev.accounts) {
    const now = byId.get(p.accountId)?.assessment;
    if (!now) continue;
    const holding = new Set<string>(now.factors.filter((f) => f.weight > 0).map((f) => f.factor));
    for (const f of p.factors) {
      if (!holding.has(f.factor)) out.resolvedFactors.push({ accountId: p.accountId, accountName: p.name, factor: f.factor, explanation: f.explanation, evidence: f.evidence });
    }
  }
  // New signals of note: evidence of what the brief lists that arrived after the previous brief.
  const since = Date.parse(prev.asOf);
  const seen = new Set<string>();
  for (const a of accounts) {
    for (const c of [...a.factors.flatMap((f) => f.evidence), ...a.plan.flatMap((r) => r.evidence)]) {
      if (seen.has(c.signalId) || !c.occurredAt || Date.parse(c.occurredAt) <= since) continue;
      seen.add(c.signalId);
      out.newSignals.push({ accountId: a.accountId, accountName: a.name, citation: c });
    }
  }
  out.newSignals.sort((x, y) => Date.parse(y.citation.occurredAt!) - Date.parse(x.citation.occurredAt!));
  out.newSignals.splice(input.maxNewSignals ?? 8);
  return out;
}

function improvedSince(input: ComposeBriefInput, prev: BriefContent | null): ImprovedAccount[] {
  if (!prev) return [];
  const byId = new Map(input.accounts.map((a) => [a.account.id, a]));
  const out: ImprovedAccount[] = [];
  for (const p of prev.accounts) {
    const now = byId.get(p.accountId)?.assessment;
    if (!now) continue;
    const lower = levelRank(now.level) < levelRank(p.level);
    if (!lower && p.score - now.score < IMPROVED_BY_POINTS) continue;
    const holding = new Set<string>(now.factors.filter((f) => f.weight > 0).map((f) => f.factor));
    out.push({
      accountId: p.accountId, name: p.name, from: p.level, to: asLevel(now.level), scoreFrom: p.score, scoreTo: now.score, assessmentId: now.id,
      resolved: p.factors.filter((f) => !holding.has(f.factor)).map((f) => ({ factor: f.factor, evidence: f.evidence })),
    });
  }
  return out.sort((x, y) => (y.scoreFrom - y.scoreTo) - (x.scoreFrom - x.scoreTo) || x.name.localeCompare(y.name));
}

function headlineOf(accounts: BriefAccount[], changes: BriefChanges, improved: ImprovedAccount[], windowDays: number): string {
  if (accounts.length === 0) return `No account you cover renews within ${windowDays} days at medium risk or worse.`;
  const worst = accounts[0];
  const n = accounts.length;
  const parts = [`${n} renewal${n === 1 ? '' : 's'} at risk within ${windowDays} days; most urgent: ${worst.name} (${worst.level}, ${worst.score}/100, ${worst.daysLeft} days left).`];
  const worse = changes.levelChanges.filter((c) => levelRank(c.to) > levelRank(c.from)).length;
  if (worse) parts.push(`${worse} got worse.`);
  if (improved.length) parts.push(`${improved.length} got better.`);
  return parts.join(' ');
}
