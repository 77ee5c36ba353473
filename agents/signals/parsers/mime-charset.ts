// The charset label of each text part of a MIME message, checked against the part's bytes before
// mailparser reads it. Clients label parts wrongly: "charset=utf-8" over Latin-1 bytes (Windows Live
// Mail, Netscape), in quoted-printable or base64 and in any part of a multipart message; mailparser
// reads such a part as UTF-8 and every accented letter became U+FFFD. A part labelled UTF-8 or ASCII
// (or not labelled) whose decoded bytes are not UTF-8 is relabelled with the detector's guess; a
// part labelled Latin-1 whose bytes are valid 8-bit UTF-8 is relabelled UTF-8. Each change is
// reported. (A single unencoded body is settled before this, in email.ts.)
import iconv from 'iconv-lite';
import { decodeText, mostlyUtf8 } from './charset.js';

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });
const LATIN = /^(iso-?8859-?1|latin-?1|windows-1252|cp-?1252|iso-?8859-?15)$/i;
const UTF8_OR_ASCII = /^(utf-?8|us-ascii|ascii)$/i;
const MAX_PARTS = 200;

function transferDecoded(body: string, cte: string): Buffer {
  if (cte === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (cte === 'quoted-printable') {
    return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
  }
  return Buffer.from(body, 'latin1');
}

/** ISO-2022 escape sequences (JIS X 0208, JIS-Roman): 7-bit Japanese mail, which reads as gibberish in ASCII. */
const ISO_2022_ESCAPE = /\x1b(?:\$[@B(]|\([BJ])/;

/**
 * The charset a text part's bytes call for instead of its label, with the reason; null when the
 * label stands. `declared` is the 8-bit charset the message names elsewhere (its multipart's
 * charset parameter, its encoded words), which an unlabelled part is most likely written in: the
 * detector, guessing from a few lines, read Thai as Big5.
 */
function betterCharset(label: string | undefined, bytes: Buffer, declared: string | undefined): { charset: string; warning: string } | null {
  if (!label && ISO_2022_ESCAPE.test(bytes.toString('latin1'))) {
    const charset = declared && /^iso-2022-/i.test(declared) ? declared : 'iso-2022-jp';
    return { charset, warning: `a text part with no charset holds ISO-2022 escape sequences: read as ${charset}` };
  }
  if (!bytes.some((b) => b >= 0x80)) return null;
  let utf8 = true;
  try { UTF8_STRICT.decode(bytes); } catch { utf8 = false; }
  if (!utf8 && label && /^utf-?8$/i.test(label) && mostlyUtf8(bytes)) {
    // A damaged UTF-8 part (a byte lost in transit) keeps its label: any other charset garbles all of it.
    return { charset: label, warning: `a text part declared ${label} has a few bytes that are not UTF-8: kept as ${label}` };
  }
  if (!utf8 && !label && declared && !/^iso-2022-/i.test(declared)) {
    return { charset: declared, warning: `a text part with no charset is not UTF-8: decoded as ${declared} (the charset the message declares)` };
  }
  if (!utf8 && (!label || UTF8_OR_ASCII.test(label))) {
    const { encoding } = decodeText(bytes);
    return { charset: encoding, warning: `a text part ${label ? `declared ${label}` : 'with no charset'} is not UTF-8: decoded as ${encoding} (a guess)` };
  }
  if (utf8 && label && LATIN.test(label)) return { charset: 'utf-8', warning: `a text part declared ${label} is UTF-8: read as UTF-8` };
  return null;
}

/** The first 8-bit charset the message names, in a Content-Type or an encoded word, that can be read. */
function declaredCharset(text: string): string | undefined {
  const named = [
    ...[...text.matchAll(/^content-type:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/gim)].map((m) => /charset\s*=\s*"?([^";\s]+)/i.exec(m[0])?.[1]),
    ...[...text.slice(0, /\r?\n\r?\n/.exec(text)?.index ?? 0).matchAll(/=\?([^?*\s]+)(?:\*[^?\s]*)?\?[BbQq]\?/g)].map((m) => m[1]),
  ];
  return named.find((c): c is string => !!c && !UTF8_OR_ASCII.test(c) && (iconv.encodingExists(c) || /^iso-2022-jp$/i.test(c)))?.toLowerCase();
}

/** One part's header block with its charset label replaced (or added). */
function relabelled(headers: string, charset: string): string {
  return headers.replace(/^(content-type:[ \t]*[^\r\n]*(?:\r?\n[ \t]+[^\r\n]*)*)/im, (ct: string) =>
    (/charset\s*=/i.test(ct) ? ct.replace(/charset\s*=\s*(?:"[^"]*"|[^\s;]+)/i, `charset=${charset}`) : `${ct}; charset=${charset}`));
}

/**
 * A part (its headers, a blank line, its body) whose text label its bytes contradict: its header
 * block relabelled, and why. A message that is a single part has no default type and is only
 * checked here when encoded (quoted-printable or base64); unencoded, email.ts has settled it.
 */
function fixedPart(part: string, single: boolean, declared?: string): { headers: string; relabelled: string; warning: string } | null {
  const split = /\r?\n\r?\n/.exec(part.slice(0, 65_536));
  if (!split) return null;
  const headers = part.slice(0, split.index);
  const flat = headers.replace(/\r?\n[ \t]+/g, ' ');
  const type = /^content-type:[ \t]*([^\r\n]*)/im.exec(flat)?.[1] ?? (single ? '' : 'text/plain');
  const cte = (/^content-transfer-encoding:[ \t]*([^\r\n;]*)/im.exec(flat)?.[1] ?? '').trim().toLowerCase();
  if (!/^\s*text\//i.test(type) || (single && !['quoted-printable', 'base64'].includes(cte))) return null;
  const label = /charset\s*=\s*"?([^";\s]+)"?/i.exec(type)?.[1];
  const better = betterCharset(label, transferDecoded(part.slice(split.index + split[0].length), cte), declared);
  return better ? { headers, relabelled: relabelled(headers, better.charset), warning: better.warning } : null;
}

/**
 * The message with its mislabelled text parts relabelled. Works on latin1 text (one char a byte),
 * so every other byte is written back unchanged. Parts are found by the boundaries the message
 * declares: a part runs from a boundary line to the next.
 */
export function relabelTextParts(raw: Buffer): { raw: Buffer; warnings: string[] } {
  const text = raw.toString('latin1');
  const boundaries = [...new Set([...text.matchAll(/boundary\s*=\s*(?:"([^"\r\n]+)"|([^\s;"]+))/gi)].map((m) => m[1] ?? m[2]))];
  if (boundaries.length === 0) {
    const fixed = fixedPart(text, true);
    return fixed ? { raw: Buffer.from(fixed.relabelled + text.slice(fixed.headers.length), 'latin1'), warnings: [fixed.warning] } : { raw, warnings: [] };
  }
  const declared = declaredCharset(text);
  const escaped = boundaries.map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const delimiter = new RegExp(`^--(?:${escaped})(?:--)?[ \\t]*\\r?$`, 'gm');
  const cuts = [...text.matchAll(delimiter)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const warnings: string[] = [];
  let out = '';
  let last = 0;
  for (let i = 0; i < cuts.length - 1 && i < MAX_PARTS; i += 1) {
    const from = cuts[i].end + (text[cuts[i].end] === '\n' ? 1 : 0);
    const fixed = fixedPart(text.slice(from, cuts[i + 1].start), false, declared);
    if (!fixed) continue;
    out += text.slice(last, from) + fixed.relabelled;
    last = from + fixed.headers.length;
    warnings.push(fixed.warning);
  }
  return warnings.length ? { raw: Buffer.from(out + text.slice(last), 'latin1'), warnings } : { raw, warnings };
}

const ENCODED_WORD = /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([BbQq])\?([^?\s]*)\?=/g;

function wordBytes(enc: string, data: string): Buffer {
  return /b/i.test(enc) ? Buffer.from(data, 'base64')
    : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
}

/**
 * The charset an encoded word's bytes are in: its label, unless it says UTF-8 and they are not. Then
 * Windows-1252: a word is too few bytes for the detector (one "ñ" read as Polish "ń"), and writers
 * that mislabel a word are almost always writing Latin-1.
 */
function wordCharset(label: string, bytes: Buffer): string {
  if (!/^utf-?8$/i.test(label)) return label;
  try { UTF8_STRICT.decode(bytes); return label; } catch { return 'windows-1252'; }
}

/**
 * Encoded words labelled UTF-8 whose bytes are not ("=?UTF-8?Q?Luc=EDa?=", a Latin-1 byte) relabelled
 * (see wordCharset), so the header decoder does not turn the letter into U+FFFD.
 */
export function relabelEncodedWords(header: string): string {
  return header.replace(ENCODED_WORD, (word, label: string, enc: string, data: string) => {
    const charset = wordCharset(label, wordBytes(enc, data));
    return charset === label ? word : `=?${charset}?${enc}?${data}?=`;
  });
}

/**
 * RFC 2047 encoded words ("=?ISO-8859-1?Q?G=F6ran?=") decoded, for header text mailparser leaves raw
 * (the names of mailing-list archive addresses, "ana at example.com (=?UTF-8?Q?Ana_R=C3=ADos?=)").
 * Adjacent words join without the space between them; a charset iconv-lite lacks leaves the word as written.
 */
export function decodeEncodedWords(s: string): string {
  return s.replace(/(=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)\s+(?==\?[^?\s]+\?[BbQq]\?)/g, '$1').replace(ENCODED_WORD, (word, label: string, enc: string, data: string) => {
    const bytes = wordBytes(enc, data);
    const charset = wordCharset(label, bytes);
    return iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : word;
  });
}
