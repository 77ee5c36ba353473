// mbox archives, streamed: messages are split on "From " lines and parsed one at a time, so a
// large archive never sits in memory whole. A corrupt message is reported with its position.
import type { Readable } from 'node:stream';
import { parseEmail } from './email.js';
import type { ParseOptions, ParseResult } from './types.js';

/** Splits an mbox stream into raw messages (with ">From " unescaped), yielding each with its line. */
// Bytes are read as latin1, which maps each byte to one character and back, so messages in any
// charset reach the MIME parser unchanged.
export async function* splitMbox(input: Readable | AsyncIterable<Buffer | string>): AsyncGenerator<{ raw: Buffer; index: number; line: number }> {
  let buffer = '';
  let current: string[] = [];
  let startLine = 0;
  let lineNo = 0;
  let index = 0;
  const flush = function* () {
    if (current.length) {
      yield { raw: Buffer.from(current.join('\n'), 'latin1'), index: index++, line: startLine };
      current = [];
    }
  };
  const take = function* (line: string) {
    lineNo += 1;
    if (line.startsWith('From ') && (current.length === 0 || current[current.length - 1] === '' || lineNo === 1)) {
      yield* flush();
      startLine = lineNo;
      return;
    }
    current.push(/^>+From /.test(line) ? line.slice(1) : line);
  };
  for await (const chunk of input) {
    buffer += typeof chunk === 'string' ? Buffer.from(chunk, 'utf8').toString('latin1') : chunk.toString('latin1');
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      yield* take(buffer.slice(0, nl).replace(/\r$/, ''));
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
    }
  }
  if (buffer) yield* take(buffer);
  yield* flush();
}

/** Parses every message of an mbox; good messages are returned, bad ones reported by position. */
export async function* parseMbox(input: Readable | AsyncIterable<Buffer | string>, opts: ParseOptions = {}): AsyncGenerator<ParseResult> {
  for await (const m of splitMbox(input)) {
    yield await parseEmail(m.raw, opts, `message ${m.index + 1} (line ${m.line})`);
  }
}
