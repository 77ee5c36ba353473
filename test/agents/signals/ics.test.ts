// .ics → calendar signals: a weekly series expanded inside the window, one occurrence moved by an
// override, one taken out by EXDATE, a cancelled event, a METHOD:CANCEL message, and detection.
import { describe, expect, it } from 'vitest';
import { parseIcs, ICS_WINDOW } from '../../../agents/signals/parsers/ics.js';
import { detectFormat } from '../../../agents/signals/detect.js';
import { as, fixture } from './helpers.js';

const now = () => new Date('2026-03-08T12:00:00Z');
const ours = { ourDomains: ['ourco.io'], now };
const SERIES = 'weekly-sync-7f3a@ourco.io';

describe('iCalendar parser', () => {
  const r = parseIcs(fixture('ics/rollout.ics'), ours);
  const cal = r.items.map((i) => as('calendar', i.signal));
  const byId = (id: string) => cal.filter((s) => s.eventId === id);

  it('expands the weekly series inside the window, one eventId per occurrence, in the series time zone', () => {
    const occurrences = cal.filter((s) => s.eventId.startsWith(`${SERIES}#`) && s.event === 'scheduled');
    // COUNT=10 from 3 Feb; 3 Feb is more than 30 days before now, 10 Mar moved, 17 Mar taken out.
    expect(occurrences.map((s) => s.startsAt)).toEqual([
      '2026-02-10T09:00:00.000Z', '2026-02-17T09:00:00.000Z', '2026-02-24T09:00:00.000Z', '2026-03-03T09:00:00.000Z',
      '2026-03-24T09:00:00.000Z', '2026-03-31T08:00:00.000Z', '2026-04-07T08:00:00.000Z',
    ]);
    expect(ICS_WINDOW.pastDays).toBe(30);
    const first = occurrences[0];
    expect(first.eventId).toBe(`${SERIES}#2026-02-10T09:00:00.000Z`);
    expect(first.endsAt).toBe('2026-02-10T09:30:00.000Z');
    expect(first.title).toBe('Brightwell / Ourco weekly rollout sync');
    expect(first.organizer).toBe('dana@ourco.io');
    expect(first.attendees).toContainEqual({ email: 'tom@brightwell.health', name: "Tom O'Hara" });
    expect(first.source).toBe('calendar');
  });

  it('reads the override as the moved occurrence: same eventId as the slot it replaces, new times, updated', () => {
    const [moved] = byId(`${SERIES}#2026-03-10T09:00:00.000Z`);
    expect(moved.event).toBe('updated');
    expect(moved.startsAt).toBe('2026-03-12T14:00:00.000Z');
    expect(moved.endsAt).toBe('2026-03-12T14:30:00.000Z');
    expect(moved.title).toContain('moved to Thursday');
    expect(moved.occurredAt).toBe('2026-03-05T14:00:00.000Z');
  });

  it('cancels an EXDATE occurrence and a STATUS:CANCELLED event', () => {
    expect(byId(`${SERIES}#2026-03-17T09:00:00.000Z`).map((s) => s.event)).toEqual(['cancelled']);
    const [review] = byId('security-review-19c2@ourco.io');
    expect(review.event).toBe('cancelled');
    expect(review.title).toBe('Security questionnaire walkthrough');
  });

  it('routes by the first attendee outside our domains and leaves out internal meetings', () => {
    const item = r.items.find((i) => as('calendar', i.signal).eventId === 'kickoff-2a@ourco.io');
    expect(item?.route).toEqual({ email: 'priya.natarajan@brightwell.health', domain: 'brightwell.health' });
    expect(as('calendar', item?.signal).endsAt).toBe('2026-04-02T13:45:00.000Z');
    expect(as('calendar', item?.signal).title).toBe('Phase two kickoff, with notes; and a long folded description line');
    expect(r.rejected).toEqual([{ position: 'event internal-pipeline-review@ourco.io', reason: 'no attendee outside our own domains' }]);
  });

  it('keeps only events with an account attendee when the account is known', () => {
    const scoped = parseIcs(fixture('ics/rollout.ics'), { accountDomains: ['brightwell.health'], now });
    expect(scoped.items.length).toBe(cal.length);
    expect(parseIcs(fixture('ics/rollout.ics'), { accountDomains: ['elsewhere.example'], now }).items).toEqual([]);
  });

  it('gives each version its own idempotency key: the same file twice is the same keys, a move a new one', () => {
    const again = parseIcs(fixture('ics/rollout.ics'), ours).items.map((i) => i.signal.externalId);
    expect(again).toEqual(r.items.map((i) => i.signal.externalId));
    expect(new Set(again).size).toBe(again.length);
  });

  it('cancels every event of a METHOD:CANCEL message', () => {
    const c = parseIcs(fixture('ics/kickoff-cancel.ics'), ours).items.map((i) => as('calendar', i.signal));
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ event: 'cancelled', eventId: 'kickoff-2a@ourco.io', occurredAt: '2026-03-09T17:00:00.000Z' });
  });

  it('is detected from content, and unreadable text is a rejection, not a crash', () => {
    expect(detectFormat(fixture('ics/rollout.ics'), 'export.txt')).toBe('ics');
    const bad = parseIcs('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nthis is not a property\r\n', ours);
    expect(bad.items).toEqual([]);
    expect(bad.rejected[0].reason).toMatch(/not a readable iCalendar file/);
  });
});
