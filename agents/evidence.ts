// The readable text of a signal and verbatim excerpts from it. Citations must quote the signal
// exactly, so every excerpt is a substring of `signalText(signal)`.
import type { Signal, TranscriptTurn } from './signals/schema.js';

export function transcriptText(t: string | TranscriptTurn[]): string {
  return typeof t === 'string' ? t : t.map((turn) => `${turn.speaker}: ${turn.text}`).join('\n');
}

/** One canonical text per signal: what memory chunks, citations and answers quote. */
export function signalText(s: Signal): string {
  switch (s.kind) {
    case 'email': return [s.subject, s.text].filter(Boolean).join('\n');
    case 'meeting': return [s.title, transcriptText(s.transcript)].filter(Boolean).join('\n');
    case 'usage': return `${s.metric} = ${s.value}${s.unit ? ` ${s.unit}` : ''}`;
    case 'crm': return [`${s.change}: ${s.from ?? '—'} → ${s.to ?? '—'}${s.contactEmail ? ` (${s.contactEmail})` : ''}`, s.text].filter(Boolean).join('\n');
    case 'ticket': return [s.subject, s.text].filter(Boolean).join('\n');
    case 'note': return s.text;
    case 'engagement': return [`${s.event.replace(/_/g, ' ')}${s.contactEmail ? ` by ${s.contactEmail}` : ''}${s.url ? ` ${s.url}` : ''}`, s.text].filter(Boolean).join('\n');
    case 'news': return [s.title, s.text].filter(Boolean).join('\n');
    case 'calendar': return `${s.event}: ${s.title} at ${s.startsAt}`;
    case 'chat': return `${s.author.name}: ${s.text}`;
  }
}

const STOP = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'is', 'are', 'was', 'we', 'you', 'i', 'it', 'that', 'this', 'with', 'be', 'our', 'your', 'at', 'by', 'as', 'from', 'what', 'who', 'did', 'do', 'about', 'have', 'has']);

export function keywords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9][a-z0-9'-]+/g) ?? []).filter((w) => !STOP.has(w) && w.length > 2);
}

/**
 * A sentence ends at a full stop, ! or ? followed by a space or the line's end: the dot inside an
 * address, a web link or a number ("dana.ruiz@acme.com", "acme.com/pricing", "2.5") ends nothing.
 */
const SENTENCE_END = /[.!?]+["')\]]*(?=\s|$)/g;

/** Sentences (or transcript lines) of a text, each verbatim. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    let start = 0;
    const push = (end: number) => {
      const t = line.slice(start, end).trim();
      if (t) out.push(t);
      start = end;
    };
    for (const m of line.matchAll(SENTENCE_END)) push(m.index + m[0].length);
    push(line.length);
  }
  return out;
}

const GREETING = /^(hi|hello|hey|dear|good (morning|afternoon|evening)|thanks|thank you|many thanks|best|regards|kind regards|best regards|warm regards|cheers|all the best)\b[\p{L}\s.'-]{0,40}[,!.]?$/iu;

/** "Hi Riley,", "Best regards,", a name on its own line: the frame of a message, not what it says. */
export function isSalutation(line: string): boolean {
  const l = line.trim();
  return GREETING.test(l) || (/^[\p{L}.' -]{1,40}$/u.test(l) && !/[.!?]$/.test(l) && l.split(/\s+/).length <= 3);
}

/**
 * The passage of the signal that best matches the hint (by keyword overlap), verbatim, at most
 * `max` characters; the first sentence when nothing matches.
 */
export function excerptFor(s: Signal, hint = '', max = 280): string {
  const text = signalText(s);
  const all = sentences(text);
  if (all.length === 0) return text.slice(0, max);
  // A greeting or a signed name says nothing (and "Hi Riley," matches a hint that names Riley).
  const subject = s.kind === 'email' && s.subject.trim() ? all.slice(0, 1) : [];
  const said = all.slice(subject.length).filter((p) => !isSalutation(p));
  const parts = said.length ? [...subject, ...said] : all;
  const wanted = new Set(keywords(hint));
  // With nothing to match, the message itself says more than its subject line.
  let best = subject.length && s.kind === 'email' && s.text.trim() && parts.length > 1 ? parts[1] : parts[0];
  let bestScore = 0;
  for (const p of parts) {
    const words = keywords(p);
    const score = words.filter((w) => wanted.has(w) || [...wanted].some((x) => x.length > 4 && w.startsWith(x.slice(0, 5)))).length;
    if (score > bestScore) { best = p; bestScore = score; }
  }
  return best.length <= max ? best : best.slice(0, max);
}

/** The opening of the message itself (after an email's subject line), whole sentences up to `max`. */
export function openingExcerpt(s: Signal, max = 300): string {
  const parts = sentences(signalText(s));
  const body = s.kind === 'email' && s.subject && parts.length > 1 ? parts.slice(1) : parts;
  let out = body[0] ?? '';
  for (const p of body.slice(1)) {
    if (out.length + 1 + p.length > max) break;
    out = `${out} ${p}`;
  }
  return out.slice(0, max);
}

/** True when `excerpt` really is in the signal (whitespace-insensitive). */
export function excerptIsIn(s: Signal, excerpt: string): boolean {
  const norm = (x: string) => x.replace(/\s+/g, ' ').trim().toLowerCase();
  const e = norm(excerpt);
  return e.length > 0 && norm(signalText(s)).includes(e);
}
