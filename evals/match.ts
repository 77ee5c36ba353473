// Text matching for the scenario checks, pure: whole words and phrases (Unicode-aware, case-insensitive),
// the agent's own text with quoted customer text cut out, and facts stated as a number or a date.
import { normaliseWhitespace } from './metrics.js';

/** A letter, a digit (any script) or an underscore: what a word is made of. */
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}_]';
/** Where a cut was made: not whitespace and not a word character, so no phrase can match across it. */
const CUT = ' ¦ ';

const fold = (s: string) => s.normalize('NFC').replace(/[\u2018\u2019\u02bc]/g, "'");
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The phrase as a case-insensitive regular expression matching whole words only: "Ana" matches
 * "Ana," and "Ana's" but not "Dana" or "manager"; a multi-word phrase matches across any whitespace.
 */
export function phraseRegex(phrase: string, flags = 'iu'): RegExp {
  const words = fold(phrase).trim().split(/\s+/).filter(Boolean).map(escapeRegex);
  if (words.length === 0) throw new Error('an empty phrase matches nothing');
  return new RegExp(`(?<!${WORD_CHAR})${words.join('\\s+')}(?!${WORD_CHAR})`, flags);
}

/** True when the text contains the phrase as whole words (case-insensitive). */
export function hasPhrase(text: string, phrase: string): boolean {
  return phraseRegex(phrase).test(fold(text));
}

/** The source texts as one lower-cased, whitespace-normalised list, for verbatim look-ups. */
function normalisedSources(sources: string[]): string[] {
  return sources.map((s) => normaliseWhitespace(fold(s)).toLowerCase());
}

/** Quoted text ends with an ellipsis when the agent shortened it; the rest must still be verbatim. */
const trimQuote = (q: string) => normaliseWhitespace(fold(q)).replace(/^(?:…|\.\.\.)\s*/, '').replace(/\s*(?:…|\.\.\.)$/, '').toLowerCase();

/**
 * True when the quoted text is customer text: verbatim (case-insensitive, whitespace normalised) in
 * one of the sources, or, when the agent joined pieces, every sentence piece of it is.
 */
export function isQuotedFrom(quoted: string, sources: string[]): boolean {
  const norm = normalisedSources(sources);
  const inSources = (piece: string) => piece.length > 0 && norm.some((s) => s.includes(piece));
  const whole = trimQuote(quoted);
  if (whole.length === 0) return false;
  if (inSources(whole)) return true;
  const pieces = whole.split(/(?<=[.!?…])\s+|\s*(?:…|\.\.\.)\s*/).map(trimQuote).filter((p) => p.length > 0);
  return pieces.length > 1 && pieces.every(inSources);
}

/** Pairs of quotation marks: typographic “…”, straight "…" and guillemets «…». */
const QUOTATIONS = [/“([^“”]*)”/g, /"([^"]*)"/g, /«([^«»]*)»/g];

/**
 * The agent's own words: the text with every evidence excerpt cut out, every quotation (“…” or "…")
 * whose content is verbatim in one of the sources cut out, and every e-mail quote line ("> …") whose
 * content is verbatim in a source cut out. Quotations of anything else (the agent's own phrasing,
 * a made-up quote) stay: they are the agent's text. `quoted` holds what was cut.
 */
export function splitQuoted(text: string, opts: { excerpts?: string[]; sources?: string[] }): { own: string; quoted: string[] } {
  const sources = opts.sources ?? [];
  const quoted: string[] = [];
  let t = fold(text).split('\n').map((line) => {
    const m = /^\s*>\s?(.*)$/.exec(line);
    if (!m || !isQuotedFrom(m[1], sources)) return line;
    quoted.push(m[1]);
    return CUT;
  }).join('\n');
  t = normaliseWhitespace(t);
  for (const excerpt of opts.excerpts ?? []) {
    const words = normaliseWhitespace(fold(excerpt)).split(' ').filter(Boolean).map(escapeRegex);
    if (words.length) t = t.replace(new RegExp(`(?<!${WORD_CHAR})${words.join('\\s+')}(?!${WORD_CHAR})`, 'giu'), (cut) => { quoted.push(cut); return CUT; });
  }
  for (const re of QUOTATIONS) {
    t = t.replace(re, (all, inner: string) => {
      if (!isQuotedFrom(inner, sources)) return all;
      quoted.push(inner);
      return CUT;
    });
  }
  return { own: t, quoted };
}

/** The agent's own words (see splitQuoted). */
export const ownText = (text: string, opts: { excerpts?: string[]; sources?: string[] }) => splitQuoted(text, opts).own;

/** Numbers as written: 140, 1,400, 1’400, 12.5, -32 (a trailing % or unit is fine, a digit or letter before is not). */
const NUMBER = /(?<![\p{L}\p{N}_.,'’])([-−–]?)(\d{1,3}(?:[,'’\u00a0\u202f\u2009]\d{3})+|\d+)(?:\.(\d+))?(?![\p{N}]|[.,]\d)/gu;

/**
 * True when the text states the number: as a number, with or without thousands separators
 * (comma, apostrophe, thin or no-break space), decimals compared by value, a trailing % or unit
 * allowed. The sign is not compared ("down 32%" states -32).
 */
export function statesNumber(text: string, n: number): boolean {
  for (const m of fold(text).matchAll(NUMBER)) {
    const value = Number(`${m[2].replace(/[^\d]/g, '')}${m[3] ? `.${m[3]}` : ''}`);
    if (Math.abs(Math.abs(value) - Math.abs(n)) < 1e-9) return true;
  }
  return false;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+(\\d{4}))?';
const monthIndex = (word: string) => ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(word.slice(0, 3).toLowerCase()) + 1;
const DAY_MONTH = new RegExp(`(?<!${WORD_CHAR})${DAY}(?:\\s+of)?\\s+${MONTH}${YEAR}(?!${WORD_CHAR})`, 'giu');
const MONTH_DAY = new RegExp(`(?<!${WORD_CHAR})${MONTH}\\s+${DAY}${YEAR}(?!${WORD_CHAR})`, 'giu');
const ISO_DATE = /(?<![\p{N}])(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\p{N}])/gu;

/**
 * True when the text states the date (YYYY-MM-DD) in a common written form: ISO (2026-11-03,
 * 2026/11/03, also inside a timestamp), day-month ("3 Nov", "3rd of November 2026") or month-day
 * ("November 3", "Nov 3, 2026"). When a year is written it must be the date's year. Numeric
 * day/month forms (03/11) are not accepted: they read differently in the US and in Europe.
 */
export function statesDate(text: string, isoDate: string): boolean {
  const want = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!want) throw new Error(`a date fact is YYYY-MM-DD, not ${isoDate}`);
  const [y, mo, d] = [Number(want[1]), Number(want[2]), Number(want[3])];
  const t = fold(text);
  const same = (month: number, day: number, year?: string) => month === mo && day === d && (year === undefined || Number(year) === y);
  for (const m of t.matchAll(ISO_DATE)) if (same(Number(m[2]), Number(m[3]), m[1])) return true;
  for (const m of t.matchAll(DAY_MONTH)) if (same(monthIndex(m[2]), Number(m[1]), m[3])) return true;
  for (const m of t.matchAll(MONTH_DAY)) if (same(monthIndex(m[1]), Number(m[2]), m[3])) return true;
  return false;
}
