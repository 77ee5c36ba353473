// One corpus item as the signal the product would receive, and the account context perception reads
// it in. Every item is said or sent at the context's `now`.
import type { Account } from '../../db/queries/accounts.js';
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../../agents/signals/schema.js';
import type { CorpusContext, Item } from './corpus.js';

export const ACCOUNT_ID = 'perception-corpus';

/** The shape perceivers take (agents/perception's PerceiveContext), built from context.json. */
export interface CorpusPerceiveContext {
  account: Account;
  contacts: Contact[];
  ourDomains: string[];
  competitors: string[];
}

export function perceiveContextOf(ctx: CorpusContext): CorpusPerceiveContext {
  const at = ctx.now;
  return {
    account: {
      id: ACCOUNT_ID, name: ctx.account.name, domains: ctx.account.domains, stage: ctx.account.stage, arr: null,
      renewalDate: null, ownerId: null, csmId: null, settings: ctx.account.settings, riskScore: null, riskLevel: null,
      lastAssessedAt: null, createdAt: at, updatedAt: at,
    },
    contacts: ctx.contacts.map((c, i) => ({
      id: `contact-${i + 1}`, accountId: ACCOUNT_ID, email: c.email.toLowerCase(), name: c.name, title: c.title, role: c.role,
      status: 'active' as const, createdAt: at, updatedAt: at,
    })),
    ourDomains: ctx.ourDomains,
    competitors: ctx.competitors,
  };
}

interface Who { email: string; name: string; ours: boolean }

function person(email: string, ctx: CorpusContext): Who {
  const e = email.toLowerCase();
  const us = ctx.us.find((p) => p.email.toLowerCase() === e);
  if (us) return { email: e, name: us.name, ours: true };
  const c = ctx.contacts.find((p) => p.email.toLowerCase() === e);
  return { email: e, name: c?.name ?? e, ours: false };
}

/** Who is on the other side of the conversation: the account's champion for us, the first of us for them. */
function counterpart(from: Who, ctx: CorpusContext): Who {
  if (from.ours) {
    const c = ctx.contacts.find((p) => p.role === 'champion') ?? ctx.contacts[0];
    return person(c.email, ctx);
  }
  return person(ctx.us[0].email, ctx);
}

/**
 * email: from `from` to the other side, with the subject; `before` as the quoted message it replies to.
 * call: a meeting whose transcript is the `before` turn (said by the other side) and the utterance.
 * ticket: filed by `from`; chat: a message in the shared channel; note: written by one of us.
 */
export function signalOf(item: Item, ctx: CorpusContext, index: number): Signal {
  const from = person(item.from, ctx);
  const other = counterpart(from, ctx);
  const base = { id: `${ACCOUNT_ID}-${index + 1}`, accountId: ACCOUNT_ID, source: 'perception-corpus', externalId: item.id, occurredAt: ctx.now, receivedAt: ctx.now };
  switch (item.register) {
    case 'email': {
      const quoted = item.before
        ? `\n\nOn Mon, 9 Nov 2026 at 16:05, ${other.name} <${other.email}> wrote:\n${item.before.split('\n').map((l) => `> ${l}`).join('\n')}`
        : '';
      return {
        ...base, kind: 'email', from: { email: from.email, name: from.name }, to: [{ email: other.email, name: other.name }], cc: [],
        subject: item.subject ?? '', text: `${item.text}${quoted}`, direction: from.ours ? 'outbound' : 'inbound',
      };
    }
    case 'call': {
      const turns = [...(item.before ? [{ speaker: other.name, text: item.before }] : []), { speaker: from.name, text: item.text }];
      return {
        ...base, kind: 'meeting', title: item.subject ?? `${ctx.account.name} call`, durationSec: 1800,
        attendees: [{ email: from.email, name: from.name }, { email: other.email, name: other.name }], transcript: turns,
      };
    }
    case 'ticket':
      return { ...base, kind: 'ticket', subject: item.subject ?? '(no subject)', text: item.text, priority: 'normal', status: 'open', requesterEmail: from.email };
    case 'chat':
      return { ...base, kind: 'chat', channel: 'northwind-shared', author: { email: from.email, name: from.name }, text: item.text };
    case 'note':
      return { ...base, kind: 'note', text: item.text, author: from.name };
  }
}
