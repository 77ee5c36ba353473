// A Slack-compatible incoming-webhook post ({ text, blocks }) for an approved action.
export interface WebhookMessage {
  text: string;
  blocks?: Array<Record<string, unknown>>;
}

/** Posts once; a non-2xx answer or no answer within the timeout is an error (the activity retries). */
export async function postWebhook(url: string, message: WebhookMessage, timeoutMs = 10_000): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`webhook answered ${res.status} ${res.statusText}`.trim());
  await res.body?.cancel();
}

/** Slack mrkdwn needs &, < and > escaped in text it did not write. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function taskMessage(t: { title: string; accountName: string; ownerName?: string | null; dueAt?: string | null; body?: string | null; url?: string }): WebhookMessage {
  const due = t.dueAt ? ` (due ${t.dueAt.slice(0, 10)})` : '';
  const who = t.ownerName ? ` for ${t.ownerName}` : '';
  const text = `New task${who} on ${t.accountName}: ${t.title}${due}`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${esc(t.title)}*${esc(due)}\n${esc(t.accountName)}${esc(who)}` } },
      ...(t.body ? [{ type: 'section', text: { type: 'mrkdwn', text: esc(t.body.slice(0, 2900)) } }] : []),
    ],
  };
}
