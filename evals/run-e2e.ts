// --e2e: the same scenarios loaded as a user would, over real HTTP against the whole stack (API,
// Temporal worker, account workflows), checked with the same checkExpectations as the in-process
// runner, so the two modes can be compared result for result (test/evals/e2e-parity.test.ts).
//
// How each scenario field is honoured over HTTP:
// - ourDomains: OUR_DOMAINS is a deployment setting of the product (which side of an email is us),
//   not a property of an account, so a scenario that declares other domains gets a stack of its own
//   started with them: one stack per distinct set, sharing one Temporal server, each with its own
//   in-memory database and task queue. The API derives email direction and the agent reads sides
//   from that setting, exactly as a deployment for that vendor would.
// - settings: sent on account creation; the API refuses a setting it does not know, and the
//   account is read back to check it kept every one (so a setting cannot be silently dropped).
// - the evaluation moment (the runner's `--now` or a scenario's pinned `now`, e.g. Friday 16:40):
//   signals keep their scenario times, unshifted, and the worker assesses and answers each replayed
//   account as of its moment (`replayAt`, a StackOptions hook the product's activities apply; it
//   exists only for a stack started in this process, there is no environment setting for it). The
//   live workflow still debounces, remembers, assesses and publishes; only the moment it reasons
//   about is the scenario's, so both modes evaluate the very same instant (weekday and time of day
//   included). With the clock pinned, time alone changes nothing: the workflow wakes for signals
//   and its daily floor only.
// - checkpoints: the account as of an earlier moment, seeing only the signals up to then. Each
//   checkpoint is an account of its own, created like the main one, given only the signals that
//   occurred at or before the checkpoint, replayed at that moment, assessed by the real workflow,
//   then checked and reported exactly as the in-process runner does (lead time included).
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../config.js';
import { startStack, type Stack } from '../stack.js';
import { startDevServer, type DevServer } from '../workflows/dev-server.js';
import { findOrBuildTemporalCli } from '../workflows/temporal-cli.js';
import type { Signal, SignalInput } from '../agents/signals/schema.js';
import { resolveTime, type LoadedScenario } from './scenario.js';
import { checkExpectations, type Produced, type ProducedAnswer, type ProducedRec } from './check.js';
import { checkContext } from './citations.js';
import { expectsFlag, leadTimeDays } from './metrics.js';
import { countsFrom, errorText, NOTHING, type ScenarioResult } from './run-scenario.js';

const ASSESS_TIMEOUT_MS = 180_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface E2eOptions {
  reasoner: 'rules' | 'llm';
  /** A running Temporal server; else TEMPORAL_ADDRESS, else an in-memory dev server started here. */
  temporalAddress?: string;
}

export interface E2e {
  run(l: LoadedScenario): Promise<ScenarioResult>;
  stop(): Promise<void>;
}

/** Starts nothing but (when needed) the Temporal dev server; stacks start on first use, one per set of our domains. */
export async function startE2e(opts: E2eOptions): Promise<E2e> {
  const token = `evals-e2e-${randomUUID()}`;
  let devServer: DevServer | undefined;
  let address = opts.temporalAddress ?? (process.env.TEMPORAL_ADDRESS || undefined);
  if (!address) {
    const cliPath = findOrBuildTemporalCli(process.env.TEMPORAL_CLI_PATH || undefined);
    if (!cliPath) throw new Error('--e2e needs a Temporal server: set TEMPORAL_ADDRESS or provision the CLI (npm run temporal:provision)');
    devServer = await startDevServer({ cliPath, ui: false });
    address = devServer.address;
  }
  /** The moment each replayed account is assessed and answered as of. */
  const moments = new Map<string, string>();
  const stacks = new Map<string, Promise<Stack>>();
  const stackFor = (ourDomains: string[]): Promise<Stack> => {
    const key = [...new Set(ourDomains.map((d) => d.trim().toLowerCase()))].sort().join(',');
    let s = stacks.get(key);
    if (!s) {
      const config = loadConfig({
        ...process.env,
        DATA_DIR: 'memory://', DATABASE_URL: '', ADMIN_TOKEN: token, HOST: '127.0.0.1', PORT: '0',
        TEMPORAL_ADDRESS: address, TEMPORAL_TASK_QUEUE: `evals-${randomUUID().slice(0, 8)}`,
        DEBOUNCE_MS: '100', SWEEP_INTERVAL_MS: '1000', LOG_LEVEL: 'warn', OUR_DOMAINS: key, REASONER: opts.reasoner,
        // The agent the in-process runner builds: the rules perceiver and the local embedder,
        // whatever the environment would pick with an LLM configured.
        PERCEIVER: 'rules', EMBEDDINGS: 'local',
      });
      s = startStack(config, { listen: true, log: (m) => console.error(m), replayAt: (accountId) => moments.get(accountId) });
      stacks.set(key, s);
    }
    return s;
  };
  return {
    run: async (l) => runScenarioE2e(new Api((await stackFor(l.scenario.ourDomains)).url, token), l, moments),
    async stop() {
      for (const s of stacks.values()) await (await s.catch(() => undefined))?.stop();
      await devServer?.stop();
    },
  };
}

class Api {
  constructor(private readonly url: string, private readonly token: string) {}
  async call<T = any>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await fetch(`${this.url}${path}`, {
      method, headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}

const sameJson = (a: unknown, b: unknown): boolean => {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort(), kb = Object.keys(b).sort();
    return sameJson(ka, kb) && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
};

interface Loaded { produced: Produced; signals: Signal[] }

/**
 * Creates one account over the API with the scenario's fields, posts the given signals, and waits
 * until the real workflow has assessed them as of `moment`. Returns what the agent published and
 * the account's signals as the API lists them (what its citations may refer to).
 */
async function loadAccount(api: Api, l: LoadedScenario, id: string, moment: string, signals: SignalInput[], moments: Map<string, string>): Promise<Loaded> {
  const sc = l.scenario;
  moments.set(id, moment);
  await api.call('POST', '/v1/accounts', {
    id, name: sc.account.name, domains: sc.account.domains, stage: sc.account.stage, arr: sc.account.arr,
    renewalDate: l.renewalDate, ownerId: sc.account.owner ?? undefined, csmId: sc.account.csm,
    contacts: sc.contacts, settings: sc.account.settings,
  });
  const stored = (await api.call<{ settings: Record<string, unknown> }>('GET', `/v1/accounts/${id}`)).settings;
  if (!sameJson(stored, sc.account.settings ?? {})) {
    throw new Error(`the API kept settings ${JSON.stringify(stored)}, not the scenario's ${JSON.stringify(sc.account.settings)}`);
  }
  const posted = signals.length ? await api.call<{ stored: string[] }>('POST', `/v1/accounts/${id}/signals`, { signals }) : { stored: [] };

  // Assessed: no signal on this stack is pending (a run marks what it perceived processed in the
  // same transaction as its assessment, so the latest assessment came after), the workflow has
  // nothing pending, and the latest assessment saw every signal that occurred by the moment.
  const deadline = Date.now() + ASSESS_TIMEOUT_MS;
  for (;;) {
    const account = await api.call<{ agent: { state: { pending?: boolean } | null } }>('GET', `/v1/accounts/${id}`);
    const latest = (await api.call<{ assessments: Array<{ signalCount: number; asOf: string }> }>('GET', `/v1/accounts/${id}/assessments?limit=1`)).assessments[0];
    const own = (await api.call<{ signals: Array<{ occurredAt: string }> }>('GET', `/v1/accounts/${id}/signals?limit=1000`)).signals;
    const visible = own.filter((s) => Date.parse(s.occurredAt) <= Date.parse(moment)).length;
    const { pending } = await api.call<{ pending: number }>('GET', '/v1/stats/signals');
    if (pending === 0 && account.agent.state?.pending === false && latest && latest.signalCount === visible && own.length >= posted.stored.length) {
      if (Date.parse(latest.asOf) !== Date.parse(moment)) throw new Error(`assessed as of ${latest.asOf}, not the replayed moment ${moment}`);
      break;
    }
    if (Date.now() > deadline) throw new Error(`account ${id} not assessed within ${ASSESS_TIMEOUT_MS / 1000} s`);
    await sleep(150);
  }
  const assessment = (await api.call('GET', `/v1/accounts/${id}/assessments?limit=1`)).assessments[0];
  const recs = (await api.call<{ recommendations: ProducedRec[] }>('GET', `/v1/recommendations?account=${encodeURIComponent(id)}&status=proposed`)).recommendations;
  return {
    produced: {
      level: assessment.level, score: assessment.score,
      factors: [...assessment.factors, ...assessment.opportunities].map((f: { factor: string }) => f.factor),
      recommendations: recs.map((r) => ({ kind: r.kind, title: r.title, rationale: r.rationale, draft: r.draft ?? null, evidence: r.evidence })),
    },
    signals: (await api.call<{ signals: Signal[] }>('GET', `/v1/accounts/${id}/signals?limit=1000`)).signals,
  };
}

async function runScenarioE2e(api: Api, l: LoadedScenario, moments: Map<string, string>): Promise<ScenarioResult> {
  const sc = l.scenario;
  const suffix = randomUUID().slice(0, 8);
  for (const [uid, role] of [[sc.account.owner, 'rep'], [sc.account.csm, 'csm']] as const) {
    if (uid) await api.call('POST', '/v1/users', { id: uid, name: uid, role });
  }
  const now = new Date(l.now).toISOString();
  const mainId = `${sc.name.slice(0, 50)}-${suffix}`;
  const cps = sc.checkpoints.map((cp, i) => ({ cp, at: resolveTime(cp.at, l.now), id: `${sc.name.slice(0, 44)}-cp${i}-${suffix}` }));
  // The main account and one account per checkpoint, loaded side by side.
  const [main, ...atCheckpoints] = await Promise.allSettled([
    loadAccount(api, l, mainId, now, l.signals, moments),
    ...cps.map((c) => loadAccount(api, l, c.id, c.at, l.signals.filter((s) => Date.parse(s.occurredAt) <= Date.parse(c.at)), moments)),
  ]);
  if (main.status === 'rejected') throw main.reason;
  const { produced } = main.value;

  const answers: ProducedAnswer[] = [];
  for (const a of sc.expect.answers ?? []) {
    try {
      const out = await api.call('POST', `/v1/accounts/${mainId}/ask`, { question: a.question });
      answers.push({ question: a.question, answer: out.answer, citations: out.citations, intent: out.intent });
    } catch (err) {
      answers.push({ question: a.question, answer: '', citations: [], error: errorText(err) });
    }
  }
  // Citations are checked against each account's own signals as the API lists them.
  const mainCheck = checkExpectations(sc.expect, produced, answers, checkContext(l, mainId, main.value.signals));

  const checkpoints: ScenarioResult['checkpoints'] = cps.map(({ cp, at }, i) => {
    const got = atCheckpoints[i];
    if (got.status === 'rejected') {
      return { label: cp.at, at, flags: expectsFlag(cp.expect), passed: false, missed: [`checkpoint account failed: ${errorText(got.reason)}`], extra: [], produced: NOTHING };
    }
    const c = checkExpectations(cp.expect, got.value.produced, [], checkContext(l, cps[i].id, got.value.signals), { judgeExtraFactors: false });
    return { label: cp.at, at, flags: expectsFlag(cp.expect), passed: c.missed.length === 0 && c.extra.length === 0, missed: c.missed, extra: c.extra, produced: got.value.produced };
  });
  const missed = [...mainCheck.missed, ...checkpoints.flatMap((c) => c.missed.map((m) => `checkpoint ${c.label}: ${m}`))];
  const extra = [...mainCheck.extra, ...checkpoints.flatMap((c) => c.extra.map((m) => `checkpoint ${c.label}: ${m}`))];
  return {
    name: sc.name, file: l.file, passed: missed.length === 0 && extra.length === 0, missed, extra, produced, answers, checkpoints,
    counts: countsFrom(mainCheck, produced, l, leadTimeDays(l.now, checkpoints)),
  };
}
