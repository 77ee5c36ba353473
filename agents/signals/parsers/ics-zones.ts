// The instant of an iCalendar time whose TZID the file names but does not define. Many exporters
// write "DTSTART;TZID=America/New_York:…" with no VTIMEZONE block; ical.js then reads the time as
// floating, and a 08:00 meeting in New York was stored as 08:00 UTC, four hours early. The zone is
// looked up in the runtime's IANA database (Intl), Outlook's Windows zone names through the table
// below; a name neither knows stays floating (read as UTC, as before).
import ICAL from 'ical.js';
import { lookup } from '../../lookup.js';

type Time = InstanceType<typeof ICAL.Time>;

/** Windows time zone names (Outlook, Exchange) → IANA, for the zones meetings are most often in. */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'dateline standard time': 'Etc/GMT+12', 'hawaiian standard time': 'Pacific/Honolulu', 'alaskan standard time': 'America/Anchorage',
  'pacific standard time': 'America/Los_Angeles', 'us mountain standard time': 'America/Phoenix', 'mountain standard time': 'America/Denver',
  'central standard time': 'America/Chicago', 'central america standard time': 'America/Guatemala', 'canada central standard time': 'America/Regina',
  'central standard time (mexico)': 'America/Mexico_City', 'eastern standard time': 'America/New_York', 'us eastern standard time': 'America/Indianapolis',
  'sa pacific standard time': 'America/Bogota', 'atlantic standard time': 'America/Halifax', 'newfoundland standard time': 'America/St_Johns',
  'e. south america standard time': 'America/Sao_Paulo', 'argentina standard time': 'America/Buenos_Aires', 'utc': 'UTC',
  'gmt standard time': 'Europe/London', 'greenwich standard time': 'Atlantic/Reykjavik', 'w. europe standard time': 'Europe/Berlin',
  'central europe standard time': 'Europe/Budapest', 'romance standard time': 'Europe/Paris', 'central european standard time': 'Europe/Warsaw',
  'w. central africa standard time': 'Africa/Lagos', 'gtb standard time': 'Europe/Bucharest', 'e. europe standard time': 'Europe/Chisinau',
  'fle standard time': 'Europe/Kiev', 'egypt standard time': 'Africa/Cairo', 'south africa standard time': 'Africa/Johannesburg',
  'israel standard time': 'Asia/Jerusalem', 'turkey standard time': 'Europe/Istanbul', 'russian standard time': 'Europe/Moscow',
  'arab standard time': 'Asia/Riyadh', 'arabian standard time': 'Asia/Dubai', 'iran standard time': 'Asia/Tehran',
  'pakistan standard time': 'Asia/Karachi', 'india standard time': 'Asia/Calcutta', 'bangladesh standard time': 'Asia/Dhaka',
  'se asia standard time': 'Asia/Bangkok', 'china standard time': 'Asia/Shanghai', 'singapore standard time': 'Asia/Singapore',
  'taipei standard time': 'Asia/Taipei', 'tokyo standard time': 'Asia/Tokyo', 'korea standard time': 'Asia/Seoul',
  'aus eastern standard time': 'Australia/Sydney', 'e. australia standard time': 'Australia/Brisbane', 'cen. australia standard time': 'Australia/Adelaide',
  'w. australia standard time': 'Australia/Perth', 'new zealand standard time': 'Pacific/Auckland',
};

const formats = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter for the zone, or null when the runtime does not know it. */
function formatter(zone: string): Intl.DateTimeFormat | null {
  if (!formats.has(zone)) {
    let f: Intl.DateTimeFormat | null = null;
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch { /* not a zone the runtime knows */ }
    formats.set(zone, f);
  }
  return formats.get(zone) ?? null;
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(f: Intl.DateTimeFormat, instant: number): number {
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - Math.floor(instant / 1000) * 1000;
}

/**
 * The IANA zone a TZID names: itself, its Windows name's zone, or null. Quotes are dropped, and a
 * vendor prefix ("/mozilla.org/20050126_1/America/New_York", "/softwarestudio.org/Olson_…/Europe/Rome")
 * by trying the shorter tails of the path.
 */
export function ianaZone(tzid: string): string | null {
  const name = tzid.trim().replace(/^"|"$/g, '');
  const windows = lookup(WINDOWS_ZONES, name.toLowerCase());
  if (windows) return windows;
  const segments = name.split('/').filter(Boolean);
  for (let k = 0; k < segments.length; k += 1) {
    const tail = segments.slice(k).join('/');
    if (formatter(tail)) return tail;
  }
  return null;
}

/** The instant a time stands for, reading a floating time in the zone its TZID names when the file left that zone out. */
export function instantOf(t: Time, fallbackTzid?: string): Date {
  const tzid = (t as Time & { timezone?: string }).timezone ?? fallbackTzid;
  if (t.isDate || !tzid || t.zone?.tzid !== 'floating') return t.toJSDate();
  const zone = ianaZone(tzid);
  const f = zone ? formatter(zone) : null;
  if (!f) return t.toJSDate();
  // The wall time read as UTC, moved by the zone's offset there, then once more if that crossed a change of offset.
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const first = wall - offsetAt(f, wall);
  return new Date(wall - offsetAt(f, first));
}
