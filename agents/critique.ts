// The critic, pure: validate, keep drafts addressed inside the account, dedupe, suppress what a
// human rejected, cap, rank, and decide which open recommendations the situation no longer supports.
import { ProposedRecommendation } from './recommendation.js';
import { matchesDomain } from './signals/direction.js';

export interface ExistingRecommendation {
  id: string;
  kind: string;
  target: string;
  status: string;
  statusReason: string | null;
  snoozedUntil: string | null;
  decidedAt: string | null;
  updatedAt: string;
}

export interface CritiqueOptions { maxOpen: number }
export const DEFAULT_CRITIQUE: CritiqueOptions = { maxOpen: 5 };

export interface CritiqueResult {
  publish: ProposedRecommendation[];
  expire: string[];
  dropped: Array<{ kind: string; target: string; why: string }>;
}

const DAY = 86_400_000;

/**
 * Who a draft may be addressed to: the account's contacts, addresses at its domains (and their
 * subdomains), and our own domains. Whatever a reasoner returns (a model may follow an instruction
 * hidden in an email), a draft never leaves with anyone else on it.
 */
export interface DraftAudience {
  accountDomains: readonly string[];
  ourDomains: readonly string[];
  contactEmails: readonly string[];
}

/** One bare address: no display name, list, header line or quoting, which a mailer would read as more. */
const BARE_ADDRESS = /^[^\s@<>,;:"'()[\]\\]+@[^\s@<>,;:"'()[\]\\]+$/u;

export function recipientAllowed(address: string, audience: DraftAudience): boolean {
  const a = address.trim().toLowerCase();
  if (!BARE_ADDRESS.test(a)) return false;
  if (audience.contactEmails.some((c) => c.trim().toLowerCase() === a)) return true;
  return matchesDomain(a, [...audience.accountDomains, ...audience.ourDomains]);
}

/** The recommendation with its draft's recipients cut to the audience (a draft left with nobody stays, for the rep to address). */
function keepDraftInside(r: ProposedRecommendation, audience: DraftAudience, dropped: CritiqueResult['dropped']): ProposedRecommendation {
  if (!r.draft) return r;
  const to = [...new Set(r.draft.to.filter((x) => recipientAllowed(x, audience)).map((x) => x.trim().toLowerCase()))];
  const removed = r.draft.to.filter((x) => !recipientAllowed(x, audience));
  if (removed.length) dropped.push({ kind: r.kind, target: r.target, why: `draft recipient(s) outside the account and our domains removed: ${removed.map((x) => JSON.stringify(x)).join(', ')}` });
  return removed.length || to.length !== r.draft.to.length ? { ...r, draft: { ...r.draft, to } } : r;
}

/** How long a rejection keeps the same (kind, target) quiet, by the reason the human gave. */
export function suppressionDays(reason: string | null): number {
  // The reason codes (not_relevant, already_done, wrong_timing, wrong_contact) read like the words.
  const r = (reason ?? '').toLowerCase().replace(/_/g, ' ');
  if (/later|timing|not now|too early|next (week|month)/.test(r)) return 7;
  if (/not relevant|irrelevant|wrong|not applicable|bad idea|never/.test(r)) return 30;
  if (/already|done|handled|sent it|did it/.test(r)) return 14;
  return 14;
}

const key = (r: { kind: string; target: string }) => `${r.kind}\u0000${r.target}`;

export function critique(
  proposals: unknown[], existing: ExistingRecommendation[], asOf: string, opts: CritiqueOptions = DEFAULT_CRITIQUE,
  audience?: DraftAudience,
): CritiqueResult {
  const dropped: CritiqueResult['dropped'] = [];
  const now = Date.parse(asOf);
  const byKey = new Map<string, ProposedRecommendation>();
  for (const p of proposals) {
    const parsed = ProposedRecommendation.safeParse(p);
    if (!parsed.success) {
      const raw = p as { kind?: string; target?: string };
      dropped.push({ kind: String(raw?.kind), target: String(raw?.target), why: `invalid: ${parsed.error.issues[0]?.message}` });
      continue;
    }
    const r = audience ? keepDraftInside(parsed.data, audience, dropped) : parsed.data;
    const prev = byKey.get(key(r));
    if (!prev) { byKey.set(key(r), r); continue; }
    // Same action for two reasons: one recommendation answering both, with the higher priority.
    const [hi, lo] = prev.priority >= r.priority ? [prev, r] : [r, prev];
    byKey.set(key(r), {
      ...hi,
      factors: [...new Set([...hi.factors, ...lo.factors])],
      evidence: [...hi.evidence, ...lo.evidence.filter((e) => !hi.evidence.some((x) => x.signalId === e.signalId))].slice(0, 8),
      rationale: hi.rationale.length + lo.rationale.length < 3900 ? `${hi.rationale} Also: ${lo.rationale}` : hi.rationale,
    });
  }

  const candidates: ProposedRecommendation[] = [];
  for (const r of byKey.values()) {
    const decided = existing.filter((e) => key(e) === key(r) && e.decidedAt);
    const rejected = decided.find((e) => e.status === 'rejected' && now - Date.parse(e.decidedAt!) < suppressionDays(e.statusReason) * DAY);
    if (rejected) { dropped.push({ kind: r.kind, target: r.target, why: `rejected ${rejected.decidedAt}: ${rejected.statusReason ?? 'no reason'}` }); continue; }
    const inFlight = decided.find((e) => ['approved', 'edited', 'done'].includes(e.status) && now - Date.parse(e.decidedAt!) < 3 * DAY);
    if (inFlight) { dropped.push({ kind: r.kind, target: r.target, why: `already ${inFlight.status}` }); continue; }
    candidates.push(r);
  }
  candidates.sort((a, b) => b.priority - a.priority || a.dueAt.localeCompare(b.dueAt) || a.kind.localeCompare(b.kind));
  const publish = candidates.slice(0, opts.maxOpen);
  for (const r of candidates.slice(opts.maxOpen)) dropped.push({ kind: r.kind, target: r.target, why: `below the top ${opts.maxOpen}` });

  const kept = new Set(publish.map(key));
  const expire = existing
    .filter((e) => e.status === 'proposed' && !kept.has(key(e)))
    .map((e) => e.id);
  return { publish, expire, dropped };
}
