// Who promised what, by when. Dates come from chrono-node, relative to when it was said.
import * as chrono from 'chrono-node';
import type { Utterance } from './text.js';
import { sentences } from '../evidence.js';

export interface PerceivedCommitment { text: string; owner: 'us' | 'them'; who?: string; dueAt?: string; counterparts?: string[] }

const PROMISE = /\b(?:i|we)(?:'ll|\s+will|\s+shall|'m going to|\s+am going to|'re going to|\s+are going to|\s+can)\s+(?:\w+\s+){0,2}?(send|share|get|provide|deliver|follow up|circle back|return|complete|finish|set up|schedule|review|prepare|update|confirm|loop in|introduce|draft|have|book|check|sign)\b/i;
const NOT_A_PROMISE = /\b(if|whether|could you|can you|would you|let me know if|happy to)\b/i;
const DEFAULT_DUE_BUSINESS_DAYS = 3;

function endOfBusiness(d: Date): Date {
  const x = new Date(d);
  x.setUTCHours(17, 0, 0, 0);
  return x;
}

function addBusinessDays(from: Date, n: number): Date {
  const d = new Date(from);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return endOfBusiness(d);
}

export function dueDateOf(sentence: string, said: Date): { dueAt: Date; explicit: boolean } {
  const parsed = chrono.parse(sentence, { instant: said, timezone: 'UTC' }, { forwardDate: true })[0];
  if (parsed) {
    const d = parsed.start.date();
    return { dueAt: parsed.start.isCertain('hour') ? d : endOfBusiness(d), explicit: true };
  }
  return { dueAt: addBusinessDays(said, DEFAULT_DUE_BUSINESS_DAYS), explicit: false };
}

/**
 * `recipients`: for a message, who it was sent to on each side. In a call, the promise is made to
 * whoever on the other side spoke just before (the person who asked).
 */
export function findCommitments(parts: Utterance[], occurredAt: string, recipients?: { us: string[]; them: string[] }): PerceivedCommitment[] {
  const said = new Date(occurredAt);
  const out: PerceivedCommitment[] = [];
  for (const [i, u] of parts.entries()) {
    if (u.side === 'unknown') continue;
    const asker = parts.slice(0, i).reverse().find((p) => p.side !== u.side && p.side !== 'unknown' && p.email);
    const counterparts = recipients ? (u.side === 'us' ? recipients.them : recipients.us) : asker?.email ? [asker.email] : [];
    for (const s of sentences(u.text)) {
      if (!PROMISE.test(s) || NOT_A_PROMISE.test(s) || s.endsWith('?')) continue;
      const { dueAt } = dueDateOf(s, said);
      out.push({ text: s, owner: u.side, who: u.speaker, dueAt: dueAt.toISOString(), ...(counterparts.length ? { counterparts } : {}) });
    }
  }
  return out;
}
