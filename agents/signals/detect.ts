// Which format an upload is, from its content first (the file name only breaks ties), and one
// entry that parses any of them.
import { Readable } from 'node:stream';
import { SignalInput } from './schema.js';
import { parseEmail } from './parsers/email.js';
import { parseMbox } from './parsers/mbox.js';
import { parseGong, parseSrt, parseVtt } from './parsers/transcripts.js';
import { parseUsageCsv } from './parsers/usage-csv.js';
import { parseSegment } from './parsers/segment.js';
import { parseHubspot, parseSalesforce } from './parsers/crm.js';
import { zodReason, type ParseOptions, type ParseResult } from './parsers/types.js';

export type Format = 'eml' | 'mbox' | 'vtt' | 'srt' | 'gong' | 'usage_csv' | 'segment' | 'hubspot' | 'salesforce' | 'signals_json';

function jsonFormat(v: unknown): Format | null {
  const first = Array.isArray(v) ? v[0] : (v as { batch?: unknown[] })?.batch?.[0] ?? v;
  if (!first || typeof first !== 'object') return null;
  const o = first as Record<string, unknown>;
  if (o.callData || o.callTranscripts || (o.metaData && o.transcript)) return 'gong';
  if (typeof o.subscriptionType === 'string' && 'eventId' in o) return 'hubspot';
  if (o.ChangeEventHeader || o.sobject) return 'salesforce';
  if ((o.type === 'track' || o.type === 'page') && ('event' in o || 'name' in o || 'properties' in o)) return 'segment';
  if (typeof o.kind === 'string' && 'occurredAt' in o) return 'signals_json';
  if (Array.isArray((v as { signals?: unknown[] })?.signals)) return 'signals_json';
  return null;
}

export function detectFormat(bytes: Buffer, filename = ''): Format | null {
  const head = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '');
  const name = filename.toLowerCase();
  if (/^WEBVTT/.test(head)) return 'vtt';
  if (/^From \S+.*\r?\n/.test(head)) return 'mbox';
  if (/^\s*[[{]/.test(head)) {
    try {
      return jsonFormat(JSON.parse(bytes.toString('utf8')));
    } catch {
      return null;
    }
  }
  if (/^\d+\r?\n\d{1,2}:\d{2}:\d{2},\d{3} --> /.test(head)) return 'srt';
  if (/^([\w-]+:.*\r?\n)+/.test(head) && /^(from|date|subject|message-id|received|return-path|mime-version):/im.test(head)) return 'eml';
  const firstLine = head.split(/\r?\n/)[0].toLowerCase();
  if (/(^|,)\s*"?date"?\s*(,|$)/.test(firstLine) && /metric/.test(firstLine) && /value/.test(firstLine)) return 'usage_csv';
  if (name.endsWith('.eml')) return 'eml';
  if (name.endsWith('.mbox')) return 'mbox';
  if (name.endsWith('.vtt')) return 'vtt';
  if (name.endsWith('.srt')) return 'srt';
  if (name.endsWith('.csv')) return 'usage_csv';
  return null;
}

function signalsJson(v: unknown): ParseResult {
  const list: unknown[] = Array.isArray(v) ? v : Array.isArray((v as { signals?: unknown[] }).signals) ? (v as { signals: unknown[] }).signals : [v];
  const out: ParseResult = { items: [], rejected: [] };
  list.forEach((s, i) => {
    const r = SignalInput.safeParse(s);
    if (r.success) out.items.push({ signal: r.data });
    else out.rejected.push({ position: `signal ${i + 1}`, reason: zodReason(r.error) });
  });
  return out;
}

/** Parses a whole upload; mbox is read as a stream, message by message. */
export async function* parseUpload(bytes: Buffer, format: Format, opts: ParseOptions = {}): AsyncGenerator<ParseResult> {
  const text = () => bytes.toString('utf8');
  switch (format) {
    case 'eml': yield await parseEmail(bytes, opts); return;
    case 'mbox': yield* parseMbox(Readable.from([bytes]), opts); return;
    case 'vtt': yield parseVtt(text(), opts); return;
    case 'srt': yield parseSrt(text(), opts); return;
    case 'usage_csv': yield parseUsageCsv(text(), opts); return;
    default: {
      let json: unknown;
      try {
        json = JSON.parse(text());
      } catch (err) {
        yield { items: [], rejected: [{ position: 'file', reason: `not valid JSON (${(err as Error).message})` }] };
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
