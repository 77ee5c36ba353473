// .eml and mbox: MIME parsed by mailparser (multipart, HTML-only, charsets, forwarded messages),
// threads from Message-ID / In-Reply-To / References, quoted replies stripped from the text the
// agent reads, direction from the account's domains, automated mail recognised.
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SignalInput } from '../schema.js';
import { emailDirection, domainOf } from '../direction.js';
import { stripQuotedReply } from '../../memory/strip-quotes.js';
import { zodReason, type ParseOptions, type ParseResult, type ParsedItem } from './types.js';

function addresses(a: AddressObject | AddressObject[] | undefined): Array<{ email: string; name?: string }> {
  const list = Array.isArray(a) ? a.flatMap((x) => x.value) : a?.value ?? [];
  return list.filter((v) => v.address).map((v) => ({ email: v.address!.toLowerCase(), ...(v.name ? { name: v.name } : {}) }));
}

function header(m: ParsedMail, name: string): string {
  const v = m.headers.get(name);
  return typeof v === 'string' ? v : v && typeof v === 'object' && 'value' in v ? String((v as { value: unknown }).value) : v ? String(v) : '';
}

function automated(m: ParsedMail, from: string): 'auto_reply' | 'newsletter' | 'bounce' | undefined {
  const ct = header(m, 'content-type');
  if (/^(mailer-daemon|postmaster)@/i.test(from) || /report-type=delivery-status|multipart\/report/i.test(ct)) return 'bounce';
  const autoSubmitted = header(m, 'auto-submitted');
  if ((autoSubmitted && autoSubmitted.toLowerCase() !== 'no') || m.headers.has('x-autoreply') || m.headers.has('x-autorespond')) return 'auto_reply';
  if (/\b(out of (the )?office|automatic reply|auto[- ]?reply)\b/i.test(m.subject ?? '')) return 'auto_reply';
  if (m.headers.has('list-unsubscribe') || /^(bulk|list)$/i.test(header(m, 'precedence'))) return 'newsletter';
  return undefined;
}

/** A readable text for HTML-only mail (mailparser derives one; this is the fallback). */
function textOf(m: ParsedMail): string {
  if (m.text && m.text.trim()) return m.text;
  if (typeof m.html === 'string') return m.html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, '').replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/\n{3,}/g, '\n\n').trim();
  return '';
}

export async function parseEmail(raw: Buffer | string, opts: ParseOptions = {}, position = 'message 1'): Promise<ParseResult> {
  let m: ParsedMail;
  try {
    m = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  } catch (err) {
    return { items: [], rejected: [{ position, reason: `not a readable MIME message (${(err as Error).message})` }] };
  }
  const from = addresses(m.from)[0];
  if (!from) return { items: [], rejected: [{ position, reason: 'no From address' }] };
  if (!m.date || Number.isNaN(m.date.getTime())) return { items: [], rejected: [{ position, reason: 'no valid Date header' }] };
  const refs = Array.isArray(m.references) ? m.references : m.references ? [m.references] : [];
  const text = stripQuotedReply(textOf(m));
  const maxBytes = opts.maxAttachmentBytes ?? 25 * 1024 * 1024;
  const candidate = {
    kind: 'email',
    occurredAt: m.date.toISOString(),
    ...(m.messageId ? { externalId: m.messageId } : {}),
    source: 'email',
    from,
    to: addresses(m.to),
    cc: addresses(m.cc),
    subject: m.subject ?? '',
    text: text || '(no text)',
    threadId: refs[0] ?? m.inReplyTo ?? m.messageId,
    ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
    ...(opts.accountDomains?.length ? { direction: emailDirection(from.email, opts.accountDomains, opts.ourDomains ?? []) } : {}),
    ...(automated(m, from.email) ? { auto: automated(m, from.email) } : {}),
    ...(m.attachments.length ? { attachments: m.attachments.map((a) => ({ name: a.filename ?? 'attachment', size: a.size, contentType: a.contentType, ...(a.size > maxBytes ? {} : {}) })) } : {}),
  };
  const parsed = SignalInput.safeParse(candidate);
  if (!parsed.success) return { items: [], rejected: [{ position, reason: zodReason(parsed.error) }] };
  // Route by the first participant outside our domains: the sender inbound, a recipient outbound.
  const external = [from, ...addresses(m.to), ...addresses(m.cc)].find((p) => !(opts.ourDomains ?? []).includes(domainOf(p.email)));
  const item: ParsedItem = { signal: parsed.data, ...(external ? { route: { email: external.email, domain: domainOf(external.email) } } : {}) };
  return { items: [item], rejected: [] };
}
