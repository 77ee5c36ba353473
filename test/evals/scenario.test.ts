import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile, prepareScenario, resolveTime, scenarioFiles } from '../../evals/scenario.js';
import { OPPORTUNITY_FACTORS, RECOMMENDATION_KINDS, RISK_FACTORS } from '../../agents/vocabulary.js';

const DIR = fileURLToPath(new URL('../../evals/scenarios/', import.meta.url));
const NOW = Date.parse('2026-11-20T12:00:00Z');

describe('scenario files', () => {
  const loaded = scenarioFiles(DIR).map((f) => loadScenarioFile(f, NOW));

  it('at least 30 load and validate', () => {
    expect(loaded.length).toBeGreaterThanOrEqual(30);
    expect(new Set(loaded.map((l) => l.scenario.name)).size).toBe(loaded.length);
  });

  it('every factor and recommendation kind is expected present somewhere and absent somewhere', () => {
    const present = new Set(loaded.flatMap((l) => [...(l.scenario.expect.factors?.present ?? []), ...(l.scenario.expect.recommendations?.present ?? []).map((r) => r.kind)]));
    const absent = new Set(loaded.flatMap((l) => [...(l.scenario.expect.factors?.absent ?? []), ...(l.scenario.expect.recommendations?.absent ?? [])]));
    for (const name of [...RISK_FACTORS, ...OPPORTUNITY_FACTORS, ...RECOMMENDATION_KINDS]) {
      expect(present.has(name), `${name} expected present somewhere`).toBe(true);
      expect(absent.has(name), `${name} expected absent somewhere`).toBe(true);
    }
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
