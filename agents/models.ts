// Builds the configured chat model and embedder once per worker.
import { ChatOpenAI } from '@langchain/openai';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { createLocalEmbedder } from './memory/local-embedder.js';
import { createOpenAIEmbedder } from './memory/openai-embedder.js';
import type { Embedder } from './memory/embedder.js';

export interface ModelSettings {
  reasoner: 'rules' | 'llm';
  llm: { apiKey?: string; baseURL?: string; model: string };
  embeddings: { kind: 'local' | 'openai'; model: string; dimensions: number };
  /** Absent: the rules perceiver. */
  perceiver?: { kind: 'rules' | 'llm'; model: string };
}

function openAIChat(llm: ModelSettings['llm'], model: string): BaseChatModel {
  return new ChatOpenAI({
    model, temperature: 0, maxRetries: 1, timeout: 60_000,
    apiKey: llm.apiKey ?? 'not-needed',
    configuration: llm.baseURL ? { baseURL: llm.baseURL } : undefined,
  });
}

export function createChatModel(s: ModelSettings): BaseChatModel | undefined {
  return s.reasoner === 'llm' ? openAIChat(s.llm, s.llm.model) : undefined;
}

export function createEmbedder(s: ModelSettings): Embedder {
  return s.embeddings.kind === 'openai'
    ? createOpenAIEmbedder({ apiKey: s.llm.apiKey, baseURL: s.llm.baseURL, model: s.embeddings.model, dimensions: s.embeddings.dimensions })
    : createLocalEmbedder(s.embeddings.dimensions);
}

/** The chat model the llm perceiver reads signals with (LLM_PERCEIVER_MODEL, else LLM_MODEL); none for rules. */
export function createPerceiverModel(s: ModelSettings): BaseChatModel | undefined {
  return s.perceiver?.kind === 'llm' ? openAIChat(s.llm, s.perceiver.model) : undefined;
}
