// Builds the configured perceiver: `rules` (default, offline) or `llm` (a chat model, with the rules
// perceiver answering when its reply is malformed twice).
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { createRulesPerceiver } from './rules.js';
import { createLlmPerceiver } from './llm.js';
import type { Perceiver, PerceiverId } from './types.js';
import type { PerceiveStageOptions } from './perceive-signals.js';

export type { Perceiver, PerceiverId, Reading, PerceiveContext } from './types.js';
export { PERCEIVER_IDS, perceiverKey, readWith } from './types.js';
export { createRulesPerceiver } from './rules.js';
export { createLlmPerceiver, LLM_PERCEIVER_VERSION } from './llm.js';
export { perceiveSignals, type PerceiveStageOptions } from './perceive-signals.js';

export interface PerceiverSettings {
  kind: PerceiverId;
  /** Required for `llm`. */
  chatModel?: BaseChatModel;
  /** The model's name, part of the llm perceiver's version. */
  modelName?: string;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
}

export function createPerceiver(s: PerceiverSettings): Perceiver {
  if (s.kind === 'llm') {
    if (!s.chatModel) throw new Error('PERCEIVER=llm needs a chat model: set OPENAI_API_KEY or OPENAI_BASE_URL');
    return createLlmPerceiver(s.chatModel, { modelName: s.modelName ?? 'unknown', log: s.log });
  }
  return createRulesPerceiver();
}

/** How the perception stage runs for a perceiver: an LLM reads several signals at once and re-reads a bounded number per run. */
export function stageOptionsFor(p: Perceiver): PerceiveStageOptions {
  return p.id === 'llm' ? { concurrency: 4, maxStalePerRun: 25 } : {};
}
