// Compares what the agent produced with what a scenario expects. Pure.
import type { Expectations } from './scenario.js';
import { levelSatisfies } from './metrics.js';

export interface ProducedRec { kind: string; title: string; rationale: string; draft?: { subject?: string; body?: string; to?: string[] } | null; evidence: Array<{ signalId: string; excerpt: string }> }
export interface Produced { level: string; score: number; factors: string[]; recommendations: ProducedRec[] }
/** An answer as the agent gave it, or the error it raised instead (recorded as a missed expectation). */
export interface ProducedAnswer { question: string; answer: string; citations: Array<{ signalId: string; excerpt: string }>; intent?: string; error?: string }

export interface CheckResult {
  missed: string[];
  extra: string[];
  factorTP: number; factorFN: number; factorFP: number;
  recExpected: number; recHit: number;
  levelChecked: boolean; levelOk: boolean;
  answersExpected: number; answersHit: number;
}

/** What `mentions` are matched against: title, rationale and draft (recipients, subject, body), not the evidence. */
export const recommendationText = (r: ProducedRec) => [r.title, r.rationale, ...(r.draft?.to ?? []), r.draft?.subject ?? '', r.draft?.body ?? ''].join('\n').toLowerCase();

export function checkExpectations(expect: Expectations, p: Produced, answers: ProducedAnswer[] = []): CheckResult {
  const r: CheckResult = { missed: [], extra: [], factorTP: 0, factorFN: 0, factorFP: 0, recExpected: 0, recHit: 0, levelChecked: false, levelOk: true, answersExpected: 0, answersHit: 0 };
  if (expect.level) {
    r.levelChecked = true;
    r.levelOk = levelSatisfies(p.level, expect.level);
    if (!r.levelOk) r.missed.push(`level ${JSON.stringify(expect.level)} (got ${p.level}, score ${p.score})`);
  }
  for (const f of expect.factors?.present ?? []) {
    if (p.factors.includes(f)) r.factorTP += 1;
    else { r.factorFN += 1; r.missed.push(`factor ${f}`); }
  }
  for (const f of expect.factors?.absent ?? []) {
    if (p.factors.includes(f)) { r.factorFP += 1; r.extra.push(`factor ${f}`); }
  }
  for (const want of expect.recommendations?.present ?? []) {
    r.recExpected += 1;
    const candidates = p.recommendations.filter((x) => x.kind === want.kind);
    const hit = candidates.find((x) => want.mentions.every((m) => recommendationText(x).includes(m.toLowerCase())) && (!want.cites || x.evidence.length > 0));
    if (hit) r.recHit += 1;
    else r.missed.push(`recommendation ${want.kind}${want.mentions.length ? ` mentioning ${want.mentions.join(', ')}` : ''}${candidates.length ? ' (kind present, content did not match)' : ''}`);
  }
  for (const k of expect.recommendations?.absent ?? []) {
    if (p.recommendations.some((x) => x.kind === k)) r.extra.push(`recommendation ${k}`);
  }
  for (const want of expect.answers ?? []) {
    r.answersExpected += 1;
    const got = answers.find((a) => a.question === want.question);
    const ok = got && !got.error && want.mentions.every((m) => got.answer.toLowerCase().includes(m.toLowerCase())) && (!want.cites || got.citations.length > 0);
    if (ok) r.answersHit += 1;
    else r.missed.push(`answer to "${want.question}"${got?.error ? ` (the agent failed: ${got.error.slice(0, 160)})` : got ? ` (got: ${got.answer.slice(0, 120)})` : ''}`);
  }
  return r;
}
