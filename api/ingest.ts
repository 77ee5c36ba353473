// Stores parsed items: routed to their account (given, or by CRM id, email domain), written in
// per-account transactions (each batch with its contacts, all or nothing), deduplicated by (source,
// externalId), and the accounts' workflows told. Items that match no account are kept as unmatched.
// An item without an external id gets one from its content, so an import interrupted part-way is
// completed by running the same file again, with nothing stored twice.
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/connection.js';
import { withTransaction } from '../db/tx.js';
import { findAccountsByDomain, getAccount, type Account } from '../db/queries/accounts.js';
import { insertSignals } from '../db/queries/signals.js';
import { upsertContact } from '../db/queries/contacts.js';
import { findAccountByExternalRef, insertUnmatched } from '../db/queries/unmatched.js';
import { findAccountByChannel } from '../db/queries/chat-channels.js';
import { notifySoon, type AccountsClient } from '../workflows/client.js';
import { emailDirection } from '../agents/signals/direction.js';
import type { ContactRecord, ParseResult, ParsedItem, RouteHint } from '../agents/signals/parsers/types.js';
import type { SignalInput } from '../agents/signals/schema.js';

export interface IngestSummary {
  stored: number;
  duplicates: number;
  /** Meetings stored while their transcript was pending, filled in by this delivery and read again; only when there are some. */
  completed?: number;
  unmatched: number;
  rejected: Array<{ position: string; reason: string }>;
  /** Stored, but read with a guess or a fallback (a guessed charset, an implausible Date); only when there are some. */
  warnings?: Array<{ position: string; reason: string }>;
  accounts: string[];
}

const BATCH = 250;

/** The same content gives the same key, so a re-run's copy is a duplicate (JSON with sorted keys). */
function contentKey(signal: SignalInput): string {
  const canonical = (v: unknown): unknown => (Array.isArray(v) ? v.map(canonical)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canonical(x)])) : v);
  return `content:${createHash('sha256').update(JSON.stringify(canonical(signal))).digest('hex').slice(0, 32)}`;
}

/** Every stored item has an idempotency key: its own external id, or one made from its content. */
const keyed = (signal: SignalInput): SignalInput => (signal.externalId ? signal : { ...signal, externalId: contentKey(signal) });

export interface IngestDeps { db: Db; temporal: AccountsClient; ourDomains: string[]; log?: FastifyBaseLogger }

export function createIngest(deps: IngestDeps) {
  const cache = new Map<string, Account | null>();
  async function route(hint: RouteHint | undefined): Promise<Account | null> {
    const key = JSON.stringify(hint ?? {});
    if (cache.has(key)) return cache.get(key)!;
    let account: Account | null = null;
    if (hint?.accountId) account = await getAccount(deps.db, hint.accountId);
    if (!account && hint?.externalRef) {
      const id = await findAccountByExternalRef(deps.db, hint.externalRef);
      account = id ? await getAccount(deps.db, id) : null;
    }
    if (!account && (hint?.channelId || hint?.channelName)) {
      const id = await findAccountByChannel(deps.db, { id: hint.channelId, name: hint.channelName });
      account = id ? await getAccount(deps.db, id) : null;
    }
    const domain = hint?.domain ?? hint?.email?.split('@')[1];
    if (!account && domain) account = (await findAccountsByDomain(deps.db, domain))[0] ?? null;
    cache.set(key, account);
    return account;
  }

  /** Drains parse results; `accountId` set: everything goes to that account. */
  return async function ingest(results: AsyncIterable<ParseResult> | Iterable<ParseResult>, opts: { accountId?: string; source?: string; onProgress?: (s: IngestSummary) => void } = {}): Promise<IngestSummary> {
    const summary: IngestSummary = { stored: 0, duplicates: 0, unmatched: 0, rejected: [], accounts: [] };
    const pending = new Map<string, { account: Account; items: ParsedItem[]; contacts: ContactRecord[] }>();
    const pendingFor = (account: Account) => {
      const p = pending.get(account.id) ?? { account, items: [], contacts: [] };
      pending.set(account.id, p);
      return p;
    };
    const touched = new Map<string, Account>();
    const fixed = opts.accountId ? await getAccount(deps.db, opts.accountId) : null;

    const flush = async (accountId: string) => {
      const p = pending.get(accountId);
      if (!p || (p.items.length === 0 && p.contacts.length === 0)) return;
      pending.delete(accountId);
      const signals = p.items.map((i) => keyed(i.signal.kind === 'email' && !i.signal.direction
        ? { ...i.signal, direction: emailDirection(i.signal.from.email, p.account.domains, deps.ourDomains) } : i.signal));
      // The contacts and the signals that name them: one transaction, all or nothing.
      const r = await withTransaction(deps.db, async (tx) => {
        for (const c of p.contacts) await upsertContact(tx, accountId, { email: c.email, name: c.name, title: c.title, role: c.role });
        return insertSignals(tx, accountId, signals);
      });
      summary.stored += r.stored.length;
      summary.duplicates += r.duplicates.length;
      if (r.completed.length) summary.completed = (summary.completed ?? 0) + r.completed.length;
      if (r.stored.length || r.completed.length) touched.set(accountId, p.account);
    };

    for await (const result of results) {
      summary.rejected.push(...result.rejected);
      if (result.warnings?.length) (summary.warnings ??= []).push(...result.warnings);
      for (const c of result.contacts ?? []) {
        const a = fixed ?? (await route(c.route ?? { email: c.email }));
        if (a) pendingFor(a).contacts.push(c);
      }
      for (const item of result.items) {
        const account = fixed ?? (await route(item.route));
        if (!account) {
          const isNew = await insertUnmatched(deps.db, { source: item.signal.source ?? opts.source ?? 'import', externalId: keyed(item.signal).externalId, payload: item.signal, route: item.route ?? {}, reason: item.route?.channelId || item.route?.channelName ? 'no account is linked to its channel (settings.slackChannels, or the account name or domain in the channel name)' : 'no account matches its id, CRM record or domain' });
          if (isNew) summary.unmatched += 1;
          else summary.duplicates += 1;
          continue;
        }
        const p = pendingFor(account);
        p.items.push(item);
        if (p.items.length >= BATCH) await flush(account.id);
      }
      opts.onProgress?.(summary);
    }
    for (const id of [...pending.keys()]) await flush(id);
    summary.accounts = [...touched.keys()];
    // Committed first; told without waiting (coalesced per account; the sweeper covers a failure).
    for (const a of touched.values()) {
      notifySoon(deps.temporal, { accountId: a.id, ownerId: a.ownerId }, { reason: 'signals' },
        (err) => deps.log?.warn({ err, accountId: a.id }, 'stored; workflow notification deferred to the sweeper'));
    }
    return summary;
  };
}
