// Sending one approved email through SMTP (nodemailer). What is sent is checked here again, not only
// at the API: a CR or LF in a header value would let a draft smuggle in headers (Bcc, a second body).
import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  body: string;
  /** An HTML alternative to the plain-text body (a brief's email). */
  html?: string;
  inReplyTo?: string | null;
  references?: string[];
}

/** An address we will hand to SMTP: one mailbox, no spaces, brackets, separators or line breaks. */
const ADDRESS = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\]+$/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/** Why this email must not be sent (as a sentence naming the field), or null when it may go. */
export function emailProblem(e: Pick<OutgoingEmail, 'from' | 'to' | 'subject' | 'messageId'> & { inReplyTo?: string | null; references?: string[] }): string | null {
  if (e.to.length === 0) return 'to: the draft has no recipient';
  for (const [field, value] of [['from', e.from], ...e.to.map((t) => ['to', t])] as Array<[string, string]>) {
    if (LINE_BREAK.test(value)) return `${field}: a line break in an address (header injection)`;
    if (!ADDRESS.test(value)) return `${field}: "${value}" is not an email address`;
  }
  if (LINE_BREAK.test(e.subject)) return 'subject: a line break in the subject (header injection)';
  for (const [field, value] of [['messageId', e.messageId], ['inReplyTo', e.inReplyTo ?? ''], ...(e.references ?? []).map((r) => ['references', r])] as Array<[string, string]>) {
    if (LINE_BREAK.test(value)) return `${field}: a line break in a message id (header injection)`;
  }
  return null;
}

/** A message id as a header wants it: in angle brackets. */
export function bracketed(id: string): string {
  const bare = id.trim().replace(/^<|>$/g, '');
  return `<${bare}>`;
}

export interface SmtpSender {
  send(e: OutgoingEmail): Promise<{ accepted: string[]; response: string }>;
  close(): void;
}

/** One pooled-less transport per worker; timeouts short enough to fail an attempt well inside the activity's. */
export function createSmtpSender(smtpUrl: string): SmtpSender {
  const transport = nodemailer.createTransport({
    url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
    // Plain text drafts only: nothing in a message may make the worker read a file or fetch a URL.
    disableFileAccess: true, disableUrlAccess: true,
  });
  return {
    async send(e) {
      const problem = emailProblem(e);
      if (problem) throw new Error(problem);
      const info = await transport.sendMail({
        messageId: e.messageId,
        from: e.from,
        to: e.to,
        subject: e.subject,
        text: e.body,
        ...(e.html ? { html: e.html } : {}),
        ...(e.inReplyTo ? { inReplyTo: e.inReplyTo } : {}),
        ...(e.references?.length ? { references: e.references } : {}),
      });
      return { accepted: (info.accepted ?? []).map(String), response: String(info.response ?? '') };
    },
    close: () => transport.close(),
  };
}
