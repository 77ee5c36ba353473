// A CSM's daily brief as a Temporal Schedule on the real dev server: the schedule `brief:<csmId>`
// exists with the CSM's local time and zone, ensuring it again updates it in place, and triggering it
// stores one brief and sends one email to the CSM (on the loopback SMTP listener) and one webhook
// post. Re-running the delivery activities sends nothing more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestStack, eventually } from '../helpers/stack.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { seedBriefBook, type BriefBook } from '../helpers/briefs-seed.js';
import { ensureBriefSchedule, ensureBriefSchedules } from '../../workflows/schedules.js';
import { createBriefActivities } from '../../workflows/activities/briefs.js';
import { createSmtpSender } from '../../workflows/activities/actions/send-email.js';
import { getBriefByKey, latestCsmBrief, putBriefSettings, type Brief } from '../../db/queries/briefs.js';
import type { Stack } from '../../stack.js';

let stack: Stack;
let smtp: TestSmtp;
let hooks: Server;
let book: BriefBook;
const posted: Array<{ text: string }> = [];
const CARA_EMAIL = 'cara.brief@ourco.com';

beforeAll(async () => {
  smtp = await startTestSmtp();
  hooks = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => { data += c; });
    req.on('end', () => { posted.push(JSON.parse(data)); res.writeHead(200).end('ok'); });
  });
  await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', () => r()));
  stack = await startTestStack({ SMTP_URL: smtp.url, MAIL_FROM: 'briefs@ourco.com', ACTION_WEBHOOK_URL: `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook`, BRIEF_LOCAL_TIME: '06:45', BRIEF_TIMEZONE: 'Europe/Paris' });
  book = await seedBriefBook(stack.database.pool, { caraEmail: CARA_EMAIL });
}, 120_000);
afterAll(async () => {
  for (const id of [book?.ids.cara, book?.ids.cole]) await stack?.temporal.client.schedule.getHandle(`brief:${id}`).delete().catch(() => {});
  await stack?.stop();
  await smtp?.stop();
  await new Promise<void>((r) => (hooks ? hooks.close(() => r()) : r()));
});

describe('the brief schedule', () => {
  it("exists per CSM with their local time and IANA zone, and is updated in place", async () => {
    await putBriefSettings(stack.database.pool, book.ids.cara, { localTime: '07:30', timezone: 'America/New_York' });
    const results = await ensureBriefSchedules(stack.temporal, stack.database.pool, { localTime: '06:45', timezone: 'Europe/Paris', windowDays: 120, enabled: true });
    expect(results).toEqual(expect.arrayContaining([{ csmId: book.ids.cara, result: 'created' }, { csmId: book.ids.cole, result: 'created' }]));
    expect(results.some((r) => r.csmId === book.ids.rex || r.csmId === book.ids.mia)).toBe(false);

    const handle = stack.temporal.client.schedule.getHandle(`brief:${book.ids.cara}`);
    const d = await handle.describe();
    expect(d.spec.timezone).toBe('America/New_York');
    expect(d.spec.calendars).toHaveLength(1);
    expect(d.spec.calendars![0].hour).toEqual([{ start: 7, end: 7, step: 1 }]);
    expect(d.spec.calendars![0].minute).toEqual([{ start: 30, end: 30, step: 1 }]);
    expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: 'briefWorkflow', taskQueue: stack.temporal.settings.taskQueue, args: [{ csmId: book.ids.cara, deliver: true }] });
    // The next run is 07:30 in New York: 12:30 or 11:30 UTC by the season.
    const next = d.info.nextActionTimes[0];
    expect(['12:30', '11:30']).toContain(next.toISOString().slice(11, 16));

    // Cole has no settings: the configured defaults (BRIEF_LOCAL_TIME 06:45, BRIEF_TIMEZONE Europe/Paris).
    const cole = await stack.temporal.client.schedule.getHandle(`brief:${book.ids.cole}`).describe();
    expect(cole.spec.timezone).toBe('Europe/Paris');
    expect(['05:45', '04:45']).toContain(cole.info.nextActionTimes[0].toISOString().slice(11, 16));

    // Ensuring again is idempotent; a new time moves the same schedule.
    expect(await ensureBriefSchedule(stack.temporal, { csmId: book.ids.cara, localTime: '06:05', timezone: 'Asia/Tokyo' })).toBe('updated');
    const moved = await handle.describe();
    expect(moved.spec.timezone).toBe('Asia/Tokyo');
    expect(moved.spec.calendars![0].hour).toEqual([{ start: 6, end: 6, step: 1 }]);
    expect(moved.info.nextActionTimes[0].toISOString().slice(11, 16)).toBe('21:05');
  }, 60_000);

  it('triggered, it stores one brief and sends one email to the CSM and one webhook post', async () => {
    const handle = stack.temporal.client.schedule.getHandle(`brief:${book.ids.cara}`);
    await handle.trigger();
    const brief = await eventually(async () => {
      const b = await latestCsmBrief(stack.database.pool, book.ids.cara);
      return b?.delivery.emailSentAt && b.delivery.webhookPostedAt ? b : null;
    }, 60_000, 200) as Brief;
    expect(brief.key).toMatch(new RegExp(`^brief:${book.ids.cara}-`));
    expect(brief.content.accounts.map((a) => a.accountId)).toEqual([book.accounts.atRisk]);

    const mails = smtp.messages.filter((m) => m.envelope.to.includes(CARA_EMAIL));
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail.envelope.from).toBe('briefs@ourco.com');
    expect(mail.header('message-id')).toBe(`<brief-${brief.id}@ourco.com>`);
    expect(mail.parsed.subject).toMatch(/^Renewal risk brief \d{4}-\d\d-\d\d: 1 account at risk$/);
    expect(mail.parsed.text).toContain('Globex');
    expect(mail.parsed.text).toContain(book.signals.competitor);
    expect(mail.parsed.text).toContain('evaluating Initrode as a cheaper option');
    expect(mail.parsed.html).toContain('<h2>Renewal risk brief for Cara Csm');
    expect(posted).toHaveLength(1);
    expect(posted[0].text).toContain('1 account at risk');

    // The scheduled workflow finished with both deliveries reported.
    const result = await stack.temporal.client.workflow.getHandle(brief.key!).result();
    expect(result).toMatchObject({ briefId: brief.id, created: true, email: { outcome: 'sent' }, webhook: { outcome: 'sent' } });

    // A retried activity finds the stored brief and the sent marks: nothing new is stored or sent.
    const again = createBriefActivities({
      db: stack.database.pool, ourDomains: ['ourco.com'], smtp: createSmtpSender(smtp.url),
      actions: { smtpUrl: smtp.url, mailFrom: 'briefs@ourco.com', webhookUrl: `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook` },
    });
    expect(await again.composeAndStoreBrief({ key: brief.key!, csmId: book.ids.cara, asOf: new Date().toISOString() })).toEqual({ briefId: brief.id, created: false, accounts: 1 });
    expect((await again.emailBrief({ briefId: brief.id })).outcome).toBe('already');
    expect((await again.postBriefWebhook({ briefId: brief.id })).outcome).toBe('already');
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.messages.filter((m) => m.envelope.to.includes(CARA_EMAIL))).toHaveLength(1);
    expect(posted).toHaveLength(1);
    expect((await getBriefByKey(stack.database.pool, brief.key!))?.id).toBe(brief.id);
  }, 90_000);
});
