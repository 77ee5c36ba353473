// Small builders of accounts, contacts and signals for pure tests of perception and risk.
import type { Account } from '../../db/queries/accounts.js';
import type { Contact } from '../../db/queries/contacts.js';
import { SignalInput, type Signal } from '../../agents/signals/schema.js';
import { emailDirection } from '../../agents/signals/direction.js';
import { perceiveSignal } from '../../agents/perception/index.js';
import { DEFAULT_RISK_CONFIG } from '../../agents/risk/config.js';

export const NOW = Date.parse('2026-11-20T16:40:00Z'); // a Friday afternoon
export const DAY = 86_400_000;
export const at = (days: number, hours = 0) => new Date(NOW + days * DAY + hours * 3_600_000).toISOString();
export const asOf = new Date(NOW).toISOString();

export function account(over: Partial<Account> = {}): Account {
  return {
    id: 'acc', name: 'Acme', domains: ['acme.com'], stage: 'discovery', arr: 100000, renewalDate: null, ownerId: 'sam', csmId: null,
    settings: {}, riskScore: null, riskLevel: null, lastAssessedAt: null, createdAt: at(-200), updatedAt: at(-1), ...over,
  };
}

export function contact(email: string, name: string, role: string | null = null, over: Partial<Contact> = {}): Contact {
  return { id: email, accountId: 'acc', email, name, title: null, role, status: 'active', createdAt: at(-100), updatedAt: at(-100), ...over };
}

let n = 0;
/** Parses a signal like the API would, derives direction, and perceives it like `remember` would. */
export function signal(raw: Record<string, unknown>, acc: Account = account(), contacts: Contact[] = []): Signal {
  const input = SignalInput.parse(raw);
  const direction = input.kind === 'email' ? input.direction ?? emailDirection(input.from.email, acc.domains, ['ourco.com']) : undefined;
  const s = { ...input, id: `s${(n += 1)}`, accountId: acc.id, source: input.source ?? 'api', receivedAt: input.occurredAt, ...(direction ? { direction } : {}) } as Signal;
  return { ...s, insights: perceiveSignal(s, { account: acc, contacts, ourDomains: ['ourco.com'], competitors: DEFAULT_RISK_CONFIG.competitors }) } as Signal;
}

export const email = (occurredAt: string, from: string, to: string, text: string, extra: Record<string, unknown> = {}) => ({
  kind: 'email', occurredAt, from: { email: from, name: from.split('@')[0].replace(/^./, (c) => c.toUpperCase()) }, to: [{ email: to }], subject: 'Re: project', text, ...extra,
});
