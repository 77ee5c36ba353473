// `npm run demo`: a small realistic book of accounts, loaded through the public API so the demo
// exercises the same path a user's data takes.
import type { Stack } from '../stack.js';

const DAY = 86_400_000;
const ago = (days: number, hours = 0) => new Date(Date.now() - days * DAY - hours * 3_600_000).toISOString();
const ahead = (days: number) => new Date(Date.now() + days * DAY).toISOString();

interface DemoAccount { account: Record<string, unknown>; signals: Array<Record<string, unknown>> }

export const DEMO_USERS = [
  // A manager sees their team's accounts: Morgan manages Sam and Riley (inserted first).
  { id: 'morgan', name: 'Morgan Lee', email: 'morgan@ourco.com', role: 'manager' },
  { id: 'sam', name: 'Sam Patel', email: 'sam@ourco.com', role: 'rep', managerId: 'morgan' },
  { id: 'riley', name: 'Riley Chen', email: 'riley@ourco.com', role: 'csm', managerId: 'morgan' },
];

export const DEMO_BOOK: DemoAccount[] = [
  {
    account: {
      id: 'acme', name: 'Acme Logistics', domains: ['acme.com'], stage: 'customer', arr: 120000, renewalDate: ahead(75), ownerId: 'sam', csmId: 'riley',
      contacts: [
        { email: 'dana@acme.com', name: 'Dana Ruiz', title: 'VP Operations', role: 'champion' },
        { email: 'li@acme.com', name: 'Li Wen', title: 'CFO', role: 'economic_buyer' },
      ],
    },
    signals: [
      { kind: 'email', occurredAt: ago(40), externalId: 'demo-acme-1', from: { email: 'dana@acme.com', name: 'Dana Ruiz' }, to: [{ email: 'sam@ourco.com' }], subject: 'Q3 rollout', text: 'Thanks Sam, the team is happy with the dispatch module. Let us sync next month.' },
      { kind: 'crm', occurredAt: ago(20), externalId: 'demo-acme-2', change: 'owner', from: 'riley', to: '' },
      { kind: 'email', occurredAt: ago(12), externalId: 'demo-acme-3', from: { email: 'dana@acme.com', name: 'Dana Ruiz' }, to: [{ email: 'sam@ourco.com' }], subject: 'Moving on', text: 'Quick heads-up: I have moved to another division as of Monday. Li will decide on the renewal.' },
      ...Array.from({ length: 8 }, (_, i) => ({ kind: 'usage', occurredAt: ago(35 - i * 4), externalId: `demo-acme-u${i}`, metric: 'active_users', value: i < 5 ? 140 : 95, unit: 'users' })),
    ],
  },
  {
    account: {
      id: 'globex', name: 'Globex', domains: ['globex.io'], stage: 'proposal', arr: 60000, ownerId: 'sam',
      contacts: [{ email: 'hank@globex.io', name: 'Hank Scorpio', title: 'CEO', role: 'decision_maker' }],
    },
    signals: [
      { kind: 'email', occurredAt: ago(6), externalId: 'demo-globex-1', from: { email: 'sam@ourco.com', name: 'Sam Patel' }, to: [{ email: 'hank@globex.io' }], subject: 'Proposal for Globex', text: 'Hi Hank, attached is our proposal for the 200-seat rollout. Happy to walk through it.' },
    ],
  },
  {
    account: { id: 'initech', name: 'Initech', domains: ['initech.com'], stage: 'lead', ownerId: 'sam', contacts: [] },
    signals: [
      { kind: 'engagement', occurredAt: ago(0, 1), externalId: 'demo-initech-1', event: 'form_submitted', contactEmail: 'peter@initech.com', contactName: 'Peter Gibbons', text: 'We need help routing 500 TPS reports a week. Can someone call me?' },
    ],
  },
];

export async function loadDemoBook(stack: Stack): Promise<number> {
  const { db } = stack.app;
  const { upsertUser } = await import('../db/queries/users.js');
  const { getAccount } = await import('../db/queries/accounts.js');
  const { createToken } = await import('../db/queries/users.js');
  for (const u of DEMO_USERS) await upsertUser(db, u as never);
  const headers = { authorization: `Bearer ${await createToken(db, 'morgan', 'demo loader')}` };
  let loaded = 0;
  for (const { account, signals } of DEMO_BOOK) {
    if (await getAccount(db, String(account.id))) continue;
    const created = await stack.app.inject({ method: 'POST', url: '/v1/accounts', payload: account, headers });
    if (created.statusCode !== 201) throw new Error(`demo account ${account.id}: ${created.body}`);
    await stack.app.inject({ method: 'POST', url: `/v1/accounts/${account.id}/signals`, payload: { signals }, headers });
    loaded += 1;
  }
  return loaded;
}
