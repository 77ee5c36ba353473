// iCalendar (.ics, RFC 5545) → calendar signals, read with ical.js (Mozilla's parser: folding,
// escaping, time zones, RRULE/EXDATE expansion and RECURRENCE-ID overrides are all its work).
// Each event (each occurrence of a recurring one, `UID#<recurrence-id>`) becomes one signal:
// scheduled, updated (a later SEQUENCE, or an override that moved an occurrence) or cancelled
// (STATUS:CANCELLED, METHOD:CANCEL, or an occurrence removed by EXDATE). The idempotency key holds
// the version (sequence, start, status), so the same file twice is stored once and a move is stored
// as a new state of the same eventId: the risk model reads each eventId's latest state.
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { domainOf } from '../direction.js';
import { addSignal, emptyResult, rejectedOnly, routeByEmail } from './result.js';
import { repairedIcs } from './ics-repair.js';
import { instantOf, zoneWarnings } from './ics-zones.js';
import { decodeText } from './charset.js';
import type { ParseOptions, ParseResult } from './types.js';

/** Recurrences are expanded from this many days before now to this many after. */
export const ICS_WINDOW = { pastDays: 30, aheadDays: 90 } as const;
/** A guard against rules that repeat every minute: at most this many occurrences per event. */
const MAX_OCCURRENCES = 2000;
/** And at most this many stepped over on the way to the window (a daily series of 50 years is ~18,000). */
const MAX_SCANNED = 20_000;
const DAY = 86_400_000;

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;

interface Attendee { email?: string; name: string }

function text(c: Component, name: string): string | undefined {
  const v = c.getFirstPropertyValue(name);
  return v === null || v === undefined ? undefined : String(v);
}

function timeOf(c: Component, name: string): Time | undefined {
  const v = c.getFirstPropertyValue(name);
  return v instanceof ICAL.Time ? v : undefined;
}

/** A time as an ISO instant; `tzid` names the zone of a recurrence's occurrences, which ical.js leaves unnamed. */
const iso = (t: Time, tzid?: string) => instantOf(t, tzid).toISOString();

function mailto(v: unknown): string | undefined {
  const s = String(v ?? '').trim().replace(/^mailto:/i, '').trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s) ? s : undefined;
}

function attendeesOf(c: Component): Attendee[] {
  const seen = new Set<string>();
  const out: Attendee[] = [];
  for (const p of c.getAllProperties('attendee')) {
    const email = mailto(p.getFirstValue());
    const cn = p.getParameter('cn');
    const name = String((Array.isArray(cn) ? cn[0] : cn) ?? email ?? '').slice(0, 200);
    const key = email ?? name;
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(email ? { email, name } : { name });
  }
  return out;
}

function organizerOf(c: Component): string | undefined {
  const p = c.getFirstProperty('organizer');
  if (!p) return undefined;
  const cn = p.getParameter('cn');
  return (mailto(p.getFirstValue()) ?? (Array.isArray(cn) ? cn[0] : cn))?.slice(0, 200);
}

/** The zone an event's start or end names, for its times written without one. */
function zoneOf(c: Component): string | undefined {
  for (const name of ['dtstart', 'dtend', 'due']) {
    const tzid = c.getFirstProperty(name)?.getParameter('tzid');
    if (typeof tzid === 'string') return tzid;
  }
  return undefined;
}

/** When this version of the event was written: LAST-MODIFIED, else DTSTAMP, else CREATED. */
function writtenAt(c: Component, fallback: string): string {
  const t = timeOf(c, 'last-modified') ?? timeOf(c, 'dtstamp') ?? timeOf(c, 'created');
  return t ? iso(t) : fallback;
}

function key(parts: string[]): string {
  const k = `ics:${parts.join('|')}`;
  return k.length <= 512 ? k : `ics:${createHash('sha256').update(k).digest('hex')}`;
}

interface Candidate {
  eventId: string;
  event: 'scheduled' | 'updated' | 'cancelled';
  comp: Component;
  start: Time;
  end?: Time;
  sequence: number;
  /** The series' zone, for occurrences that lost it (see iso). */
  tzid?: string;
}

/**
 * Parses an .ics file. With `accountDomains` only events with an attendee at those domains are
 * kept; without, each event is routed by its first attendee outside `ourDomains`.
 */
export function parseIcs(bytes: Buffer | string, opts: ParseOptions = {}): ParseResult {
  // Windows Calendar writes UTF-16 (read as UTF-8 it was one NUL between every letter, and failed
  // whole); bytes that are not UTF-8 are read as charset.ts guesses, and the upload says so.
  const decoded = decodeText(bytes);
  const { text: raw, warnings } = repairedIcs(decoded.text);
  if (decoded.warning) warnings.unshift({ position: 'file', reason: decoded.warning });
  let calendars: Component[];
  try {
    const jcal = ICAL.parse(raw);
    const list = (Array.isArray(jcal[0]) ? jcal : [jcal]) as unknown[];
    calendars = list.map((j) => new ICAL.Component(j as never));
  } catch (err) {
    return { ...rejectedOnly('file', `not a readable iCalendar file (${(err as Error).message})`), ...(warnings.length ? { warnings } : {}) };
  }
  // An empty file parses to an empty component, which ical.js then fails on (found by fuzzing).
  calendars = calendars.filter((c) => Array.isArray(c.jCal) && typeof c.name === 'string');
  const outside = [...new Set(calendars.map((c) => c.name.toUpperCase()).filter((n) => n !== 'VCALENDAR' && n !== 'VEVENT'))];
  // Events written without the VCALENDAR around them (an exported single event) are read as one calendar.
  const bare = calendars.filter((c) => c.name === 'vevent');
  calendars = calendars.filter((c) => c.name === 'vcalendar');
  if (bare.length) {
    const cal = new ICAL.Component('vcalendar');
    for (const ev of bare) cal.addSubcomponent(ev);
    calendars.push(cal);
  }
  if (calendars.length === 0) return rejectedOnly('file', outside.length ? `no VEVENT: the file holds ${outside.join(', ')} outside a VCALENDAR, which are not read` : 'no BEGIN:VCALENDAR … END:VCALENDAR in the file');
  const now = (opts.now?.() ?? new Date()).getTime();
  const from = ICAL.Time.fromJSDate(new Date(now - ICS_WINDOW.pastDays * DAY), true);
  const until = ICAL.Time.fromJSDate(new Date(now + ICS_WINDOW.aheadDays * DAY), true);
  const nowIso = new Date(now).toISOString();
  const accountDomains = (opts.accountDomains ?? []).map((d) => d.toLowerCase());
  const ourDomains = new Set((opts.ourDomains ?? []).map((d) => d.toLowerCase()));
  const out: ParseResult = { ...emptyResult(), ...(warnings.length ? { warnings } : {}) };

  for (const cal of calendars) {
    for (const tz of cal.getAllSubcomponents('vtimezone')) {
      try { ICAL.TimezoneService.register(tz); } catch { /* an unreadable zone: its times read as floating */ }
    }
    // A zone the events name that the file does not define is looked up (ics-zones.ts); one that cannot be is said.
    const defined = new Set(cal.getAllSubcomponents('vtimezone').map((tz) => String(tz.getFirstPropertyValue('tzid') ?? '')));
    const named = cal.getAllSubcomponents('vevent').flatMap((ev) => ev.getAllProperties().map((p) => p.getParameter('tzid')))
      .filter((z): z is string => typeof z === 'string' && !defined.has(z));
    for (const reason of zoneWarnings(named)) (out.warnings ??= []).push({ position: 'file', reason });
    // Only events are read: a calendar of to-dos, journals or free/busy blocks says so rather than nothing.
    const events = cal.getAllSubcomponents('vevent');
    if (events.length === 0) {
      const others = [...new Set(cal.getAllSubcomponents().map((c) => c.name.toUpperCase()).filter((n) => n !== 'VTIMEZONE'))];
      out.rejected.push({ position: 'file', reason: `no VEVENT in the calendar${others.length ? ` (it holds ${others.join(', ')}, which are not read)` : ''}` });
      continue;
    }
    const cancelAll = text(cal, 'method')?.toUpperCase() === 'CANCEL';
    const byUid = new Map<string, { master?: Component; overrides: Component[] }>();
    events.forEach((ev, i) => {
      const uid = text(ev, 'uid') ?? `event-${i + 1}`;
      const g = byUid.get(uid) ?? { overrides: [] };
      if (ev.hasProperty('recurrence-id')) g.overrides.push(ev);
      else g.master ??= ev;
      byUid.set(uid, g);
    });

    for (const [uid, g] of byUid) {
      const candidates: Candidate[] = [];
      const statusOf = (c: Component): Candidate['event'] | null => (cancelAll || text(c, 'status')?.toUpperCase() === 'CANCELLED' ? 'cancelled' : null);
      const seqOf = (c: Component) => Number(c.getFirstPropertyValue('sequence') ?? 0) || 0;
      try {
        // A series without a DTSTART failed inside ical.js ("reading 'toUnixTime'"); its own overrides still stand.
        if (g.master && !timeOf(g.master, 'dtstart')) {
          out.rejected.push({ position: `event ${uid}`, reason: 'no DTSTART' });
          g.master = undefined;
        }
        const master = g.master;
        if (master && master.hasProperty('rrule')) {
          // Exceptions passed explicitly: without them ical.js scans every VEVENT of the file for each event.
          const event = new ICAL.Event(master, { exceptions: g.overrides });
          const it = event.iterator();
          // Occurrences before the window are stepped over but counted apart: a daily series that began
          // years ago must still reach this month, while a rule repeating every minute stays bounded.
          let kept = 0;
          let scanned = 0;
          // The iterator yields an RDATE period as an ICAL.Period, which occurrence details cannot read
          // ("convertToZone is not a function" rejected the whole series): its start is the occurrence.
          const tzParam = master.getFirstProperty('dtstart')?.getParameter('tzid');
          const seriesZone = typeof tzParam === 'string' ? tzParam : undefined;
          const periods = new Map<string, InstanceType<typeof ICAL.Period>>();
          const startOf = (t: Time | InstanceType<typeof ICAL.Period> | null | undefined): Time | undefined => {
            if (!(t instanceof ICAL.Period)) return t ?? undefined;
            periods.set(t.start.toString(), t);
            return t.start;
          };
          let next = startOf(it.next());
          for (; next && next.compare(until) < 0 && kept < MAX_OCCURRENCES && scanned < MAX_SCANNED; next = startOf(it.next()), scanned++) {
            const d = event.getOccurrenceDetails(next);
            if (d.endDate.compare(from) < 0 && d.startDate.compare(from) < 0) continue;
            kept += 1;
            const comp = d.item.component;
            const moved = comp !== master && d.startDate.compare(d.recurrenceId) !== 0;
            // An RDATE given as a period (start/end or start/duration) lasts that long, not the series' length.
            const period = periods.get(next.toString());
            candidates.push({
              eventId: `${uid}#${iso(d.recurrenceId, seriesZone)}`, comp, start: d.startDate, end: comp === master && period ? period.getEnd() : d.endDate, sequence: seqOf(comp), tzid: seriesZone,
              event: statusOf(comp) ?? statusOf(master) ?? (moved || seqOf(comp) > 0 ? 'updated' : 'scheduled'),
            });
          }
          // An occurrence taken out with EXDATE is cancelled (a calendar that had it booked must drop it).
          for (const p of master.getAllProperties('exdate')) {
            for (const v of p.getValues()) {
              if (!(v instanceof ICAL.Time) || v.compare(from) < 0 || v.compare(until) >= 0) continue;
              candidates.push({ eventId: `${uid}#${iso(v)}`, comp: master, start: v, sequence: seqOf(master), event: 'cancelled' });
            }
          }
          if (candidates.length === 0) {
            const window = `${iso(from).slice(0, 10)} to ${iso(until).slice(0, 10)}`;
            out.rejected.push({ position: `event ${uid}`, reason: scanned >= MAX_SCANNED && next && next.compare(from) < 0
              ? `a recurring event that repeats too often to reach the import window (${window}) within ${MAX_SCANNED} occurrences`
              : `a recurring event with no occurrence from ${window} (occurrences are read from ${ICS_WINDOW.pastDays} days back to ${ICS_WINDOW.aheadDays} ahead)` });
          }
        } else {
          if (master) {
            const start = timeOf(master, 'dtstart')!;
            const ev = new ICAL.Event(master, { exceptions: [] });
            candidates.push({ eventId: uid, comp: master, start, end: ev.endDate, sequence: seqOf(master), event: statusOf(master) ?? (seqOf(master) > 0 ? 'updated' : 'scheduled') });
          }
          // Overrides sent without their series (an update or a cancellation of one occurrence).
          for (const o of g.overrides) {
            const rid = timeOf(o, 'recurrence-id');
            const start = timeOf(o, 'dtstart') ?? rid;
            if (!rid || !start) continue;
            // An override with no DTSTART of its own keeps the occurrence's start and has no known end.
            const end = o.hasProperty('dtstart') ? new ICAL.Event(o, { exceptions: [] }).endDate : undefined;
            candidates.push({ eventId: `${uid}#${iso(rid)}`, comp: o, start, end, sequence: seqOf(o), event: statusOf(o) ?? (start.compare(rid) !== 0 || seqOf(o) > 0 ? 'updated' : 'scheduled') });
          }
        }
      } catch (err) {
        out.rejected.push({ position: `event ${uid}`, reason: `could not read its dates or recurrence (${(err as Error).message})` });
        continue;
      }

      // A property whose value ical.js cannot read (a DTSTAMP with stray bytes) throws when it is read:
      // that event is rejected, the rest stand (it failed the whole upload with a 500; found by fuzzing).
      for (const c of candidates) try {
        const attendees = attendeesOf(c.comp);
        const organizer = organizerOf(c.comp);
        const position = `event ${c.eventId}`;
        const emails = attendees.map((a) => a.email).filter((e): e is string => Boolean(e));
        let routeEmail: string | undefined;
        if (accountDomains.length) {
          if (!emails.some((e) => accountDomains.some((d) => domainOf(e) === d || domainOf(e).endsWith(`.${d}`)))) {
            out.rejected.push({ position, reason: 'no attendee from the account' });
            continue;
          }
        } else {
          routeEmail = emails.find((e) => !ourDomains.has(domainOf(e)) && e !== organizer) ?? emails.find((e) => !ourDomains.has(domainOf(e)));
          if (!routeEmail) {
            out.rejected.push({ position, reason: emails.length ? 'no attendee outside our own domains' : 'no attendee with an email address to route it by' });
            continue;
          }
        }
        // A floating start beside a zoned end (or the reverse) is in the event's zone, not UTC (it ended before it began).
        const zone = c.tzid ?? zoneOf(c.comp);
        const startsAt = iso(c.start, zone);
        const end = c.end ? iso(c.end, zone) : undefined;
        const endsAt = end && Date.parse(end) > Date.parse(startsAt) ? end : undefined;
        addSignal(out, position, {
          kind: 'calendar', occurredAt: writtenAt(c.comp, nowIso), source: 'calendar',
          externalId: key([c.eventId, String(c.sequence), startsAt, endsAt ?? '', c.event]),
          event: c.event, eventId: c.eventId.slice(0, 512), title: (text(c.comp, 'summary') ?? '(no title)').slice(0, 1000),
          startsAt, ...(endsAt ? { endsAt } : {}), attendees: attendees.slice(0, 200), ...(organizer ? { organizer } : {}),
        }, routeEmail ? routeByEmail(routeEmail) : undefined);
      } catch (err) {
        out.rejected.push({ position: `event ${c.eventId}`, reason: `unreadable event (${(err as Error).message})` });
      }
    }
  }
  return out;
}
