// Slack's request signing (v0): X-Slack-Signature is "v0=" + hex HMAC-SHA256 of
// "v0:<X-Slack-Request-Timestamp>:<raw body>" with the app's signing secret, compared in constant
// time; a timestamp more than five minutes from now is refused, so a captured request cannot be replayed.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SignatureCheck } from './hubspot-signature.js';

export interface SlackSignatureInput {
  secret: string;
  /** X-Slack-Request-Timestamp (epoch seconds). */
  timestamp: string | undefined;
  /** X-Slack-Signature. */
  signature: string | undefined;
  /** The raw request body, exactly as received. */
  body: string;
  now?: number;
  maxSkewMs?: number;
}

export function slackSignatureV0(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`, 'utf8').digest('hex')}`;
}

export function verifySlackSignature(i: SlackSignatureInput): SignatureCheck {
  if (!i.signature) return { ok: false, reason: 'no X-Slack-Signature header' };
  if (!i.timestamp || !/^\d{1,12}$/.test(i.timestamp.trim())) return { ok: false, reason: 'X-Slack-Request-Timestamp missing or not epoch seconds' };
  const skew = (i.now ?? Date.now()) - Number(i.timestamp) * 1000;
  const max = i.maxSkewMs ?? 300_000;
  if (skew > max) return { ok: false, reason: `stale request: X-Slack-Request-Timestamp is ${Math.round(skew / 1000)} s old (at most ${max / 1000} s)` };
  if (-skew > max) return { ok: false, reason: 'X-Slack-Request-Timestamp is in the future' };
  const expected = Buffer.from(slackSignatureV0(i.secret, i.timestamp.trim(), i.body), 'utf8');
  const given = Buffer.from(i.signature.trim(), 'utf8');
  // timingSafeEqual needs equal lengths: compare against itself on a mismatch so the time stays the same.
  const same = timingSafeEqual(expected, given.length === expected.length ? given : expected) && given.length === expected.length;
  return same ? { ok: true } : { ok: false, reason: 'signature does not match' };
}
