// The only entry to the agent for activities and evals: remember signals, assess an account through
// the graph (which perceives what is new), evaluate it as of an earlier moment, answer questions,
// and read signals again after the perceiver changed.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Db } from '../db/connection.js';
import { getAccount } from '../db/queries/accounts.js';
import { listContacts } from '../db/queries/contacts.js';
import {
  listPendingSignals, listSignals, listStaleReadings, markSignalsPending, markSignalsRemembered, storeReadings,
} from '../db/queries/signals.js';
import { insertQuestion } from '../db/queries/questions.js';
import { listRecommendationsForAccount } from '../db/queries/recommendations.js';
import { createAccountTools } from '../tools/index.js';
import { effectiveContacts } from './stakeholders.js';
import type { Assessment } from './risk/types.js';
import type { ProposedRecommendation } from './recommendation.js';
import { assessRisk } from './risk/model.js';
import { riskConfigFor } from './risk/config.js';
import { RULES_PERCEIVER_VERSION } from './perception/version.js';
import { createRulesPerceiver } from './perceivers/rules.js';
import { perceiveSignals, mapLimit } from './perceivers/perceive-signals.js';
import { perceiverKey, readWith, type PerceiveContext, type Perceiver } from './perceivers/types.js';
import { stageOptionsFor } from './perceivers/index.js';
import { rememberSignals } from './memory/remember.js';
import { retrieve } from './memory/retrieve.js';
import { createLocalEmbedder } from './memory/local-embedder.js';
import type { Embedder } from './memory/embedder.js';
import { createRulesReasoner } from './reasoners/rules.js';
import { createLlmReasoner, type ToolFactory } from './reasoners/llm.js';
import type { Reasoner } from './reasoners/types.js';
import { DEFAULT_CRITIQUE, type CritiqueOptions } from './critique.js';
import { buildAccountGraph } from './graph/build.js';
import { withTransaction } from '../db/tx.js';
import type { GraphDeps, RetrieveQuery } from './graph/deps.js';
import { answerWithRules, type Answer } from './ask/answer-rules.js';
import { answerWithLlm } from './ask/answer-llm.js';

export type { Embedder } from './memory/embedder.js';
export type { Perceiver, PerceiverId } from './perceivers/types.js';
export { createPerceiver } from './perceivers/index.js';
export { createLocalEmbedder } from './memory/local-embedder.js';
export { createOpenAIEmbedder } from './memory/openai-embedder.js';
export { assertEmbedderMatchesSchema } from './memory/check-dimensions.js';

export interface AgentDeps {
  db: Db;
  /** Default: the offline local embedder. */
  embedder?: Embedder;
  /** Set to use the LLM reasoner and answerer (any OpenAI-compatible chat model). */
  chatModel?: BaseChatModel;
  reasoner?: 'rules' | 'llm';
  /** Default: the rules perceiver. */
  perceiver?: Perceiver;
  ourDomains?: string[];
  critique?: CritiqueOptions;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
}

export interface AssessSummary {
  assessmentId: string;
  assessedAt: string;
  riskLevel: string;
  riskScore: number;
  nextChangeAt?: string;
  openRecommendations: number;
}

export type AnswerResult = Answer & { questionId?: string };

export interface Evaluation {
  assessment: Assessment;
  recommendations: ProposedRecommendation[];
}

export interface ReperceiveResult {
  /** Signals read again and stored. */
  read: number;
  /** Of those, read by a fallback (the configured perceiver failed): the next reperceive retries them. */
  fallbacks: number;
  /** Accounts whose signals changed, oldest id first; their signals are pending again until assessed. */
  accounts: string[];
}

export interface AccountAgent {
  /** Chunk, embed and store the account's pending signals in memory (idempotent). Perception is the graph's. */
  remember(accountId: string): Promise<{ remembered: number }>;
  /** Run the graph as of `asOf` and persist assessment + recommendations (idempotent by runKey). */
  assess(input: { accountId: string; asOf: string; runKey: string }): Promise<AssessSummary>;
  /** The same graph as of `asOf`, seeing only signals up to then, writing nothing (evals' checkpoints). */
  evaluate(input: { accountId: string; asOf: string }): Promise<Evaluation>;
  /** Answer a question from the account's state and memory, with citations; kept in its history. */
  answer(input: { accountId: string; question: string; askedBy?: string; asOf?: string }): Promise<AnswerResult>;
  /**
   * Reads again every signal (of one account, or all) whose stored reading is not the configured
   * perceiver's current one, stores the new readings and marks those signals pending, so the
   * sweeper (or a notify) brings each account to an assessment that uses them.
   */
  reperceive(input?: { accountId?: string; batch?: number }): Promise<ReperceiveResult>;
}

function competitorsFor(account: { settings: Record<string, unknown> }): string[] {
  return riskConfigFor(account.settings).competitors;
}

export function createAccountAgent(deps: AgentDeps): AccountAgent {
  const { db } = deps;
  const embedder = deps.embedder ?? createLocalEmbedder();
  const ourDomains = deps.ourDomains ?? [];
  const rules = createRulesReasoner();
  const search = (q: RetrieveQuery) => retrieve({ db, embedder }, q);
  const tools: ToolFactory = (accountId, asOf) => createAccountTools({
    db, accountId, asOf, search: (q) => search({ ...q, accountId, before: asOf }),
  });
  const useLlm = deps.reasoner === 'llm' && deps.chatModel !== undefined;
  const reasoner: Reasoner = useLlm ? createLlmReasoner(deps.chatModel!, tools) : rules;
  const perceiver = deps.perceiver ?? createRulesPerceiver();
  const perception = stageOptionsFor(perceiver);
  const graphDeps: GraphDeps = {
    db, embedder, reasoner, fallbackReasoner: rules, ourDomains, competitorsFor,
    perceiver, perception,
    assessRisk: (input) => assessRisk(input),
    retrieve: search,
    critique: deps.critique ?? DEFAULT_CRITIQUE,
    log: deps.log,
  };
  const graph = buildAccountGraph(graphDeps);

  async function perceiveContext(accountId: string): Promise<PerceiveContext> {
    const account = await getAccount(db, accountId);
    if (!account) throw new Error(`account ${accountId} not found`);
    return { account, contacts: await listContacts(db, accountId), ourDomains, competitors: competitorsFor(account) };
  }

  return {
    async remember(accountId) {
      const pending = await listPendingSignals(db, accountId);
      if (pending.length === 0) return { remembered: 0 };
      await rememberSignals({ db, embedder }, pending);
      await markSignalsRemembered(db, pending.map((s) => s.id));
      return { remembered: pending.length };
    },

    async assess({ accountId, asOf, runKey }) {
      const out = await graph.invoke({}, { context: { accountId, asOf, runKey, dryRun: false } });
      const published = out.published!;
      return {
        assessmentId: published.assessmentId,
        assessedAt: asOf,
        riskLevel: out.assessment.level,
        riskScore: out.assessment.score,
        ...(out.assessment.nextChangeAt ? { nextChangeAt: out.assessment.nextChangeAt } : {}),
        openRecommendations: published.openRecommendations,
      };
    },

    async evaluate({ accountId, asOf }) {
      const out = await graph.invoke({}, { context: { accountId, asOf, runKey: undefined, dryRun: true } });
      return { assessment: out.assessment, recommendations: out.review.publish };
    },

    async answer({ accountId, question, askedBy, asOf }) {
      const at = asOf ?? new Date().toISOString();
      const ctx = await perceiveContext(accountId);
      const listed = await listSignals(db, accountId, { before: at });
      const { signals: withInsights } = await perceiveSignals({ db, perceiver, options: perception }, { accountId, signals: listed, ctx, before: at, write: true });
      ctx.contacts = effectiveContacts(ctx.contacts, withInsights, at);
      const assessment = assessRisk({ account: ctx.account, contacts: ctx.contacts, signals: withInsights, asOf: at });
      const openRecommendations = await listRecommendationsForAccount(db, accountId, { statuses: ['proposed', 'snoozed'] });
      const askCtx = { question, account: ctx.account, contacts: ctx.contacts, signals: withInsights, assessment, asOf: at, retrieve: search, openRecommendations };
      const result = useLlm
        ? await answerWithLlm(deps.chatModel!, tools, askCtx, (m) => deps.log?.(m, { accountId }))
        : await answerWithRules(askCtx);
      const record = await insertQuestion(db, { accountId, question, answer: result.answer, intent: result.intent, reasoner: result.reasoner, citations: result.citations, askedBy });
      return { ...result, questionId: record.id };
    },

    async reperceive(input = {}) {
      const key = perceiverKey(perceiver);
      const rulesVersion = perceiver.id === 'rules' ? perceiver.version : RULES_PERCEIVER_VERSION;
      const contexts = new Map<string, PerceiveContext>();
      const accounts = new Set<string>();
      let read = 0;
      let fallbacks = 0;
      let afterId: string | undefined;
      for (;;) {
        const page = await listStaleReadings(db, { perceivedFor: key, rulesVersion, accountId: input.accountId, afterId, limit: input.batch ?? 200 });
        if (page.length === 0) break;
        afterId = page[page.length - 1].id;
        for (const s of page) if (!contexts.has(s.accountId)) contexts.set(s.accountId, await perceiveContext(s.accountId));
        const readings = await mapLimit(page, perception.concurrency ?? 1, async (s) => ({ s, r: await readWith(perceiver, s, contexts.get(s.accountId)!) }));
        await withTransaction(db, async (tx) => {
          await storeReadings(tx, readings.map(({ s, r }) => ({
            signalId: s.id, insights: r.insights, perceiver: r.perceiver, version: r.version, perceivedFor: key, fallback: r.fallback,
          })));
          await markSignalsPending(tx, page.map((s) => s.id));
        });
        read += readings.length;
        fallbacks += readings.filter(({ r }) => r.fallback).length;
        for (const s of page) accounts.add(s.accountId);
      }
      return { read, fallbacks, accounts: [...accounts].sort() };
    },
  };
}
