// The worker: builds the pool, embedder, model, agent and activities once, then polls the task
// queue. `npm run start:worker` runs it alone (production); start.ts runs it in the embedded process.
import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from './activities/index.js';
import { assertEmbedderMatchesSchema, createAccountAgent, createPerceiver } from '../agents/index.js';
import { createChatModel, createEmbedder, createPerceiverModel, type ModelSettings } from '../agents/models.js';
import type { Db } from '../db/connection.js';
import type { ActionSettings } from '../config.js';
import type { BriefSettings } from '../db/queries/briefs.js';

export const WORKFLOWS_PATH = fileURLToPath(new URL('./index.ts', import.meta.url));

let bundlePromise: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundling takes ~1.5 s: do it once per process. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundlePromise ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundlerLogger });
  return bundlePromise;
}

const quietBundlerLogger = {
  log() {}, trace() {}, debug() {}, info() {},
  warn: (m: string, meta?: unknown) => console.warn(m, meta ?? ''),
  error: (m: string, meta?: unknown) => console.error(m, meta ?? ''),
};

export interface WorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  db: Db;
  ourDomains?: string[];
  models?: ModelSettings;
  workflowCacheSize?: number;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
  /** Evals' --e2e replay only: see ActivityDeps.replayAt. */
  replayAt?: (accountId: string) => string | undefined;
  /** What approvals do (SMTP, fallback sender, task webhook); unset: approved emails become tasks. */
  actions?: ActionSettings;
  /** CSM briefs: the settings of a CSM who has none. */
  briefDefaults?: BriefSettings;
}

const DEFAULT_MODELS: ModelSettings = {
  reasoner: 'rules', llm: { model: 'gpt-4o-mini' }, embeddings: { kind: 'local', model: 'local', dimensions: 384 },
};

let runtimeInstalled = false;
function installRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  // The SDK logs every worker state change at INFO; a product's log wants warnings and errors.
  try { Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] }); } catch { /* already installed by the host */ }
}

export async function createAccountWorker(opts: WorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  installRuntime();
  const connection = await NativeConnection.connect({ address: opts.address });
  const models = opts.models ?? DEFAULT_MODELS;
  const embedder = createEmbedder(models);
  await assertEmbedderMatchesSchema(opts.db, embedder);
  const perceiver = createPerceiver({
    kind: models.perceiver?.kind ?? 'rules', chatModel: createPerceiverModel(models), modelName: models.perceiver?.model, log: opts.log,
  });
  const agent = createAccountAgent({
    db: opts.db, ourDomains: opts.ourDomains, embedder, reasoner: models.reasoner, chatModel: createChatModel(models), perceiver, log: opts.log,
  });
  const worker = await Worker.create({
    connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    workflowBundle: await workflowBundle(),
    activities: createActivities({ db: opts.db, agent, replayAt: opts.replayAt, actions: opts.actions, ourDomains: opts.ourDomains, briefDefaults: opts.briefDefaults }),
    // Each cached workflow holds its own isolate state (about 1 MB); idle accounts wake at most
    // hourly-to-daily, so evicting them and replaying their short history on wake is cheap.
    maxCachedWorkflows: opts.workflowCacheSize ?? 250,
  });
  return { worker, connection };
}
