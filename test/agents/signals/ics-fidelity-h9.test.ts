// iCalendar files as exporters really write them (classes found by running the importer over other
// projects' calendar test suites): a TZID with no VTIMEZONE block, dates without VALUE=DATE, RDATE
// periods, text after END:VCALENDAR, one unreadable line, a series without DTSTART, and components
// written without the VCALENDAR around them. Each must give the right times or a reason, never a
// whole-file failure or a time hours off.
import { describe, expect, it } from 'vitest';
import { parseIcs } from '../../../agents/signals/parsers/ics.js';
import { detectFormat, parseAny } from '../../../agents/signals/detect.js';
import { as } from './helpers.js';

const now = () => new Date('2026-03-02T12:00:00Z');
const ours = { ourDomains: ['tallyworks.example'], now };
const cal = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//h9 test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const event = (uid: string, ...lines: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260201T000000Z', 'SUMMARY:Quarterly review', 'ATTENDEE;CN=Priya Nair:mailto:priya@quayside.example', ...lines, 'END:VEVENT'];
const starts = (r: ReturnType<typeof parseIcs>) => r.items.map((i) => as('calendar', i.signal).startsAt);

describe('iCalendar: a zone the file names but does not define', () => {
  it('reads an IANA TZID in that zone, with its daylight saving, not as UTC', () => {
    const r = parseIcs(cal(...event('rev-1', 'DTSTART;TZID=America/Chicago:20260310T093000', 'DTEND;TZID=America/Chicago:20260310T103000')), ours);
    expect(r.rejected).toEqual([]);
    const s = as('calendar', r.items[0].signal);
    expect(s.startsAt).toBe('2026-03-10T14:30:00.000Z'); // CDT, UTC-5, since 8 March
    expect(s.endsAt).toBe('2026-03-10T15:30:00.000Z');
  });

  it('reads the occurrences of a weekly series in the zone, across the change of offset', () => {
    const r = parseIcs(cal(...event('sync-1', 'DTSTART;TZID=Europe/Paris:20260319T160000', 'DURATION:PT30M', 'RRULE:FREQ=WEEKLY;COUNT=3')), ours);
    expect(starts(r)).toEqual(['2026-03-19T15:00:00.000Z', '2026-03-26T15:00:00.000Z', '2026-04-02T14:00:00.000Z']);
    expect(as('calendar', r.items[2].signal).eventId).toBe('sync-1#2026-04-02T14:00:00.000Z');
  });

  it('reads an Outlook zone name (quoted or not) as the zone it stands for', () => {
    const r = parseIcs(cal(...event('ol-1', 'DTSTART;TZID="Pacific Standard Time":20260305T080000', 'DTEND;TZID=Pacific Standard Time:20260305T090000')), ours);
    const s = as('calendar', r.items[0].signal);
    expect(s.startsAt).toBe('2026-03-05T16:00:00.000Z');
    expect(s.endsAt).toBe('2026-03-05T17:00:00.000Z');
  });

  it('reads a zone behind a vendor prefix (old Evolution and Lightning exports)', () => {
    const r = parseIcs(cal(...event('ev-1', 'DTSTART;TZID=/tzdist.example/Olson_2004_3/Asia/Tokyo:20260305T090000')), ours);
    expect(starts(r)).toEqual(['2026-03-05T00:00:00.000Z']);
  });

  it('leaves a zone nobody knows as it was (floating, read as UTC), and a zone the file defines to that definition', () => {
    const unknown = parseIcs(cal(...event('x-1', 'DTSTART;TZID=Harbour Local:20260305T080000')), ours);
    expect(starts(unknown)).toEqual(['2026-03-05T08:00:00.000Z']);
    const defined = parseIcs(cal('BEGIN:VTIMEZONE', 'TZID:Office', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0300', 'TZOFFSETTO:+0300', 'END:STANDARD', 'END:VTIMEZONE',
      ...event('x-2', 'DTSTART;TZID=Office:20260305T080000')), ours);
    expect(starts(defined)).toEqual(['2026-03-05T05:00:00.000Z']);
  });
});

describe('iCalendar: values written loosely', () => {
  it('a date written without VALUE=DATE is an all-day date, not an unreadable date-time', () => {
    const r = parseIcs(cal(...event('offsite', 'DTSTART:20260320', 'DTEND:20260321')), ours);
    expect(r.rejected).toEqual([]);
    expect(as('calendar', r.items[0].signal).startsAt).toBe('2026-03-20T00:00:00.000Z');
  });

  it('a date marked VALUE=DATE-TIME is still read as the date it is', () => {
    const r = parseIcs(cal(...event('fair', 'DTSTART;VALUE=DATE-TIME;TZID=Europe/Madrid:20260312', 'DTEND;VALUE=DATE-TIME:20260313')), ours);
    expect(r.rejected).toEqual([]);
    expect(as('calendar', r.items[0].signal).startsAt).toBe('2026-03-12T00:00:00.000Z');
  });

  it('an RDATE period is an occurrence with the period\'s own length', () => {
    const r = parseIcs(cal(...event('clinic', 'DTSTART:20260304T100000Z', 'DURATION:PT1H', 'RRULE:FREQ=WEEKLY;COUNT=2', 'RDATE;VALUE=PERIOD:20260306T130000Z/PT3H')), ours);
    expect(r.rejected).toEqual([]);
    const extra = r.items.map((i) => as('calendar', i.signal)).find((s) => s.startsAt === '2026-03-06T13:00:00.000Z');
    expect(extra?.endsAt).toBe('2026-03-06T16:00:00.000Z');
    expect(r.items).toHaveLength(3);
  });

  it('text after END:VCALENDAR is left out with a warning; the events stand', () => {
    const r = parseIcs(`${cal(...event('late-1', 'DTSTART:20260305T080000Z'))}X-NOTE:exported by the intranet portal\r\n`, ours);
    expect(r.items).toHaveLength(1);
    expect(r.warnings?.[0].reason).toBe('text after END:VCALENDAR, left out');
  });

  it('one unreadable line is left out and named; the rest of the calendar stands', () => {
    const r = parseIcs(cal(...event('ok-1', 'DTSTART:20260305T080000Z', 'ORGANIZER;CN=Front Desk'), ...event('ok-2', 'DTSTART:20260306T080000Z')), ours);
    expect(r.items.map((i) => as('calendar', i.signal).eventId)).toEqual(['ok-1', 'ok-2']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings?.[0].reason).toMatch(/^unreadable ORGANIZER, left out/);
    expect(r.warnings?.[0].position).toMatch(/^line \d+$/);
  });

  it('a series that lost its DTSTART is rejected for it, and its overrides still stand', () => {
    const r = parseIcs(cal(...event('lost', 'RRULE:FREQ=DAILY;COUNT=3'),
      ...event('lost', 'RECURRENCE-ID:20260305T080000Z', 'DTSTART:20260305T090000Z', 'DTEND:20260305T093000Z')), ours);
    expect(r.rejected).toEqual([{ position: 'event lost', reason: 'no DTSTART' }]);
    expect(as('calendar', r.items[0].signal)).toMatchObject({ eventId: 'lost#2026-03-05T08:00:00.000Z', startsAt: '2026-03-05T09:00:00.000Z', event: 'updated' });
  });

  it('an override with no DTSTART keeps its occurrence\'s start', () => {
    const r = parseIcs(cal(...event('solo', 'RECURRENCE-ID:20260305T080000Z', 'STATUS:CANCELLED')), ours);
    expect(r.rejected).toEqual([]);
    expect(as('calendar', r.items[0].signal)).toMatchObject({ startsAt: '2026-03-05T08:00:00.000Z', event: 'cancelled' });
  });
});

describe('iCalendar: components without their calendar', () => {
  const bareEvent = ['BEGIN:VEVENT', 'UID:bare-1', 'DTSTART:20260305T080000Z', 'ATTENDEE:mailto:priya@quayside.example', 'END:VEVENT', ''].join('\r\n');
  const bareZone = ['BEGIN:VTIMEZONE', 'TZID:Harbour', 'X-LIC-LOCATION:Europe/Lisbon', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0000', 'TZOFFSETTO:+0000', 'END:STANDARD', 'END:VTIMEZONE', ''].join('\r\n');

  it('an event exported on its own is detected and read', async () => {
    expect(detectFormat(Buffer.from(bareEvent))).toBe('ics');
    const r = await parseAny(Buffer.from(bareEvent), ours);
    expect(r.items.map((i) => as('calendar', i.signal).eventId)).toEqual(['bare-1']);
  });

  it('a time zone block alone is iCalendar, not a mail header, and is rejected naming what it holds', async () => {
    expect(detectFormat(Buffer.from(bareZone))).toBe('ics');
    const r = await parseAny(Buffer.from(bareZone), ours);
    expect(r.rejected).toEqual([{ position: 'file', reason: 'no VEVENT: the file holds VTIMEZONE outside a VCALENDAR, which are not read' }]);
  });

  it('a file named .ics that is not a calendar says so, rather than "unrecognised format"', async () => {
    const r = await parseAny(Buffer.from('Subject-less notes about the meeting\n'), { filename: 'meeting.ics' });
    expect(r.format).toBe('ics');
    expect(r.rejected[0].reason).toMatch(/^(not a readable iCalendar file|no BEGIN:VCALENDAR)/);
  });
});
