// The perception corpus and its eval: every half (test, dev and the validation half val) loads and
// meets its minimums, the scorer maps Insights to concepts as agreed, the val half is only ever reported
// in aggregate, and the eval runs in-process on every half with a ratchet on the
// test half: a concept's F1 may not fall more than 0.02 below the figure recorded with the "now"
// table in evals/perception/RESULTS.md (regenerate that file with `npm run evals -- --perception
// --write-results` when perception improves; the floor then rises with it).
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Insights } from '../../agents/signals/schema.js';
import {
  CONCEPTS, CORPUS_DIR, CorpusError, FAMILIES, FAMILY_CONCEPT, familyCounts, halfExists, loadContext, loadHalf, type Concept, type Half, type Item,
} from '../../evals/perception/corpus.js';
import { signalOf } from '../../evals/perception/signal.js';
import { conceptScores, detections, hasWholeWord, scoreItem, type ConceptScore } from '../../evals/perception/score.js';
import { recordedTestF1 } from '../../evals/perception/report.js';
import { RESULTS_FILE, evaluate, formatReport, keepsMisses, main } from '../../evals/perception/run.js';

const ctx = loadContext();
const halves: Half[] = (['test', 'dev', 'val'] as const).filter((h) => halfExists(h));
const RATCHET_SLACK = 0.02;

describe('the perception corpus', () => {
  it('has a test half and a validation half, and loads every half that exists', () => {
    expect(halves).toContain('test');
    expect(halves).toContain('val');
    for (const h of halves) expect(loadHalf(h, ctx).map((f) => f.family)).toEqual([...FAMILIES]);
  });

  it('gives every item an id unique across the halves', () => {
    const ids = halves.flatMap((h) => loadHalf(h, ctx).flatMap((f) => f.items.map((i) => i.id)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(halves)('%s half: every family has at least 40 items, at least 40 % of them hard negatives, positives too', (half) => {
    for (const f of loadHalf(half, ctx)) {
      const c = familyCounts(f);
      expect.soft(c.items, `${half}/${f.family} items`).toBeGreaterThanOrEqual(40);
      expect.soft(c.hardNegatives / c.items, `${half}/${f.family} hard negatives ${c.hardNegatives}/${c.items}`).toBeGreaterThanOrEqual(0.4);
      expect.soft(c.positives, `${half}/${f.family} positives`).toBeGreaterThanOrEqual(Math.ceil(c.items * 0.4));
      expect.soft(new Set(f.items.map((i) => i.register)).size, `${half}/${f.family} registers`).toBeGreaterThanOrEqual(4);
    }
  });

  it.each(halves)('%s half: expected fields are meaningful (dates on or after now, names and teams said in the text)', (half) => {
    const today = ctx.now.slice(0, 10);
    const nameOf = (email: string) => [...ctx.contacts, ...ctx.us].find((p) => p.email === email)?.name ?? '';
    for (const f of loadHalf(half, ctx)) {
      for (const it of f.items) {
        // The speaker counts as said: "I'll be your main contact" names its writer as the successor.
        const said = `${nameOf(it.from)} ${it.subject ?? ''} ${it.before ?? ''} ${it.text}`;
        for (const e of it.expect) {
          if (e.concept === 'commitment' && e.due) expect.soft(e.due >= today, `${it.id} due ${e.due} before now`).toBe(true);
          if (e.concept === 'stakeholder_change') {
            for (const n of [e.name, e.successor]) if (n) expect.soft(hasWholeWord(said, n), `${it.id}: ${n} not in its text`).toBe(true);
          }
          if (e.concept === 'competitor' && e.name) expect.soft(hasWholeWord(said, e.name), `${it.id}: ${e.name} not in its text`).toBe(true);
          if (e.concept === 'expansion' && e.team) expect.soft(hasWholeWord(said, e.team), `${it.id}: ${e.team} not in its text`).toBe(true);
        }
      }
    }
  });

  it('rejects a wrong line, naming the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perception-corpus-'));
    copyFileSync(join(CORPUS_DIR, 'context.json'), join(dir, 'context.json'));
    mkdirSync(join(dir, 'dev'));
    const good: Item = { id: 'x-d-001', register: 'chat', from: ctx.contacts[0].email, text: 'hello', expect: [] };
    for (const f of FAMILIES) writeFileSync(join(dir, 'dev', `${f}.jsonl`), `${JSON.stringify({ ...good, id: `${f}-d-001` })}\n`);
    writeFileSync(join(dir, 'dev', 'churn.jsonl'), [
      JSON.stringify({ ...good, id: 'churn-d-001' }),
      JSON.stringify({ ...good, id: 'churn-d-002', expect: [{ concept: 'expansion', seats: 'ten' }] }),
      JSON.stringify({ ...good, id: 'churn-d-003', from: 'stranger@elsewhere.example' }),
      JSON.stringify({ ...good, id: 'churn-d-004', hard: true, expect: [{ concept: 'churn' }] }),
      JSON.stringify({ ...good, id: 'churn-d-001' }),
    ].join('\n'));
    const dirSlash = `${dir}/`;
    expect(() => loadHalf('dev', loadContext(dirSlash), dirSlash)).toThrow(CorpusError);
    try { loadHalf('dev', loadContext(dirSlash), dirSlash); } catch (err) {
      const msg = (err as Error).message;
      expect(msg).toMatch(/churn\.jsonl:2: expect\.0\.seats/);
      expect(msg).toMatch(/churn\.jsonl:3: from stranger@elsewhere\.example/);
      expect(msg).toMatch(/churn\.jsonl:4: a hard negative expects its own family's concept/);
      expect(msg).toMatch(/churn\.jsonl:5: duplicate id churn-d-001/);
    }
  });
});

describe('signals built from items', () => {
  const item = (over: Partial<Item>): Item => ({ id: 'request-t-999', register: 'email', from: ctx.contacts[0].email, text: 'Could you send the DPA?', expect: [], ...over });

  it('a call is a transcript of the turn before (the other side) and the utterance', () => {
    const s = signalOf(item({ register: 'call', before: 'Anything else?', text: 'Yes, the DPA please.' }), ctx, 0);
    expect(s.kind).toBe('meeting');
    if (s.kind !== 'meeting' || typeof s.transcript === 'string') throw new Error('expected turns');
    expect(s.transcript.map((t) => t.text)).toEqual(['Anything else?', 'Yes, the DPA please.']);
    expect(s.transcript[0].speaker).toBe(ctx.us[0].name);
    expect(s.attendees.map((a) => a.email)).toEqual([ctx.contacts[0].email, ctx.us[0].email]);
  });

  it('an email from us goes out to the account with its subject, the question it answers quoted below', () => {
    const s = signalOf(item({ from: ctx.us[1].email, subject: 'Re: DPA', before: 'Where is the DPA?', text: 'It goes out today.' }), ctx, 0);
    if (s.kind !== 'email') throw new Error('expected an email');
    expect(s.direction).toBe('outbound');
    expect(s.to[0].email).toMatch(/@northwind\.example$/);
    expect(s.subject).toBe('Re: DPA');
    expect(s.text).toMatch(/^It goes out today\.\n\nOn .* wrote:\n> Where is the DPA\?$/);
    expect(s.occurredAt).toBe(ctx.now);
  });
});

describe('the scorer', () => {
  const ins = (x: Partial<Insights>) => Insights.parse(x);
  const contacts = ctx.contacts;

  it('maps Insights to concepts as agreed', () => {
    const found = detections(ins({
      stakeholderChanges: [
        { change: 'moved', contactEmail: 'marten.lindqvist@northwind.example', text: 'x', successor: { name: 'Bartek Nowicki' } },
        { change: 'left', name: 'Sam', side: 'us', text: 'x' },
        { change: 'bounced', contactEmail: 'keiko.tanabe@northwind.example', text: 'x' },
      ],
      competitors: [
        { name: 'Lumora', text: 'x', replacing: false, context: 'evaluation' },
        { name: 'Driftmark', text: 'x', replacing: true },
        { name: 'Gong', text: 'x', replacing: false, context: 'integration' },
      ],
      sentiment: -0.25, negativeText: 'not what we were promised',
      requests: [{ text: 'let me know' }],
      expansion: [{ text: 'x', team: 'Lisbon sales team', seats: 12 }],
    }), contacts);
    expect(found.map((d) => d.concept)).toEqual(['stakeholder_change', 'competitor', 'churn', 'request', 'expansion']);
    expect(found[0].fields).toMatchObject({ change: 'role_changed', name: 'Mårten Lindqvist', successor: 'Bartek Nowicki' });
    expect(detections(ins({ sentiment: -0.2, negativeText: 'meh' }), contacts)).toEqual([]);
    expect(detections(ins({ sentiment: -0.9 }), contacts)).toEqual([]);
    expect(detections(ins({ churnIntent: { text: 'we will not renew' } }), contacts).map((d) => d.concept)).toEqual(['churn']);
    expect(detections(ins({ question: true, buying: [{ text: 'sign' }] }), contacts).map((d) => d.concept)).toEqual(['request', 'buying']);
  });

  it('pairs expected with perceived by agreeing fields; extras are false positives, wrong fields counted apart', () => {
    const found = detections(ins({
      commitments: [
        { text: 'a', owner: 'us', deliverable: 'the calendar invite', dueAt: '2026-11-10T17:00:00Z' },
        { text: 'b', owner: 'us', deliverable: 'a SCIM walkthrough', dueAt: '2026-11-13T17:00:00Z', dueDefaulted: true },
        { text: 'c', owner: 'them', deliverable: 'the PO' },
      ],
    }), contacts);
    const s = scoreItem({ id: 'commitment-t-900', expect: [
      { concept: 'commitment', owner: 'us', deliverable: ['SCIM'], due: '2026-11-11' },
      { concept: 'commitment', owner: 'us', deliverable: ['invite'], due: '2026-11-11' },
      { concept: 'buying' },
    ] }, found);
    expect(s.pairs.map((p) => p.fields)).toEqual([
      { owner: true, deliverable: true }, // a defaulted due date is not judged
      { owner: true, deliverable: true, due: false },
    ]);
    expect(s.missed).toEqual([{ concept: 'buying' }]);
    expect(s.extra.map((d) => d.fields.owner)).toEqual(['them']);
    const scores = conceptScores([s]);
    expect(scores.commitment).toMatchObject({ tp: 2, fp: 1, fn: 0, precision: 2 / 3, recall: 1, fields: { due: { correct: 0, total: 1 } } });
    expect(scores.buying).toMatchObject({ tp: 0, fp: 0, fn: 1, precision: null, recall: 0, f1: 0 });
    expect(scores.churn).toMatchObject({ expected: 0, f1: null });
  });

  it('matches names as whole words in any script', () => {
    expect(hasWholeWord('Mårten Lindqvist', 'mårten')).toBe(true);
    expect(hasWholeWord('Zenkō Analytics', 'Zenkō')).toBe(true);
    expect(hasWholeWord('Anastasia', 'Ana')).toBe(false);
    expect(hasWholeWord('the renewals desk', 'renewals')).toBe(true);
    expect(hasWholeWord(undefined, 'x')).toBe(false);
  });
});

describe('the perception eval', () => {
  it('refuses unknown flags and values', async () => {
    expect(await main(['--half', 'train'])).toBe(2);
    expect(await main(['--perceiver', 'regex'])).toBe(2);
    expect(await main(['--baseline', 'x.json'])).toBe(2);
    expect(await main(['--half', 'validation'])).toBe(2);
  });

  it('keeps misses for the dev half, for the test half on request, and never for the val half', async () => {
    expect(keepsMisses('dev', false)).toBe(true);
    expect(keepsMisses('test', false)).toBe(false);
    expect(keepsMisses('test', true)).toBe(true);
    expect(keepsMisses('val', false)).toBe(false);
    expect(keepsMisses('val', true)).toBe(false);
    // A perceiver that reads nothing misses every positive: still no val item reaches the report.
    const blind = { id: 'blind', version: '0', perceive: async () => Insights.parse({}) };
    const report = await evaluate({ halves: ['val'], perceiver: blind, showTestMisses: true });
    const val = report.halves.val!;
    expect(val.items).toBe(loadHalf('val', ctx).reduce((n, f) => n + f.items.length, 0));
    expect(val.concepts.stakeholder_change.fn).toBeGreaterThan(0);
    expect(val.misses).toBeUndefined();
    const printed = formatReport({ ...report, halves: { val: { ...val, misses: [{ id: 'churn-v-001', text: 'x', missed: [{ concept: 'churn' }], extra: [], wrong: [] }] } } });
    expect(printed).toMatch(/^Perception eval, val half: \d+ items/);
    expect(printed).not.toMatch(/Misses|No misses/);
    expect(printed).not.toMatch(/[a-z]+-v-\d{3}/);
    const texts = loadHalf('val', ctx).flatMap((f) => f.items.map((i) => i.text));
    expect(texts.filter((t) => printed.includes(t))).toEqual([]);
  }, 120_000);

  it('runs every half in-process; no concept falls more than 0.02 below its recorded test-half F1', async () => {
    const report = await evaluate({ halves, kind: 'rules' });
    console.log(formatReport(report));
    const test = report.halves.test!;
    expect(test.items).toBe(loadHalf('test', ctx).reduce((n, f) => n + f.items.length, 0));
    expect(test.misses, 'the test half stays held out').toBeUndefined();
    if (report.halves.dev) expect(report.halves.dev.misses).toBeDefined();
    if (report.halves.val) expect(report.halves.val.misses, 'the val half is reported in aggregate only').toBeUndefined();
    for (const c of CONCEPTS) expect(test.concepts[c].expected).toBeGreaterThanOrEqual(loadHalf('test', ctx).find((f) => FAMILY_CONCEPT[f.family] === c)!.items.length * 0.4);

    const recorded = recordedTestF1(readFileSync(RESULTS_FILE, 'utf8'));
    expect(recorded, `${RESULTS_FILE} records no test-half F1 with its "now" table`).toBeDefined();
    for (const c of CONCEPTS) expect(recorded![c], `no recorded F1 for ${c}`).not.toBeUndefined();
    expect(ratchetFailures(test.concepts, recorded!)).toEqual([]);
  }, 300_000);

  it('the ratchet bites: a perceiver that reads nothing falls below every positive recorded F1', async () => {
    const blind = { id: 'blind', version: '0', perceive: async () => Insights.parse({}) };
    const report = await evaluate({ halves: ['test'], perceiver: blind });
    const recorded = recordedTestF1(readFileSync(RESULTS_FILE, 'utf8'))!;
    const positive = CONCEPTS.filter((c) => (recorded[c] ?? 0) > RATCHET_SLACK);
    expect(positive.length).toBeGreaterThan(0);
    expect(ratchetFailures(report.halves.test!.concepts, recorded).map((f) => f.split(':')[0])).toEqual(positive);
  }, 120_000);
});

/** Concepts whose F1 fell more than the slack below the recorded floor, as "concept: now < floor". */
function ratchetFailures(now: Record<Concept, ConceptScore>, recorded: Partial<Record<Concept, number | null>>): string[] {
  return CONCEPTS.flatMap((c) => {
    const floor = recorded[c];
    if (floor === null || floor === undefined) return [];
    const f1 = now[c].f1 ?? 0;
    return f1 < floor - RATCHET_SLACK ? [`${c}: ${f1.toFixed(3)} < ${floor} - ${RATCHET_SLACK}`] : [];
  });
}
