// Meetings read from .ics files through the risk model: a booked meeting with the account clears
// no_next_step and holds off silence until it has passed; its cancellation reopens the gap at once.
import { describe, expect, it } from 'vitest';
import { Story, at, contact, factor, names } from './builders.js';
import { parseIcs } from '../../../agents/signals/parsers/ics.js';

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

function ics(method: 'REQUEST' | 'CANCEL', sequence: number, written: string, starts: string): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//account-agents tests//EN', `METHOD:${method}`, 'BEGIN:VEVENT', 'UID:acme-demo-51@ourco.com',
    `DTSTAMP:${stamp(written)}`, `SEQUENCE:${sequence}`, `DTSTART:${stamp(starts)}`, `DTEND:${stamp(new Date(Date.parse(starts) + 3_600_000).toISOString())}`,
    'SUMMARY:Acme / Ourco demo', 'ORGANIZER;CN=Sam Patel:mailto:sam@ourco.com', 'ATTENDEE;CN=Dana Ortiz:mailto:dana@acme.com',
    'ATTENDEE;CN=Sam Patel:mailto:sam@ourco.com', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
}

/** A discovery deal whose last word from the account was 12 days ago: silent, and nothing booked. */
function quietDeal(): Story {
  const s = new Story({ account: { stage: 'discovery' }, contacts: [contact('dana@acme.com', 'Dana Ortiz', 'champion')] });
  s.email(at(-13), { from: 'sam@ourco.com', to: 'dana@acme.com', subject: 'Next steps', text: 'Hi Dana, shall we look at the rollout plan together?' });
  s.email(at(-12), { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Re: Next steps', text: 'Sounds good, let me check with the team first.' });
  return s;
}

function importIcs(s: Story, text: string, now: string): void {
  const r = parseIcs(text, { accountDomains: ['acme.com'], ourDomains: ['ourco.com'], now: () => new Date(now) });
  expect(r.rejected).toEqual([]);
  for (const item of r.items) s.add(item.signal as unknown as Record<string, unknown>);
}

describe('calendar signals and the next step', () => {
  it('without a meeting the quiet deal is flagged for silence and no next step', () => {
    expect(names(quietDeal().assess())).toEqual(expect.arrayContaining(['no_next_step', 'silence']));
  });

  it('a future meeting from an .ics clears no_next_step and holds off silence until it has passed', () => {
    const s = quietDeal();
    importIcs(s, ics('REQUEST', 0, at(-2), at(5)), at(-2));
    const booked = s.assess();
    expect(names(booked)).not.toContain('no_next_step');
    expect(names(booked)).not.toContain('silence');
    // Two days after the meeting, with nothing new: the gap is back.
    expect(names(s.assess(at(7)))).toEqual(expect.arrayContaining(['no_next_step', 'silence']));
  });

  it('a METHOD:CANCEL for the meeting reopens the gap at once, naming the cancelled meeting', () => {
    const s = quietDeal();
    importIcs(s, ics('REQUEST', 0, at(-4), at(5)), at(-4));
    importIcs(s, ics('CANCEL', 1, at(-1), at(5)), at(-1));
    const a = s.assess();
    expect(names(a)).toEqual(expect.arrayContaining(['no_next_step', 'silence']));
    expect(factor(a, 'no_next_step')?.explanation).toContain('"Acme / Ourco demo" was cancelled');
  });

  it('a moved meeting (a later SEQUENCE) counts at its new time', () => {
    const s = quietDeal();
    importIcs(s, ics('REQUEST', 0, at(-6), at(2)), at(-6));
    importIcs(s, ics('REQUEST', 1, at(-3), at(9)), at(-3));
    // At day 4 the first slot has passed but the moved one has not.
    expect(names(s.assess(at(4)))).not.toContain('no_next_step');
    expect(names(s.assess(at(11)))).toContain('no_next_step');
  });
});
