// The perception contract: one signal, in its account's context, becomes zod-validated Insights.
// Two implementations (rules, llm), chosen by configuration like the embedder and the reasoner.
import type { Insights, Signal } from '../signals/schema.js';
import type { PerceiveContext } from '../perception/index.js';

export type { PerceiveContext } from '../perception/index.js';

export const PERCEIVER_IDS = ['rules', 'llm'] as const;
export type PerceiverId = (typeof PERCEIVER_IDS)[number];

export interface Perceiver {
  id: PerceiverId;
  /** Bumped when what the perceiver reads from a signal changes; stored readings of another version are stale. */
  version: string;
  perceive(signal: Signal, ctx: PerceiveContext): Promise<Insights>;
  /**
   * The same, saying who answered: a perceiver that hands some signals to another (the llm perceiver
   * falls back to rules on a malformed reply) reports that one. Absent: this perceiver answered.
   */
  read?(signal: Signal, ctx: PerceiveContext): Promise<Reading>;
}

/** One perception of one signal and who produced it. */
export interface Reading {
  insights: Insights;
  perceiver: PerceiverId;
  version: string;
  /** The configured perceiver failed and `perceiver` answered in its place. */
  fallback: boolean;
}

/** `<id>@<version>`: the key stored with each reading (`perceived_for`), compared to find stale ones. */
export function perceiverKey(p: Pick<Perceiver, 'id' | 'version'>): string {
  return `${p.id}@${p.version}`;
}

export async function readWith(p: Perceiver, signal: Signal, ctx: PerceiveContext): Promise<Reading> {
  if (p.read) return p.read(signal, ctx);
  return { insights: await p.perceive(signal, ctx), perceiver: p.id, version: p.version, fallback: false };
}
