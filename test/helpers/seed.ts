// Builders for tests that drive the agent directly against a database (no HTTP).
import type pg from 'pg';
import { insertAccount, type NewAccount } from '../../db/queries/accounts.js';
import { upsertContact, type ContactInput } from '../../db/queries/contacts.js';
import { insertSignals } from '../../db/queries/signals.js';
import { upsertUser } from '../../db/queries/users.js';
import { SignalInput } from '../../agents/signals/schema.js';
import { emailDirection } from '../../agents/signals/direction.js';

export const DAY = 86_400_000;
export const at = (now: number, days: number, hours = 0) => new Date(now + days * DAY + hours * 3_600_000).toISOString();

export async function seedAccount(pool: pg.Pool, account: NewAccount & { contacts?: ContactInput[] }, signals: unknown[]): Promise<string[]> {
  for (const id of [account.ownerId, account.csmId]) if (id) await upsertUser(pool, { id, name: id, role: 'rep' });
  const a = await insertAccount(pool, account);
  for (const c of account.contacts ?? []) await upsertContact(pool, a.id, c);
  const parsed = signals.map((s) => SignalInput.parse(s)).map((s) => (s.kind === 'email' && !s.direction ? { ...s, direction: emailDirection(s.from.email, a.domains, ['ourco.com']) } : s));
  const r = await insertSignals(pool, a.id, parsed);
  return r.stored.map((x) => x.id);
}
