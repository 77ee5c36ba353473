// Runs one scenario in-process against a fresh, isolated database with the real agent graph.
import { openDatabase } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { insertAccount } from '../db/queries/accounts.js';
import { upsertContact } from '../db/queries/contacts.js';
import { upsertUser } from '../db/queries/users.js';
import { insertSignals, listSignals } from '../db/queries/signals.js';
import { listRecommendationsForAccount } from '../db/queries/recommendations.js';
import { latestAssessment } from '../db/queries/assessments.js';
import { createAccountAgent } from '../agents/index.js';
import { emailDirection } from '../agents/signals/direction.js';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { resolveTime, type LoadedScenario } from './scenario.js';
import { checkExpectations, emptyContext, expectsLow, extraRiskFactors, type CheckResult, type Produced, type ProducedAnswer } from './check.js';
import { expectsFlag, leadTimeDays, type ScenarioCounts } from './metrics.js';
import { checkContext } from './citations.js';

export interface ScenarioResult {
  name: string;
  file: string;
  passed: boolean;
  missed: string[];
  extra: string[];
  produced: Produced;
  answers: ProducedAnswer[];
  checkpoints: Array<{ label: string; at: string; flags: boolean; passed: boolean; missed: string[]; extra: string[]; produced: Produced }>;
  counts: ScenarioCounts;
  error?: string;
}

export const NOTHING: Produced = { level: 'n/a', score: 0, factors: [], recommendations: [] };
export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 300);

export interface RunOptions { reasoner: 'rules' | 'llm'; chatModel?: BaseChatModel }

/**
 * On a scenario that expects low risk: a high level, any recommendation it did not ask for, or
 * any risk factor it neither expects nor allows.
 */
export function isFalseAlarm(p: Produced, expectedKinds: string[], extraRisk: string[] = []): boolean {
  return p.level === 'high' || p.level === 'critical' || p.recommendations.some((r) => !expectedKinds.includes(r.kind)) || extraRisk.length > 0;
}

/** A scenario's counts from its main check. A crash (`crashed`) is a false alarm on a low-risk scenario: it never improves the rate. */
export function countsFrom(main: CheckResult, p: Produced, l: LoadedScenario, leadTimeDays: number | null, crashed = false): ScenarioCounts {
  const expectsLow = expectsLowRisk(l);
  return {
    factorTP: main.factorTP, factorFN: main.factorFN, factorFP: main.factorFP, recExpected: main.recExpected, recHit: main.recHit,
    expectsLow, falseAlarm: expectsLow && (crashed || isFalseAlarm(p, expectedKinds(l), extraRiskFactors(main))),
    levelChecked: main.levelChecked, levelOk: main.levelOk, citations: main.citations, citationsValid: main.citationsValid,
    answersExpected: main.answersExpected, answersHit: main.answersHit, leadTimeDays,
  };
}

/** The result of a scenario whose run threw: every expectation it had is a miss, and it fails. */
export function crashedResult(l: LoadedScenario, err: unknown): ScenarioResult {
  const main = checkExpectations(l.scenario.expect, NOTHING, [], emptyContext(l.scenario.name));
  return {
    name: l.scenario.name, file: l.file, passed: false, missed: [`the run failed: ${errorText(err)}`, ...main.missed], extra: [], answers: [], checkpoints: [],
    produced: NOTHING, counts: countsFrom(main, NOTHING, l, null, true), error: errorText(err),
  };
}

export const expectedKinds = (l: LoadedScenario) => (l.scenario.expect.recommendations?.present ?? []).map((r) => r.kind);

export const expectsLowRisk = (l: LoadedScenario): boolean => expectsLow(l.scenario.expect);

export async function runScenario(l: LoadedScenario, opts: RunOptions): Promise<ScenarioResult> {
  const { scenario: sc } = l;
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(db.pool);
    for (const [id, role] of [[sc.account.owner, 'rep'], [sc.account.csm, 'csm']] as const) {
      if (id) await upsertUser(db.pool, { id, name: id, role });
    }
    const account = await insertAccount(db.pool, {
      id: sc.name, name: sc.account.name, domains: sc.account.domains, stage: sc.account.stage, arr: sc.account.arr ?? null,
      renewalDate: l.renewalDate ?? null, ownerId: sc.account.owner ?? null, csmId: sc.account.csm ?? null, settings: sc.account.settings ?? {},
    });
    for (const c of sc.contacts) await upsertContact(db.pool, account.id, c);
    await insertSignals(db.pool, account.id, l.signals.map((s) => (s.kind === 'email' && !s.direction ? { ...s, direction: emailDirection(s.from.email, account.domains, sc.ourDomains) } : s)));
    const agent = createAccountAgent({ db: db.pool, ourDomains: sc.ourDomains, reasoner: opts.reasoner, chatModel: opts.chatModel });
    await agent.remember(account.id);
    const asOf = new Date(l.now).toISOString();
    const summary = await agent.assess({ accountId: account.id, asOf, runKey: `eval:${sc.name}` });
    const assessment = await latestAssessment(db.pool, account.id);
    if (!assessment || assessment.id !== summary.assessmentId) throw new Error(`assessment ${summary.assessmentId} was not stored`);
    const recs = await listRecommendationsForAccount(db.pool, account.id, { statuses: ['proposed'] });
    const produced: Produced = {
      level: summary.riskLevel, score: summary.riskScore,
      factors: [...assessment.factors, ...assessment.opportunities].map((f) => f.factor),
      recommendations: recs.map((r) => ({ kind: r.kind, title: r.title, rationale: r.rationale, draft: r.draft, evidence: r.evidence })),
    };
    const answers: ProducedAnswer[] = [];
    // An agent that throws on a question fails that expectation; the run goes on.
    for (const a of sc.expect.answers ?? []) {
      try {
        const out = await agent.answer({ accountId: account.id, question: a.question, asOf, askedBy: 'evals' });
        answers.push({ question: a.question, answer: out.answer, citations: out.citations, intent: out.intent });
      } catch (err) {
        answers.push({ question: a.question, answer: '', citations: [], error: errorText(err) });
      }
    }
    // Citations are checked against every signal stored for the account (what any account's signal id would resolve to is invalid).
    const ctx = checkContext(l, account.id, await listSignals(db.pool, account.id, { limit: 100_000 }));
    const main = checkExpectations(sc.expect, produced, answers, ctx);
    const checkpoints: ScenarioResult['checkpoints'] = [];
    for (const cp of sc.checkpoints) {
      const at = resolveTime(cp.at, l.now);
      let ev: Awaited<ReturnType<typeof agent.evaluate>>;
      try {
        ev = await agent.evaluate({ accountId: account.id, asOf: at });
      } catch (err) {
        checkpoints.push({ label: cp.at, at, flags: expectsFlag(cp.expect), passed: false, missed: [`evaluate failed: ${errorText(err)}`], extra: [], produced: NOTHING });
        continue;
      }
      const p: Produced = {
        level: ev.assessment.level, score: ev.assessment.score,
        factors: [...ev.assessment.factors, ...ev.assessment.opportunities].map((f) => f.factor),
        recommendations: ev.recommendations.map((r) => ({ kind: r.kind, title: r.title, rationale: r.rationale, draft: r.draft ?? null, evidence: r.evidence })),
      };
      const c = checkExpectations(cp.expect, p, [], ctx, { judgeExtraFactors: false });
      const passed = c.missed.length === 0 && c.extra.length === 0;
      checkpoints.push({ label: cp.at, at, flags: expectsFlag(cp.expect), passed, missed: c.missed, extra: c.extra, produced: p });
    }
    const missed = [...main.missed, ...checkpoints.flatMap((c) => c.missed.map((m) => `checkpoint ${c.label}: ${m}`))];
    const extra = [...main.extra, ...checkpoints.flatMap((c) => c.extra.map((m) => `checkpoint ${c.label}: ${m}`))];
    return {
      name: sc.name, file: l.file, passed: missed.length === 0 && extra.length === 0, missed, extra, produced, answers, checkpoints,
      counts: countsFrom(main, produced, l, leadTimeDays(l.now, checkpoints)),
    };
  } finally {
    await db.close();
  }
}
