// SubRip (.srt) transcripts → one meeting signal; the speaker comes from a "Name:" prefix on a
// line (subtitles label a speaker when the speaker changes, so an unlabelled line continues the
// last one; before any label it is "Unknown"). Title, time and id come from the options, as for
// WebVTT. The encoding is read from a BOM or guessed, with a warning (charset.ts).
import type { TranscriptTurn } from '../schema.js';
import { UNKNOWN_SPEAKER, cueText, meetingResult, readCues, speakerPrefix } from './transcript-turns.js';
import type { ParseOptions, ParseResult } from './types.js';
import { decodeText } from './charset.js';

export function parseSrt(content: string | Buffer, opts: ParseOptions = {}): ParseResult {
  const { text, warning } = decodeText(content);
  const { cues, rejected } = readCues(text);
  const turns: TranscriptTurn[] = [];
  let speaker = UNKNOWN_SPEAKER;
  for (const c of cues) {
    for (const line of c.lines) {
      const clean = cueText(line);
      const p = speakerPrefix(clean);
      if (p) speaker = p.speaker;
      turns.push({ speaker, text: p ? p.text : clean, startSec: c.startSec });
    }
  }
  const out = meetingResult({
    source: 'srt', content: text, rejected, turns,
    ...(cues.length ? { durationSec: Math.max(...cues.map((c) => c.endSec)) } : {}),
  }, opts);
  return warning ? { ...out, warnings: [{ position: 'file', reason: warning }] } : out;
}
