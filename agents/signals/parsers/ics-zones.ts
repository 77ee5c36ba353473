// The instant of an iCalendar time whose TZID the file names but does not define. Many exporters
// write "DTSTART;TZID=America/New_York:…" with no VTIMEZONE block; ical.js then reads the time as
// floating, and a 08:00 meeting in New York was stored as 08:00 UTC, four hours early. The zone is
// looked up in the runtime's IANA database (Intl), Outlook's Windows zone names through the table
// below, Outlook's display names ("(UTC+01:00) Amsterdam, Berlin, …") by their cities; a name that
// only states an offset ("GMT-05.00/-04.00") is read at that offset, and a name nothing knows is
// read as UTC. Either way the upload says so (zoneWarnings): the time may be off.
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
  const display = /\b(?:GMT|UTC)\s*[+-]/i.test(name) ? displayNameZone(name) : null;
  if (display) return display;
  const segments = name.split('/').filter(Boolean);
  for (let k = 0; k < segments.length; k += 1) {
    const tail = segments.slice(k).join('/');
    if (formatter(tail)) return tail;
  }
  return null;
}

/** US zones as Outlook's display names call them, which name no city. */
const DISPLAY_REGIONS: Readonly<Record<string, string>> = {
  'eastern time': 'America/New_York', 'central time': 'America/Chicago', 'mountain time': 'America/Denver', 'pacific time': 'America/Los_Angeles',
  'alaska': 'America/Anchorage', 'hawaii': 'Pacific/Honolulu', 'arizona': 'America/Phoenix', 'atlantic time': 'America/Halifax',
};
const CITY_REGIONS = ['Europe', 'America', 'Asia', 'Australia', 'Africa', 'Pacific', 'Atlantic', 'Indian'];
/** "(UTC-05:00)", "GMT+01.00", "UTC+0530", "GMT-5": the offset a zone name states, in minutes. */
const STATED_OFFSET = /(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?:[:.]?(\d{2}))?/i;

function statedOffset(name: string): number | null {
  const m = STATED_OFFSET.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : null;
}

/** The zone's standard offset (the lesser of January's and July's), in minutes. */
function standardOffset(f: Intl.DateTimeFormat): number {
  const year = new Date().getUTCFullYear();
  return Math.min(offsetAt(f, Date.UTC(year, 0, 15)), offsetAt(f, Date.UTC(year, 6, 15))) / 60_000;
}

/**
 * The zone an Outlook display name stands for: "(UTC-05:00) Eastern Time (US & Canada)" by its
 * region, "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris" by the first city that is an IANA zone
 * whose standard offset is the one stated.
 */
function displayNameZone(name: string): string | null {
  const stated = statedOffset(name);
  const rest = name.replace(/^\(?\s*(?:GMT|UTC)[^)]*\)?\s*/i, '');
  const region = Object.keys(DISPLAY_REGIONS).find((r) => rest.toLowerCase().startsWith(r));
  if (region) return DISPLAY_REGIONS[region];
  for (const city of rest.split(/[,/;]|\s-\s/).map((c) => c.trim().replace(/\.$/, '').replace(/\s+/g, '_')).filter((c) => /^[A-Z][\w'-]+$/.test(c))) {
    for (const zone of CITY_REGIONS.map((r) => `${r}/${city}`)) {
      const f = formatter(zone);
      if (f && (stated === null || standardOffset(f) === stated)) return zone;
    }
  }
  return null;
}

/**
 * What the upload says about the TZIDs its times name without a VTIMEZONE block for them: nothing
 * for a zone that is known; else the stated offset used, or that the times are read as UTC.
 */
export function zoneWarnings(tzids: Iterable<string>): string[] {
  const out: string[] = [];
  for (const tzid of new Set(tzids)) {
    if (ianaZone(tzid)) continue;
    const offset = statedOffset(tzid);
    const clock = offset === null ? '' : `UTC${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
    out.push(offset === null
      ? `time zone "${tzid.slice(0, 80)}" is neither defined in the file nor known: its times are read as UTC`
      : `time zone "${tzid.slice(0, 80)}" is neither defined in the file nor known: its times are read at the offset it states, ${clock}, without daylight saving`);
  }
  return out;
}

/**
 * The instant a time stands for. A floating time is read in the zone its TZID names when the file
 * left that zone out (or, with `fallbackTzid`, in the zone of the event's other times). A time in a
 * zone the file defines under an IANA name is read by the IANA rules: exporters embed cut-down
 * copies (Apple wrote Moscow at its 1880 offset, +02:30:17), and the name, not the copy, says
 * which zone the organiser meant.
 */
export function instantOf(t: Time, fallbackTzid?: string): Date {
  if (t.isDate) return t.toJSDate();
  const own = t.zone?.tzid;
  const tzid = own && own !== 'floating' ? own : (t as Time & { timezone?: string }).timezone ?? fallbackTzid;
  if (!tzid || own === 'UTC' || (own !== 'floating' && !formatter(tzid))) return t.toJSDate();
  const zone = own === 'floating' ? ianaZone(tzid) : tzid;
  const f = zone ? formatter(zone) : null;
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  if (!f) {
    const stated = statedOffset(tzid);
    return stated === null ? t.toJSDate() : new Date(wall - stated * 60_000);
  }
  // The wall time read as UTC, moved by the zone's offset there, then once more if that crossed a change of offset.
  const first = wall - offsetAt(f, wall);
  return new Date(wall - offsetAt(f, first));
}
