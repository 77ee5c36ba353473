// Where sentences end: a missing space after a full stop, a hard-wrapped email line, abbreviations.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../agents/perception/nlp.js';

const texts = (t: string) => analyze(t).map((s) => s.text);

describe('sentence ends', () => {
  it('a full stop with no space before a capitalised word still ends the sentence', () => {
    expect(texts('Got the logs.Will look tonight')).toEqual(['Got the logs.', 'Will look tonight']);
    const [a] = analyze('Got the logs.Will look tonight');
    expect(a.toks.map((t) => t.text)).toEqual(['Got', 'the', 'logs', '.']);
  });

  it('but a domain, a file name, a version or a product keeps its dot', () => {
    expect(texts('Moved us to Notion.so and v2.4 of the app.')).toHaveLength(1);
    expect(analyze('We mailed it to ops.team@corvel.example yesterday.')[0].toks.some((t) => t.text === 'ops.team@corvel.example')).toBe(true);
    expect(analyze('Open report.pdf first')[0].toks.map((t) => t.text)).toContain('report.pdf');
  });

  it('a hard-wrapped email line continues its sentence on the next line', () => {
    const wrapped = 'Following our call I can confirm that we will not be extending the\ncontract beyond March, as agreed with finance.';
    expect(texts(wrapped)).toEqual(['Following our call I can confirm that we will not be extending the contract beyond March, as agreed with finance.']);
  });

  it('short chat lines, bullets, greetings and signatures stay lines of their own', () => {
    expect(texts('hey\ncan you check the export')).toEqual(['hey', 'can you check the export']);
    expect(texts('Open items:\n- pricing for the Oslo depot\n- the DPA redlines')).toEqual(['Open items:', '- pricing for the Oslo depot', '- the DPA redlines']);
    expect(texts('Speak soon, and thanks again for the help with the rollout today\nMarta')).toHaveLength(2);
  });

  it('abbreviations with a dot do not end the sentence', () => {
    expect(texts('Approx. 40 drivers start in Jan. and Dr. Weiss signs for them.')).toHaveLength(1);
  });
});
