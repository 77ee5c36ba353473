// Usage CSV with a header: date, metric, value, and optionally account or domain, unit.
import { SignalInput } from '../schema.js';
import { zodReason, type ParseOptions, type ParseResult } from './types.js';

/** RFC 4180 rows: quoted fields, doubled quotes, CRLF. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((f) => f.trim()));
}

function parseDate(s: string): string | null {
  const t = s.trim();
  const d = /^\d{4}-\d{2}-\d{2}$/.test(t) ? new Date(`${t}T00:00:00Z`) : new Date(t);
  return Number.isNaN(d.getTime()) || !/\d{4}/.test(t) ? null : d.toISOString();
}

export function parseUsageCsv(text: string, _opts: ParseOptions = {}): ParseResult {
  const rows = csvRows(text.replace(/^\uFEFF/, ''));
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const col = (n: string) => header.indexOf(n);
  for (const need of ['date', 'metric', 'value']) {
    if (col(need) < 0) return { items: [], rejected: [{ position: 'row 1', reason: `the header needs a "${need}" column (has: ${header.join(', ')})` }] };
  }
  const out: ParseResult = { items: [], rejected: [] };
  rows.forEach((r, i) => {
    const position = `row ${i + 2}`;
    const date = parseDate(r[col('date')] ?? '');
    if (!date) { out.rejected.push({ position, reason: `bad date "${r[col('date')] ?? ''}"` }); return; }
    const raw = (r[col('value')] ?? '').trim().replace(/,/g, '');
    const value = raw === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(value)) { out.rejected.push({ position, reason: `bad value "${r[col('value')] ?? ''}"` }); return; }
    const metric = (r[col('metric')] ?? '').trim();
    const account = col('account') >= 0 ? r[col('account')]?.trim() : undefined;
    const domain = col('domain') >= 0 ? r[col('domain')]?.trim().toLowerCase() : undefined;
    const unit = col('unit') >= 0 ? r[col('unit')]?.trim() || undefined : undefined;
    const parsed = SignalInput.safeParse({ kind: 'usage', occurredAt: date, metric, value, ...(unit ? { unit } : {}), source: 'csv', externalId: `${account || domain || ''}:${date.slice(0, 10)}:${metric}` });
    if (!parsed.success) { out.rejected.push({ position, reason: zodReason(parsed.error) }); return; }
    out.items.push({ signal: parsed.data, route: { ...(account ? { accountId: account } : {}), ...(domain ? { domain } : {}) } });
  });
  return out;
}
