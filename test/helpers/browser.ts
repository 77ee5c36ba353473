// Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core
// (no browser download). A missing Chromium fails loudly instead of skipping.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots land here (.data/ is ignored by git): look at them after a run. */
export const ARTEFACTS = fileURLToPath(new URL('../../.data/test-artifacts/browser/', import.meta.url));

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Debian's Chromium at ${CHROMIUM} and it is missing. `
      + '.ci/run installs it; by hand: apt-get install chromium');
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-background-networking'] });
}

/**
 * Watches a page for what a user would call broken: uncaught errors, console errors, and any
 * request that leaves the app's own origin (no CDN, no network beyond the app itself).
 */
export function watchPage(page: Page, origin: string): { problems: string[] } {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) problems.push(`request outside the app: ${url}`);
  });
  return { problems };
}

/** A screenshot of the page (fullPage: the whole scroll height; false for very long pages). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTEFACTS, { recursive: true });
  const path = `${ARTEFACTS}${name}.png`;
  await page.screenshot({ path, fullPage, timeout: 60_000 });
  return path;
}
