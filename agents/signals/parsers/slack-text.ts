// What Slack messages (export files and Events API payloads alike) share: which subtypes are
// people talking, how mrkdwn's escapes and links read as plain text, who wrote a message.
import { toIso } from './result.js';

/** Subtypes that are a person saying something; every other subtype (joins, topics, bots, pins…) is not. */
const TALKING = new Set(['', 'thread_broadcast', 'file_share', 'me_message']);

export interface SlackUser { id: string; name: string; email?: string; bot: boolean }
export type SlackUsers = Map<string, SlackUser>;

/** Why a message is not stored, or null when it is someone talking. */
/** Slackbot (reminders, auto-responses) writes as a user, and users.json does not mark it a bot. */
const SLACKBOT = 'USLACKBOT';

export function notTalking(m: Record<string, unknown>): string | null {
  const subtype = typeof m.subtype === 'string' ? m.subtype : '';
  if (m.bot_id || subtype === 'bot_message' || m.user === SLACKBOT) return 'a bot message, not a person';
  if (!TALKING.has(subtype)) return `a ${subtype} event, not a message from a person`;
  return null;
}

/** Slack's mrkdwn as plain text: mentions and channel links by name, link labels, the three escapes. */
export function slackText(text: string, users: SlackUsers): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]+))?>/g, (_m, id: string, label?: string) => `@${label ?? users.get(id)?.name ?? id}`)
    .replace(/<#(C[A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, label?: string) => `#${label || id}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]+))?>/g, (_m, label?: string) => label ?? '@group')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>]+)>/g, (_m, url: string) => url.replace(/^mailto:/, ''))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .trim();
}

/**
 * What a message says: its text, or, for files shared without a comment (Slack writes those with an
 * empty text and a `files` list), the files' names, so a customer sending a document is not lost.
 */
export function messageText(m: Record<string, unknown>, users: SlackUsers): string {
  const text = typeof m.text === 'string' ? slackText(m.text, users) : '';
  if (text || !Array.isArray(m.files)) return text;
  const names = m.files.map((f) => (f && typeof f === 'object' ? f as Record<string, unknown> : {}))
    .map((f) => [f.title, f.name].find((v): v is string => typeof v === 'string' && v.trim() !== '')?.trim())
    .filter((n): n is string => Boolean(n));
  return names.length ? `Shared ${names.length === 1 ? 'a file' : `${names.length} files`}: ${names.join(', ')}` : '';
}

/** A users.json entry (or an event's `user_profile`) as the author we store. */
export function slackUser(u: Record<string, unknown>): SlackUser | null {
  const id = typeof u.id === 'string' ? u.id : undefined;
  const p = (u.profile && typeof u.profile === 'object' ? u.profile : u) as Record<string, unknown>;
  const pick = (...vs: unknown[]) => vs.find((v): v is string => typeof v === 'string' && v.trim() !== '')?.trim();
  const name = pick(p.real_name, u.real_name, p.display_name, u.name, id);
  if (!id || !name) return null;
  const email = pick(p.email);
  return { id, name: name.slice(0, 200), ...(email && /^[^@\s]+@[^@\s]+$/.test(email) ? { email: email.toLowerCase() } : {}), bot: Boolean(u.is_bot || u.is_app_user || id === SLACKBOT) };
}

/** Slack's `ts` ("1767225600.000200", seconds) as ISO 8601. */
export function slackTs(ts: unknown): string | null {
  const n = typeof ts === 'string' || typeof ts === 'number' ? Number(ts) : NaN;
  return Number.isFinite(n) && n > 0 ? toIso(Math.round(n * 1000)) : null;
}
