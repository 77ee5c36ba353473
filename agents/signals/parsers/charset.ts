// Text files whose encoding the file does not declare (subtitles, transcripts, CSV): a byte-order
// mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); else bytes that are valid UTF-8 are UTF-8; else chardet
// guesses a legacy encoding (Windows-1252, ISO-8859-x, Shift_JIS, …) and iconv-lite decodes it,
// and the guess is reported so the upload says its text may be off.
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding used, as iconv-lite names it. */
  encoding: string;
  /** Set when the encoding was guessed rather than read from a BOM or valid UTF-8. */
  warning?: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The encoding a byte-order mark names, when the bytes start with one. */
export function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  // UTF-32's marks first: the little-endian one starts with UTF-16 LE's (FF FE), and was read as UTF-16.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return 'utf-32le';
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return 'utf-32be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The bytes as text, BOM removed. */
export function decodeText(content: string | Buffer): DecodedText {
  if (typeof content === 'string') return { text: content.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  const bom = bomEncoding(content);
  // iconv-lite strips the BOM by default.
  if (bom) return { text: iconv.decode(content, bom), encoding: bom };
  try {
    return { text: UTF8.decode(content), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: the detector's best supported guess. ISO-8859-1 is read as Windows-1252, its
    // superset in practice (curly quotes and € live in 0x80–0x9F).
    const guess = analyse(content).map((m) => m.name.toLowerCase()).find((n) => n !== 'utf-8' && iconv.encodingExists(n)) ?? 'windows-1252';
    const encoding = guess === 'iso-8859-1' ? 'windows-1252' : guess;
    return { text: iconv.decode(content, encoding), encoding, warning: `not UTF-8 and no byte-order mark: decoded as ${encoding} (a guess)` };
  }
}

/** The length of the UTF-8 sequence a lead byte opens (1 for ASCII and for bytes that open none). */
function sequenceLength(b: number): number {
  return b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1;
}

/** The bytes cut into ASCII bytes, whole multi-byte UTF-8 sequences, and stray bytes that belong to none. */
function* utf8Pieces(bytes: Uint8Array): Generator<{ piece: Uint8Array; kind: 'ascii' | 'sequence' | 'stray' }> {
  for (let i = 0; i < bytes.length;) {
    const n = sequenceLength(bytes[i]);
    const seq = bytes.subarray(i, i + n);
    if (bytes[i] < 0x80) yield { piece: seq, kind: 'ascii' };
    else if (n > 1 && seq.length === n && validSequence(seq)) yield { piece: seq, kind: 'sequence' };
    else { yield { piece: bytes.subarray(i, i + 1), kind: 'stray' }; i += 1; continue; }
    i += n;
  }
}

function validSequence(seq: Uint8Array): boolean {
  try { UTF8.decode(seq); return true; } catch { return false; }
}

/**
 * UTF-8 with a few stray bytes in it (a Latin-1 letter pasted among UTF-8 ones, a byte cut off by a
 * client): at least as many whole UTF-8 sequences as stray bytes. Read in any single legacy charset
 * such text turns every one of its letters into mojibake ("Ð®Ð½"), to save the one stray byte.
 */
export function mostlyUtf8(bytes: Uint8Array): boolean {
  let sequences = 0;
  let strays = 0;
  for (const { kind } of utf8Pieces(bytes)) {
    if (kind === 'sequence') sequences += 1;
    else if (kind === 'stray') strays += 1;
  }
  return sequences > 0 && strays <= sequences;
}

/** UTF-8 sequences read as UTF-8, every stray byte as Windows-1252 (see mostlyUtf8). */
export function utf8WithStrays(bytes: Uint8Array): string {
  let out = '';
  for (const { piece, kind } of utf8Pieces(bytes)) out += kind === 'stray' ? iconv.decode(Buffer.from(piece), 'windows-1252') : UTF8.decode(piece);
  return out;
}
