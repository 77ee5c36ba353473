// mbox import: generates an archive of N realistic messages, streams it to the running product's
// import route (multipart, as the import CLI sends it), and reports two rates for N/5 and N
// messages: stored/s (the upload parsed and its rows written) and fully processed/s (every stored
// message remembered, i.e. perceived, chunked and embedded, and assessed: read from the product,
// `GET /v1/stats/signals` pending back to 0, since a signal leaves "pending" only when the
// assessment after its remembering is published). The product runs with its default debounce, so
// the work an import sets off is measured as a user would get it. Memory counts every process the
// product needs (product + Temporal dev server), at the end of processing and at its peak.
import { createWriteStream, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { startBenchServer, api, BENCH_TOKEN, formatMemory, signalStats, watchPeak, type BenchServer } from './server.js';
import { record } from './lib.js';
import { loadConfig } from '../../config.js';

export interface MboxOptions { messages: number; timeoutS?: number; smoke?: boolean; command: string }

const PEOPLE = ['Dana Ruiz <dana@acmefreight.com>', 'Li Wen <li@acmefreight.com>', 'Ken Ito <ken@acmefreight.com>'];
const TOPICS = ['rollout plan', 'security questionnaire', 'renewal pricing', 'dispatch training', 'SSO setup', 'API limits'];

export async function writeMbox(path: string, n: number): Promise<number> {
  const out = createWriteStream(path);
  const day = 86_400_000;
  const start = Date.parse('2025-01-01T09:00:00Z');
  for (let i = 0; i < n; i += 1) {
    const inbound = i % 3 !== 0;
    const them = PEOPLE[i % PEOPLE.length];
    const topic = TOPICS[i % TOPICS.length];
    const date = new Date(start + i * (day / 20)).toUTCString().replace('GMT', '+0000');
    const from = inbound ? them : 'Sam Patel <sam@ourco.com>';
    const to = inbound ? 'Sam Patel <sam@ourco.com>' : them;
    const body = `Hi,\n\nFollowing up on the ${topic}. ${inbound ? 'Could you send the updated document by Friday?' : "We'll send the updated document by Friday."}\nThe team has reviewed the notes from message ${i} and we agree with most points.\n\nOn an earlier date someone wrote:\n> From the previous thread, quoted text that the agent should not read.\n> Another quoted line.\n\nBest,\n${from.split(' <')[0]}\n`;
    const msg = `From sender@example.com ${date}\nFrom: ${from}\nTo: ${to}\nSubject: Re: ${topic} (${i})\nDate: ${date}\nMessage-ID: <bench-${i}@acmefreight.com>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n${body.replace(/^From /gm, '>From ')}\n`;
    if (!out.write(msg)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return n;
}

/**
 * Streams the archive to the product's import route (multipart, read from disk as it is sent, as
 * the import CLI does) from this process, so the figure is the product's, not a CLI's start-up.
 */
async function importFile(url: string, file: string, account: string): Promise<number> {
  const form = new FormData();
  form.append('file', await openAsBlob(file), basename(file));
  const r = await fetch(`${url}/v1/accounts/${account}/signals/import`, { method: 'POST', headers: { authorization: `Bearer ${BENCH_TOKEN}` }, body: form });
  const json = (await r.json()) as { stored?: number; message?: string };
  if (r.status !== 200 || typeof json.stored !== 'number') throw new Error(`import: ${r.status} ${json.message ?? JSON.stringify(json)}`);
  return json.stored;
}

/**
 * Waits until no signal is pending and the account has been assessed. A signal leaves "pending"
 * only when the assessment after its remembering (perceived, chunked, embedded) is published.
 */
async function waitProcessed(server: BenchServer, account: string, timeoutMs: number): Promise<void> {
  const t0 = performance.now();
  for (;;) {
    const stats = await signalStats(server.url);
    const a = await api<{ assessments: Array<{ signalCount: number }> }>(server.url, 'GET', `/v1/accounts/${account}/assessments?limit=1`);
    if (stats.pending === 0 && (a.json?.assessments?.length ?? 0) > 0) return;
    if (performance.now() - t0 > timeoutMs) throw new Error(`mbox: ${stats.pending} signals still pending after ${(timeoutMs / 1000).toFixed(0)} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function runMboxImport(o: MboxOptions): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'aa-mbox-'));
  const debounceMs = loadConfig({}).debounceMs;
  // DEBOUNCE_MS removed from the product's environment: its own default applies.
  const server = await startBenchServer({ DEBOUNCE_MS: undefined });
  try {
    const rows: string[] = [];
    for (const [i, n] of [Math.max(100, Math.round(o.messages / 5)), o.messages].entries()) {
      const file = join(dir, `archive-${n}.mbox`);
      await writeMbox(file, n);
      const account = `mbox-${i}`;
      const c = await api(server.url, 'POST', '/v1/accounts', { id: account, name: 'Acme Freight', domains: ['acmefreight.com'], stage: 'customer' });
      if (c.status !== 201) throw new Error(`account: ${c.status}`);
      await waitProcessed(server, account, 120_000); // the new account's first assessment is not the import's work
      const base = await server.memory();
      const peak = watchPeak(server);
      const t0 = performance.now();
      const stored = await importFile(server.url, file, account);
      const storedS = (performance.now() - t0) / 1000;
      await waitProcessed(server, account, (o.timeoutS ?? 1800) * 1000);
      const processedS = (performance.now() - t0) / 1000;
      const end = await server.memory();
      const top = await peak.stop();
      rows.push(`${n} messages: ${stored} stored in ${storedS.toFixed(1)} s = ${(stored / storedS).toFixed(0)} stored/s; all ${stored} processed in ${processedS.toFixed(1)} s = ${(stored / processedS).toFixed(0)} fully processed/s; `
        + `RSS before ${base.totalMiB.toFixed(0)} MiB, at end of processing ${formatMemory(end)}, peak ${formatMemory(top)}`);
      console.log(`mbox: ${rows[rows.length - 1]}`);
    }
    const figures = `debounce ${debounceMs} ms (product default); ${rows.join('; ')}; goal ≥ 500 msg/s stored, memory flat in archive size`;
    record('mbox import', o.command, figures, { smoke: o.smoke });
    return figures;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
