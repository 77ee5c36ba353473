// The two ways of running the evals must agree: a handful of scenarios, each run in-process
// (runScenario) and over HTTP against the whole stack (--e2e, on the shared test Temporal server),
// must give the same results. Together the scenarios cover a pinned evaluation moment, our side on
// another domain than ourco.com, account settings, and checkpoints (with a lead time).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile, type LoadedScenario } from '../../evals/scenario.js';
import { runScenario, type ScenarioResult } from '../../evals/run-scenario.js';
import { startE2e, type E2e } from '../../evals/run-e2e.js';

const DIR = fileURLToPath(new URL('../../evals/scenarios/', import.meta.url));
const NAMES = [
  'friday-afternoon-lead', // pinned Friday 16:40, a checkpoint four minutes earlier
  'e2e-vendor-on-another-domain', // ourDomains brightwell.io; timezone, competitors and thresholds in settings
  'renewal-went-quiet', // two checkpoints, answers
  'trap-thread-already-answered', // a quiet account that must stay quiet
  'overdue-roadmap-promise', // a flagging checkpoint and a control
];

const withoutIds = (s: string) => s.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');

/** What must be identical between the modes. */
function digest(l: LoadedScenario, r: ScenarioResult) {
  const sorted = (xs: string[]) => [...xs].sort();
  return {
    passed: r.passed,
    level: r.produced.level,
    factors: sorted([...new Set(r.produced.factors)]),
    recommendationKinds: sorted(r.produced.recommendations.map((x) => x.kind)),
    answers: (l.scenario.expect.answers ?? []).map((want) => ({
      question: want.question,
      hit: !r.missed.some((m) => m.startsWith(`answer to "${want.question}"`)),
    })),
    // Every miss and extra in the same words (signal ids aside: each mode stores its own rows).
    missed: r.missed.map(withoutIds),
    extra: r.extra.map(withoutIds),
    checkpoints: r.checkpoints.map((c) => ({
      label: c.label, at: c.at, passed: c.passed, level: c.produced.level,
      factors: sorted([...new Set(c.produced.factors)]), recommendationKinds: sorted(c.produced.recommendations.map((x) => x.kind)),
    })),
    leadTimeDays: r.counts.leadTimeDays,
    error: r.error ?? null,
  };
}

describe('evals: in-process and --e2e give the same results', () => {
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const loaded = NAMES.map((n) => loadScenarioFile(`${DIR}${n}.json`, now));
  let e2e: E2e;
  beforeAll(async () => { e2e = await startE2e({ reasoner: 'rules', temporalAddress: inject('temporalAddress') }); });
  afterAll(async () => { await e2e?.stop(); });

  it('the chosen scenarios cover a pinned moment, another domain of ours, settings and checkpoints', () => {
    const sc = loaded.map((l) => l.scenario);
    expect(sc.some((s) => s.now)).toBe(true);
    expect(sc.some((s) => s.ourDomains.join() !== 'ourco.com')).toBe(true);
    expect(sc.some((s) => Object.keys(s.account.settings ?? {}).length > 0)).toBe(true);
    expect(sc.filter((s) => s.checkpoints.length > 0).length).toBeGreaterThanOrEqual(2);
  });

  const inProcessResults = new Map<string, ScenarioResult>();
  for (const l of loaded) {
    it(`${l.scenario.name}: same pass/fail, level, factors, recommendation kinds, answers and checkpoints`, async () => {
      const [inProcess, overHttp] = await Promise.all([runScenario(l, { reasoner: 'rules' }), e2e.run(l)]);
      inProcessResults.set(l.scenario.name, inProcess);
      expect(overHttp.checkpoints).toHaveLength(l.scenario.checkpoints.length);
      expect(digest(l, overHttp)).toEqual(digest(l, inProcess));
    }, 240_000);
  }

  it('the comparison can fail: over HTTP with ourco.com as our side, our own emails read as theirs and the result changes', async () => {
    const name = 'e2e-vendor-on-another-domain';
    const l = loaded.find((x) => x.scenario.name === name)!;
    const right = inProcessResults.get(name);
    expect(right, 'runs after the parity test of the same scenario').toBeDefined();
    const wrong = await e2e.run({ ...l, scenario: { ...l.scenario, ourDomains: ['ourco.com'] } });
    expect(digest(l, wrong).factors).not.toEqual(digest(l, right!).factors);
  }, 240_000);
});
