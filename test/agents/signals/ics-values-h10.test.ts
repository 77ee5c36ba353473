// iCalendar values as exporters really write them (classes found by running the importer over other
// projects' calendar test files, third pass): a date that is no date ("None", "TBD", a 32nd day), a
// date in ISO 8601's extended form or without seconds, a calendar saved as UTF-16, and zone names
// the file does not define given as Outlook display names or offsets, or unknown. Each gives
// the right times, or a reason naming the value as written, never a whole event lost to a mangled
// "None--T::" or a file failed for one NUL between every letter.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseIcs } from '../../../agents/signals/parsers/ics.js';
import { parseAny } from '../../../agents/signals/detect.js';
import { as } from './helpers.js';

const now = () => new Date('2026-05-04T09:00:00Z');
const cal = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//h10 test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const span = (r: ReturnType<typeof parseIcs>) => { const s = as('calendar', r.items[0].signal); return [s.startsAt, s.endsAt]; };
const event = (...lines: string[]) => cal('BEGIN:VEVENT', 'UID:board-7', 'SUMMARY:Board prep', 'ATTENDEE;CN=Jo Imari:mailto:jo@harbourline.example', ...lines, 'END:VEVENT');

describe('iCalendar: date values that are not dates', () => {
  it('keeps an event whose end is a word, without the end, and names the value', () => {
    const r = parseIcs(event('DTSTART:20260512T133000Z', 'DTEND:None'), { now });
    expect(r.rejected).toEqual([]);
    const s = as('calendar', r.items[0].signal);
    expect(s.startsAt).toBe('2026-05-12T13:30:00.000Z');
    expect(s.endsAt).toBeUndefined();
    expect(r.warnings).toEqual([{ position: 'line 9', reason: 'unreadable DTEND value "None", left out' }]);
  });

  it('rejects an event whose start is no real day, saying which value could not be read', () => {
    const r = parseIcs(event('DTSTART:20260431T090000', 'DTEND:20260501T100000'), { now });
    expect(r.items).toEqual([]);
    expect(r.rejected).toEqual([{ position: 'event board-7', reason: 'no DTSTART' }]);
    expect(r.warnings?.[0].reason).toBe('unreadable DTSTART value "20260431T090000", left out');
    expect(JSON.stringify(r)).not.toMatch(/--T::/);
  });
});

describe('iCalendar: dates written in other shapes', () => {
  it('reads ISO 8601 extended dates and times', () => {
    expect(span(parseIcs(event('DTSTART:2026-05-12T13:30:00Z', 'DTEND:2026-05-12T14:15:00Z'), { now }))).toEqual(['2026-05-12T13:30:00.000Z', '2026-05-12T14:15:00.000Z']);
  });

  it('reads a time written without its seconds, in its zone', () => {
    expect(span(parseIcs(event('DTSTART;TZID=Europe/Berlin:20260512T0930', 'DTEND;TZID=Europe/Berlin:20260512T1000'), { now }))).toEqual(['2026-05-12T07:30:00.000Z', '2026-05-12T08:00:00.000Z']);
  });
});

describe('iCalendar: a calendar saved as UTF-16', () => {
  it('is detected and read, its text intact', async () => {
    const text = event('DTSTART:20260512T133000Z', 'DTEND:20260512T140000Z').replace('Board prep', 'Réunion budgétaire');
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])]) {
      const r = await parseAny(bytes, { now });
      expect(r.format).toBe('ics');
      expect(r.rejected).toEqual([]);
      const s = as('calendar', r.items[0].signal);
      expect([s.title, s.startsAt]).toEqual(['Réunion budgétaire', '2026-05-12T13:30:00.000Z']);
    }
  });
});

describe('iCalendar: a zone named but not defined, in other spellings', () => {
  const at = (tzid: string) => parseIcs(event(`DTSTART;TZID=${tzid}:20260714T100000`), { now });

  it('reads an Outlook display name by its region or its cities, with daylight saving', () => {
    expect(as('calendar', at('"(UTC-06:00) Central Time (US & Canada)"').items[0].signal).startsAt).toBe('2026-07-14T15:00:00.000Z');
    const paris = at('"(UTC+01:00) Brussels, Copenhagen, Madrid, Paris"');
    expect(as('calendar', paris.items[0].signal).startsAt).toBe('2026-07-14T08:00:00.000Z');
    expect(paris.warnings ?? []).toEqual([]);
  });

  it('reads a name that only states an offset at that offset, and says so', () => {
    const r = at('"GMT+05.30"');
    expect(as('calendar', r.items[0].signal).startsAt).toBe('2026-07-14T04:30:00.000Z');
    expect(r.warnings?.[0].reason).toMatch(/"GMT\+05\.30".*read at the offset it states, UTC\+05:30/);
  });

  it('says when a zone is unknown and its times are read as UTC', () => {
    const r = at('Head-Office');
    expect(as('calendar', r.items[0].signal).startsAt).toBe('2026-07-14T10:00:00.000Z');
    expect(r.warnings?.[0].reason).toMatch(/"Head-Office" is neither defined in the file nor known: its times are read as UTC/);
  });
});

describe('iCalendar: an event whose times disagree about their zone', () => {
  it('reads a floating start in the zone its end names: the meeting does not end before it starts', () => {
    expect(span(parseIcs(event('DTSTART:20260714T150000', 'DTEND;TZID=Europe/Madrid:20260714T160000'), { now }))).toEqual(['2026-07-14T13:00:00.000Z', '2026-07-14T14:00:00.000Z']);
  });

  it('reads a zone defined under an IANA name by the IANA rules, not a cut-down copy at an old offset', () => {
    const r = parseIcs(cal('BEGIN:VTIMEZONE', 'TZID:Asia/Tokyo', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+091859', 'TZOFFSETTO:+091859', 'END:STANDARD', 'END:VTIMEZONE',
      'BEGIN:VEVENT', 'UID:tok-1', 'SUMMARY:Tokyo sync', 'ATTENDEE:mailto:jo@harbourline.example', 'DTSTART;TZID=Asia/Tokyo:20260714T100000', 'END:VEVENT'), { now });
    expect(as('calendar', r.items[0].signal).startsAt).toBe('2026-07-14T01:00:00.000Z');
  });
});
