// Scoring perception against the corpus (pure). Insights map to concepts as agreed for the corpus:
// - stakeholder_change: stakeholderChanges[] whose side is not 'us' and change is not 'bounced'
//   ('moved', an internal move, reads as role_changed); the name is the perceived name plus the name
//   of the contact its address belongs to;
// - commitment: commitments[] (owner, deliverable, the date part of dueAt);
// - competitor: competitors[] neither `replacing` nor in a 'replacing' or 'integration' context;
// - churn: churnIntent, or sentiment at or below the negative_sentiment factor's default threshold
//   (agents/risk/config.ts) with a negativeText;
// - request: `question`, or a non-empty `requests`;
// - expansion: expansion[] (team, seats);
// - buying: a non-empty buying[].
// Per item and concept, each expected concept is paired with the perceived one that agrees on the
// most fields: a pair is a true positive, an expected concept left over a false negative, a
// perceived one left over a false positive. A pair's fields are scored apart (field accuracy).
import type { Insights } from '../../agents/signals/schema.js';
import { CONCEPTS, type Concept, type Expected, type Item } from './corpus.js';

/** The negative_sentiment factor's default threshold (agents/risk/config.ts `sentiment.threshold`). */
export const CHURN_SENTIMENT_THRESHOLD = -0.25;

export interface Detection { concept: Concept; fields: Record<string, string | number | undefined>; dueDefaulted?: boolean }

const norm = (s: string) => s.normalize('NFC').toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `word` occurs in `text` as whole words (letters of any script), case-insensitive. */
export function hasWholeWord(text: string | undefined, word: string): boolean {
  if (!text) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(norm(word))}(?![\\p{L}\\p{N}])`, 'u').test(norm(text));
}

export interface Person { email: string; name?: string | null }

function nameOf(name: string | undefined, email: string | undefined, contacts: Person[]): string | undefined {
  const byEmail = email ? contacts.find((c) => c.email.toLowerCase() === email.toLowerCase())?.name ?? undefined : undefined;
  const both = [name, byEmail].filter(Boolean).join(' ');
  return both || undefined;
}

/** What perception claimed, as corpus concepts. */
export function detections(ins: Insights, contacts: Person[]): Detection[] {
  const out: Detection[] = [];
  for (const s of ins.stakeholderChanges ?? []) {
    if (s.side === 'us' || s.change === 'bounced') continue;
    out.push({ concept: 'stakeholder_change', fields: {
      change: s.change === 'moved' ? 'role_changed' : s.change,
      name: nameOf(s.name, s.contactEmail, contacts),
      successor: nameOf(s.successor?.name, s.successor?.email, contacts),
    } });
  }
  for (const c of ins.commitments ?? []) {
    out.push({ concept: 'commitment', fields: { owner: c.owner, deliverable: c.deliverable, due: c.dueAt?.slice(0, 10) }, dueDefaulted: c.dueDefaulted === true });
  }
  for (const c of ins.competitors ?? []) {
    if (c.replacing || c.context === 'replacing' || c.context === 'integration') continue;
    out.push({ concept: 'competitor', fields: { name: c.name } });
  }
  if (ins.churnIntent || ((ins.sentiment ?? 0) <= CHURN_SENTIMENT_THRESHOLD && ins.negativeText)) out.push({ concept: 'churn', fields: {} });
  if (ins.question || (ins.requests?.length ?? 0) > 0) out.push({ concept: 'request', fields: {} });
  for (const e of ins.expansion ?? []) out.push({ concept: 'expansion', fields: { team: e.team, seats: e.seats } });
  if ((ins.buying ?? []).length > 0) out.push({ concept: 'buying', fields: {} });
  return out;
}

/** The fields an expected concept states, each judged against one detection: true = right. */
export function fieldResults(exp: Expected, got: Detection): Record<string, boolean> {
  const f = got.fields;
  const r: Record<string, boolean> = {};
  switch (exp.concept) {
    case 'stakeholder_change':
      if (exp.change) r.change = f.change === (exp.change === 'moved' ? 'role_changed' : exp.change);
      if (exp.name) r.name = hasWholeWord(f.name as string | undefined, exp.name);
      if (exp.successor) r.successor = hasWholeWord(f.successor as string | undefined, exp.successor);
      break;
    case 'commitment':
      if (exp.owner) r.owner = f.owner === exp.owner;
      if (exp.deliverable) { const d = norm(String(f.deliverable ?? '')); r.deliverable = exp.deliverable.every((w) => d.includes(norm(w))); }
      // A defaulted due date is no claim about the date said, so it is not judged.
      if (exp.due && !got.dueDefaulted) r.due = f.due === exp.due;
      break;
    case 'competitor':
      if (exp.name) r.name = hasWholeWord(f.name as string | undefined, exp.name);
      break;
    case 'expansion':
      if (exp.team) r.team = hasWholeWord(f.team as string | undefined, exp.team);
      if (exp.seats !== undefined) r.seats = f.seats === exp.seats;
      break;
    default:
      break;
  }
  return r;
}

export interface Pair { expected: Expected; got: Detection; fields: Record<string, boolean> }
export interface ItemScore { id: string; pairs: Pair[]; missed: Expected[]; extra: Detection[] }

/** Pairs expected and perceived concepts within one item, greedily by the number of agreeing fields. */
export function scoreItem(item: Pick<Item, 'id' | 'expect'>, found: Detection[]): ItemScore {
  const left = [...found];
  const pairs: Pair[] = [];
  const missed: Expected[] = [];
  for (const exp of item.expect) {
    let best = -1;
    let bestScore = -1;
    left.forEach((d, i) => {
      if (d.concept !== exp.concept) return;
      const s = Object.values(fieldResults(exp, d)).filter(Boolean).length;
      if (s > bestScore) { best = i; bestScore = s; }
    });
    if (best < 0) { missed.push(exp); continue; }
    const [got] = left.splice(best, 1);
    pairs.push({ expected: exp, got, fields: fieldResults(exp, got) });
  }
  return { id: item.id, pairs, missed, extra: left };
}

export interface ConceptScore {
  concept: Concept;
  /** Expected occurrences of the concept in the half (positives). */
  expected: number;
  tp: number; fp: number; fn: number;
  /** null when nothing was detected (precision undefined). */
  precision: number | null;
  /** null when nothing was expected. */
  recall: number | null;
  /** 2TP / (2TP + FP + FN); null when there was nothing to find and nothing found. */
  f1: number | null;
  fields: Record<string, { correct: number; total: number }>;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function conceptScores(items: ItemScore[]): Record<Concept, ConceptScore> {
  const out = Object.fromEntries(CONCEPTS.map((c) => [c, { concept: c, expected: 0, tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null, fields: {} }])) as unknown as Record<Concept, ConceptScore>;
  for (const it of items) {
    for (const p of it.pairs) {
      const s = out[p.expected.concept];
      s.tp++; s.expected++;
      for (const [k, ok] of Object.entries(p.fields)) {
        s.fields[k] ??= { correct: 0, total: 0 };
        s.fields[k].total++;
        if (ok) s.fields[k].correct++;
      }
    }
    for (const m of it.missed) { out[m.concept].fn++; out[m.concept].expected++; }
    for (const x of it.extra) out[x.concept].fp++;
  }
  for (const s of Object.values(out)) {
    s.precision = ratio(s.tp, s.tp + s.fp);
    s.recall = ratio(s.tp, s.tp + s.fn);
    s.f1 = ratio(2 * s.tp, 2 * s.tp + s.fp + s.fn);
  }
  return out;
}

/** Whether an item was read exactly: nothing missed, nothing extra, every stated field right. */
export function isExact(s: ItemScore): boolean {
  return s.missed.length === 0 && s.extra.length === 0 && s.pairs.every((p) => Object.values(p.fields).every(Boolean));
}
