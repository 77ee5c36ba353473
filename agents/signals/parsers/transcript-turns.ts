// What the transcript formats share: cue timing, speakers, turns merged per speaker, and the
// meeting signal built from them.
import { createHash } from 'node:crypto';
import { decodeHTML } from 'entities';
import type { TranscriptTurn } from '../schema.js';
import { addSignal } from './result.js';
import type { ParseOptions, ParseResult, Rejection, RouteHint } from './types.js';

export const UNKNOWN_SPEAKER = 'Unknown';

/** "01:02:03.456", "02:03.456" (WebVTT) or "01:02:03,456" (SRT) → seconds; null when unreadable. */
export function timestampSeconds(ts: string): number | null {
  const m = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)(?:[.,](\d{1,3}))?$/.exec(ts.trim());
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number((m[4] ?? '0').padEnd(3, '0')) / 1000;
}

/** A word of a name in a cased script: a capital first ("Sam", "O'Neil", "DANA"); diarisers' "SPEAKER_02" too. */
const CASED_WORD = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*(?:_\d{1,3})?`;
/** A word in a script without capitals (Chinese, Japanese, Korean, Arabic, Hebrew, Thai, Devanagari): "田中", "أحمد". */
const UNCASED_WORD = String.raw`\p{Lo}[\p{Lo}\p{M}]{0,7}`;
const NAME_WORD = `(?:${CASED_WORD}|${UNCASED_WORD})`;
/**
 * One to four name words (particles such as "van" and a diariser's number, "Speaker 2", may follow
 * the first), then a colon and a space, or a full-width colon (Chinese and Japanese write "田中：").
 */
const LABEL = new RegExp(String.raw`^\s*(?:-\s*)?(${NAME_WORD}(?:\s+(?:${NAME_WORD}|de|van|von|der|da|di|le|la|\d{1,3})){0,3}|\[[^\]]{1,60}\])\s*(?::\s+|：\s*)(.*)$`, 'u');

/**
 * "Sam Patel: Did the pricing work?", "DANA: …", "Speaker 2: …", "田中：…", "[Sam Patel] …" or
 * "[Sam Patel]: …" → speaker and text (one to four name words, or a bracketed label).
 */
export function speakerPrefix(line: string): { speaker: string; text: string } | null {
  // A label in brackets names a speaker when it starts like a name; subtitles write sounds and manners
  // in lower case ("[laughs]", "[risita]", "[sighs] Fine."), which are not people.
  const bracket = /^\s*(?:-\s*)?\[(?!\p{Ll})([^\]\d][^\]]{0,59})\]\s*:?\s+(\S.*)$/u.exec(line);
  if (bracket && !/^(music|applause|laughter|inaudible|crosstalk|silence|noise)$/i.test(bracket[1].trim())) return { speaker: bracket[1].trim(), text: bracket[2] };
  const m = LABEL.exec(line);
  if (!m) return null;
  return { speaker: m[1].replace(/^\[|\]$/g, '').trim(), text: m[2] };
}

/**
 * Tags removed, then character references decoded, whitespace collapsed. WebVTT decodes cue text's
 * references as HTML does (every named one, with or without the semicolon where HTML allows it, and
 * numeric ones), so the `entities` decoder in HTML text mode does it; tags go first, so an `&lt;`
 * stays a literal "<" and never starts a tag. Bidi marks (&lrm;, &rlm;) are left out of the text.
 */
export function cueText(s: string): string {
  return decodeHTML(s.replace(/<[^>]*>/g, ''))
    .replace(/[\u200E\u200F]/g, '')
    // Broadcast captions mark a change of speaker with ">>" (">> DANA: …"): a marker, not words.
    .replace(/^\s*>{2,3}\s*/, '')
    .replace(/\s+/g, ' ').trim();
}

/** Consecutive turns of one speaker become one. */
export function mergeTurns(turns: TranscriptTurn[]): TranscriptTurn[] {
  const out: TranscriptTurn[] = [];
  for (const t of turns) {
    if (!t.text) continue;
    const prev = out[out.length - 1];
    if (prev && prev.speaker === t.speaker) prev.text = `${prev.text} ${t.text}`;
    else out.push({ ...t });
  }
  return out;
}

interface Cue { line: number; startSec: number; endSec: number; lines: string[] }

/**
 * The cues of a WebVTT or SRT file: blank-line separated blocks with a "start --> end" timing line.
 * Blocks without one are header, NOTE, STYLE or REGION blocks (WebVTT) or else reported. As the
 * WebVTT parsing rules say, a line with "-->" inside a cue's text starts the next cue (files that
 * leave out the blank lines); a bare number just above it is that cue's SRT index. Cue settings
 * after the end time are never text. We keep this reader rather than a subtitle library: the
 * rolling-caption and speaker-label rules above and in vtt.ts would still be ours on top of one.
 */
export function readCues(content: string): { cues: Cue[]; rejected: Rejection[] } {
  const lines = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const cues: Cue[] = [];
  const rejected: Rejection[] = [];
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && !lines[i].trim()) i += 1;
    const startLine = i;
    const block: string[] = [];
    while (i < lines.length && lines[i].trim()) block.push(lines[i++]);
    if (!block.length) break;
    const t = block.findIndex((l) => l.includes('-->'));
    // A later timing line in the block starts another cue: push it back to be read as its own block.
    const next = t < 0 ? -1 : block.findIndex((l, k) => k > t && l.includes('-->'));
    if (next > 0) {
      const cut = next - 1 > t && /^\d+$/.test(block[next - 1].trim()) ? next - 1 : next;
      i -= block.length - cut;
      block.length = cut;
    }
    if (t < 0) {
      if (!/^(WEBVTT|NOTE|STYLE|REGION)\b/.test(block[0]) && !(block.length === 1 && /^\d+$/.test(block[0].trim()))) {
        rejected.push({ position: `line ${startLine + 1}`, reason: 'a cue without a "start --> end" timing line' });
      }
      continue;
    }
    const [a, b = ''] = block[t].split('-->');
    const startSec = timestampSeconds(a);
    // The end time is the timestamp the line opens with: cue settings may follow it without a space.
    const endSec = timestampSeconds(/^\s*(\d+:\d+(?::\d+)?(?:[.,]\d+)?)/.exec(b)?.[1] ?? b.trim());
    if (startSec === null || endSec === null) {
      rejected.push({ position: `line ${startLine + t + 1}`, reason: `unreadable cue timing "${block[t].trim().slice(0, 80)}"` });
      continue;
    }
    cues.push({ line: startLine + t + 1, startSec, endSec, lines: block.slice(t + 1) });
  }
  return { cues, rejected };
}

export interface MeetingParts {
  source: string;
  /** What the default idempotency key is computed from. */
  content: string;
  turns: TranscriptTurn[];
  durationSec?: number;
  rejected?: Rejection[];
  /** The file's own metadata, which the options do not override (Gong). */
  title?: string;
  occurredAt?: string;
  externalId?: string;
  attendees?: Array<{ name: string; email?: string }>;
  position?: string;
  route?: RouteHint;
  /** No transcript yet (a call_completed webhook): stored with an empty one, marked pending. */
  transcriptPending?: boolean;
}

const TURN_CHARS = 50_000;
const MAX_TURNS = 20_000;

/**
 * A turn longer than a turn may be (a one-line 1 MB transcript) split into consecutive turns of the
 * same speaker at word boundaries; it used to be cut at 50,000 characters without a word (found by
 * the pathological-files test).
 */
function withinTurnSize(t: TranscriptTurn): TranscriptTurn[] {
  if (t.text.length <= TURN_CHARS) return [t];
  const out: TranscriptTurn[] = [];
  let rest = t.text;
  while (rest.length > TURN_CHARS) {
    const space = rest.lastIndexOf(' ', TURN_CHARS);
    const cut = space > TURN_CHARS / 2 ? space : TURN_CHARS;
    out.push({ ...t, text: rest.slice(0, cut).trim() });
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push({ ...t, text: rest });
  return out;
}

/** A meeting signal from merged turns; an empty transcript is rejected unless it is marked pending. */
export function meetingResult(p: MeetingParts, opts: ParseOptions): ParseResult {
  const position = p.position ?? 'transcript';
  const all = mergeTurns(p.turns).flatMap(withinTurnSize);
  const turns = all.slice(0, MAX_TURNS);
  if (turns.length === 0 && !p.transcriptPending) return { items: [], rejected: [...(p.rejected ?? []), { position, reason: 'the transcript is empty' }] };
  const speakers = [...new Set(turns.map((t) => t.speaker).filter((s) => s && s !== UNKNOWN_SPEAKER))];
  const out: ParseResult = { items: [], rejected: [...(p.rejected ?? [])], ...(all.length > MAX_TURNS ? { warnings: [{ position, reason: `${all.length} turns: the first ${MAX_TURNS} were kept` }] } : {}) };
  addSignal(out, position, {
    kind: 'meeting',
    occurredAt: p.occurredAt ?? opts.occurredAt ?? (opts.now?.() ?? new Date()).toISOString(),
    source: p.source,
    externalId: p.externalId ?? opts.externalId ?? createHash('sha256').update(p.content).digest('hex'),
    title: (p.title ?? opts.title ?? 'Call transcript').slice(0, 1000),
    attendees: p.attendees ?? speakers.map((name) => ({ name: name.slice(0, 200) })),
    ...(p.durationSec !== undefined ? { durationSec: Math.round(p.durationSec * 1000) / 1000 } : {}),
    transcript: turns.map((t) => ({ ...t, speaker: t.speaker.slice(0, 200) })),
    ...(p.transcriptPending && turns.length === 0 ? { transcriptPending: true } : {}),
  }, p.route);
  return out;
}
