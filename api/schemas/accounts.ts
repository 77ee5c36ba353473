import { z } from 'zod';
import { ContactRole, RiskLevel, Stage } from '../../agents/vocabulary.js';
import { Account } from '../../db/queries/accounts.js';
import { thresholdIssues } from '../../agents/signals/settings.js';
import { isoInstant } from '../../agents/signals/schema.js';

const domain = z.string().trim().toLowerCase().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a domain like acme.com');
const isoDate = isoInstant();
const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const ContactBody = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().max(200).optional(),
  title: z.string().max(200).optional(),
  role: ContactRole.optional(),
});

// Strict: a setting the agent does not read is refused by name rather than silently dropped.
export const AccountSettings = z.strictObject({
  competitors: z.array(z.string().max(100)).max(100).optional(),
  // Checked with the risk model's own schema: a wrong type here would stall the account's agent.
  thresholds: z.record(z.string(), z.unknown()).superRefine((t, ctx) => {
    for (const issue of thresholdIssues(t)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }).optional(),
  /** CRM record ids that route webhooks here, e.g. "hubspot:deal:1246965", "salesforce:0065e00000AbCdE". */
  externalIds: z.array(z.string().max(200)).max(50).optional(),
  /** Slack channels whose messages belong to this account, by id or #name: ["C0123ABCD", "#acme-shared"]. */
  slackChannels: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  /** The account's IANA time zone: "by Friday" in its people's words resolves there (default UTC). */
  timezone: z.string().refine(isTimeZone, 'must be an IANA time zone like Europe/Berlin').optional(),
});
export type AccountSettings = z.infer<typeof AccountSettings>;

export const CreateAccountBody = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only (at most 64)').optional(),
  name: z.string().trim().min(1).max(200),
  domains: z.array(domain).max(20).default([]),
  stage: Stage,
  arr: z.number().nonnegative().optional(),
  renewalDate: isoDate.optional(),
  // min(1): an empty id skipped the unknown-user check and failed the foreign key as a 500 (found by fuzzing).
  ownerId: z.string().min(1).max(128).optional(),
  csmId: z.string().min(1).max(128).optional(),
  contacts: z.array(ContactBody).max(200).default([]),
  settings: AccountSettings.optional(),
});
export type CreateAccountBody = z.infer<typeof CreateAccountBody>;

/** The response shape is the account as db/ parses it: one definition. */
export const AccountBody = Account;

export const ContactView = z.object({
  id: z.string(), email: z.string(), name: z.string().nullable(), title: z.string().nullable(),
  role: z.string().nullable(), status: z.string(),
});

export const AccountDetail = AccountBody.extend({
  contacts: z.array(ContactView),
  agent: z.object({
    workflowId: z.string(),
    state: z.record(z.string(), z.unknown()).nullable(),
  }),
});

export const ListAccountsQuery = z.object({
  riskLevel: RiskLevel.optional(),
  owner: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
