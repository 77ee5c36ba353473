// --e2e: the same scenarios loaded as a user would, over real HTTP against the whole stack (API,
// Temporal worker, account workflows). Times are shifted so the scenario's evaluation moment is
// "now": the workflow always assesses as of its own clock, so checkpoints are skipped here.
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../config.js';
import { startStack, type Stack } from '../stack.js';
import { freePort } from '../workflows/dev-server.js';
import type { Signal } from '../agents/signals/schema.js';
import type { LoadedScenario } from './scenario.js';
import { checkExpectations, type Produced, type ProducedAnswer, type ProducedRec } from './check.js';
import { countValidCitations } from './citations.js';
import { countsFrom, errorText, expectedKinds, expectsLowRisk, type ScenarioResult } from './run-scenario.js';

const TOKEN = `evals-e2e-${randomUUID()}`;
const ASSESS_TIMEOUT_MS = 60_000;

/**
 * The whole product in this process, listening on a free loopback port: an in-memory database,
 * TEMPORAL_ADDRESS from the environment or else an in-memory dev server on free ports, and a task
 * queue of its own (so workflows left on a shared server by earlier runs never reach this worker).
 */
export async function startE2e(reasoner: 'rules' | 'llm'): Promise<Stack> {
  const config = loadConfig({
    ...process.env,
    DATA_DIR: 'memory://', DATABASE_URL: '', ADMIN_TOKEN: TOKEN, HOST: '127.0.0.1', PORT: '0',
    TEMPORAL_PORT: String(await freePort()), TEMPORAL_UI_PORT: String(await freePort()),
    TEMPORAL_TASK_QUEUE: `evals-${randomUUID().slice(0, 8)}`,
    DEBOUNCE_MS: '100', SWEEP_INTERVAL_MS: '1000', LOG_LEVEL: 'warn', OUR_DOMAINS: 'ourco.com', REASONER: reasoner,
  });
  return startStack(config, { listen: true, log: (m) => console.error(m) });
}

const shiftIso = (iso: string, by: number) => new Date(Date.parse(iso) + by).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runScenarioE2e(stack: Stack, l: LoadedScenario): Promise<ScenarioResult> {
  const sc = l.scenario;
  const call = async <T = any>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await fetch(`${stack.url}${path}`, {
      method, headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };
  const shift = Date.now() - l.now;
  const id = `${sc.name}-${randomUUID().slice(0, 8)}`.slice(0, 64);
  for (const [uid, role] of [[sc.account.owner, 'rep'], [sc.account.csm, 'csm']] as const) {
    if (uid) await call('POST', '/v1/users', { id: uid, name: uid, role });
  }
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
  const postedAt = Date.now();
  const posted = signals.length ? await call<{ stored: unknown[] }>('POST', `/v1/accounts/${id}/signals`, { signals }) : { stored: [] };

  // Assessed: the account's workflow has nothing pending and its latest assessment came after the
  // post and counted every stored signal.
  const deadline = Date.now() + ASSESS_TIMEOUT_MS;
  for (;;) {
    const account = await call<{ lastAssessedAt: string | null; agent: { state: { pending?: boolean } | null } }>('GET', `/v1/accounts/${id}`);
    const latest = (await call<{ assessments: Array<{ signalCount: number }> }>('GET', `/v1/accounts/${id}/assessments?limit=1`)).assessments[0];
    const assessedAfterPost = account.lastAssessedAt !== null && Date.parse(account.lastAssessedAt) >= postedAt - 1000;
    if (assessedAfterPost && account.agent.state?.pending === false && latest && latest.signalCount >= posted.stored.length) break;
    if (Date.now() > deadline) throw new Error(`not assessed within ${ASSESS_TIMEOUT_MS / 1000} s`);
    await sleep(100);
  }
  const assessment = (await call('GET', `/v1/accounts/${id}/assessments?limit=1`)).assessments[0];
  const recs: ProducedRec[] = (await call('GET', `/v1/recommendations?account=${encodeURIComponent(id)}&status=proposed`)).recommendations;
  const produced: Produced = {
    level: assessment.level, score: assessment.score,
    factors: [...assessment.factors, ...assessment.opportunities].map((f: { factor: string }) => f.factor), recommendations: recs,
  };
  const answers: ProducedAnswer[] = [];
  for (const a of sc.expect.answers ?? []) {
    try {
      const out = await call('POST', `/v1/accounts/${id}/ask`, { question: a.question });
      answers.push({ question: a.question, answer: out.answer, citations: out.citations, intent: out.intent });
    } catch (err) {
      answers.push({ question: a.question, answer: '', citations: [], error: errorText(err) });
    }
  }
  // Citations are checked against the account's own signals as the API lists them.
  const cited = [...produced.recommendations.flatMap((r) => r.evidence), ...answers.flatMap((a) => a.citations)];
  const own = (await call<{ signals: Signal[] }>('GET', `/v1/accounts/${id}/signals?limit=1000`)).signals;
  const main = checkExpectations(sc.expect, produced, answers);
  return {
    name: sc.name, file: l.file, passed: main.missed.length === 0 && main.extra.length === 0, missed: main.missed, extra: main.extra,
    produced, answers, checkpoints: [],
    counts: countsFrom(main, produced, expectsLowRisk(l), countValidCitations(cited, own, id), null, expectedKinds(l)),
  };
}
