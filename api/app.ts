// The Fastify app as a plugin-assembled instance: external plugins, then decorators, then routes.
// server.ts is the only file that listens; tests build the app and `inject`.
import type { StageMapConfig } from '../agents/signals/parsers/crm-vocabulary.js';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/connection.js';
import type { Config } from '../config.js';
import { TemporalUnavailableError, type AccountsClient } from '../workflows/client.js';
import securityPlugin from './plugins/security.js';
import dbPlugin from './plugins/db.js';
import temporalPlugin from './plugins/temporal.js';
import authPlugin from './plugins/auth.js';
import openapiPlugin from './plugins/openapi.js';
import staticPlugin from './plugins/static.js';
import health from './routes/health/index.js';
import accounts from './routes/accounts/index.js';
import signals from './routes/signals/index.js';
import recommendations from './routes/recommendations/index.js';
import users from './routes/users/index.js';
import me from './routes/me/index.js';
import stats from './routes/stats/index.js';
import imports from './routes/imports/index.js';
import webhooks from './routes/webhooks/index.js';
import briefs from './routes/briefs/index.js';
import contacts from './routes/contacts/index.js';
import accountExport from './routes/accounts/export.js';
import { DEFAULT_BRIEF_SETTINGS, type BriefSettings } from '../db/queries/briefs.js';
import { HttpError } from './errors.js';
import { rejectNul } from './nul-guard.js';

export interface AppDeps {
  db: Db;
  temporal: AccountsClient;
  adminToken?: string;
  ourDomains?: string[];
  bodyLimitBytes?: number;
  logLevel?: string;
  maxUploadBytes?: number;
  hubspotClientSecret?: string;
  /** HubSpot custom pipeline stage ids → stages (HUBSPOT_STAGE_MAP), for imports and webhooks. */
  hubspotStageMap?: StageMapConfig;
  webhookSecret?: string;
  slackSigningSecret?: string;
  /** The URL HubSpot calls (its signature covers it); default: from the Host header. */
  publicUrl?: string;
  /** Requests per minute per user, else per IP (api/plugins/security.ts); unset or 0: no limit. */
  rateLimitPerMinute?: number;
  /** Browser origins allowed by CORS; unset or empty: closed. */
  corsOrigins?: string[];
  /** CSM briefs: the settings of a CSM who has none (app.briefDefaults). */
  briefDefaults?: BriefSettings;
  /** Days a newly issued API token is good for (TOKEN_TTL_DAYS); unset or 0: no expiry. */
  tokenTtlDays?: number;
  /** Bad bearer tokens per client address per minute before 429 (AUTH_FAILURES_PER_MINUTE); default 20, 0: no limit. */
  authFailuresPerMinute?: number;
  /** Per-source webhook secrets (WEBHOOK_SECRET_<SOURCE>), each in place of the shared webhookSecret for its source. */
  webhookSecrets?: Record<string, string>;
}

/**
 * The app's settings from the product's configuration: one mapping for `npm start` (stack.ts) and the
 * production API (api/server.ts), so a setting cannot work under one and be ignored under the other.
 */
export function appSettings(config: Config): Omit<AppDeps, 'db' | 'temporal'> {
  return {
    adminToken: config.adminToken, ourDomains: config.ourDomains, bodyLimitBytes: config.bodyLimitBytes, logLevel: config.logLevel,
    hubspotClientSecret: config.hubspotClientSecret, hubspotStageMap: config.hubspotStageMap,
    webhookSecret: config.webhookSecret, webhookSecrets: config.webhookSecrets, slackSigningSecret: config.slackSigningSecret, publicUrl: config.publicUrl,
    rateLimitPerMinute: config.rateLimitPerMinute, corsOrigins: config.corsOrigins, briefDefaults: config.briefs,
    tokenTtlDays: config.tokenTtlDays, authFailuresPerMinute: config.authFailuresPerMinute,
  };
}

interface Issue { path: string; message: string }

function zodIssues(err: FastifyError): Issue[] {
  return (err.validation ?? []).map((v) => {
    const params = v.params as { issue?: { path?: PropertyKey[]; message?: string } } | undefined;
    const path = (params?.issue?.path ?? v.instancePath.split('/').filter(Boolean)).map(String).join('.');
    return { path, message: params?.issue?.message ?? v.message ?? 'invalid' };
  });
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: deps.logLevel ?? 'info' },
    bodyLimit: deps.bodyLimitBytes ?? 1_048_576,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const issues = zodIssues(err).map((i) => ({ ...i, path: i.path ? `${where}.${i.path}` : where }));
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues });
    }
    if (err instanceof TemporalUnavailableError) {
      return reply.code(503).header('retry-after', '5').send({ statusCode: 503, error: httpName(503), message: err.message });
    }
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send({ statusCode: err.statusCode, error: httpName(err.statusCode), message: err.message });
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status < 500) {
      const message = err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError ? `body: malformed JSON (${err.message})`
        : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? `content-type: ${req.headers['content-type'] || '(none)'} is not one this route reads (${(req.routeOptions.schema?.consumes as string[] | undefined)?.join(', ') ?? 'application/json'})`
        : err.message;
      return reply.code(status).send({ statusCode: status, error: httpName(status), message });
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ statusCode: 500, error: 'Internal Server Error', message: 'something went wrong; it has been logged' });
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${req.method} ${req.url.split('?')[0]}` }));

  // A NUL or an unpaired surrogate in a parameter or a JSON body is refused by name before any handler stores it.
  app.addHook('preHandler', rejectNul);
  await app.register(securityPlugin, { rateLimitPerMinute: deps.rateLimitPerMinute, corsOrigins: deps.corsOrigins });
  await app.register(openapiPlugin);
  await app.register(dbPlugin, { db: deps.db });
  app.decorate('briefDefaults', deps.briefDefaults ?? DEFAULT_BRIEF_SETTINGS);
  await app.register(temporalPlugin, { temporal: deps.temporal });
  await app.register(authPlugin, { adminToken: deps.adminToken, failedPerMinute: deps.authFailuresPerMinute });
  await app.register(staticPlugin);

  await app.register(health);
  await app.register(users, { tokenTtlDays: deps.tokenTtlDays });
  await app.register(me);
  await app.register(accounts);
  await app.register(signals, { ourDomains: deps.ourDomains ?? [] });
  await app.register(recommendations);
  await app.register(briefs);
  await app.register(contacts);
  await app.register(accountExport);
  await app.register(stats);
  await app.register(imports, { ourDomains: deps.ourDomains ?? [], maxUploadBytes: deps.maxUploadBytes ?? 1024 ** 3, hubspotStageMap: deps.hubspotStageMap });
  await app.register(webhooks, { ourDomains: deps.ourDomains ?? [], hubspotClientSecret: deps.hubspotClientSecret, hubspotStageMap: deps.hubspotStageMap, webhookSecret: deps.webhookSecret, webhookSecrets: deps.webhookSecrets, slackSigningSecret: deps.slackSigningSecret, publicUrl: deps.publicUrl });
  return app;
}

function httpName(status: number): string {
  return ({ 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 503: 'Service Unavailable' } as Record<number, string>)[status] ?? 'Error';
}
