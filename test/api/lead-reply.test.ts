// Speed to lead, over HTTP and real Temporal: a lead that arrives with a question has its reply
// drafted within seconds of the POST, not once the first-response target has already passed; when
// the target passes unanswered, the account's workflow wakes by itself and the same recommendation
// is escalated (higher priority, "now").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, auth, eventually, uniqueId } from '../helpers/stack.js';
import type { Stack } from '../../stack.js';

let stack: Stack;

interface Rec { id: string; kind: string; target: string; title: string; rationale: string; priority: number; createdAt: string; updatedAt: string; status: string; draft: { to: string[]; subject?: string; body: string } | null }

beforeAll(async () => {
  stack = await startTestStack();
  await stack.app.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { id: 'sam', name: 'Sam Patel', email: 'sam@ourco.com', role: 'rep' } });
}, 120_000);
afterAll(async () => { await stack?.stop(); });

async function replies(accountId: string): Promise<Rec[]> {
  const r = await stack.app.inject({ method: 'GET', url: `/v1/recommendations?account=${accountId}&status=proposed`, headers: auth });
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as { recommendations: Rec[] }).recommendations.filter((x) => x.kind === 'reply');
}

describe('a new lead with a question', () => {
  it('gets its reply drafted within seconds, and escalated when the target passes unanswered', async () => {
    const id = uniqueId('tern');
    // A short first-response target for this account (12 s), so the escalation is seen within the test.
    const created = await stack.app.inject({ method: 'POST', url: '/v1/accounts', headers: auth, payload: {
      id, name: 'Tern Logistics', domains: ['ternlogistics.com'], stage: 'lead', ownerId: 'sam',
      settings: { thresholds: { newLead: { responseMinutes: 0.2 } } },
    } });
    expect(created.statusCode, created.body).toBe(201);

    const question = 'Is there any chance someone could call me before Monday?';
    const postedAt = Date.now();
    const posted = await stack.app.inject({ method: 'POST', url: `/v1/accounts/${id}/signals`, headers: auth, payload: { signals: [{
      kind: 'engagement', event: 'form_submitted', occurredAt: new Date(postedAt).toISOString(), externalId: `${id}-form`,
      contactEmail: 'peter.novak@ternlogistics.com', contactName: 'Peter Novak', url: 'https://ourco.com/demo-request',
      text: `We run about 40 trucks out of two depots and still schedule on spreadsheets. ${question}`,
    }] } });
    expect(posted.statusCode, posted.body).toBe(202);

    const [first] = await eventually(async () => { const r = await replies(id); return r.length ? r : null; }, 30_000, 50);
    const latency = Date.parse(first.createdAt) - postedAt;
    // Within seconds of the POST, and before the 12-second target: the draft waits for the rep, not the rep for the SLA.
    expect(latency).toBeGreaterThanOrEqual(0);
    expect(latency).toBeLessThan(5_000);
    expect(first.target).toBe('peter.novak@ternlogistics.com');
    expect(first.title).toMatch(/^Reply to new lead Peter Novak: the draft is ready/);
    expect(first.draft?.to).toEqual(['peter.novak@ternlogistics.com']);
    expect(first.draft?.body).toMatch(/^Hi Peter,/);
    expect(first.draft?.body).toContain(`> ${question}`);
    expect(first.draft?.body).toMatch(/short call/);

    // Nobody answers: at the target the workflow wakes on its own and escalates the same recommendation.
    const escalated = await eventually(async () => {
      const r = (await replies(id)).find((x) => x.id === first.id);
      return r && /target has passed/.test(r.title) ? r : null;
    }, 60_000, 250);
    expect(escalated.title).toBe('Reply to new lead Peter Novak now: the 12-second first-response target has passed');
    expect(escalated.priority).toBeGreaterThan(first.priority);
    expect(Date.parse(escalated.updatedAt)).toBeGreaterThanOrEqual(postedAt + 12_000);
  }, 120_000);
});
