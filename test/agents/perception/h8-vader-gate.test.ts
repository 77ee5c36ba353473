import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import vader from 'vader-sentiment';
import { createRequire } from 'node:module';
import { mayScore, setVaderGate, vaderCompound } from '../../../agents/perception/shared-h8-vader.js';
import { polarity } from '../../../agents/perception/sentiment.js';
import { analyze } from '../../../agents/perception/nlp.js';

const DEV = join(process.cwd(), 'evals/perception/dev');
/** Every text of the dev corpus (the item and the message it answers), split into sentences as perception splits them. */
function devSentences(): string[] {
  const texts = readdirSync(DEV).filter((f) => f.endsWith('.jsonl')).flatMap((f) => readFileSync(join(DEV, f), 'utf8').split('\n').filter((l) => l.trim()))
    .flatMap((l) => { const it = JSON.parse(l) as { text: string; before?: string }; return [it.text, ...(it.before ? [it.before] : [])]; });
  return [...new Set(texts.flatMap((t) => analyze(t).map((s) => s.text)))];
}

describe('VADER gate: skipped only where VADER scores exactly 0', () => {
  afterEach(() => setVaderGate(true));

  it('reads the lexicon the bundle was built from', () => {
    const require = createRequire(import.meta.url);
    const bundle = readFileSync(require.resolve('vader-sentiment'), 'utf8');
    const at = bundle.indexOf('lexicon={') + 'lexicon='.length;
    let depth = 0; let end = at; let inString = false;
    for (; end < bundle.length; end += 1) {
      const ch = bundle[end];
      if (inString) { if (ch === '\\') end += 1; else if (ch === '"') inString = false; continue; }
      if (ch === '"') inString = true;
      else if (ch === '{') depth += 1;
      else if (ch === '}' && --depth === 0) break;
    }
    const built = new Function(`return ${bundle.slice(at, end + 1)}`)() as Record<string, number>;
    const { lexicon } = require('vader-sentiment/src/vader_lexicon.js') as { lexicon: Record<string, number> };
    expect(Object.keys(built).length).toBeGreaterThan(7000);
    expect(lexicon).toEqual(built);
    // The marks VADER strips from a token's end are all in the punctuation run the gate strips.
    const marks = new Function(`return ${/PUNC_LIST=(\[[^\]]*\])/.exec(bundle)![1]}`)() as string[];
    expect(marks.join('')).toMatch(/^[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]+$/);
  });

  it('gives VADER\'s compound on every sentence of the dev corpus, and polarity is unchanged', () => {
    const sentences = devSentences();
    expect(sentences.length).toBeGreaterThan(2000);
    let skipped = 0;
    for (const s of sentences) {
      if (!mayScore(s)) skipped += 1;
      expect(vaderCompound(s), s).toBe(vader.SentimentIntensityAnalyzer.polarity_scores(s).compound);
    }
    expect(skipped).toBeGreaterThan(0);
    const gated = sentences.map((s) => polarity(s));
    setVaderGate(false);
    expect(sentences.map((s) => polarity(s))).toEqual(gated);
  });

  it('a token that can only reach the lexicon with a mark stripped still counts', () => {
    for (const t of ['Great.', '(happy', 'Terrible!', 'GOOD', ':)', 'we are fine, thanks', 'promoted!!', 'love?!?']) expect(mayScore(t), t).toBe(true);
    // Marks on both ends keep a word from VADER as well: '"welcome"' scores 0 there too.
    for (const t of ['The pallets arrive at dock 4 on Tuesday.', 'Route the invoice to accounts payable.', '"welcome"']) {
      expect(mayScore(t), t).toBe(false);
      expect(vader.SentimentIntensityAnalyzer.polarity_scores(t).compound).toBe(0);
    }
  });
});
