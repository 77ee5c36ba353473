// WebVTT transcripts (Teams, Zoom, Meet exports) → one meeting signal. Speakers come from voice
// tags (<v Name>, <v.class Name>), else from a "Name:" prefix (Zoom), else "Unknown";
// consecutive cues of one speaker become one turn. The file has no title, time or id: they come
// from the options (the id defaults to the sha256 of the content).
import type { TranscriptTurn } from '../schema.js';
import { UNKNOWN_SPEAKER, cueText, meetingResult, readCues, speakerPrefix } from './transcript-turns.js';
import { rejectedOnly } from './result.js';
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
      speaker = m[1]?.trim() || null;
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

export function parseVtt(content: string | Buffer, opts: ParseOptions = {}): ParseResult {
  const text = typeof content === 'string' ? content : content.toString('utf8');
  if (!/^\uFEFF?WEBVTT(?:[ \t]|\r?\n|$)/.test(text)) return rejectedOnly('line 1', 'not a WebVTT file (no WEBVTT header)');
  const { cues, rejected } = readCues(text);
  return meetingResult({
    source: 'vtt', content: text, rejected,
    turns: cues.flatMap((c) => voiced(c.lines, c.startSec)),
    ...(cues.length ? { durationSec: Math.max(...cues.map((c) => c.endSec)) } : {}),
  }, opts);
}
