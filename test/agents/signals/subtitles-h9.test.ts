// Subtitle files as other tools write them (classes found by running the importer over other
// projects' subtitle test suites): UTF-32 with a byte-order mark, SRT without cue numbers or without
// milliseconds, WebVTT cue settings written right after the end time, lines ended by a bare CR,
// and an empty upload.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { detectFormat, parseAny } from '../../../agents/signals/detect.js';
import { as } from './helpers.js';

const srt = ['1', '00:00:02,000 --> 00:00:05,500', 'Marta: We signed the pilot on Friday.', '', '2', '00:00:06,000 --> 00:00:08,000', 'Ezra: Great, send me the r\u00e9sum\u00e9.', ''].join('\r\n');
const turns = async (bytes: Buffer, filename?: string) => {
  const r = await parseAny(bytes, { filename, occurredAt: '2026-03-02T10:00:00.000Z' });
  expect(r.rejected).toEqual([]);
  const transcript = as('meeting', r.items[0]?.signal).transcript;
  if (typeof transcript === 'string') throw new Error('expected turns');
  return { format: r.format, turns: transcript };
};

describe('UTF-32 with a byte-order mark', () => {
  for (const enc of ['utf-32le', 'utf-32be'] as const) {
    it(`${enc}: detected and read without a name, accents intact`, async () => {
      const bytes = iconv.encode(srt, enc, { addBOM: true });
      const { format, turns: t } = await turns(bytes);
      expect(format).toBe('srt');
      expect(t).toEqual([
        { speaker: 'Marta', text: 'We signed the pilot on Friday.', startSec: 2 },
        { speaker: 'Ezra', text: 'Great, send me the r\u00e9sum\u00e9.', startSec: 6 },
      ]);
    });
  }
});

describe('SRT as exporters loosen it', () => {
  it('without cue numbers, it is still SRT by its content', async () => {
    const bytes = Buffer.from('00:00:01,250 --> 00:00:03,000\nThe renewal is on track.\n\n00:00:04,000 --> 00:00:06,000\nAnd the security review?\n');
    expect(detectFormat(bytes)).toBe('srt');
    const { turns: t } = await turns(bytes);
    expect(t[0].text).toBe('The renewal is on track. And the security review?');
  });

  it('without milliseconds, it is still SRT by its content', async () => {
    const bytes = Buffer.from('1\n00:00:01 --> 00:00:04\nWe will loop in procurement.\n');
    expect(detectFormat(bytes)).toBe('srt');
    expect((await turns(bytes)).turns[0]).toEqual({ speaker: 'Unknown', text: 'We will loop in procurement.', startSec: 1 });
  });
});

describe('WebVTT cue settings', () => {
  it('settings written right after the end time (no space) do not lose the cue', async () => {
    const bytes = Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.500align:start position:10%\n<v Ines>Can we move the demo?\n');
    const r = await parseAny(bytes, { occurredAt: '2026-03-02T10:00:00.000Z' });
    expect(r.rejected).toEqual([]);
    const m = as('meeting', r.items[0].signal);
    expect(m.transcript).toEqual([{ speaker: 'Ines', text: 'Can we move the demo?', startSec: 0 }]);
    expect(m.durationSec).toBe(2.5);
  });
});

describe('lines ended by a bare CR (old Mac tools)', () => {
  it('WebVTT and SRT are detected and read', async () => {
    const vtt = Buffer.from('WEBVTT\r\r00:00:01.000 --> 00:00:02.000\rHalima: The invoice is paid.\r');
    expect(detectFormat(vtt)).toBe('vtt');
    expect((await turns(vtt)).turns).toEqual([{ speaker: 'Halima', text: 'The invoice is paid.', startSec: 1 }]);
    const cr = Buffer.from('1\r00:00:03,000 --> 00:00:04,000\rThanks, all.\r');
    expect(detectFormat(cr)).toBe('srt');
    expect((await turns(cr)).turns[0].text).toBe('Thanks, all.');
  });
});

describe('an empty upload', () => {
  it('is said to be empty, with or without a byte-order mark', async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('\ufeff\n \n')]) {
      const r = await parseAny(bytes, {});
      expect(r.rejected).toEqual([{ position: 'file', reason: 'the file is empty' }]);
    }
  });
});
