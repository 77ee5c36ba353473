// Usage files as analytics tools export them: one column per metric ("Date, Active Users,
// Sessions"), dates written the local way (03/11/2026, 3.11.2026, Nov 3, 2026), an event/count
// pair. The day order of numeric dates is settled for the whole file by the cells that can only be
// read one way; a file where every date could be either way is read month first, with a warning.
import { describe, expect, it } from 'vitest';
import { dateOrder, looseDate, parseUsageCsv } from '../../../agents/signals/parsers/usage-csv.js';
import { detectFormat } from '../../../agents/signals/detect.js';
import { as } from './helpers.js';

const rows = (r: ReturnType<typeof parseUsageCsv>) => r.items.map((i) => { const s = as('usage', i.signal); return [s.occurredAt.slice(0, 10), s.metric, s.value]; });

describe('usage exports in the wide form', () => {
  it('reads each metric column of each row, names metrics from their headers, skips empty cells', () => {
    const csv = 'Date,Active Users,Sessions,Avg. Session (min)\n2026-10-05,118,402,7.5\n2026-10-06,121,,8\n';
    const r = parseUsageCsv(csv);
    expect(rows(r)).toEqual([
      ['2026-10-05', 'active_users', 118], ['2026-10-05', 'sessions', 402], ['2026-10-05', 'avg_session_min', 7.5],
      ['2026-10-06', 'active_users', 121], ['2026-10-06', 'avg_session_min', 8],
    ]);
    expect(r.rejected).toEqual([]);
    expect(r.items[0].signal.externalId).toBe(':2026-10-05:active_users');
  });

  it('a cell that is not a number is rejected with its row and column; the rest of the row stands', () => {
    const r = parseUsageCsv('day;seats_active;api_calls\n2026-10-05;n/a;9100\n');
    expect(rows(r)).toEqual([['2026-10-05', 'api_calls', 9100]]);
    expect(r.rejected).toEqual([{ position: 'row 2, column "seats_active"', reason: 'bad value "n/a"' }]);
  });

  it('keeps routing columns out of the metrics', () => {
    const r = parseUsageCsv('date,domain,logins\n2026-10-05,Tarn.example,33\n');
    expect(r.items.map((i) => [i.route, as('usage', i.signal).metric])).toEqual([[{ domain: 'tarn.example' }, 'logins']]);
  });

  it('is detected without a file name when a date opens the line after the header', () => {
    expect(detectFormat(Buffer.from('Date,Active Users\n10/05/2026,118\n'))).toBe('usage_csv');
    expect(detectFormat(Buffer.from('name,notes\nalpha,beta\n'))).toBeNull();
  });
});

describe('dates written the local way', () => {
  it('the day order comes from the cells that can only be read one way', () => {
    expect(dateOrder(['03/11/2026', '28/11/2026'])).toEqual({ order: 'dmy', guessed: false });
    expect(dateOrder(['11/03/2026', '11/28/2026'])).toEqual({ order: 'mdy', guessed: false });
    expect(dateOrder(['03/04/2026'])).toEqual({ order: 'mdy', guessed: true });
    const r = parseUsageCsv('date,metric,value\n03/11/2026,logins,4\n28/11/2026,logins,6\n');
    expect(rows(r)).toEqual([['2026-11-03', 'logins', 4], ['2026-11-28', 'logins', 6]]);
    expect(r.warnings ?? []).toEqual([]);
  });

  it('dots are day first; month names in either place; two-digit years; a time after the day', () => {
    expect(looseDate('3.11.2026', 'mdy')?.key).toBe('2026-11-03');
    expect(looseDate('Nov 3, 2026')?.key).toBe('2026-11-03');
    expect(looseDate('Tuesday, November 3 2026')?.key).toBe('2026-11-03');
    expect(looseDate('03-Nov-2026')?.key).toBe('2026-11-03');
    expect(looseDate('2026/11/03')?.key).toBe('2026-11-03');
    expect(looseDate('11/03/26', 'mdy')?.key).toBe('2026-11-03');
    expect(looseDate('11/03/2026 14:30', 'mdy')?.iso).toBe('2026-11-03T14:30:00.000Z');
    expect(looseDate('31/02/2026', 'dmy')).toBeNull();
    expect(looseDate('Smarch 3, 2026')).toBeNull();
  });

  it('a file whose every date could be read either way is read month first, and says so', () => {
    const r = parseUsageCsv('Date,Event,Count\n03/04/2026,export,2\n05/06/2026,export,1\n');
    expect(rows(r)).toEqual([['2026-03-04', 'export', 2], ['2026-05-06', 'export', 1]]);
    expect(r.warnings?.[0].reason).toMatch(/read month first/);
  });
});
