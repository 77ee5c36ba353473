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
// re-import idempotent; a second value for one key in a file is rejected rather than dropped.
// Exports also carry: "#" notes or a title line above the header (skipped), days written 20260531,
// text columns in the wide form (campaign, plan: they name the series, "clicks (Spring / EU)"),
// local number notation (usage-value.ts), a second table after a blank line (reported once), and
// chart exports with the days across the header (each row a series named by its label cells).
import { parse } from 'csv-parse/sync';
import { addSignal } from './result.js';
import { decodeText } from './charset.js';
import { decimalMark, measuredValue } from './usage-value.js';

export { usageValue } from './usage-value.js';
import type { ParseOptions, ParseResult } from './types.js';

export interface CsvRecord { line: number; fields: string[] }
/** A record with the line it ends on (a blank line after it shows as a gap before the next). */
type Spanned = CsvRecord & { end: number };

/** The delimiter the first line that has one uses most: comma, semicolon or tab (a title line above the header has none). */
function delimiterOf(text: string): string {
  for (const line of text.split(/\r\n|\n|\r/, 20)) {
    const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length] as const);
    const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
    if (best[1] > 1) return best[0];
  }
  return ',';
}

/**
 * The text after the notes some tools write above the table (GA4: "# Start date: 20260501", lines
 * of "# ----"), and how many lines that was: lines at the top that are blank or start with "#".
 */
export function withoutPreamble(text: string): { text: string; lines: number } {
  // Excel also writes the delimiter on a first line of its own ("sep=;"); the header line says it too.
  const m = /^(?:sep=[^\r\n]?[ \t]*(?:\r\n|\n|\r))?(?:[ \t]*(?:#[^\r\n]*)?(?:\r\n|\n|\r))*/i.exec(text)?.[0] ?? '';
  return { text: text.slice(m.length), lines: m.match(/\r\n|\n|\r/g)?.length ?? 0 };
}

/** RFC 4180 records (csv-parse) with the line each starts on; blank lines are skipped. */
export function csvRows(text: string, delimiter = delimiterOf(text)): CsvRecord[] {
  return spannedRows(text, delimiter).map(({ line, fields }) => ({ line, fields }));
}

function spannedRows(text: string, delimiter: string): Spanned[] {
  const records = parse(text, {
    delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, skip_empty_lines: true,
    info: true, raw: true,
  }) as unknown as Array<{ record: string[]; raw: string; info: { lines: number } }>;
  return records.filter((r) => r.record.some((f) => f.trim())).map((r) => {
    // info.lines is the line the record ends on; its own line breaks (inside quoted fields) say where it began.
    const body = r.raw.replace(/^[\r\n]+/, '').replace(/(\r\n|\n|\r)$/, '');
    return { line: r.info.lines - (body.match(/\r\n|\n|\r/g)?.length ?? 0), fields: r.record, end: r.info.lines };
  });
}

const ALIASES: Record<string, string[]> = {
  // with the word for a date in the languages European exports are often written in (de/nl, es, it/pt, fr)
  date: ['date', 'day', 'timestamp', 'time', 'occurred_at', 'date_utc', 'event_date', 'period_start', 'ds', 'event_time', 'datetime', 'week', 'week_of', 'week_start', 'period', 'datum', 'fecha', 'data', 'jour', 'dia', 'día'],
  metric: ['metric', 'metric_name', 'event', 'event_name', 'measure', 'kpi'],
  value: ['value', 'count', 'amount', 'quantity'],
  account: ['account', 'account_id'],
  domain: ['domain', 'account_domain', 'company_domain'],
  unit: ['unit', 'units'],
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** The instant and the key part of a date cell: YYYY-MM-DD for a day, the ISO instant for a time. */
export function usageDate(cell: string): { iso: string; key: string } | null {
  const s = cell.trim()
    .replace(/^((?:19|2\d)\d\d)(\d\d)(\d\d)$/, '$1-$2-$3') // GA4 and BigQuery write a day as 20260531
    .replace(/(\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s+(?:UTC|GMT)$/i, '$1Z'); // and a time as "2026-05-31 09:00:00 UTC"
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


/** Cells that say a value is missing rather than naming something. */
const MISSING = /^(n\/?a|null|none|nan|-+|\u2013|\u2014|\?)$/i;

/** Header cells as column keys: lower case, runs of spaces and dashes as "_". */
const columnKey = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * Where the header is: the first of the opening records with a date column (a title line, "===
 * Daily Trends ===", can stand above it), else the first record.
 */
function headerIndex(records: CsvRecord[]): number {
  const at = records.slice(0, 20).findIndex((r) => r.fields.some((f) => ALIASES.date.includes(columnKey(f))) || datesAcross(r.fields) !== null);
  return Math.max(0, at);
}

/**
 * Chart exports (Amplitude, PostHog, Mixpanel) put the days across the header: label columns, then
 * one column a day. The first date column, when every header cell from there on is a date.
 */
function datesAcross(fields: string[]): number | null {
  const cells = fields.map((f) => f.trim());
  const order = dateOrder(cells).order;
  const isDate = (c: string) => Boolean(c && (usageDate(c) ?? looseDate(c, order)));
  const first = cells.findIndex(isDate);
  const rest = cells.slice(first).filter(Boolean);
  return first >= 0 && rest.length >= 2 && rest.every(isDate) ? first : null;
}

/** A table with the days across the header: each row a series named by its label cells, each cell a day's value. */
function readDatesAcross(out: ParseResult, head: Spanned, rows: Spanned[], first: number, delimiter: string): ParseResult {
  const dates = head.fields.map((f) => f.trim());
  const order = dateOrder(dates.slice(first));
  const mark = decimalMark(rows.flatMap((r) => r.fields.slice(first).map((c) => c.trim()).filter(Boolean)), delimiter);
  const seen = new Map<string, number>();
  for (const { line, fields } of rows) {
    const label = fields.slice(0, first).map((f) => f.trim()).filter(Boolean).join(' / ');
    const metric = label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '').slice(0, 200);
    if (!metric) { out.rejected.push({ position: `row ${line}`, reason: 'no series name in the label columns' }); continue; }
    for (let i = first; i < fields.length; i += 1) {
      const raw = (fields[i] ?? '').trim();
      const date = usageDate(dates[i] ?? '') ?? looseDate(dates[i] ?? '', order.order);
      if (!raw || !date) continue;
      const where = `row ${line}, column "${dates[i]}"`;
      const m = measuredValue(raw, mark);
      if (m === null) { out.rejected.push({ position: where, reason: `bad value "${raw}"` }); continue; }
      const externalId = `:${date.key}:${metric}`;
      if (seen.has(externalId)) { out.rejected.push({ position: where, reason: `a second "${metric}" for ${date.key} (row ${seen.get(externalId)} has one)` }); continue; }
      seen.set(externalId, line);
      addSignal(out, where, { kind: 'usage', occurredAt: date.iso, metric, value: m.value, ...(m.unit ? { unit: m.unit } : {}), source: 'csv', externalId });
    }
  }
  if (order.guessed) (out.warnings ??= []).push({ position: `row ${head.line}`, reason: 'every numeric date could be read either way (like 03/04/2026): read month first; write dates as YYYY-MM-DD to be sure' });
  return out;
}

export function parseUsageCsv(content: string | Buffer, _opts: ParseOptions = {}): ParseResult {
  const { text: decoded, warning } = decodeText(content);
  const { text, lines: notes } = withoutPreamble(decoded);
  const delimiter = delimiterOf(text);
  let parsed: Spanned[];
  try {
    parsed = spannedRows(text, delimiter).map((r) => ({ ...r, line: r.line + notes, end: r.end + notes }));
  } catch (err) {
    return { items: [], rejected: [{ position: 'file', reason: `not readable CSV (${(err as Error).message.slice(0, 200)})` }] };
  }
  const at = headerIndex(parsed);
  const [head, ...rows] = parsed.slice(at);
  const header = (head?.fields ?? []).map(columnKey);
  const col = Object.fromEntries(Object.entries(ALIASES).map(([k, names]) => [k, header.findIndex((h) => names.includes(h))]));
  // Wide form: a date column and metric columns, no metric or value column.
  const known = new Set(Object.values(col).filter((i) => i >= 0));
  const columns = col.date >= 0 && col.metric < 0 && col.value < 0
    ? header.map((h, i) => ({ i, metric: h.replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '') })).filter((c) => !known.has(c.i) && c.metric)
    : [];
  const missing = columns.length ? [] : ['date', 'metric', 'value'].filter((k) => col[k] < 0);
  const out: ParseResult = { items: [], rejected: [], ...(warning ? { warnings: [{ position: 'file', reason: warning }] } : {}) };
  if (at > 0) (out.warnings ??= []).push({ position: `rows ${parsed[0].line}-${parsed[at - 1].line}`, reason: 'lines above the header (a title or notes) were skipped' });
  const across = missing.length && head ? datesAcross(head.fields) : null;
  if (across !== null) return readDatesAcross(out, head, rows, across, delimiter);
  if (missing.length) return { items: [], rejected: [{ position: `row ${head?.line ?? 1}`, reason: `the header needs ${missing.map((k) => `a "${k}"`).join(', ')} column (has: ${header.join(', ') || 'nothing'})` }] };

  const cellsOf = (i: number) => rows.map((r) => (r.fields[i] ?? '').trim()).filter(Boolean);
  const mark = decimalMark((columns.length ? columns.map((c) => c.i) : [col.value]).flatMap(cellsOf), delimiter);
  // A text column in a wide export (campaign, source, page) names a series, not a measurement:
  // its values go into the metric's name, so two campaigns on one day are two series, not one key.
  const isDimension = (i: number) => {
    const cells = cellsOf(i);
    return cells.some((c) => !MISSING.test(c)) && cells.every((c) => measuredValue(c, mark) === null);
  };
  const dimensions = columns.filter((c) => isDimension(c.i));
  const wide = columns.filter((c) => !dimensions.includes(c));
  if (columns.length && !wide.length) return { ...out, rejected: [{ position: `row ${head.line}`, reason: `no column holds numbers (has: ${header.join(', ')})` }] };

  const order = dateOrder(rows.map((r) => (r.fields[col.date] ?? '').trim()));
  const seen = new Map<string, number>();
  let guessed = false;
  const dated = (r: Spanned) => { const c = (r.fields[col.date] ?? '').trim(); return Boolean(usageDate(c) ?? looseDate(c, order.order)); };
  for (const [n, { line, fields }] of rows.entries()) {
    const position = `row ${line}`;
    const cell = (k: string) => (col[k] >= 0 ? (fields[col[k]] ?? '').trim() : '');
    const iso = usageDate(cell('date'));
    const loose = iso ? null : looseDate(cell('date'), order.order);
    const date = iso ?? loose;
    // After a blank line, undated rows to the end are another table or notes: said once, not row by row.
    const previous = n > 0 ? rows[n - 1] : head;
    if (!date && line > previous.end + 1 && !rows.slice(n).some(dated)) {
      const last = rows[rows.length - 1].line;
      out.rejected.push({ position: last > line ? `rows ${line}-${last}` : position, reason: `after a blank line "${fields.join(' ').trim().slice(0, 80)}" starts no dated row: the rest of the file (another table or notes) was not read` });
      break;
    }
    if (!date) { out.rejected.push({ position, reason: `bad date "${cell('date')}"` }); continue; }
    if (loose && order.guessed && orderOf(cell('date')) === null && NUMERIC.test(cell('date'))) guessed = true;
    const account = cell('account');
    const domain = cell('domain').toLowerCase();
    const route = { accountId: account || undefined, domain: domain || undefined };
    const series = dimensions.map((d) => (fields[d.i] ?? '').trim()).filter(Boolean).join(' / ');
    const measured = (where: string, name: string, m: { value: number; unit?: string }) => {
      const metric = (series ? `${name} (${series})` : name).slice(0, 200);
      const externalId = `${account || domain}:${date.key}:${metric}`;
      // One value a metric, day and account: a second one would be dropped as a re-import of the first.
      const first = seen.get(externalId);
      if (first !== undefined) { out.rejected.push({ position: where, reason: `a second "${metric}" for ${date.key}${account || domain ? ` and ${account || domain}` : ''} (row ${first} has one)` }); return; }
      seen.set(externalId, line);
      const unit = m.unit ?? cell('unit');
      addSignal(out, where, { kind: 'usage', occurredAt: date.iso, metric, value: m.value, ...(unit ? { unit } : {}), source: 'csv', externalId }, route);
    };
    if (wide.length) {
      for (const c of wide) {
        const raw = (fields[c.i] ?? '').trim();
        if (!raw) continue; // no measurement that day
        const m = measuredValue(raw, mark);
        const where = `${position}, column "${header[c.i]}"`;
        if (m === null) out.rejected.push({ position: where, reason: `bad value "${raw}"` });
        else measured(where, c.metric, m);
      }
      continue;
    }
    const m = measuredValue(cell('value'), mark);
    if (m === null) { out.rejected.push({ position, reason: `bad value "${cell('value')}"` }); continue; }
    const metric = cell('metric');
    if (!metric) { out.rejected.push({ position, reason: 'no metric' }); continue; }
    measured(position, metric, m);
  }
  if (guessed) (out.warnings ??= []).push({ position: 'file', reason: 'every numeric date could be read either way (like 03/04/2026): read month first; write dates as YYYY-MM-DD to be sure' });
  return out;
}
