import { describe, expect, it } from 'vitest';
import { csvRows, parseUsageCsv, usageDate, usageValue } from '../../../agents/signals/parsers/usage-csv.js';
import { as, fixture } from './helpers.js';

describe('parseUsageCsv', () => {
  it('reads a CRLF file with a mixed-case header and quoted fields; bad rows are rejected by row number', () => {
    const r = parseUsageCsv(fixture('usage.csv'));
    expect(r.items.map((i) => {
      const s = as('usage', i.signal);
      return [s.occurredAt, s.metric, s.value, s.unit, s.externalId];
    })).toEqual([
      ['2026-11-01T00:00:00.000Z', 'active_users', 140, 'users', 'acmefreight.com:2026-11-01:active_users'],
      ['2026-11-02T00:00:00.000Z', 'active_users', 138, 'users', 'acmefreight.com:2026-11-02:active_users'],
      ['2026-11-04T00:00:00.000Z', 'active_users', 137, 'users', 'acmefreight.com:2026-11-04:active_users'],
      ['2026-11-04T06:30:00.000Z', 'api_calls, v2', 12400, 'calls', 'acmefreight.com:2026-11-04T06:30:00.000Z:api_calls, v2'],
    ]);
    expect(r.items.every((i) => i.signal.source === 'csv')).toBe(true);
    expect(r.items.map((i) => i.route)).toEqual(Array(4).fill({ domain: 'acmefreight.com' })); // lower-cased
    expect(r.rejected).toEqual([
      { position: 'row 4', reason: 'bad date "not-a-date"' },
      { position: 'row 5', reason: 'bad value "ninety"' },
      { position: 'row 9', reason: 'bad date "2026-02-30"' }, // the blank line 6 still counts
    ]);
  });

  it('a re-import gives the same keys', () => {
    const keys = (r: ReturnType<typeof parseUsageCsv>) => r.items.map((i) => i.signal.externalId);
    expect(keys(parseUsageCsv(fixture('usage.csv')))).toEqual(keys(parseUsageCsv(fixture('usage.csv').toString())));
  });

  it('an account column routes by account id and keys by it', () => {
    const r = parseUsageCsv('account,date,metric,value\nacme-1,2026-11-01,seats,40\n,2026-11-01,seats,3\n');
    expect(r.items.map((i) => [i.route, i.signal.externalId])).toEqual([[{ accountId: 'acme-1' }, 'acme-1:2026-11-01:seats'], [undefined, ':2026-11-01:seats']]);
  });

  it('semicolon-separated with a BOM, a timestamp column, offsets normalised to UTC', () => {
    const r = parseUsageCsv('\uFEFFTimestamp;Metric;Count\n2026-11-01T09:00:00+02:00;logins;7\n2026-11-01 10:00;logins;8\n');
    expect(r.items.map((i) => [i.signal.occurredAt, as('usage', i.signal).value])).toEqual([['2026-11-01T07:00:00.000Z', 7], ['2026-11-01T10:00:00.000Z', 8]]);
  });

  it('a quoted field spanning lines keeps later row numbers true', () => {
    const r = parseUsageCsv('date,metric,value,unit\n2026-11-01,"seats\nreserved",5,\n2026-11-02,seats,x,\n');
    expect(r.items[0].signal).toMatchObject({ metric: 'seats\nreserved', value: 5 });
    expect(as('usage', r.items[0].signal).unit).toBeUndefined();
    expect(r.rejected).toEqual([{ position: 'row 4', reason: 'bad value "x"' }]);
  });

  it('rejects a file whose header lacks a required column, and a row with no metric', () => {
    expect(parseUsageCsv('day,value\n2026-11-01,4\n')).toEqual({ items: [], rejected: [{ position: 'row 1', reason: 'the header needs a "metric" column (has: day, value)' }] });
    expect(parseUsageCsv('date,metric,value\n2026-11-01,,4\n').rejected).toEqual([{ position: 'row 2', reason: 'no metric' }]);
    expect(parseUsageCsv('').rejected[0].reason).toMatch(/the header needs a "date", a "metric", a "value" column/);
  });

  it('dates and values', () => {
    expect(usageDate('2026-11-01')).toEqual({ iso: '2026-11-01T00:00:00.000Z', key: '2026-11-01' });
    expect(usageDate('2026-11-01T10:00:00Z')).toEqual({ iso: '2026-11-01T10:00:00.000Z', key: '2026-11-01T10:00:00.000Z' });
    expect(['11/01/2026', '2026-13-01', 'yesterday', ''].map(usageDate)).toEqual([null, null, null, null]);
    expect(['42', '-1.5', '1e3', '1,380', '1,234,567.5', ' 7 '].map(usageValue)).toEqual([42, -1.5, 1000, 1380, 1234567.5, 7]);
    expect(['1,38', '12%', 'NaN', 'Infinity', ''].map(usageValue)).toEqual([null, null, null, null, null]);
  });

  it('csvRows: doubled quotes, embedded delimiters, the line each record starts on', () => {
    expect(csvRows('a,b\r\n"x ""y""","1,2"\r\n\r\nz,\n')).toEqual([
      { line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x "y"', '1,2'] }, { line: 4, fields: ['z', ''] },
    ]);
  });
});

describe('parseUsageCsv: encodings', () => {
  it('a Windows-1252 export is decoded (with a warning) and a UTF-16 one with a BOM read as is', () => {
    const csv = 'date;metric;value;unit\r\n2026-11-01;Exporte (Geb\u00fchren);1.380;\u20ac\r\n';
    const cp1252 = parseUsageCsv(Buffer.from(csv.replace('\u20ac', '\x80').replace('\u00fc', '\xfc'), 'latin1'));
    expect(cp1252.items.map((i) => [(i.signal as { metric: string }).metric, (i.signal as { unit?: string }).unit])).toEqual([['Exporte (Gebühren)', '€']]);
    expect(cp1252.warnings?.[0].reason).toMatch(/decoded as windows-1252/);
    const utf16 = parseUsageCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]));
    expect(utf16.items).toHaveLength(1);
    expect(utf16.warnings).toBeUndefined();
  });
});
