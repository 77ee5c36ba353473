// A Slack export unpacked into a folder (users.json, channels.json, a folder per channel of day
// files) is one upload: the import CLI zips it in memory and sends the zip, which the server reads
// like an export downloaded from Slack.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { isSlackExport } from '../agents/signals/parsers/slack-export.js';

/** The path of a zip of `dir` when it holds a Slack export, else null. */
export function zipSlackExportFolder(dir: string): string | null {
  const files: Record<string, Uint8Array> = {};
  const walk = (d: string, depth: number) => {
    for (const name of readdirSync(d)) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) { if (depth === 0) walk(p, 1); } else if (name.endsWith('.json')) files[relative(dir, p).split('\\').join('/')] = readFileSync(p);
    }
  };
  walk(dir, 0);
  if (!isSlackExport(Object.keys(files))) return null;
  const out = join(mkdtempSync(join(tmpdir(), 'slack-export-')), `${basename(dir) || 'slack-export'}.zip`);
  writeFileSync(out, zipSync(files, { level: 6 }));
  return out;
}
