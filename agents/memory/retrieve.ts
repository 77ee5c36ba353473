import type { Queryable } from '../../db/connection.js';
import { searchMemory } from '../../db/queries/memory.js';
import type { Embedder } from './embedder.js';
import { speakerPrefix } from '../signals/parsers/transcript-turns.js';
import { chunkBody } from './chunk.js';
import { terms } from './local-embedder.js';

export interface RetrieveInput {
  accountId: string; query: string; k?: number; kinds?: string[];
  /** Strictly after this instant. */
  after?: string;
  /** At or before this instant ("as of"). */
  before?: string;
  /** Part of a speaker's name or email, case-insensitive. */
  speaker?: string;
}

export interface RetrieveHit {
  chunkId: string; signalId: string; kind: string; occurredAt: string; seq: number; speaker: string | null;
  /** The whole chunk: a header line, then the verbatim passage. */
  text: string;
  /** The best sentence(s) of the passage for the query, verbatim from the signal. */
  excerpt: string;
  /** Cosine similarity of the chunk to the query (1 = same direction). */
  score: number;
}

interface Sentence { lineNo: number; line: string; start: number; end: number; score: number }

/** The sentences of each line, as spans of that line. */
function sentenceSpans(text: string): Sentence[] {
  const out: Sentence[] = [];
  text.split('\n').forEach((line, lineNo) => {
    for (const m of line.matchAll(/[^.!?]+[.!?]+["')\]]*|[^.!?]+$/g)) {
      const lead = m[0].length - m[0].trimStart().length;
      const start = m.index + lead;
      const end = m.index + m[0].trimEnd().length;
      if (end > start) out.push({ lineNo, line, start, end, score: 0 });
    }
  });
  return out;
}

/** How well a sentence answers the query: its share of the query's terms, and of its word pairs. */
function scoreSentence(sentence: string, want: Set<string>, pairs: Set<string>): number {
  const got = terms(sentence);
  const have = new Set(got);
  let score = 0;
  for (const w of want) {
    if (have.has(w)) score += 1;
    else if (w.length >= 5 && got.some((g) => g.length >= 5 && g.slice(0, 5) === w.slice(0, 5))) score += 0.5;
  }
  for (let i = 0; i + 1 < got.length; i += 1) if (pairs.has(`${got[i]} ${got[i + 1]}`)) score += 0.5;
  return score;
}

/** A prefix of `s` at most `max` chars long, cut after a whole word when one fits. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).trimEnd();
}

/**
 * The sentence of a chunk's passage that best answers the query (by shared terms), from the start
 * of its speaker's turn when short enough ("Marta Silva: That helps. Dispatchly offered…"), with
 * the next sentence of the same line when the excerpt is short or the next one matches too;
 * verbatim, at most `max` chars. The header line is never quoted. Nothing in common: the opening.
 */
export function bestExcerpt(text: string, query: string, max = 300): string {
  const spans = sentenceSpans(chunkBody(text));
  if (spans.length === 0) return clip(chunkBody(text).trim(), max);
  const q = terms(query);
  const want = new Set(q);
  const pairs = new Set(q.slice(1).map((w, i) => `${q[i]} ${w}`));
  for (const s of spans) s.score = scoreSentence(s.line.slice(s.start, s.end), want, pairs);
  const top = Math.max(...spans.map((s) => s.score));
  // With nothing in common, the opening: its first sentence of four words or more ("Hi Sam," is not one).
  const best = top > 0
    ? spans.findIndex((s) => s.score === top)
    : Math.max(0, spans.findIndex((s) => s.line.slice(s.start, s.end).split(/\s+/).length >= 4));
  const first = spans[best];
  // A sentence inside a speaker's turn is quoted from the turn's start when that fits: who said it.
  const label = speakerPrefix(first.line);
  const start = label && first.start > 0 && first.end <= max ? 0 : first.start;
  let end = first.end;
  for (let i = best + 1; i < spans.length && spans[i].lineNo === first.lineNo; i += 1) {
    const next = spans[i];
    const short = end - start < 80;
    if (next.end - start > max || !(short || (next.score > 0 && first.score > 0))) break;
    end = next.end;
  }
  return clip(first.line.slice(start, end), max);
}

/** Top passages for a query, always within one account, optionally filtered by kind, time and speaker. */
export async function retrieve(deps: { db: Queryable; embedder: Embedder }, q: RetrieveInput): Promise<RetrieveHit[]> {
  const [embedding] = await deps.embedder.embed([q.query]);
  const rows = await searchMemory(deps.db, { ...q, embedding, k: q.k ?? 10 });
  return rows.map((r) => ({ ...r, excerpt: bestExcerpt(r.text, q.query) }));
}
