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
}

export function createChatModel(s: ModelSettings): BaseChatModel | undefined {
  if (s.reasoner !== 'llm') return undefined;
  return new ChatOpenAI({
    model: s.llm.model, temperature: 0, maxRetries: 1, timeout: 60_000,
    apiKey: s.llm.apiKey ?? 'not-needed',
    configuration: s.llm.baseURL ? { baseURL: s.llm.baseURL } : undefined,
  });
}

export function createEmbedder(s: ModelSettings): Embedder {
  return s.embeddings.kind === 'openai'
    ? createOpenAIEmbedder({ apiKey: s.llm.apiKey, baseURL: s.llm.baseURL, model: s.embeddings.model, dimensions: s.embeddings.dimensions })
    : createLocalEmbedder(s.embeddings.dimensions);
}
