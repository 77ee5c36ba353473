// The seed stories through the real path: HTTP → Postgres (PGlite) → Temporal → the agent graph →
// recommendations readable through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, auth, eventually, uniqueId } from '../helpers/stack.js';
import type { Stack } from '../../stack.js';
import { accountWorkflowId } from '../../workflows/account/messages.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
  await stack.app.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { id: 'sam', name: 'Sam Patel', email: 'sam@ourco.com', role: 'rep' } });
  await stack.app.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { id: 'riley', name: 'Riley Chen', email: 'riley@ourco.com', role: 'csm' } });
});
afterAll(async () => { await stack?.stop(); });

const DAY = 86_400_000;
/** A lead's reply recommendation is written within this long of the post (one signal, one assessment). */
const LEAD_REPLY_WITHIN_MS = 5_000;
const at = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 3_600_000).toISOString();

interface Rec { id: string; createdAt: string; kind: string; title: string; rationale: string; evidence: Array<{ signalId: string; excerpt: string }>; draft: { subject?: string; body: string; to: string[] } | null; factors: string[] }
interface Assessment { level: string; score: number; factors: Array<{ factor: string; evidence: string[]; contacts?: string[] }>; opportunities: Array<{ factor: string; evidence: string[] }> }

async function setup(account: Record<string, unknown>, signals: Array<Record<string, unknown>>) {
  const id = uniqueId(String(account.name).toLowerCase().replace(/\W+/g, '-'));
  const created = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: { id, ...account } });
  expect(created.statusCode, created.body).toBe(201);
  const posted = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: { signals } });
  expect(posted.statusCode, posted.body).toBe(202);
  const storedIds: string[] = posted.json().stored;
  // Assessed after every stored signal was processed.
  await eventually(async () => {
    const { rows } = await stack.database.pool.query(`select count(*)::int as n from signals where account_id = $1 and status = 'pending'`, [id]);
    const a = await stack.app.inject({ method: 'GET', url: `/v1/accounts/${id}/assessments`, headers: auth });
    return rows[0].n === 0 && a.json().assessments.some((x: { signalCount: number }) => x.signalCount >= signals.length);
  }, 30_000);
  const assessment: Assessment = (await stack.app.inject({ method: 'GET', url: `/v1/accounts/${id}/assessments`, headers: auth })).json().assessments[0];
  const recs: Rec[] = (await stack.app.inject({ method: 'GET', url: `/v1/recommendations?account=${id}`, headers: auth })).json().recommendations;
  return { id, assessment, recs, storedIds };
}

const factorNames = (a: Assessment) => [...a.factors, ...a.opportunities].map((f) => f.factor);

async function expectCitationsValid(accountId: string, recs: Rec[]) {
  for (const r of recs) {
    expect(r.evidence.length, `${r.kind} cites evidence`).toBeGreaterThan(0);
    for (const e of r.evidence) {
      const { rows } = await stack.database.pool.query('select account_id from signals where id = $1', [e.signalId]);
      expect(rows[0]?.account_id, `${r.kind} cites a signal of this account`).toBe(accountId);
    }
  }
}

const usageSeries = (baseline: number, recent: number) => Array.from({ length: 35 }, (_, i) => ({
  kind: 'usage', occurredAt: at(-35 + i), externalId: `u-${i}`, source: 'product', metric: 'active_users', unit: 'users',
  value: i < 28 ? baseline + ((i * 7) % 5) - 2 : recent + ((i * 3) % 3) - 1,
}));

describe('the account agent on the seed stories', () => {
  it('the renewal that went quiet: high risk, owner gap, champion change, usage drop, renewal', async () => {
    const { id, assessment, recs } = await setup({
      name: 'Acme Freight', domains: ['acmefreight.com'], stage: 'customer', arr: 180000, renewalDate: at(75), ownerId: 'sam', csmId: 'riley',
      contacts: [
        { email: 'dana@acmefreight.com', name: 'Dana Ruiz', title: 'VP Operations', role: 'champion' },
        { email: 'li@acmefreight.com', name: 'Li Wen', title: 'CFO', role: 'economic_buyer' },
      ],
    }, [
      ...usageSeries(140, 95),
      { kind: 'email', occurredAt: at(-45), externalId: 'e-1', from: { email: 'dana@acmefreight.com', name: 'Dana Ruiz' }, to: [{ email: 'riley@ourco.com', name: 'Riley Chen' }], subject: 'Dispatch rollout', text: 'Thanks Riley, the dispatch team is live. Talk next month.' },
      { kind: 'crm', occurredAt: at(-21), externalId: 'c-1', source: 'hubspot', change: 'owner', from: 'riley', to: '', text: 'Customer success manager Riley Chen left the company; account unassigned.' },
      { kind: 'email', occurredAt: at(-12), externalId: 'e-2', from: { email: 'dana@acmefreight.com', name: 'Dana Ruiz' }, to: [{ email: 'sam@ourco.com', name: 'Sam Patel' }], subject: 'Some news', text: "Hi Sam, quick heads-up: I've moved to another division as of Monday, so I'm no longer running operations. Li will make the call on the renewal." },
    ]);
    expect(['high', 'critical']).toContain(assessment.level);
    expect(factorNames(assessment)).toEqual(expect.arrayContaining(['owner_gap', 'champion_change', 'usage_drop', 'renewal_approaching']));
    expect(recs.map((r) => r.kind)).toEqual(expect.arrayContaining(['assign_owner', 'find_new_champion', 'renewal_plan']));
    const champ = recs.find((r) => r.kind === 'find_new_champion')!;
    expect(`${champ.title} ${champ.rationale}`).toMatch(/Dana/);
    expect(champ.evidence.some((e) => /another division/.test(e.excerpt))).toBe(true);
    await expectCitationsValid(id, recs);
  });

  it('the expansion signal nobody saw: a QBR where the CTO mentions a new initiative', async () => {
    const { id, assessment, recs } = await setup({
      name: 'Northwind Health', domains: ['northwind.health'], stage: 'customer', arr: 90000, renewalDate: at(220), ownerId: 'sam', csmId: 'riley',
      contacts: [
        { email: 'priya@northwind.health', name: 'Priya Raman', title: 'CTO', role: 'executive_sponsor' },
        { email: 'tom@northwind.health', name: 'Tom Becker', title: 'Director of Clinical Ops', role: 'champion' },
      ],
    }, [
      ...usageSeries(60, 61),
      { kind: 'meeting', occurredAt: at(-2), externalId: 'qbr-1', source: 'gong', title: 'Northwind Q3 business review', durationSec: 2700,
        attendees: [{ email: 'priya@northwind.health', name: 'Priya Raman' }, { email: 'tom@northwind.health', name: 'Tom Becker' }, { email: 'riley@ourco.com', name: 'Riley Chen' }],
        transcript: [
          { speaker: 'Riley Chen', text: 'Thanks for making time. Adoption in the clinical ops team looks strong this quarter.', startSec: 5 },
          { speaker: 'Tom Becker', text: 'Yes, the nurses use it every shift now. Scheduling complaints are way down.', startSec: 40 },
          { speaker: 'Priya Raman', text: "One more thing: we're launching a new initiative to bring our three outpatient clinics onto the same scheduling workflow next quarter.", startSec: 300 },
          { speaker: 'Riley Chen', text: 'That is great to hear. We should talk about what that looks like.', startSec: 330 },
        ] },
      { kind: 'email', occurredAt: at(-1), externalId: 'e-n1', from: { email: 'riley@ourco.com', name: 'Riley Chen' }, to: [{ email: 'tom@northwind.health' }], subject: 'QBR notes', text: 'Thanks Tom and Priya, notes attached.' },
      { kind: 'calendar', occurredAt: at(-1), externalId: 'cal-n1', event: 'scheduled', eventId: 'evt-n1', title: 'Monthly check-in', startsAt: at(12), attendees: [{ email: 'tom@northwind.health', name: 'Tom Becker' }] },
    ]);
    expect(factorNames(assessment)).toContain('expansion_signal');
    const rec = recs.find((r) => r.kind === 'expansion_discovery');
    expect(rec, JSON.stringify(recs.map((r) => r.kind))).toBeDefined();
    expect(rec!.evidence.some((e) => /new initiative/.test(e.excerpt))).toBe(true);
    expect(`${rec!.title} ${rec!.rationale} ${rec!.evidence.map((e) => e.excerpt).join(' ')}`).toMatch(/Priya|CTO|new initiative/);
    await expectCitationsValid(id, recs);
  });

  it('the multi-threaded deal where only the champion got follow-up', async () => {
    const { id, assessment, recs } = await setup({
      name: 'Contoso Bank', domains: ['contoso.bank'], stage: 'negotiation', arr: 240000, ownerId: 'sam',
      contacts: [
        { email: 'marta@contoso.bank', name: 'Marta Silva', title: 'Head of Payments', role: 'champion' },
        { email: 'olu@contoso.bank', name: 'Olu Adeyemi', title: 'Procurement Manager', role: 'procurement' },
        { email: 'ken@contoso.bank', name: 'Ken Ito', title: 'IT Security Lead', role: 'security' },
      ],
    }, [
      { kind: 'meeting', occurredAt: at(-16), externalId: 'm-c1', title: 'Contoso security and commercial review',
        attendees: [{ email: 'marta@contoso.bank', name: 'Marta Silva' }, { email: 'olu@contoso.bank', name: 'Olu Adeyemi' }, { email: 'ken@contoso.bank', name: 'Ken Ito' }, { email: 'sam@ourco.com', name: 'Sam Patel' }],
        transcript: [
          { speaker: 'Ken Ito', text: 'Before we sign we need your answers to our security questionnaire.', startSec: 60 },
          { speaker: 'Sam Patel', text: "Understood. We'll send the completed security questionnaire by Friday.", startSec: 80 },
          { speaker: 'Olu Adeyemi', text: 'And I will need the final pricing breakdown for the procurement committee.', startSec: 120 },
        ] },
      { kind: 'email', occurredAt: at(-15), externalId: 'e-c1', from: { email: 'olu@contoso.bank', name: 'Olu Adeyemi' }, to: [{ email: 'sam@ourco.com' }], subject: 'Procurement checklist', text: 'Hi Sam, attached is our vendor onboarding checklist. Please complete it when you can.' },
      { kind: 'email', occurredAt: at(-14), externalId: 'e-c2', from: { email: 'ken@contoso.bank', name: 'Ken Ito' }, to: [{ email: 'sam@ourco.com' }], subject: 'Questionnaire', text: 'Sam, the questionnaire template is attached. We review vendors on a first-come basis.' },
      { kind: 'email', occurredAt: at(-9), externalId: 'e-c3', from: { email: 'sam@ourco.com', name: 'Sam Patel' }, to: [{ email: 'marta@contoso.bank' }], subject: 'Pricing options', text: 'Marta, here are the two pricing options we discussed.' },
      { kind: 'email', occurredAt: at(-3), externalId: 'e-c4', from: { email: 'marta@contoso.bank', name: 'Marta Silva' }, to: [{ email: 'sam@ourco.com' }], subject: 'Re: Pricing options', text: 'Thanks Sam, option B works for us. Let us keep going.' },
      { kind: 'email', occurredAt: at(-2), externalId: 'e-c5', from: { email: 'sam@ourco.com', name: 'Sam Patel' }, to: [{ email: 'marta@contoso.bank' }], subject: 'Re: Pricing options', text: 'Great, I will get the order form ready.' },
      { kind: 'calendar', occurredAt: at(-2), externalId: 'cal-c1', event: 'scheduled', eventId: 'evt-c1', title: 'Order form walkthrough', startsAt: at(4), attendees: [{ email: 'marta@contoso.bank', name: 'Marta Silva' }] },
    ]);
    const names = factorNames(assessment);
    expect(names).toEqual(expect.arrayContaining(['stakeholder_silent', 'overdue_commitment']));
    const silent = assessment.factors.find((f) => f.factor === 'stakeholder_silent')!;
    expect(silent.contacts).toEqual(expect.arrayContaining(['olu@contoso.bank', 'ken@contoso.bank']));
    const multi = recs.find((r) => r.kind === 'multithread');
    const fulfil = recs.find((r) => r.kind === 'fulfil_commitment');
    expect(multi, JSON.stringify(recs.map((r) => r.kind))).toBeDefined();
    expect(fulfil).toBeDefined();
    expect(`${multi!.title} ${multi!.rationale} ${multi!.draft?.to.join(' ')}`).toMatch(/Olu/);
    expect(`${multi!.title} ${multi!.rationale} ${multi!.draft?.to.join(' ')}`).toMatch(/Ken/);
    expect(`${fulfil!.title} ${fulfil!.rationale}`).toMatch(/security questionnaire/i);
    await expectCitationsValid(id, recs);
  });

  it('a lead form submitted on a Friday afternoon gets a reply recommendation within seconds', async () => {
    const id = uniqueId('initech');
    await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: { id, name: 'Initech', domains: ['initech.com'], stage: 'lead', ownerId: 'sam' } });
    const t0 = Date.now();
    const posted = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: {
      kind: 'engagement', occurredAt: at(0, -0.2), externalId: 'form-1', source: 'website', event: 'form_submitted', contactEmail: 'peter@initech.com', contactName: 'Peter Gibbons',
      text: 'We process about 500 TPS reports a week and need to automate approvals. Can someone call me before Monday?' } });
    expect(posted.statusCode).toBe(202);
    const rec: Rec = await eventually(async () => {
      const r = await stack.app.inject({ method: 'GET', url: `/v1/recommendations?account=${id}`, headers: auth });
      return (r.json().recommendations as Rec[]).find((x) => x.kind === 'reply');
    }, 60_000, 50);
    // The latency is the product's, not the poll's: from the post to the moment the row was written
    // (the database and this test share one clock), bounded well inside the wait above.
    const latencyMs = Date.parse(rec.createdAt) - t0;
    expect(latencyMs).toBeGreaterThan(0);
    expect(latencyMs).toBeLessThan(LEAD_REPLY_WITHIN_MS);
    expect(rec.factors).toContain('new_lead_waiting');
    expect(rec.draft?.to).toEqual(['peter@initech.com']);
    expect(rec.draft?.body).toMatch(/Peter/);
    await expectCitationsValid(id, [rec]);
  });

  it('silence by time alone: the workflow wakes on its own timer once the proposal has gone unanswered too long', async () => {
    // The proposal stage expects a reply within SILENCE_S seconds here (instead of 5 days), and the
    // proposal is sent now: the signal's own assessment sees no silence, and no signal follows.
    const SILENCE_S = 20;
    const id = uniqueId('globex');
    const created = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: {
      id, name: 'Globex', domains: ['globex.io'], stage: 'proposal', arr: 60000, ownerId: 'sam',
      contacts: [{ email: 'hank@globex.io', name: 'Hank Scorpio', title: 'CEO', role: 'decision_maker' }],
      settings: { thresholds: { silenceDays: { proposal: SILENCE_S / 86_400 } } },
    } });
    expect(created.statusCode, created.body).toBe(201);
    const sentAt = Date.now();
    const posted = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: { signals: [
      { kind: 'meeting', occurredAt: at(-1), externalId: 'g-m1', title: 'Globex demo', attendees: [{ email: 'hank@globex.io', name: 'Hank Scorpio' }], transcript: 'Hank Scorpio: This looks great, send me a proposal.\nSam Patel: Will do.' },
      { kind: 'email', occurredAt: new Date(sentAt).toISOString(), externalId: 'g-e1', from: { email: 'sam@ourco.com', name: 'Sam Patel' }, to: [{ email: 'hank@globex.io', name: 'Hank Scorpio' }], subject: 'Proposal for Globex', text: 'Hi Hank, attached is our proposal for the 200-seat rollout. Happy to walk through it.' },
    ] } });
    expect(posted.statusCode, posted.body).toBe(202);
    const crossing = sentAt + SILENCE_S * 1000;

    type Assessed = Assessment & { asOf: string; signalCount: number; nextChangeAt: string | null };
    const assessments = async () => (await stack.app.inject({ method: 'GET', url: `/v1/accounts/${id}/assessments`, headers: auth })).json().assessments as Assessed[];
    const first = await eventually(async () => (await assessments()).find((a) => a.signalCount >= 2), 30_000, 100);
    expect(Date.parse(first.asOf), 'the signal was assessed before the silence began').toBeLessThan(crossing);
    expect(factorNames(first)).not.toContain('silence');
    expect(first.nextChangeAt, 'the assessment plans a wake-up no later than the crossing').not.toBeNull();
    expect(Date.parse(first.nextChangeAt!)).toBeLessThanOrEqual(crossing);

    const handle = stack.temporal.client.workflow.getHandle(accountWorkflowId(id));
    const messagesIn = async () => (await handle.fetchHistory()).events!.filter((e) => e.workflowExecutionSignaledEventAttributes || e.workflowExecutionUpdateAcceptedEventAttributes).length;
    const timersFired = async () => (await handle.fetchHistory()).events!.filter((e) => e.timerFiredEventAttributes).length;
    const [messagesBefore, timersBefore] = [await messagesIn(), await timersFired()];

    // Nothing is posted from here on: only the workflow's timer can bring the next assessment.
    const later = await eventually(async () => (await assessments()).find((a) => factorNames(a).includes('silence')), 90_000, 250);
    expect(Date.parse(later.asOf)).toBeGreaterThanOrEqual(crossing);
    expect(later.signalCount).toBe(first.signalCount);
    expect(await messagesIn(), 'no signal or update reached the workflow after the first assessment').toBe(messagesBefore);
    expect(await timersFired(), 'a timer fired').toBeGreaterThan(timersBefore);

    const recs: Rec[] = (await stack.app.inject({ method: 'GET', url: `/v1/recommendations?account=${id}`, headers: auth })).json().recommendations;
    const rec = recs.find((r) => r.kind === 'follow_up');
    expect(rec, JSON.stringify(recs.map((r) => r.kind))).toBeDefined();
    expect(rec!.draft?.to).toContain('hank@globex.io');
    await expectCitationsValid(id, recs);
  }, 150_000);

  it('a healthy account with a meeting booked and recent two-way email: low risk, no recommendations', async () => {
    const { assessment, recs } = await setup({
      name: 'Umbrella Labs', domains: ['umbrella-labs.com'], stage: 'discovery', arr: 45000, ownerId: 'sam',
      contacts: [
        { email: 'alice@umbrella-labs.com', name: 'Alice Abernathy', title: 'Head of Research Ops', role: 'champion' },
        { email: 'carlos@umbrella-labs.com', name: 'Carlos Oliveira', title: 'IT Director', role: 'technical_evaluator' },
      ],
    }, [
      { kind: 'email', occurredAt: at(-3), externalId: 'u-e1', from: { email: 'sam@ourco.com', name: 'Sam Patel' }, to: [{ email: 'alice@umbrella-labs.com' }, { email: 'carlos@umbrella-labs.com' }], subject: 'Discovery follow-up', text: 'Thanks both, great session. Summary and next steps below.' },
      { kind: 'email', occurredAt: at(-2), externalId: 'u-e2', from: { email: 'alice@umbrella-labs.com', name: 'Alice Abernathy' }, to: [{ email: 'sam@ourco.com' }], subject: 'Re: Discovery follow-up', text: 'Looks right to me. Carlos will join the technical deep dive.' },
      { kind: 'email', occurredAt: at(-1), externalId: 'u-e3', from: { email: 'carlos@umbrella-labs.com', name: 'Carlos Oliveira' }, to: [{ email: 'sam@ourco.com' }], subject: 'Re: Discovery follow-up', text: 'Confirmed for next week. Thanks.' },
      { kind: 'calendar', occurredAt: at(-1), externalId: 'u-c1', event: 'scheduled', eventId: 'evt-u1', title: 'Technical deep dive', startsAt: at(6), attendees: [{ email: 'alice@umbrella-labs.com', name: 'Alice Abernathy' }, { email: 'carlos@umbrella-labs.com', name: 'Carlos Oliveira' }] },
    ]);
    expect(assessment.level).toBe('low');
    expect(recs).toEqual([]);
  });
});
