// The stack that decisions act through: the test stack wired to a real SMTP listener and a webhook
// receiver on loopback, with a rep user (Sam) who owns the accounts a test creates.
import { expect } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestStack, auth } from './stack.js';
import { startTestSmtp, type TestSmtp } from './smtp.js';
import type { Stack } from '../../stack.js';

export interface WebhookPost { contentType: string | undefined; raw: string; body: unknown }

export interface ActingStack {
  stack: Stack;
  smtp: TestSmtp;
  /** The webhook receiver's URL (ACTION_WEBHOOK_URL). */
  webhookUrl: string;
  /** Every POST the webhook receiver got, in order. */
  posted: WebhookPost[];
  /** The rep's bearer header. */
  asRep(): { authorization: string };
  stop(): Promise<void>;
}

/** `env` adds to the stack's settings (SMTP_URL and ACTION_WEBHOOK_URL are set here). */
export async function startActingStack(env: Record<string, string> = {}, rep = { id: 'sam', name: 'Sam Patel', email: 'sam@ourco.com' }): Promise<ActingStack> {
  const smtp = await startTestSmtp();
  const posted: WebhookPost[] = [];
  const hooks = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => { raw += c; });
    req.on('end', () => {
      let body: unknown;
      try { body = JSON.parse(raw); } catch { body = undefined; }
      posted.push({ contentType: req.headers['content-type'], raw, body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', () => r()));
  const webhookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook`;
  const stack = await startTestStack({ ...env, SMTP_URL: smtp.url, ACTION_WEBHOOK_URL: webhookUrl });
  const res = await stack.app.inject({ method: 'POST', url: '/v1/users', headers: auth, payload: { ...rep, role: 'rep' } });
  expect(res.statusCode, res.body).toBe(201);
  const token = res.json().token as string;
  return {
    stack, smtp, posted, webhookUrl,
    asRep: () => ({ authorization: `Bearer ${token}` }),
    async stop() {
      await stack.stop();
      await smtp.stop();
      await new Promise<void>((r) => hooks.close(() => r()));
    },
  };
}
