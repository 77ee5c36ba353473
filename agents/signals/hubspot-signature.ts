// HubSpot webhook signature v3: base64(HMAC-SHA256(clientSecret, method + uri + body + timestamp)),
// compared in constant time; a request whose timestamp is more than five minutes away from now is
// rejected as a replay. HubSpot signs the URI with a few URL-encoded characters decoded (its
// "request validation" guide lists them), so the same characters are decoded here first.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface HubspotSignatureInput {
  method: string;
  /** The full request URI as HubSpot called it: protocol, host, path and query. */
  uri: string;
  /** The raw request body, exactly as received. */
  body: string;
  /** X-HubSpot-Request-Timestamp (epoch milliseconds). */
  timestamp: string | undefined;
  /** X-HubSpot-Signature-v3. */
  signature: string | undefined;
  /** The app's client secret. */
  secret: string;
  now?: number;
  maxSkewMs?: number;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

const DECODED: Record<string, string> = {
  '%3A': ':', '%2F': '/', '%3F': '?', '%40': '@', '%21': '!', '%24': '$', '%27': "'", '%28': '(', '%29': ')', '%2A': '*', '%2C': ',', '%3B': ';',
};

/** The URI as HubSpot signs it: the listed percent-encodings decoded, everything else as sent. */
export function hubspotSignedUri(uri: string): string {
  return uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => DECODED[m.toUpperCase()]);
}

export function hubspotSignatureV3(secret: string, method: string, uri: string, body: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${method.toUpperCase()}${hubspotSignedUri(uri)}${body}${timestamp}`, 'utf8').digest('base64');
}

/** Equal strings in time that does not depend on where they differ. */
function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  // Compare equal-length buffers even on a length mismatch, so the time does not tell the length.
  return timingSafeEqual(x.length === y.length ? y : x, x) && x.length === y.length;
}

export function verifyHubspotSignatureV3(i: HubspotSignatureInput): SignatureCheck {
  if (!i.signature) return { ok: false, reason: 'no X-HubSpot-Signature-v3 header' };
  if (!i.timestamp) return { ok: false, reason: 'no X-HubSpot-Request-Timestamp header' };
  const ts = /^\d{1,16}$/.test(i.timestamp.trim()) ? Number(i.timestamp) : Number.NaN;
  if (!Number.isFinite(ts)) return { ok: false, reason: 'X-HubSpot-Request-Timestamp is not epoch milliseconds' };
  const skew = (i.now ?? Date.now()) - ts;
  const max = i.maxSkewMs ?? 300_000;
  if (skew > max) return { ok: false, reason: `stale request: X-HubSpot-Request-Timestamp is ${Math.round(skew / 1000)} s old (at most ${max / 1000} s)` };
  if (-skew > max) return { ok: false, reason: 'X-HubSpot-Request-Timestamp is in the future' };
  const expected = hubspotSignatureV3(i.secret, i.method, i.uri, i.body, i.timestamp.trim());
  return constantTimeEqual(expected, i.signature.trim()) ? { ok: true } : { ok: false, reason: 'signature does not match' };
}

/** Generic webhooks: the hex HMAC-SHA256 of the raw body with a shared secret (optionally "sha256=" prefixed). */
export function verifyHmacSha256(secret: string, body: string, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = createHmac('sha256', secret).update(body, 'utf8').digest('hex');
  return constantTimeEqual(expected, signature.trim().replace(/^sha256=/i, '').toLowerCase());
}
