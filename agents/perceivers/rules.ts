// The rules perceiver: the offline, deterministic reader in agents/perception/, behind the Perceiver contract.
import { perceiveSignal } from '../perception/index.js';
import { RULES_PERCEIVER_VERSION } from '../perception/version.js';
import type { Perceiver } from './types.js';

export interface RulesPerceiverOptions {
  /** Tests inject a version to act out a bump; production uses RULES_PERCEIVER_VERSION. */
  version?: string;
}

export function createRulesPerceiver(opts: RulesPerceiverOptions = {}): Perceiver & { perceiveSync: typeof perceiveSignal } {
  return {
    id: 'rules',
    version: opts.version ?? RULES_PERCEIVER_VERSION,
    perceive: async (signal, ctx) => perceiveSignal(signal, ctx),
    perceiveSync: perceiveSignal,
  };
}
