// Embeddings from any OpenAI-compatible server (OpenAI, vLLM, Ollama, llama.cpp) through
// @langchain/openai. Vectors must fit the memory column: text-embedding-3 models are asked for
// `dimensions` (they shorten their vectors on request); other models are not asked, since many
// servers reject the parameter, and a vector of another length fails loudly instead of being stored.
import { OpenAIEmbeddings } from '@langchain/openai';
import type { Embedder } from './embedder.js';

export interface OpenAIEmbedderOptions {
  apiKey?: string;
  /** An OpenAI-compatible endpoint, e.g. http://localhost:11434/v1; OpenAI's when absent. */
  baseURL?: string;
  model: string;
  /** The length every vector must have: the memory_chunks.embedding column's (384 by default). */
  dimensions: number;
  /** Send `dimensions` in the request. Default: only for text-embedding-3 models. */
  requestDimensions?: boolean;
  /** Texts per request (default 256). */
  batchSize?: number;
  /** Per request, in milliseconds (default 60 s). */
  timeoutMs?: number;
}

/** True for models known to shorten their vectors on request (OpenAI's text-embedding-3 family). */
export function acceptsDimensions(model: string): boolean {
  return /(^|\/)text-embedding-3/.test(model);
}

export function createOpenAIEmbedder(o: OpenAIEmbedderOptions): Embedder {
  const ask = o.requestDimensions ?? acceptsDimensions(o.model);
  const client = new OpenAIEmbeddings({
    model: o.model,
    ...(ask ? { dimensions: o.dimensions } : {}),
    apiKey: o.apiKey ?? 'not-needed',
    batchSize: o.batchSize ?? 256,
    timeout: o.timeoutMs ?? 60_000,
    maxRetries: 2,
    configuration: o.baseURL ? { baseURL: o.baseURL } : undefined,
  });
  return {
    id: `openai:${o.model}:${o.dimensions}`,
    dimensions: o.dimensions,
    async embed(texts) {
      if (texts.length === 0) return [];
      // The API refuses empty input; a blank text has no meaning to embed anyway.
      const vectors = await client.embedDocuments(texts.map((t) => (t.trim() ? t : ' ')));
      if (vectors.length !== texts.length) {
        throw new Error(`Embedding model ${o.model} returned ${vectors.length} vectors for ${texts.length} texts`);
      }
      for (const v of vectors) {
        if (v.length !== o.dimensions) {
          throw new Error(`Embedding model ${o.model} returned ${v.length}-d vectors but ${o.dimensions} are expected (memory_chunks.embedding): `
            + `set EMBEDDING_DIMENSIONS=${v.length} and migrate the column, or use a model that returns ${o.dimensions}-d vectors`
            + `${ask ? '' : ` (text-embedding-3 models are asked for ${o.dimensions})`}`);
        }
      }
      return vectors;
    },
  };
}
