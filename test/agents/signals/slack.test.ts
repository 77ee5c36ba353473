// Slack as a source: an export (folder or .zip) read into chat signals, Events API payloads, and
// the v0 request signature.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isSlackExport, parseSlackExport, parseSlackZip, type ExportFiles } from '../../../agents/signals/parsers/slack-export.js';
import { parseSlackEvent } from '../../../agents/signals/parsers/slack-events.js';
import { slackSignatureV0, verifySlackSignature } from '../../../agents/signals/slack-signature.js';
import { detectFormat } from '../../../agents/signals/detect.js';
import { as } from './helpers.js';
import { zipSlackExportFolder } from '../../../api/slack-export-folder.js';

const dir = fileURLToPath(new URL('../../fixtures/signals/slack/export', import.meta.url));

function folder(root: string, prefix = ''): ExportFiles {
  const files: ExportFiles = new Map();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(prefix + relative(root, p).split('\\').join('/'), readFileSync(p));
    }
  };
  walk(root);
  return files;
}

describe('Slack export', () => {
  const r = parseSlackExport(folder(dir));
  const chats = r.items.map((i) => as('chat', i.signal));

  it('keeps what people said and leaves out joins, topics and bots', () => {
    expect(chats.map((c) => c.text)).toEqual([
      "Morning! The SSO cutover is blocked on our side & IT says it's the SAML cert. Can @Dana Reyes send the metadata for our workspace?",
      'On it, sending today.',
      "Security review notes are in #brightwell-shared's canvas, see you Thursday",
      'Got it, thanks. We are good to go for the 40 extra seats.',
      'Welcome to the shared channel, Northwind team!',
      'Lunch anyone?',
    ]);
    expect(r.rejected).toEqual([]);
  });

  it('resolves authors through users.json: email when the profile has one, the name otherwise', () => {
    expect(chats[0].author).toEqual({ email: 'priya.natarajan@brightwell.health', name: 'Priya Natarajan' });
    expect(chats[2].author).toEqual({ name: 'Marcus' });
  });

  it('dates messages by their ts, threads replies, keys each message by channel and ts', () => {
    expect(chats[0].occurredAt).toBe('2026-03-02T09:15:00.000Z');
    expect(chats[1].threadId).toBe(chats[0].threadId);
    expect(chats[1].threadId).toBe('slack:C100SHARED:1772442900.000200');
    expect(chats[3].externalId).toBe('slack:C100SHARED:1772546520.000200');
    expect(chats[3].channel).toBe('#brightwell-shared');
    expect(chats.every((c) => c.source === 'slack')).toBe(true);
  });

  it('routes each message by its channel id and name', () => {
    expect(r.items[0].route).toEqual({ channelName: '#brightwell-shared', channelId: 'C100SHARED' });
    expect(r.items[4].route).toEqual({ channelName: '#ext-northwind', channelId: 'C200NW' });
  });

  it('reads the same export zipped (a folder inside the archive), and the zip is detected from its bytes', () => {
    const zip = Buffer.from(zipSync(Object.fromEntries(folder(dir, 'Ourco Slack export Mar 1 2026 - Mar 3 2026/'))));
    expect(detectFormat(zip, 'upload.bin')).toBe('slack_export');
    expect(parseSlackZip(zip).items.map((i) => i.signal)).toEqual(r.items.map((i) => i.signal));
    expect(isSlackExport(folder(dir).keys())).toBe(true);
  });

  it('zips an unpacked export folder for `npm run import`, and leaves other folders alone', () => {
    const zip = zipSlackExportFolder(dir);
    expect(zip).toMatch(/\.zip$/);
    expect(parseSlackZip(readFileSync(zip!)).items.map((i) => i.signal)).toEqual(r.items.map((i) => i.signal));
    expect(zipSlackExportFolder(fileURLToPath(new URL('../../fixtures/signals/ics', import.meta.url)))).toBeNull();
  });

  it('rejects what is not an export with a reason', () => {
    expect(parseSlackZip(Buffer.from(zipSync({ 'notes/readme.json': new TextEncoder().encode('[]') }))).rejected[0].reason).toMatch(/not a Slack export/);
    expect(parseSlackZip(Buffer.from('PK\x03\x04 not really a zip')).rejected[0].reason).toMatch(/not a readable zip/);
  });
});

describe('Slack Events API payloads', () => {
  const callback = (event: Record<string, unknown>, id = 'Ev0PV52K21') => ({ token: 'x', team_id: 'T1', type: 'event_callback', event_id: id, event_time: 1772442900, event });

  it('answers url_verification with its challenge', () => {
    expect(parseSlackEvent({ type: 'url_verification', token: 'x', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' }))
      .toEqual({ kind: 'challenge', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('a message is one chat signal keyed by the event id, the author from the event profile', () => {
    const d = parseSlackEvent(callback({ type: 'message', channel: 'C100SHARED', user: 'U02PRIYA', text: 'Can we move Thursday to 3pm?', ts: '1772442900.000200', event_ts: '1772442900.000200',
      user_profile: { real_name: 'Priya Natarajan', display_name: 'Priya' } }));
    expect(d.kind).toBe('event');
    if (d.kind !== 'event') return;
    const c = as('chat', d.result.items[0].signal);
    expect(c).toMatchObject({ externalId: 'Ev0PV52K21', source: 'slack', channel: 'C100SHARED', author: { name: 'Priya Natarajan' }, text: 'Can we move Thursday to 3pm?', occurredAt: '2026-03-02T09:15:00.000Z' });
    expect(d.result.items[0].route).toEqual({ channelId: 'C100SHARED' });
  });

  it('an edit is stored as the new words at the edit time; an edit that changed nothing, joins, bots and deletions are skipped', () => {
    const edit = parseSlackEvent(callback({ type: 'message', subtype: 'message_changed', channel: 'C1', event_ts: '1772443000.0001', ts: '1772443000.0001',
      message: { type: 'message', user: 'U1', text: 'We need 45 seats, not 40', ts: '1772442900.000200', edited: { user: 'U1', ts: '1772443000.000000' } },
      previous_message: { type: 'message', user: 'U1', text: 'We need 40 seats', ts: '1772442900.000200' } }, 'Ev2'));
    expect(edit.kind === 'event' && as('chat', edit.result.items[0].signal)).toMatchObject({ text: 'We need 45 seats, not 40', occurredAt: '2026-03-02T09:16:40.000Z', externalId: 'Ev2' });
    const skipped = [
      callback({ type: 'message', subtype: 'message_changed', channel: 'C1', ts: '1', message: { text: 'same', user: 'U1' }, previous_message: { text: 'same', user: 'U1' } }, 'Ev3'),
      callback({ type: 'message', subtype: 'channel_join', channel: 'C1', user: 'U1', text: '<@U1> has joined the channel', ts: '1772443000.1' }, 'Ev4'),
      callback({ type: 'message', subtype: 'bot_message', bot_id: 'B1', channel: 'C1', text: 'build passed', ts: '1772443000.2' }, 'Ev5'),
      callback({ type: 'message', subtype: 'message_deleted', channel: 'C1', ts: '1772443000.3', deleted_ts: '1772442900.000200' }, 'Ev6'),
      callback({ type: 'reaction_added', user: 'U1', reaction: 'thumbsup' }, 'Ev7'),
    ].map((b) => parseSlackEvent(b));
    for (const d of skipped) {
      expect(d.kind === 'event' && d.result.items).toEqual([]);
      expect(d.kind === 'event' && d.result.rejected[0].reason).toBeTruthy();
    }
  });
});

describe('Slack request signature (v0)', () => {
  const secret = '8f742231b10e8888abcd99yyyzzz85a5';
  const body = 'token=x&team_id=T1&type=event_callback';
  const now = Date.parse('2026-03-02T09:15:00Z');
  const ts = String(now / 1000);

  it('accepts the right signature and refuses a wrong one, a missing one and a stale or future timestamp', () => {
    const sig = slackSignatureV0(secret, ts, body);
    expect(sig).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(verifySlackSignature({ secret, timestamp: ts, signature: sig, body, now })).toEqual({ ok: true });
    expect(verifySlackSignature({ secret, timestamp: ts, signature: sig, body: `${body}&x=1`, now }).ok).toBe(false);
    expect(verifySlackSignature({ secret: 'other', timestamp: ts, signature: sig, body, now }).ok).toBe(false);
    expect(verifySlackSignature({ secret, timestamp: ts, signature: undefined, body, now }).ok).toBe(false);
    const stale = verifySlackSignature({ secret, timestamp: ts, signature: sig, body, now: now + 301_000 });
    expect(stale).toEqual({ ok: false, reason: expect.stringMatching(/stale/) });
    expect(verifySlackSignature({ secret, timestamp: ts, signature: sig, body, now: now + 299_000 }).ok).toBe(true);
    expect(verifySlackSignature({ secret, timestamp: ts, signature: sig, body, now: now - 301_000 }).ok).toBe(false);
  });
});
