// Calendar and chat import: parse and parse+store rates for an .ics calendar (weekly series with a
// moved occurrence, one-off meetings, a tenth cancelled) and a zipped Slack export (shared channels,
// threads, joins and bots), into an in-memory PGlite database through the product's ingest path.
// Workflows are not notified here: this measures reading and storing; processing is what the
// throughput and mbox benchmarks measure.
import { zipSync } from 'fflate';
import { openDatabase } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { insertAccount } from '../../db/queries/accounts.js';
import { createIngest } from '../../api/ingest.js';
import { parseIcs } from '../../agents/signals/parsers/ics.js';
import { parseSlackZip } from '../../agents/signals/parsers/slack-export.js';
import type { AccountsClient } from '../../workflows/client.js';
import { record } from './lib.js';

const DAY = 86_400_000;
const now = Date.now();
const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
const companies = Array.from({ length: 40 }, (_, i) => `customer${i}`);

export interface ImportSourcesOptions { series: number; meetings: number; days: number; perDay: number; smoke?: boolean; command: string }

// A rep's calendar export: 60 weekly series (each with an override), 1,500 one-off meetings over
// a year, a tenth cancelled.
function calendar(series: number, meetings: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//bench//EN'];
  for (let i = 0; i < series; i++) {
    const start = Math.floor((now - 120 * DAY + i * 3_600_000) / 60_000) * 60_000;
    const c = companies[i % companies.length];
    lines.push('BEGIN:VEVENT', `UID:series-${i}@ourco.io`, `DTSTAMP:${stamp(start - DAY)}`, `DTSTART:${stamp(start)}`, `DTEND:${stamp(start + 1_800_000)}`, 'RRULE:FREQ=WEEKLY',
      `SUMMARY:${c} weekly sync`, 'ORGANIZER:mailto:rep@ourco.io', `ATTENDEE;CN=Pat ${i}:mailto:pat${i}@${c}.com`, `ATTENDEE;CN=Lee ${i}:mailto:lee${i}@${c}.com`, 'ATTENDEE:mailto:rep@ourco.io', 'END:VEVENT');
    lines.push('BEGIN:VEVENT', `UID:series-${i}@ourco.io`, `RECURRENCE-ID:${stamp(start + 18 * 7 * DAY)}`, `DTSTAMP:${stamp(now - DAY)}`, 'SEQUENCE:1',
      `DTSTART:${stamp(start + 18 * 7 * DAY + 2 * DAY)}`, `DTEND:${stamp(start + 18 * 7 * DAY + 2 * DAY + 1_800_000)}`, `SUMMARY:${c} weekly sync (moved)`, `ATTENDEE:mailto:pat${i}@${c}.com`, 'END:VEVENT');
  }
  for (let i = 0; i < meetings; i++) {
    const start = Math.floor((now - 300 * DAY + i * 5 * 3_600_000) / 60_000) * 60_000;
    const c = companies[i % companies.length];
    lines.push('BEGIN:VEVENT', `UID:one-${i}@ourco.io`, `DTSTAMP:${stamp(start - 3 * DAY)}`, `DTSTART:${stamp(start)}`, `DTEND:${stamp(start + 2_700_000)}`,
      ...(i % 10 === 0 ? ['STATUS:CANCELLED', 'SEQUENCE:1'] : []), `SUMMARY:${c} call ${i}`, `DESCRIPTION:Agenda item one\\, item two\\n${'notes '.repeat(30)}`,
      'ORGANIZER:mailto:rep@ourco.io', `ATTENDEE;CN=Pat:mailto:pat@${c}.com`, 'ATTENDEE:mailto:rep@ourco.io', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

// A workspace export: 40 shared channels, 90 days, 30 messages a day each (108,000 messages), a few joins and bots.
function slackExport(days: number, perDay: number): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const enc = new TextEncoder();
  const users = Array.from({ length: 200 }, (_, i) => ({ id: `U${i}`, name: `user${i}`, profile: { real_name: `User ${i}`, email: `user${i}@${i < 20 ? 'ourco.io' : `${companies[i % 40]}.com`}` } }));
  files['export/users.json'] = enc.encode(JSON.stringify(users));
  files['export/channels.json'] = enc.encode(JSON.stringify(companies.map((c, i) => ({ id: `C${i}`, name: `ext-${c}` }))));
  for (let ci = 0; ci < companies.length; ci++) {
    for (let d = 0; d < days; d++) {
      const day = new Date(now - (days - d) * DAY);
      const msgs = Array.from({ length: perDay }, (_, k) => {
        const ts = `${Math.floor(day.getTime() / 1000) + k * 600}.${String(k).padStart(6, '0')}`;
        if (k === 0 && d % 10 === 0) return { type: 'message', subtype: 'channel_join', user: `U${k}`, text: `<@U${k}> has joined the channel`, ts };
        if (k === 1) return { type: 'message', subtype: 'bot_message', bot_id: 'B1', text: 'Build passed', ts };
        return { type: 'message', user: `U${(ci * 7 + k) % 200}`, text: `Message ${k} about the rollout, <@U${k}> can you check <https://example.com/x|the doc> &amp; reply?`, ts, ...(k % 5 === 0 ? { thread_ts: ts } : {}) };
      });
      files[`export/ext-${companies[ci]}/${day.toISOString().slice(0, 10)}.json`] = enc.encode(JSON.stringify(msgs, null, 2));
    }
  }
  return zipSync(files, { level: 6 });
}

function time<T>(f: () => T): [T, number] { const t = performance.now(); const r = f(); return [r, performance.now() - t]; }
async function timeAsync<T>(f: () => Promise<T>): Promise<[T, number]> { const t = performance.now(); const r = await f(); return [r, performance.now() - t]; }

export async function runImportSources(o: ImportSourcesOptions): Promise<string> {
  const ics = calendar(o.series, o.meetings);
  const zip = slackExport(o.days, o.perDay);
  const db = await openDatabase({ dataDir: 'memory://' } as Parameters<typeof openDatabase>[0]);
  await migrate(db.pool);
  for (const c of companies) await insertAccount(db.pool, { id: c, name: c, domains: [`${c}.com`], stage: 'customer' } as Parameters<typeof insertAccount>[1]);
  const temporal = { client: {}, settings: {}, close: async () => {} } as unknown as AccountsClient;
  const ingest = createIngest({ db: db.pool, temporal, ourDomains: ['ourco.io'] });

  const [icsResult, icsParseMs] = time(() => parseIcs(ics, { ourDomains: ['ourco.io'] }));
  const [icsStored, icsIngestMs] = await timeAsync(() => ingest([icsResult], { source: 'calendar' }));
  const icsLine = `ICS: ${(ics.length / 1e6).toFixed(2)} MB, ${icsResult.items.length} calendar signals (${icsResult.rejected.length} rejected); parse ${icsParseMs.toFixed(0)} ms = ${Math.round(icsResult.items.length / (icsParseMs / 1000))} signals/s; parse+store ${(icsParseMs + icsIngestMs).toFixed(0)} ms = ${Math.round(icsStored.stored / ((icsParseMs + icsIngestMs) / 1000))} signals/s (stored ${icsStored.stored})`;
  console.log(icsLine);
  const [slackResult, slackParseMs] = time(() => parseSlackZip(zip));
  const [slackStored, slackIngestMs] = await timeAsync(() => ingest([slackResult], { source: 'slack' }));
  const slackLine = `Slack export: ${(zip.length / 1e6).toFixed(2)} MB zip, ${slackResult.items.length} chat signals (${slackResult.rejected.length} rejected); unzip+parse ${slackParseMs.toFixed(0)} ms = ${Math.round(slackResult.items.length / (slackParseMs / 1000))} messages/s; parse+store ${(slackParseMs + slackIngestMs).toFixed(0)} ms = ${Math.round(slackStored.stored / ((slackParseMs + slackIngestMs) / 1000))} messages/s (stored ${slackStored.stored}, unmatched ${slackStored.unmatched})`;
  console.log(slackLine);
  await db.close();
  const figures = `${icsLine}; ${slackLine}`;
  record('calendar and chat import', o.command, figures, { smoke: o.smoke });
  return figures;
}
