// Which format an upload is, from its content first (the file name only breaks ties), and the
// entries that parse any of them. Detection reads only the head of the bytes, so it works on the
// first chunk of a stream; JSON that is cut off is recognised by its keys.
import { Readable } from 'node:stream';
import { SIGNAL_KINDS } from '../vocabulary.js';
import { parseEmail } from './parsers/email.js';
import { parseMbox } from './parsers/mbox.js';
import { parseGong, parseSrt, parseVtt } from './parsers/transcripts.js';
import { parseUsageCsv, withoutPreamble } from './parsers/usage-csv.js';
import { looksLikeSegment, parseSegment } from './parsers/segment.js';
import { parseIcs } from './parsers/ics.js';
import { parseSlackZip } from './parsers/slack-export.js';
import { parseHubspot, parseSalesforce } from './parsers/crm.js';
import { changeEventOf } from './parsers/salesforce.js';
import { bomEncoding, decodeText } from './parsers/charset.js';
import { addSignal, emptyResult, mergeResults, rejectedOnly } from './parsers/result.js';
import type { ParseOptions, ParseResult } from './parsers/types.js';

export type Format = 'eml' | 'mbox' | 'vtt' | 'srt' | 'gong' | 'usage_csv' | 'segment' | 'hubspot' | 'salesforce' | 'signals_json' | 'ics' | 'slack_export';
export const FORMATS: readonly Format[] = ['eml', 'mbox', 'vtt', 'srt', 'gong', 'usage_csv', 'segment', 'hubspot', 'salesforce', 'signals_json', 'ics', 'slack_export'];

const HEAD_BYTES = 64 * 1024;
const JSON_SHAPE_BYTES = 8 * 1024 * 1024;
const KINDS = new Set<string>(SIGNAL_KINDS);

/** The format of parsed JSON, from its shape. */
function jsonShape(v: unknown): Format | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.signals)) return 'signals_json';
  if (o.callData || o.callTranscripts || (Array.isArray(o.calls) && (o.calls as Array<Record<string, unknown>>)[0]?.metaData) || (o.metaData && (o.transcript || o.parties))) return 'gong';
  const first = (Array.isArray(v) ? v[0] : Array.isArray(o.batch) ? o.batch[0] : Array.isArray(o.events) ? o.events[0] : v) as Record<string, unknown> | undefined;
  if (!first || typeof first !== 'object') return null;
  if (first.callData || (first.metaData && first.transcript)) return 'gong';
  if (typeof first.subscriptionType === 'string' && 'eventId' in first) return 'hubspot';
  if (changeEventOf(first).ChangeEventHeader || (typeof first.sobject === 'string' && 'Id' in first)) return 'salesforce';
  if (typeof first.kind === 'string' && KINDS.has(first.kind) && 'occurredAt' in first) return 'signals_json';
  if (looksLikeSegment(v)) return 'segment';
  return null;
}

/** The format of JSON that did not parse (cut off at the head, or malformed), from its keys. */
function jsonKeys(head: string): Format | null {
  if (/"ChangeEventHeader"\s*:|"sobject"\s*:/.test(head)) return 'salesforce';
  if (/"subscriptionType"\s*:/.test(head) && /"eventId"\s*:/.test(head)) return 'hubspot';
  if (/"callData"\s*:|"callTranscripts"\s*:|"metaData"\s*:\s*\{/.test(head)) return 'gong';
  if (/"type"\s*:\s*"(track|page|screen|identify|group|alias)"/.test(head) && /"(messageId|event|userId|anonymousId)"\s*:/.test(head)) return 'segment';
  if (/^\s*\{\s*"(userId|anonymousId)"\s*:/.test(head) && /"(event|name|properties)"\s*:/.test(head)) return 'segment';
  if (/"signals"\s*:\s*\[/.test(head) || (/"kind"\s*:\s*"[a-z]+"/.test(head) && /"occurredAt"\s*:/.test(head))) return 'signals_json';
  return null;
}

const HEADER_LINE = /^[!-9;-~]+:[ \t]*\S?/;
const KNOWN_HEADERS = /^(from|to|date|subject|message-id|received|return-path|mime-version|delivered-to|reply-to|content-type|x-[\w-]+|dkim-signature|arc-[\w-]+|authentication-results):/im;

function csvHeader(line: string): boolean {
  const cols = line.toLowerCase().split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, '').trim());
  return ['date', 'day', 'timestamp'].some((c) => cols.includes(c)) && cols.some((c) => c === 'metric' || c === 'metric_name') && cols.some((c) => c === 'value' || c === 'count');
}

/** A wide usage export: a date column first, metric columns after it, and a date opening the next line. */
function wideCsv(header: string, next: string | undefined): boolean {
  const cols = header.toLowerCase().split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, '').trim());
  return cols.length >= 2 && /^(date|day|timestamp|date_utc|event_date|period_start|ds)$/.test(cols[0].replace(/[\s-]+/g, '_'))
    && /^"?(\d{4}-\d{2}-\d{2}|(?:19|2\d)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2}[ -][a-z]{3,9}[ -]\d{4})/i.test((next ?? '').trim());
}

function byName(filename: string): Format | null {
  const ext = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  return ({ eml: 'eml', mbox: 'mbox', mbx: 'mbox', vtt: 'vtt', srt: 'srt', csv: 'usage_csv', ics: 'ics', ical: 'ics' } as Record<string, Format>)[ext] ?? null;
}

/** The format of an upload from its first bytes; the file name decides only when the content does not. */
export function detectFormat(bytes: Buffer, filename = ''): Format | null {
  const bom = bomEncoding(bytes);
  const head = bom && bom !== 'utf-8' ? decodeText(bytes.subarray(0, HEAD_BYTES)).text : bytes.subarray(0, HEAD_BYTES).toString('utf8').replace(/^\uFEFF/, '');
  const start = head.replace(/^\s+/, '');
  // Old Mac tools end lines with a bare CR.
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(head)) return 'vtt';
  if (/^From (?:\S|[ \t]*\r?\n)/.test(head)) return 'mbox'; // an envelope line, or a bare "From " separator
  // A calendar, or a component written without the calendar around it (an exported event, a time
  // zone): "BEGIN:VTIMEZONE" then "X-LIC-LOCATION:" looked like a mail header.
  if (/^BEGIN:V[A-Z-]+\r?$/i.test(start.slice(0, 200).split('\n')[0])) return 'ics';
  // A zip of JSON files: the only archive the importer reads is a Slack export.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 && /\.json/.test(bytes.subarray(0, HEAD_BYTES).toString('latin1'))) return 'slack_export';
  if (/^[[{]/.test(start)) {
    // A whole small document is read by its shape; a head (or a very large body) by its keys.
    if (bytes.length > JSON_SHAPE_BYTES) return jsonKeys(head);
    try {
      return jsonShape(JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')));
    } catch {
      return jsonKeys(head);
    }
  }
  // SRT: a cue number, then its timing; exporters also leave out the number, or the milliseconds.
  if (/^(?:\d+[ \t]*(?:\r\n?|\n)[ \t]*)?\d{1,2}:\d{2}:\d{2}(?:[,.]\d{1,3})?[ \t]*-->/.test(start)) return 'srt';
  // A message may open with a blank line (a stray newline or a line of spaces before its header), or indented.
  const headerLines = start.split(/\r?\n/);
  if (HEADER_LINE.test(headerLines[0]) && KNOWN_HEADERS.test(headerLines.slice(0, 40).join('\n'))) return 'eml';
  // A usage export may open with notes ("# Start date: 20260501") above its header.
  const table = withoutPreamble(head).text.split(/\r?\n/);
  if (csvHeader(table[0]) || wideCsv(table[0], table[1])) return 'usage_csv';
  return byName(filename);
}

function signalsJson(v: unknown): ParseResult {
  const list: unknown[] = Array.isArray(v) ? v : Array.isArray((v as { signals?: unknown[] })?.signals) ? (v as { signals: unknown[] }).signals : [v];
  const out = emptyResult();
  list.forEach((s, i) => { addSignal(out, `signal ${i + 1}`, (s && typeof s === 'object' ? s : { value: s }) as Record<string, unknown>); });
  return out;
}

/** Parses a whole upload of a known format, one result at a time (an mbox: one a message, streamed). */
export async function* parseUpload(bytes: Buffer, format: Format, opts: ParseOptions = {}): AsyncGenerator<ParseResult> {
  switch (format) {
    case 'eml': yield await parseEmail(bytes, opts); return;
    case 'mbox': yield* parseMbox(Readable.from([bytes]), opts); return;
    case 'vtt': yield parseVtt(bytes, opts); return;
    case 'srt': yield parseSrt(bytes, opts); return;
    case 'usage_csv': yield parseUsageCsv(bytes, opts); return;
    case 'ics': yield parseIcs(bytes, opts); return;
    case 'slack_export': yield parseSlackZip(bytes); return;
    default: {
      let json: unknown;
      try {
        json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
      } catch (err) {
        yield rejectedOnly('file', `not valid JSON (${(err as Error).message})`);
        return;
      }
      if (format === 'gong') yield parseGong(json, opts);
      else if (format === 'segment') yield parseSegment(json, opts);
      else if (format === 'hubspot') yield parseHubspot(json, opts);
      else if (format === 'salesforce') yield parseSalesforce(json, opts);
      else yield signalsJson(json);
    }
  }
}

/** Why an upload of no known format is refused: an empty file is said to be empty. */
export function unrecognisedReason(bytes: Buffer): string {
  if (!bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').trim() && bytes.length <= 4096) return 'the file is empty';
  return 'unrecognised format: expected .eml, mbox, WebVTT, SRT, Gong JSON, usage CSV, Segment, HubSpot, Salesforce, signals JSON, iCalendar (.ics) or a Slack export (.zip)';
}

/** Detects the format (unless given) and parses everything into one result. */
export async function parseAny(bytes: Buffer, opts: ParseOptions & { filename?: string; format?: Format } = {}): Promise<ParseResult & { format: Format | null }> {
  const format = opts.format ?? detectFormat(bytes, opts.filename);
  if (!format) return { format, ...rejectedOnly(opts.filename || 'file', unrecognisedReason(bytes)) };
  const out = emptyResult();
  for await (const r of parseUpload(bytes, format, opts)) mergeResults(out, r);
  return { format, ...out };
}
