// The real @langchain/openai client against an OpenAI-compatible /embeddings endpoint on loopback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsDimensions, createOpenAIEmbedder } from '../../../agents/memory/openai-embedder.js';

interface EmbeddingsRequest { model: string; input: string[]; dimensions?: number; encoding_format?: string }

let server: Server;
let baseURL: string;
const requests: EmbeddingsRequest[] = [];
/** The length of the vectors the server returns when the client does not ask for one. */
const NATIVE = 1536;

/** A deterministic vector per text, of the requested length (as text-embedding-3 models shorten theirs). */
const vectorFor = (text: string, n: number) => Array.from({ length: n }, (_, i) => Math.sin(text.length + i));

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const r = JSON.parse(body) as EmbeddingsRequest;
      requests.push(r);
      const data = r.input.map((text, index) => {
        const v = vectorFor(text, r.dimensions ?? NATIVE);
        const embedding = r.encoding_format === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
        return { object: 'embedding', index, embedding };
      });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ object: 'list', model: r.model, data, usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => { await new Promise((resolve) => server.close(resolve)); });

describe('OpenAI-compatible embedder', () => {
  it('asks text-embedding-3 models for the column\'s dimensions and returns them', async () => {
    const e = createOpenAIEmbedder({ baseURL, apiKey: 'k', model: 'text-embedding-3-small', dimensions: 384 });
    const vectors = await e.embed(['renewal risk', 'security review', '']);
    expect(e).toMatchObject({ id: 'openai:text-embedding-3-small:384', dimensions: 384 });
    expect(vectors.map((v) => v.length)).toEqual([384, 384, 384]);
    expect(vectors[0][1]).toBeCloseTo(Math.sin(13), 6);
    expect(requests.at(-1)).toMatchObject({ model: 'text-embedding-3-small', dimensions: 384, input: ['renewal risk', 'security review', ' '] });
    expect(await e.embed([])).toEqual([]);
  });

  it('fails clearly when the vectors do not fit the column', async () => {
    const e = createOpenAIEmbedder({ baseURL, model: 'nomic-embed-text', dimensions: 384 });
    await expect(e.embed(['hello'])).rejects.toThrow(
      'Embedding model nomic-embed-text returned 1536-d vectors but 384 are expected (memory_chunks.embedding): set EMBEDDING_DIMENSIONS=1536 and migrate the column, or use a model that returns 384-d vectors');
    expect(requests.at(-1)?.dimensions).toBeUndefined(); // other models are not sent the parameter unless asked
  });

  it('sends dimensions to other models on request', async () => {
    const e = createOpenAIEmbedder({ baseURL, model: 'my-matryoshka-model', dimensions: 256, requestDimensions: true });
    expect((await e.embed(['x']))[0]).toHaveLength(256);
    expect(requests.at(-1)?.dimensions).toBe(256);
  });

  it('knows which models accept dimensions', () => {
    expect(['text-embedding-3-large', 'openai/text-embedding-3-small', 'text-embedding-ada-002', 'bge-m3'].map(acceptsDimensions)).toEqual([true, true, false, false]);
  });
});
