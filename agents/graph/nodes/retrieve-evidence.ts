import type { Runtime } from '@langchain/langgraph';
import { excerptFor, signalText } from '../../evidence.js';
import { questionSentences } from '../../perception/language.js';
import type { Evidence } from '../../recommendation.js';
import type { Factor } from '../../risk/types.js';
import type { GraphDeps } from '../deps.js';
import type { AgentContextType, AgentStateType, AgentStateUpdate } from '../state.js';

/** What to look for in memory when a factor names no signal of its own. */
const MEMORY_QUERY: Partial<Record<string, string>> = {
  renewal_approaching: 'renewal contract budget decision',
  owner_gap: 'account owner customer success manager handover',
  no_next_step: 'next steps meeting schedule',
  stage_stalled: 'timeline decision next steps',
};

/** Verbatim excerpts of the signals behind each factor, the passage that best explains it. */
export function makeRetrieveEvidenceNode(deps: GraphDeps) {
  return async function retrieveEvidence(s: AgentStateType, runtime: Runtime<AgentContextType>): Promise<AgentStateUpdate> {
    const byId = new Map(s.signals.map((x) => [x.id, x]));
    const evidence: Record<string, Evidence[]> = {};
    const factors: Factor[] = [...s.assessment.factors, ...s.assessment.opportunities];
    for (const f of factors) {
      const items: Evidence[] = [];
      for (const id of [...f.evidence].reverse()) {
        const sig = byId.get(id);
        if (!sig) continue;
        const asked = f.factor === 'unanswered_inbound' || f.factor === 'new_lead_waiting' ? questionSentences(signalText(sig)) : [];
        const hint = [...asked, ...(asked.length ? [] : [f.explanation]), ...(sig.insights?.expansion ?? []).map((e) => e.text), ...(sig.insights?.commitments ?? []).map((c) => c.text),
          ...(sig.insights?.stakeholderChanges ?? []).map((c) => c.text), ...(sig.insights?.competitors ?? []).map((c) => c.text), sig.insights?.negativeText ?? ''].join(' ');
        items.push({ signalId: sig.id, excerpt: excerptFor(sig, hint), occurredAt: sig.occurredAt });
        if (items.length >= 4) break;
      }
      const query = MEMORY_QUERY[f.factor];
      if (items.length === 0 && query) {
        const hits = await deps.retrieve({ accountId: runtime.context!.accountId, query, k: 2, before: runtime.context!.asOf });
        for (const h of hits) items.push({ signalId: h.signalId, excerpt: h.excerpt, occurredAt: h.occurredAt });
      }
      evidence[f.factor] = items;
    }
    return { evidence };
  };
}
