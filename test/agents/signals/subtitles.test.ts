// Subtitle files as people export them: cues without blank lines between them, YouTube's rolling
// captions, karaoke timestamps, [Name] and NAME: labels, and files that are not UTF-8.
import { describe, expect, it } from 'vitest';
import { parseSrt, parseVtt } from '../../../agents/signals/parsers/transcripts.js';
import { detectFormat, parseAny } from '../../../agents/signals/detect.js';
import { as, fixture } from './helpers.js';

const meeting = (r: ReturnType<typeof parseVtt>) => {
  expect(r.rejected).toEqual([]);
  return as('meeting', r.items[0]?.signal);
};
const turns = (r: ReturnType<typeof parseVtt>) => {
  const t = meeting(r).transcript;
  if (!Array.isArray(t)) throw new Error('expected turns');
  return t.map((x) => [x.speaker, x.text]);
};

describe('WebVTT by the parsing rules', () => {
  it('cues not separated by blank lines: no timing line or cue setting reaches the text, karaoke timestamps are stripped', () => {
    const r = parseVtt(fixture('vtt-no-blank-lines.vtt'));
    expect(turns(r)).toEqual([['Sam Patel', 'Thanks for joining.'], ['Dana Ruiz', 'Happy to. We need SSO first.'], ['Sam Patel', 'Understood.']]);
    expect(JSON.stringify(meeting(r).transcript)).not.toMatch(/-->|align:|position:|\d\d:\d\d\.\d{3}/);
    expect(meeting(r).durationSec).toBe(8);
  });

  it('YouTube rolling captions: each line kept once, in order', () => {
    expect(turns(parseVtt(fixture('youtube-rolling.vtt')))).toEqual([
      ['Unknown', 'so the renewal is in March and legal wants the DPA before we sign'],
    ]);
  });

  it('[Name] and NAME: labels are speakers', () => {
    expect(turns(parseVtt(fixture('speaker-labels.vtt')))).toEqual([
      ['Sam Patel', 'Did the pricing work for you?'], ['DANA', 'Mostly. The per-seat price is high.'], ['Sam Patel', 'We can look at that.'],
    ]);
  });
});

describe('charsets', () => {
  it('a Windows-1252 SRT is decoded, with a warning that the encoding was guessed', async () => {
    const r = await parseAny(fixture('cp1252.srt'), { filename: 'cp1252.srt' });
    expect(r.format).toBe('srt');
    expect(turns(r)).toEqual([['Dana', '“Café pricing” costs 12€ a seat.'], ['Sam', 'Naïve question – per month?']]);
    expect(r.warnings).toEqual([{ position: 'file', reason: 'not UTF-8 and no byte-order mark: decoded as windows-1252 (a guess)' }]);
  });

  it('UTF-16 LE and BE subtitles with a BOM are detected and parse, without a warning', async () => {
    expect(detectFormat(fixture('utf16le.vtt'))).toBe('vtt');
    expect(detectFormat(fixture('utf16be.srt'))).toBe('srt');
    const vtt = await parseAny(fixture('utf16le.vtt'));
    expect(turns(vtt)).toEqual([['Jörg Müller', 'Grüße, die Lizenz kostet 40 €.'], ['Sam Patel', 'Danke schön.']]);
    expect(vtt.warnings ?? []).toEqual([]);
    expect(turns(parseSrt(fixture('utf16be.srt')))).toEqual([['Jörg', 'Grüße aus München.'], ['Sam', 'Danke.']]);
  });
});

describe('rolling-caption de-duplication keeps real repeats', () => {
  it('two voices saying the same words in turn are both kept', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Sam Patel>Yes.\n\n00:00:02.000 --> 00:00:03.000\n<v Dana Ruiz>Yes.\n';
    expect(turns(parseVtt(vtt))).toEqual([['Sam Patel', 'Yes.'], ['Dana Ruiz', 'Yes.']]);
  });
});
