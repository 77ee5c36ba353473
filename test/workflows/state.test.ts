import { describe, expect, it } from 'vitest';
import { AccountState, DAY_MS } from '../../workflows/account/state.js';

const T0 = Date.parse('2026-11-20T10:00:00Z');

describe('AccountState', () => {
  it('starts pending so a new workflow assesses at once', () => {
    expect(new AccountState('a').pending).toBe(true);
    expect(new AccountState('a', { pending: false }).pending).toBe(false);
  });

  it('debounces: each signal restarts the quiet period', () => {
    const s = new AccountState('a', { pending: false });
    s.markPending(T0);
    expect(s.debounceRemaining(T0 + 500, 2000)).toBe(1500);
    s.markPending(T0 + 1500);
    expect(s.debounceRemaining(T0 + 2000, 2000)).toBe(1500);
    expect(s.debounceRemaining(T0 + 3500, 2000)).toBe(0);
  });

  it('leading edge: a signal after a quiet period goes at once; one close behind a run waits for the burst', () => {
    const s = new AccountState('a', { pending: false });
    s.markPending(T0);
    expect(s.debounceRemaining(T0, 2000, true)).toBe(0); // first ever: at once
    s.startRun(T0);
    s.markPending(T0 + 300); // arrives during the run
    expect(s.debounceRemaining(T0 + 400, 2000, true)).toBe(1900);
    s.startRun(T0 + 2300);
    s.markPending(T0 + 60_000); // a minute later, after quiet
    expect(s.debounceRemaining(T0 + 60_000, 2000, true)).toBe(0);
    expect(s.debounceRemaining(T0 + 60_000, 2000, false)).toBe(2000); // the trailing-only rule waits
  });

  it('sleeps until the next factor change, with a daily floor and a 1 s minimum', () => {
    const s = new AccountState('a');
    s.applyAssessment({ assessedAt: new Date(T0).toISOString(), riskLevel: 'low', riskScore: 3, openRecommendations: 0, nextChangeAt: new Date(T0 + 3 * 3_600_000).toISOString() }, T0);
    expect(s.sleepMs(T0)).toBe(3 * 3_600_000);
    expect(s.isDue(T0 + 3 * 3_600_000)).toBe(true);
    s.applyAssessment({ assessedAt: new Date(T0).toISOString(), riskLevel: 'low', riskScore: 3, openRecommendations: 0, nextChangeAt: new Date(T0 + 9 * DAY_MS).toISOString() }, T0);
    expect(s.sleepMs(T0)).toBe(DAY_MS);
    s.applyAssessment({ assessedAt: new Date(T0).toISOString(), riskLevel: 'low', riskScore: 3, openRecommendations: 0, nextChangeAt: new Date(T0 - 5000).toISOString() }, T0);
    expect(s.sleepMs(T0)).toBe(1000);
  });

  it('carries only JSON-plain state across continue-as-new', () => {
    const s = new AccountState('a');
    s.applyAssessment({ assessedAt: '2026-11-20T10:00:00.000Z', riskLevel: 'high', riskScore: 60, openRecommendations: 2 }, T0);
    s.pending = false;
    const carried = JSON.parse(JSON.stringify(s.carry()));
    const next = new AccountState('a', carried);
    expect(next.view()).toMatchObject({ riskLevel: 'high', riskScore: 60, openRecommendations: 2, assessments: 1, pending: false, cycle: 0 });
  });
});
