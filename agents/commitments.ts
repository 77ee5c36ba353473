// Every promise perceived on the account, with whether it is open, overdue or done. Pure.
import type { Signal } from './signals/schema.js';
import { keywords } from './evidence.js';

export interface CommitmentView {
  text: string;
  owner: 'us' | 'them';
  who?: string;
  dueAt?: string;
  signalId: string;
  madeAt: string;
  status: 'open' | 'overdue' | 'done';
  fulfilledBy?: string;
}

function sideOf(s: Signal): 'us' | 'them' | null {
  if (s.kind === 'email') return s.direction === 'outbound' ? 'us' : 'them';
  if (s.kind === 'chat' || s.kind === 'engagement') return 'them';
  return null;
}

const GENERIC = new Set(['send', 'will', "we'll", 'get', 'back', 'by', 'friday', 'monday', 'next', 'week']);

/** Keyword sets per signal, computed once per call: a large account has thousands of signals. */
function keywordCache() {
  const cache = new Map<string, Set<string>>();
  return (s: Signal) => {
    let k = cache.get(s.id);
    if (!k) {
      const text = s.kind === 'email' ? `${s.subject} ${s.text} ${(s.attachments ?? []).map((a) => a.name).join(' ')}` : 'text' in s ? String(s.text ?? '') : '';
      k = new Set(keywords(text));
      cache.set(s.id, k);
    }
    return k;
  };
}

const DELIVERY = /\b(attached|attaching|here (is|are)|as promised|please find|enclosed|sending (you|over)|i've sent|we've sent)\b/i;
const GRACE_MS = 2 * 86_400_000;

/**
 * A later message from the promising side fulfils the promise when it talks about the same thing,
 * or when it delivers something ("attached are our answers…") to the person the promise was made
 * to, by the due date or shortly after — people rarely repeat their own words when they deliver.
 */
function fulfilment(c: { text: string; owner: 'us' | 'them'; madeAt: string; dueAt?: string; counterparts?: string[] }, later: Signal[], asOf: string, kw: (s: Signal) => Set<string>): Signal | undefined {
  const want = [...new Set(keywords(c.text).filter((w) => !GENERIC.has(w)))];
  const need = Math.min(2, want.length);
  const deadline = c.dueAt ? Date.parse(c.dueAt) + GRACE_MS : Number.POSITIVE_INFINITY;
  return later.find((s) => {
    if (s.occurredAt <= c.madeAt || s.occurredAt > asOf || sideOf(s) !== c.owner) return false;
    if (s.kind === 'email' && c.counterparts?.length && Date.parse(s.occurredAt) <= deadline
      && s.to.some((p) => c.counterparts!.includes(p.email)) && DELIVERY.test(s.text)) return true;
    if (want.length === 0) return false;
    const have = kw(s);
    let overlap = 0;
    for (const w of want) if (have.has(w) && (overlap += 1) >= need) return true;
    return false;
  });
}

export function commitmentsOf(signals: Signal[], asOf: string): CommitmentView[] {
  const out: CommitmentView[] = [];
  const kw = keywordCache();
  const sorted = [...signals].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  for (const [i, s] of sorted.entries()) {
    if (s.occurredAt > asOf) continue;
    for (const c of s.insights?.commitments ?? []) {
      const done = fulfilment({ ...c, madeAt: s.occurredAt }, sorted.slice(i + 1), asOf, kw);
      const status = done ? 'done' : c.dueAt && c.dueAt <= asOf ? 'overdue' : 'open';
      out.push({ text: c.text, owner: c.owner, who: c.who, dueAt: c.dueAt, signalId: s.id, madeAt: s.occurredAt, status, ...(done ? { fulfilledBy: done.id } : {}) });
    }
  }
  return out;
}
