import { describe, expect, it } from 'vitest';
import { stageStalled } from '../../../../agents/risk/factors/stage-stalled.js';
import { Story, at } from '../builders.js';

describe('stage_stalled', () => {
  it('in the stage longer than it should take, from the CRM stage change', () => {
    const s = new Story({ account: { stage: 'negotiation' } });
    s.crm(at(-70), 'stage', { from: 'demo', to: 'proposal' });
    s.crm(at(-40), 'stage', { from: 'proposal', to: 'negotiation' });
    const check = stageStalled(s.timeline());
    expect(check.factor).toMatchObject({ weight: 12, evidence: [s.signals[1].id] });
    expect(check.factor!.explanation).toBe('Acme Logistics has been in negotiation for 40 days since Sun 11 Oct (expected at most 30)');
  });

  it('not yet: when it will be', () => {
    const s = new Story({ account: { stage: 'proposal' } });
    s.crm(at(-5), 'stage', { from: 'demo', to: 'proposal' });
    expect(stageStalled(s.timeline())).toEqual({ factor: null, nextChangeAt: at(16) });
  });

  it('no stage change on record: nothing to measure', () => {
    expect(stageStalled(new Story({ account: { stage: 'proposal' } }).timeline())).toEqual({ factor: null });
  });

  it('per-account stage limits', () => {
    const s = new Story({ account: { stage: 'negotiation', settings: { thresholds: { stageStalledDays: { negotiation: 60 } } } } });
    s.crm(at(-40), 'stage', { from: 'proposal', to: 'negotiation' });
    expect(stageStalled(s.timeline()).factor).toBeNull();
  });
});
