// Erasing a contact (the right to erasure). Their contact row is deleted; every signal of the account
// that names them, quotes them or was written by them is redacted in place (the ones they sent keep
// only a marker and the metadata the timeline needs: kind, time, direction, source, thread); the
// readings of those signals are cleared and their memory chunks deleted, and the signals go back to
// pending so the account's agent remembers the redacted text and reassesses without them. Their
// address and name are also replaced wherever the account's derived records repeat them
// (recommendations, assessments, questions, briefs, tasks, outbox, unmatched deliveries, audit
// details). contact_erasures keeps only the fact of the erasure.
//
// What "names them" means: their email address (any case), their full name (any case), and each
// part of their name of three letters or more written as in the name ("Dana" in "Thanks Dana").
// What "quotes them": any line of at least 20 characters of text they wrote (email, chat, form
// text, their turns in a transcript) found in another signal, with or without "> " quoting, also
// when a mail client re-wrapped it between words (not when a quote was edited or cut mid-word).
import type { Queryable } from '../connection.js';

export const REDACTED = '[redacted]';
export const REDACTED_EMAIL = 'redacted@redacted.invalid';
export const REDACTED_TEXT = '[redacted: contact erased]';
const MIN_QUOTE = 20;
const MAX_QUOTES = 500;
const REDACT_BATCH = 500;

export interface Person { email: string; name: string | null }

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function nameParts(name: string | null): string[] {
  return (name ?? '').split(/[\s,]+/).map((p) => p.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')).filter((p) => p.length >= 3);
}

/** Lines of their own text long enough to recognise when someone else quotes them. */
export function quotableLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => norm(l.replace(/^(\s*>)+/, ''))).filter((l) => l.length >= MIN_QUOTE);
}

/** A function that takes the person out of one string. Pure. */
export function makeRedactor(person: Person, quotes: string[] = []): (s: string) => string {
  const rules: Array<[RegExp, string]> = [];
  // One alternation, longest first; between words any spacing, line breaks and "> " quote marks (a
  // quote re-wrapped by a mail client).
  const alternatives = [...new Set(quotes)].sort((a, b) => b.length - a.length).map((q) => q.split(' ').map(escapeRe).join('(?:\\s|>)+'));
  if (alternatives.length > 0) rules.push([new RegExp(alternatives.join('|'), 'giu'), REDACTED]);
  rules.push([new RegExp(escapeRe(person.email), 'gi'), REDACTED_EMAIL]);
  const full = norm(person.name ?? '');
  if (full.length >= 3) rules.push([new RegExp(`(?<![\\p{L}\\p{N}])${full.split(' ').map(escapeRe).join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu'), REDACTED]);
  for (const part of nameParts(person.name)) rules.push([new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(part)}(?![\\p{L}\\p{N}])`, 'gu'), REDACTED]);
  return (s) => rules.reduce((acc, [re, by]) => acc.replace(re, by), s);
}

/** The same value with every string passed through f (object keys kept). Pure. */
export function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}

type Payload = Record<string, unknown>;
const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : undefined);

function isThem(p: Person, who: { email?: unknown; name?: unknown } | undefined): boolean {
  if (!who) return false;
  if (lower(who.email) === p.email) return true;
  return !who.email && Boolean(p.name) && norm(String(who.name ?? '')).toLowerCase() === norm(p.name!).toLowerCase();
}

function isSpeaker(p: Person, speaker: unknown): boolean {
  const s = norm(String(speaker ?? '')).toLowerCase();
  return s !== '' && (s === p.email || (Boolean(p.name) && s === norm(p.name!).toLowerCase()));
}

/** What they wrote in this signal (for recognising quotes elsewhere). Pure. */
export function textTheyWrote(kind: string, payload: Payload, p: Person): string[] {
  const out: string[] = [];
  const text = (v: unknown) => { if (typeof v === 'string') out.push(...quotableLines(v)); };
  if (kind === 'email' && isThem(p, payload.from as Payload)) text(String(payload.text ?? '').split(/\r?\n/).filter((l) => !/^\s*>/.test(l)).join('\n'));
  if (kind === 'chat' && isThem(p, payload.author as Payload)) text(payload.text);
  if (kind === 'engagement' && lower(payload.contactEmail) === p.email) text(payload.text);
  if (kind === 'meeting') {
    if (Array.isArray(payload.transcript)) for (const seg of payload.transcript as Payload[]) { if (isSpeaker(p, seg.speaker)) text(seg.text); }
    else if (typeof payload.transcript === 'string') for (const line of payload.transcript.split(/\r?\n/)) { const m = /^\s*([^:]{1,200}):\s*(.*)$/.exec(line); if (m && isSpeaker(p, m[1])) text(m[2]); }
  }
  return out;
}

/**
 * The signal's payload without the person: what they wrote becomes a marker, their address and name
 * become markers wherever they appear, quotes of them are cut. Pure.
 */
export function redactPayload(kind: string, payload: Payload, p: Person, redact: (s: string) => string): Payload {
  const out: Payload = { ...payload };
  if (kind === 'email' && isThem(p, payload.from as Payload)) {
    Object.assign(out, { from: { email: REDACTED_EMAIL, name: REDACTED }, subject: REDACTED, text: REDACTED_TEXT, redacted: true });
    delete out.html;
    delete out.attachments;
  }
  if (kind === 'chat' && isThem(p, payload.author as Payload)) Object.assign(out, { author: { name: REDACTED }, text: REDACTED_TEXT, redacted: true });
  if (kind === 'engagement' && lower(payload.contactEmail) === p.email) {
    Object.assign(out, { contactEmail: REDACTED_EMAIL, ...(payload.contactName ? { contactName: REDACTED } : {}), ...(payload.text ? { text: REDACTED_TEXT } : {}), redacted: true });
  }
  if (kind === 'meeting') {
    if (Array.isArray(payload.transcript)) {
      out.transcript = (payload.transcript as Payload[]).map((seg) => (isSpeaker(p, seg.speaker) ? { ...seg, speaker: REDACTED, text: REDACTED_TEXT } : seg));
    } else if (typeof payload.transcript === 'string') {
      out.transcript = payload.transcript.split(/\r?\n/).map((line) => {
        const m = /^\s*([^:]{1,200}):/.exec(line);
        return m && isSpeaker(p, m[1]) ? `${REDACTED}: ${REDACTED_TEXT}` : line;
      }).join('\n');
    }
  }
  return mapStrings(out, redact) as Payload;
}

/** ILIKE patterns that find rows naming the person: address, full name, name parts (a prefilter; the redactor decides). */
export function mentionPatterns(p: Person): string[] {
  const terms = [p.email, ...(p.name ? [norm(p.name)] : []), ...nameParts(p.name)];
  return [...new Set(terms)].map((t) => `%${escapeLike(t)}%`);
}

const QUOTE_KEY = MIN_QUOTE;
const flat = (s: string) => s.toLowerCase().replace(/(?:\s|>)+/g, ' ');

/**
 * Whether a value (any JSON) may name or quote the person: a cheap test that picks what the redactor
 * then rewrites. Names by substring, quotes by their first 20 characters at any position (one set
 * lookup per position, so thousands of quotes cost no more than one). Pure.
 */
export function makeMatcher(p: Person, quotes: string[]): (value: unknown) => boolean {
  const terms = [p.email, ...(p.name ? [norm(p.name).toLowerCase()] : []), ...nameParts(p.name).map((x) => x.toLowerCase())];
  const keys = new Set(quotes.map((q) => flat(q).slice(0, QUOTE_KEY)));
  const test = (str: string): boolean => {
    const l = str.toLowerCase();
    if (terms.some((t) => l.includes(t))) return true;
    if (keys.size === 0 || str.length < QUOTE_KEY) return false;
    const f = flat(str);
    for (let i = 0; i + QUOTE_KEY <= f.length; i += 1) if (keys.has(f.slice(i, i + QUOTE_KEY))) return true;
    return false;
  };
  const walk = (v: unknown): boolean => (typeof v === 'string' ? test(v) : Array.isArray(v) ? v.some(walk) : v && typeof v === 'object' ? Object.values(v).some(walk) : false);
  return walk;
}

export interface ErasureResult {
  contactId: string; accountId: string; erasedAt: string; erasedBy: string | null;
  signalsRedacted: number; chunksDeleted: number; recordsScrubbed: number; alreadyErased: boolean;
}

/** The account a contact belongs to, or belonged to before it was erased (null: no such contact). */
export async function contactAccount(db: Queryable, contactId: string): Promise<{ accountId: string; erased: boolean } | null> {
  const { rows } = await db.query(
    `select account_id, false as erased from contacts where id = $1
     union all select account_id, true from contact_erasures where contact_id = $1 limit 1`, [contactId]);
  return rows[0] ? { accountId: String(rows[0].account_id), erased: Boolean(rows[0].erased) } : null;
}

async function previousErasure(db: Queryable, contactId: string): Promise<ErasureResult | null> {
  const { rows } = await db.query('select * from contact_erasures where contact_id = $1', [contactId]);
  const r = rows[0];
  return r ? {
    contactId, accountId: String(r.account_id), erasedAt: String(r.erased_at), erasedBy: r.erased_by ?? null,
    signalsRedacted: Number(r.signals_redacted), chunksDeleted: Number(r.chunks_deleted), recordsScrubbed: 0, alreadyErased: true,
  } : null;
}

interface ScrubTarget { table: string; key: string; text: string[]; json: string[]; arrays: string[]; where?: string }

// Derived records that may repeat the person's address, name or words. Names are constants, never input.
const SCRUB_TARGETS: ScrubTarget[] = [
  { table: 'recommendations', key: 'id', text: ['title', 'rationale', 'target'], json: ['evidence', 'draft'], arrays: [], where: 'account_id = $2' },
  { table: 'assessments', key: 'id', text: [], json: ['factors', 'opportunities'], arrays: [], where: 'account_id = $2' },
  { table: 'questions', key: 'id', text: ['question', 'answer'], json: ['citations'], arrays: [], where: 'account_id = $2' },
  { table: 'briefs', key: 'id', text: [], json: ['content'], arrays: [], where: '(account_id = $2 or account_id is null)' },
  { table: 'tasks', key: 'id', text: ['title', 'body'], json: [], arrays: [], where: 'account_id = $2' },
  { table: 'outbox', key: 'recommendation_id', text: ['subject', 'body', 'from_address'], json: [], arrays: ['to_addresses'], where: 'account_id = $2' },
  { table: 'unmatched_signals', key: 'id', text: [], json: ['payload', 'route'], arrays: [] },
  { table: 'audit_log', key: 'id', text: [], json: ['details'], arrays: [] },
];

const PAGE = 2000;

/** Every row of a query, a keyset page at a time ($1: the last key or null, $2: page size, then params). */
async function* pages(db: Queryable, sql: string, keyType: 'text' | 'bigint', params: unknown[]): AsyncGenerator<Array<Record<string, unknown>>> {
  let last: unknown = null;
  for (;;) {
    const { rows } = await db.query(sql.replace('$KEY', `($1::${keyType} is null or key > $1::${keyType})`), [last, PAGE, ...params]);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
    last = rows[rows.length - 1].key;
  }
}

async function scrub(db: Queryable, t: ScrubTarget, accountId: string, mentions: (v: unknown) => boolean, redact: (s: string) => string): Promise<number> {
  const cols = [...t.text, ...t.json, ...t.arrays];
  const sql = `select * from (select ${t.key} as key, ${cols.join(', ')} from ${t.table} where ${t.where?.replaceAll('$2', '$3') ?? '$3::text is not null'}) r
    where $KEY order by key limit $2`;
  let changed = 0;
  for await (const rows of pages(db, sql, t.table === 'audit_log' ? 'bigint' : 'text', [accountId])) for (const r of rows) {
    if (!mentions(cols.map((c) => r[c]))) continue;
    const values = cols.map((c) => (t.json.includes(c) ? (r[c] == null ? null : JSON.stringify(mapStrings(r[c], redact))) : t.arrays.includes(c) ? (r[c] as string[]).map(redact) : r[c] == null ? null : redact(String(r[c]))));
    const before = cols.map((c) => (t.json.includes(c) ? (r[c] == null ? null : JSON.stringify(r[c])) : r[c]));
    if (JSON.stringify(values) === JSON.stringify(before)) continue;
    const sets = cols.map((c, i) => `${c} = $${i + 2}${t.json.includes(c) ? '::jsonb' : ''}`).join(', ');
    await db.query(`update ${t.table} set ${sets} where ${t.key} = $1`, [r.key, ...values]);
    changed += 1;
  }
  return changed;
}

/**
 * Erases one contact. Call inside a transaction. Idempotent: a contact already erased returns its
 * first erasure with alreadyErased. Null: no such contact.
 */
export async function eraseContact(db: Queryable, contactId: string, erasedBy: string | null): Promise<ErasureResult | null> {
  const { rows } = await db.query('select id, account_id, email, name from contacts where id = $1 for update', [contactId]);
  if (!rows[0]) return previousErasure(db, contactId);
  const accountId = String(rows[0].account_id);
  const person: Person = { email: String(rows[0].email).toLowerCase(), name: rows[0].name ?? null };

  // What they wrote, to recognise quotes of it in other signals (their signals all name them).
  const patterns = mentionPatterns(person);
  const quotes = new Set<string>();
  const theirs = await db.query(
    `select kind, payload from signals where account_id = $1 and payload::text ilike any($2::text[])`, [accountId, patterns]);
  for (const s of theirs.rows) for (const q of textTheyWrote(s.kind, s.payload, person)) if (quotes.size < MAX_QUOTES) quotes.add(q);
  const redact = makeRedactor(person, [...quotes]);
  const mentions = makeMatcher(person, [...quotes]);

  // Every signal of the account is looked at once (keyset pages); the ones that name or quote them are rewritten.
  const touched: string[] = [];
  const signalPages = pages(db, `select * from (select id as key, kind, payload, insights from signals where account_id = $3) r where $KEY order by key limit $2`, 'text', [accountId]);
  for await (const rows of signalPages) {
    const hit = rows.filter((r) => mentions(r.payload) || mentions(r.insights));
    for (let i = 0; i < hit.length; i += REDACT_BATCH) {
      const batch = hit.slice(i, i + REDACT_BATCH);
      // The reading and the memory of the old text go; pending again, the agent reads and remembers the redacted text.
      await db.query(
        `update signals s set payload = v.payload::jsonb, insights = null, perceiver = null, perceiver_version = null, perceived_for = null,
           perception_fallback = false, perceived_at = null, remembered_at = null, status = 'pending', processed_at = null
         from unnest($1::text[], $2::text[]) as v(id, payload) where s.id = v.id`,
        [batch.map((r) => String(r.key)), batch.map((r) => JSON.stringify(redactPayload(String(r.kind), r.payload as Payload, person, redact)))]);
    }
    touched.push(...hit.map((r) => String(r.key)));
  }
  const chunks = await db.query(
    `delete from memory_chunks where account_id = $1 and (signal_id = any($2::text[]) or coalesce(speaker, '') || ' ' || text ilike any($3::text[]))`,
    [accountId, touched, patterns]);

  // Open recommendations aimed at them have nobody to go to now.
  await db.query(
    `update recommendations set status = 'expired', status_reason = 'contact erased', updated_at = now()
     where account_id = $1 and status in ('proposed', 'snoozed') and lower(target) = $2`, [accountId, person.email]);
  let recordsScrubbed = 0;
  for (const t of SCRUB_TARGETS) recordsScrubbed += await scrub(db, t, accountId, mentions, redact);

  await db.query('delete from contacts where id = $1', [contactId]);
  const ins = await db.query(
    `insert into contact_erasures (contact_id, account_id, erased_by, signals_redacted, chunks_deleted) values ($1, $2, $3, $4, $5)
     returning erased_at`, [contactId, accountId, erasedBy, touched.length, chunks.rowCount ?? 0]);
  return {
    contactId, accountId, erasedAt: String(ins.rows[0].erased_at), erasedBy,
    signalsRedacted: touched.length, chunksDeleted: chunks.rowCount ?? 0, recordsScrubbed, alreadyErased: false,
  };
}
