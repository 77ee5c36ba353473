// Deliveries said as a schedule or a state ("ETA for the fix is Friday", "the signed annex will follow by
// Friday", "the new rota will be in place by Monday"), tasks taken in shorthand ("Me: send…", "gonna share
// it w u tmrw", "pushing the fix tonight"), third persons quoted in our notes ("Piet: will send…", "Dana
// owes us…"), and the near-misses: a person away, an undated schedule, a past date in another clause.
import { describe, expect, it } from 'vitest';
import { FRIDAY, THURSDAY, chat, note, ours, theirs } from './commitment-h9-story.js';

describe('a delivery said as a schedule, dated', () => {
  it('ETA, a target date, "will follow", "to follow"', () => {
    expect(ours('ETA for the corrected statement is Thursday.')[0]).toMatchObject({ owner: 'us', deliverable: 'the corrected statement', dueAt: THURSDAY });
    expect(ours("We're targeting Friday for the importer upgrade.")[0]).toMatchObject({ owner: 'us', deliverable: 'the importer upgrade', dueAt: FRIDAY });
    expect(theirs('The signed annex will follow by Friday.')[0]).toMatchObject({ owner: 'them', deliverable: 'The signed annex', dueAt: FRIDAY });
    expect(chat('sam@ourco.com', 'NDA to follow on thursday')[0]).toMatchObject({ owner: 'us', deliverable: 'NDA', dueAt: THURSDAY });
  });

  it('undated, or with only another clause\'s past date, it is no promise; nor is a person away', () => {
    expect(ours('A longer write-up will follow.')).toEqual([]);
    expect(theirs('Piet approved the layout yesterday; the floor plan will follow.')).toEqual([]);
    expect(note('Dana will be out until Monday.')).toEqual([]);
  });

  it('a state to reach, a thing back to the reader, a demonstrative subject', () => {
    expect(ours('The new shift rota will be in place by Thursday.')[0]).toMatchObject({ owner: 'us', deliverable: 'The new shift rota', dueAt: THURSDAY });
    expect(theirs('The tax form is with Piet and should be back to you by Friday.')[0]).toMatchObject({ owner: 'them', deliverable: 'The tax form', dueAt: FRIDAY });
    expect(theirs("Sure thing, that'll be with you on Thursday.")[0]).toMatchObject({ owner: 'them', dueAt: THURSDAY });
  });
});

describe('tasks taken in shorthand', () => {
  it('the note writer labelled, a chat\'s subjectless "gonna", a progressive deploy, a task in hand', () => {
    expect(note('Me: send the rate sheet to Piet by Thursday.')[0]).toMatchObject({ owner: 'us', deliverable: 'the rate sheet', dueAt: THURSDAY });
    expect(chat('dana@acme.com', 'gonna share the new depot list w u on friday')[0]).toMatchObject({ owner: 'them', deliverable: 'the new depot list', dueAt: FRIDAY });
    expect(chat('sam@ourco.com', 'sure, pushing the hotfix to production tonight')[0]).toMatchObject({ owner: 'us', deliverable: 'the hotfix' });
    expect(ours("I'm taking care of the duplicate invoice today.")[0]).toMatchObject({ owner: 'us', deliverable: 'the duplicate invoice' });
  });

  it('"on my list for tomorrow", "count on X from me"', () => {
    expect(ours('On my list for tomorrow: the sizing model for Piet.')[0]).toMatchObject({ owner: 'us', deliverable: expect.stringContaining('the sizing model') });
    expect(ours('You can count on a full write-up from me after the workshop.')[0]).toMatchObject({ owner: 'us', deliverable: 'a full write-up' });
  });

  it('an adverb inside "going to", a deadline said as "no later than", "see that"', () => {
    expect(ours("I'm personally going to chase finance so that you get the credit note by Friday.")[0]).toMatchObject({ owner: 'us' });
    expect(ours('No later than Thursday you will receive the revised statement.')[0]).toMatchObject({ owner: 'us', dueAt: THURSDAY });
    expect(ours('I will see that the refund goes through this week.')[0]).toMatchObject({ owner: 'us', deliverable: 'the refund' });
  });
});

describe("the account's people", () => {
  it('a department opening the clause, "he\'ll get us X", a contact quoted in our notes, a debt of theirs', () => {
    expect(theirs('Procurement will raise the purchase order by Thursday.')[0]).toMatchObject({ owner: 'them', deliverable: 'the purchase order', dueAt: THURSDAY });
    expect(note("Piet said he'll get us test logins for the portal tomorrow.")[0]).toMatchObject({ owner: 'them', deliverable: expect.stringContaining('test logins') });
    expect(note('Piet: will send countersigned annex by Friday.')[0]).toMatchObject({ owner: 'them', deliverable: expect.stringContaining('annex'), dueAt: FRIDAY });
    expect(note('Dana owes us the signed waiver.')[0]).toMatchObject({ owner: 'them', deliverable: expect.stringContaining('waiver') });
  });
});

describe('the thing', () => {
  it('the subject of "make sure", what a team is walked through, a decision and not its day, a draft of what was named', () => {
    expect(ours("I'll make sure the signed addendum reaches you before the weekend.")[0]).toMatchObject({ deliverable: 'the signed addendum' });
    expect(ours('I will walk your planners through the new exception reports on Thursday.')[0]).toMatchObject({ deliverable: 'the new exception reports' });
    expect(theirs("Leave it with me, I'll check with Piet and come back to you with a decision on Friday.")[0]).toMatchObject({ deliverable: 'a decision', dueAt: FRIDAY });
    expect(ours("We're on the hook for the carrier mapping, and you'll see a first draft by Friday.")[0]).toMatchObject({ deliverable: expect.stringContaining('carrier mapping') });
  });
});

describe('spoken and shorthand shapes of the same promise', () => {
  it('an announced action with words between "do" and "is"', () => {
    expect(theirs("Right, what we'll do at our end is get the audit sign-off sorted by Friday.")[0]).toMatchObject({ owner: 'them', deliverable: 'the audit sign-off', dueAt: FRIDAY });
  });

  it('a person made to do it leaves the thing to the sentence before; "first thing" is a time', () => {
    expect(theirs("Piet needs the pallet forecast. I'll have Dana pull that together and send it over this week.")[0]).toMatchObject({ owner: 'them', deliverable: 'the pallet forecast' });
    expect(ours("We drafted the cutover checklist. We'll get it to you first thing Thursday.")[0]).toMatchObject({ deliverable: 'the cutover checklist', dueAt: THURSDAY });
  });

  it('an act that promises nothing, then one that does; a plural read as a verb', () => {
    expect(ours("I'll take your notes to our design team and come back to you with an estimate by Friday.")[0]).toMatchObject({ owner: 'us', deliverable: 'an estimate', dueAt: FRIDAY });
    expect(ours("I'll take your notes to our design team.")).toEqual([]);
    expect(theirs("The draft is with Piet; he'll send you remarks by Friday.")[0]).toMatchObject({ owner: 'them', deliverable: 'remarks', dueAt: FRIDAY });
  });
});

describe('near-misses of the shapes above', () => {
  it('a treat owed, a proposal waiting on a yes, a state that lasts until a date', () => {
    expect(note('Piet owes me a beer after that workshop.')).toEqual([]);
    expect(chat('dana@acme.com', 'pushing our sync to friday if that works')).toEqual([]);
    expect(ours('As announced, the old importer will be in place until June and then switched off.')).toEqual([]);
  });
});
