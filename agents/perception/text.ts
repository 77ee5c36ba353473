// Who said what in a signal: the human text of each part, attributed to our side or theirs.
import type { Contact } from '../../db/queries/contacts.js';
import type { Account } from '../../db/queries/accounts.js';
import type { Signal } from '../signals/schema.js';
import { matchesDomain } from '../signals/direction.js';
import { stripQuotedReply } from '../memory/strip-quotes.js';
import { sentences } from '../evidence.js';

export interface PerceiveContext { account: Account; contacts: Contact[]; ourDomains: string[]; competitors: string[] }

export type Side = 'us' | 'them' | 'unknown';

export interface Utterance { side: Side; speaker?: string; email?: string; text: string }

function sideOfEmail(email: string | undefined, ctx: PerceiveContext): Side {
  if (!email) return 'unknown';
  if (matchesDomain(email, ctx.account.domains)) return 'them';
  if (ctx.ourDomains.length === 0 || matchesDomain(email, ctx.ourDomains)) return 'us';
  return 'them';
}

function sideOfSpeaker(name: string, s: Extract<Signal, { kind: 'meeting' }>, ctx: PerceiveContext): { side: Side; email?: string } {
  const n = name.trim().toLowerCase();
  const att = s.attendees.find((a) => a.name.toLowerCase() === n || (a.email && a.email === n) || a.name.toLowerCase().split(' ')[0] === n.split(' ')[0]);
  if (att?.email) return { side: sideOfEmail(att.email, ctx), email: att.email };
  const contact = ctx.contacts.find((c) => c.name && (c.name.toLowerCase() === n || c.name.toLowerCase().split(' ')[0] === n.split(' ')[0]));
  if (contact) return { side: 'them', email: contact.email };
  return { side: 'us' };
}

/** The human words of a signal, each with its side. Automated mail has none. */
export function utterances(s: Signal, ctx: PerceiveContext): Utterance[] {
  switch (s.kind) {
    case 'email': {
      const side = s.direction === 'outbound' ? 'us' : s.direction === 'inbound' ? 'them' : sideOfEmail(s.from.email, ctx);
      return [{ side, speaker: s.from.name ?? s.from.email, email: s.from.email, text: stripQuotedReply(s.text) }];
    }
    case 'meeting': {
      const turns = typeof s.transcript === 'string'
        ? s.transcript.split('\n').map((l) => /^([^:]{2,60}):\s*(.*)$/.exec(l)).filter((m): m is RegExpExecArray => Boolean(m)).map((m) => ({ speaker: m[1], text: m[2] }))
        : s.transcript;
      return turns.map((t) => ({ ...sideOfSpeaker(t.speaker, s, ctx), speaker: t.speaker, text: t.text }));
    }
    case 'chat': return [{ side: sideOfEmail(s.author.email, ctx) === 'unknown' ? 'them' : sideOfEmail(s.author.email, ctx), speaker: s.author.name, email: s.author.email, text: s.text }];
    case 'note': return [{ side: 'us', speaker: s.author, text: s.text }];
    case 'ticket': return [{ side: 'them', email: s.requesterEmail, text: `${s.subject}. ${s.text}` }];
    case 'engagement': return s.text ? [{ side: 'them', email: s.contactEmail, speaker: s.contactName, text: s.text }] : [];
    case 'crm': return s.text ? [{ side: 'us', text: s.text }] : [];
    default: return [];
  }
}

export function sentencesOf(u: Utterance): string[] {
  return sentences(u.text);
}
