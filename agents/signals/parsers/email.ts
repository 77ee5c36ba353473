// One RFC 822 message (.eml, or one message of an mbox) → an email signal. MIME is read by
// mailparser (multipart, HTML-only mail, charsets, encoded headers); quoted replies are stripped
// from the text the agent reads (the full text is returned beside it as `raw`); forwarded
// messages, inline or attached as message/rfc822, are kept; automated mail is flagged.
import { createHash } from 'node:crypto';
import { convert } from 'html-to-text';
import { simpleParser, type AddressObject, type EmailAddress, type ParsedMail } from 'mailparser';
import { Person } from '../schema.js';
import { matchesDomain } from '../direction.js';
import { isForwardSubject, stripQuotedReply } from './quoted-reply.js';
import { addSignal, rejectedOnly, routeByEmail, toIso } from './result.js';
import iconv from 'iconv-lite';
import { decodeText, mostlyUtf8, utf8WithStrays } from './charset.js';
import { decodeEncodedWords, relabelEncodedWords, relabelTextParts } from './mime-charset.js';
import type { ParseOptions, ParseResult, RouteHint } from './types.js';

export { stripQuotedReply } from './quoted-reply.js';

const MAX_TEXT = 200_000;
type Auto = 'auto_reply' | 'newsletter' | 'bounce';
/** "Out of Office: …", "Automatic reply: …", "Out of office autoreply" — a label, not a subject that mentions it. */
const AUTO_REPLY_SUBJECT = /^\s*(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|abwesenheitsnotiz|réponse automatique|respuesta automática)\s*(:|$|\(|-\s|(auto[- ]?)?reply\b)/i;

/** Where the message sits in its upload, and the mbox envelope's date (a fallback for a missing or implausible Date). */
export interface MessageContext { position?: string; envelopeDate?: string }

/** Raw header values (unfolded, undecoded) by lower-case name, in message order. */
function rawHeaders(m: ParsedMail): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { key, line } of m.headerLines) {
    const value = asUtf8(line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
    out.set(key, [...(out.get(key) ?? []), value]);
  }
  return out;
}

/** mailparser gives raw header lines one char a byte: 8-bit text there is UTF-8 (plausibleCharset made it so). */
function asUtf8(v: string): string {
  if (!/[\x80-\xff]/.test(v) || /[^\x00-\xff]/.test(v)) return v;
  try { return UTF8_STRICT.decode(Buffer.from(v, 'latin1')); } catch { return v; }
}

function people(a: AddressObject | AddressObject[] | undefined, raw?: string): Person[] {
  const flat = (list: EmailAddress[]): EmailAddress[] => list.flatMap((v) => (v.group ? flat(v.group) : [v]));
  const list = flat(Array.isArray(a) ? a.flatMap((x) => x.value) : a?.value ?? []);
  const out: Person[] = [];
  const add = (email: string, name?: string) => {
    const p = Person.safeParse({ email, ...(name ? { name: name.slice(0, 200) } : {}) });
    if (p.success && !out.some((x) => x.email === p.data.email)) out.push(p.data);
  };
  for (const v of list) add(v.address ?? '', v.name);
  if (out.length === 0 && raw) for (const p of atAddresses(raw)) add(p.email, p.name);
  return out;
}

/** Mailing-list archives write "ana at example.com (Ana Ruiz)" or "Ana Ruiz <ana at example.com>". */
const AT_ADDRESS = /^\s*(?:"?([^"<]*?)"?\s*<\s*([^\s<>@]+)\s+at\s+([^\s<>@]+\.[^\s<>@]+)\s*>|([^\s<>@()]+)\s+at\s+([^\s<>@()]+\.[^\s<>@()]+)(?:\s*\(([^)]*)\))?)\s*$/i;

function atAddresses(raw: string): Array<{ email: string; name?: string }> {
  return raw.split(',').flatMap((part) => {
    const m = AT_ADDRESS.exec(part);
    if (!m) return [];
    const name = decodeEncodedWords((m[1] ?? m[6] ?? '').trim());
    return [{ email: m[2] ? `${m[2]}@${m[3]}` : `${m[4]}@${m[5]}`, ...(name ? { name } : {}) }];
  });
}

const YEAR_1990 = Date.UTC(1990, 0, 1);
const DAY_MS = 86_400_000;
type When = { iso: string; source?: 'received' | 'envelope'; warning?: string } | { reason: string };

/**
 * The trusted times of the Received headers: readable, 1990 or later, and within a day of the newest
 * (the top hops are our own servers'; a lower hop far out of line with them is not believed).
 */
function receivedTimes(h: Map<string, string[]>): number[] {
  const all = (h.get('received') ?? []).map((r) => toIso(r.slice(r.lastIndexOf(';') + 1)))
    .filter((iso): iso is string => !!iso).map((iso) => Date.parse(iso)).filter((t) => t >= YEAR_1990);
  const newest = Math.max(...all);
  return all.filter((t) => t >= newest - DAY_MS);
}

/**
 * The message's time: its Date header unless it is missing, unreadable or implausible (before 1990,
 * or more than a day after the message was received, or after now when nothing says when it was
 * received); then the earliest trusted Received hop (the first server that took it: a sender's clock
 * can be wrong, the servers' are not), then the mbox envelope. A fallback from a stated Date is a warning.
 */
function occurredAt(m: ParsedMail, h: Map<string, string[]>, envelopeDate: string | undefined, now: Date): When {
  const date = h.get('date')?.[0];
  const received = receivedTimes(h);
  const envelope = envelopeDate ? toIso(envelopeDate) : null;
  const receipt = received.length ? Math.max(...received) : envelope ? Date.parse(envelope) : now.getTime();
  // mailparser replaces an unreadable Date with the current time; read the header ourselves.
  const stated = date && !Number.isNaN(new Date(date).getTime()) && m.date ? m.date.getTime() : null;
  const why = stated === null ? null : stated < YEAR_1990 ? 'before 1990' : stated > receipt + DAY_MS ? 'after its receipt' : null;
  if (stated !== null && !why) return { iso: new Date(stated).toISOString() };
  const fallback = received.length ? { iso: new Date(Math.min(...received)).toISOString(), source: 'received' as const, label: 'the Received time' }
    : envelope ? { iso: envelope, source: 'envelope' as const, label: 'the mbox envelope time' } : null;
  const stale = `Date header "${(date ?? '').slice(0, 100)}" is implausible (${why})`;
  if (fallback) return { iso: fallback.iso, source: fallback.source, ...(why ? { warning: `${stale}: ${fallback.label} is used` } : {}) };
  if (stated !== null) return { iso: new Date(stated).toISOString(), warning: `${stale} and nothing else dates the message: kept` };
  return { reason: date ? `unreadable Date header "${date.slice(0, 100)}"` : 'no Date header' };
}

/** Auto-replies, newsletters and bounces, from their headers (and a few well-known subjects). */
export function automatedKind(h: Map<string, string[]>, fromEmail: string, subject: string): Auto | undefined {
  const one = (k: string) => (h.get(k)?.[0] ?? '').toLowerCase();
  const contentType = one('content-type');
  if (/^(mailer-daemon|postmaster)@/i.test(fromEmail)
    || (/multipart\/report/.test(contentType) && /report-type="?delivery-status/.test(contentType))
    || /^(undeliverable|undelivered mail|delivery status notification \((failure|delay)\)|mail delivery (failed|failure)|returned mail)\b/i.test(subject)) return 'bounce';
  const autoSubmitted = one('auto-submitted');
  if ((autoSubmitted && autoSubmitted !== 'no') || h.has('x-autoreply') || h.has('x-autorespond') || one('precedence') === 'auto_reply'
    || AUTO_REPLY_SUBJECT.test(subject)) return 'auto_reply';
  if (h.has('list-unsubscribe') || /^(bulk|list|junk)$/.test(one('precedence'))) return 'newsletter';
  return undefined;
}

/**
 * The text of HTML-only mail (mailparser is told not to derive one, so this is the one place):
 * html-to-text decodes every
 * entity, keeps links as "text [url]", and lays lists and tables out line by line.
 */
function htmlText(html: string): string {
  try {
    return htmlToText(html);
  } catch (err) {
    // HTML nested thousands deep exhausts html-to-text's recursion (a 500 for the whole upload; found
    // by test/fuzz/webhooks.test.ts): the text between the tags is kept instead.
    if (!(err instanceof RangeError)) throw err;
    return html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
  }
}

function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => ({ selector: h, options: { uppercase: false } })),
    ],
  }).replace(/\u00a0/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
}

function bodyOf(m: ParsedMail): string {
  if (m.text?.trim()) return withoutPlainHtml(m.text);
  return typeof m.html === 'string' ? htmlText(m.html) : '';
}

/** A line that opens an HTML document or block: where HTML labelled text/plain starts. */
const HTML_START = /^[ \t]*<(?:!doctype|html|head|body|div|p|table|span|font|meta)\b[^>]*>/im;

/**
 * Text that is HTML labelled text/plain (a mailer that labels both alternatives text/plain; mailparser
 * then joins them): from the first line that opens an HTML block, the markup is read as HTML. When
 * that is the text above it again (the other alternative), it is left out; else its text is kept.
 */
function withoutPlainHtml(text: string): string {
  const start = HTML_START.exec(text);
  if (!start) return text;
  const tail = text.slice(start.index);
  if ((tail.match(/<\/?[a-z][^>]*>/gi) ?? []).length < 3) return text;
  const head = text.slice(0, start.index).trim();
  const html = htmlText(tail);
  const words = (s: string) => s.replace(/\[[^\]]*\]/g, ' ').replace(/\W+/g, ' ').trim().toLowerCase();
  return head && words(html) === words(head) ? head : `${head}\n\n${html}`.trim();
}

/** A message attached as message/rfc822 (a forward "as attachment"): its header and its own new text. */
async function attachedForward(content: Buffer): Promise<{ full: string; stripped: string; subject: string } | null> {
  try {
    const inner = await simpleParser(content, { skipImageLinks: true, skipTextToHtml: true, skipHtmlToText: true });
    const from = people(inner.from)[0];
    const header = ['---------- Forwarded message ---------',
      from ? `From: ${from.name ? `${from.name} <${from.email}>` : from.email}` : '', inner.date ? `Date: ${inner.date.toISOString()}` : '',
      `Subject: ${inner.subject ?? ''}`].filter(Boolean).join('\n');
    const body = bodyOf(inner);
    return { full: `${header}\n\n${body}`, stripped: `${header}\n\n${stripQuotedReply(body)}`, subject: inner.subject ?? '' };
  } catch {
    return null;
  }
}

/**
 * A message/rfc822 part sent inline (Netscape's and Thunderbird's "forward inline"): mailparser writes
 * it into the text under its own From/Subject/Date lines, which read as a quoted reply's header block
 * and were stripped, forward and all. Such a part is a forward, whatever the subject says.
 */
function forwardsInline(raw: Buffer | string, m: ParsedMail): boolean {
  if (m.attachments.some((a) => a.contentType === 'message/rfc822')) return false;
  return /^content-type:[ \t]*message\/rfc822/im.test(typeof raw === 'string' ? raw : raw.toString('latin1'));
}

/** Inbound when the sender is at the account, outbound when at our side, else left to the importer. */
function directionOf(fromEmail: string, opts: ParseOptions): 'inbound' | 'outbound' | undefined {
  if (opts.accountDomains?.length && matchesDomain(fromEmail, opts.accountDomains)) return 'inbound';
  if (opts.ourDomains?.length && matchesDomain(fromEmail, opts.ourDomains)) return 'outbound';
  return undefined;
}

/** Route by the first participant at the account; else the first one outside our domains. */
function routeOf(participants: Person[], opts: ParseOptions): RouteHint | undefined {
  const ours = opts.ourDomains ?? [];
  const external = (opts.accountDomains?.length ? participants.find((p) => matchesDomain(p.email, opts.accountDomains!)) : undefined)
    ?? participants.find((p) => !matchesDomain(p.email, ours));
  return external ? routeByEmail(external.email) : undefined;
}

const firstId = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v?.match(/<[^>]+>/)?.[0] ?? v)?.trim() || undefined;

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });
const LATIN = /^(iso-8859-1|latin1|windows-1252|cp1252|iso-8859-15|us-ascii|ascii)$/;

/**
 * A single-part message whose charset is missing or wrong (found by the pathological-files test):
 * 8-bit text without a charset, or declared UTF-8 but not UTF-8, was read as UTF-8 and every accented
 * letter became U+FFFD; text declared Latin-1 that is really UTF-8 became mojibake ("cafÃ©"). The
 * body's own bytes decide: not UTF-8 → the detector's guess (as for transcripts, charset.ts); valid
 * UTF-8 with 8-bit bytes under a Latin-1 label → UTF-8. Either way the upload says so in a warning.
 * Bodies in quoted-printable or base64, and the parts of multipart messages, are checked in mime-charset.ts.
 */
export function plausibleCharset(input: Buffer): { raw: Buffer; warning?: string } {
  const original = withoutLeadingBlankLines(input);
  const headerEnd = /\r?\n\r?\n/.exec(original.subarray(0, 65_536).toString('latin1'));
  if (!headerEnd) return { raw: original };
  // Raw bytes inside a Q-encoded word belong to that word's own charset: they are escaped, so the
  // word's charset decodes them, not the guess below; a word labelled UTF-8 that is not gets a guess.
  const headerText = original.subarray(0, headerEnd.index).toString('latin1');
  const header = Buffer.from(relabelEncodedWords(qWordBytesEscaped(headerText)), 'latin1');
  const rest = original.subarray(headerEnd.index);
  let raw = header.toString('latin1') === headerText ? original : Buffer.concat([header, rest]);
  let headerWarning: string | undefined;
  // Raw 8-bit header values are read as UTF-8 (RFC 6532); Latin-1 bytes there became U+FFFD.
  if (header.some((b) => b >= 0x80)) {
    const read = eightBitHeader(header, original);
    if (read.warning) {
      raw = Buffer.concat([read.header, rest]);
      headerWarning = read.warning;
    }
  }
  const body = plausibleBody(raw);
  const parts = relabelTextParts(body.raw);
  const warning = [headerWarning, body.warning, ...parts.warnings].filter(Boolean).join('; ') || undefined;
  return { raw: parts.raw, ...(warning ? { warning } : {}) };
}

/**
 * A header block with raw 8-bit bytes, each field read on its own (a Latin-1 field an old relay
 * added does not turn the sender's UTF-8 Subject into mojibake): a field that is UTF-8 stays; one
 * that is mostly UTF-8 keeps it, its stray bytes read as Windows-1252 (charset.ts); any other is
 * read in the message's own 8-bit charset when it declares one (Outlook wrote both), else as the
 * detector guesses from the message's bytes (a header alone is a few bytes to guess from: a German
 * subject read as Shift_JIS lost its umlaut). The header comes back as UTF-8, with what was done.
 */
function eightBitHeader(header: Buffer, message: Buffer): { header: Buffer; warning?: string } {
  const text = header.toString('latin1');
  const declared = /charset\s*=\s*"?([^";\s]+)/i.exec(/^content-type:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/im.exec(text)?.[0] ?? '')?.[1];
  let legacy: string | undefined;
  let strays = false;
  const fields = text.split(/(?<=\n)(?=[^ \t])/).map((field) => {
    const bytes = Buffer.from(field, 'latin1');
    if (!bytes.some((b) => b >= 0x80)) return bytes;
    try { UTF8_STRICT.decode(bytes); return bytes; } catch { /* read below */ }
    if (mostlyUtf8(bytes)) {
      strays = true;
      return Buffer.from(utf8WithStrays(bytes), 'utf8');
    }
    legacy ??= declared && !/^(utf-?8|us-ascii|ascii)$/i.test(declared) && iconv.encodingExists(declared) ? declared.toLowerCase() : decodeText(message.subarray(0, 65_536)).encoding;
    return Buffer.from(iconv.decode(bytes, legacy), 'utf8');
  });
  const said = [
    legacy ? `8-bit headers that are not UTF-8: decoded as ${legacy} (${legacy === declared?.toLowerCase() ? 'the charset the message declares' : 'a guess'})` : '',
    strays ? '8-bit headers in UTF-8 with stray bytes that are not: those read as windows-1252' : '',
  ].filter(Boolean).join('; ');
  return said ? { header: Buffer.concat(fields), warning: said } : { header };
}

/**
 * Blank (or space-only) lines written before the header: the first blank line ends the header, so the
 * message read as one with no header at all ("no From address"). Dropped when a header line follows,
 * as is indentation before the first header line (which otherwise reads as a continuation of nothing),
 * and a byte-order mark.
 */
function withoutLeadingBlankLines(raw: Buffer): Buffer {
  // A UTF-8 byte-order mark (a message saved by a Windows editor) made the first header, often From, unreadable.
  const lead = /^(?:\xef\xbb\xbf)?(?:[ \t]*\r?\n)*[ \t]*(?=[!-9;-~]+:)/.exec(raw.subarray(0, 4096).toString('latin1'));
  return lead?.[0] ? raw.subarray(lead[0].length) : raw;
}

/**
 * Eudora and others wrote 8-bit bytes unescaped inside Q-encoded words ("=?iso-8859-1?Q?Fr\xF6sche?=");
 * each becomes "=XX", so the word's declared charset decodes it (text in latin1, one char a byte).
 */
function qWordBytesEscaped(header: string): string {
  return header.replace(/=\?[^?\s]+\?[Qq]\?[^?]*\?=/g, (word) => word.replace(/[\x80-\xff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`));
}

function plausibleBody(raw: Buffer): { raw: Buffer; warning?: string } {
  const head = raw.subarray(0, 65_536).toString('latin1');
  const end = /\r?\n\r?\n/.exec(head);
  if (!end) return { raw };
  const headers = head.slice(0, end.index).replace(/\r?\n[ \t]+/g, ' ');
  const contentType = /^content-type:[ \t]*([^\r\n]*)/im.exec(headers)?.[1] ?? '';
  const cte = (/^content-transfer-encoding:[ \t]*([^\r\n;]*)/im.exec(headers)?.[1] ?? '').trim().toLowerCase();
  if (/^\s*(multipart|message)\//i.test(contentType) || (contentType && !/^\s*text\//i.test(contentType)) || ['quoted-printable', 'base64'].includes(cte)) return { raw };
  const body = raw.subarray(end.index + end[0].length);
  if (!body.some((b) => b >= 0x80)) return { raw };
  const declared = /charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
  let utf8 = true;
  try { UTF8_STRICT.decode(body); } catch { utf8 = false; }
  let charset: string | null = null;
  let warning: string | undefined;
  if (!utf8 && (!declared || declared === 'utf-8' || declared === 'utf8' || declared === 'us-ascii')) {
    charset = decodeText(body).encoding;
    warning = `${declared ? `declared ${declared}` : 'no charset declared'} but the text is not UTF-8: decoded as ${charset} (a guess)`;
  } else if (utf8 && declared && LATIN.test(declared)) {
    charset = 'utf-8';
    warning = `declared ${declared} but the text is UTF-8: read as UTF-8`;
  }
  if (!charset) return { raw };
  const withCharset = contentType
    ? head.slice(0, end.index).replace(/^(content-type:[ \t]*)([^\r\n]*)/im, (_, k: string, v: string) => `${k}${/charset\s*=/i.test(v) ? v.replace(/charset\s*=\s*"?[^";\s]+"?/i, `charset=${charset}`) : `${v}; charset=${charset}`}`)
    : `Content-Type: text/plain; charset=${charset}\r\n${head.slice(0, end.index)}`;
  return { raw: Buffer.concat([Buffer.from(withCharset, 'latin1'), raw.subarray(end.index)]), warning };
}

export async function parseEmail(raw: Buffer | string, opts: ParseOptions = {}, at: MessageContext = {}): Promise<ParseResult> {
  const position = at.position ?? 'message 1';
  const fixed: { raw: Buffer | string; warning?: string } = typeof raw === 'string' ? { raw } : plausibleCharset(raw);
  let m: ParsedMail;
  try {
    m = await simpleParser(fixed.raw, { skipImageLinks: true, skipTextToHtml: true, skipHtmlToText: true });
  } catch (err) {
    return rejectedOnly(position, `not a readable MIME message (${(err as Error).message})`);
  }
  const h = rawHeaders(m);
  const from = people(m.from, h.get('from')?.[0])[0];
  if (!from) return rejectedOnly(position, 'no From address');
  const when = occurredAt(m, h, at.envelopeDate, opts.now?.() ?? new Date());
  if ('reason' in when) return rejectedOnly(position, when.reason);

  const subject = (m.subject ?? '').slice(0, 1000);
  const auto = automatedKind(h, from.email, subject);
  const body = bodyOf(m);
  let text = stripQuotedReply(body, { forwarded: isForwardSubject(subject) || (auto !== 'bounce' && forwardsInline(fixed.raw, m)) });
  let full = body;
  const attachments: Array<{ name: string; size: number; contentType?: string }> = [];
  for (const a of m.attachments) {
    if (a.related) continue; // images inside the HTML, not files someone attached
    if (a.contentType === 'message/rfc822' && auto !== 'bounce') {
      const fwd = await attachedForward(a.content);
      if (fwd) {
        text = `${text}\n\n${fwd.stripped}`.trim();
        full = `${full}\n\n${fwd.full}`.trim();
        attachments.push({ name: a.filename ?? `${fwd.subject || 'message'}.eml`, size: a.size, contentType: a.contentType });
        continue;
      }
    }
    attachments.push({ name: a.filename ?? 'attachment', size: a.size, ...(a.contentType ? { contentType: a.contentType } : {}) });
  }

  const to = people(m.to, h.get('to')?.join(', ')).slice(0, 200);
  const cc = people(m.cc, h.get('cc')?.join(', ')).slice(0, 200);
  const messageId = m.messageId?.trim() || undefined;
  const refs = Array.isArray(m.references) ? m.references : m.references ? m.references.split(/\s+/) : [];
  const inReplyTo = firstId(m.inReplyTo);
  const threadId = firstId(refs) ?? inReplyTo ?? messageId;
  // No Message-ID: a digest of what the message says keeps a re-import idempotent all the same.
  const externalId = messageId ?? `sha256:${createHash('sha256').update([from.email, when.iso, subject, body].join('\n')).digest('hex')}`;
  const direction = directionOf(from.email, opts);
  const warnings = [when.warning, fixed.warning].filter((w): w is string => Boolean(w)).map((reason) => ({ position, reason }));
  const out: ParseResult = { items: [], rejected: [], ...(warnings.length ? { warnings } : {}) };
  addSignal(out, position, {
    kind: 'email', occurredAt: when.iso, externalId: externalId.slice(0, 512), source: 'email',
    from, to, cc, subject, text: text.slice(0, MAX_TEXT),
    ...(threadId ? { threadId: threadId.slice(0, 512) } : {}),
    ...(inReplyTo ? { inReplyTo: inReplyTo.slice(0, 512) } : {}),
    ...(direction ? { direction } : {}),
    ...(auto ? { auto } : {}),
    ...(when.source ? { dateSource: when.source } : {}),
    ...(attachments.length ? { attachments: attachments.slice(0, 100) } : {}),
  }, routeOf([from, ...to, ...cc], opts), full);
  return out;
}
