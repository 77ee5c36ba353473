import { z } from 'zod';
import { BriefContent } from '../../agents/briefs/types.js';

export { BriefContent };

export const BriefView = z.object({
  id: z.string(),
  csmId: z.string().nullable(),
  accountId: z.string().nullable(),
  asOf: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  content: BriefContent,
  delivery: z.object({
    emailTo: z.string().nullable(),
    emailSentAt: z.string().nullable(),
    emailError: z.string().nullable(),
    webhookPostedAt: z.string().nullable(),
  }),
});

/** A list entry: the brief without its accounts' detail. */
export const BriefSummary = BriefView.omit({ content: true }).extend({
  csmName: z.string(),
  headline: z.string(),
  accounts: z.number(),
});

export const CreateBriefBody = z.object({
  /** Whose brief: a CSM omits it (their own); a manager names a CSM of their team; an admin any CSM. */
  csmId: z.string().min(1).max(128).optional(),
}).default({});

export const BriefListQuery = z.object({
  csm: z.string().min(1).max(128).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const BriefSettingsBody = z.object({
  csmId: z.string().min(1).max(128).optional(),
  localTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour').optional(),
  timezone: z.string().min(1).max(64).refine((tz) => { try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; } }, 'an IANA time zone, e.g. Europe/Berlin').optional(),
  windowDays: z.number().int().min(1).max(730).optional(),
  enabled: z.boolean().optional(),
});

export const BriefSettingsView = z.object({
  csmId: z.string(), localTime: z.string(), timezone: z.string(), windowDays: z.number(), enabled: z.boolean(),
});
