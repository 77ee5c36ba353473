import { describe, expect, it } from 'vitest';
import { addBusinessDays, dueDateOf, zoneOffsetMinutes } from '../../../agents/perception/due-date.js';

// Tuesday 17 November 2026, 10:00 UTC.
const TUESDAY = new Date('2026-11-17T10:00:00Z');
const due = (sentence: string, said = TUESDAY, timeZone?: string) => {
  const d = dueDateOf(sentence, said, { timeZone });
  return { at: d.dueAt.toISOString(), explicit: d.explicit };
};

describe('due dates', () => {
  it('a weekday is the end of that business day', () => {
    expect(due("We'll send it by Friday.")).toEqual({ at: '2026-11-20T17:00:00.000Z', explicit: true });
    expect(due('I will share it on Wednesday.')).toEqual({ at: '2026-11-18T17:00:00.000Z', explicit: true });
  });

  it('the same weekday it was said means the next one', () => {
    expect(due("We'll send it by Tuesday.").at).toBe('2026-11-24T17:00:00.000Z');
  });

  it('"next week" is the end of next week; "early next week" its Tuesday; "by next week" its Monday', () => {
    expect(due("I'll get you the signed order form next week.").at).toBe('2026-11-27T17:00:00.000Z');
    expect(due("We'll have it early next week.").at).toBe('2026-11-24T17:00:00.000Z');
    expect(due("We'll have it by next week.").at).toBe('2026-11-23T17:00:00.000Z');
    expect(due("We'll have it by the end of next week.").at).toBe('2026-11-27T17:00:00.000Z');
  });

  it('"end of week", "today" and "tomorrow"', () => {
    expect(due("I'll send the deck by end of week.").at).toBe('2026-11-20T17:00:00.000Z');
    expect(due("I'll send it today.").at).toBe('2026-11-17T17:00:00.000Z');
    expect(due("I'll send it today.", new Date('2026-11-17T19:30:00Z')).at).toBe('2026-11-17T23:59:00.000Z');
    expect(due("I'll send it tomorrow.").at).toBe('2026-11-18T17:00:00.000Z');
    expect(due('We will send it by end of week.', new Date('2026-11-21T10:00:00Z')).at).toBe('2026-11-27T17:00:00.000Z');
  });

  it('a time of day is kept; a date is its end of business', () => {
    expect(due("I'll call you Thursday at 3pm.").at).toBe('2026-11-19T15:00:00.000Z');
    expect(due("We'll send the contract by Dec 3.").at).toBe('2026-12-03T17:00:00.000Z');
  });

  it('prefers the date after "by" over another date in the sentence', () => {
    expect(due("Thanks for Monday's call; we'll send the notes by Thursday.").at).toBe('2026-11-19T17:00:00.000Z');
  });

  it('no date: three business days later, marked as a default', () => {
    expect(due("We'll follow up with pricing.")).toEqual({ at: '2026-11-20T17:00:00.000Z', explicit: false });
    // Said on a Friday: Monday, Tuesday, Wednesday.
    expect(due("We'll follow up with pricing.", new Date('2026-11-20T10:00:00Z')).at).toBe('2026-11-25T17:00:00.000Z');
    expect(addBusinessDays(new Date('2026-11-21T10:00:00Z'), 1).toISOString()).toBe('2026-11-23T17:00:00.000Z');
  });

  it('business hours end in the account time zone when it has one', () => {
    expect(zoneOffsetMinutes('America/New_York', TUESDAY)).toBe(-300);
    expect(zoneOffsetMinutes('Not/AZone', TUESDAY)).toBe(0);
    expect(due("We'll send it by Friday.", TUESDAY, 'America/New_York').at).toBe('2026-11-20T22:00:00.000Z');
    expect(due("We'll send it by Friday.", TUESDAY, 'Europe/Berlin').at).toBe('2026-11-20T16:00:00.000Z');
  });
});
