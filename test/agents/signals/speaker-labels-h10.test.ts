// Speaker labels as meeting tools and people outside English write them (classes found by reading
// other projects' transcript samples, third pass): a diariser's numbered "Speaker 2:" or
// "SPEAKER_01:", a name in a script without capitals (Japanese, Chinese, Arabic, Hindi), and the
// full-width colon of Chinese and Japanese, and a Teams voice tag whose name holds character
// references ("<v Far&#237;as>"). Each speaker must be kept, never folded into "Unknown"
// with the label left in the text.
import { describe, expect, it } from 'vitest';
import { parseVtt } from '../../../agents/signals/parsers/vtt.js';
import { parseSrt } from '../../../agents/signals/parsers/srt.js';
import { as } from './helpers.js';

const now = () => new Date('2026-06-01T10:00:00Z');
const vtt = (...cues: string[]) => ['WEBVTT', '', ...cues.flatMap((c, i) => [`00:00:0${i}.000 --> 00:00:0${i + 1}.000`, c, ''])].join('\n');
const turns = (r: ReturnType<typeof parseVtt>) => {
  const t = as('meeting', r.items[0]?.signal).transcript;
  if (typeof t === 'string') throw new Error('expected turns');
  return t;
};

describe('numbered speakers from diarisation', () => {
  it('"Speaker 1:" and "SPEAKER_02:" are speakers', () => {
    expect(turns(parseVtt(vtt('Speaker 1: Can you share the renewal numbers?', 'SPEAKER_02: Yes, after the call.'), { now }))).toEqual([
      { speaker: 'Speaker 1', text: 'Can you share the renewal numbers?', startSec: 0 },
      { speaker: 'SPEAKER_02', text: 'Yes, after the call.', startSec: 1 },
    ]);
  });
});

describe('names in scripts without capitals', () => {
  it('Japanese names with a full-width or an ASCII colon', () => {
    expect(turns(parseVtt(vtt('山本：来週までに見積もりを送ります。', '小林ゆかり: ありがとうございます。'), { now }))).toEqual([
      { speaker: '山本', text: '来週までに見積もりを送ります。', startSec: 0 },
      { speaker: '小林ゆかり', text: 'ありがとうございます。', startSec: 1 },
    ]);
    // A long line with a colon late in it is text, not a speaker.
    expect(turns(parseVtt(vtt('次回の打ち合わせで確認する項目は以下の通りです: 価格と納期'), { now }))[0].speaker).toBe('Unknown');
  });

  it('Arabic and Hindi names in SubRip', () => {
    const srt = '1\n00:00:01,000 --> 00:00:03,000\nخالد: سنوقع العقد الشهر القادم\n\n2\n00:00:03,000 --> 00:00:05,000\nअनिता शर्मा: धन्यवाद\n';
    expect(turns(parseSrt(srt, { now })).map((t) => t.speaker)).toEqual(['خالد', 'अनिता शर्मा']);
  });
});

describe('Teams voice tags', () => {
  it('decode character references in the speaker name, as WebVTT says', () => {
    const r = parseVtt('WEBVTT\n\n6b1f0c2e-aaaa-bbbb-cccc-000011112222/4-0\n00:00:01.000 --> 00:00:02.500\n<v Mar&#237;a Sol&iacute;s>Revisamos el contrato.</v>\n\n6b1f0c2e-aaaa-bbbb-cccc-000011112222/5-0\n00:00:03.000 --> 00:00:04.000\n<v O&apos;Neill, Ray (Guest)>Thanks.</v>\n', { now });
    expect(turns(r).map((t) => t.speaker)).toEqual(['María Solís', "O'Neill, Ray (Guest)"]);
    expect(as('meeting', r.items[0].signal).attendees.map((a) => a.name)).toEqual(['María Solís', "O'Neill, Ray (Guest)"]);
  });
});

describe('caption conventions that are not speakers', () => {
  it('">>" marks a change of speaker; the label after it is the speaker, the chevrons are not text', () => {
    expect(turns(parseVtt(vtt('&gt;&gt; NADIA: We can sign this week.', '>> Then send it over.'), { now }))).toEqual([
      { speaker: 'NADIA', text: 'We can sign this week.', startSec: 0 },
      { speaker: 'Unknown', text: 'Then send it over.', startSec: 1 },
    ]);
  });

  it('a sound or manner in lower-case brackets ("[laughs]", "[risita]") is not a speaker', () => {
    const t = turns(parseVtt(vtt('[Marco] Ready when you are.', '[laughs] Fair enough.', '[risita] Vale.'), { now }));
    expect(t.map((x) => x.speaker)).toEqual(['Marco', 'Unknown']);
  });
});
