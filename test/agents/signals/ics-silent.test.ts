// .ics files whose events yield no signal must say why, event by event: a long-running daily series
// still reaches this month (stepped-over occurrences are counted apart from kept ones), an annual
// event outside the window, a to-do list or a free/busy export, and an event nobody is invited to.
import { describe, expect, it } from 'vitest';
import { parseIcs } from '../../../agents/signals/parsers/ics.js';

const now = () => new Date('2026-06-15T12:00:00Z');
const ours = { ourDomains: ['ourco.io'], now };
const cal = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const event = (uid: string, ...lines: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT'];
const guest = 'ATTENDEE;CN=Lena Fischer:mailto:lena@harbourline.example';

describe('iCalendar: nothing is dropped without a reason', () => {
  it('a daily stand-up that began a decade ago still yields this month\'s occurrences', () => {
    const r = parseIcs(cal(...event('standup-1', 'SUMMARY:Daily check-in', 'DTSTART:20160104T083000Z', 'DURATION:PT15M', 'RRULE:FREQ=DAILY', guest)), ours);
    expect(r.rejected).toEqual([]);
    const starts = r.items.map((i) => (i.signal as { startsAt: string }).startsAt);
    expect(starts[0]).toBe('2026-05-17T08:30:00.000Z'); // 16 May's ended before the window opened at noon
    expect(starts).toContain('2026-06-15T08:30:00.000Z');
    expect(starts.length).toBe(30 + 90);
  });

  it('an annual event with no occurrence in the window is rejected, naming the window', () => {
    const r = parseIcs(cal(...event('founders-day', 'SUMMARY:Founders day', 'DTSTART;VALUE=DATE:20190301', 'RRULE:FREQ=YEARLY', guest)), ours);
    expect(r.items).toEqual([]);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0].position).toBe('event founders-day');
    expect(r.rejected[0].reason).toMatch(/recurring event with no occurrence from 2026-05-16 to 2026-09-13/);
  });

  it('a rule repeating every second cannot hide behind the scan limit: it is rejected with its reason', () => {
    const r = parseIcs(cal(...event('ticker', 'SUMMARY:Ticker', 'DTSTART:20200101T000000Z', 'RRULE:FREQ=SECONDLY', guest)), ours);
    expect(r.items).toEqual([]);
    expect(r.rejected[0].reason).toMatch(/repeats too often to reach the import window/);
  });

  it('a calendar of to-dos or free/busy blocks is rejected as a file, naming what it holds', () => {
    const todo = parseIcs(cal('BEGIN:VTODO', 'UID:t1', 'DTSTAMP:20260101T000000Z', 'SUMMARY:Send the renewal quote', 'END:VTODO'), ours);
    expect(todo.rejected).toEqual([{ position: 'file', reason: 'no VEVENT in the calendar (it holds VTODO, which are not read)' }]);
    const busy = parseIcs(cal('BEGIN:VFREEBUSY', 'DTSTAMP:20260101T000000Z', 'FREEBUSY:20260616T090000Z/20260616T100000Z', 'END:VFREEBUSY'), ours);
    expect(busy.rejected[0].reason).toContain('VFREEBUSY');
  });

  it('an event with no invited address says so, rather than blaming our domains', () => {
    const r = parseIcs(cal(...event('solo', 'SUMMARY:Focus time', 'DTSTART:20260616T090000Z', 'DTEND:20260616T100000Z')), ours);
    expect(r.rejected).toEqual([{ position: 'event solo', reason: 'no attendee with an email address to route it by' }]);
  });
});
