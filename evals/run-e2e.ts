// --e2e: the same scenarios loaded as a user would, through the HTTP API and real Temporal.
// Times are shifted so the scenario's evaluation moment is now (the workflow assesses as of now).
import { loadConfig } from '../config.js';
import { startStack, type Stack } from '../stack.js';
import { upsertUser } from '../db/queries/users.js';
import { getSignalsByIds } from '../db/queries/signals.js';
import { excerptIsIn } from '../agents/evidence.js';
import type { LoadedScenario } from './scenario.js';
import { checkExpectations, type Produced, type ProducedAnswer } from './check.js';
import { countsFrom, expectedKinds, expectsLowRisk, type ScenarioResult } from './run-scenario.js';

const TOKEN = 'evals-e2e-admin-token';

export async function startE2e(): Promise<Stack> {
  const config = loadConfig({ ...process.env, DATA_DIR: 'memory://', ADMIN_TOKEN: TOKEN, DEBOUNCE_MS: '100', LOG_LEVEL: 'warn', PORT: '0', OUR_DOMAINS: 'ourco.com' });
  return startStack(config, { listen: false, log: () => {} });
}

const shiftIso = (iso: string, by: number) => new Date(Date.parse(iso) + by).toISOString();

export async function runScenarioE2e(stack: Stack, l: LoadedScenario): Promise<ScenarioResult> {
  const sc = l.scenario;
  const headers = { authorization: `Bearer ${TOKEN}` };
  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const r = await stack.app.inject({ method, url, headers, payload: payload as never });
    if (r.statusCode >= 400) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const shift = Date.now() - l.now;
  const id = `${sc.name}-${Date.now().toString(36)}`;
  for (const [uid, role] of [[sc.account.owner, 'rep'], [sc.account.csm, 'csm']] as const) if (uid) await upsertUser(stack.app.db, { id: uid, name: uid, role });
  await call('POST', '/v1/accounts', {
    id, name: sc.account.name, domains: sc.account.domains, stage: sc.account.stage, arr: sc.account.arr,
    renewalDate: l.renewalDate ? shiftIso(l.renewalDate, shift) : undefined, ownerId: sc.account.owner ?? undefined, csmId: sc.account.csm,
    contacts: sc.contacts, settings: sc.account.settings,
  });
  const signals = l.signals.map((s) => {
    const x: Record<string, unknown> = { ...s, occurredAt: shiftIso(s.occurredAt, shift) };
    for (const k of ['startsAt', 'endsAt']) if (typeof x[k] === 'string') x[k] = shiftIso(x[k] as string, shift);
    return x;
  });
  const posted = signals.length ? await call('POST', `/v1/accounts/${id}/signals`, { signals }) : { stored: [] };
  const deadline = Date.now() + 60_000;
  for (;;) {
    const pending = await stack.app.db.query(`select count(*)::int as n from signals where account_id = $1 and status = 'pending'`, [id]);
    const a = await call('GET', `/v1/accounts/${id}/assessments?limit=1`);
    if (pending.rows[0].n === 0 && a.assessments[0]?.signalCount >= posted.stored.length) break;
    if (Date.now() > deadline) throw new Error('not assessed within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const assessment = (await call('GET', `/v1/accounts/${id}/assessments?limit=1`)).assessments[0];
  const recs = (await call('GET', `/v1/recommendations?account=${id}`)).recommendations;
  const produced: Produced = {
    level: assessment.level, score: assessment.score,
    factors: [...assessment.factors, ...assessment.opportunities].map((f: { factor: string }) => f.factor), recommendations: recs,
  };
  const answers: ProducedAnswer[] = [];
  for (const a of sc.expect.answers ?? []) {
    const out = await call('POST', `/v1/accounts/${id}/ask`, { question: a.question });
    answers.push({ question: a.question, answer: out.answer, citations: out.citations });
  }
  const cited = [...produced.recommendations.flatMap((r) => r.evidence), ...answers.flatMap((a) => a.citations)];
  const byId = new Map((await getSignalsByIds(stack.app.db, [...new Set(cited.map((c) => c.signalId))])).map((s) => [s.id, s]));
  const valid = cited.filter((c) => { const s = byId.get(c.signalId); return s && s.accountId === id && excerptIsIn(s, c.excerpt); }).length;
  const main = checkExpectations(sc.expect, produced, answers);
  return {
    name: sc.name, file: l.file, passed: main.missed.length === 0 && main.extra.length === 0, missed: main.missed, extra: main.extra,
    produced, answers, checkpoints: [], counts: countsFrom(main, produced, expectsLowRisk(l), { total: cited.length, valid }, null, expectedKinds(l)),
  };
}
