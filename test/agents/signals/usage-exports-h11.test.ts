// Usage exports as analytics and spreadsheet tools really write them: notes above the header and
// days written 20260312 (GA4), a title line, text columns naming the series (campaign, plan), decimal
// commas in semicolon files, percent and currency signs, a second table after a blank line.
import { describe, expect, it } from 'vitest';
import { parseUsageCsv } from '../../../agents/signals/parsers/usage-csv.js';
import { detectFormat } from '../../../agents/signals/detect.js';
import { as } from './helpers.js';

const rows = (r: ReturnType<typeof parseUsageCsv>) => r.items.map((i) => { const s = as('usage', i.signal); return [s.occurredAt.slice(0, 10), s.metric, s.value, s.unit]; });

describe('what stands above the header', () => {
  it('skips "#" notes and reads compact days, and is detected without a file name', () => {
    const csv = '# ------\n# Weekly engagement\n# Start date: 20260309\n# End date: 20260310\n\nDate,Active users\n20260309,41\n20260310,44\n';
    expect(detectFormat(Buffer.from(csv))).toBe('usage_csv');
    const r = parseUsageCsv(csv);
    expect(r.rejected).toEqual([]);
    expect(rows(r)).toEqual([['2026-03-09', 'active_users', 41, undefined], ['2026-03-10', 'active_users', 44, undefined]]);
    expect(r.items[0].signal.externalId).toBe(':2026-03-09:active_users');
  });

  it('skips a title line above the header, with a warning, and numbers rows as lines of the file', () => {
    const r = parseUsageCsv('Seat usage report\nday,seats\n2026-03-09,12\n2026-03-10,oops\n');
    expect(rows(r)).toEqual([['2026-03-09', 'seats', 12, undefined]]);
    expect(r.warnings?.[0]).toEqual({ position: 'rows 1-1', reason: 'lines above the header (a title or notes) were skipped' });
    expect(r.rejected).toEqual([{ position: 'row 4, column "seats"', reason: 'bad value "oops"' }]);
  });
});

describe('what Excel and warehouse exports add', () => {
  it('skips Excel\'s "sep=;" line and reads a time written with UTC after it', () => {
    const r = parseUsageCsv('sep=;\r\nevent_time;metric;value\r\n2026-03-09 14:05:00 UTC;api_calls;1200\r\n');
    expect(r.rejected).toEqual([]);
    expect(r.items.map((i) => [i.signal.occurredAt, as('usage', i.signal).metric])).toEqual([['2026-03-09T14:05:00.000Z', 'api_calls']]);
  });
});

describe('text columns in a wide export', () => {
  it('name the series: two plans on one day are two metrics, not one key read twice, and nothing is refused', () => {
    const r = parseUsageCsv('Date,Plan,Region,Logins\n2026-03-09,Team,EU,30\n2026-03-09,Enterprise,EU,55\n2026-03-09,Enterprise,US,n/a\n');
    expect(rows(r)).toEqual([['2026-03-09', 'logins (Team / EU)', 30, undefined], ['2026-03-09', 'logins (Enterprise / EU)', 55, undefined]]);
    expect(r.rejected).toEqual([{ position: 'row 4, column "logins"', reason: 'bad value "n/a"' }]);
  });

  it('a column of nothing but "n/a" is still a metric whose cells are refused', () => {
    const r = parseUsageCsv('date,exports\n2026-03-09,n/a\n');
    expect(r.rejected).toEqual([{ position: 'row 2, column "exports"', reason: 'bad value "n/a"' }]);
  });

  it('the same metric twice for one day is refused with the row that has it, not dropped in silence', () => {
    const r = parseUsageCsv('date,metric,value\n2026-03-09,logins,3\n2026-03-09,logins,5\n');
    expect(rows(r)).toEqual([['2026-03-09', 'logins', 3, undefined]]);
    expect(r.rejected).toEqual([{ position: 'row 3', reason: 'a second "logins" for 2026-03-09 (row 2 has one)' }]);
  });
});

describe('numbers written the local way', () => {
  it('reads decimal commas and dotted or spaced digit groups in a semicolon file', () => {
    const r = parseUsageCsv('Datum;Speicher GB;Aufrufe\n09.03.2026;12,75;1.204\n10.03.2026;13,5;1 310\n');
    expect(rows(r)).toEqual([
      ['2026-03-09', 'speicher_gb', 12.75, undefined], ['2026-03-09', 'aufrufe', 1204, undefined],
      ['2026-03-10', 'speicher_gb', 13.5, undefined], ['2026-03-10', 'aufrufe', 1310, undefined],
    ]);
  });

  it('keeps a comma file read the English way, and percent and currency signs as units', () => {
    const r = parseUsageCsv('date,active,conversion,revenue\n2026-03-09,"1,204",4.5%,"$2,310.40"\n2026-03-10,980,5%,€12\n');
    expect(rows(r)).toEqual([
      ['2026-03-09', 'active', 1204, undefined], ['2026-03-09', 'conversion', 4.5, '%'], ['2026-03-09', 'revenue', 2310.4, '$'],
      ['2026-03-10', 'active', 980, undefined], ['2026-03-10', 'conversion', 5, '%'], ['2026-03-10', 'revenue', 12, '€'],
    ]);
  });
});

describe('what follows the table', () => {
  it('a second table after a blank line is reported once, not as one bad date a row', () => {
    const r = parseUsageCsv('date,signups\n2026-03-09,4\n2026-03-10,6\n\nTop referrers\nsearch,40\nnewsletter,12\n');
    expect(rows(r).length).toBe(2);
    expect(r.rejected).toEqual([{ position: 'rows 5-7', reason: 'after a blank line "Top referrers" starts no dated row: the rest of the file (another table or notes) was not read' }]);
  });
});

describe('chart exports with the days across the header', () => {
  it('reads each row as a series named by its labels, each day column as that day, below a title row', () => {
    const csv = 'Retention chart,,,\nCohort,Action,2026-04-06,2026-04-13,2026-04-20\nTrial users,Workspace Created,31,,27\nTrial users,Invite Sent,9,12,oops\n';
    const r = parseUsageCsv(csv);
    expect(rows(r)).toEqual([
      ['2026-04-06', 'trial_users_workspace_created', 31, undefined], ['2026-04-20', 'trial_users_workspace_created', 27, undefined],
      ['2026-04-06', 'trial_users_invite_sent', 9, undefined], ['2026-04-13', 'trial_users_invite_sent', 12, undefined],
    ]);
    expect(r.rejected).toEqual([{ position: 'row 4, column "2026-04-20"', reason: 'bad value "oops"' }]);
    expect(r.warnings?.[0]?.reason).toBe('lines above the header (a title or notes) were skipped');
  });

  it('a weekly export whose date column is called Week is read like a Date column', () => {
    expect(rows(parseUsageCsv('Week,Seats used\n2026-04-06,48\n'))).toEqual([['2026-04-06', 'seats_used', 48, undefined]]);
  });
});
