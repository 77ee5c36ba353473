// Look-alikes of an ask read by what the words do (request-forms.ts, request-discourse.ts), asks in
// forms the main frames miss, contacts' wants reported in our notes, and forwarded messages.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../agents/perception/nlp.js';
import { asks, questionSentences } from '../../../agents/perception/question.js';
import { noteAsk } from '../../../agents/perception/request-implicit.js';
import { forwardedParts } from '../../../agents/perception/request-forward.js';

const asking = (text: string) => questionSentences(text).length > 0;

/** One test per sentence: `read` gives `want` for each. */
function cases(label: string, read: (text: string) => boolean, want: boolean, texts: string[]): void {
  for (const text of texts) it(`${label}: ${text}`, () => expect(read(text)).toBe(want));
}

describe('question marks and imperatives that ask nothing', () => {
  cases('asks nothing', asking, false, [
    'The yard crew stopped scanning pallets in, what, early August?',
    'They mostly print the manifests now, you know?',
    'how was the sabbatical',
    'Guess what? The Antwerp lane is finally profitable.',
    'would it kill the hauliers to answer their phones??',
    'Please join me in thanking Ingrid for ten great years.',
    'say hello to Bruno, he runs our Bremen yard now',
    'Too soon to tell. Ask me again after the audit.',
    'finance hasn\'t signed off the budget, so park it until the spring',
    'The tender went to another carrier, please don\'t worry, it has nothing to do with you.',
    'give me a shout if you get stuck on the mapping, I\'m in all day',
    'Answer was in the help centre, please disregard my earlier note.',
  ]);

  cases('still asks', asking, true, [
    'Can you move the cutover to Thursday, right?',
    '...; email Ingrid if the import stalls overnight.',
    'ok that works. send me the revised rider and we will review it',
  ]);
});

describe('questions the writer answers or leaves', () => {
  cases('asks nothing', asking, false, [
    'Rates, mainly. The software? No, that is the easy part.',
    'Um... frankly? The depot staff have stopped opening it.',
    'Why do audits always land in December? Anyway, the numbers are in.',
  ]);

  it('a question to the reader survives an "anyway"', () => {
    expect(asking('Did you get a chance to look at the mapping? Anyway, have a good weekend.')).toBe(true);
  });
});

describe('wishes that are not asks', () => {
  cases('asks nothing', asking, false, [
    "I'd like to introduce you to Henrike, who takes over our carrier contracts.",
    "I would like to send you the figures but the warehouse system is down again.",
    "I'd love for the night planners to have it before the peak season.",
    'I want all the depot leads using your app by spring.',
    "We'd need a holiday after this quarter, lol.",
    'Volumes are falling, which is why we need your forecasting more than ever.',
    'We wanted a Polish interface at one point, but the team is fine in English, so forget it.',
    'The order form is with our CFO and should be signed this week.',
    'nobody is asking for the old dashboard back',
  ]);
});

describe('asks in other forms', () => {
  cases('asks', asking, true, [
    'Requirement from our side: all reports must be stored in the EU region.',
    'pinging again on the credit note, our books close Thursday',
    'Following up on the SSO question from last week.',
    'Actually, the billing contact should be Lotte now, not me.',
    'We do expect some goodwill for the lost shipments.',
    'If your engineers could have a look at the timeout, that would help.',
    'Hoping to get half an hour with your solutions architect next week.',
    'We ask you to confirm the new rates in writing.',
    'the signing key leaked in a log file, so it must be rotated today',
  ]);

  cases('asks nothing', asking, false, [
    'Following up on my own ticket: the proxy was ours, nothing further needed.',
    'It should be noted that the pilot ran without incident.',
    'If you could have warned us earlier we would have planned for it.',
  ]);
});

describe('more asks in set forms, and their look-alikes', () => {
  cases('asks', asking, true, [
    'Happy to sign for two years, provided you can freeze the rate.',
    'Our insurers keep chasing us for your business continuity plan.',
    'We still have not received your countersigned addendum.',
    'Still haven\'t got the onboarding codes for the Breda crew.',
    'What we are lacking, the piece we\'re missing is a daily digest of failed jobs.',
    'I write to request an invoice in SEK.',
    'Ingrid would really appreciate a fix before the audit.',
    'Ideally the digest would also list the depot name.',
    'Might be worth your team checking the certificate chain.',
    'Could do with a steer on the SCIM mapping.',
    "You'll need to switch the billing contact to our Malmö entity.",
    'We are needing the credit note reissued.',
    'any way to merge two depots into one',
    'Our auditors have asked for your data flow diagram.',
    'talk to Henrike for anything on invoicing from now on',
    'new drivers keep landing on the old app, can u check',
  ]);
  cases('asks nothing', asking, false, [
    'The pallets still haven\'t arrived at our Gdynia yard.',
    'We haven\'t seen any errors since the patch, great work.',
    'Any way you slice it, the quarter was strong.',
    'Need I say more?',
    'Who knew onboarding could be this painless?',
    "Isn't it nice when the numbers just add up?",
    'Wish us luck with the peak season.',
    'Please pass our thanks on to your support desk.',
    'Ask the drivers and they\'ll tell you it is faster.',
    'We need to get our own data cleaned up first.',
    'We require all drivers to finish the safety module yearly.',
    "We'd love to have you over for the summer barbecue.",
    'Kindly note that our office closes on the 24th.',
  ]);
});

describe('a contact\'s want in our note', () => {
  const inNote = (text: string) => analyze(text).some(noteAsk);
  cases('reports an open ask', inNote, true, [
    'Talked to Ingrid. She is after a per-lane cost export, wants it before the board meeting.',
    'Bruno wants a written summary of the outage before he signs the renewal.',
    'Lotte asked me to remove the test users from the sandbox.',
    'Henrike flagged the duplicate invoices; she wants them credited before year end.',
    'Bruno would appreciate a call with our data team.',
    'Ingrid wants to know when the Nordic region goes live.',
    'Lotte requested a second training slot for the night shift.',
  ]);

  cases('reports no ask of us', inNote, false, [
    'Bruno wants to keep the current tier for another year.',
    'Ingrid wants her own sandbox for the pilot team.',
    'Lotte asked me to think about a case study, no rush.',
    'Henrike asked if we had enjoyed the site visit.',
  ]);
});

describe('forwarded messages', () => {
  const contacts = [{ name: 'Greta Holm', email: 'greta@acme.example' }, { name: 'Bruno Falk', email: 'bruno@acme.example' }] as never;
  it('passes on what the forwarded message asked', () => {
    const raw = 'Fwd from Bruno below.\n\n> Could the invoices come as PDF only?';
    const f = forwardedParts('Fwd from Bruno below.', raw, contacts);
    expect(f.forwarded).toEqual(['Could the invoices come as PDF only?']);
  });

  it('an FYI forward or a message to their own people asks us nothing', () => {
    const fyi = 'For your awareness.\n\n---------- Forwarded message ----------\nFrom: Bruno Falk\n\nGet me three other quotes by Monday.';
    expect(forwardedParts(fyi, fyi, contacts).forwarded).toEqual([]);
    const internal = 'See below!\n\n---------- Forwarded message ----------\nFrom: Bruno Falk\nTo: Greta Holm\n\nGreta, please go ahead and sign it.';
    expect(forwardedParts(internal, internal, contacts).forwarded).toEqual([]);
  });

  it('a forwarded ask from outside their side is passed on', () => {
    const text = 'Can we do this?\n\n---------- Forwarded message ----------\nFrom: Jan Visser\n\nWould it be possible to add the Breda team?';
    const f = forwardedParts(text, text, contacts);
    expect(f.own.trim()).toBe('Can we do this?');
    expect(f.forwarded).toEqual(['Would it be possible to add the Breda team?']);
  });
});

describe('asks() on a single sentence', () => {
  it('a learner\'s "please to inform" is no please', () => {
    expect(analyze('I am please to inform that the cutover is complete.').some(asks)).toBe(false);
  });
});
