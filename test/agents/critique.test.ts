// The critic on its own (pure): what it keeps, merges, caps, ranks, keeps quiet after a human's
// decision, and which open recommendations it withdraws.
import { describe, expect, it } from 'vitest';
import { critique, suppressionDays, type ExistingRecommendation } from '../../agents/critique.js';
import type { ProposedRecommendation } from '../../agents/recommendation.js';

const AS_OF = '2026-11-20T16:00:00.000Z';
const DAY = 86_400_000;
const daysBefore = (d: number) => new Date(Date.parse(AS_OF) - d * DAY).toISOString();

function proposal(over: Partial<ProposedRecommendation> = {}): ProposedRecommendation {
  return {
    kind: 'follow_up', target: 'hank@globex.io', title: 'Follow up with Hank on the proposal',
    rationale: 'The proposal went out six days ago and Hank has not answered.',
    evidence: [{ signalId: 's-1', excerpt: 'attached is our proposal' }],
    priority: 50, dueAt: '2026-11-21T09:00:00.000Z', factors: ['silence'], ...over,
  };
}

function existing(over: Partial<ExistingRecommendation> = {}): ExistingRecommendation {
  return {
    id: 'r-1', kind: 'follow_up', target: 'hank@globex.io', status: 'proposed', statusReason: null,
    snoozedUntil: null, decidedAt: null, updatedAt: daysBefore(1), ...over,
  };
}

const keys = (rs: Array<{ kind: string; target: string }>) => rs.map((r) => `${r.kind}:${r.target}`);

describe('validation', () => {
  it('drops a proposal that breaks the contract and says why, keeping the valid ones', () => {
    const r = critique([proposal(), { ...proposal({ kind: 'reply' }), factors: [] }, { kind: 'teleport', target: 'x' }], [], AS_OF);
    expect(keys(r.publish)).toEqual(['follow_up:hank@globex.io']);
    expect(r.dropped).toHaveLength(2);
    expect(r.dropped.map((d) => d.kind).sort()).toEqual(['reply', 'teleport']);
    for (const d of r.dropped) expect(d.why).toMatch(/^invalid: /);
  });
});

describe('dedupe', () => {
  it('folds two proposals of the same action into one: the higher priority wins, factors and evidence are joined', () => {
    const low = proposal({ priority: 30, factors: ['no_next_step'], rationale: 'No next step is booked.', evidence: [{ signalId: 's-1', excerpt: 'a' }, { signalId: 's-2', excerpt: 'b' }] });
    const high = proposal({ priority: 70, factors: ['silence'], title: 'Chase Hank', evidence: [{ signalId: 's-1', excerpt: 'a' }] });
    const r = critique([low, high], [], AS_OF);
    expect(r.publish).toHaveLength(1);
    const one = r.publish[0];
    expect(one.title).toBe('Chase Hank');
    expect(one.priority).toBe(70);
    expect(one.factors.sort()).toEqual(['no_next_step', 'silence']);
    expect(one.evidence.map((e) => e.signalId)).toEqual(['s-1', 's-2']);
    expect(one.rationale).toBe(`${high.rationale} Also: ${low.rationale}`);
  });

  it('keeps different targets of the same kind apart', () => {
    const r = critique([proposal(), proposal({ target: 'olu@globex.io' })], [], AS_OF);
    expect(keys(r.publish).sort()).toEqual(['follow_up:hank@globex.io', 'follow_up:olu@globex.io']);
  });

  it('an open recommendation proposed again is republished (refreshed in place), not expired', () => {
    const r = critique([proposal()], [existing({ id: 'open-1' })], AS_OF);
    expect(keys(r.publish)).toEqual(['follow_up:hank@globex.io']);
    expect(r.expire).toEqual([]);
  });

  it('an open recommendation the situation no longer supports is expired; a snoozed one is left alone', () => {
    const r = critique([proposal()], [
      existing({ id: 'stale', kind: 'reply', target: 'dana@globex.io' }),
      existing({ id: 'sleeping', kind: 'multithread', target: 'account', status: 'snoozed', snoozedUntil: '2026-12-01T00:00:00.000Z', decidedAt: daysBefore(1) }),
      existing({ id: 'closed', kind: 'escalate', target: 'account', status: 'approved', decidedAt: daysBefore(10) }),
    ], AS_OF);
    expect(r.expire).toEqual(['stale']);
  });
});

describe('the cap and the ranking', () => {
  const seven = [
    proposal({ kind: 'reply', target: 'a', priority: 40 }),
    proposal({ kind: 'follow_up', target: 'b', priority: 90 }),
    proposal({ kind: 'multithread', target: 'c', priority: 10 }),
    proposal({ kind: 'escalate', target: 'd', priority: 60, dueAt: '2026-11-25T00:00:00.000Z' }),
    proposal({ kind: 'renewal_plan', target: 'e', priority: 60, dueAt: '2026-11-22T00:00:00.000Z' }),
    proposal({ kind: 'adoption_play', target: 'f', priority: 20 }),
    proposal({ kind: 'assign_owner', target: 'g', priority: 75 }),
  ];

  it('publishes at most five, highest priority first, an earlier due date breaking a tie', () => {
    const r = critique(seven, [], AS_OF);
    expect(keys(r.publish)).toEqual(['follow_up:b', 'assign_owner:g', 'renewal_plan:e', 'escalate:d', 'reply:a']);
    expect(r.dropped.map((d) => [d.kind, d.why])).toEqual([
      ['adoption_play', 'below the top 5'], ['multithread', 'below the top 5'],
    ]);
  });

  it('ties on priority and due date fall back to the kind, so the order never depends on input order', () => {
    const a = proposal({ kind: 'reply', target: 'x', priority: 50 });
    const b = proposal({ kind: 'escalate', target: 'y', priority: 50 });
    expect(keys(critique([a, b], [], AS_OF).publish)).toEqual(['escalate:y', 'reply:x']);
    expect(keys(critique([b, a], [], AS_OF).publish)).toEqual(['escalate:y', 'reply:x']);
  });

  it('the cap is a setting', () => {
    expect(critique(seven, [], AS_OF, { maxOpen: 2 }).publish).toHaveLength(2);
  });

  it('an open recommendation pushed below the cap by more urgent ones is expired', () => {
    const r = critique(seven, [existing({ id: 'sixth', kind: 'adoption_play', target: 'f' })], AS_OF);
    expect(r.expire).toEqual(['sixth']);
  });

  it('a suppressed proposal does not take a place under the cap', () => {
    const r = critique(seven, [existing({ id: 'no', kind: 'follow_up', target: 'b', status: 'rejected', statusReason: 'not_relevant', decidedAt: daysBefore(1) })], AS_OF);
    expect(keys(r.publish)).toEqual(['assign_owner:g', 'renewal_plan:e', 'escalate:d', 'reply:a', 'adoption_play:f']);
  });
});

describe('the quiet period after a human decision', () => {
  it.each([
    ['not_relevant', 30],
    ['wrong_contact', 30],
    ['already_done', 14],
    ['wrong_timing', 7],
    ['Not relevant for this account', 30],
    ['We already sent it on Monday', 14],
    ['Not now, ask me next month', 7],
    ['Hank is on holiday', 14],
    [null, 14],
  ])('a rejection with reason %j keeps the same action quiet for %i days', (reason, days) => {
    expect(suppressionDays(reason)).toBe(days);
    const rejected = (ageDays: number) => [existing({ id: 'rej', status: 'rejected', statusReason: reason, decidedAt: daysBefore(ageDays), updatedAt: daysBefore(ageDays) })];
    const inside = critique([proposal()], rejected(days - 0.5), AS_OF);
    expect(inside.publish).toEqual([]);
    expect(inside.dropped).toEqual([{ kind: 'follow_up', target: 'hank@globex.io', why: expect.stringMatching(/^rejected /) }]);
    const after = critique([proposal()], rejected(days + 0.5), AS_OF);
    expect(keys(after.publish)).toEqual(['follow_up:hank@globex.io']);
  });

  it('every reason stays within the 7 to 30 days the README promises', () => {
    for (const reason of ['not_relevant', 'already_done', 'wrong_timing', 'wrong_contact', 'whatever', '']) {
      expect(suppressionDays(reason)).toBeGreaterThanOrEqual(7);
      expect(suppressionDays(reason)).toBeLessThanOrEqual(30);
    }
  });

  it('a rejection quiets only its own (kind, target)', () => {
    const r = critique([proposal(), proposal({ target: 'olu@globex.io' }), proposal({ kind: 'reply' })],
      [existing({ status: 'rejected', statusReason: 'not_relevant', decidedAt: daysBefore(2) })], AS_OF);
    expect(keys(r.publish).sort()).toEqual(['follow_up:olu@globex.io', 'reply:hank@globex.io']);
  });

  it('an approved or edited action is not proposed again for three days', () => {
    for (const status of ['approved', 'edited', 'done']) {
      const recent = critique([proposal()], [existing({ status, decidedAt: daysBefore(2) })], AS_OF);
      expect(recent.publish, status).toEqual([]);
      expect(recent.dropped[0].why).toBe(`already ${status}`);
      const older = critique([proposal()], [existing({ status, decidedAt: daysBefore(4) })], AS_OF);
      expect(keys(older.publish), status).toEqual(['follow_up:hank@globex.io']);
    }
  });
});
