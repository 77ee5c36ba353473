// Ask an account's agent, through HTTP and the workflow's `ask` Update: each intent answered from
// the account's state and memory, every citation real, scoped to the account asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, auth, eventually, uniqueId } from '../helpers/stack.js';
import { getSignalsByIds } from '../../db/queries/signals.js';
import { excerptIsIn } from '../../agents/evidence.js';
import { listQuestions } from '../../db/queries/questions.js';
import type { Stack } from '../../stack.js';

let stack: Stack;
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
let acme = '';
let acmeUsage: Array<{ occurredAt: string; value: number }> = [];
let contoso = '';

interface AskReply { answer: string; intent: string; reasoner: string; citations: Array<{ signalId: string; excerpt: string; occurredAt: string }> }

async function load(account: Record<string, unknown>, signals: unknown[]): Promise<string> {
  const id = uniqueId(String(account.name).toLowerCase().replace(/\W+/g, ''));
  expect((await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: { id, ...account } })).statusCode).toBe(201);
  expect((await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: { signals } })).statusCode).toBe(202);
  await eventually(async () => {
    const { rows } = await stack.database.pool.query(`select count(*)::int as n from signals where account_id = $1 and status = 'pending'`, [id]);
    return rows[0].n === 0;
  }, 30_000);
  return id;
}

async function ask(accountId: string, question: string): Promise<AskReply> {
  const r = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${accountId}/ask`, headers: auth, payload: { question } });
  expect(r.statusCode, r.body).toBe(200);
  const body = r.json() as AskReply;
  // Every citation: the signal exists, is this account's, and really contains the excerpt.
  const signals = await getSignalsByIds(stack.database.pool, body.citations.map((c) => c.signalId));
  for (const c of body.citations) {
    const s = signals.find((x) => x.id === c.signalId);
    expect(s, `cited ${c.signalId}`).toBeDefined();
    expect(s!.accountId).toBe(accountId);
    expect(excerptIsIn(s!, c.excerpt), `"${c.excerpt}" is in ${c.signalId}`).toBe(true);
  }
  return body;
}

beforeAll(async () => {
  stack = await startTestStack();
  await stack.app.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { id: 'sam', name: 'Sam Patel', email: 'sam@ourco.com', role: 'rep' } });
  acme = await load({
    name: 'Acme Freight', domains: ['acmefreight.com'], stage: 'customer', arr: 180000, renewalDate: at(75), ownerId: 'sam',
    contacts: [
      { email: 'dana@acmefreight.com', name: 'Dana Ruiz', title: 'VP Operations', role: 'champion' },
      { email: 'li@acmefreight.com', name: 'Li Wen', title: 'CFO', role: 'economic_buyer' },
    ],
  }, [
    ...(acmeUsage = Array.from({ length: 35 }, (_, i) => ({ kind: 'usage', occurredAt: at(-35 + i), externalId: `u${i}`, metric: 'active_users', value: i < 28 ? 140 : 95 }))),
    { kind: 'meeting', occurredAt: at(-30), externalId: 'm1', title: 'Acme quarterly review', attendees: [{ email: 'dana@acmefreight.com', name: 'Dana Ruiz' }, { email: 'li@acmefreight.com', name: 'Li Wen' }],
      transcript: [{ speaker: 'Li Wen', text: 'Budget is tight next year; Salesforce is pitching us their logistics add-on.' }, { speaker: 'Dana Ruiz', text: 'The dispatch team relies on you though.' }] },
    { kind: 'email', occurredAt: at(-12), externalId: 'e1', from: { email: 'dana@acmefreight.com', name: 'Dana Ruiz' }, to: [{ email: 'sam@ourco.com' }], subject: 'Some news', text: "Hi Sam, I've moved to another division as of Monday. Li will make the call on the renewal." },
  ]);
  contoso = await load({
    name: 'Contoso Bank', domains: ['contoso.bank'], stage: 'negotiation', arr: 240000, ownerId: 'sam',
    contacts: [
      { email: 'marta@contoso.bank', name: 'Marta Silva', title: 'Head of Payments', role: 'champion' },
      { email: 'olu@contoso.bank', name: 'Olu Adeyemi', title: 'Procurement Manager', role: 'procurement' },
      { email: 'ken@contoso.bank', name: 'Ken Ito', title: 'IT Security Lead', role: 'security' },
    ],
  }, [
    { kind: 'email', occurredAt: at(-20), externalId: 'c0', from: { email: 'sam@ourco.com', name: 'Sam Patel' }, to: [{ email: 'ken@contoso.bank' }], subject: 'Security review', text: "Hi Ken, we'll send the completed security questionnaire by Friday." },
    { kind: 'email', occurredAt: at(-16), externalId: 'c1', from: { email: 'olu@contoso.bank', name: 'Olu Adeyemi' }, to: [{ email: 'sam@ourco.com' }], subject: 'Vendor onboarding', text: 'Hi Sam, procurement needs your SOC 2 report and the vendor onboarding checklist before we can issue a PO.' },
    { kind: 'email', occurredAt: at(-3), externalId: 'c2', from: { email: 'marta@contoso.bank', name: 'Marta Silva' }, to: [{ email: 'sam@ourco.com' }], subject: 'Pricing', text: 'Option B works for us. Let us keep going.' },
  ]);
}, 120_000);
afterAll(async () => { await stack?.stop(); });

describe('ask: each intent', () => {
  it('why at risk: the factors, strongest first, each with evidence', async () => {
    const r = await ask(acme, 'Why is Acme at risk?');
    expect(r.intent).toBe('why_at_risk');
    expect(r.answer).toMatch(/Acme Freight is at (high|critical) risk/);
    expect(r.answer).toMatch(/champion_change/);
    expect(r.answer).toMatch(/usage_drop/);
    expect(r.citations.length).toBeGreaterThan(1);
  });

  it('who is our champion now: Dana moved, no active champion', async () => {
    const r = await ask(acme, 'Who is our champion now?');
    expect(r.intent).toBe('champion');
    expect(r.answer).toMatch(/Dana Ruiz/);
    expect(r.answer).toMatch(/moved/);
    expect(r.answer).toMatch(/no active champion/i);
    expect(r.citations.some((c) => /another division/.test(c.excerpt))).toBe(true);
  });

  it('what did procurement say last: resolves the role to Olu and quotes him', async () => {
    const r = await ask(contoso, 'What did procurement say last?');
    expect(r.intent).toBe('what_said');
    expect(r.answer).toMatch(/Olu/);
    expect(r.answer).toMatch(/SOC 2/);
    expect(r.citations).toHaveLength(1);
  });

  it('what have we promised and is it done', async () => {
    const r = await ask(contoso, 'What have we promised, and is it done?');
    expect(r.intent).toBe('commitments');
    expect(r.answer).toMatch(/security questionnaire/);
    expect(r.answer).toMatch(/overdue/);
    expect(r.citations[0].excerpt).toMatch(/security questionnaire/);
  });

  it('stakeholders: who, role, last contact, who is silent', async () => {
    const r = await ask(contoso, 'Who are the stakeholders and who has gone silent?');
    expect(r.intent).toBe('stakeholders');
    expect(r.answer).toMatch(/Olu Adeyemi \(Procurement Manager, procurement\): last heard from 16 days ago/);
    expect(r.answer).toMatch(/Ken Ito.*never heard from/);
    expect(r.answer).toMatch(/Silent for 14\+ days: .*Olu Adeyemi/);
  });

  it('last contact', async () => {
    const r = await ask(contoso, 'When did we last hear from them?');
    expect(r.intent).toBe('last_contact');
    expect(r.answer).toMatch(/last from them: email "Pricing" from Marta Silva 3 days ago/);
    expect(r.answer).toMatch(/last from us: email "Security review"/);
  });

  it('renewal status with the date and days left', async () => {
    const r = await ask(acme, "What's the renewal status?");
    expect(r.intent).toBe('renewal');
    expect(r.answer).toMatch(/renews on .* \((74|75) days from now\)/);
    expect(r.citations.some((c) => /renewal/.test(c.excerpt))).toBe(true);
  });

  it('usage trend against the baseline, with numbers', async () => {
    // The expected figures, from the same points: the trailing 7 days' mean against the median of
    // the weekly means of the 28 days before (one late point of 95 falls in the baseline's last week).
    const now = Date.now();
    const recentFrom = now - 7 * DAY;
    const baseFrom = recentFrom - 28 * DAY;
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const recent = avg(acmeUsage.filter((p) => Date.parse(p.occurredAt) > recentFrom).map((p) => p.value));
    const weeks: number[][] = [[], [], [], []];
    for (const p of acmeUsage.filter((x) => Date.parse(x.occurredAt) > baseFrom && Date.parse(x.occurredAt) <= recentFrom)) {
      weeks[Math.floor((Date.parse(p.occurredAt) - baseFrom - 1) / (7 * DAY))].push(p.value);
    }
    const means = weeks.filter((w) => w.length).map(avg).sort((a, b) => a - b);
    const baseline = (means[1] + means[2]) / 2;
    expect(means).toHaveLength(4);
    expect([recent, Math.round(baseline), Math.round(((recent - baseline) / baseline) * 100)]).toEqual([95, 140, -32]);
    const r = await ask(acme, 'How is usage trending?');
    expect(r.intent).toBe('usage');
    expect(r.answer).toContain(`active_users: ${recent} over the last 7 days vs ${Math.round(baseline)} over the 28 days before (${Math.round(((recent - baseline) / baseline) * 100)}%)`);
    expect(r.answer).toMatch(/Flagged: usage_drop/);
  });

  it('competitors mentioned', async () => {
    const r = await ask(acme, 'Which competitors have come up?');
    expect(r.intent).toBe('competitors');
    expect(r.answer).toMatch(/Salesforce: 1 mention/);
    expect(r.citations[0].excerpt).toMatch(/Salesforce/);
  });

  it('what did the CFO say about budget: resolves the title and filters by speaker', async () => {
    const r = await ask(acme, 'What did the CFO say about budget?');
    expect(r.intent).toBe('what_said');
    expect(r.answer).toMatch(/Li Wen last said/);
    expect(r.answer).toMatch(/Budget is tight/);
  });

  it('says plainly when the memory holds nothing relevant', async () => {
    const r = await ask(contoso, 'What is their favourite pizza topping?');
    expect(r.answer).toMatch(/found nothing/i);
    expect(r.citations).toEqual([]);
  });
});

describe('ask: scope and history', () => {
  it("a question about another account's people gets nothing from that account", async () => {
    const r = await ask(contoso, 'What did Dana Ruiz say about the renewal?');
    expect(r.answer).not.toMatch(/another division/);
    const signals = await getSignalsByIds(stack.database.pool, r.citations.map((c) => c.signalId));
    expect(signals.every((s) => s.accountId === contoso)).toBe(true);
  });

  it('rejects an empty or oversized question with 400 naming question', async () => {
    for (const question of ['   ', 'x'.repeat(2001)]) {
      const r = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${acme}/ask`, headers: auth, payload: { question } });
      expect(r.statusCode).toBe(400);
      expect(r.json().message).toMatch(/^question: /);
    }
  });

  it('keeps every question and answer in the account history', async () => {
    const qs = await listQuestions(stack.database.pool, acme);
    expect(qs.length).toBeGreaterThanOrEqual(5);
    expect(qs.some((q) => q.question === 'Who is our champion now?' && q.intent === 'champion' && q.askedBy === 'admin' && q.citations.length > 0)).toBe(true);
  });
});
