// iCalendar text as calendar programs really write it, made readable by ical.js before it parses:
// ical.js reads a file whole, so one flaw failed every event in it. Repaired: a date written without
// VALUE=DATE ("DTSTART:20220101", or "VALUE=DATE-TIME:20220101", which ical.js read as a broken
// date-time), a date or time in ISO 8601's extended form ("2026-03-05T09:00:00Z") or without its
// seconds ("20260305T0900"), and text after the last END:VCALENDAR (a cache comment). A date value
// that is no date at all ("None", "TBD", a 32nd of October) is left out with a warning naming it:
// ical.js read it as a mangled time ("None--T::") and failed the event. A line ical.js cannot read at all (a parameter without a value,
// a quote left open, an RRULE with an unknown frequency) is left out, and the upload says which,
// so the rest of the calendar stands; an event that loses its DTSTART is then rejected for it.
import ICAL from 'ical.js';
import type { Rejection } from './types.js';

interface Line { text: string; line: number }

/** Logical lines (folded continuations joined), each with the physical line it starts on. */
function unfolded(raw: string): Line[] {
  const out: Line[] = [];
  raw.split(/\r*\n|\r/).forEach((l, i) => {
    if (/^[ \t]/.test(l) && out.length) out[out.length - 1].text += l.slice(1);
    else out.push({ text: l, line: i + 1 });
  });
  return out;
}

/** A date-valued property holding bare dates and no VALUE parameter. */
const BARE_DATE = /^((?:DTSTART|DTEND|DUE|EXDATE|RDATE|RECURRENCE-ID)(?:;[^:]*)?):(\d{8}(?:,\d{8})*)[ \t]*$/i;

/** A bare date gets VALUE=DATE, added or in place of a VALUE=DATE-TIME it contradicts. */
function withDateValue(text: string): string {
  const m = BARE_DATE.exec(text);
  if (!m) return text;
  if (/;VALUE=DATE-TIME(?=;|$)/i.test(m[1])) return `${m[1].replace(/;VALUE=DATE-TIME(?=;|$)/i, ';VALUE=DATE')}:${m[2]}`;
  return /;VALUE=/i.test(m[1]) ? text : `${m[1]};VALUE=DATE:${m[2]}`;
}

/** The properties whose values are dates or date-times (a list of them, or periods, for some). */
const DATE_VALUED = /^(DTSTART|DTEND|DUE|DTSTAMP|CREATED|LAST-MODIFIED|COMPLETED|RECURRENCE-ID|EXDATE|RDATE)(?=[;:])/i;
const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z)?)?$/i;

/** One date or date-time in the basic form ical.js reads, or null when it is no real date or time. */
function basicDate(v: string): string | null {
  const ext = EXTENDED.exec(v);
  const basic = ext ? `${ext[1]}${ext[2]}${ext[3]}${ext[4] ? `T${ext[4]}${ext[5]}${ext[6] ?? '00'}${ext[7] ? 'Z' : ''}` : ''}`
    : v.replace(/^(\d{8}T\d{4})(Z?)$/i, '$100$2');
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/i.exec(basic);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth) return null;
  if (m[4] && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 60)) return null;
  return basic.toUpperCase();
}

/** A date-valued line with its values in the basic form, or the value that cannot be read. */
function withBasicDates(text: string): { text: string } | { unreadable: string } {
  if (!DATE_VALUED.test(text)) return { text };
  // The value starts after the first colon outside a quoted parameter.
  const colon = /^(?:[^":]|"[^"]*")*:/.exec(text)?.[0].length;
  if (colon === undefined) return { text };
  const values = text.slice(colon).trim().split(',');
  const out: string[] = [];
  for (const v of values) {
    // A period ("start/end" or "start/duration"): its start is checked, the rest ical.js reads.
    const [start, ...rest] = v.trim().split('/');
    const basic = basicDate(start);
    if (!basic) return { unreadable: v.trim() };
    out.push([basic, ...rest].join('/'));
  }
  return { text: `${text.slice(0, colon)}${out.join(',')}` };
}

function readable(lines: Line[]): string {
  return lines.map((l) => l.text).join('\r\n');
}

/** The file's text with the flaws above repaired, and what was left out. */
export function repairedIcs(raw: string): { text: string; warnings: Rejection[] } {
  const warnings: Rejection[] = [];
  let lines = unfolded(raw).flatMap((l) => {
    const dated = withBasicDates(l.text);
    if ('text' in dated) return [{ ...l, text: withDateValue(dated.text) }];
    warnings.push({ position: `line ${l.line}`, reason: `unreadable ${l.text.split(/[;:]/)[0].toUpperCase()} value "${dated.unreadable.slice(0, 60)}", left out` });
    return [];
  });
  const end = lines.findLastIndex((l) => /^END:VCALENDAR[ \t]*$/i.test(l.text));
  if (end >= 0 && lines.slice(end + 1).some((l) => l.text.trim())) {
    warnings.push({ position: `line ${lines[end + 1].line}`, reason: 'text after END:VCALENDAR, left out' });
    lines = lines.slice(0, end + 1);
  }
  const text = readable(lines);
  try {
    ICAL.parse(text);
    return { text, warnings };
  } catch {
    // Only a file that fails is checked line by line (the cost is one small parse a line).
  }
  const kept = lines.filter((l) => {
    if (!l.text.trim() || /^(BEGIN|END):/i.test(l.text)) return true;
    try {
      ICAL.parse.property(l.text);
      return true;
    } catch (err) {
      warnings.push({ position: `line ${l.line}`, reason: `unreadable ${l.text.split(/[;:]/)[0].slice(0, 40) || 'line'}, left out (${(err as Error).message.slice(0, 120)})` });
      return false;
    }
  });
  return { text: readable(kept), warnings };
}
