import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG, RiskConfig, deepMerge, forStage, riskConfigFor } from '../../../agents/risk/config.js';
import { FactorName, STAGES } from '../../../agents/vocabulary.js';

describe('risk configuration', () => {
  it('the defaults: one object with every threshold and weight, valid', () => {
    expect(RiskConfig.parse(DEFAULT_RISK_CONFIG)).toEqual(DEFAULT_RISK_CONFIG);
    expect(DEFAULT_RISK_CONFIG.newLead.responseMinutes).toBe(5);
    expect(DEFAULT_RISK_CONFIG.silenceDays).toMatchObject({ lead: 1, qualified: 3, discovery: 7, demo: 5, proposal: 5, negotiation: 3, customer: 14 });
    expect(DEFAULT_RISK_CONFIG.renewal.windowsDays).toEqual([120, 90, 60]);
    expect(DEFAULT_RISK_CONFIG.usage).toMatchObject({ recentDays: 7, baselineDays: 28, dropPct: 20 });
    expect(DEFAULT_RISK_CONFIG.stakeholderSilent.days).toBe(14);
    expect(Object.keys(DEFAULT_RISK_CONFIG.silenceDays).sort()).toEqual([...STAGES].sort());
    expect(Object.keys(DEFAULT_RISK_CONFIG.weights).sort()).toEqual([...FactorName.options].sort());
    expect(DEFAULT_RISK_CONFIG.competitors).toContain('Gong');
  });

  it('per-account overrides are deep-merged: what is named changes, the rest stays', () => {
    const cfg = riskConfigFor({ thresholds: { silenceDays: { proposal: 10 }, weights: { silence: 40 }, usage: { dropPct: 30 } } });
    expect(cfg.silenceDays.proposal).toBe(10);
    expect(cfg.silenceDays.discovery).toBe(7);
    expect(cfg.weights.silence).toBe(40);
    expect(cfg.weights.owner_gap).toBe(20);
    expect(cfg.usage).toMatchObject({ dropPct: 30, recentDays: 7 });
    expect(DEFAULT_RISK_CONFIG.silenceDays.proposal).toBe(5); // the defaults are not touched
  });

  it('lists replace, not merge: competitors from thresholds or from settings.competitors', () => {
    expect(riskConfigFor({ thresholds: { competitors: ['Acme CRM'] } }).competitors).toEqual(['Acme CRM']);
    expect(riskConfigFor({ competitors: ['Fleetio'] }).competitors).toEqual(['Fleetio']);
    expect(riskConfigFor({ thresholds: { stakeholderSilent: { roles: ['legal'] } } }).stakeholderSilent).toEqual({ days: 14, roles: ['legal'] });
  });

  it('invalid overrides fail with the path that is wrong', () => {
    expect(() => riskConfigFor({ thresholds: { silenceDays: { proposal: 'soon' } } })).toThrow(/silenceDays\.proposal/);
    expect(() => riskConfigFor({ thresholds: { silenceDay: { proposal: 3 } } })).toThrow(/silenceDay/);
    expect(() => riskConfigFor({ thresholds: { usage: { dropPct: -5 } } })).toThrow(/usage\.dropPct/);
    expect(() => riskConfigFor({ thresholds: { renewal: { windowsDays: [60, 90, 120] } } })).toThrow(/descending/);
    expect(() => riskConfigFor({ thresholds: { weights: { silence: -1 } } })).toThrow(/weights\.silence/);
  });

  it('no settings: the defaults', () => {
    expect(riskConfigFor(undefined)).toEqual(DEFAULT_RISK_CONFIG);
    expect(riskConfigFor({})).toEqual(DEFAULT_RISK_CONFIG);
  });

  it('helpers: deepMerge and per-stage lookup with a fallback', () => {
    expect(deepMerge({ a: { b: 1, c: 2 }, d: [1] }, { a: { c: 3 }, d: [2, 3] })).toEqual({ a: { b: 1, c: 3 }, d: [2, 3] });
    expect(forStage(DEFAULT_RISK_CONFIG.silenceDays, 'negotiation')).toBe(3);
    expect(forStage(DEFAULT_RISK_CONFIG.silenceDays, 'renewal_pending')).toBe(7);
  });
});
