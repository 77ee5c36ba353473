// The web app with a full book, measured in headless Chromium: how long the inbox and the accounts
// page take to render with N accounts and M open recommendations (written straight to the
// database), and how fast approved emails reach a real SMTP listener. The product runs as its own
// process (start.ts) on a separate PGlite-over-the-wire database, so the book can be seeded by SQL
// while the product serves it. Figures are printed, never asserted.
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { launchChromium, VIEWPORT } from '../../test/helpers/browser.js';
import { startTestSmtp, type TestSmtp } from '../../test/helpers/smtp.js';
import { seedBook } from '../../test/helpers/book.js';
import { api, startBenchServer, startExternalDb } from './server.js';
import { record, summarize } from './lib.js';

export interface UiBenchOptions {
  accounts: number;
  recommendations: number;
  /** Page loads measured (each in a fresh page). */
  rounds: number;
  /** Recommendations approved for the send rate, one per account, `clients` at a time. */
  sends: number;
  clients: number;
  smoke?: boolean;
  command: string;
}

interface PageTimes { firstCard: number; inbox: number; accounts: number; sort: number; cards: number }

/** One fresh page: signed in, the inbox to its first card and to all its cards, then the accounts table and a sort. */
async function measurePage(browser: Browser, url: string, token: string, accounts: number): Promise<PageTimes> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(`${url}/ui/`);
    await page.evaluate((t) => localStorage.setItem('account-agents.token', t), token);
    await page.reload(); // performance.now() counts from this navigation: sign-in, /v1/me, the list, the DOM
    const at = async (fn: () => number) => Number(await (await page.waitForFunction(fn, null, { timeout: 120_000 })).jsonValue());
    const firstCard = await at(() => (document.querySelector('article.rec') ? performance.now() : 0));
    // Every card the inbox shows (it says how many in its summary once loaded).
    const inbox = await at(() => {
      const m = /^(\d+) open/.exec(document.querySelector('.summary')?.textContent ?? '');
      return m && document.querySelectorAll('article.rec').length >= Number(m[1]) ? performance.now() : 0;
    });
    const cards = await page.locator('article.rec').count();
    const accountsMs = await page.evaluate(async (n) => {
      const start = performance.now();
      location.hash = '#/accounts';
      while (document.querySelectorAll('table.accounts tbody tr').length < n) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - start;
    }, accounts);
    const sort = await page.evaluate(async () => {
      const start = performance.now();
      (document.querySelector('button.sort[data-sort="name"]') as HTMLButtonElement).click();
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - start;
    });
    return { firstCard, inbox, accounts: accountsMs, sort, cards };
  } finally {
    await page.close();
  }
}

interface SendResult { approved: number; refused: number; sent: number; seconds: number; answeredSeconds: number }

const sendFigures = (r: SendResult) => `${r.sent}/${r.approved} in ${r.seconds.toFixed(1)} s = ${(r.sent / r.seconds).toFixed(1)}/s`
  + ` (approvals answered in ${r.answeredSeconds.toFixed(1)} s${r.refused ? `; ${r.refused} refused` : ''})`;

/** Approves each recommendation (`clients` at a time) and waits until every approved email reached the listener. */
async function approveAndWait(url: string, smtp: TestSmtp, ids: string[], clients: number): Promise<SendResult> {
  const before = smtp.messages.length;
  const queue = [...ids];
  let refused = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const r = await api(url, 'POST', `/v1/recommendations/${id}/decision`, { decision: 'approve' });
      if (r.status !== 200) refused += 1;
    }
  }));
  const answeredSeconds = (performance.now() - t0) / 1000;
  const approved = ids.length - refused;
  const deadline = Date.now() + 600_000;
  while (smtp.messages.length - before < approved && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return { approved, refused, sent: smtp.messages.length - before, seconds: (performance.now() - t0) / 1000, answeredSeconds };
}

/** Until every account's workflow has nothing pending and no run in flight. */
async function waitIdle(url: string, accountIds: string[], timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const id of accountIds) {
    for (;;) {
      const r = await api<{ agent?: { state?: { pending?: boolean; assessing?: boolean; pendingActions?: number } | null } }>(url, 'GET', `/v1/accounts/${id}`);
      const st = r.json?.agent?.state;
      if (st && !st.pending && !st.assessing && !st.pendingActions) break;
      if (Date.now() > deadline) throw new Error(`account ${id}'s workflow did not settle`);
      await new Promise((res) => setTimeout(res, 200));
    }
  }
}

export async function runUiBench(o: UiBenchOptions): Promise<string> {
  const smtp = await startTestSmtp();
  const database = await startExternalDb();
  const server = await startBenchServer({ SMTP_URL: smtp.url }, { externalDb: database });
  const db = new pg.Pool({ connectionString: database.url, max: 1 });
  let browser: Browser | undefined;
  try {
    const user = await api<{ token: string }>(server.url, 'POST', '/v1/users', { id: 'sam', name: 'Sam Patel', email: 'sam@ourco.com', role: 'rep' });
    if (user.status !== 201) throw new Error(`creating the rep: ${user.status}`);
    const t0 = performance.now();
    await seedBook(db, { accounts: o.accounts, recommendations: o.recommendations, ownerId: 'sam' });
    const seedS = (performance.now() - t0) / 1000;
    console.log(`seeded ${o.accounts} accounts and ${o.recommendations} open recommendations in ${seedS.toFixed(1)} s`);

    browser = await launchChromium();
    const rounds: PageTimes[] = [];
    for (let i = 0; i < o.rounds; i += 1) {
      rounds.push(await measurePage(browser, server.url, user.json.token, o.accounts));
      console.log(`round ${i + 1}: ${JSON.stringify(Object.fromEntries(Object.entries(rounds[i]).map(([k, v]) => [k, Math.round(v)])))}`);
    }
    const p50 = (k: keyof PageTimes) => summarize(rounds.map((r) => r[k])).p50;

    // Send rate, cold: approve one follow-up on each of `sends` accounts, `clients` at a time, and
    // time until every email has been accepted by the SMTP listener. No account has a running
    // workflow yet: each approval starts its account's, which also assesses the account.
    const { rows } = await db.query<{ id: string; account_id: string }>(
      `select distinct on (account_id) id, account_id from recommendations where status = 'proposed' order by account_id, id limit $1`, [o.sends]);
    const cold = await approveAndWait(server.url, smtp, rows.map((r) => r.id), o.clients);

    // Send rate, warm: the same accounts once their workflows are idle, one new email each (written
    // as the agent would have proposed it), so the time is the approval, the send and its record only.
    const accountIds = rows.map((r) => r.account_id);
    await waitIdle(server.url, accountIds);
    const { rows: fresh } = await db.query<{ id: string }>(`
      insert into recommendations (account_id, kind, target, title, rationale, evidence, priority, due_at, draft, factors)
      select a, 'reply', 'buyer@' || a || '.example', 'Reply to the buyer of ' || a, 'They asked for the revised pricing two days ago.', '[]', 80, now() + interval '1 day',
        json_build_object('channel','email','to',json_build_array('buyer@' || a || '.example'),'subject','Re: Pricing','body','Hi, the revised pricing is attached.')::jsonb, '{}'
      from unnest($1::text[]) a returning id`, [accountIds]);
    const warm = await approveAndWait(server.url, smtp, fresh.map((r) => r.id), o.clients);

    const figures = `${o.accounts.toLocaleString('en')} accounts, ${o.recommendations.toLocaleString('en')} open recommendations, headless Chromium, p50 of ${o.rounds} page loads: `
      + `inbox first card ${Math.round(p50('firstCard'))} ms, all ${Math.round(p50('cards'))} cards shown ${Math.round(p50('inbox'))} ms (from navigation, sign-in included); `
      + `accounts table ${Math.round(p50('accounts'))} ms for ${o.accounts.toLocaleString('en')} rows, sort by name ${Math.round(p50('sort'))} ms; `
      + `approved emails to the SMTP listener (${o.clients} concurrent approvals, one per account): `
      + `warm (workflows running) ${sendFigures(warm)}; cold (each approval starts its account's workflow, which also assesses) ${sendFigures(cold)}`;
    console.log(figures);
    record('ui', o.command, figures, { smoke: o.smoke });
    return figures;
  } finally {
    await browser?.close();
    await db.end();
    await server.stop();
    await database.stop();
    await smtp.stop();
  }
}
