// People we learn about from the signals themselves: new senders and recipients at the account's
// domains, form fills, attendees. Their departures are not written here: the risk model derives
// status as of each moment from signals.
import type { Queryable } from '../../db/connection.js';
import { upsertContact } from '../../db/queries/contacts.js';
import type { Contact } from '../../db/queries/contacts.js';
import type { Account } from '../../db/queries/accounts.js';
import type { Signal } from '../signals/schema.js';
import { matchesDomain } from '../signals/direction.js';

export interface NewContact { email: string; name: string | null }

/** The account's people on these (perceived) signals who are not known contacts yet. Pure. */
export function newContactsIn(account: Account, contacts: Contact[], signals: Signal[]): NewContact[] {
  const known = new Set(contacts.map((c) => c.email.toLowerCase()));
  const out: NewContact[] = [];
  const add = (email: string | undefined, name: string | undefined) => {
    const e = email?.toLowerCase();
    if (!e || known.has(e) || !matchesDomain(e, account.domains)) return;
    known.add(e);
    out.push({ email: e, name: name ?? null });
  };
  for (const s of signals) {
    // An automated message (auto-reply, newsletter, bounce) introduces nobody.
    if (s.kind === 'email' && !s.auto && !s.insights?.auto) {
      add(s.from.email, s.from.name);
      for (const p of [...s.to, ...s.cc]) add(p.email, p.name);
    }
    if (s.kind === 'engagement') add(s.contactEmail, s.contactName);
    if (s.kind === 'meeting' || s.kind === 'calendar') for (const a of s.attendees) add(a.email, a.name);
  }
  return out;
}

/** Stores the new people; returns the contacts as they now are. */
export async function learnContacts(db: Queryable, account: Account, contacts: Contact[], signals: Signal[]): Promise<Contact[]> {
  const found = newContactsIn(account, contacts, signals);
  if (found.length === 0) return contacts;
  const added: Contact[] = [];
  for (const c of found) added.push(await upsertContact(db, account.id, c));
  return [...contacts, ...added];
}
