// WebVTT transcripts (Teams, Zoom, Meet exports) → one meeting signal. Speakers come from voice
// tags (<v Name>, <v.class Name>), else from a "Name:", "NAME:" or "[Name]" label, else "Unknown";
// rolling captions are de-duplicated; the bytes' encoding is read from a BOM or guessed (charset.ts);
// consecutive cues of one speaker become one turn. The file has no title, time or id: they come
// from the options (the id defaults to the sha256 of the content).
import { decodeHTML } from 'entities';
import type { TranscriptTurn } from '../schema.js';
import { UNKNOWN_SPEAKER, cueText, meetingResult, readCues, speakerPrefix } from './transcript-turns.js';
import { rejectedOnly } from './result.js';
import { decodeText } from './charset.js';
import type { ParseOptions, ParseResult } from './types.js';

const VOICE = /<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>/g;

/** A cue's text split where its voice changes; a voice lasts until </v> or the end of the cue. */
function voiced(payload: string[], startSec: number): TranscriptTurn[] {
  const out: TranscriptTurn[] = [];
  let speaker: string | null = null;
  for (const line of payload) {
    let last = 0;
    const pieces: Array<{ speaker: string | null; text: string }> = [];
    for (const m of line.matchAll(VOICE)) {
      pieces.push({ speaker, text: line.slice(last, m.index) });
      // The name is the tag's annotation, whose character references WebVTT decodes (Teams writes "Far&#237;as").
      speaker = decodeHTML(m[1] ?? '').replace(/\s+/g, ' ').trim() || null;
      last = m.index + m[0].length;
    }
    pieces.push({ speaker, text: line.slice(last) });
    for (const p of pieces) {
      const closes = /<\/v>/.test(p.text);
      const text = cueText(p.text);
      if (text) {
        const prefixed = p.speaker ? null : speakerPrefix(text);
        out.push({ speaker: p.speaker ?? prefixed?.speaker ?? UNKNOWN_SPEAKER, text: prefixed?.text ?? text, startSec });
      }
      if (closes) speaker = null;
    }
  }
  return out;
}

/**
 * YouTube-style rolling captions repeat the previous cue's lines (and flash each line again in a
 * 10 ms cue): a line that was already said in the cue before, or just before, is dropped, so each
 * line is kept once, in order.
 */
function unrolled(cues: Array<{ lines: string[]; startSec: number }>): Array<{ lines: string[]; startSec: number }> {
  let previous = new Set<string>();
  let last = '';
  return cues.map((c) => {
    // The voice stays part of a line's identity: two people can each say "Yes." in turn.
    const key = (l: string) => { const t = cueText(l); return t ? `${l.match(/<v[\s.][^>]*>/)?.[0] ?? ''}${t}` : ''; };
    const keys = c.lines.map(key);
    const kept = c.lines.filter((_, k) => keys[k] && !previous.has(keys[k]) && keys[k] !== last);
    previous = new Set(keys.filter(Boolean));
    for (const k of kept) last = key(k);
    return { ...c, lines: kept };
  });
}

export function parseVtt(content: string | Buffer, opts: ParseOptions = {}): ParseResult {
  const { text, warning } = decodeText(content);
  if (!/^WEBVTT(?:[ \t\r\n]|$)/.test(text)) return rejectedOnly('line 1', 'not a WebVTT file (no WEBVTT header)');
  const { cues, rejected } = readCues(text);
  const out = meetingResult({
    source: 'vtt', content: text, rejected,
    turns: unrolled(cues).flatMap((c) => voiced(c.lines, c.startSec)),
    ...(cues.length ? { durationSec: Math.max(...cues.map((c) => c.endSec)) } : {}),
  }, opts);
  return warning ? { ...out, warnings: [{ position: 'file', reason: warning }] } : out;
}
