import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile, prepareScenario, resolveTime, scenarioFiles } from '../../evals/scenario.js';
import { STAGES } from '../../agents/vocabulary.js';
import { coverage } from '../../evals/coverage.js';

const DIR = fileURLToPath(new URL('../../evals/scenarios/', import.meta.url));
const NOW = Date.parse('2026-11-20T12:00:00Z');

describe('scenario files', () => {
  const loaded = scenarioFiles(DIR).map((f) => loadScenarioFile(f, NOW));

  it('at least 30 load and validate', () => {
    expect(loaded.length).toBeGreaterThanOrEqual(30);
    expect(new Set(loaded.map((l) => l.scenario.name)).size).toBe(loaded.length);
  });

  it('every factor and recommendation kind is expected present somewhere and absent somewhere', () => {
    for (const row of coverage(loaded.map((l) => l.scenario))) {
      expect(row.present.length, `${row.name} expected present somewhere`).toBeGreaterThan(0);
      expect(row.absent.length, `${row.name} expected absent somewhere`).toBeGreaterThan(0);
    }
  });

  it('covers the seed stories, a healthy account of every stage and the traps', () => {
    const names = new Set(loaded.map((l) => l.scenario.name));
    for (const n of ['renewal-went-quiet', 'expansion-signal-in-qbr', 'multithreaded-deal-silent-procurement', 'friday-afternoon-lead', 'dark-after-strong-demo',
      'proposal-no-followup-scheduled', 'rep-on-two-weeks-leave', 'five-leads-at-once-answered', 'five-leads-at-once-unanswered',
      'trap-silence-but-meeting-booked', 'trap-competitor-being-replaced', 'trap-holiday-usage-dip', 'trap-out-of-office-reply',
      'trap-newsletter-from-account', 'trap-thread-already-answered']) expect(names.has(n), n).toBe(true);
    const quietStages = new Set(loaded.filter((l) => l.scenario.expect.level === 'low' || (typeof l.scenario.expect.level === 'object' && l.scenario.expect.level.max === 'low')).map((l) => l.scenario.account.stage));
    for (const stage of STAGES) expect(quietStages.has(stage), `a healthy ${stage} account`).toBe(true);
  });

  it('a scenario that allows factors says why in its notes', () => {
    for (const l of loaded) {
      if ((l.scenario.expect.factors?.allowed ?? []).length > 0) expect(l.scenario.notes?.trim(), `${l.scenario.name} allows ${l.scenario.expect.factors!.allowed.join(', ')}`).toBeTruthy();
    }
  });

  it('automated mail in the traps is marked and written like the real thing', () => {
    const emails = loaded.flatMap((l) => l.signals).filter((s) => s.kind === 'email');
    expect(emails.some((s) => s.kind === 'email' && s.auto === 'auto_reply' && /out of (the )?office/i.test(s.text))).toBe(true);
    expect(emails.some((s) => s.kind === 'email' && s.auto === 'newsletter' && /unsubscribe/i.test(s.text))).toBe(true);
  });

  it('a booked meeting in the future with account attendees, and the Friday lead pinned to a Friday', () => {
    const booked = loaded.find((l) => l.scenario.name === 'trap-silence-but-meeting-booked')!;
    expect(booked.signals.some((s) => s.kind === 'calendar' && s.event === 'scheduled' && Date.parse(s.startsAt) > booked.now && s.attendees.some((a) => a.email?.endsWith('@tideway.io')))).toBe(true);
    const friday = loaded.find((l) => l.scenario.name === 'friday-afternoon-lead')!;
    expect(new Date(friday.now).getUTCDay()).toBe(5);
    expect(friday.signals[0].occurredAt).toBe('2026-11-20T16:30:00.000Z');
  });
});

describe('loader', () => {
  it('resolves relative times against the evaluation moment', () => {
    expect(resolveTime('-40d', NOW)).toBe('2026-10-11T12:00:00.000Z');
    expect(resolveTime('+75d', NOW)).toBe('2027-02-03T12:00:00.000Z');
    expect(resolveTime('-3h', NOW)).toBe('2026-11-20T09:00:00.000Z');
    expect(resolveTime('-2w', NOW)).toBe('2026-11-06T12:00:00.000Z');
    expect(resolveTime('-30m', NOW)).toBe('2026-11-20T11:30:00.000Z');
    expect(resolveTime('2026-01-02T03:04:05Z', NOW)).toBe('2026-01-02T03:04:05.000Z');
  });

  it('resolves signal, calendar and renewal times, and a pinned now', () => {
    const l = prepareScenario('x.json', {
      name: 'x', now: '2026-11-20T16:40:00Z', account: { name: 'X', domains: ['x.com'], stage: 'customer', renewalDate: '+10d' },
      signals: [{ at: '-10m', kind: 'calendar', event: 'scheduled', eventId: 'e', title: 'Call', startsAt: '+1d', attendees: [] }],
    }, NOW);
    expect(l.now).toBe(Date.parse('2026-11-20T16:40:00Z'));
    expect(l.renewalDate).toBe('2026-11-30T16:40:00.000Z');
    expect(l.signals[0]).toMatchObject({ occurredAt: '2026-11-20T16:30:00.000Z', startsAt: '2026-11-21T16:40:00.000Z', externalId: 'x-0' });
  });

  it('names the file and the problem when a scenario is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scn-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ name: 'bad', account: { name: 'B', domains: ['b.com'], stage: 'sleeping' } }));
    writeFileSync(join(dir, 'worse.json'), '{ not json');
    writeFileSync(join(dir, 'sig.json'), JSON.stringify({ name: 'sig', account: { name: 'S', domains: ['s.com'], stage: 'lead' }, signals: [{ at: '-1d', kind: 'email', text: 'no sender' }] }));
    expect(() => loadScenarioFile(join(dir, 'bad.json'), NOW)).toThrow(/^bad\.json: account\.stage: /);
    expect(() => loadScenarioFile(join(dir, 'worse.json'), NOW)).toThrow(/^worse\.json: not valid JSON/);
    expect(() => loadScenarioFile(join(dir, 'sig.json'), NOW)).toThrow(/^sig\.json: signals\.0: from: /);
  });
});
