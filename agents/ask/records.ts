// A structured record (a usage point, a calendar entry, a proposal view, a CRM change) said in our
// own words. Its one-line rendering in memory ("proposal viewed by ana@x.com") is not anybody's
// words, so an answer states what it records (who, what, when) instead of quoting it.
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import { shortDate } from '../reasoners/describe.js';

const ENGAGED: Record<string, string> = {
  proposal_viewed: 'viewed the proposal',
  pricing_page_visit: 'visited the pricing page',
  form_submitted: 'submitted a form',
  link_clicked: 'clicked a link',
};

function nameOf(email: string | undefined, fallback: string | undefined, contacts: Contact[]): string {
  const c = email ? contacts.find((x) => x.email.toLowerCase() === email.toLowerCase()) : undefined;
  return c?.name ?? fallback ?? email ?? 'someone';
}

/** The record in a sentence of ours, or undefined for a signal made of someone's words. */
export function recordInWords(s: Signal, contacts: Contact[], asOf: string): string | undefined {
  switch (s.kind) {
    case 'usage':
      return `${s.metric} was ${s.value}${s.unit ? ` ${s.unit}` : ''} on ${shortDate(s.occurredAt)}`;
    case 'calendar': {
      const when = shortDate(s.startsAt);
      if (s.event === 'cancelled') return `"${s.title}" on ${when} was cancelled (${shortDate(s.occurredAt)})`;
      return `"${s.title}" ${s.startsAt > asOf ? 'is booked for' : 'was held on'} ${when}`;
    }
    case 'engagement':
      return `${nameOf(s.contactEmail, s.contactName, contacts)} ${ENGAGED[s.event] ?? s.event.replace(/_/g, ' ')} on ${shortDate(s.occurredAt)}${s.text ? ` and wrote: "${s.text}"` : ''}`;
    case 'crm': {
      const who = s.contactEmail ? ` for ${nameOf(s.contactEmail, undefined, contacts)}` : '';
      const change = s.from || s.to ? ` from ${s.from ?? 'nothing'} to ${s.to ?? 'nothing'}` : '';
      return `the CRM recorded a ${s.change.replace(/_/g, ' ')} change${who}${change} on ${shortDate(s.occurredAt)}`;
    }
    default:
      return undefined;
  }
}
