// Perception: what one signal means for the account, computed once when it is remembered.
import { Insights, type Signal } from '../signals/schema.js';
import { automatedKind } from './auto.js';
import { findCommitments } from './commitments.js';
import { findStakeholderChanges } from './stakeholder-changes.js';
import { asksSomething, findBuying, findCompetitors, findExpansion, questionSentences, sentimentOf } from './language.js';
import { matchesDomain } from '../signals/direction.js';
import { stripQuotedReply } from '../memory/strip-quotes.js';
import { utterances, type PerceiveContext } from './text.js';

export type { PerceiveContext } from './text.js';
export { automatedKind } from './auto.js';

const firstName = (n?: string | null) => (n ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';

/**
 * Whether an inbound email's question is for us: "Erik, could you check…" sent to Erik with us in
 * copy is the customer asking a colleague. A question that names one of us, or an email addressed
 * to us (or to nobody in particular), is ours to answer.
 */
export function askedOfUs(signal: Signal, ctx: PerceiveContext): boolean {
  if (signal.kind !== 'email') return true;
  const ours = (email: string) => !matchesDomain(email, ctx.account.domains);
  const ourNames = new Set([...signal.to, ...signal.cc].filter((p) => ours(p.email)).map((p) => firstName(p.name ?? p.email.split('@')[0])));
  const theirNames = new Set([...ctx.contacts.map((c) => firstName(c.name)), ...[...signal.to, ...signal.cc].filter((p) => !ours(p.email)).map((p) => firstName(p.name ?? p.email.split(/[@.]/)[0]))].filter(Boolean));
  for (const q of questionSentences(stripQuotedReply(signal.text))) {
    const vocative = /^(?:hi |hey )?([A-Z][a-z]+)\s*,/.exec(q.trim())?.[1]?.toLowerCase();
    if (vocative && ourNames.has(vocative)) return true;
    if (vocative && theirNames.has(vocative)) continue;
    if (signal.to.length === 0 || signal.to.some((p) => ours(p.email))) return true;
  }
  return false;
}

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
    commitments: findCommitments(parts, signal.occurredAt, signal.kind === 'email' ? {
      us: [...signal.to, ...signal.cc].map((p) => p.email).filter((e) => !matchesDomain(e, ctx.account.domains)),
      them: [...signal.to, ...signal.cc].map((p) => p.email).filter((e) => matchesDomain(e, ctx.account.domains)),
    } : undefined),
    stakeholderChanges: findStakeholderChanges(signal, parts, ctx.contacts),
    competitors: findCompetitors(parts, ctx.competitors),
    sentiment,
    ...(negativeText ? { negativeText } : {}),
    expansion: findExpansion(parts),
    buying,
    question: (signal.kind === 'email' && signal.direction === 'inbound' || signal.kind === 'chat' || signal.kind === 'engagement') && asksSomething(parts) && askedOfUs(signal, ctx),
  });
}
