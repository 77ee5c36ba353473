// The Briefs page in headless Chromium against a real stack: a CSM signs in, sees their briefs
// listed, composes a new one, and opens it: the ranked renewal with its risk, the cited factors
// (each citation a link to its signal on the account page) and the plan. A brief of another CSM is
// neither listed nor opened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { auth } from '../helpers/stack.js';
import { openPage, screenshot, type OpenedPage } from '../helpers/browser.js';
import { bearer, seedBriefBook, type BriefBook } from '../helpers/briefs-seed.js';
import type { Stack } from '../../stack.js';

let opened: OpenedPage;
let stack: Stack;
let page: Page;
let watcher: { problems: string[] };
let book: BriefBook;
let firstId = '';
let colesId = '';

beforeAll(async () => {
  opened = await openPage();
  ({ stack, page, watcher } = opened);
  book = await seedBriefBook(stack.database.pool);
  const first = await stack.app.inject({ method: 'POST', url: '/v1/briefs', headers: bearer(book.tokens.cara), payload: {} });
  expect(first.statusCode, first.body).toBe(201);
  firstId = first.json().id;
  const coles = await stack.app.inject({ method: 'POST', url: '/v1/briefs', headers: auth, payload: { csmId: book.ids.cole } });
  expect(coles.statusCode, coles.body).toBe(201);
  colesId = coles.json().id;
}, 120_000);

afterAll(async () => { await opened?.close(); });

describe('the Briefs page', () => {
  it('lists the CSM’s own briefs and no one else’s', async () => {
    await page.goto(`${stack.url}/`);
    await page.getByLabel('API token').fill(book.tokens.cara);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#who-name').getByText('Cara Csm').waitFor();
    await page.getByRole('link', { name: 'Briefs' }).click();
    await page.waitForURL(/#\/briefs$/);
    const row = page.locator(`tr[data-brief="${firstId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Globex');
    expect(await page.locator(`tr[data-brief="${colesId}"]`).count()).toBe(0);
    expect(await page.locator('[data-nav="briefs"]').getAttribute('aria-current')).toBe('page');
    await screenshot(page, 'briefs-1-list');
  });

  it('composes a new brief and opens it: ranked renewal, cited factors, plan, the change since the last one', async () => {
    await page.getByRole('button', { name: 'Brief me now' }).click();
    await page.waitForURL(/#\/briefs\/[^/]+$/, { timeout: 60_000 });
    const card = page.locator(`li.card[data-account="${book.accounts.atRisk}"]`);
    await card.waitFor({ timeout: 30_000 });
    expect(await page.locator('#view h1').textContent()).toBe('Renewal risk brief for Cara Csm');
    expect(await card.locator('h2').textContent()).toContain('Globex');
    expect(await card.locator('.badge').textContent()).toBe('High · 72');
    expect(await card.textContent()).toContain('unchanged since last brief');
    expect(await card.locator('.factor-head strong').allTextContents()).toEqual(['Competitor mention', 'Silence']);
    const cite = card.locator(`a.quote[data-signal="${book.signals.competitor}"]`).first();
    expect(await cite.textContent()).toContain('evaluating Initrode as a cheaper option');
    expect(await cite.getAttribute('href')).toBe(`#/accounts/${book.accounts.atRisk}?signal=${book.signals.competitor}`);
    expect(await card.locator('.recs-mini li').first().textContent()).toContain('Answer the CFO on price before the renewal call');
    expect(await page.getByRole('heading', { name: /What changed since/ }).count()).toBe(1);
    await screenshot(page, 'briefs-2-brief');
  });

  it('opens an earlier brief from the list, and a citation leads to its signal', async () => {
    await page.getByRole('link', { name: 'Briefs' }).first().click();
    await page.locator(`tr[data-brief="${firstId}"] a`).click();
    await page.waitForURL(new RegExp(`#/briefs/${firstId}$`));
    const cite = page.locator(`a.quote[data-signal="${book.signals.silence}"]`).first();
    await cite.waitFor();
    expect(await page.getByRole('heading', { name: /What changed since/ }).count()).toBe(0); // the first brief
    await cite.click();
    await page.waitForURL(new RegExp(`#/accounts/${book.accounts.atRisk}\\?signal=${book.signals.silence}$`));
    await page.locator('#view h1').getByText('Globex').waitFor();
  });

  it('answers another CSM’s brief as not found', async () => {
    await page.goto(`${stack.url}/ui/#/briefs/${colesId}`);
    await page.locator('#view p.error').waitFor();
    expect(await page.locator('#view p.error').textContent()).toContain('not found');
    // The expected 404 is the one console error; nothing else went wrong on the way.
    expect(watcher.problems.filter((p) => !p.includes('status of 404'))).toEqual([]);
  });
});
