// Which secret signs each webhook source. A source's own secret (WEBHOOK_SECRET_<SOURCE>) replaces
// the shared WEBHOOK_SECRET for that source only, so one leaked integration secret lets in nothing
// else. HubSpot and Slack sign with their app secrets (HUBSPOT_CLIENT_SECRET, SLACK_SIGNING_SECRET),
// which WEBHOOK_SECRET_HUBSPOT / WEBHOOK_SECRET_SLACK may also supply.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpError } from '../../errors.js';

export interface WebhookSecretOptions {
  /** The shared secret: every HMAC-signed source without a secret of its own. */
  webhookSecret?: string;
  /** Per source (lower case, '-' read as '_'): e.g. { gong: '…', salesforce: '…' }. */
  webhookSecrets?: Record<string, string>;
}

const envName = (source: string) => `WEBHOOK_SECRET_${source.toUpperCase().replace(/-/g, '_')}`;

/** The secret for an HMAC-signed source and the variable it came from; 503 naming both variables when neither is set. */
export function secretFor(opts: WebhookSecretOptions, source: string): { secret: string; from: string } {
  const own = opts.webhookSecrets?.[source.toLowerCase().replace(/-/g, '_')];
  if (own) return { secret: own, from: envName(source) };
  if (opts.webhookSecret) return { secret: opts.webhookSecret, from: 'WEBHOOK_SECRET' };
  throw new HttpError(503, `no webhook secret for ${source}: set ${envName(source)} or WEBHOOK_SECRET on this server`);
}

/** An app secret (HubSpot, Slack) from its own variable or the source's webhook variable. */
export function appSecret(opts: WebhookSecretOptions, source: string, appSecretValue: string | undefined, appVar: string): string {
  const s = appSecretValue ?? opts.webhookSecrets?.[source];
  if (!s) throw new HttpError(503, `${appVar} (or ${envName(source)}) is not configured on this server`);
  return s;
}

function sameHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * X-Signature: the hex HMAC of the exact body. SHA-256 for every source (optionally "sha256=…");
 * `sha1: true` also accepts the HMAC-SHA1 that Segment's webhook destination sends.
 */
export function verifyHmacHeader(secret: string, body: string, signature: string | undefined, o: { sha1?: boolean } = {}): boolean {
  if (!signature) return false;
  const given = signature.trim().replace(/^sha(1|256)=/i, '').toLowerCase();
  if (sameHex(createHmac('sha256', secret).update(body, 'utf8').digest('hex'), given)) return true;
  return Boolean(o.sha1) && sameHex(createHmac('sha1', secret).update(body, 'utf8').digest('hex'), given);
}
