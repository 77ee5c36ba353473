/** Turns texts into vectors. The dimension must match the `memory_chunks.embedding` column. */
export interface Embedder {
  id: string;
  dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}
