// Chunking per kind (pure). Every chunk's text is one header line, then a body:
//   - the header gives retrieval context and is not a quote: who wrote, the subject or title, the
//     speakers, or for structured signals a short sentence ("CRM: stage changed from demo to
//     proposal", "Usage: active_users = 140 (seats)");
//   - the body is verbatim from the signal's text (`signalText` in ../evidence.ts), so an excerpt
//     taken from it (`chunkBody`) can be cited and checked against the signal.
// Emails: one message (quoted replies stripped), long bodies in ~1,200-char windows cut at
// paragraph, line, sentence or word boundaries, neighbouring windows sharing a short passage.
// Transcripts: consecutive speaker turns up to ~800 chars (a short last turn repeated at the start
// of the next window), a longer turn cut like an email body.
// Structured kinds: one chunk (more only for long free text).
import type { Signal } from '../signals/schema.js';
import { signalText, transcriptText } from '../evidence.js';
import { speakerPrefix } from '../signals/parsers/transcript-turns.js';
import { isForwardSubject, stripQuotedReply } from './strip-quotes.js';

export interface Chunk { seq: number; text: string; speaker?: string }

export const TEXT_WINDOW = 1200;
export const TURN_WINDOW = 800;
/** The longest passage (paragraph, sentence) two neighbouring email or note windows share. */
const OVERLAP = 240;
/** The longest turn two neighbouring transcript windows share (a question and its answer stay together). */
const TURN_OVERLAP = 200;
const HEADER_MAX = 200;

/** The verbatim part of a chunk's text (everything after its header line). */
export function chunkBody(text: string): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : text.slice(nl + 1);
}

/** A span [start, end) of a source text, with the speaker it belongs to. */
interface Unit { start: number; end: number; speaker?: string }

// Boundaries tried in order when a span is too long: paragraph, line, sentence, word.
const BOUNDARIES = [/\n[ \t]*\n\s*/g, /\n\s*/g, /(?<=[.!?]["')\]]*)\s+/g, /\s+/g];

/** Splits source[start, end) (trimmed) into spans of at most `size` chars at the coarsest boundary that works. */
function split(source: string, start: number, end: number, size: number, level = 0): Unit[] {
  while (start < end && /\s/.test(source[start])) start += 1;
  while (end > start && /\s/.test(source[end - 1])) end -= 1;
  if (start === end) return [];
  if (end - start <= size) return [{ start, end }];
  if (level === BOUNDARIES.length) {
    const out: Unit[] = [];
    for (let s = start; s < end; s += size) out.push({ start: s, end: Math.min(end, s + size) });
    return out;
  }
  const re = new RegExp(BOUNDARIES[level].source, 'g');
  const parts: Unit[] = [];
  let from = start;
  for (const m of source.slice(start, end).matchAll(re)) {
    parts.push({ start: from, end: start + m.index });
    from = start + m.index + m[0].length;
  }
  parts.push({ start: from, end });
  return parts.flatMap((p) => split(source, p.start, p.end, size, level + 1));
}

/**
 * Groups consecutive units into windows of at most `size` chars of source. A window starts with
 * the previous window's last unit when that unit is at most `overlap` chars long.
 */
function pack(source: string, units: Unit[], size: number, overlap: number): Unit[][] {
  const out: Unit[][] = [];
  let i = 0;
  while (i < units.length) {
    let j = i;
    while (j + 1 < units.length && units[j + 1].end - units[i].start <= size) j += 1;
    out.push(units.slice(i, j + 1));
    if (j + 1 >= units.length) break;
    const last = units[j];
    i = j > i && last.end - last.start <= overlap ? j : j + 1;
  }
  return out;
}

const oneLine = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= HEADER_MAX ? t : `${t.slice(0, HEADER_MAX - 1)}…`;
};

function speakersOf(units: Unit[]): string | undefined {
  const names = [...new Set(units.map((u) => u.speaker).filter((x): x is string => Boolean(x)))];
  return names.length ? names.join(', ') : undefined;
}

/** Chunks of one source text: each window of its units under the header. */
function windowed(header: string, source: string, units: Unit[], size: number, overlap: number, speaker?: string): Chunk[] {
  return pack(source, units, size, overlap).map((w, seq) => {
    const who = speaker ?? speakersOf(w);
    return {
      seq,
      text: `${oneLine(header)}\n${source.slice(w[0].start, w[w.length - 1].end)}`,
      ...(who ? { speaker: who } : {}),
    };
  });
}

function textChunks(header: string, body: string, speaker?: string): Chunk[] {
  return windowed(header, body, split(body, 0, body.length, TEXT_WINDOW), TEXT_WINDOW, OVERLAP, speaker);
}

/** Speaker turns as spans of the transcript's text; a turn longer than the window is cut into pieces. */
function turnUnits(source: string, transcript: Extract<Signal, { kind: 'meeting' }>['transcript']): Unit[] | null {
  const turns: Unit[] = [];
  if (typeof transcript === 'string') {
    // "Name: text" lines start turns; other lines continue the turn above them.
    let offset = 0;
    let labelled = false;
    for (const line of source.split('\n')) {
      const p = speakerPrefix(line);
      const prev = turns[turns.length - 1];
      if (line.trim() && (p || !prev)) turns.push({ start: offset, end: offset + line.length, speaker: p?.speaker });
      else if (prev && line.trim()) prev.end = offset + line.length;
      labelled ||= Boolean(p);
      offset += line.length + 1;
    }
    if (!labelled) return null;
  } else {
    let offset = 0;
    for (const t of transcript) {
      const line = `${t.speaker}: ${t.text}`;
      turns.push({ start: offset, end: offset + line.length, speaker: t.speaker.trim() || undefined });
      offset += line.length + 1;
    }
  }
  return turns.flatMap((t) => split(source, t.start, t.end, TURN_WINDOW).map((u) => ({ ...u, speaker: t.speaker })));
}

function meetingChunks(s: Extract<Signal, { kind: 'meeting' }>): Chunk[] {
  const header = s.title.trim() ? `Meeting "${s.title.trim()}"` : 'Meeting';
  const source = transcriptText(s.transcript);
  const units = turnUnits(source, s.transcript);
  if (!units) return textChunks(header, source); // no "Name:" labels: paragraphs
  const chunks = pack(source, units, TURN_WINDOW, TURN_OVERLAP).map((w, seq) => {
    const who = speakersOf(w);
    return { seq, text: `${oneLine(who ? `${header}: ${who}` : header)}\n${source.slice(w[0].start, w[w.length - 1].end)}`, ...(who ? { speaker: who } : {}) };
  });
  return chunks.length ? chunks : textChunks(header, s.title);
}

const person = (p: { name?: string; email?: string }) => (p.name && p.email ? `${p.name} <${p.email}>` : p.name || p.email || '');
const date = (iso: string) => iso.replace(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d).*$/, '$1 $2 UTC');

const CRM_FIELD: Record<Extract<Signal, { kind: 'crm' }>['change'], string> = {
  stage: 'stage', owner: 'owner', contact_role: 'contact role', contact_left: 'contact left',
  renewal_date: 'renewal date', amount: 'amount', next_step: 'next step',
};

/** "CRM: stage changed from demo to proposal", "CRM: ana@acme.com left the company". */
export function crmSentence(s: Extract<Signal, { kind: 'crm' }>): string {
  if (s.change === 'contact_left') return `CRM: ${s.contactEmail ?? s.from ?? 'a contact'} left the company`;
  const what = `${CRM_FIELD[s.change]}${s.contactEmail ? ` of ${s.contactEmail}` : ''}`;
  if (s.from && s.to) return `CRM: ${what} changed from ${s.from} to ${s.to}`;
  if (s.to) return `CRM: ${what} set to ${s.to}`;
  if (s.from) return `CRM: ${what} cleared (was ${s.from})`;
  return `CRM: ${what} changed`;
}

const ENGAGEMENT_VERB: Record<Extract<Signal, { kind: 'engagement' }>['event'], string> = {
  proposal_viewed: 'viewed the proposal', pricing_page_visit: 'visited the pricing page',
  form_submitted: 'submitted a form', link_clicked: 'clicked a link',
};

const CALENDAR_VERB = { scheduled: 'scheduled for', updated: 'moved to', cancelled: 'cancelled, was' } as const;

/** The header sentence of a structured signal. */
function structuredHeader(s: Extract<Signal, { kind: 'usage' | 'crm' | 'engagement' | 'calendar' }>): string {
  switch (s.kind) {
    case 'usage': return `Usage: ${s.metric} = ${s.value}${s.unit ? ` (${s.unit})` : ''}`;
    case 'crm': return crmSentence(s);
    case 'engagement': return `Engagement: ${s.contactName || s.contactEmail || 'someone'} ${ENGAGEMENT_VERB[s.event]}${s.url ? ` (${s.url})` : ''}`;
    case 'calendar': {
      const who = s.attendees.map((a) => a.name || a.email).filter(Boolean).join(', ');
      return `Calendar: "${s.title}" ${CALENDAR_VERB[s.event]} ${date(s.startsAt)}${who ? ` with ${who}` : ''}`;
    }
  }
}

/** The chunks of one signal, numbered from 0. A signal with no text at all has none. */
export function chunkSignal(s: Signal): Chunk[] {
  switch (s.kind) {
    case 'email': {
      const body = stripQuotedReply(s.text, { forwarded: isForwardSubject(s.subject) }) || s.subject;
      const header = `Email from ${person(s.from)}${s.subject.trim() ? `: ${s.subject}` : ''}`;
      return textChunks(header, body, person(s.from));
    }
    case 'meeting': return meetingChunks(s);
    case 'ticket': return textChunks(`Ticket (${s.priority}, ${s.status}): ${s.subject}`, s.text.trim() ? s.text : s.subject, s.requesterEmail);
    case 'note': return textChunks(s.author ? `Note by ${s.author}` : 'Note', s.text, s.author);
    case 'news': return textChunks(`News: ${s.title}`, s.text.trim() ? s.text : s.title);
    case 'chat': return textChunks(`Chat in ${s.channel} from ${person(s.author)}`, signalText(s), s.author.name);
    case 'usage':
    case 'crm':
    case 'engagement':
    case 'calendar': {
      const speaker = s.kind === 'engagement' ? s.contactName || s.contactEmail : undefined;
      return textChunks(structuredHeader(s), signalText(s), speaker);
    }
  }
}
