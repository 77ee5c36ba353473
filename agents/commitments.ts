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

/** A later message from the promising side that talks about the same thing fulfils the promise. */
function fulfilment(c: { text: string; owner: 'us' | 'them'; madeAt: string }, signals: Signal[], asOf: string): Signal | undefined {
  const want = new Set(keywords(c.text).filter((w) => !['send', 'will', "we'll", 'get', 'back', 'by', 'friday', 'monday', 'next', 'week'].includes(w)));
  if (want.size === 0) return undefined;
  return signals.find((s) => {
    if (s.occurredAt <= c.madeAt || s.occurredAt > asOf || sideOf(s) !== c.owner) return false;
    const text = s.kind === 'email' ? `${s.subject} ${s.text} ${(s.attachments ?? []).map((a) => a.name).join(' ')}` : 'text' in s ? String(s.text ?? '') : '';
    const have = new Set(keywords(text));
    const overlap = [...want].filter((w) => have.has(w)).length;
    return overlap >= Math.min(2, want.size);
  });
}

export function commitmentsOf(signals: Signal[], asOf: string): CommitmentView[] {
  const out: CommitmentView[] = [];
  for (const s of signals) {
    if (s.occurredAt > asOf) continue;
    for (const c of s.insights?.commitments ?? []) {
      const done = fulfilment({ ...c, madeAt: s.occurredAt }, signals, asOf);
      const status = done ? 'done' : c.dueAt && c.dueAt <= asOf ? 'overdue' : 'open';
      out.push({ text: c.text, owner: c.owner, who: c.who, dueAt: c.dueAt, signalId: s.id, madeAt: s.occurredAt, status, ...(done ? { fulfilledBy: done.id } : {}) });
    }
  }
  return out;
}
