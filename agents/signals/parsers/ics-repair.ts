// iCalendar text as calendar programs really write it, made readable by ical.js before it parses:
// ical.js reads a file whole, so one flaw failed every event in it. Repaired: a date written without
// VALUE=DATE ("DTSTART:20220101", or "VALUE=DATE-TIME:20220101", which ical.js read as a broken
// date-time), and text after the last
// END:VCALENDAR (a cache comment). A line ical.js cannot read at all (a parameter without a value,
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

function readable(lines: Line[]): string {
  return lines.map((l) => l.text).join('\r\n');
}

/** The file's text with the flaws above repaired, and what was left out. */
export function repairedIcs(raw: string): { text: string; warnings: Rejection[] } {
  let lines = unfolded(raw).map((l) => ({ ...l, text: withDateValue(l.text) }));
  const warnings: Rejection[] = [];
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
