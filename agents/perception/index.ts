// Perception: what one signal means for the account, computed once when it is remembered.
import { Insights, type Signal } from '../signals/schema.js';
import { automatedKind } from './auto.js';
import { findCommitments } from './commitments.js';
import { findStakeholderChanges } from './stakeholder-changes.js';
import { asksSomething, findBuying, findCompetitors, findExpansion, sentimentOf } from './language.js';
import { utterances, type PerceiveContext } from './text.js';

export type { PerceiveContext } from './text.js';
export { automatedKind } from './auto.js';

export function perceiveSignal(signal: Signal, ctx: PerceiveContext): Insights {
  const auto = automatedKind(signal);
  if (auto) {
    // Nobody wrote this to us: only a bounce says something (an address no longer works).
    const changes = auto === 'bounce' ? findStakeholderChanges({ ...signal, auto } as Signal, [], ctx.contacts) : [];
    return Insights.parse({ auto, stakeholderChanges: changes });
  }
  const parts = utterances(signal, ctx);
  const buying = findBuying(parts);
  if (signal.kind === 'engagement' && (signal.event === 'proposal_viewed' || signal.event === 'pricing_page_visit')) {
    buying.push({ text: `${signal.event.replace(/_/g, ' ')}${signal.contactEmail ? ` by ${signal.contactEmail}` : ''}` });
  }
  const { sentiment, negativeText } = sentimentOf(parts);
  return Insights.parse({
    commitments: findCommitments(parts, signal.occurredAt),
    stakeholderChanges: findStakeholderChanges(signal, parts, ctx.contacts),
    competitors: findCompetitors(parts, ctx.competitors),
    sentiment,
    ...(negativeText ? { negativeText } : {}),
    expansion: findExpansion(parts),
    buying,
    question: (signal.kind === 'email' && signal.direction === 'inbound' || signal.kind === 'chat' || signal.kind === 'engagement') && asksSomething(parts),
  });
}
