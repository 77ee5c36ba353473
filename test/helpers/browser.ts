// Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core
// (no browser download). A missing Chromium fails loudly instead of skipping.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Stack } from '../../stack.js';

export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots land here (git-ignored): look at them after a run. */
export const ARTEFACTS = fileURLToPath(new URL('../browser/artifacts/', import.meta.url));
/** A laptop screen. */
export const VIEWPORT = { width: 1366, height: 900 };

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

export interface OpenedPage {
  stack: Stack;
  browser: Browser;
  /** A laptop-sized page, watched from its first request. */
  page: Page;
  /** What went wrong on `page` so far (see watchPage); clear it after an expected error. */
  watcher: { problems: string[] };
  /** Closes the browser, then the stack. */
  close(): Promise<void>;
}

/**
 * The browser tests' setup: a whole stack listening on loopback (`env` as for startTestStack) and
 * headless Chromium with one watched page. Chromium starts while the stack does, so a missing
 * browser is reported before the slower stack is awaited.
 */
export async function openPage(env: Record<string, string> = {}): Promise<OpenedPage> {
  const launching = launchChromium();
  launching.catch(() => {}); // awaited below, where a missing Chromium fails with its message
  // Loaded here, not at the top: the benchmarks use this file outside vitest, and stack.js needs it.
  const { startTestStack } = await import('./stack.js');
  const stack = await startTestStack(env, { listen: true });
  let browser: Browser;
  try {
    browser = await launching;
  } catch (err) {
    await stack.stop();
    throw err;
  }
  const page = await browser.newPage({ viewport: VIEWPORT });
  const watcher = watchPage(page, stack.url);
  return { stack, browser, page, watcher, async close() { await browser.close(); await stack.stop(); } };
}

/** A screenshot of the page (fullPage: the whole scroll height; false for very long pages). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTEFACTS, { recursive: true });
  const path = `${ARTEFACTS}${name}.png`;
  await page.screenshot({ path, fullPage, timeout: 60_000 });
  return path;
}
