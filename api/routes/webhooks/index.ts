// Webhooks from HubSpot (signature v3), Segment and any other source (HMAC-SHA256 of the body with
// the source's own secret, WEBHOOK_SECRET_<SOURCE>, else the shared WEBHOOK_SECRET: see secrets.ts).
// Public routes: the signature is the authentication. Routed by CRM id or domain.
import { stageOpts, type StageMapConfig } from '../../../agents/signals/parsers/crm-vocabulary.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { verifyHubspotSignatureV3 } from '../../../agents/signals/hubspot-signature.js';
import { appSecret, secretFor, verifyHmacHeader } from './secrets.js';
import { parseHubspot, parseSalesforce } from '../../../agents/signals/parsers/crm.js';
import { parseSegment } from '../../../agents/signals/parsers/segment.js';
import { detectFormat, parseUpload } from '../../../agents/signals/detect.js';
import { createIngest } from '../../ingest.js';
import { IngestReply } from '../../schemas/imports.js';
import { errorResponses } from '../../schemas/common.js';
import { HttpError } from '../../errors.js';
import calendarWebhook from './calendar.js';
import slackWebhook from './slack.js';

export interface WebhookOptions { ourDomains: string[]; hubspotClientSecret?: string; hubspotStageMap?: StageMapConfig; webhookSecret?: string; webhookSecrets?: Record<string, string>; slackSigningSecret?: string; publicUrl?: string }

declare module 'fastify' { interface FastifyRequest { rawBody?: string } }

const webhooks: FastifyPluginAsyncZod<WebhookOptions> = async (app, opts) => {
  // Signatures are over the exact bytes received: keep them beside the parsed body.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    (req as FastifyRequest).rawBody = String(body);
    try {
      done(null, JSON.parse(String(body)));
    } catch (err) {
      (err as { statusCode?: number }).statusCode = 400;
      done(err as Error, undefined);
    }
  });
  await app.register(calendarWebhook, { ourDomains: opts.ourDomains, webhookSecret: opts.webhookSecret, webhookSecrets: opts.webhookSecrets });
  await app.register(slackWebhook, { ourDomains: opts.ourDomains, slackSigningSecret: opts.slackSigningSecret ?? opts.webhookSecrets?.slack });
  const ingest = createIngest({ db: app.db, temporal: app.temporal, ourDomains: opts.ourDomains, log: app.log });
  const reply = { response: { 200: IngestReply, ...errorResponses, 503: errorResponses[400] }, security: [] };

  app.post('/v1/webhooks/hubspot', { config: { public: true }, schema: { summary: 'HubSpot webhook (signature v3)', body: z.unknown(), ...reply } }, async (req) => {
    const uri = `${opts.publicUrl ?? `${req.protocol}://${req.headers.host}`}${req.url}`;
    const check = verifyHubspotSignatureV3({
      method: req.method, uri, body: req.rawBody ?? '', secret: appSecret(opts, 'hubspot', opts.hubspotClientSecret, 'HUBSPOT_CLIENT_SECRET'),
      timestamp: req.headers['x-hubspot-request-timestamp'] as string | undefined, signature: req.headers['x-hubspot-signature-v3'] as string | undefined,
    });
    if (!check.ok) throw new HttpError(401, `HubSpot signature rejected: ${check.reason}`);
    return ingest([parseHubspot(req.body, stageOpts(opts.hubspotStageMap))], { source: 'hubspot' });
  });

  const signed = (req: FastifyRequest, source: string, o: { sha1?: boolean } = {}) => {
    const { secret, from } = secretFor(opts, source);
    if (!verifyHmacHeader(secret, req.rawBody ?? '', req.headers['x-signature'] as string | undefined, o)) {
      throw new HttpError(401, `X-Signature must be the hex HMAC-SHA256${o.sha1 ? ' (or HMAC-SHA1)' : ''} of the body with ${from}`);
    }
  };

  // Segment's webhook destination signs with HMAC-SHA1 of the body in X-Signature; SHA-256 is accepted too.
  app.post('/v1/webhooks/segment', { config: { public: true }, schema: { summary: 'Segment events (X-Signature: HMAC-SHA1 or HMAC-SHA256)', body: z.unknown(), ...reply } }, async (req) => {
    signed(req, 'segment', { sha1: true });
    return ingest([parseSegment(req.body)], { source: 'segment' });
  });

  app.post('/v1/webhooks/:source', { config: { public: true }, schema: { summary: 'Any JSON source the importer reads (X-Signature: HMAC-SHA256)', params: z.object({ source: z.string().regex(/^[a-z0-9_-]{1,40}$/) }), body: z.unknown(), ...reply } }, async (req) => {
    signed(req, req.params.source);
    const raw = Buffer.from(req.rawBody ?? '');
    const format = detectFormat(raw);
    if (!format) throw new HttpError(400, 'body: not a format the importer reads (Salesforce, HubSpot, Segment, Gong or signals JSON)');
    const parse = format === 'salesforce' ? (async function* () { yield parseSalesforce(req.body); })() : parseUpload(raw, format, { ourDomains: opts.ourDomains, ...stageOpts(opts.hubspotStageMap) });
    return { format, ...(await ingest(parse, { source: req.params.source })) };
  });
};
export default webhooks;
