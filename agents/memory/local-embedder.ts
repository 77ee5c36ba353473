// The offline default embedder: signed feature hashing of words, word pairs and character
// trigrams into 384 dimensions, sublinear term weights, L2-normalised. Deterministic and fast
// (tens of thousands of short chunks per second), no model download.
//
// Good at: lexical overlap — names, product and company terms, numbers, exact phrases, and
// morphological variants (trigrams make "renewal" meet "renew", "security" meet "secure").
// Bad at: meaning without shared words — synonyms and paraphrase ("budget" vs "money"), negation,
// other languages. Configure OpenAI-compatible embeddings (EMBEDDINGS=openai) for semantic recall.
import { createHash } from 'node:crypto';
import type { Embedder } from './embedder.js';

export const LOCAL_DIMENSIONS = 384;

const STOP = new Set('a an and are as at be but by for from has have i if in into is it its me my of on or our so that the their them they this to was we were what when where which who will with you your'.split(' '));

function hash32(s: string): number {
  // FNV-1a: fast, stable across runs and platforms.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function stem(w: string): string {
  return w.replace(/(ings?|ed|ly|es|s)$/, '').replace(/(.)\1$/, '$1') || w;
}

export function tokenize(text: string): string[] {
  return (text.toLowerCase().normalize('NFKD').match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP.has(w));
}

export function embedText(text: string, dims = LOCAL_DIMENSIONS): number[] {
  const counts = new Map<string, number>();
  const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  const words = tokenize(text).map(stem);
  for (let i = 0; i < words.length; i += 1) {
    add(`w:${words[i]}`, 1);
    if (i + 1 < words.length) add(`b:${words[i]}_${words[i + 1]}`, 0.5);
    const padded = `#${words[i]}#`;
    for (let j = 0; j + 3 <= padded.length; j += 1) add(`t:${padded.slice(j, j + 3)}`, 0.25);
  }
  const v = new Array<number>(dims).fill(0);
  for (const [feature, c] of counts) {
    const h = hash32(feature);
    const sign = (h & 1) === 0 ? 1 : -1;
    v[(h >>> 1) % dims] += sign * (1 + Math.log(c));
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

export function createLocalEmbedder(dims = LOCAL_DIMENSIONS): Embedder {
  const id = `local-hash-v1-${dims}-${createHash('sha1').update(String(dims)).digest('hex').slice(0, 6)}`;
  return { id, dimensions: dims, embed: async (texts) => texts.map((t) => embedText(t, dims)) };
}
