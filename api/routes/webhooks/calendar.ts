// POST /v1/webhooks/calendar: an iCalendar body (text/calendar: a calendar's feed, or an invitation,
// update or METHOD:CANCEL sent to a mailbox), signed like the other webhooks with X-Signature (hex
// HMAC-SHA256 of the body with WEBHOOK_SECRET_CALENDAR, else WEBHOOK_SECRET). Events are routed by
// their attendees' domains.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { secretFor, verifyHmacHeader, type WebhookSecretOptions } from './secrets.js';
import { parseIcs } from '../../../agents/signals/parsers/ics.js';
import { createIngest } from '../../ingest.js';
import { IngestReply } from '../../schemas/imports.js';
import { errorResponses } from '../../schemas/common.js';
import { HttpError } from '../../errors.js';

export interface CalendarWebhookOptions extends WebhookSecretOptions { ourDomains: string[] }

const calendarWebhook: FastifyPluginAsyncZod<CalendarWebhookOptions> = async (app, opts) => {
  for (const type of ['text/calendar', 'application/ics']) {
    app.addContentTypeParser(type, { parseAs: 'string' }, (req, body, done) => {
      (req as FastifyRequest).rawBody = String(body);
      done(null, String(body));
    });
  }
  const ingest = createIngest({ db: app.db, temporal: app.temporal, ourDomains: opts.ourDomains, log: app.log });

  app.post('/v1/webhooks/calendar', {
    config: { public: true },
    schema: { summary: 'iCalendar events (text/calendar; X-Signature: HMAC-SHA256)', consumes: ['text/calendar'], body: z.string(), response: { 200: IngestReply, ...errorResponses, 503: errorResponses[400] }, security: [] },
  }, async (req) => {
    const { secret, from } = secretFor(opts, 'calendar');
    if (!verifyHmacHeader(secret, req.rawBody ?? '', req.headers['x-signature'] as string | undefined)) {
      throw new HttpError(401, `X-Signature must be the hex HMAC-SHA256 of the body with ${from}`);
    }
    if (!/^\s*BEGIN:VCALENDAR/i.test(req.body.replace(/^\uFEFF/, ''))) throw new HttpError(400, 'body: not an iCalendar document (BEGIN:VCALENDAR)');
    return { format: 'ics', ...(await ingest([parseIcs(req.body, { ourDomains: opts.ourDomains })], { source: 'calendar' })) };
  });
};
export default calendarWebhook;
