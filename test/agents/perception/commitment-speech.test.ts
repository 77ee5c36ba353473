// Promises in speech and chat (fillers, restarts, an announced action), deeds outside the list of
// handover verbs, and the clause scope around a promise (an inverted condition, an imperative it
// answers, a question after it).
import { describe, expect, it } from 'vitest';
import { Story, contact } from '../risk/builders.js';
import { unfill } from '../../../agents/perception/commitment-speech.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const story = () => new Story({ contacts: [dana] });
const TUESDAY = '2026-11-17T10:00:00.000Z';
const ours = (text: string) => story().email(TUESDAY, { from: 'sam@ourco.com', to: 'dana@acme.com', text }).insights!.commitments;
const theirs = (text: string) => story().email(TUESDAY, { from: 'dana@acme.com', to: 'sam@ourco.com', text }).insights!.commitments;
const said = (text: string) => story().meeting(TUESDAY, 'Weekly', ['dana@acme.com', 'sam@ourco.com'], [['Dana Ruiz', 'Where are we on the tariffs?'], ['Sam Patel', text]]).insights!.commitments;

describe('speech: fillers, restarts and announced actions', () => {
  it('drops what carries no meaning and keeps every other word', () => {
    expect(unfill("um, what we'll do is, we'll, uh, export the ledger")).toBe("we'll export the ledger");
    expect(unfill('I mean, Tariq\'s gonna, you know, tidy the codes')).toBe('Tariq is going to tidy the codes');
    expect(unfill('we — we will ring u back')).toBe('we will ring you back');
    expect(unfill('The umbrella policy is fine.')).toBe('The umbrella policy is fine.');
  });

  it('reads a spoken promise through its fillers', () => {
    expect(said("Yeah, um, what I'll do is, I'll, uh, export the customs ledger and, you know, send it across by Friday.")[0])
      .toMatchObject({ owner: 'us', deliverable: 'the customs ledger', dueAt: '2026-11-20T17:00:00.000Z' });
  });
});

describe('deeds outside the handover verbs', () => {
  it('our side: any act done to a thing for the customer', () => {
    expect(ours("I'll regenerate the freight invoices before Thursday.")[0]).toMatchObject({ owner: 'us', deliverable: 'the freight invoices' });
    expect(ours("We'll dig out last year's audit file and scan it over.")[0]).toMatchObject({ owner: 'us' });
  });

  it('the account: its own acts on its things are its own affairs, unless sent our way', () => {
    expect(theirs("We'll trial the new scanner app at two depots.")).toEqual([]);
    expect(theirs("I'll fish out the signed annex and pop it in your upload folder.")[0]).toMatchObject({ owner: 'them' });
  });

  it('states, thoughts and times are no deeds', () => {
    expect(ours("We'll enjoy the offsite next quarter.")).toEqual([]);
    expect(ours('Our support desk is going to double next quarter.')).toEqual([]);
  });
});

describe('the clause around a promise', () => {
  it('an inverted condition is a condition', () => {
    expect(ours("Should you ever want a second sandbox, we'll provision it at cost.")).toEqual([]);
    expect(ours("Were your auditors to ask, we'll share the pen-test letter.")).toEqual([]);
  });

  // The account's answer to an imperative is its commitment with or without a date (evals/README.md, labelling conventions);
  // ours still needs a date to be more than a courtesy.
  it('an answer to an imperative: the account\'s with or without a date, ours only with one', () => {
    expect(theirs("Mail me the amended schedule and I'll get it approved.")[0]).toMatchObject({ owner: 'them', dueDefaulted: true });
    expect(theirs("Mail me the amended schedule and I'll get it approved by Thursday.")[0]).toMatchObject({ owner: 'them', dueAt: '2026-11-19T17:00:00.000Z' });
    expect(ours("Mail me the error log and I'll take a look.")).toEqual([]);
  });

  it('a question after the promise asks in its own clause', () => {
    expect(theirs("I'll export the scan history tonight; in return, could you look at the sync lag tomorrow?")[0])
      .toMatchObject({ owner: 'them', deliverable: 'the scan history' });
    expect(theirs("Will you export the scan history tonight?")).toEqual([]);
  });

  it('a thing slated to arrive is on a schedule', () => {
    expect(ours('The rebuilt route export is slated to land with your planners on Thursday.')[0])
      .toMatchObject({ owner: 'us', dueAt: '2026-11-19T17:00:00.000Z' });
  });
});

describe('promisers who are not the subject before "will"', () => {
  const note = (text: string) => story().note(TUESDAY, text).insights!.commitments;

  it('a first person carried over "and will" after a deed done, or over a chat comma', () => {
    expect(theirs("I've booked the boardroom to walk our controllers through it and will send you their sign-off by Thursday.")[0])
      .toMatchObject({ owner: 'them', deliverable: 'their sign-off', dueAt: '2026-11-19T17:00:00.000Z' });
    expect(theirs('I need to ask finance which cost centre applies, will revert with the code')[0]).toMatchObject({ owner: 'them' });
    // Holding a thing is no deed done: "I have the file ready and will…" carries nothing.
    expect(theirs('I have the file ready and will walk through it at the workshop.')).toEqual([]);
  });

  it('they/he/she standing for our group or a person named before, reported speech included', () => {
    expect(ours('We have time with our pricing desk on Thursday, and they will recalculate the fuel surcharge table for you then.')[0])
      .toMatchObject({ owner: 'us', deliverable: 'the fuel surcharge table' });
    expect(note('Dana said on the call she will upload the signed annex by Friday.')[0]).toMatchObject({ owner: 'them', who: 'Dana Ruiz' });
    expect(note('Per Dana: her team will prepare the depot contact sheet by the 20th.')[0]).toMatchObject({ owner: 'them' });
  });

  it('what the other side is told to expect from one of ours, and their person as receiver', () => {
    expect(ours('Watch out for an invite from our trainers tomorrow with the course links.')[0]).toMatchObject({ owner: 'us', dueAt: '2026-11-18T17:00:00.000Z' });
    expect(ours('Fair warning: expect slower answers from me this week.')).toEqual([]);
    expect(ours('Drafting the credit note now, Dana will see it in her inbox by noon.')[0]).toMatchObject({ owner: 'us' });
  });

  it('"see to it that", "took the action to", and a sender\'s "should reach you"', () => {
    expect(ours("I'll see to it that the label printer profile is restored before Monday.")[0]).toMatchObject({ owner: 'us', deliverable: 'the label printer profile' });
    expect(note('Sam took the action to draft a depot-by-depot savings summary for Dana.')[0]).toMatchObject({ owner: 'us', deliverable: expect.stringContaining('a depot-by-depot savings summary') });
    expect(note('Dana to chew on the multi-year option, nothing agreed.')).toEqual([]);
    expect(theirs('Our comments on the data annex should reach you before the week is out.')[0]).toMatchObject({ owner: 'them', dueAt: '2026-11-20T17:00:00.000Z' });
    expect(theirs('The tracking number should hit your inbox today.')).toEqual([]);
  });
});

describe('releases, expectations and the account\'s "you will have our…"', () => {
  it('a dated release of ours is a promise; undated, or the account\'s own go-live, is not', () => {
    expect(ours('The routing patch will ship on Thursday.')[0]).toMatchObject({ owner: 'us', dueAt: '2026-11-19T17:00:00.000Z' });
    expect(ours('The corrected manifest view goes live tomorrow night.')[0]).toMatchObject({ owner: 'us', dueAt: '2026-11-18T17:00:00.000Z' });
    expect(ours('The routing patch will ship eventually.')).toEqual([]);
    expect(theirs('Our new yard system goes live in March, so usage may wobble.')).toEqual([]);
  });

  it('expect X in your inbox; a quantity of trouble is no thing', () => {
    expect(ours('Expect the signed addendum in your inbox tomorrow.')[0]).toMatchObject({ owner: 'us', deliverable: 'the signed addendum' });
    expect(ours('Look out for an email from our trainers on Friday with the course links.')[0]).toMatchObject({ deliverable: 'the course links' });
    expect(ours('Expect some downtime tomorrow night while we patch.')).toEqual([]);
  });

  it('the account promising its own thing to us', () => {
    expect(theirs("You'll have our sign-off by Friday.")[0]).toMatchObject({ owner: 'them', dueAt: '2026-11-20T17:00:00.000Z' });
    expect(theirs('You can expect my notes on the 25th.')[0]).toMatchObject({ owner: 'them' });
    expect(theirs("You'll get a reminder from the portal on Friday.")).toEqual([]);
  });
});

describe('a chat promise after an interjection set off by a comma', () => {
  it('reads the bare will', () => {
    expect(theirs('cheers, will upload the pallet counts tonight')[0]).toMatchObject({ owner: 'them', deliverable: 'the pallet counts' });
    expect(theirs('Sam, will be offline on Friday')).toEqual([]);
  });
});
