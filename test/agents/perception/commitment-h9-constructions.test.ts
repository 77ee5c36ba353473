// Promises in constructions the frame did not read before, and their near-misses: "they" standing for a
// group named as someone's people, an act coordinated after a role verb, the account adding our address,
// an agreement reported with where it was made, a pledge before the state of a thing, a thing "back with
// you", a plural thing's present with a date, a label after an interjection, a named person's plain
// present in next steps, a promise said twice, a notice of an event that is no deed of its own, and the
// fields: "the new one", "the whole lot", a thing chased for, a date ruled out, "the same afternoon".
import { describe, expect, it } from 'vitest';
import { FRIDAY, THURSDAY, chat, note, ours, theirs } from './commitment-h9-story.js';

describe('"they" as the promiser', () => {
  it('a group of ours that opened the sentence before', () => {
    expect(ours("Our billing team traced the double charge. They'll have a credit note ready for you by Thursday.")[0])
      .toMatchObject({ owner: 'us', deliverable: 'a credit note', dueAt: THURSDAY });
  });

  it("a named person's people, with the act that hands something over coordinated after the one that does not", () => {
    expect(theirs("The test tenant went to Piet's team last night; they'll run the scripts on Friday and share the timings."))
      .toEqual([expect.objectContaining({ owner: 'them', deliverable: 'the timings' })]);
  });

  it('not a group nobody named as anyone\'s people', () => {
    expect(ours('I met the people from the other vendor on Monday. They will send a proposal on Friday.')).toEqual([]);
  });
});

describe("the account's deeds", () => {
  it('an address of ours added to their list is done for us; their own sites are not', () => {
    expect(theirs("We'll add ourco.com to the safe-senders list on Friday.")[0]).toMatchObject({ owner: 'them', deliverable: expect.stringContaining('safe-senders list') });
    expect(theirs("We'll add the Leeds depot to the platform next quarter.")).toEqual([]);
  });

  it('"fill in your form": a particle before the thing of ours', () => {
    expect(theirs("I'll fill in your supplier survey tomorrow.")[0]).toMatchObject({ owner: 'them', deliverable: 'your supplier survey' });
  });

  it('a thing "back with you"', () => {
    expect(theirs('The countersigned annex will be back with you on Friday, Piet only needs to initial it.')[0]).toMatchObject({ owner: 'them', deliverable: 'The countersigned annex', dueAt: FRIDAY });
  });

  it("an agreement reported with where it was made, in our notes; an agreement on a fact is none", () => {
    expect(note('Piet agreed during the meeting to send the supplier scorecard by Friday.')[0]).toMatchObject({ owner: 'them', deliverable: 'the supplier scorecard', dueAt: FRIDAY });
    expect(note('Piet agreed during the meeting that the price is fair.')).toEqual([]);
  });

  it("a named person's plain present in next steps, dated; not a greeting or a habit", () => {
    expect(note('Next steps agreed with Dana: she sends the floor plans by Friday, we price them next week.')[0]).toMatchObject({ owner: 'them', deliverable: 'the floor plans', dueAt: FRIDAY });
    expect(note('Dana sends her thanks to the whole crew.')).toEqual([]);
    expect(note('Piet sends the stock report every Monday.')).toEqual([]);
  });

  it('a stand-in for a meeting is no deed', () => {
    expect(note('Piet will stand in for Dana at the Thursday review.')).toEqual([]);
  });
});

describe('our promises', () => {
  it('a pledge before the state of a thing to come; not a fact vouched for', () => {
    expect(ours('You have my word: the duplicate fee gets refunded before the month is out.')[0]).toMatchObject({ owner: 'us', deliverable: 'the duplicate fee' });
    expect(ours('I promise you the spare licences will be released by Friday.')[0]).toMatchObject({ owner: 'us', deliverable: 'the spare licences', dueAt: FRIDAY });
    expect(ours('I promise the figures were right when we sent them.')).toEqual([]);
  });

  it('a time of theirs after the deed is a time, their approval a condition', () => {
    expect(chat('sam@ourco.com', 'np, we will deploy the mapping tonight after your nightly batch')[0]).toMatchObject({ owner: 'us', deliverable: 'the mapping' });
    expect(ours('We will deploy the mapping after your approval.')).toEqual([]);
  });

  it("a plural thing's present with a date; undated it is a habit", () => {
    expect(ours('The login details go out to your admins tomorrow morning.')[0]).toMatchObject({ owner: 'us', deliverable: 'The login details' });
    expect(ours('Invoices go out to your finance team every month.')).toEqual([]);
  });

  it('a negation before a colon stays in its clause', () => {
    expect(ours("So you're not kept waiting: the revised price sheet will be with you by Friday.")[0]).toMatchObject({ owner: 'us', deliverable: 'the revised price sheet', dueAt: FRIDAY });
  });

  it('a label after an interjection; a release on a day with its possessive; a switch-on', () => {
    expect(ours('Right, action on me: a corrected usage export in your inbox by Thursday.')[0]).toMatchObject({ owner: 'us', deliverable: 'a corrected usage export', dueAt: THURSDAY });
    expect(ours("A fix for the rounding error is scheduled for Friday's release.")[0]).toMatchObject({ owner: 'us', deliverable: 'A fix for the rounding error', dueAt: FRIDAY });
    expect(ours('The capacity planner will be switched on in your workspace by the 20th.')[0]).toMatchObject({ owner: 'us', deliverable: 'The capacity planner' });
  });

  it('"I\'ll confirm here once it\'s live" is the notice of the promise before it, not a second one', () => {
    expect(ours("A patch for the sync job is going out to your tenant tonight; I'll confirm here once it's deployed."))
      .toEqual([expect.objectContaining({ owner: 'us', deliverable: 'A patch for the sync job' })]);
  });

  it('a past plan taken back', () => {
    expect(chat('sam@ourco.com', 'we planned to release the connector today but the smoke tests failed, no new date yet')).toEqual([]);
  });
});

describe('said twice, or said as notice', () => {
  it('one promise restated with its date is one promise', () => {
    expect(theirs("We'll sign the order form. I'll send it back to you signed by Friday.")).toEqual([expect.objectContaining({ owner: 'them', dueAt: FRIDAY })]);
  });

  it('"as soon as I do" after saying there is nothing yet', () => {
    expect(theirs("I won't have the budget figure until January. I'll let you know as soon as I do.")).toEqual([]);
  });
});

describe('chat shorthand', () => {
  it('"u\'ll" after taking the task, due before lunch', () => {
    expect(chat('dana@acme.com', "on it. u'll have the pallet counts before lunch")).toEqual([expect.objectContaining({ owner: 'them', deliverable: 'the pallet counts', dueAt: '2026-11-17T17:00:00.000Z' })]);
  });

  it('"will do" then the thing on its way in the same line', () => {
    expect(chat('sam@ourco.com', 'will do - revised rota to u by fri')[0]).toMatchObject({ owner: 'us', deliverable: 'revised rota', dueAt: FRIDAY });
  });
});

describe('the deliverable and the date', () => {
  it('"the new one" and "the whole lot" stand for the thing named before', () => {
    expect(theirs("We'll rotate the API key on Friday and post the new one in the portal.")[0]).toMatchObject({ deliverable: 'the API key' });
    expect(theirs("Piet's been gathering the depot photos. I'll nudge him and forward the whole lot to you by Friday.")[0]).toMatchObject({ deliverable: 'the depot photos' });
  });

  it('what a colleague is chased for; what an arrangement is for; what is promised to someone in our notes', () => {
    expect(chat('dana@acme.com', "leave it with me, i'll chase our IT people for the VPN details today")[0]).toMatchObject({ owner: 'them', deliverable: 'the VPN details' });
    expect(ours("I'll arrange for the unused hours to be carried over into your next contract.")[0]).toMatchObject({ deliverable: 'the unused hours' });
    expect(note('Promised Dana a summary of the audit findings; we owe her that by Thu.')[0]).toMatchObject({ deliverable: 'a summary of the audit findings' });
  });

  it('a date ruled out, "the same afternoon", and the date of the promise\'s own clause', () => {
    expect(theirs("I'll get you the cost codes, not today, but tomorrow for sure.")[0]).toMatchObject({ dueAt: '2026-11-18T17:00:00.000Z' });
    expect(theirs("I'm taking it to the board on Thursday and will let you know their verdict the same afternoon.")[0]).toMatchObject({ dueAt: THURSDAY });
    expect(theirs("I'm releasing the budget today; expect the purchase order from Piet by Friday.")[0]).toMatchObject({ owner: 'them', dueAt: FRIDAY });
  });
});
