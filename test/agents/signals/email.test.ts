import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../../agents/signals/parsers/email.js';
import { SignalInput } from '../../../agents/signals/schema.js';
import { as, fixture, opts } from './helpers.js';

const message = (headers: string, body = 'Hello.') => `${headers.trim()}\n\n${body}\n`;
const base = 'From: Dana Ruiz <dana@acmefreight.com>\nTo: sam@ourco.com\nSubject: Hi\nDate: Mon, 16 Nov 2026 10:00:00 +0000';
const email = async (raw: Buffer | string, o = opts) => {
  const r = await parseEmail(raw, o);
  expect(r.rejected).toEqual([]);
  expect(r.items).toHaveLength(1);
  return { ...r.items[0], signal: as('email', r.items[0].signal) };
};

describe('parseEmail: MIME', () => {
  it('reads a multipart/alternative message with a forwarded thread and an attachment', async () => {
    const { signal: s, route, raw } = await email(fixture('forwarded-thread.eml'));
    expect(s).toMatchObject({
      kind: 'email', occurredAt: '2026-11-17T09:15:00.000Z', externalId: '<CAF-7781@mail.acmefreight.com>', source: 'email',
      from: { email: 'dana@acmefreight.com', name: 'Dana Ruiz' }, to: [{ email: 'sam@ourco.com', name: 'Sam Patel' }],
      cc: [{ email: 'li@acmefreight.com', name: 'Li Wen' }], subject: 'Fwd: Security review timeline',
      threadId: '<thread-root-42@ourco.com>', inReplyTo: '<thread-root-42@ourco.com>', direction: 'inbound',
    });
    expect(s.attachments).toEqual([{ name: 'review-board.pdf', size: 52, contentType: 'application/pdf' }]);
    expect(s.text).toMatch(/^Hi Sam,\n\nForwarding what our security team sent\. Could you get us the SOC 2 report by Friday\?/);
    expect(s.text).toMatch(/---------- Forwarded message ---------\nFrom: Ken Ito <ken@acmefreight\.com>/); // the forward is content
    expect(s.text).toMatch(/We need the vendor questionnaire before the review board on the 27th\.$/);
    expect(s.text).not.toMatch(/Happy to help|wrote:/); // the quoted reply inside it is not
    expect(raw).toMatch(/> Happy to help with the review\./); // the full text travels beside the signal
    expect(route).toEqual({ email: 'dana@acmefreight.com', domain: 'acmefreight.com' });
    expect(SignalInput.parse(s)).toEqual(s);
  });

  it('keeps an Outlook "FW:" forward and cuts the older history under it', async () => {
    const { signal: s, route } = await email(fixture('outlook-forward.eml'));
    expect(s.text).toBe([
      'Priya - see Dana\'s note below, can you own the order form?', '',
      '________________________________', 'From: Dana Ruiz <dana@acmefreight.com>', 'Sent: Wednesday, November 18, 2026 4:02 PM',
      'To: Sam Patel <sam@ourco.com>', 'Subject: Renewal paperwork', '',
      'Hi Sam, procurement needs the renewal order form by December 1st.', '', 'Thanks,', 'Dana',
    ].join('\n'));
    expect(s.direction).toBe('outbound');
    expect(route).toBeUndefined(); // everyone on it is at our side: nothing to route by
  });

  it('strips a Gmail reply whose "On … wrote:" line is wrapped, and threads it by References', async () => {
    const { signal: s, route } = await email(fixture('reply-gmail.eml'));
    expect(s.text).toBe('Dana, the SOC 2 report is attached to the portal; I will send the\nquestionnaire answers by Wednesday.');
    expect(s).toMatchObject({ threadId: '<thread-root-42@ourco.com>', inReplyTo: '<CAF-7781@mail.acmefreight.com>', direction: 'outbound', occurredAt: '2026-11-19T16:30:00.000Z' });
    expect(route).toEqual({ email: 'dana@acmefreight.com', domain: 'acmefreight.com' });
  });

  it('keeps a message forwarded as an attachment (message/rfc822)', async () => {
    const { signal: s } = await email(fixture('forward-attached.eml'));
    expect(s.text).toMatch(/^Good news below\.\n\n---------- Forwarded message ---------\nFrom: Maria Lopez <maria@acmefreight\.com>\nDate: 2026-11-19T17:00:00\.000Z\nSubject: Budget approval\n\nThe CFO approved the budget for the 300-seat expansion\.$/);
    expect(s.attachments).toEqual([{ name: 'Budget approval.eml', size: expect.any(Number), contentType: 'message/rfc822' }]);
  });

  it('extracts the text of an HTML-only newsletter and flags it', async () => {
    const { signal: s } = await email(fixture('newsletter.eml'));
    expect(s.auto).toBe('newsletter');
    expect(s.text).toMatch(/New depots in Leeds/i);
    expect(s.text).toMatch(/We are expanding to two new depots this winter\./);
    expect(s.text).not.toMatch(/<\/?(p|h1|body)>/);
  });

  it('decodes a declared ISO-8859-1 charset in headers and body', async () => {
    const raw = fixture('latin1.eml');
    expect(raw.includes(Buffer.from('Ren\xe9', 'latin1'))).toBe(true); // the fixture really is 8-bit latin1
    const { signal: s } = await email(raw);
    expect(s.from).toEqual({ email: 'rene@acmefreight.com', name: 'René François' });
    expect(s.subject).toBe('Réunion de renouvellement');
    expect(s.text).toBe('Bonjour Sam, pouvons-nous parler du renouvellement mardi ? Merci, René');
  });

  it('records attachments by name, size and type only; inline images are not attachments', async () => {
    const raw = message(`${base}\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="m"`, [
      '--m', 'Content-Type: multipart/related; boundary="r"', '', '--r', 'Content-Type: text/html', '', '<p>See the logo <img src="cid:logo1"></p>',
      '--r', 'Content-Type: image/png', 'Content-ID: <logo1>', 'Content-Disposition: inline', 'Content-Transfer-Encoding: base64', '', 'iVBORw0KGgo=', '--r--',
      '--m', 'Content-Type: text/csv; name="seats.csv"', 'Content-Disposition: attachment; filename="seats.csv"', '', 'team,seats', 'ops,120', '--m--',
    ].join('\n'));
    const { signal: s } = await email(raw);
    expect(s.attachments).toEqual([{ name: 'seats.csv', size: 18, contentType: 'text/csv' }]);
    expect(JSON.stringify(s)).not.toMatch(/ops,120/);
  });
});

describe('parseEmail: automated mail', () => {
  it('an out-of-office auto-reply (Auto-Submitted)', async () => {
    expect((await email(fixture('out-of-office.eml'))).signal.auto).toBe('auto_reply');
  });

  it.each([
    ['X-Autoreply: yes', 'Hi', 'auto_reply'],
    ['Precedence: auto_reply', 'Hi', 'auto_reply'],
    ['X-Mailer: Outlook', 'Out of Office: Dana Ruiz', 'auto_reply'],
    ['X-Mailer: Outlook', 'Automatic reply: Proposal', 'auto_reply'],
    ['Precedence: bulk', 'Product update', 'newsletter'],
    ['List-Unsubscribe: <https://acmefreight.com/u/1>', 'Digest', 'newsletter'],
    ['Auto-Submitted: no', 'Hi', undefined],
    ['X-Mailer: Outlook', 'Re: out of office plans for the holidays', undefined],
    ['X-Mailer: Outlook', 'Out of office coverage for December', undefined],
  ])('%s / subject "%s" → %s', async (header, subject, auto) => {
    const { signal: s } = await email(message(`${base.replace('Subject: Hi', `Subject: ${subject}`)}\n${header}`));
    expect(s.auto).toBe(auto);
  });

  it('a bounce (DSN from the mailer daemon): its report is kept, the returned message is not read as a forward', async () => {
    const { signal: s } = await email(fixture('bounce.eml'));
    expect(s.auto).toBe('bounce');
    expect(s.text).toMatch(/ken@acmefreight\.com could not be delivered/);
    expect(s.text).not.toMatch(/any update on the questionnaire/);
  });
});

describe('parseEmail: direction, identity, threading', () => {
  const from = (addr: string) => message(base.replace('Dana Ruiz <dana@acmefreight.com>', addr));
  it.each([
    ['dana@acmefreight.com', opts, 'inbound'],
    ['ops@eu.acmefreight.com', opts, 'inbound'], // a subdomain of the account's domain
    ['sam@ourco.com', opts, 'outbound'],
    ['sam@ourco.com', { ourDomains: ['ourco.com'] }, 'outbound'],
    ['partner@reseller.example', opts, undefined], // neither side: left for the importer to decide
    ['dana@acmefreight.com', {}, undefined],
  ])('from %s with %j → %s', async (addr, o, direction) => {
    expect((await email(from(addr), o)).signal.direction).toBe(direction);
  });

  it('the same Message-ID gives the same idempotency key, whatever the bytes', async () => {
    const a = await email(fixture('forwarded-thread.eml'));
    const b = await email(fixture('forwarded-thread.eml').toString('utf8').replace(/\n/g, '\r\n').replace('Subject: Fwd:', 'X-Archived: yes\r\nSubject: Fwd:'));
    expect(b.signal.externalId).toBe(a.signal.externalId);
    expect(a.signal.source).toBe('email');
  });

  it('without a Message-ID the key is a digest of sender, time, subject and body', async () => {
    const one = await email(message(base, 'First.'));
    const again = await email(message(base, 'First.'));
    const other = await email(message(base, 'Second.'));
    expect(one.signal.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(again.signal.externalId).toBe(one.signal.externalId);
    expect(other.signal.externalId).not.toBe(one.signal.externalId);
  });

  it('threads by References[0], else In-Reply-To, else its own Message-ID', async () => {
    expect((await email(message(`${base}\nMessage-ID: <c@x>\nIn-Reply-To: <b@x>\nReferences: <a@x> <b@x>`))).signal).toMatchObject({ threadId: '<a@x>', inReplyTo: '<b@x>' });
    expect((await email(message(`${base}\nMessage-ID: <c@x>\nIn-Reply-To: <b@x>`))).signal).toMatchObject({ threadId: '<b@x>', inReplyTo: '<b@x>' });
    const own = (await email(message(`${base}\nMessage-ID: <c@x>`))).signal;
    expect(own.threadId).toBe('<c@x>');
    expect(own.inReplyTo).toBeUndefined();
  });

  it('drops recipients that are not addresses (groups, garbage) instead of rejecting the message', async () => {
    const { signal: s } = await email(message(base.replace('To: sam@ourco.com', 'To: undisclosed-recipients:;, Sam <sam@ourco.com>, "Team" <not-an-address>\nCc: Ops: li@acmefreight.com, Ken <ken@acmefreight.com>;')));
    expect(s.to).toEqual([{ email: 'sam@ourco.com', name: 'Sam' }]);
    expect(s.cc).toEqual([{ email: 'li@acmefreight.com' }, { email: 'ken@acmefreight.com', name: 'Ken' }]);
  });
});

describe('parseEmail: rejections and dates', () => {
  it('no Date header: the earliest trusted Received hop is the time (when the message left its sender)', async () => {
    const raw = message(`${base.replace(/\nDate: .*/, '')}\nReceived: from mx.acmefreight.com by mx.ourco.com; Tue, 17 Nov 2026 10:15:00 +0100\nReceived: from laptop by mx.acmefreight.com; Tue, 17 Nov 2026 10:14:58 +0100`);
    expect((await email(raw)).signal).toMatchObject({ occurredAt: '2026-11-17T09:14:58.000Z', dateSource: 'received' });
    // A hop dated far out of line with the newest (a forged or broken header) is not trusted.
    const odd = message(`${base.replace(/\nDate: .*/, '')}\nReceived: from mx.acmefreight.com by mx.ourco.com; Tue, 17 Nov 2026 10:15:00 +0100\nReceived: from laptop by mx.acmefreight.com; Sat, 01 Jan 2000 00:00:00 +0000`);
    expect((await email(odd)).signal.occurredAt).toBe('2026-11-17T09:15:00.000Z');
  });

  it('an unreadable Date with nothing to fall back on is rejected (never stamped with the current time)', async () => {
    const r = await parseEmail(message(base.replace(/Date: .*/, 'Date: yesterday-ish')), opts, { position: 'message 7 (line 300)' });
    expect(r).toEqual({ items: [], rejected: [{ position: 'message 7 (line 300)', reason: 'unreadable Date header "yesterday-ish"' }] });
    expect((await parseEmail(message(base.replace(/\nDate: .*/, '')))).rejected[0].reason).toBe('no Date header');
  });

  it('a message with no From address is rejected with its position', async () => {
    expect(await parseEmail('just some text\n')).toEqual({ items: [], rejected: [{ position: 'message 1', reason: 'no From address' }] });
  });

  it('over-long text is cut to the schema limit rather than rejected', async () => {
    const { signal: s } = await email(message(base, 'x'.repeat(250_000)));
    expect(s.text).toHaveLength(200_000);
  });
});
