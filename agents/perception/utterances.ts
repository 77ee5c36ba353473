// Who said what in a signal: the human words of each part, attributed to our side or the account's.
import type { Contact } from '../../db/queries/contacts.js';
import type { Account } from '../../db/queries/accounts.js';
import type { Participant, Signal } from '../signals/schema.js';
import { matchesDomain } from '../signals/direction.js';
import { stripQuotedReply } from '../memory/strip-quotes.js';

export interface PerceiveContext {
  account: Account;
  contacts: Contact[];
  /** Our own email domains, when known; without them anyone not at the account is us. */
  ourDomains?: string[];
  /** Competitor names to look for (the risk configuration provides the defaults). */
  competitors: string[];
}

export type Side = 'us' | 'them' | 'unknown';

export interface Utterance { side: Side; speaker?: string; email?: string; text: string }

type People = Pick<PerceiveContext, 'account' | 'contacts'>;

const lower = (x: string | null | undefined) => (x ?? '').trim().toLowerCase();
const firstWord = (x: string | null | undefined) => lower(x).split(/\s+/)[0] ?? '';

/** The account's side: an address at one of its domains, or a known contact. */
export function isAccountEmail(email: string, people: People): boolean {
  const e = lower(email);
  return matchesDomain(e, people.account.domains) || people.contacts.some((c) => lower(c.email) === e);
}

/** The contact a spoken or written name refers to: the full name, else a first name only one contact has. */
export function contactByName(name: string | undefined, contacts: Contact[]): Contact | undefined {
  const n = lower(name);
  if (!n) return undefined;
  const exact = contacts.find((c) => lower(c.name) === n || lower(c.email) === n);
  if (exact) return exact;
  const byFirst = contacts.filter((c) => c.name && firstWord(c.name) === firstWord(n));
  return byFirst.length === 1 ? byFirst[0] : undefined;
}

/** A chat author: the account's when their address or name is the account's; ours when their address is not; else theirs. */
export function chatAuthorSide(author: Participant, people: People): 'us' | 'them' {
  if (author.email) return isAccountEmail(author.email, people) ? 'them' : 'us';
  return 'them';
}

/**
 * A transcript speaker: matched to an attendee (full name, address, or a first name), then to a
 * contact by name. Anyone who is neither at the account nor one of its contacts is us.
 */
export function speakerOf(name: string, attendees: Participant[], people: People): { side: 'us' | 'them'; email?: string } {
  const n = lower(name);
  const byFirst = attendees.filter((a) => firstWord(a.name) === firstWord(n));
  const att = attendees.find((a) => lower(a.name) === n || (a.email && a.email === n)) ?? (byFirst.length === 1 ? byFirst[0] : undefined);
  if (att?.email) return { side: isAccountEmail(att.email, people) ? 'them' : 'us', email: att.email };
  const contact = contactByName(att?.name ?? name, people.contacts);
  return contact ? { side: 'them', email: contact.email } : { side: 'us' };
}

/** Turns of a plain-text transcript written as "Name: words" lines. */
export function plainTranscriptTurns(text: string): Array<{ speaker: string; text: string }> {
  const out: Array<{ speaker: string; text: string }> = [];
  for (const line of text.split('\n')) {
    const m = /^\s*([^:\n]{2,60}):\s*(.*)$/.exec(line);
    if (m) out.push({ speaker: m[1].trim(), text: m[2] });
    else if (line.trim() && out.length) out[out.length - 1].text += ` ${line.trim()}`;
  }
  return out;
}

function emailSide(s: Extract<Signal, { kind: 'email' }>, ctx: PerceiveContext): Side {
  if (s.direction) return s.direction === 'outbound' ? 'us' : 'them';
  if (isAccountEmail(s.from.email, ctx)) return 'them';
  const ours = ctx.ourDomains ?? [];
  return ours.length === 0 || matchesDomain(s.from.email, ours) ? 'us' : 'them';
}

/** The human words of a signal, each with its side; quoted history is left out of emails. */
export function utterances(s: Signal, ctx: PerceiveContext): Utterance[] {
  switch (s.kind) {
    case 'email':
      return [{ side: emailSide(s, ctx), speaker: s.from.name ?? s.from.email, email: s.from.email, text: stripQuotedReply(s.text) }];
    case 'meeting': {
      const turns = typeof s.transcript === 'string' ? plainTranscriptTurns(s.transcript) : s.transcript;
      return turns.map((t) => ({ ...speakerOf(t.speaker, s.attendees, ctx), speaker: t.speaker, text: t.text }));
    }
    case 'chat': return [{ side: chatAuthorSide(s.author, ctx), speaker: s.author.name, email: s.author.email, text: s.text }];
    case 'note': return [{ side: 'us', speaker: s.author, text: s.text }];
    case 'ticket': return [{ side: 'them', email: s.requesterEmail, text: `${s.subject}. ${s.text}` }];
    case 'engagement': return s.text ? [{ side: 'them', email: s.contactEmail, speaker: s.contactName, text: s.text }] : [];
    case 'crm': return s.text ? [{ side: 'us', text: s.text }] : [];
    default: return [];
  }
}
