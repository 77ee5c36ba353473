// POST /v1/webhooks/slack: the Slack Events API. Requests are signed (v0, SLACK_SIGNING_SECRET) and
// refused when older than five minutes; url_verification is answered with its challenge; each
// message event is one chat signal keyed by its event id, so Slack's retries are stored once.
// Channels are linked to accounts by settings.slackChannels; unlinked messages are kept as unmatched.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifySlackSignature } from '../../../agents/signals/slack-signature.js';
import { parseSlackEvent } from '../../../agents/signals/parsers/slack-events.js';
import { createIngest } from '../../ingest.js';
import { IngestReply } from '../../schemas/imports.js';
import { errorResponses } from '../../schemas/common.js';
import { HttpError } from '../../errors.js';

export interface SlackWebhookOptions { ourDomains: string[]; slackSigningSecret?: string }

const SlackReply = z.union([z.object({ challenge: z.string() }), IngestReply]);

const slackWebhook: FastifyPluginAsyncZod<SlackWebhookOptions> = async (app, opts) => {
  const ingest = createIngest({ db: app.db, temporal: app.temporal, ourDomains: opts.ourDomains, log: app.log });

  app.post('/v1/webhooks/slack', {
    config: { public: true },
    schema: { summary: 'Slack Events API (X-Slack-Signature v0)', body: z.unknown(), response: { 200: SlackReply, ...errorResponses, 503: errorResponses[400] }, security: [] },
  }, async (req) => {
    if (!opts.slackSigningSecret) throw new HttpError(503, 'SLACK_SIGNING_SECRET is not configured on this server');
    const check = verifySlackSignature({
      secret: opts.slackSigningSecret, body: req.rawBody ?? '',
      timestamp: req.headers['x-slack-request-timestamp'] as string | undefined, signature: req.headers['x-slack-signature'] as string | undefined,
    });
    if (!check.ok) throw new HttpError(401, `Slack signature rejected: ${check.reason}`);
    const delivery = parseSlackEvent(req.body);
    if (delivery.kind === 'challenge') return { challenge: delivery.challenge };
    return { format: 'slack_event', ...(await ingest([delivery.result], { source: 'slack' })) };
  });
};
export default slackWebhook;
