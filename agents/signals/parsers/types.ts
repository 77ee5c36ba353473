import type { SignalInput } from '../schema.js';

/** Where a parsed item belongs when the upload does not say (routed by id, domain or email). */
export interface RouteHint { accountId?: string; domain?: string; email?: string; /** A CRM record id, e.g. hubspot:deal:123, matched against accounts' settings.externalIds. */ externalRef?: string }

export interface ParsedItem { signal: SignalInput; route?: RouteHint }

export interface ContactRecord { email: string; name?: string; title?: string; role?: string; route?: RouteHint }

/** Each item is all or nothing: a bad one is rejected with where it was and why; the rest stand. */
export interface ParseResult {
  items: ParsedItem[];
  rejected: Array<{ position: string; reason: string }>;
  contacts?: ContactRecord[];
}

export interface ParseOptions {
  accountDomains?: string[];
  ourDomains?: string[];
  /** For formats without their own metadata (VTT, SRT). */
  title?: string;
  occurredAt?: string;
  /** Attachments larger than this are recorded by name and size only (they are never stored). */
  maxAttachmentBytes?: number;
}

export function zodReason(err: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  return err.issues.map((i) => `${i.path.map(String).join('.') || 'item'}: ${i.message}`).join('; ');
}
