// Character references in WebVTT and SRT cue text: every HTML named and numeric reference decoded
// (they used to stay raw past a handful decoded by hand), while WebVTT's own rules hold: tags are
// stripped first, so an escaped "<" is a literal character and never starts a tag.
import { describe, expect, it } from 'vitest';
import { parseSrt, parseVtt } from '../../../agents/signals/parsers/transcripts.js';
import { cueText } from '../../../agents/signals/parsers/transcript-turns.js';
import { as } from './helpers.js';

const texts = (r: ReturnType<typeof parseVtt>) => {
  expect(r.rejected).toEqual([]);
  const t = as('meeting', r.items[0]?.signal).transcript;
  if (!Array.isArray(t)) throw new Error('expected turns');
  return t.map((x) => [x.speaker, x.text]);
};

describe('cue text character references', () => {
  it('decodes named references beyond the basic few, and numeric ones in decimal and hex', () => {
    expect(cueText('Gr&uuml;&szlig;e aus M&auml;lm&ouml; &mdash; &frac12; price &euro;40 &hellip;')).toBe('Grüße aus Mälmö — ½ price €40 …');
    expect(cueText('Ni&ntilde;o &#8220;quoted&#8221; &#x2603; &#X41;')).toBe('Niño “quoted” ☃ A');
  });

  it('keeps an escaped tag as text and strips real tags before decoding', () => {
    expect(cueText('<i>use</i> &lt;b&gt;bold&lt;/b&gt; in &amp;lt; form')).toBe('use <b>bold</b> in &lt; form');
  });

  it('leaves an unknown reference as written, a bare ampersand too, and drops bidi marks', () => {
    expect(cueText('Fish &chips; & peas &rlm;ok')).toBe('Fish &chips; & peas ok');
  });

  it('a WebVTT file: speaker from the voice tag, references decoded in the text', () => {
    const vtt = ['WEBVTT', '', '00:00:01.000 --> 00:00:04.000', '<v Zoë Brandt>Our caf&eacute; in Z&uuml;rich opens &ndash; finally</v>', '',
      '00:00:04.500 --> 00:00:07.000', '<v Rafa Olmo>Se&ntilde;or Kov&aacute;&#269; signs &gt;&#61; 3 seats</v>', ''].join('\n');
    expect(texts(parseVtt(vtt))).toEqual([
      ['Zoë Brandt', 'Our café in Zürich opens – finally'],
      ['Rafa Olmo', 'Señor Kováč signs >= 3 seats'],
    ]);
  });

  it('an SRT file: a label decoded with the rest of its line', () => {
    const srt = ['1', '00:00:02,000 --> 00:00:05,000', 'Ines: L&aelig;titia sent the &sect;4 redline &times;2', '', '2', '00:00:05,500 --> 00:00:08,000', 'Ines: &iquest;Listo?', ''].join('\n');
    expect(texts(parseSrt(srt))).toEqual([['Ines', 'Lætitia sent the §4 redline ×2 ¿Listo?']]);
  });
});
