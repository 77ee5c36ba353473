import type { AgentContextType } from './state.js';

/** After critique: write the results, or stop when the run only evaluates. */
export function afterCritique(context: AgentContextType | undefined): 'publish' | '__end__' {
  return context?.dryRun ? '__end__' : 'publish';
}
