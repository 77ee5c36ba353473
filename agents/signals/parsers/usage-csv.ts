// Usage CSV → usage signals. A header names the columns, in any order and case: `date`, `metric`,
// `value`, and optionally `account` (an account id) or `domain` (routing), and `unit`. Records are
// read by csv-parse (RFC 4180: doubled quotes, embedded commas and line breaks; LF, CRLF or CR);
// the encoding comes from a BOM or is guessed with a warning (charset.ts); a semicolon- or tab-separated file is read the same way. Dates are YYYY-MM-DD (midnight
// UTC) or ISO 8601 (UTC when no offset is given). A row with a bad date or value is rejected
// with its row number (the line it starts on; the header is row 1). The key
// `${account||domain}:${date}:${metric}` (source 'csv') makes a re-import idempotent.
import { parse } from 'csv-parse/sync';
import { addSignal } from './result.js';
import { decodeText } from './charset.js';
import type { ParseOptions, ParseResult } from './types.js';

export interface CsvRecord { line: number; fields: string[] }

/** The delimiter the header line uses most: comma, semicolon or tab. */
function delimiterOf(text: string): string {
  const first = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

/** RFC 4180 records (csv-parse) with the line each starts on; blank lines are skipped. */
export function csvRows(text: string, delimiter = delimiterOf(text)): CsvRecord[] {
  const records = parse(text, {
    delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, skip_empty_lines: true,
    info: true, raw: true,
  }) as unknown as Array<{ record: string[]; raw: string; info: { lines: number } }>;
  return records.filter((r) => r.record.some((f) => f.trim())).map((r) => {
    // info.lines is the line the record ends on; its own line breaks (inside quoted fields) say where it began.
    const body = r.raw.replace(/^[\r\n]+/, '').replace(/(\r\n|\n|\r)$/, '');
    return { line: r.info.lines - (body.match(/\r\n|\n|\r/g)?.length ?? 0), fields: r.record };
  });
}

const ALIASES: Record<string, string[]> = {
  date: ['date', 'day', 'timestamp', 'time', 'occurred_at'],
  metric: ['metric', 'metric_name'],
  value: ['value', 'count'],
  account: ['account', 'account_id'],
  domain: ['domain', 'account_domain', 'company_domain'],
  unit: ['unit', 'units'],
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** The instant and the key part of a date cell: YYYY-MM-DD for a day, the ISO instant for a time. */
export function usageDate(cell: string): { iso: string; key: string } | null {
  const s = cell.trim();
  const m = ISO.exec(s);
  if (!m) return null;
  const [, y, mo, d, hh] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return null;
  if (hh === undefined) return { iso: day.toISOString(), key: `${y}-${mo}-${d}` };
  const t = new Date(m[7] ? s.replace(' ', 'T') : `${s.replace(' ', 'T')}Z`);
  if (Number.isNaN(t.getTime())) return null;
  return { iso: t.toISOString(), key: t.toISOString() };
}

/** A number: plain, signed, decimal, exponent, or with thousands commas (1,380.5). */
export function usageValue(cell: string): number | null {
  const s = cell.trim();
  const plain = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? s : /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, '') : null;
  const n = plain === null ? Number.NaN : Number(plain);
  return Number.isFinite(n) ? n : null;
}

export function parseUsageCsv(content: string | Buffer, _opts: ParseOptions = {}): ParseResult {
  const { text, warning } = decodeText(content);
  let parsed: CsvRecord[];
  try {
    parsed = csvRows(text);
  } catch (err) {
    return { items: [], rejected: [{ position: 'file', reason: `not readable CSV (${(err as Error).message.slice(0, 200)})` }] };
  }
  const [head, ...rows] = parsed;
  const header = (head?.fields ?? []).map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  const col = Object.fromEntries(Object.entries(ALIASES).map(([k, names]) => [k, header.findIndex((h) => names.includes(h))]));
  const missing = ['date', 'metric', 'value'].filter((k) => col[k] < 0);
  if (missing.length) return { items: [], rejected: [{ position: 'row 1', reason: `the header needs ${missing.map((k) => `a "${k}"`).join(', ')} column (has: ${header.join(', ') || 'nothing'})` }] };

  const out: ParseResult = { items: [], rejected: [], ...(warning ? { warnings: [{ position: 'file', reason: warning }] } : {}) };
  for (const { line, fields } of rows) {
    const position = `row ${line}`;
    const cell = (k: string) => (col[k] >= 0 ? (fields[col[k]] ?? '').trim() : '');
    const date = usageDate(cell('date'));
    if (!date) { out.rejected.push({ position, reason: `bad date "${cell('date')}"` }); continue; }
    const value = usageValue(cell('value'));
    if (value === null) { out.rejected.push({ position, reason: `bad value "${cell('value')}"` }); continue; }
    const metric = cell('metric');
    if (!metric) { out.rejected.push({ position, reason: 'no metric' }); continue; }
    const account = cell('account');
    const domain = cell('domain').toLowerCase();
    const unit = cell('unit');
    addSignal(out, position, {
      kind: 'usage', occurredAt: date.iso, metric, value, ...(unit ? { unit } : {}),
      source: 'csv', externalId: `${account || domain}:${date.key}:${metric}`,
    }, { accountId: account || undefined, domain: domain || undefined });
  }
  return out;
}
