// Usage CSV → usage signals. A header names the columns, in any order and case. Long form: `date`,
// `metric`, `value` (one measurement a row), optionally `account` (an account id) or `domain`
// (routing), and `unit`. Wide form, as analytics tools export it: a `date` column and one column
// per metric ("Date, Active Users, Sessions"), each numeric cell a measurement of the metric its
// header names (snake_cased). Records are read by csv-parse (RFC 4180: doubled quotes, embedded
// commas and line breaks; LF, CRLF or CR); the encoding comes from a BOM or is guessed with a
// warning (charset.ts); a semicolon- or tab-separated file is read the same way. Dates are ISO 8601
// (UTC when no offset is given; a bare day is midnight UTC), YYYY/MM/DD, a day with a month name
// ("Nov 3, 2026", "3 November 2026"), or numeric with slashes, dots or dashes: which part is the day
// is settled for the whole file by the cells that can only be read one way (a 23 in first place is a
// day), dots read day first, and a file where every date could be either is read month first with
// a warning. A row with a bad date or value is rejected with its row number (the line it starts on;
// the header is row 1). The key `${account||domain}:${date}:${metric}` (source 'csv') makes a
// re-import idempotent.
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
  date: ['date', 'day', 'timestamp', 'time', 'occurred_at', 'date_utc', 'event_date', 'period_start', 'ds'],
  metric: ['metric', 'metric_name', 'event', 'event_name', 'measure', 'kpi'],
  value: ['value', 'count', 'amount', 'quantity'],
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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NUMERIC = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{2,4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const NAMED = [
  /^(?:[a-z]{3,9},?\s+)?(?<mon>[a-z]{3,9})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})$/i, // Nov 3, 2026 / Tuesday, November 3 2026
  /^(?:[a-z]{3,9},?\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?<mon>[a-z]{3,9})\.?[\s-]+(?<y>\d{4})$/i, // 3 Nov 2026 / 03-Nov-2026
];

/** Which number of an a/b/yyyy date is the day: 'dmy', 'mdy', or null when this one cell cannot tell. */
function orderOf(cell: string): 'dmy' | 'mdy' | 'ymd' | null {
  const m = NUMERIC.exec(cell.trim());
  if (!m) return null;
  if (m[1].length === 4) return 'ymd';
  const [a, b] = [Number(m[1]), Number(m[3])];
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return m[2] === '.' ? 'dmy' : null; // 03.04.2026 is read day first wherever dots are written
}

/** The day order a whole date column is written in, and whether that was a guess. */
export function dateOrder(cells: string[]): { order: 'dmy' | 'mdy'; guessed: boolean } {
  let dmy = 0;
  let mdy = 0;
  let numeric = 0;
  for (const c of cells) {
    const o = orderOf(c);
    if (NUMERIC.test(c.trim()) && !/^\d{4}/.test(c.trim())) numeric += 1;
    if (o === 'dmy') dmy += 1;
    else if (o === 'mdy') mdy += 1;
  }
  if (dmy > mdy) return { order: 'dmy', guessed: false };
  if (mdy > 0) return { order: 'mdy', guessed: false };
  return { order: 'mdy', guessed: numeric > 0 };
}

const utcDay = (y: number, mo: number, d: number): Date | null => {
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d ? day : null;
};
const dayKey = (d: Date) => d.toISOString().slice(0, 10);

/** A date cell in a non-ISO form: numeric in the file's day order, or with a month name. */
export function looseDate(cell: string, order: 'dmy' | 'mdy' = 'mdy'): { iso: string; key: string } | null {
  const s = cell.trim();
  const m = NUMERIC.exec(s);
  if (m) {
    const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
    const [y, mo, d] = m[1].length === 4 ? [Number(m[1]), Number(m[3]), Number(m[4])]
      : order === 'dmy' || m[2] === '.' ? [year(m[4]), Number(m[3]), Number(m[1])] : [year(m[4]), Number(m[1]), Number(m[3])];
    if (m[1].length !== 4 && m[4].length === 3) return null;
    const day = utcDay(y, mo, d);
    if (!day) return null;
    if (m[5] === undefined) return { iso: day.toISOString(), key: dayKey(day) };
    const t = new Date(day.getTime() + (Number(m[5]) * 3600 + Number(m[6]) * 60 + Number(m[7] ?? 0)) * 1000);
    return Number(m[5]) < 24 && Number(m[6]) < 60 ? { iso: t.toISOString(), key: t.toISOString() } : null;
  }
  for (const re of NAMED) {
    const g = re.exec(s)?.groups;
    if (!g) continue;
    const mo = MONTHS.indexOf(g.mon.slice(0, 3).toLowerCase()) + 1;
    if (mo === 0 || (g.mon.length > 3 && !/^(january|february|march|april|may|june|july|august|september|october|november|december|sept)$/i.test(g.mon))) return null;
    const day = utcDay(Number(g.y), mo, Number(g.d));
    return day ? { iso: day.toISOString(), key: dayKey(day) } : null;
  }
  return null;
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
  // Wide form: a date column and metric columns, no metric or value column.
  const known = new Set(Object.values(col).filter((i) => i >= 0));
  const wide = col.date >= 0 && col.metric < 0 && col.value < 0
    ? header.map((h, i) => ({ i, metric: h.replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '') })).filter((c) => !known.has(c.i) && c.metric)
    : [];
  const missing = wide.length ? [] : ['date', 'metric', 'value'].filter((k) => col[k] < 0);
  if (missing.length) return { items: [], rejected: [{ position: 'row 1', reason: `the header needs ${missing.map((k) => `a "${k}"`).join(', ')} column (has: ${header.join(', ') || 'nothing'})` }] };

  const out: ParseResult = { items: [], rejected: [], ...(warning ? { warnings: [{ position: 'file', reason: warning }] } : {}) };
  const order = dateOrder(rows.map((r) => (r.fields[col.date] ?? '').trim()));
  let guessed = false;
  for (const { line, fields } of rows) {
    const position = `row ${line}`;
    const cell = (k: string) => (col[k] >= 0 ? (fields[col[k]] ?? '').trim() : '');
    const iso = usageDate(cell('date'));
    const loose = iso ? null : looseDate(cell('date'), order.order);
    const date = iso ?? loose;
    if (!date) { out.rejected.push({ position, reason: `bad date "${cell('date')}"` }); continue; }
    if (loose && order.guessed && orderOf(cell('date')) === null && NUMERIC.test(cell('date'))) guessed = true;
    const account = cell('account');
    const domain = cell('domain').toLowerCase();
    const unit = cell('unit');
    const route = { accountId: account || undefined, domain: domain || undefined };
    const measured = (metric: string, value: number) => addSignal(out, position, {
      kind: 'usage', occurredAt: date.iso, metric, value, ...(unit ? { unit } : {}),
      source: 'csv', externalId: `${account || domain}:${date.key}:${metric}`,
    }, route);
    if (wide.length) {
      for (const c of wide) {
        const raw = (fields[c.i] ?? '').trim();
        if (!raw) continue; // no measurement that day
        const value = usageValue(raw);
        if (value === null) out.rejected.push({ position: `${position}, column "${header[c.i]}"`, reason: `bad value "${raw}"` });
        else measured(c.metric, value);
      }
      continue;
    }
    const value = usageValue(cell('value'));
    if (value === null) { out.rejected.push({ position, reason: `bad value "${cell('value')}"` }); continue; }
    const metric = cell('metric');
    if (!metric) { out.rejected.push({ position, reason: 'no metric' }); continue; }
    measured(metric, value);
  }
  if (guessed) (out.warnings ??= []).push({ position: 'file', reason: 'every numeric date could be read either way (like 03/04/2026): read month first; write dates as YYYY-MM-DD to be sure' });
  return out;
}
