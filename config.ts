// The one place that reads process.env: every process entry parses its configuration here, once.
import { z } from 'zod';
import { parseStageMapConfig, type StageMapConfig } from './agents/signals/parsers/crm-vocabulary.js';

const bool = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((v) => ['1', 'true', 'yes'].includes(v));
const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().optional()),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TEMPORAL_ADDRESS: z.preprocess(emptyAsUndefined, z.string().optional()),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('account-agents'),
  TEMPORAL_CLI_PATH: z.preprocess(emptyAsUndefined, z.string().optional()),
  TEMPORAL_UI_PORT: z.coerce.number().int().default(8233),
  TEMPORAL_PORT: z.coerce.number().int().default(7233),
  ADMIN_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(8, 'ADMIN_TOKEN must be at least 8 characters').optional()),
  OPENAI_API_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  OPENAI_BASE_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
  LLM_MODEL: z.string().default('gpt-4o-mini'),
  REASONER: z.preprocess(emptyAsUndefined, z.enum(['rules', 'llm']).optional()),
  PERCEIVER: z.preprocess(emptyAsUndefined, z.enum(['rules', 'llm']).optional()),
  LLM_PERCEIVER_MODEL: z.preprocess(emptyAsUndefined, z.string().optional()),
  EMBEDDINGS: z.preprocess(emptyAsUndefined, z.enum(['local', 'openai']).optional()),
  EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
  EMBEDDING_DIMENSIONS: z.coerce.number().int().positive().default(384),
  OUR_DOMAINS: z.string().default('').transform((s) => s.split(',').map((d) => d.trim().toLowerCase()).filter(Boolean)),
  DEBOUNCE_MS: z.coerce.number().int().min(0).default(2000),
  WORKFLOW_CACHE_SIZE: z.coerce.number().int().min(1).default(250),
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HUBSPOT_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  /** Custom pipeline stage ids → stages, for all portals or per portal id (see parseStageMapConfig). */
  HUBSPOT_STAGE_MAP: z.preprocess(emptyAsUndefined, z.string().optional()).transform((s, ctx) => {
    try {
      return parseStageMapConfig(s);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  }),
  WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  SLACK_SIGNING_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  DEMO: z.preprocess(emptyAsUndefined, bool.optional()),
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
  SMTP_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must be smtp://host:port or smtps://host:port').optional()),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().trim().toLowerCase().pipe(z.email()).optional()),
  ACTION_WEBHOOK_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
  BRIEF_LOCAL_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'BRIEF_LOCAL_TIME must be HH:MM (24-hour)').default('07:30'),
  BRIEF_TIMEZONE: z.string().refine((tz) => { try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; } }, 'BRIEF_TIMEZONE must be an IANA time zone').default('UTC'),
  BRIEF_WINDOW_DAYS: z.coerce.number().int().min(1).max(730).default(120),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  TOKEN_TTL_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  RETENTION_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1, 'RETENTION_DAYS must be at least 1 (unset: keep everything)').optional()),
  RETENTION_INTERVAL_MS: z.coerce.number().int().min(1000).default(3_600_000),
  MEMORY_ANN_INDEX: z.enum(['none', 'hnsw']).default('none'),
  CORS_ORIGINS: z.string().default('').transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[^\s/]+$/, 'each origin is scheme://host[:port], no path'))),
});

export type Env = z.input<typeof ConfigSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  databasePoolSize: number;
  temporal: {
    /** Unset: the embedded dev server is started (npm start) and this is filled in. */
    address?: string;
    namespace: string;
    taskQueue: string;
    cliPath?: string;
    uiPort: number;
    port: number;
  };
  adminToken?: string;
  reasoner: 'rules' | 'llm';
  /** Who reads signals: `rules` (default, offline) or `llm` (chosen with PERCEIVER=llm; needs an LLM endpoint). */
  perceiver: { kind: 'rules' | 'llm'; model: string };
  llm: { apiKey?: string; baseURL?: string; model: string };
  embeddings: { kind: 'local' | 'openai'; model: string; dimensions: number };
  ourDomains: string[];
  debounceMs: number;
  /** Account workflows kept in a worker's memory; the rest are replayed from history when they wake. */
  workflowCacheSize: number;
  sweepIntervalMs: number;
  bodyLimitBytes: number;
  logLevel: string;
  hubspotClientSecret?: string;
  webhookSecret?: string;
  /** The Slack app's signing secret (Events API requests are signed with it). */
  slackSigningSecret?: string;
  publicUrl?: string;
  actions: ActionSettings;
  /** CSM briefs for a CSM with no settings of their own: daily at localTime in timezone, renewals within windowDays. */
  briefs: { localTime: string; timezone: string; windowDays: number; enabled: boolean };
  /** Requests per minute per user (per client IP without a token); 0: no limit. */
  rateLimitPerMinute: number;
  /** Browser origins allowed to call the API (CORS); empty: none. */
  corsOrigins: string[];
  hubspotStageMap: StageMapConfig;
  /** Days a newly issued API token is good for; 0: no expiry. */
  tokenTtlDays: number;
  /** Bad bearer tokens per client address per minute before 429; 0: no limit. */
  authFailuresPerMinute: number;
  /** Per-source webhook secrets from WEBHOOK_SECRET_<SOURCE> (source lower-cased, '_' kept), e.g. { gong: '…' }. */
  webhookSecrets: Record<string, string>;
  /** Signals older than `days` are purged with their memory (every `intervalMs`, and `npm run purge`); unset: kept. */
  retention: { days?: number; intervalMs: number };
  /** 'hnsw': keep an HNSW index on memory chunks (cross-account search on a large Postgres); default none. */
  memoryAnnIndex: 'none' | 'hnsw';
}

/** WEBHOOK_SECRET_<SOURCE> variables as { source: secret } (empty values ignored). */
export function webhookSecretsFrom(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const m = /^WEBHOOK_SECRET_([A-Z0-9_]{1,40})$/.exec(key);
    if (m && value) out[m[1].toLowerCase()] = value;
  }
  return out;
}

/**
 * What approving a recommendation does. An email goes through `smtpUrl` FROM the account owner's
 * address (users.email); `mailFrom` is used only when the owner has none, and with neither the
 * approval fails with that reason instead of sending as someone else. With no `smtpUrl` an email is
 * recorded as a task "send this email" for the owner. Other kinds become tasks, also posted to
 * `webhookUrl` (Slack-compatible JSON) when set.
 */
export interface ActionSettings { smtpUrl?: string; mailFrom?: string; webhookUrl?: string }

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const llmConfigured = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
  if (e.PERCEIVER === 'llm' && !llmConfigured) {
    throw new ConfigError('Invalid configuration:\n  PERCEIVER: llm needs an LLM endpoint: set OPENAI_API_KEY or OPENAI_BASE_URL (or PERCEIVER=rules)');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      cliPath: e.TEMPORAL_CLI_PATH,
      uiPort: e.TEMPORAL_UI_PORT,
      port: e.TEMPORAL_PORT,
    },
    adminToken: e.ADMIN_TOKEN,
    reasoner: e.REASONER ?? (llmConfigured ? 'llm' : 'rules'),
    // An LLM reads every signal only when chosen: each reading is one model call per signal.
    perceiver: { kind: e.PERCEIVER ?? 'rules', model: e.LLM_PERCEIVER_MODEL ?? e.LLM_MODEL },
    llm: { apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL, model: e.LLM_MODEL },
    embeddings: { kind: e.EMBEDDINGS ?? (llmConfigured ? 'openai' : 'local'), model: e.EMBEDDING_MODEL, dimensions: e.EMBEDDING_DIMENSIONS },
    ourDomains: e.OUR_DOMAINS,
    debounceMs: e.DEBOUNCE_MS,
    workflowCacheSize: e.WORKFLOW_CACHE_SIZE,
    sweepIntervalMs: e.SWEEP_INTERVAL_MS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    logLevel: e.LOG_LEVEL,
    hubspotClientSecret: e.HUBSPOT_CLIENT_SECRET,
    webhookSecret: e.WEBHOOK_SECRET,
    slackSigningSecret: e.SLACK_SIGNING_SECRET,
    publicUrl: e.PUBLIC_URL,
    actions: { smtpUrl: e.SMTP_URL, mailFrom: e.MAIL_FROM, webhookUrl: e.ACTION_WEBHOOK_URL },
    briefs: { localTime: e.BRIEF_LOCAL_TIME, timezone: e.BRIEF_TIMEZONE, windowDays: e.BRIEF_WINDOW_DAYS, enabled: true },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    corsOrigins: e.CORS_ORIGINS,
    hubspotStageMap: e.HUBSPOT_STAGE_MAP,
    tokenTtlDays: e.TOKEN_TTL_DAYS,
    authFailuresPerMinute: e.AUTH_FAILURES_PER_MINUTE,
    webhookSecrets: webhookSecretsFrom(env),
    retention: { days: e.RETENTION_DAYS, intervalMs: e.RETENTION_INTERVAL_MS },
    memoryAnnIndex: e.MEMORY_ANN_INDEX,
  };
}
