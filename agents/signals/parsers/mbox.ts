// mbox archives (mboxo, mboxrd, mboxcl, mboxcl2), streamed: the input is split into messages on
// "From " separator lines as it is
// read, and each message is parsed on its own, so a 10,000-message archive is never held whole.
// A message that cannot be read is reported with its index and line, and skipped.
import { Readable } from 'node:stream';
import { parseEmail } from './email.js';
import type { ParseOptions, ParseResult } from './types.js';

export interface MboxMessage {
  /** The message as it was written (">From " unescaped), in its original bytes. */
  raw: Buffer;
  /** 0-based index in the archive. */
  index: number;
  /** 1-based line of its "From " envelope line. */
  line: number;
  /** The envelope line's date, as ISO 8601, when it has one. */
  envelopeDate?: string;
}

export type MboxInput = Readable | AsyncIterable<Buffer | Uint8Array | string> | Buffer | string;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "From sender Mon Nov 16 10:00:00 2026" (asctime), optionally with a zone before the year. */
const ENVELOPE_DATE = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+([A-Za-z]{3})[a-z]*\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([+-]\d{4}|UTC|GMT)\s+)?(\d{4})\b/;
/** An envelope line after a blank line: "From " + sender + a weekday and a time somewhere after it. */
const ENVELOPE = /^From \S+.*\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b.*\b\d{1,2}:\d{2}/;

function envelopeDate(line: string): string | undefined {
  const d = ENVELOPE_DATE.exec(line);
  if (!d) return undefined;
  const month = MONTHS.indexOf(d[1].toLowerCase());
  if (month < 0) return undefined;
  const zone = d[6] && /^[+-]/.test(d[6]) ? (d[6][0] === '-' ? -1 : 1) * (Number(d[6].slice(1, 3)) * 60 + Number(d[6].slice(3))) : 0;
  const t = Date.UTC(Number(d[7]), month, Number(d[2]), Number(d[3]), Number(d[4]), Number(d[5] ?? 0)) - zone * 60_000;
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

async function* chunksOf(input: MboxInput): AsyncGenerator<Buffer> {
  if (typeof input === 'string' || Buffer.isBuffer(input)) {
    const b = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
    // Large buffers are walked in slices so the splitter's working set stays small.
    for (let i = 0; i < b.length; i += 1 << 20) yield b.subarray(i, i + (1 << 20));
    return;
  }
  for await (const c of input as AsyncIterable<Buffer | Uint8Array | string>) yield typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}

/** A bare separator: "From " with no envelope sender or date (some exporters write only that; Netscape wrote "From - "). */
const BARE_ENVELOPE = /^From(?:\s+-)?\s*$/;
const CONTENT_LENGTH = /^Content-Length:\s*(\d+)\s*$/i;
const HEADER_LINE = /^[!-9;-~]+:/;

/**
 * Splits an mbox into raw messages as the input arrives. Bytes are handled as latin1 (one byte,
 * one character, both ways), so messages in any charset reach the MIME parser unchanged.
 * Variants: a "From " line is a separator on the first line, or after a blank line when it is an
 * envelope (sender, weekday, time) or bare; mboxo/mboxrd ">From " lines lose one ">"; in
 * mboxcl/mboxcl2 a Content-Length header measures the body and no line inside it separates. An
 * envelope line with no blank line before it separates when a header line follows it.
 */
export async function* splitMbox(input: MboxInput): AsyncGenerator<MboxMessage> {
  let carry: string[] = [];
  let lines: string[] = [];
  let lineNo = 0;
  let index = 0;
  let start: { line: number; envelope: string } | null = null;
  let previousBlank = true;
  let inHeaders = false;
  let contentLength: number | null = null;
  /** Bytes of a Content-Length body still to come (separators are not looked for inside it). */
  let bodyLeft = 0;
  /** An envelope-shaped "From " line with no blank line before it: a separator if a header line follows. */
  type Held = { line: string; rawLength: number; lineNo: number };
  let held = null as Held | null;
  function* flush(): Generator<MboxMessage> {
    if (lines.length && lines[lines.length - 1] === '') lines.pop(); // the blank line before the next "From "
    if (start || lines.some((l) => l.trim())) {
      const date = start ? envelopeDate(start.envelope) : undefined;
      yield { raw: Buffer.from(lines.join('\n'), 'latin1'), index, line: start?.line ?? 1, ...(date ? { envelopeDate: date } : {}) };
      index += 1;
    }
    lines = [];
  }
  function* begin(line: string, at: number): Generator<MboxMessage> {
    yield* flush();
    start = { line: at, envelope: line };
    previousBlank = false;
    inHeaders = true;
    contentLength = null;
    bodyLeft = 0;
  }
  function append(line: string, rawLength: number): void {
    if (bodyLeft > 0) {
      bodyLeft -= rawLength;
      previousBlank = line.trim() === '';
      lines.push(line);
      return;
    }
    if (inHeaders) {
      if (line === '') {
        inHeaders = false;
        if (contentLength !== null) bodyLeft = contentLength;
      } else {
        const cl = CONTENT_LENGTH.exec(line);
        if (cl) contentLength = Number(cl[1]);
      }
    }
    previousBlank = line.trim() === '';
    lines.push(/^>+From /.test(line) ? line.slice(1) : line);
  }
  function* take(line: string, rawLength: number): Generator<MboxMessage> {
    lineNo += 1;
    if (held) {
      const h = held;
      held = null;
      if (HEADER_LINE.test(line)) yield* begin(h.line, h.lineNo);
      else append(h.line, h.rawLength);
    }
    const envelope = line.startsWith('From') && (BARE_ENVELOPE.test(line) || ENVELOPE.test(line));
    if (bodyLeft <= 0 && line.startsWith('From') && (lineNo === 1 ? /^From\s/.test(line) || BARE_ENVELOPE.test(line) : previousBlank && envelope)) {
      yield* begin(line, lineNo);
      return;
    }
    // Netscape wrote no blank line before its "From - " lines, and its Content-Length headers were
    // off (a body measured short or long): whole messages were read as the one before's text.
    if (envelope && !inHeaders) {
      held = { line, rawLength, lineNo };
      return;
    }
    append(line, rawLength);
  }
  // Each chunk is searched for line ends once: the unfinished line is kept as pieces and joined when
  // its end arrives. Searching carry + chunk again for every chunk was quadratic in a long line (a
  // 200 KB line in small chunks took seconds; found by test/fuzz/parsers.test.ts).
  for await (const chunk of chunksOf(input)) {
    const piece = chunk.toString('latin1');
    let from = 0;
    for (let nl = piece.indexOf('\n'); nl >= 0; nl = piece.indexOf('\n', from)) {
      const line = carry.length ? carry.join('') + piece.slice(from, nl) : piece.slice(from, nl);
      carry = [];
      yield* take(line.endsWith('\r') ? line.slice(0, -1) : line, line.length + 1);
      from = nl + 1;
    }
    if (from < piece.length) carry.push(piece.slice(from));
  }
  const last = carry.join('');
  if (last) yield* take(last.replace(/\r$/, ''), last.length);
  const unsettled = held as Held | null; // set inside take(), which TypeScript does not follow
  if (unsettled) append(unsettled.line, unsettled.rawLength);
  yield* flush();
}

/** Parses every message of an mbox, one result a message: good ones returned, bad ones reported by position. */
export async function* parseMbox(input: MboxInput, opts: ParseOptions = {}): AsyncGenerator<ParseResult> {
  for await (const m of splitMbox(input)) {
    yield await parseEmail(m.raw, opts, { position: `message ${m.index + 1} (line ${m.line})`, envelopeDate: m.envelopeDate });
  }
}
