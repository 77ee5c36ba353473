// Request classes read from a sentence's role (request-settled.ts and the frames it extends): named
// requests, benefits promised on our act, a block on their work, leave to act on their account; and
// the look-alikes: a note's ask settled in the next sentence, "nothing you need to do", joking and
// news-breaking questions, a topic named then answered, a number searched for, a gerund after a
// comma, a want in a relative clause, a rule of theirs in the passive, "get you" as giving.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../agents/perception/nlp.js';
import { asks, questionSentences } from '../../../agents/perception/question.js';
import { noteAsk } from '../../../agents/perception/request-implicit.js';
import { answeredNext } from '../../../agents/perception/request-settled.js';

const asking = (text: string) => questionSentences(text).length > 0;
/** A note's open asks, as requestsOf reads them. */
const noteAsks = (text: string) => {
  const sents = analyze(text);
  return sents.filter((s, i) => noteAsk(s) && !answeredNext(sents[i + 1])).length > 0;
};

function group(name: string, yes: string[], no: string[], read: (t: string) => boolean = asking): void {
  describe(name, () => {
    it.each(yes)('asks: %s', (text) => expect(read(text)).toBe(true));
    it.each(no)('asks nothing: %s', (text) => expect(read(text)).toBe(false));
  });
}

group('a request named by its label', [
  'Requesting read-only rights for two auditors from Halden & Co.',
  'Request for a second staging tenant before the freeze.',
  'Requesting that the March invoice be split by cost centre.',
], [
  'Request approved by our director this morning, thanks.',
  'The request we raised in June was closed by your team.',
  'Requests from the depots have dropped since the upgrade.',
]);

group('a benefit promised on something we could do', [
  'If the reminders could be switched off for weekends, that would save us a lot of noise.',
  'A sample contract in Polish would go a long way with our works council.',
  'Honestly, if those exports could be scheduled for 5am, it would help us massively.',
], [
  'If we could get our own data clean, that would save us hours every week.',
  'Hiring two more planners would go a long way for our night shift.',
  'Our new warehouse would make a big difference to delivery times.',
]);

group('a problem blocking their work', [
  'Payroll sync fails with a 401. This is blocking our month-end close.',
  "The login loop is back and it's blocking onboarding for the new depot.",
  'Routes are not importing, which is blocking the Monday dispatch run.',
], [
  'The snowstorm is blocking two of our trucks near Brno.',
  'We blocked the afternoon for the workshop.',
  'Our firewall was blocking your webhook, fixed it on our side.',
]);

group('leave to act on their account', [
  'the Hamburg desk closed, so feel free to remove those 4 users whenever',
  'Feel free to archive the old test workspace, nobody uses it.',
  'We have moved on from the pilot, feel free to delete the sandbox data.',
], [
  'Feel free to reach out if anything comes up.',
  'feel free to forward this to your product folks',
  'Feel free to ask me anything about the rollout.',
]);

group('a note whose ask the next sentence settles', [
  'Keiko asked for the rate card in Excel. Will send it tomorrow.',
  'Luca asked whether we could add Portuguese to the driver app. Told him we would check with product.',
  'Dmitri asked during the audit call whether our backups are encrypted at rest.',
  'Priya asked what separates our forecasting from the spreadsheet she uses today.',
  'Ama wants us to present the roadmap to her leadership team in January.',
], [
  'Keiko asked for the rate card in Excel. Sent it over after the call.',
  'Luca asked whether we could add a second admin. Told him it is already included, no action.',
  'Dmitri asked about SSO logs. Shared the export with him on the spot.',
  'Priya asked how they should structure their own territories.',
], noteAsks);

describe('saying nothing is wanted of us', () => {
  it.each([
    'I have asked the planners to clean up their routes before Christmas; nothing you need to do there.',
    'We will migrate the archive ourselves over the weekend, so no action needed from your side.',
    'The depots need to finish the training by Friday - nothing for you to do.',
  ])('asks nothing: %s', (text) => expect(asking(text)).toBe(false));
});

group('questions that joke, break news or name a topic', [
  'did you see the error on the invoice page? can you check it',
  'lol can u resend the link? the old one expired',
  'Our old exports? Can you switch them off?',
], [
  'does your support team ever take a day off? 😂 got an answer on Sunday',
  'haha did u catch the keynote? our CEO is still talking about it',
  'has anybody told you that Bruno retired? his deputy takes over next week',
  'Our previous dispatch tool? Retired it last spring, nobody misses it.',
]);

group('statements that only look like asks', [
  'Please find attached the signed NDA, and could you confirm the kickoff date?',
  'The report we need each Monday is missing the depot column, can you add it?',
  'The thing I would really need from you is a clean export of the lanes.',
], [
  'Please find the signed NDA attached.',
  'The vendor we looked at, running it in-house, was dropped in May.',
  'The seat count we will need in spring is lower than today.',
  'Our committee has decided that every tool over 20k should be reviewed yearly.',
  'So the price was, what was it, nine per user? That was two years ago.',
  'I would love to get you the network map this week, but it depends on our IT team.',
  'The decision is made, I just need to get it through our finance committee.',
]);

describe('a third party needing something done by us', () => {
  it.each([
    'legal just pinged me, they need it signed by you guys before Friday',
    'Procurement needs the form completed by your team this week.',
    'finance came back, they need it reissued from your side with the PO number',
  ])('asks: %s', (text) => expect(analyze(text).some(asks)).toBe(true));
});

group('asks put as a step waiting on us, an awaited thing, a check or a label', [
  'Glad to countersign as soon as you send the corrected schedule over.',
  'When your team confirms the cutover date, we will brief the depots.',
  'Looking forward to receiving the updated rate card.',
  'Grateful for any pointers on the Azure AD group mapping.',
  'Just checking whether the October credit has gone through.',
  'Action required: sign the renewal order form by the 25th.',
  'The statements should go to finance@northwind.example, not to Raj.',
], [
  'When you sent the rate card last week, we loaded it the same day.',
  'Looking forward to seeing your team at the Rotterdam workshop.',
  'Grateful for your help during the outage yesterday.',
  'We are checking whether our proxy strips the header.',
  'Action taken: our admins reset the passwords.',
]);

group('questions that wonder or quote rather than ask', [
  'Why would your export drop the last column?',
  'Can you tell us why the sync failed?',
], [
  'Can you believe we have not had a single failed sync?',
  'Why would anyone book a release on Christmas Eve?',
  'Can you believe it is December next week?',
  'Should we move everything to one tool? That is what our CFO asked at the offsite.',
]);

group('notes: wondering aloud, a labelled ask, an ask of their own people', [
  'Keiko wondered whether we could add a Dutch template to the invoice run.',
  "Owen's request: a second SSO connection for the contractors.",
  'Ask from Siobhan: a health-score walkthrough for her team leads.',
], [
  'Keiko wondered whether they should move the depot to Antwerp.',
  'Owen requested more headcount from his CIO.',
  "Siobhan's ask: done, shared the deck on Monday.",
], noteAsks);

group('asks said as a question of mine, a polite past, a wish with its subject left out, a meeting proposed', [
  'I suppose my question is whether the archive survives the migration.',
  'Wanted to check if the Friday slot still works for your engineers.',
  'Be great to get the API changelog before the upgrade.',
  "Let's get a review session booked with your data team.",
], [
  'Wanted to say thanks for turning the fix around so quickly.',
  "Let's see how December goes before we talk numbers.",
  'We need to check whether our proxy is at fault.',
]);

group('questions the writer answers at once', [
  'Is the export fixed? Please confirm.',
  'The renewal date? Can you remind me?',
], [
  'Is it flawless? No. Is it better than the spreadsheets? Absolutely.',
  'The response from the drivers? Really positive so far.',
  "So that's, what, the fourth timeout this month?",
]);

group('troubles that outlast a fix, and a softened appreciation', [
  'still getting the same 502s on the webhook after your patch',
  "We're still seeing duplicated stops on the Tuesday routes.",
  'Would appreciate if somebody could check ticket 5120, no reply since Monday.',
], [
  "We're still seeing strong adoption in the Gdansk hub.",
  'The dispatchers are still getting used to the new layout.',
  'Really appreciated the quick turnaround on the export last week.',
]);

group('hopes for their own outcomes and work on their own things', [
  "We'd love to see a walkthrough of the approvals module.",
  'I need to get our invoices from your portal, where are they?',
], [
  'Our COO would like to see usage double across the depots by spring.',
  'We need to get our own master data in order before adding anyone.',
  'We need to sort our carrier codes out before the import.',
]);
