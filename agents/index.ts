// The only entry to the agent for activities and evals: perceive and remember signals, assess an
// account through the graph, evaluate it as of an earlier moment, answer questions.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Db } from '../db/connection.js';
import { getAccount } from '../db/queries/accounts.js';
import { listContacts, upsertContact } from '../db/queries/contacts.js';
import { listPendingSignals, listSignals, setSignalInsights } from '../db/queries/signals.js';
import { insertQuestion } from '../db/queries/questions.js';
import { createAccountTools } from '../tools/index.js';
import type { Signal } from './signals/schema.js';
import { matchesDomain } from './signals/direction.js';
import { effectiveContacts } from './stakeholders.js';
import type { Assessment } from './risk/types.js';
import type { ProposedRecommendation } from './recommendation.js';
import { assessRisk } from './risk/model.js';
import { riskConfigFor } from './risk/config.js';
import { perceiveSignal, type PerceiveContext } from './perception/index.js';
import { rememberSignals } from './memory/remember.js';
import { retrieve } from './memory/retrieve.js';
import { createLocalEmbedder } from './memory/local-embedder.js';
import type { Embedder } from './memory/embedder.js';
import { createRulesReasoner } from './reasoners/rules.js';
import { createLlmReasoner, type ToolFactory } from './reasoners/llm.js';
import type { Reasoner } from './reasoners/types.js';
import { DEFAULT_CRITIQUE, type CritiqueOptions } from './critique.js';
import { buildAccountGraph } from './graph/build.js';
import type { GraphDeps, RetrieveQuery } from './graph/deps.js';
import { answerWithRules, type Answer } from './ask/answer-rules.js';
import { answerWithLlm } from './ask/answer-llm.js';

export type { Embedder } from './memory/embedder.js';
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

export interface AccountAgent {
  /** Perceive, chunk, embed and store the account's pending signals (idempotent). */
  remember(accountId: string): Promise<{ remembered: number }>;
  /** Run the graph as of `asOf` and persist assessment + recommendations (idempotent by runKey). */
  assess(input: { accountId: string; asOf: string; runKey: string }): Promise<AssessSummary>;
  /** The same graph as of `asOf`, seeing only signals up to then, writing nothing (evals' checkpoints). */
  evaluate(input: { accountId: string; asOf: string }): Promise<Evaluation>;
  /** Answer a question from the account's state and memory, with citations; kept in its history. */
  answer(input: { accountId: string; question: string; askedBy?: string; asOf?: string }): Promise<AnswerResult>;
}

function competitorsFor(account: { settings: Record<string, unknown> }): string[] {
  return riskConfigFor(account.settings).competitors;
}

/**
 * People we learn about from the signals themselves: new senders, form fills, attendees. Their
 * departures are not written here: the risk model derives status as of each moment from signals.
 */
async function learnContacts(db: Db, ctx: PerceiveContext, signals: Signal[]): Promise<void> {
  const known = new Set(ctx.contacts.map((c) => c.email));
  const add = async (email: string | undefined, name: string | undefined) => {
    if (!email || known.has(email) || !matchesDomain(email, ctx.account.domains)) return;
    known.add(email);
    await upsertContact(db, ctx.account.id, { email, name: name ?? null });
  };
  for (const s of signals) {
    if (s.kind === 'email' && !s.auto && !s.insights?.auto) {
      await add(s.from.email, s.from.name);
      for (const p of [...s.to, ...s.cc]) await add(p.email, p.name);
    }
    if (s.kind === 'engagement') await add(s.contactEmail, s.contactName);
    if (s.kind === 'meeting' || s.kind === 'calendar') for (const a of s.attendees) await add(a.email, a.name);
  }
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
  const graphDeps: GraphDeps = {
    db, embedder, reasoner, fallbackReasoner: rules, ourDomains, competitorsFor,
    perceive: perceiveSignal,
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
      const ctx = await perceiveContext(accountId);
      const perceived = pending.map((s) => ({ ...s, insights: perceiveSignal(s, ctx) }) as Signal);
      await rememberSignals({ db, embedder }, perceived);
      await learnContacts(db, ctx, perceived);
      for (const s of perceived) await setSignalInsights(db, s.id, s.insights!);
      return { remembered: perceived.length };
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
      const signals = await listSignals(db, accountId, { before: at });
      ctx.contacts = effectiveContacts(ctx.contacts, signals.map((x) => x), at);
      const withInsights = signals.map((s) => (s.insights ? s : ({ ...s, insights: perceiveSignal(s, ctx) } as Signal)));
      const assessment = assessRisk({ account: ctx.account, contacts: ctx.contacts, signals: withInsights, asOf: at });
      const askCtx = { question, account: ctx.account, contacts: ctx.contacts, signals: withInsights, assessment, asOf: at, retrieve: search };
      const result = useLlm
        ? await answerWithLlm(deps.chatModel!, tools, askCtx, (m) => deps.log?.(m, { accountId }))
        : await answerWithRules(askCtx);
      const record = await insertQuestion(db, { accountId, question, answer: result.answer, intent: result.intent, reasoner: result.reasoner, citations: result.citations, askedBy });
      return { ...result, questionId: record.id };
    },
  };
}
