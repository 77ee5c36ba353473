// What every answer handler shares: the citations it collects (each a verbatim quote of a signal of
// the account), how people and signals are named, and "3 days ago".
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import type { MemoryHit } from '../graph/deps.js';
import { excerptFor } from '../evidence.js';
import { daysBetween, personName } from '../reasoners/describe.js';

export interface Citation { signalId: string; excerpt: string; occurredAt: string }

export class Cites {
  private list: Citation[] = [];
  add(s: Signal | undefined, hint = ''): void {
    if (!s || this.list.some((c) => c.signalId === s.id)) return;
    this.list.push({ signalId: s.id, excerpt: excerptFor(s, hint), occurredAt: s.occurredAt });
  }
  addQuote(s: Signal, excerpt: string): void {
    if (this.list.some((c) => c.signalId === s.id)) return;
    this.list.push({ signalId: s.id, excerpt, occurredAt: s.occurredAt });
  }
  addHit(h: MemoryHit): void {
    if (this.list.some((c) => c.signalId === h.signalId)) return;
    this.list.push({ signalId: h.signalId, excerpt: h.excerpt, occurredAt: h.occurredAt });
  }
  get all(): Citation[] { return this.list; }
}

export const label = (c: Pick<Contact, 'email' | 'name' | 'title' | 'role'>) =>
  `${personName(c)}${c.title || c.role ? ` (${[c.title, c.role?.replace(/_/g, ' ')].filter(Boolean).join(', ')})` : ''}`;

export function ago(iso: string, asOf: string): string {
  const d = daysBetween(iso, asOf);
  return d <= 0 ? 'today' : d === 1 ? 'yesterday' : `${d} days ago`;
}

/** A signal by its kind and subject: `email "Pricing" from Marta Silva`. */
export function describeSignal(s: Signal): string {
  switch (s.kind) {
    case 'email': return `email "${s.subject}" from ${s.from.name ?? s.from.email}`;
    case 'meeting': return `meeting "${s.title}"`;
    case 'chat': return `chat message from ${s.author.name}`;
    case 'calendar': return `calendar ${s.event} "${s.title}"`;
    default: return s.kind;
  }
}

/** Where something was said, without its subject line: "in an email", "on a call". */
export function whereSaid(s: Signal): string {
  switch (s.kind) {
    case 'email': return 'in an email';
    case 'meeting': return 'on a call';
    case 'chat': return 'in chat';
    case 'ticket': return 'in a support ticket';
    case 'engagement': return 'in a web form';
    case 'note': return 'in a note';
    default: return `in a ${s.kind} record`;
  }
}
