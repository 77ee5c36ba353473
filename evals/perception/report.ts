// The perception eval's printed table, its misses, and evals/perception/RESULTS.md (a "before" table
// written once from the baseline run and kept verbatim, a "now" table regenerated on request).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CONCEPTS, FAMILIES, FAMILY_CONCEPT, type Concept, type Expected, type Family, type Half } from './corpus.js';
import type { ConceptScore, Detection, ItemScore } from './score.js';

export interface Miss { id: string; text: string; missed: Expected[]; extra: Detection[]; wrong: Array<{ expected: Expected; got: Detection; fields: string[] }> }

export interface HalfReport {
  half: Half;
  items: number;
  families: Record<Family, number>;
  concepts: Record<Concept, ConceptScore>;
  /** Perceive time per signal, milliseconds. */
  timing: { p50Ms: number; p95Ms: number; totalMs: number };
  /** Only for the dev half, or the test half with --show-test-misses. */
  misses?: Miss[];
}

export interface EvalReport {
  commit: string;
  date: string;
  perceiver: { id: string; version: string };
  halves: Partial<Record<Half, HalfReport>>;
}

export const GOAL = { precision: 0.9, recall: 0.9 };

const num = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));

function familyOf(c: Concept): Family {
  return FAMILIES.find((f) => FAMILY_CONCEPT[f] === c)!;
}

function fieldText(s: ConceptScore): string {
  const parts = Object.entries(s.fields).map(([k, v]) => `${k} ${v.correct}/${v.total}`);
  return parts.length ? parts.join(', ') : '-';
}

export function formatHalf(r: HalfReport, perceiver: EvalReport['perceiver']): string {
  const head = `Perception eval, ${r.half} half: ${r.items} items, perceiver ${perceiver.id}@${perceiver.version}, `
    + `perceive p50 ${r.timing.p50Ms.toFixed(2)} ms, p95 ${r.timing.p95Ms.toFixed(2)} ms per signal`;
  const rows = [['concept', 'items', 'expected', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1', 'field accuracy']];
  for (const c of CONCEPTS) {
    const s = r.concepts[c];
    rows.push([c, String(r.families[familyOf(c)]), String(s.expected), String(s.tp), String(s.fp), String(s.fn), num(s.precision), num(s.recall), num(s.f1), fieldText(s)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const lines = rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
  return [head, ...lines].join('\n');
}

function expectedText(e: Expected): string {
  const { concept, ...fields } = e;
  const f = Object.entries(fields).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
  return f ? `${concept}(${f})` : concept;
}

function detectionText(d: Detection): string {
  const f = Object.entries(d.fields).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  if (d.dueDefaulted) f.push('due defaulted');
  return f.length ? `${d.concept}(${f.join(' ')})` : d.concept;
}

export function missesOf(scores: ItemScore[], texts: Map<string, string>): Miss[] {
  const out: Miss[] = [];
  for (const s of scores) {
    const wrong = s.pairs
      .map((p) => ({ expected: p.expected, got: p.got, fields: Object.entries(p.fields).filter(([, ok]) => !ok).map(([k]) => k) }))
      .filter((w) => w.fields.length > 0);
    if (s.missed.length || s.extra.length || wrong.length) out.push({ id: s.id, text: texts.get(s.id) ?? '', missed: s.missed, extra: s.extra, wrong });
  }
  return out;
}

export function formatMisses(misses: Miss[]): string {
  if (misses.length === 0) return 'No misses.';
  const lines = [`Misses (${misses.length} items):`];
  for (const m of misses) {
    lines.push(`- ${m.id}: ${m.text}`);
    for (const e of m.missed) lines.push(`    missed  ${expectedText(e)}`);
    for (const x of m.extra) lines.push(`    extra   ${detectionText(x)}`);
    for (const w of m.wrong) lines.push(`    wrong ${w.fields.join(',')}: expected ${expectedText(w.expected)}, got ${detectionText(w.got)}`);
  }
  return lines.join('\n');
}

// RESULTS.md

const BEFORE = ['<!-- before:start -->', '<!-- before:end -->'] as const;
const NOW = ['<!-- now:start -->', '<!-- now:end -->'] as const;
const RATCHET = /<!-- ratchet-f1-test: (\{.*?\}) -->/;

function markdownTable(r: HalfReport): string {
  const rows = ['| concept | items | expected | TP | FP | FN | precision | recall | F1 | field accuracy |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|'];
  for (const c of CONCEPTS) {
    const s = r.concepts[c];
    rows.push(`| ${c} | ${r.families[familyOf(c)]} | ${s.expected} | ${s.tp} | ${s.fp} | ${s.fn} | ${num(s.precision)} | ${num(s.recall)} | ${num(s.f1)} | ${fieldText(s)} |`);
  }
  return rows.join('\n');
}

function goalLine(r: HalfReport): string {
  const met = CONCEPTS.filter((c) => (r.concepts[c].precision ?? 0) >= GOAL.precision && (r.concepts[c].recall ?? 0) >= GOAL.recall);
  return `Goal met (precision ≥ ${GOAL.precision} and recall ≥ ${GOAL.recall} on the test half) for ${met.length} of ${CONCEPTS.length} concepts${met.length ? `: ${met.join(', ')}` : ''}.`;
}

export function resultsSection(label: string, r: EvalReport): string {
  const parts = [`Commit \`${r.commit}\`, ${r.date}, perceiver \`${r.perceiver.id}@${r.perceiver.version}\`.`];
  for (const half of ['test', 'dev'] as const) {
    const h = r.halves[half];
    if (!h) { parts.push(`### ${label}: ${half} half\n\nNot measured (the half did not exist yet).`); continue; }
    parts.push(`### ${label}: ${half} half (${h.items} items; perceive p50 ${h.timing.p50Ms.toFixed(2)} ms, p95 ${h.timing.p95Ms.toFixed(2)} ms per signal)\n\n${markdownTable(h)}`);
    if (half === 'test') parts.push(goalLine(h));
  }
  return parts.join('\n\n');
}

function section(markers: readonly [string, string], body: string): string {
  return `${markers[0]}\n${body}\n${markers[1]}`;
}

function between(text: string, markers: readonly [string, string]): string | undefined {
  const a = text.indexOf(markers[0]);
  const b = text.indexOf(markers[1]);
  return a >= 0 && b > a ? text.slice(a, b + markers[1].length) : undefined;
}

/** The test half's F1 per concept recorded with the "now" table (the ratchet's floor). */
export function recordedTestF1(text: string): Partial<Record<Concept, number | null>> | undefined {
  const now = between(text, NOW);
  const m = now ? RATCHET.exec(now) : null;
  return m ? (JSON.parse(m[1]) as Partial<Record<Concept, number | null>>) : undefined;
}

/**
 * Writes RESULTS.md: the "before" section from `baseline` when given and none is recorded yet (it is
 * never replaced), and the "now" section from `now` when given (replaced on every write).
 */
export function writeResultsFile(file: string, opts: { now?: EvalReport; baseline?: EvalReport }): void {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const oldBefore = between(old, BEFORE);
  if (opts.baseline && oldBefore) throw new Error(`${file} already records a "before" table; it is kept verbatim (delete it by hand to re-record)`);
  const before = opts.baseline
    ? section(BEFORE, `## Before: perception as it was before the rebuild\n\n${resultsSection('Before', opts.baseline)}`)
    : oldBefore ?? section(BEFORE, '## Before\n\nNot recorded yet.');
  let now = between(old, NOW) ?? section(NOW, '## Now\n\nNot recorded yet.');
  if (opts.now) {
    const test = opts.now.halves.test;
    const ratchet = test ? `\n\n<!-- ratchet-f1-test: ${JSON.stringify(Object.fromEntries(CONCEPTS.map((c) => [c, test.concepts[c].f1 === null ? null : Number(test.concepts[c].f1.toFixed(4))])))} -->` : '';
    now = section(NOW, `## Now\n\n${resultsSection('Now', opts.now)}${ratchet}`);
  }
  const text = `# Perception eval results

Generated by \`npm run evals -- --perception --write-results\` (evals/perception/run.ts) over the
perception corpus in evals/perception/ (format and rules: evals/README.md, "Perception corpus").
Precision, recall and F1 per concept over every item of a half (a concept perceived in an item of
another family counts too); field accuracy over the detections paired with an expected concept that
states the field. The test half is held out from whoever tunes perception: tune on the dev half.

**Goal** (issue 15): precision ≥ ${GOAL.precision} and recall ≥ ${GOAL.recall} for every concept on the test half.

**Ratchet**: test/evals/perception-corpus.test.ts fails when a concept's test-half F1 falls more than
0.02 below the figure recorded with the "now" table; regenerate this file when perception improves.

${before}

${now}
`;
  writeFileSync(file, text);
}
