// The inbox keeps itself current without a reload, in headless Chromium against a real stack: a
// recommendation the agent proposes while the page is open is counted on a button and put in its
// place when the person asks (the list does not move under their cursor), and one decided elsewhere
// is greyed out with its buttons disabled, then leaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, eventually, uniqueId, ADMIN_TOKEN } from '../helpers/stack.js';
import { openPage, screenshot, type OpenedPage } from '../helpers/browser.js';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

let opened: OpenedPage;

async function post(url: string, payload: unknown): Promise<void> {
  const r = await opened.stack.app.inject({ method: 'POST', url, headers: auth, payload: payload as Record<string, unknown> });
  expect(r.statusCode, r.body).toBeLessThan(300);
}

async function proposed(accountId: string): Promise<Array<{ id: string; kind: string; title: string }>> {
  const r = await opened.stack.app.inject({ method: 'GET', url: `/v1/recommendations?account=${accountId}&status=proposed`, headers: auth });
  return r.json().recommendations;
}

/** An account with an unanswered question from its buyer: the agent proposes a reply. */
async function accountWithQuestion(prefix: string, domain: string, question: string) {
  const id = uniqueId(prefix);
  await post('/v1/accounts', { id, name: `${prefix} Ltd`, domains: [domain], stage: 'negotiation', arr: 40000,
    contacts: [{ email: `buyer@${domain}`, name: 'Rosa Quint', title: 'Operations Lead', role: 'champion' }] });
  await post(`/v1/accounts/${id}/signals`, { kind: 'email', occurredAt: at(-2), externalId: `<q.${id}@${domain}>`,
    from: { email: `buyer@${domain}`, name: 'Rosa Quint' }, to: [{ email: 'sam@ourco.com' }], subject: 'A question', text: question });
  const rec = await eventually(async () => (await proposed(id)).find((r) => r.kind === 'reply'), 60_000, 200);
  return { id, rec };
}

beforeAll(async () => {
  opened = await openPage();
}, 120_000);

afterAll(async () => {
  await opened?.close();
});

describe('the inbox, left open', () => {
  it('counts new recommendations on a button, shows them on request, and greys out one decided elsewhere', async () => {
    const { page, stack, watcher } = opened;
    const first = await accountWithQuestion('Larchmont', 'larchmont.example', 'Could you confirm whether the onboarding sessions are recorded?');
    await page.addInitScript(() => { (globalThis as { AA_INBOX_POLL_MS?: number }).AA_INBOX_POLL_MS = 400; });
    await page.goto(`${stack.url}/ui/`);
    await page.getByLabel('API token').fill(ADMIN_TOKEN);
    await page.getByLabel('API token').press('Enter');
    await page.locator(`#rec-${first.rec.id}`).waitFor({ timeout: 30_000 });
    const before = await page.locator('ol.recs > li').count();

    // A question arrives at another account while the page is open.
    const second = await accountWithQuestion('Quillon', 'quillon.example', 'Is there a way to export last month\'s audit trail as CSV?');
    const fresh = page.locator('button.fresh');
    await fresh.filter({ hasText: /^\d+ new recommendations?: show$/ }).waitFor({ timeout: 30_000 });
    expect(await page.locator(`#rec-${second.rec.id}`).count()).toBe(0); // not until asked
    await fresh.click();
    await page.locator(`#rec-${second.rec.id}`).waitFor();
    expect(await fresh.isHidden()).toBe(true);
    expect(await page.locator('ol.recs > li').count()).toBeGreaterThan(before);

    // Decided elsewhere (through the API, as another tab or a colleague would): greyed out, buttons off.
    const decided = await stack.app.inject({ method: 'POST', url: `/v1/recommendations/${first.rec.id}/decision`, headers: auth, payload: { decision: 'reject', reason: 'already_done' } });
    expect(decided.statusCode, decided.body).toBe(200);
    const gone = page.locator(`#rec-${first.rec.id}.gone`);
    await gone.waitFor({ timeout: 30_000 });
    expect(await gone.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    expect(await gone.locator('.error').textContent()).toMatch(/No longer open/);
    await screenshot(page, 'inbox-refresh', false);
    expect(watcher.problems).toEqual([]);
  }, 240_000);
});
