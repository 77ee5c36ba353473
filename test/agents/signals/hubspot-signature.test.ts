import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { hubspotSignatureV3, hubspotSignedUri, verifyHmacSha256, verifyHubspotSignatureV3 } from '../../../agents/signals/hubspot-signature.js';
import { fixture } from './helpers.js';

const secret = 'hs-client-secret';
const uri = 'https://agents.example.com/v1/webhooks/hubspot';
const body = fixture('hubspot-batch.json').toString('utf8');
const now = 1_795_500_200_000;
// Computed here from HubSpot's recipe, not with the module under test.
const sign = (ts: number, b = body, u = uri, s = secret) => createHmac('sha256', s).update(`POST${u}${b}${ts}`).digest('base64');
const check = (over: Partial<Parameters<typeof verifyHubspotSignatureV3>[0]>) =>
  verifyHubspotSignatureV3({ method: 'POST', uri, body, secret, now, timestamp: String(now - 1000), signature: sign(now - 1000), ...over });

describe('verifyHubspotSignatureV3', () => {
  it('accepts a valid signature', () => {
    expect(check({})).toEqual({ ok: true });
    expect(hubspotSignatureV3(secret, 'post', uri, body, String(now - 1000))).toBe(sign(now - 1000));
  });

  it('rejects a tampered body, another secret, another URI', () => {
    expect(check({ body: body.replace('contractsent', 'closedwon') })).toEqual({ ok: false, reason: 'signature does not match' });
    expect(check({ secret: 'other' })).toEqual({ ok: false, reason: 'signature does not match' });
    expect(check({ uri: `${uri}?x=1` })).toEqual({ ok: false, reason: 'signature does not match' });
    expect(check({ signature: 'short' })).toEqual({ ok: false, reason: 'signature does not match' });
  });

  it('rejects a stale timestamp (older than five minutes) even with a valid signature, and one from the future', () => {
    const old = now - 300_001;
    expect(check({ timestamp: String(old), signature: sign(old) })).toEqual({ ok: false, reason: 'stale request: X-HubSpot-Request-Timestamp is 300 s old (at most 300 s)' });
    expect(check({ timestamp: String(now - 299_000), signature: sign(now - 299_000) })).toEqual({ ok: true });
    expect(check({ timestamp: String(now + 600_000), signature: sign(now + 600_000) })).toEqual({ ok: false, reason: 'X-HubSpot-Request-Timestamp is in the future' });
    expect(check({ timestamp: String(now - 60_000), signature: sign(now - 60_000), maxSkewMs: 30_000 }).ok).toBe(false);
  });

  it('rejects missing and malformed headers', () => {
    expect(check({ signature: undefined })).toEqual({ ok: false, reason: 'no X-HubSpot-Signature-v3 header' });
    expect(check({ timestamp: undefined })).toEqual({ ok: false, reason: 'no X-HubSpot-Request-Timestamp header' });
    expect(check({ timestamp: '2026-11-24T06:00:00Z' })).toEqual({ ok: false, reason: 'X-HubSpot-Request-Timestamp is not epoch milliseconds' });
  });

  it('signs the URI with the listed percent-encodings decoded', () => {
    const encoded = 'https://agents.example.com/v1/webhooks/hubspot?portal=33%3Aeu&who=a%40b&q=%20x';
    expect(hubspotSignedUri(encoded)).toBe('https://agents.example.com/v1/webhooks/hubspot?portal=33:eu&who=a@b&q=%20x');
    const ts = now - 1000;
    expect(check({ uri: encoded, timestamp: String(ts), signature: sign(ts, body, hubspotSignedUri(encoded)) })).toEqual({ ok: true });
  });
});

describe('verifyHmacSha256', () => {
  const hex = createHmac('sha256', 'k').update('{"a":1}').digest('hex');
  it('accepts the hex HMAC of the body, with or without a sha256= prefix; rejects anything else', () => {
    expect(verifyHmacSha256('k', '{"a":1}', hex)).toBe(true);
    expect(verifyHmacSha256('k', '{"a":1}', `sha256=${hex.toUpperCase()}`)).toBe(true);
    expect(verifyHmacSha256('k', '{"a":2}', hex)).toBe(false);
    expect(verifyHmacSha256('other', '{"a":1}', hex)).toBe(false);
    expect(verifyHmacSha256('k', '{"a":1}', undefined)).toBe(false);
    expect(verifyHmacSha256('k', '{"a":1}', 'abc')).toBe(false);
  });
});
