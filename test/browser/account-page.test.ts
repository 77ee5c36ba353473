// The account page in headless Chromium against a real stack: the promises still owed, ours and
// theirs, each linked to the signal it was said in (an overdue one marked), and an agent that cannot
// assess (settings stored before validation existed) saying so at the top with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { auth, eventually, uniqueId, ADMIN_TOKEN } from '../helpers/stack.js';
import { openPage, screenshot, type OpenedPage } from '../helpers/browser.js';
import { insertAccount, updateAccountSettings } from '../../db/queries/accounts.js';
import type { Stack } from '../../stack.js';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

let opened: OpenedPage;
let stack: Stack;
let page: Page;
let watcher: { problems: string[] };
const northwind = uniqueId('northwind');
const kessler = uniqueId('kessler');

const api = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
  const r = await stack.app.inject({ method, url, headers: auth, payload: payload as Record<string, unknown> });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json();
};

beforeAll(async () => {
  opened = await openPage();
  ({ stack, page, watcher } = opened);
  await api('POST', '/v1/accounts', { id: northwind, name: 'Northwind Traders', domains: ['northwind.example'], stage: 'customer', arr: 48000,
    contacts: [{ email: 'ines@northwind.example', name: 'Ines Duarte', title: 'IT Director', role: 'champion' }] });
  await api('POST', `/v1/accounts/${northwind}/signals`, { signals: [
    // Ours, due two days ago and not delivered since.
    { kind: 'email', direction: 'outbound', occurredAt: at(-9), externalId: 'nw-1', from: { email: 'rep@ourco.com', name: 'Rosa Rep' },
      to: [{ email: 'ines@northwind.example', name: 'Ines Duarte' }], subject: 'Data residency',
      text: `Hi Ines,\n\nI will send you the data residency addendum by ${new Date(Date.now() - 2 * DAY).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long' })}.\n\nRosa` },
    // Theirs, open.
    { kind: 'email', occurredAt: at(-1), externalId: 'nw-2', from: { email: 'ines@northwind.example', name: 'Ines Duarte' }, to: [{ email: 'rep@ourco.com' }],
      subject: 'Re: Data residency', text: 'Thanks Rosa. I will get you our updated user list next week so you can size the renewal.' },
  ] });
  // As if stored before settings were validated: the API would refuse this now (400), the agent stalls on it.
  await insertAccount(stack.database.pool, { id: kessler, name: 'Kessler Logistics', domains: ['kessler.example'], stage: 'proposal' });
  await updateAccountSettings(stack.database.pool, kessler, { thresholds: { silenceDays: { proposal: 'ten' } } } as never);
  await api('POST', `/v1/accounts/${kessler}/signals`, [{ kind: 'email', occurredAt: at(0), externalId: 'ks-1', from: { email: 'jana@kessler.example' },
    to: [{ email: 'rep@ourco.com' }], subject: 'Pricing', text: 'Could you send the revised pricing?' }]);
  await eventually(async () => (await api('GET', `/v1/accounts/${kessler}`)).agent.state?.stalled, 60_000, 200);
  await eventually(async () => (await api('GET', `/v1/accounts/${northwind}/commitments`)).commitments.length === 2 || undefined, 60_000, 200);
}, 120_000);

afterAll(async () => { await opened?.close(); });

describe('the account page', () => {
  it('lists the promises still owed, ours overdue first, each linked to the signal it was made in', async () => {
    await page.goto(`${stack.url}/`);
    await page.getByLabel('API token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.goto(`${stack.url}/#/accounts/${northwind}`);
    await page.getByRole('heading', { level: 1, name: /Northwind Traders/ }).waitFor();
    const items = page.locator('ul.commitments li');
    await expect.poll(() => items.count()).toBe(2);
    const ours = items.first();
    expect(await ours.getAttribute('data-owner')).toBe('us');
    expect(await ours.getAttribute('data-status')).toBe('overdue');
    expect(await ours.textContent()).toMatch(/We owe.*addendum.*overdue/s);
    expect(await items.nth(1).textContent()).toMatch(/They owe.*user list/s);
    // The link goes to the signal the promise was made in, highlighted in the timeline.
    await ours.locator('a.cite').click();
    await expect.poll(() => page.locator('.timeline li.signal.highlight').textContent()).toContain('data residency addendum');
    expect(await page.locator('.stalled').isHidden()).toBe(true);
    await screenshot(page, 'account-commitments');
  });

  it('says at the top that the agent is stalled, why, and that it resumes once fixed', async () => {
    await page.goto(`${stack.url}/#/accounts/${kessler}`);
    await page.getByRole('heading', { level: 1, name: /Kessler Logistics/ }).waitFor();
    const banner = page.locator('.stalled[role="alert"]');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/The agent is stalled since .*silenceDays\.proposal.*resumes by itself once it is/s);
    expect(await page.locator('ul.commitments').count() + await page.getByText('No open promises either way.').count()).toBe(1);
    await screenshot(page, 'account-stalled');
  });

  it('stayed on the app: no page errors, no console errors, no request beyond the app', () => {
    expect(watcher.problems).toEqual([]);
  });
});
