// The one result shape every parser returns: parsed signals (each with an optional routing hint),
// items that could not be read (with where and why), and contact facts the source carried.
import type { SignalInput } from '../schema.js';

/** Where a parsed item belongs when the upload does not say (routed by id, CRM record, domain or email). */
export interface RouteHint {
  accountId?: string;
  domain?: string;
  email?: string;
  /** A CRM record id, e.g. hubspot:deal:123, matched against accounts' settings.externalIds. */
  externalRef?: string;
  /** A chat channel (Slack: its id, and its name with #), matched against accounts' settings.slackChannels, names and domains. */
  channelId?: string;
  channelName?: string;
}

export interface ParsedItem {
  signal: SignalInput;
  route?: RouteHint;
  /** Email only: the full text before quoted replies were stripped (never stored as the signal's text). */
  raw?: string;
}

/** A contact whose email is known (a Salesforce contact role with its email, a HubSpot email change). */
export interface ContactRecord {
  email: string;
  name?: string;
  title?: string;
  /** One of DESIGN.md's contact roles. */
  role?: string;
  /** The CRM record it came from, e.g. hubspot:contact:51 or salesforce:contact:0035e…. */
  ref?: string;
  route?: RouteHint;
}

/**
 * A change to a CRM contact known only by its record id (HubSpot contact webhooks carry no email):
 * whoever stores it resolves `ref` to a contact first.
 */
export interface ContactUpdate {
  ref: string;
  field: 'created' | 'deleted' | 'email' | 'first_name' | 'last_name' | 'title' | 'lead_status' | 'lifecycle_stage' | 'role';
  value: string | null;
  occurredAt: string;
  source: string;
  externalId: string;
  route?: RouteHint;
}

export interface Rejection {
  /** Where in the input: "message 3 (line 120)", "row 4", "event 2 (seg-2)", "line 17". */
  position: string;
  reason: string;
}

/** Each item is all or nothing: a bad one is rejected with where it was and why; the rest stand. */
export interface ParseResult {
  items: ParsedItem[];
  rejected: Rejection[];
  /** Items kept, but read with a guess or a fallback (an implausible Date, a guessed charset). */
  warnings?: Rejection[];
  contacts?: ContactRecord[];
  contactUpdates?: ContactUpdate[];
}

export interface ParseOptions {
  /** The account's domains: an email from one of them is inbound. */
  accountDomains?: string[];
  /** Our own domains: an email from one of them is outbound. */
  ourDomains?: string[];
  /** For formats without their own metadata (VTT, SRT). */
  title?: string;
  occurredAt?: string;
  /** VTT/SRT: the idempotency key (default: the sha256 of the content). */
  externalId?: string;
  /** CRM stage values (any case) → DESIGN.md stages, for custom pipelines; merged over the defaults. */
  stageMap?: Record<string, string>;
  /** HubSpot: stage maps by portal id (HUBSPOT_STAGE_MAP), merged over `stageMap` for that portal's events. */
  portalStageMaps?: Record<string, Record<string, string>>;
  /** The clock, for a VTT/SRT upload with no occurredAt (default: the current time). */
  now?: () => Date;
}

export function zodReason(err: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  return err.issues.map((i) => `${i.path.map(String).join('.') || 'item'}: ${i.message}`).join('; ');
}
