// Embeddings from any OpenAI-compatible server. text-embedding-3 models are asked for
// `dimensions` so they fit the vector column; a server that ignores it fails loudly.
import { OpenAIEmbeddings } from '@langchain/openai';
import type { Embedder } from './embedder.js';

export interface OpenAIEmbedderOptions { apiKey?: string; baseURL?: string; model: string; dimensions: number }

export function createOpenAIEmbedder(o: OpenAIEmbedderOptions): Embedder {
  const client = new OpenAIEmbeddings({
    model: o.model, dimensions: o.dimensions, apiKey: o.apiKey ?? 'not-needed',
    configuration: o.baseURL ? { baseURL: o.baseURL } : undefined,
  });
  return {
    id: `openai:${o.model}:${o.dimensions}`,
    dimensions: o.dimensions,
    async embed(texts) {
      const vectors = await client.embedDocuments(texts);
      for (const v of vectors) {
        if (v.length !== o.dimensions) throw new Error(`Embedding model ${o.model} returned ${v.length}-d vectors, expected ${o.dimensions}: set EMBEDDING_DIMENSIONS to match the model and the memory_chunks.embedding column`);
      }
      return vectors;
    },
  };
}
