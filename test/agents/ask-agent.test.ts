// The answerer as the agent runs it, against a real database: "what should I do next?" reads the
// recommendations the last assessment stored, and a summary and recent changes come from the same
// state; every citation is a signal of this account that contains its excerpt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/db.js';
import { seedAccount, at } from '../helpers/seed.js';
import { createAccountAgent } from '../../agents/index.js';
import { getSignalsByIds } from '../../db/queries/signals.js';
import { listRecommendationsForAccount } from '../../db/queries/recommendations.js';
import { excerptIsIn } from '../../agents/evidence.js';
import type { Database } from '../../db/connection.js';

let db: Database;
const NOW = Date.parse('2026-11-20T15:00:00Z');
const asOf = new Date(NOW).toISOString();
const agent = () => createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'] });

beforeAll(async () => {
  db = await freshDatabase();
  await seedAccount(db.pool, {
    id: 'wren', name: 'Wrenfield Insurance', domains: ['wrenfield.com'], stage: 'negotiation', arr: 150000, ownerId: 'sam',
    contacts: [{ email: 'tariq@wrenfield.com', name: 'Tariq Aziz', title: 'Procurement Lead', role: 'procurement' }, { email: 'mei@wrenfield.com', name: 'Mei Tan', role: 'champion' }],
  }, [
    { kind: 'email', occurredAt: at(NOW, -12), externalId: 'w1', from: { email: 'sam@ourco.com', name: 'Sam Patel' }, to: [{ email: 'mei@wrenfield.com' }], subject: 'Order form', text: 'Hi Mei, the order form is attached.' },
    { kind: 'email', occurredAt: at(NOW, -10), externalId: 'w2', from: { email: 'mei@wrenfield.com', name: 'Mei Tan' }, to: [{ email: 'sam@ourco.com' }], subject: 'Re: Order form', text: 'Thanks Sam, looping in Tariq from procurement for the contract.' },
    { kind: 'email', occurredAt: at(NOW, -3), externalId: 'w3', from: { email: 'tariq@wrenfield.com', name: 'Tariq Aziz' }, to: [{ email: 'sam@ourco.com' }], subject: 'Contract terms', text: 'Hi Sam, can you confirm whether the liability cap applies per incident or per year? We cannot sign before that is settled.' },
  ]);
  await agent().remember('wren');
  await agent().assess({ accountId: 'wren', asOf, runKey: 'wren-1' });
}, 120_000);
afterAll(async () => { await db.close(); });

async function ask(question: string) {
  const r = await agent().answer({ accountId: 'wren', question, asOf });
  const cited = await getSignalsByIds(db.pool, r.citations.map((c) => c.signalId));
  for (const c of r.citations) {
    const s = cited.find((x) => x.id === c.signalId);
    expect(s?.accountId).toBe('wren');
    expect(excerptIsIn(s!, c.excerpt), c.excerpt).toBe(true);
  }
  return r;
}

describe('ask, against the stored state', () => {
  it('what should I do next: the stored open recommendations, best first, each with why', async () => {
    const open = await listRecommendationsForAccount(db.pool, 'wren', { statuses: ['proposed'] });
    expect(open.length).toBeGreaterThan(0);
    const r = await ask('What should I do next on this account?');
    expect(r.intent).toBe('next_steps');
    expect(r.answer).toMatch(/^Open recommendations for Wrenfield Insurance, most important first: 1\) /);
    expect(r.answer).toContain(`1) ${open[0].title}`);
    expect(r.answer).toMatch(/Reply to Tariq Aziz.* — why: /);
  });

  it('a summary and what changed this week come from the same state', async () => {
    const s = await ask('Give me a summary of the account');
    expect(s.answer).toMatch(/^Wrenfield Insurance: negotiation stage, \$150k ARR\. Risk: /);
    expect(s.answer).toMatch(/open\.$/);
    const c = await ask('What changed in the last 7 days?');
    expect(c.intent).toBe('recent_changes');
    expect(c.answer).toMatch(/^What changed at Wrenfield Insurance in the last 7 days: /);
    expect(c.answer).toContain('a question for us');
    expect(c.answer).not.toContain('order form is attached');
  });
});
