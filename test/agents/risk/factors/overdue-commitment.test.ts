import { describe, expect, it } from 'vitest';
import { overdueCommitment } from '../../../../agents/risk/factors/overdue-commitment.js';
import { Story, at, contact } from '../builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const ken = contact('ken@acme.com', 'Ken Ito', 'security');
const story = () => new Story({ account: { stage: 'negotiation' }, contacts: [dana, ken] });
const TUESDAY = '2026-11-10T10:00:00.000Z';

describe('overdue_commitment', () => {
  it('our promise past due, naming whom it was made to', () => {
    const s = story();
    s.email(TUESDAY, { from: 'sam@ourco.com', to: 'ken@acme.com', subject: 'Security review', text: "We'll send the SOC 2 report by Thursday." });
    const check = overdueCommitment(s.timeline());
    expect(check.factor).toMatchObject({ weight: 20, evidence: [s.signals[0].id], contacts: ['ken@acme.com'] });
    expect(check.factor!.explanation).toBe('Sam Patel promised Ken Ito (security) on Tue 10 Nov: "We\'ll send the SOC 2 report by Thursday."; it was due Thu 12 Nov, 7 days ago, and nothing since fulfils it');
  });

  it('not yet due: when it falls due', () => {
    const s = story();
    s.email(at(-1), { from: 'sam@ourco.com', to: 'ken@acme.com', text: "We'll send the SOC 2 report by Tuesday." });
    expect(overdueCommitment(s.timeline())).toEqual({ factor: null, nextChangeAt: '2026-11-24T17:00:00.000Z' });
  });

  it('a later outbound message about the same thing, or with the attachment, fulfils it', () => {
    const same = story();
    same.email(TUESDAY, { from: 'sam@ourco.com', to: 'ken@acme.com', text: "We'll send the SOC 2 report by Thursday." });
    same.email(at(-9), { from: 'sam@ourco.com', to: 'ken@acme.com', text: 'Here is our SOC 2 report, as promised.' });
    expect(overdueCommitment(same.timeline()).factor).toBeNull();
    const attached = story();
    attached.email(TUESDAY, { from: 'sam@ourco.com', to: 'ken@acme.com', text: "We'll send the pen test summary by Thursday." });
    attached.email(at(-9), { from: 'sam@ourco.com', to: 'ken@acme.com', subject: 'Documents', text: 'Please find the files enclosed.', attachments: [{ name: 'pen-test-summary.pdf', size: 100 }] });
    expect(overdueCommitment(attached.timeline()).factor).toBeNull();
  });

  it("their promises are not ours; an undated promise of ours falls due after three business days", () => {
    const theirs = story();
    theirs.email(TUESDAY, { from: 'dana@acme.com', to: 'sam@ourco.com', text: "I'll send the signed order form by Thursday." });
    expect(overdueCommitment(theirs.timeline()).factor).toBeNull();
    const undated = story();
    undated.email(TUESDAY, { from: 'sam@ourco.com', to: 'dana@acme.com', text: 'I will follow up with the reference customers.' });
    expect(overdueCommitment(undated.timeline()).factor!.explanation).toMatch(/it was due Fri 13 Nov/);
  });

  it('several overdue: weight grows (capped), every promise cited, the next one due still watched', () => {
    const s = story();
    s.email(TUESDAY, { from: 'sam@ourco.com', to: 'ken@acme.com', subject: 'Security', text: "We'll send the SOC 2 report by Thursday." });
    s.email(TUESDAY, { from: 'sam@ourco.com', to: 'dana@acme.com', subject: 'Rollout', text: "I'll share the rollout plan by Wednesday." });
    s.email(at(-1), { from: 'sam@ourco.com', to: 'dana@acme.com', subject: 'Paperwork', text: "I'll send the revised order form by Tuesday." });
    const check = overdueCommitment(s.timeline());
    expect(check.factor!.weight).toBe(25);
    expect(check.factor!.explanation).toMatch(/^Sam Patel promised Dana Ruiz \(champion\) on Tue 10 Nov: "I'll share the rollout plan by Wednesday\."; .*\(2 promises overdue\)$/);
    expect(check.factor!.contacts).toEqual(['dana@acme.com', 'ken@acme.com']); // the most overdue first
    expect(check.nextChangeAt).toBe('2026-11-24T17:00:00.000Z');
  });
});
