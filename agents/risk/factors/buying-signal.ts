// Buying intent: the account asking for the contract, the price or how to sign; or the proposal
// viewed repeatedly, or the pricing page visited.
import type { Signal } from '../../signals/schema.js';
import { NONE, flagged, type FactorCheck } from '../check.js';
import { DAY, t, within, type Timeline } from '../timeline.js';
import { ago, plural, quote, unique, who } from '../explain.js';

type Engagement = Extract<Signal, { kind: 'engagement' }>;
const isView = (s: Signal): s is Engagement => s.kind === 'engagement' && s.event === 'proposal_viewed';
const isPricing = (s: Signal): s is Engagement => s.kind === 'engagement' && s.event === 'pricing_page_visit';

export function buyingSignal(tl: Timeline): FactorCheck {
  const { lookbackDays, minProposalViews } = tl.config.buying;
  const recent = within(tl, tl.human, lookbackDays);
  const said = recent.filter((s) => s.kind !== 'engagement' || s.event === 'form_submitted').flatMap((s) => (s.insights?.buying ?? []).map((b) => ({ b, s })));
  const views = recent.filter(isView);
  const pricing = recent.filter(isPricing);
  const repeated = views.length >= minProposalViews;
  if (said.length === 0 && !repeated && pricing.length === 0) return NONE;
  const parts: string[] = [];
  const top = said[said.length - 1];
  if (top) parts.push(`${who(tl, top.s)} ${ago(tl.now - t(top.s.occurredAt))} ago: ${quote(top.b.text)}`);
  if (repeated) parts.push(`the proposal was viewed ${plural(views.length, 'time')} in ${lookbackDays} days (last ${ago(tl.now - t(views[views.length - 1].occurredAt))} ago)`);
  if (pricing.length) parts.push(`${pricing.length === 1 ? 'a visit' : plural(pricing.length, 'visit')} to the pricing page (last ${ago(tl.now - t(pricing[pricing.length - 1].occurredAt))} ago)`);
  const engaged = [...(repeated ? views : []), ...pricing];
  const counted = [...said.map((x) => x.s), ...engaged];
  const newest = Math.max(...counted.map((s) => t(s.occurredAt)));
  return flagged({
    factor: 'buying_signal',
    weight: tl.config.weights.buying_signal + 3 * Math.min(3, said.length + (repeated ? 1 : 0) + (pricing.length ? 1 : 0) - 1),
    explanation: `Buying intent: ${parts.join('; ')}`,
    evidence: unique([...said.slice(-3).map((x) => x.s.id), ...engaged.slice(-2).map((s) => s.id)]),
  }, newest + lookbackDays * DAY);
}
