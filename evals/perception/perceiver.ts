// The perceiver the eval reads with: the configured Perceiver (agents/perceivers) when that stage
// exists, else agents/perception's perceiveSignal behind a small adapter (how perception was called
// before the Perceiver contract, so the same eval measures an older commit as it stood).
import type { Insights, Signal } from '../../agents/signals/schema.js';
import type { CorpusPerceiveContext } from './signal.js';

export interface EvalPerceiver {
  id: string;
  version: string;
  perceive(signal: Signal, ctx: CorpusPerceiveContext): Promise<Insights>;
}

type PerceiversModule = {
  createPerceiver(s: { kind: 'rules' | 'llm'; chatModel?: unknown; modelName?: string }): EvalPerceiver;
};
type PerceptionModule = { perceiveSignal(signal: Signal, ctx: CorpusPerceiveContext): Insights };

// Specifiers held in variables: an older checkout may lack the perceiver stage, which is the point.
const PERCEIVERS = '../../agents/perceivers/index.js';
const PERCEPTION = '../../agents/perception/index.js';
const VERSION = '../../agents/perception/version.js';

async function tryImport<T>(spec: string): Promise<T | undefined> {
  try {
    return (await import(spec)) as T;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes(spec.replace('../../', '').replace('.js', ''))) return undefined;
    throw err;
  }
}

export async function loadPerceiver(kind: 'rules' | 'llm'): Promise<EvalPerceiver> {
  const stage = await tryImport<PerceiversModule>(PERCEIVERS);
  if (stage) {
    if (kind === 'rules') return stage.createPerceiver({ kind });
    const { loadConfig } = await import('../../config.js');
    const { createChatModel } = await import('../../agents/models.js');
    const config = loadConfig();
    if (!config.llm.apiKey && !config.llm.baseURL) throw new Error('--perceiver llm needs OPENAI_API_KEY or OPENAI_BASE_URL');
    return stage.createPerceiver({ kind, chatModel: createChatModel({ ...config, reasoner: 'llm' }), modelName: config.llm.model });
  }
  if (kind === 'llm') throw new Error('this checkout has no perceiver stage (agents/perceivers): only --perceiver rules can run');
  const { perceiveSignal } = (await import(PERCEPTION)) as PerceptionModule;
  const v = await tryImport<{ RULES_PERCEIVER_VERSION: string }>(VERSION);
  return { id: 'rules', version: v?.RULES_PERCEIVER_VERSION ?? 'pre-perceiver', perceive: async (s, c) => perceiveSignal(s, c) };
}
