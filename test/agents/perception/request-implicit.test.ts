// Asks with neither a question mark nor an imperative nor "I'd like": a colleague's ask relayed to us,
// a need put as the condition of their next step, a wish as a hypothetical about the product, something
// still missing, a question tagged on without its mark, and a note of ours reporting an open ask. And
// the same words doing something else: their own plans, asks already dealt with, the unreal past.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../agents/perception/nlp.js';
import { asks } from '../../../agents/perception/question.js';
import { noteAsk } from '../../../agents/perception/request-implicit.js';

const asking = (text: string) => analyze(text).some(asks);

/** One group of sentences that ask and sentences in the same words that ask nothing. */
function group(name: string, yes: string[], no: string[]): void {
  describe(name, () => {
    it.each(yes)('asks: %s', (text) => expect(asking(text)).toBe(true));
    it.each(no)('asks nothing: %s', (text) => expect(asking(text)).toBe(false));
  });
}

group('relayed asks', [
  'our warehouse leads keep asking when the scanner app gets barcode batching',
  'Two of the regional managers have asked me whether the route planner can take toll costs into account.',
  'Ines asked me to chase the revised SLA appendix; nothing has arrived yet.',
  'The auditors are asking for your data-flow diagram ahead of fieldwork.',
], [
  'The planners keep asking when we will hire more drivers, which is above my pay grade.',
  'Finance asked me for a forecast refresh, so I rebuilt the model over the weekend.',
  'Our controllers asked whether we should close the Lyon depot early, and we decided against it.',
  'Our COO has asked for a review of every subscription over ten thousand.',
  'A few customers at the trade fair asked about your pricing.',
  'The drivers were asking whether the outage lost any scans; we checked the logs and nothing is missing.',
]);

group('needs put as conditions and hypotheticals', [
  'Our works council will not sign off the rollout until we have seen your data retention schedule.',
  'Dispatch cannot switch over until the tracking feed is stable again.',
  'The planning board would only be usable if it kept the sort order after a refresh.',
  'Our dispatchers would be far happier if the alerts grouped by depot.',
  'a shorter export would be handy, the current one times out',
  'If there is any way to move the cutover a week earlier, that would help our peak season.',
  'Someone mentioned a migration toolkit exists, is that something you can share',
], [
  'We cannot start phase two until our steering group meets in January.',
  'If we had owned the routing module in the spring we would have saved a fortune.',
  'Friday afternoon would be great for the call.',
  'Ideally we would have migrated before the peak, but it went fine anyway.',
  'We needed exactly this kind of alerting back in 2022, and now we have it.',
  'I would love to tell you we are ready, but the budget review is still open.',
  'Wondering whether to move the kickoff to Monday, the room is booked on Friday.',
  'We would need executive approval for anything beyond the pilot.',
]);

group('things still missing, and wants of their colleagues', [
  'still no login for the new planner in Ghent',
  'The corrected statement still has not come through.',
  'What we are after is a single export for all depots.',
  'The one thing missing is an escalation contact on your side.',
  'Legal requires a countersigned copy of your security addendum.',
  'Our controller wants the credit memos split by cost centre.',
], [
  'Our purchase order still has not come through procurement.',
  'Still no word from our legal team on the redlines.',
  'Every new depot needs one of your consultants, which is painful.',
  'Our COO wants us to review every vendor before spring.',
]);

group('wants stated flatly, questions put as not knowing, asks glued to a sign-off', [
  'Hope the move went smoothly - I was wondering whether the cutover could slip a day.',
  'Happy to talk it through, but could you share the escalation matrix first',
  'Would need the signed change request by Wednesday.',
  'Our compliance team would need a data processing annex before sign-off.',
  'We are keen to get the label printing sorted before peak.',
  'Our preference would be for invoices in euros.',
  "We'd be looking for a longer payment term on the renewal.",
  "I'm not sure how the fuel surcharge field is calculated.",
  "I couldn't find anything in your documentation about archiving old routes.",
  'Our planners asked me whether you can import routes from spreadsheets.',
], [
  'Would be nice if the map loaded faster, but it is fine for now, no action needed.',
  'Hope you enjoyed the conference, talk soon.',
  "I'm not sure whether we will expand next year.",
  "I can't find our signed copy anywhere, will ask legal.",
  'Our board would need more budget before any second phase.',
]);

describe('our notes reporting an open ask', () => {
  const inNote = (text: string) => analyze(text).some(noteAsk);
  it.each([
  'Ines asked whether we could send the uptime history for Q3.',
  'Spoke to Ines: she would like the weekly digest moved to Monday mornings.',
  'Marco asked for a walkthrough of the new billing portal.',
  ])('reports an ask: %s', (text) => {
    expect(inNote(text)).toBe(true);
  });

  it.each([
  'Marco asked for the uptime history; sent it on Friday.',
  'Ines mentioned that their COO has asked for a review of all tools.',
  'Marco said the planning team wants a separate workspace.',
  'Asked Ines whether the reorg changes anything; she said no.',
  ])('reports nothing open: %s', (text) => {
    expect(inNote(text)).toBe(false);
  });
});
