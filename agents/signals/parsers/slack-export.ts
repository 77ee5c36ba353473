// A Slack export (Workspace settings → Import/Export): users.json, channels.json (groups.json,
// mpims.json for private ones, dms.json for direct messages, whose folders are named by their id)
// and a folder per channel with one JSON array of messages a day.
// Read from a .zip (fflate) or from a folder's files; each message a person wrote becomes a chat
// signal routed by its channel (id and #name), its author resolved to an email through users.json.
import { unzipSync } from 'fflate';
import { addSignal, emptyResult, rejectedOnly } from './result.js';
import { messageText, notTalking, slackTs, slackUser, type SlackUsers } from './slack-text.js';
import type { ParseResult } from './types.js';

/** Relative path → bytes, as a zip or a folder holds them. */
export type ExportFiles = Map<string, Uint8Array>;

const decoder = new TextDecoder('utf-8');
const DAY_FILE = /^(.*?)([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;

function json(bytes: Uint8Array | undefined): unknown {
  if (!bytes) return undefined;
  return JSON.parse(decoder.decode(bytes).replace(/^\uFEFF/, ''));
}

/** Whether these files look like a Slack export (a users.json or channels.json beside day files). */
export function isSlackExport(paths: Iterable<string>): boolean {
  let meta = false;
  let days = false;
  for (const p of paths) {
    if (/(^|\/)(users|channels)\.json$/.test(p)) meta = true;
    else if (DAY_FILE.test(p)) days = true;
  }
  return meta && days;
}

export function parseSlackExport(files: ExportFiles): ParseResult {
  const out = emptyResult();
  const paths = [...files.keys()].map((p) => p.replace(/\\/g, '/')).filter((p) => !p.startsWith('__MACOSX/'));
  const metaPath = paths.find((p) => /(^|\/)users\.json$/.test(p)) ?? paths.find((p) => /(^|\/)channels\.json$/.test(p));
  if (!metaPath) return rejectedOnly('archive', 'not a Slack export: no users.json or channels.json');
  const root = metaPath.replace(/[^/]+$/, '');
  const read = (name: string, position: string): unknown[] => {
    try {
      const v = json(files.get(`${root}${name}`));
      return Array.isArray(v) ? v : [];
    } catch (err) {
      out.rejected.push({ position, reason: `not valid JSON (${(err as Error).message})` });
      return [];
    }
  };

  const users: SlackUsers = new Map();
  for (const u of read('users.json', 'users.json')) {
    const user = u && typeof u === 'object' ? slackUser(u as Record<string, unknown>) : null;
    if (user) users.set(user.id, user);
  }
  const channelIds = new Map<string, string>();
  // A direct message has no name: its folder is named by its id (dms.json lists them).
  for (const name of ['channels.json', 'groups.json', 'mpims.json', 'dms.json']) {
    for (const c of read(name, name)) {
      const o = c as { id?: unknown; name?: unknown };
      if (typeof o?.id === 'string') channelIds.set(typeof o.name === 'string' ? o.name : o.id, o.id);
    }
  }

  const days = paths.filter((p) => p.startsWith(root)).map((p) => ({ p, m: p.slice(root.length).match(/^([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/) }))
    .filter((d): d is { p: string; m: RegExpMatchArray } => Boolean(d.m))
    .sort((a, b) => a.m[2].localeCompare(b.m[2]) || a.p.localeCompare(b.p));
  for (const { p, m } of days) {
    const channel = m[1];
    const channelId = channelIds.get(channel);
    let messages: unknown;
    try {
      messages = json(files.get(p));
    } catch (err) {
      out.rejected.push({ position: p, reason: `not valid JSON (${(err as Error).message})` });
      continue;
    }
    if (!Array.isArray(messages)) { out.rejected.push({ position: p, reason: 'not a list of messages' }); continue; }
    messages.forEach((raw, i) => {
      const msg = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const position = `${channel}/${m[2]} message ${i + 1}`;
      if (msg.type !== undefined && msg.type !== 'message') return;
      // Joins, topics, bots and the like are not the account talking: left out without a rejection.
      if (notTalking(msg)) return;
      const occurredAt = slackTs(msg.ts);
      const profile = msg.user_profile && typeof msg.user_profile === 'object' ? slackUser({ id: msg.user, ...(msg.user_profile as object) }) : null;
      const user = (typeof msg.user === 'string' ? users.get(msg.user) : undefined) ?? profile ?? undefined;
      if (user?.bot) return;
      const text = messageText(msg, users);
      if (!text) return;
      addSignal(out, position, {
        kind: 'chat', occurredAt, source: 'slack', externalId: `slack:${channelId ?? channel}:${String(msg.ts)}`,
        channel: `#${channel}`, author: user ? { name: user.name, ...(user.email ? { email: user.email } : {}) } : { name: String(msg.user ?? msg.username ?? 'unknown') },
        text: text.slice(0, 50_000), ...(typeof msg.thread_ts === 'string' ? { threadId: `slack:${channelId ?? channel}:${msg.thread_ts}` } : {}),
      }, { channelName: `#${channel}`, ...(channelId ? { channelId } : {}) });
    });
  }
  if (days.length === 0) out.rejected.push({ position: 'archive', reason: 'no channel folders with day files (channel/YYYY-MM-DD.json)' });
  return out;
}

/** A zipped Slack export. */
export function parseSlackZip(bytes: Uint8Array): ParseResult {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => f.name.endsWith('.json') });
  } catch (err) {
    return rejectedOnly('archive', `not a readable zip archive (${(err as Error).message})`);
  }
  return parseSlackExport(new Map(Object.entries(entries)));
}
