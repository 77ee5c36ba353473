// Request classes of the h9 pass: "keep" as an instruction (not "keep it up", "keep it as is"),
// offers ("lmk if you want me to…", "leave it with me"), a condition that is the ask with anyone as
// its subject, something of ours still outstanding, a colleague's wish for time with us, our notes'
// asks joined by "and" to another verb; and the look-alikes: a question put to their own people
// ("@Name", "anyone on our side"), a want of another vendor's thing, "if you'd asked" (had, not
// would), a one-word pivot ("Now?"), reported speech ("they were like, why…?"), a wish beyond the
// writer's hands, their own people onto the product; a forwarder's words under a quoted forward.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../agents/perception/nlp.js';
import { questionSentences } from '../../../agents/perception/question.js';
import { noteAsk } from '../../../agents/perception/request-implicit.js';
import { askedOfOwnPeople, vocativeOf } from '../../../agents/perception/request-addressee.js';
import { forwardedParts } from '../../../agents/perception/request-forward.js';

const asking = (text: string) => questionSentences(text).length > 0;
const noteAsks = (text: string) => analyze(text).some(noteAsk);

/** One class: sentences that ask and look-alikes that do not, read as a message (or as our note). */
function group(name: string, yes: string[], no: string[], read: (t: string) => boolean = asking): void {
  const cases = [...yes.map((text) => ({ text, ask: true })), ...no.map((text) => ({ text, ask: false }))];
  it.each(cases)(`${name}: %o`, ({ text, ask }) => expect(read(text)).toBe(ask));
}

group('"keep" as an instruction', [
  'If the migration slips, please keep the legacy API running until March.',
  'keep us posted on the patch',
  'Keep a close eye on the overnight batch for the next week.',
], [
  'Keep up the brilliant work, the planners are thrilled.',
  'No changes from us, so keep the plan as it is for 2027.',
  'Keep in mind the warehouse shuts at noon on Fridays.',
]);

group('offers of the writer, not asks', [
  'Let me know if you can move the review to Thursday.',
], [
  "Let me know if you'd like me to send the raw files as well.",
  'lmk if u want us to rerun the reconciliation',
  "Leave that one with me, I'll sort the clause with our lawyers.",
]);

group('a condition with anyone as its subject', [
  'The PDF export cuts the last page, so if someone could look at it this week that would be great.',
  'If anybody can explain the jump in API calls, I am all ears.',
], [
  'If anyone could have foreseen the strike, it was our dispatch lead.',
]);

group('something of ours still outstanding', [
  'Three documents are still outstanding from your side: the W-8, the DPA and the insurance letter.',
  'We are still missing your signed security addendum.',
], [
  'Our own board approval is still pending, more next week.',
  'two of the trailers are still missing, the haulier is on it',
]);

group("a colleague's wish for time with us", [
  "Our new controller joins on Monday. She'd like twenty minutes with you about billing.",
  'Our controller would like a short session with your billing team.',
], [
  'Our new controller joins on Monday. She would like to thank you for the smooth handover.',
]);

group('a want of another vendor\'s thing', [
  'The board wants to see your roadmap before we decide.',
  "We can't sign until we've seen what you can do on the per-seat price.",
], [
  'The board wants to see a Gainsight demo before we decide.',
  "We can't sign until we've seen what Harbourline could offer for the same scope.",
  'Our CFO wants the same package priced with Harbourline first.',
]);

group('"if you\'d" before a participle is "had"', [
  "If you'd send the figures by Friday, we can close this out.",
], [
  "If you'd told me last spring we'd be live by now, I'd have laughed.",
]);

group('a pivot and reported speech put as questions', [
  'can we push the call? today?',
  'The depot leads saw it and were like, can you add it to the tablets?',
], [
  'Two years ago it was spreadsheets everywhere. Now? Everyone lives in the dashboard.',
  'The depot leads saw it and were like, why did we wait this long?',
]);

group('wishes that ask nothing of us', [
  "I'd love a revised quote before Christmas, but it depends on whether you can hold the rate.",
], [
  "I'd love to countersign this week, but it's out of my hands, legal decides.",
  "What we'd really like is to get all the dispatch supervisors on it by spring.",
]);

group('a phrasal verb the tagger reads as a noun', [
  'Busy quarter ahead, so, yeah, pencil in six more seats for the Leeds team when we renew.',
], [
  'The new depot is hectic, so, time in the office is scarce this month.',
]);

group('our notes: an ask joined by "and" to another verb', [
  'Dmitri went through the pen test summary and asked whether we could share the full report.',
  'Keiko rang about the billing run and wants it split by region.',
  'Raj phoned and asked if our API could return invoices in UBL.',
], [
  'Keiko ran the refresher herself and wants the whole team on it by January.',
], noteAsks);

describe('who a question is put to', () => {
  it.each([
    ['@Keiko can you send Sam the pipeline export?', 'keiko'],
    ['@sam.whitaker could you check the webhook?', 'sam'],
    ['Owen, can you share the VPN details?', 'owen'],
  ])('%s opens by addressing %s', (text, name) => expect(vocativeOf(text)).toBe(name));

  it.each([
    'does anybody on our team remember the shared mailbox password?',
    'Can someone in our finance team confirm the cost centre?',
  ])('their own people: %s', (text) => expect(askedOfOwnPeople(text)).toBe(true));

  it.each([
    'does anybody on your team know why the sync skipped Tuesday?',
    'Can someone confirm the cost centre on the invoice?',
  ])('not their own people: %s', (text) => expect(askedOfOwnPeople(text)).toBe(false));
});

describe("a forwarder's own words under a quoted forward", () => {
  it('are the forwarder\'s, even when the forward is for information', () => {
    const raw = "Sam, forwarding Ama's note below for context, it's about our canteen supplier:\n\n> We are ending the catering contract in March.\n\nCould you check the shift report still exports after the change?\n\nSiobhan";
    const fresh = "Sam, forwarding Ama's note below for context, it's about our canteen supplier:\n\n---------- Forwarded message ---------\nWe are ending the catering contract in March.\n\nCould you check the shift report still exports after the change?\n\nSiobhan";
    const parts = forwardedParts(fresh, raw, []);
    expect(parts.own).toContain('Could you check the shift report');
    expect(parts.forwarded).toEqual([]);
  });
});

group('asks in other phrasings', [
  "We're relying on your engineers to have the mapping sorted before the audit.",
  'So the real question for you is whether the rebate applies to the add-on.',
  'Ready to countersign once the indemnity wording is corrected on your side.',
  "I'm still not seeing the revised invoice in our portal.",
], [
  "We're relying on our own dispatchers to catch the gaps for now.",
  "We're not seeing any errors yet, fingers crossed.",
  'Why did we ever agree to a Friday go-live?',
  "Keep doing what you're doing, the depots are delighted.",
  'Keep an eye out for the signed order form, Raj is sending it today.',
]);

group('our notes: a contact pressing or a wish reported', [
  'Priya pushed hard for a price freeze on the renewal.',
  "Owen mentioned they'd love a refresher for the night shift.",
], [
  'Priya pushed back on the idea internally and dropped it.',
], noteAsks);

group('more asks: a subjunctive ask, a meeting, a thing of ours awaited, an answer needed, advice to us', [
  "We'd ask that every schema change is announced a fortnight ahead.",
  "Let's find forty minutes on Thursday to walk through the overage.",
  'Looking forward to your revised quote for the Bergen depot.',
  'Our auditors need confirmation that the backups stay in the EU.',
  'Honestly, you should add a dark mode for the night dispatchers.',
], [
  "I'd ask you for a Spanish version, but nobody here would read it.",
  'Looking forward to your visit to the Gdansk depot.',
  'You should receive our PO by Wednesday.',
  'You should have seen the planners when the map loaded.',
  'We are curious to see how the night shift takes to it.',
  "Would be great if the budget stretched to it, but that's our problem.",
]);

group('our notes: waiting on us', [
  'Tomasz is still waiting on the sandbox credentials from us.',
], [
  'Tomasz is waiting on his own security team for the sign-off.',
], noteAsks);

group('asks read from a message in context', [
  'quick q, the lisbon team sees dates in US format. is that a setting somewhere',
  'Nightly export to SFTP failed twice this week and payroll runs on Thursday, so this is fairly urgent.',
  'Last time the course was too fast; a slower, hands-on version would really help.',
  'Rolled the change back on our side but need you to confirm what your release changed.',
  'A one-page summary of the savings we made this year would make my life much easier.',
], [
  'The export failed once this week. Not urgent, we reran it by hand.',
  'A bit of luck with the weather would help the depots this week.',
  'If we could get our own data clean, that would save us hours.',
]);

group('our notes: labelled asks, a want for one of ours on a call', [
  'QBR with Priya and Adaeze. Asks: (1) usage by region, (2) a preview of the mobile roadmap.',
  'Call with Tomasz. He raised the export timeout again and wants an engineer on the next call.',
], [
  'Call with Tomasz. He loves the new exports and wants the whole IT team on the platform by March.',
], noteAsks);

group('their step waiting on us, where things go, what our documents must say, easing terms, troubles that last', [
  'Only the signing certificate. Once we get it from your side, the switch takes five minutes.',
  'The September usage report went to Raj only. Going forward it should go to Mia and me as well.',
  'PO 5120 is approved. The invoice must reference it or our AP team will reject it.',
  'Quarterly billing would make this far easier to get through our finance committee.',
  'still cant open the depot map on ipads, same blank screen as monday',
], [
  'Once we have the budget from our board, the switch takes five minutes.',
  'Our own invoices must reference the job number from January.',
  'Moving our data in-house would make things easier for the analysts.',
  'we still can not decide which depot goes first',
]);

group('a relayed question the writer answered', [
  'Two of the planners asked me whether routes can be exported to Excel. I could not find it in the docs.',
], [
  'Two of the planners asked me whether routes can be exported to Excel. I showed them the export button and they were happy.',
]);

group('our notes: a group of theirs that wants to know', [
  'Keiko on the phone: the sales managers want to know if forecasts can go to Slack. Said I would check.',
], [
  'Keiko on the phone: the sales managers want to keep the weekly forecast meeting.',
], noteAsks);

group("'that' after a preposition points at the thing, it opens no relative clause", [
  "We'll add nine seats for the Tallinn office in spring; a quote for that would be appreciated.",
], [
  'The depots got everything that they asked for, which was much appreciated.',
]);
