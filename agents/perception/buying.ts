// Buying intent: the account asking for the paperwork, the price, or the way to sign; and the
// engagement events that show it (each proposal view counts here; the risk model asks for repeats).
import { sentences } from './sentences.js';
import type { Signal } from '../signals/schema.js';
import type { Utterance } from './utterances.js';

export interface BuyingCue { text: string }

const BUYING = /\b(send (over )?(me |us )?(the |a |your )?(contract|order form|paperwork|msa|agreement|quote|proposal|invoice)|ready to (move forward|sign|proceed|buy|go ahead|purchase)|pricing (for|on)|quote for|who do we sign|who (signs|should sign) on your side|what are the next steps|next steps to (sign|purchase|buy)|purchase order|budget (is |has been )?approved|get (this|it) signed|move forward with|go ahead with|start (the )?procurement|(let'?s|let us) sign|sign (it|the contract|the order form|on \w+day))\b/i;

export function findBuying(parts: Utterance[]): BuyingCue[] {
  return parts.filter((u) => u.side === 'them').flatMap((u) => sentences(u.text).filter((s) => BUYING.test(s)).map((text) => ({ text })));
}

/** A proposal view or pricing-page visit is intent on its own: described as what happened. */
export function engagementBuying(s: Signal): BuyingCue[] {
  if (s.kind !== 'engagement' || (s.event !== 'proposal_viewed' && s.event !== 'pricing_page_visit')) return [];
  const by = s.contactName ?? s.contactEmail;
  return [{ text: `${s.event.replace(/_/g, ' ')}${by ? ` by ${by}` : ''}` }];
}
