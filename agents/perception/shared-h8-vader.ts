// VADER's compound score without running VADER where it cannot score anything. VADER gives a token a
// valence only when the token (lower-cased, or with a mark of its PUNC_LIST such as "!!" stripped from
// one end, leaving a word free of punctuation) is in its lexicon; boosters, negations, "but" and punctuation only scale valences already there, and a
// zero sum is a compound of exactly 0. So a text none of whose tokens can reach the lexicon scores 0,
// and VADER's costly per-call work (a table of every word with every punctuation mark) is skipped.
// The lexicon is the one the bundle was built from; a test checks they are the same and that the
// gated score equals VADER's on every sentence of the dev corpus.
import { createRequire } from 'node:module';
import vader from 'vader-sentiment';

const require = createRequire(import.meta.url);
const { lexicon } = require('vader-sentiment/src/vader_lexicon.js') as { lexicon: Record<string, number> };
const LEXICON = new Set(Object.keys(lexicon));

let gate = true;
/** For the equivalence test only: run VADER on every text. */
export function setVaderGate(on: boolean): void { gate = on; }

/** VADER's punctuation (its REGEX_REMOVE_PUNCTUATION), as a run at either end of a token. */
const LEADING = /^[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]+/;
const TRAILING = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]+$/;

/**
 * Whether some token of the text can be a lexicon word as VADER tokenises it: split on whitespace, and a
 * token that is a punctuation-free word with marks on one end read as that word (the run stripped here
 * is at least the mark VADER strips, and a word it keeps has no punctuation left).
 */
export function mayScore(text: string): boolean {
  for (const t of text.split(/\s/)) {
    if (t.length < 2) continue;
    if (LEXICON.has(t.toLowerCase()) || LEXICON.has(t.replace(LEADING, '').toLowerCase()) || LEXICON.has(t.replace(TRAILING, '').toLowerCase())) return true;
  }
  return false;
}

/** VADER's compound score of a text, 0 without running it when no token can score. */
export function vaderCompound(text: string): number {
  if (gate && !mayScore(text)) return 0;
  return vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
}
