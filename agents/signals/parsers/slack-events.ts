// One Slack Events API delivery → a chat signal. The event id is the idempotency key, so Slack's
// retries (it retries up to three times when we are slow) are stored once. An edit
// (message_changed) is stored as the message's new words at the time of the edit, when the words
// changed; joins, topics, bots and deletions are not someone talking and are skipped with a reason.
import { addSignal, emptyResult, rejectedOnly } from './result.js';
import { messageText, notTalking, slackTs, slackUser, type SlackUsers } from './slack-text.js';
import type { ParseResult } from './types.js';

export type SlackDelivery =
  | { kind: 'challenge'; challenge: string }
  | { kind: 'event'; eventId: string | null; result: ParseResult };

const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : undefined);

export function parseSlackEvent(body: unknown, users: SlackUsers = new Map()): SlackDelivery {
  const b = obj(body);
  if (b?.type === 'url_verification' && typeof b.challenge === 'string') return { kind: 'challenge', challenge: b.challenge };
  const eventId = typeof b?.event_id === 'string' ? b.event_id : null;
  const position = `event ${eventId ?? '(no id)'}`;
  const skip = (reason: string): SlackDelivery => ({ kind: 'event', eventId, result: rejectedOnly(position, reason) });
  if (!b || b.type !== 'event_callback') return skip(`not an event callback (type ${String(b?.type)})`);
  if (!eventId) return skip('no event_id');
  const ev = obj(b.event);
  if (!ev || (ev.type !== 'message' && ev.type !== 'app_mention')) return skip(`a ${String(ev?.type)} event, not a message`);

  let msg = ev;
  let occurredAt = slackTs(ev.event_ts ?? ev.ts);
  if (ev.subtype === 'message_changed') {
    const now = obj(ev.message);
    const before = obj(ev.previous_message);
    if (!now) return skip('an edit without the edited message');
    if (before && before.text === now.text) return skip('an edit that left the words as they were (an unfurl or a reaction)');
    msg = { ...now, channel: ev.channel };
    occurredAt = slackTs(obj(now.edited)?.ts ?? ev.event_ts ?? ev.ts);
  } else if (ev.subtype === 'message_deleted') {
    return skip('a deletion: the stored message stays in the timeline');
  }
  const why = notTalking(msg);
  if (why) return skip(why);
  const channel = typeof msg.channel === 'string' ? msg.channel : typeof ev.channel === 'string' ? ev.channel : '';
  if (!channel) return skip('no channel');
  const profile = obj(msg.user_profile);
  const user = (typeof msg.user === 'string' ? users.get(msg.user) : undefined)
    ?? (profile ? slackUser({ id: msg.user, ...profile }) : null);
  const text = messageText(msg, users);
  if (!text) return skip('no text');

  const out = emptyResult();
  addSignal(out, position, {
    kind: 'chat', occurredAt, source: 'slack', externalId: eventId,
    channel, author: user ? { name: user.name, ...(user.email ? { email: user.email } : {}) } : { name: String(msg.user ?? msg.username ?? 'unknown') },
    text: text.slice(0, 50_000), ...(typeof msg.thread_ts === 'string' ? { threadId: `slack:${channel}:${msg.thread_ts}` } : {}),
  }, { channelId: channel });
  return { kind: 'event', eventId, result: out };
}
