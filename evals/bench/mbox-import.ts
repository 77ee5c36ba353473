// mbox import: generates an archive of N realistic messages, streams it to the running product with
// the import CLI (a separate process), and reports messages/s parsed and stored and the product's
// peak resident memory (sampled), for N and N/5 so "flat in the size of the archive" is visible.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchServer, api, BENCH_TOKEN } from './server.js';
import { record } from './lib.js';

export interface MboxOptions { messages: number; smoke?: boolean; command: string }

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

async function importOnce(url: string, file: string, account: string, sample: () => number): Promise<{ seconds: number; peakMiB: number; output: string }> {
  const cli = fileURLToPath(new URL('../../api/import-cli.ts', import.meta.url));
  let peak = sample();
  const timer = setInterval(() => { peak = Math.max(peak, sample()); }, 200);
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', cli, file, '--account', account, '--url', url, '--token', BENCH_TOKEN], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  await new Promise((r) => child.once('exit', r));
  clearInterval(timer);
  return { seconds: (performance.now() - t0) / 1000, peakMiB: peak, output };
}

export async function runMboxImport(o: MboxOptions): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'aa-mbox-'));
  // The workflow's remember/assess would compete for the same two cores; the import path is
  // measured alone (embedding trails asynchronously, as the issue allows).
  const server = await startBenchServer({ DEBOUNCE_MS: '600000' });
  try {
    const rows: string[] = [];
    for (const [i, n] of [Math.max(100, Math.round(o.messages / 5)), o.messages].entries()) {
      const file = join(dir, `archive-${n}.mbox`);
      await writeMbox(file, n);
      const account = `mbox-${i}`;
      const c = await api(server.url, 'POST', '/v1/accounts', { id: account, name: 'Acme Freight', domains: ['acmefreight.com'], stage: 'customer' });
      if (c.status !== 201) throw new Error(`account: ${c.status}`);
      const base = server.memory().productMiB;
      const r = await importOnce(server.url, file, account, () => server.memory().productMiB);
      const stored = Number(/(\d+) stored/.exec(r.output.split('\n').filter(Boolean).pop() ?? '')?.[1] ?? 0);
      rows.push(`${n} messages: ${stored} stored in ${r.seconds.toFixed(1)} s = ${(stored / r.seconds).toFixed(0)} msg/s; product RSS ${base.toFixed(0)} → peak ${r.peakMiB.toFixed(0)} MiB (+${(r.peakMiB - base).toFixed(0)})`);
      console.log(`mbox: ${rows[rows.length - 1]}`);
    }
    const figures = `${rows.join('; ')}; goal ≥ 500 msg/s, memory flat in archive size`;
    record('mbox import', o.command, figures, { smoke: o.smoke });
    return figures;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
