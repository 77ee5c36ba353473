// HubSpot webhook signature v3: base64(HMAC-SHA256(clientSecret, method + uri + body + timestamp)),
// compared in constant time; requests older than five minutes are rejected as replays.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface HubspotSignatureInput { method: string; uri: string; body: string; timestamp: string | undefined; signature: string | undefined; secret: string; now?: number; maxSkewMs?: number }

export function hubspotSignatureV3(secret: string, method: string, uri: string, body: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${method}${uri}${body}${timestamp}`).digest('base64');
}

export function verifyHubspotSignatureV3(i: HubspotSignatureInput): { ok: true } | { ok: false; reason: string } {
  if (!i.signature || !i.timestamp) return { ok: false, reason: 'X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp are required' };
  const ts = Number(i.timestamp);
  if (!Number.isFinite(ts) || Math.abs((i.now ?? Date.now()) - ts) > (i.maxSkewMs ?? 300_000)) return { ok: false, reason: 'stale or invalid X-HubSpot-Request-Timestamp' };
  const expected = Buffer.from(hubspotSignatureV3(i.secret, i.method.toUpperCase(), i.uri, i.body, i.timestamp));
  const got = Buffer.from(i.signature);
  return expected.length === got.length && timingSafeEqual(expected, got) ? { ok: true } : { ok: false, reason: 'signature does not match' };
}

/** Generic webhooks: hex HMAC-SHA256 of the raw body with a shared secret. */
export function verifyHmacSha256(secret: string, body: string, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(body).digest('hex'));
  const got = Buffer.from(signature.replace(/^sha256=/, ''));
  return expected.length === got.length && timingSafeEqual(expected, got);
}
