// When a promise is due: the date said in it (chrono-node, relative to when it was said), read as
// the end of that business day; a promise with no date is due a few business days later.
import * as chrono from 'chrono-node';

export const DEFAULT_DUE_BUSINESS_DAYS = 3;
export const END_OF_BUSINESS_HOUR = 17;

export interface DueDate {
  dueAt: Date;
  /** False when the sentence named no date and the default applies. */
  explicit: boolean;
}

export interface DueOptions {
  /** IANA time zone of the account (e.g. "America/New_York"); business days end at 17:00 there. Default UTC. */
  timeZone?: string;
  defaultBusinessDays?: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Minutes the zone is ahead of UTC at that instant (0 for UTC or an unknown zone). */
export function zoneOffsetMinutes(timeZone: string | undefined, at: Date): number {
  if (!timeZone || timeZone === 'UTC') return 0;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    }).formatToParts(at);
  } catch {
    return 0;
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / MINUTE);
}

/** Local wall-clock arithmetic: a Date whose UTC fields read as the zone's local time. */
class Wall {
  constructor(readonly local: Date, private readonly zone: string | undefined) {}

  static of(at: Date, zone: string | undefined): Wall {
    return new Wall(new Date(at.getTime() + zoneOffsetMinutes(zone, at) * MINUTE), zone);
  }

  get weekday(): number { return this.local.getUTCDay(); }

  plusDays(n: number): Wall { return new Wall(new Date(this.local.getTime() + n * DAY), this.zone); }

  /** The instant at hh:mm on this local day. */
  at(hour: number, minute = 0): Date {
    const d = new Date(this.local);
    d.setUTCHours(hour, minute, 0, 0);
    const guess = d.getTime() - zoneOffsetMinutes(this.zone, d) * MINUTE;
    return new Date(d.getTime() - zoneOffsetMinutes(this.zone, new Date(guess)) * MINUTE);
  }

  endOfBusiness(): Date { return this.at(END_OF_BUSINESS_HOUR); }

  /** The given weekday (1 = Monday … 5 = Friday) of this week, or of the week `weeks` later. */
  weekdayOf(day: number, weeks = 0): Wall {
    const monday = this.weekday === 0 ? -6 : 1 - this.weekday;
    return this.plusDays(monday + (day - 1) + 7 * weeks);
  }
}

export function addBusinessDays(from: Date, n: number, timeZone?: string): Date {
  let w = Wall.of(from, timeZone);
  let left = n;
  while (left > 0) {
    w = w.plusDays(1);
    if (w.weekday !== 0 && w.weekday !== 6) left -= 1;
  }
  return w.endOfBusiness();
}

const daysInMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();

/** Phrases chrono reads as "the same weekday a week later" where people mean a span. */
function relativeWeek(sentence: string, said: Wall): Date | undefined {
  const s = sentence.toLowerCase();
  if (/\bend of next week\b/.test(s)) return said.weekdayOf(5, 1).endOfBusiness();
  if (/\bearly next week\b/.test(s)) return said.weekdayOf(2, 1).endOfBusiness();
  if (/\b(by|before) next week\b/.test(s)) return said.weekdayOf(1, 1).endOfBusiness();
  if (/\bnext week\b/.test(s)) return said.weekdayOf(5, 1).endOfBusiness();
  if (/\b(end of (the |this )?week|eow|(later )?this week|the week is (out|over|through|done))\b/.test(s)) {
    return said.weekdayOf(5, said.weekday === 6 || said.weekday === 0 ? 1 : 0).endOfBusiness();
  }
  if (/\b(eod|end of (the )?day)\b/.test(s) && /\btomorrow\b/.test(s)) return said.plusDays(1).endOfBusiness();
  // Said after hours, "today" runs to midnight (the caller moves a past moment there). ("By eod thurs" is Thursday's end.)
  if (/\b(eod|end of (the )?day|today|tonight|this (afternoon|evening)|(by|before) (lunch|lunchtime))\b/.test(s) && !/\b(eod|end of (the )?day) (on )?(mon|tue|wed|thu|fri)/.test(s)) return said.endOfBusiness();
  // "By the 20th": that day of this month, or of the next when it has passed.
  // ("No later than the 19th", "wk of 16th": the same day of the month.)
  const ordinal = /\b(?:by|before|on|until|till|due|ahead of|in time for|no later than|(?:week|wk) of)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?!\s+of\b)/.exec(s);
  if (ordinal) {
    const day = Number(ordinal[1]);
    const today = said.local.getUTCDate();
    if (day >= 1 && day <= 31) return said.plusDays(day >= today ? day - today : day - today + daysInMonth(said.local)).endOfBusiness();
  }
  return undefined;
}

const DEADLINE_WORD = /\b(by|before|until|till|no later than|due|ahead of|in time for)\s*(the\s+)?$/i;
const ON_WORD = /\b(on|this|next)\s*(the\s+)?$/i;

/** Chat and note shorthand for days chrono does not read: "tmrw", "2moro", "tomoz". */
const SHORTHAND: Array<[RegExp, string]> = [[/\b(?:tmrw|tmw|tmrrw|tomoz|2moro|2morrow)\b/gi, 'tomorrow'], [/\b(?:tdy)\b/gi, 'today'], [/\bweds\b/gi, 'Wednesday']];

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Whether two words are one keystroke apart: a letter dropped, added, changed, or two swapped. */
function oneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff = [...a].map((c, i) => (c === b[i] ? -1 : i)).filter((i) => i >= 0);
    return diff.length === 1 || (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i += 1) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/** A weekday typed in a hurry ("Firday", "Thrusday", "wendesday") read as the weekday. */
const mendWeekdays = (t: string) => t.replace(/\b[A-Za-z]{5,10}\b/g, (w) => {
  const low = w.toLowerCase();
  if (WEEKDAYS.includes(low) || !/day$|dy$|ay$|da$/.test(low)) return w;
  return WEEKDAYS.find((d) => oneEdit(low, d)) ?? w;
});

/** Dates said only to be ruled out ("not today, but tomorrow for sure") and "the same afternoon" (the day named elsewhere). */
const RULED_OUT = /\bnot (?:(?:by|before|on|until|till) )?(?:today|tonight|tomorrow|this week|next week|(?:mon|tues|wednes|thurs|fri)day)\b|\b(?:the )?same (?:day|morning|afternoon|evening|night)\b/gi;

export function dueDateOf(written: string, said: Date, opts: DueOptions = {}): DueDate {
  const sentence = mendWeekdays(SHORTHAND.reduce((t, [re, day]) => t.replace(re, day), written)).replace(RULED_OUT, ' ');
  const wall = Wall.of(said, opts.timeZone);
  const week = relativeWeek(sentence, wall);
  if (week) return { dueAt: week < said ? wall.at(23, 59) : week, explicit: true };
  const offset = zoneOffsetMinutes(opts.timeZone, said);
  const found = chrono.parse(sentence, { instant: said, timezone: offset }, { forwardDate: true });
  const before = (r: chrono.ParsedResult) => sentence.slice(Math.max(0, r.index - 16), r.index);
  const pick = found.find((r) => DEADLINE_WORD.test(before(r))) ?? found.find((r) => ON_WORD.test(before(r))) ?? found[found.length - 1];
  if (pick) {
    const date = pick.start.date();
    if (pick.start.isCertain('hour')) return { dueAt: date, explicit: true };
    let due = Wall.of(date, opts.timeZone).endOfBusiness();
    // "By Tuesday", said on a Tuesday, means the next one ("today" is said as today).
    const weekdayOnly = pick.start.isCertain('weekday') && !pick.start.isCertain('day');
    if (weekdayOnly && Wall.of(due, opts.timeZone).local.toISOString().slice(0, 10) === wall.local.toISOString().slice(0, 10)) due = new Date(due.getTime() + 7 * DAY);
    if (due < said) due = wall.at(23, 59);
    return { dueAt: due, explicit: true };
  }
  return { dueAt: addBusinessDays(said, opts.defaultBusinessDays ?? DEFAULT_DUE_BUSINESS_DAYS, opts.timeZone), explicit: false };
}
