// The pure parts of decisions that act: the workflow state's action queue and snooze wake-ups, and
// what the email check refuses before anything reaches SMTP.
import { describe, expect, it } from 'vitest';
import { AccountState, DAY_MS } from '../../workflows/account/state.js';
import { emailProblem, bracketed } from '../../workflows/activities/actions/send-email.js';
import { taskMessage } from '../../workflows/activities/actions/post-webhook.js';
import { messageIdFor } from '../../workflows/activities/act.js';

const T0 = Date.parse('2026-11-20T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('AccountState: decisions', () => {
  it('queues an approval once, in order, and forgets it when finished', () => {
    const s = new AccountState('a', { pending: false });
    s.afterDecision({ recommendationId: 'r1', status: 'approved' });
    s.afterDecision({ recommendationId: 'r2', status: 'edited' });
    s.afterDecision({ recommendationId: 'r1', status: 'approved' });
    expect(s.actions).toEqual(['r1', 'r2']);
    expect(s.hasChores(T0)).toBe(true);
    s.actionFinished('r1');
    expect(s.actions).toEqual(['r2']);
    s.afterDecision({ recommendationId: 'r3', status: 'rejected' });
    s.afterDecision({ recommendationId: 'r4', status: 'done' });
    expect(s.actions).toEqual(['r2']);
  });

  it('wakes for the earliest snooze, even before its daily floor or next factor change', () => {
    const s = new AccountState('a', { pending: false, nextWakeAt: iso(T0 + 6 * 3_600_000) });
    expect(s.sleepMs(T0)).toBe(6 * 3_600_000);
    s.afterDecision({ recommendationId: 'r1', status: 'snoozed', snoozedUntil: iso(T0 + 5000) });
    s.afterDecision({ recommendationId: 'r2', status: 'snoozed', snoozedUntil: iso(T0 + 60_000) });
    expect(s.sleepMs(T0)).toBe(5000);
    expect(s.view().nextSnoozeAt).toBe(iso(T0 + 5000));
    expect(s.dueSnoozes(T0 + 4999)).toEqual([]);
    expect(s.hasChores(T0 + 4999)).toBe(false);
    expect(s.dueSnoozes(T0 + 5000)).toEqual(['r1']);
    expect(s.hasChores(T0 + 5000)).toBe(true);
    s.snoozesWoken(['r1'], T0 + 5000);
    expect(s.sleepMs(T0 + 5000)).toBe(55_000);
  });

  it('a snooze past the daily floor does not stretch the sleep beyond a day', () => {
    const s = new AccountState('a', { pending: false });
    s.afterDecision({ recommendationId: 'r1', status: 'snoozed', snoozedUntil: iso(T0 + 3 * DAY_MS) });
    expect(s.sleepMs(T0)).toBe(DAY_MS);
  });

  it('snoozing again moves the wake-up; deciding a snoozed item cancels it; a wake keeps a later re-snooze', () => {
    const s = new AccountState('a', { pending: false });
    s.afterDecision({ recommendationId: 'r1', status: 'snoozed', snoozedUntil: iso(T0 + 1000) });
    s.afterDecision({ recommendationId: 'r1', status: 'snoozed', snoozedUntil: iso(T0 + 9000) });
    expect(s.snoozes).toEqual({ r1: iso(T0 + 9000) });
    s.snoozesWoken(['r1'], T0 + 2000);
    expect(s.snoozes).toEqual({ r1: iso(T0 + 9000) });
    s.afterDecision({ recommendationId: 'r1', status: 'approved' });
    expect(s.snoozes).toEqual({});
    expect(s.actions).toEqual(['r1']);
  });

  it('carries queued actions and snoozes across continue-as-new as plain JSON', () => {
    const s = new AccountState('a', { pending: false });
    s.afterDecision({ recommendationId: 'r1', status: 'approved' });
    s.afterDecision({ recommendationId: 'r2', status: 'snoozed', snoozedUntil: iso(T0 + 1000) });
    const next = new AccountState('a', JSON.parse(JSON.stringify(s.carry())));
    expect(next.actions).toEqual(['r1']);
    expect(next.snoozes).toEqual({ r2: iso(T0 + 1000) });
    // Nothing queued: the carried state has the shape it had before decisions acted.
    expect(Object.keys(new AccountState('b', { pending: false }).carry())).not.toContain('actions');
  });
});

describe('email check before SMTP', () => {
  const ok = { messageId: '<rec-1@ourco.com>', from: 'sam@ourco.com', to: ['hank@initech.io'], subject: 'Re: pricing' };
  it('lets a plain email through', () => {
    expect(emailProblem(ok)).toBeNull();
    expect(emailProblem({ ...ok, inReplyTo: '<q1@initech.io>', references: ['<p0@ourco.com>', '<q1@initech.io>'] })).toBeNull();
  });
  it.each([
    [{ subject: 'Re: pricing\r\nBcc: all@initech.io' }, /^subject: a line break/],
    [{ subject: 'Re: pricing\nBcc: all@initech.io' }, /^subject: a line break/],
    [{ to: ['hank@initech.io\r\nBcc: all@initech.io'] }, /^to: a line break/],
    [{ to: ['hank@initech.io, all@initech.io'] }, /^to: .* is not an email address/],
    [{ to: ['Hank <hank@initech.io>'] }, /^to: .* is not an email address/],
    [{ to: [] }, /^to: the draft has no recipient/],
    [{ from: 'sam@ourco.com\nX-Evil: 1' }, /^from: a line break/],
    [{ inReplyTo: '<q1@initech.io>\r\nBcc: x@y.io' }, /^inReplyTo: a line break/],
  ])('refuses %j', (change, problem) => {
    expect(emailProblem({ ...ok, ...change })).toMatch(problem);
  });
  it('derives the Message-ID from the recommendation, bracketed', () => {
    expect(messageIdFor('9f1c-22', 'ourco.com')).toBe('<rec-9f1c-22@ourco.com>');
    expect(bracketed('q1@initech.io')).toBe('<q1@initech.io>');
    expect(bracketed('<q1@initech.io>')).toBe('<q1@initech.io>');
  });
});

describe('webhook message', () => {
  it('is Slack-compatible text and blocks, with text from the customer escaped', () => {
    const m = taskMessage({ title: 'Call <Hank> & team', accountName: 'Initech', ownerName: 'Sam', dueAt: '2026-12-03T09:00:00Z', body: 'Why: <b>' });
    expect(m.text).toBe('New task for Sam on Initech: Call <Hank> & team (due 2026-12-03)');
    expect(JSON.stringify(m.blocks)).toContain('Call &lt;Hank&gt; &amp; team');
    expect(JSON.stringify(m.blocks)).toContain('Why: &lt;b&gt;');
  });
});
