// Forwards as older and other clients send them (classes found by running the importer over
// mime4j's and MIME-tools' test messages): a message/rfc822 part sent inline, whose text the MIME
// reader writes under the forward's own From/Subject/Date lines, and subjects marked as forwards the
// Netscape way ("[Fwd: …]") or the Pine way ("… (fwd)"). The forwarded text is what the sender
// passed on: it must be kept, not stripped as quoted reply history.
import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../../agents/signals/parsers/email.js';
import { as, opts } from './helpers.js';

const mail = async (raw: string) => {
  const r = await parseEmail(Buffer.from(raw.replace(/\n/g, '\r\n')), opts);
  expect(r.rejected).toEqual([]);
  return as('email', r.items[0]?.signal);
};
const head = (subject: string) => `From: Tariq Haddad <tariq@ourco.com>\nTo: lena@northwind-pharma.example\nDate: Thu, 05 Mar 2026 16:20:00 +0000\nSubject: ${subject}\nMIME-Version: 1.0\n`;

describe('a message/rfc822 part sent inline', () => {
  it('keeps the forwarded message, with its sender, even when the subject does not say Fwd', async () => {
    const m = await mail(`${head('Procurement update')}Content-Type: multipart/mixed; boundary="fw-1"

--fw-1
Content-Type: text/plain; charset=us-ascii

See what their buyer wrote.

--fw-1
Content-Type: message/rfc822
Content-Disposition: inline

From: Oskar Lind <oskar@northwind-pharma.example>
To: Tariq Haddad <tariq@ourco.com>
Date: Wed, 04 Mar 2026 09:00:00 +0000
Subject: Budget

Our budget for the renewal was cut by a third.

--fw-1--
`);
    expect(m.text).toContain('See what their buyer wrote.');
    expect(m.text).toContain('Our budget for the renewal was cut by a third.');
    expect(m.text).toMatch(/From: .*oskar@northwind-pharma\.example/);
  });
});

describe('forward subjects in older forms', () => {
  const outlookForward = (subject: string) => `${head(subject)}Content-Type: text/plain

Passing this on.

From: Oskar Lind [mailto:oskar@northwind-pharma.example]
Sent: Wednesday, March 4, 2026 9:00 AM
To: Tariq Haddad
Subject: Budget

Our budget for the renewal was cut by a third.
`;

  it('"[Fwd: …]" marks a forward: the header block and what follows are kept', async () => {
    expect((await mail(outlookForward('[Fwd: Budget]'))).text).toContain('Our budget for the renewal was cut by a third.');
  });

  it('"… (fwd)" marks a forward too; a reply to a forward is still a reply, its quoted header block gone', async () => {
    expect((await mail(outlookForward('Budget (fwd)'))).text).toContain('Our budget for the renewal was cut by a third.');
    expect((await mail(outlookForward('Re: [Fwd: Budget]'))).text).not.toContain('cut by a third');
  });
});
