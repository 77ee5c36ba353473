// `npm run import -- <file-or-folder> [--account <id>] [--url <api>] [--token <token>]`
// Streams each file to the running product's import endpoint (an mbox is parsed on the server
// message by message as it arrives), with a progress bar, then prints a summary.
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import { basename, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../config.js';
import { parseArgs } from '../evals/bench/lib.js';
import { zipSlackExportFolder } from './slack-export-folder.js';

const args = parseArgs(process.argv.slice(2));
const target = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const config = loadConfig();
const url = String(args.url ?? `http://127.0.0.1:${config.port}`);
const token = String(args.token ?? config.adminToken ?? '');
if (!target || !token) {
  console.error('usage: npm run import -- <file-or-folder> [--account <id>] [--url http://127.0.0.1:3000] [--token <token>]  (token defaults to ADMIN_TOKEN)');
  process.exit(2);
}

const slackZip = statSync(target).isDirectory() ? zipSlackExportFolder(target) : null;
const files = slackZip ? [slackZip] : statSync(target).isDirectory() ? readdirSync(target).filter((f) => !f.startsWith('.')).map((f) => join(target, f)).filter((f) => statSync(f).isFile()) : [target];
const endpoint = args.account ? `${url}/v1/accounts/${encodeURIComponent(String(args.account))}/signals/import` : `${url}/v1/signals/import`;

/** A progress bar on a terminal (cli-progress); nothing when stderr is piped. */
const bar = new SingleBar({ format: '[{bar}] {percentage}% {file}', stream: process.stderr, hideCursor: true, clearOnComplete: false }, Presets.legacy);

const totals = { stored: 0, duplicates: 0, unmatched: 0, rejected: [] as Array<{ position: string; reason: string }> };
const started = performance.now();
for (const file of files) {
  const size = statSync(file).size;
  const boundary = `----account-agents-${randomUUID()}`;
  let sent = 0;
  bar.start(size, 0, { file: basename(file) });
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${basename(file)}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
      for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
        controller.enqueue(chunk as Buffer);
        sent += (chunk as Buffer).length;
        bar.update(sent);
      }
      controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
      controller.close();
    },
  });
  const res = await fetch(endpoint, { method: 'POST', body, duplex: 'half', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` } } as RequestInit);
  const json = (await res.json()) as typeof totals & { message?: string; format?: string };
  bar.stop();
  if (!res.ok) {
    console.error(`${basename(file)}: ${res.status} ${json.message ?? ''}`);
    process.exitCode = 1;
    continue;
  }
  console.log(`${basename(file)} (${json.format ?? '?'}): ${json.stored} stored, ${json.duplicates} duplicates, ${json.unmatched} unmatched, ${json.rejected.length} rejected`);
  for (const w of (json as { warnings?: Array<{ position: string; reason: string }> }).warnings ?? []) console.log(`  warning ${w.position}: ${w.reason}`);
  totals.stored += json.stored;
  totals.duplicates += json.duplicates;
  totals.unmatched += json.unmatched;
  totals.rejected.push(...json.rejected.map((r) => ({ ...r, position: `${basename(file)} ${r.position}` })));
}
for (const r of totals.rejected.slice(0, 20)) console.log(`  rejected ${r.position}: ${r.reason}`);
if (totals.rejected.length > 20) console.log(`  … and ${totals.rejected.length - 20} more`);
console.log(`${files.length} file(s) in ${((performance.now() - started) / 1000).toFixed(1)} s: ${totals.stored} stored, ${totals.duplicates} duplicates, ${totals.unmatched} unmatched, ${totals.rejected.length} rejected`);
