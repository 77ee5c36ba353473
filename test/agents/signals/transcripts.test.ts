import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { parseGong, parseSrt, parseVtt } from '../../../agents/signals/parsers/transcripts.js';
import { as, fixture, json } from './helpers.js';

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

describe('parseVtt', () => {
  it('speakers from <v> tags, consecutive cues of one speaker merged, metadata from the options', () => {
    const content = fixture('three-voices.vtt');
    const r = parseVtt(content, { title: 'QBR', occurredAt: '2026-11-18T15:00:00Z' });
    expect(r.rejected).toEqual([]);
    const s = as('meeting', r.items[0].signal);
    expect(s).toMatchObject({ kind: 'meeting', title: 'QBR', occurredAt: '2026-11-18T15:00:00Z', source: 'vtt', externalId: sha256(content), durationSec: 19 });
    expect(s.attendees).toEqual([{ name: 'Riley Chen' }, { name: 'Priya Raman' }, { name: 'Tom Becker' }]);
    expect(s.transcript).toEqual([
      { speaker: 'Riley Chen', text: 'Thanks for joining the quarterly review.', startSec: 1 },
      { speaker: 'Priya Raman', text: "Happy to. Adoption looks strong in clinical ops. We're launching a new initiative for our outpatient clinics next quarter.", startSec: 5.5 },
      { speaker: 'Tom Becker', text: 'The nurses would love the same scheduling view.', startSec: 15 },
    ]);
  });

  it('the same file gives the same key; an explicit externalId wins', () => {
    const content = fixture('three-voices.vtt').toString();
    expect(parseVtt(content).items[0].signal.externalId).toBe(parseVtt(Buffer.from(content)).items[0].signal.externalId);
    expect(parseVtt(content, { externalId: 'teams:meeting-42' }).items[0].signal.externalId).toBe('teams:meeting-42');
  });

  it('cue ids, NOTE and STYLE blocks, voice classes, closing tags, entities, several voices in a cue, mm:ss timings', () => {
    const vtt = [
      'WEBVTT - Teams export', '', 'STYLE', '::cue { color: white }', '', 'NOTE recorded by Teams', '',
      'a1b2-1', '00:01.000 --> 00:04.000 align:start', '<v.loud Sam Patel>Pricing &amp; terms &lt;draft&gt;</v>', '',
      'a1b2-2', '00:04.500 --> 00:06.000', '<v Dana Ruiz>Fine.</v> <v Sam Patel>Great.</v>', '',
      '00:06.500 --> 00:08.000', '<v Sam Patel><i>Sending</i> it today.', '',
    ].join('\n');
    const s = as('meeting', parseVtt(vtt).items[0].signal);
    expect(s.transcript).toEqual([
      { speaker: 'Sam Patel', text: 'Pricing & terms <draft>', startSec: 1 },
      { speaker: 'Dana Ruiz', text: 'Fine.', startSec: 4.5 },
      { speaker: 'Sam Patel', text: 'Great. Sending it today.', startSec: 4.5 },
    ]);
    expect(s.durationSec).toBe(8);
  });

  it('Zoom-style cues: the speaker from a "Name:" prefix; no speaker at all reads as Unknown', () => {
    const vtt = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nHank Scorpio: Send me the contract.\n\n2\n00:00:03.500 --> 00:00:05.000\nmaybe next week\n';
    const s = as('meeting', parseVtt(vtt).items[0].signal);
    expect(s.transcript).toEqual([{ speaker: 'Hank Scorpio', text: 'Send me the contract.', startSec: 1 }, { speaker: 'Unknown', text: 'maybe next week', startSec: 3.5 }]);
    expect(s.attendees).toEqual([{ name: 'Hank Scorpio' }]);
  });

  it('a malformed cue is reported with its line; the rest of the meeting stands', () => {
    const r = parseVtt('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A B>One.\n\n00:00:xx --> 00:00:03.000\n<v A B>Lost.\n\njust text\n');
    expect(r.rejected).toEqual([{ position: 'line 6', reason: 'unreadable cue timing "00:00:xx --> 00:00:03.000"' }, { position: 'line 9', reason: 'a cue without a "start --> end" timing line' }]);
    expect(as('meeting', r.items[0].signal).transcript).toEqual([{ speaker: 'A B', text: 'One.', startSec: 1 }]);
  });

  it('rejects an empty transcript and a file that is not WebVTT', () => {
    expect(parseVtt('WEBVTT\n\n')).toEqual({ items: [], rejected: [{ position: 'transcript', reason: 'the transcript is empty' }] });
    expect(parseVtt('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Sam>  </v>\n').rejected).toEqual([{ position: 'transcript', reason: 'the transcript is empty' }]);
    expect(parseVtt('1\n00:00:01,000 --> 00:00:02,000\nhi\n')).toEqual({ items: [], rejected: [{ position: 'line 1', reason: 'not a WebVTT file (no WEBVTT header)' }] });
  });

  it('a bad occurredAt option is rejected by the schema, with the field named', () => {
    expect(parseVtt(fixture('three-voices.vtt'), { occurredAt: 'tuesday' }).rejected[0]).toMatchObject({ position: 'transcript', reason: expect.stringMatching(/^occurredAt: /) });
  });

  it('without occurredAt the injected clock is used', () => {
    expect(parseVtt(fixture('three-voices.vtt'), { now: () => new Date('2026-11-20T12:00:00Z') }).items[0].signal.occurredAt).toBe('2026-11-20T12:00:00.000Z');
  });
});

describe('parseSrt', () => {
  it('speaker from a "Name:" prefix', () => {
    const content = fixture('call.srt');
    const s = as('meeting', parseSrt(content, { title: 'Pricing call', occurredAt: '2026-11-18T15:00:00Z' }).items[0].signal);
    expect(s).toMatchObject({ source: 'srt', externalId: sha256(content), title: 'Pricing call', durationSec: 8 });
    expect(s.transcript).toEqual([{ speaker: 'Sam Patel', text: 'Did the pricing work for you?', startSec: 1 }, { speaker: 'Hank Scorpio', text: 'Mostly. Send me the contract.', startSec: 4.5 }]);
  });

  it('an unlabelled cue continues the last speaker; formatting tags and CRLF are handled; a new label inside a cue starts a turn', () => {
    const srt = '1\r\n00:00:01,000 --> 00:00:03,000\r\nDANA: We <i>need</i> SSO\r\n\r\n2\r\n00:00:03,500 --> 00:00:05,000\r\nbefore we sign.\r\nSam Patel: Understood.\r\n';
    expect(as('meeting', parseSrt(srt).items[0].signal).transcript).toEqual([
      { speaker: 'DANA', text: 'We need SSO before we sign.', startSec: 1 },
      { speaker: 'Sam Patel', text: 'Understood.', startSec: 3.5 },
    ]);
  });

  it('rejects an empty transcript', () => {
    expect(parseSrt('').rejected).toEqual([{ position: 'transcript', reason: 'the transcript is empty' }]);
  });
});

describe('parseGong', () => {
  it('the combined shape: parties named, monologues merged, keyed by call id, routed by the external party', () => {
    const r = parseGong(json('gong-call.json'));
    expect(r.rejected).toEqual([]);
    expect(r.items[0].signal).toMatchObject({
      kind: 'meeting', externalId: '7782342274025937895', source: 'gong', title: 'Globex pricing call', occurredAt: '2026-11-18T15:00:00.000Z', durationSec: 1860,
      attendees: [{ name: 'Sam Patel', email: 'sam@ourco.com' }, { name: 'Hank Scorpio', email: 'hank@globex.io' }],
    });
    expect(as('meeting', r.items[0].signal).transcript).toEqual([
      { speaker: 'Sam Patel', text: 'Thanks for the time, Hank. Did the 200-seat pricing work?', startSec: 0.46 },
      { speaker: 'Hank Scorpio', text: 'It does, but we also want to roll it out to our Tokyo office.', startSec: 5.6 },
    ]);
    expect(r.items[0].route).toEqual({ email: 'hank@globex.io', domain: 'globex.io' });
  });

  it('the two API responses merged (/v2/calls/extensive + /v2/calls/transcript): joined by call id', () => {
    const r = parseGong(json('gong-api-responses.json'));
    expect(r.items).toHaveLength(2);
    const s = as('meeting', r.items[0].signal);
    expect(s).toMatchObject({ externalId: '7782342274025937001', title: 'Acme Freight renewal check-in', occurredAt: '2026-11-19T17:02:10.000Z', durationSec: 1500 });
    // Every party attends, speaking or not; addresses lower-cased by the schema.
    expect(s.attendees).toEqual([{ name: 'Sam Patel', email: 'sam@ourco.com' }, { name: 'Dana Ruiz', email: 'dana@acmefreight.com' }, { name: 'Li Wen', email: 'li@acmefreight.com' }]);
    expect(s.transcript).toEqual([
      { speaker: 'Sam Patel', text: 'Thanks for making time, Dana.', startSec: 1.2 },
      { speaker: 'Dana Ruiz', text: 'Of course. We are also evaluating Freightly before we renew. Legal wants the new DPA first.', startSec: 3.5 },
      { speaker: 'Sam Patel', text: "I'll send the DPA by Friday.", startSec: 19 },
    ]);
    expect(r.items[0].route).toEqual({ email: 'dana@acmefreight.com', domain: 'acmefreight.com' });
    // The second call came without a transcript: stored as a meeting whose transcript is still to come.
    expect(r.rejected).toEqual([]);
    expect(r.items[1].signal).toMatchObject({ externalId: '7782342274025937002', transcript: [], transcriptPending: true });
  });

  it('the flat shape and an array of calls', () => {
    const call = json('gong-call.json') as { callData: object; transcript: unknown[] };
    const flat = { ...call.callData, transcript: call.transcript };
    expect(parseGong(flat).items[0].signal.externalId).toBe('7782342274025937895');
    expect(parseGong([call, flat]).items).toHaveLength(2);
  });

  it('reports a transcript without its call metadata, an empty transcript and a payload that is not Gong', () => {
    expect(parseGong({ callTranscripts: [{ callId: '9', transcript: [{ speakerId: '1', sentences: [{ start: 0, end: 1, text: 'Hi' }] }] }] }).rejected)
      .toEqual([{ position: 'call 9', reason: 'no call metadata (send the /v2/calls/extensive call with its transcript)' }]);
    expect(parseGong({ callData: { metaData: { id: '1', started: '2026-11-18T15:00:00Z' }, parties: [] }, transcript: [] }).rejected)
      .toEqual([{ position: 'call 1', reason: 'the transcript is empty' }]);
    expect(parseGong({ callData: { metaData: { id: '2' }, parties: [] }, transcript: [{ speakerId: '1', sentences: [{ text: 'Hi' }] }] }).rejected)
      .toEqual([{ position: 'call 2', reason: 'the call has no readable metaData.started time' }]);
    expect(parseGong({ hello: 'world' }).rejected[0].position).toBe('file');
  });
});
