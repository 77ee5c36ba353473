// Promises without a verb of promising or with their parts spread out: a verbless handover toward the
// reader, a thing fronted before the promiser, a task taken then dated in a verbless line, a pronoun
// pointing back to the account's own thing, a colleague's relayed promise (causative have/get,
// backshifted would, he/she in the next sentence, "who will"), "you'll get X from <one of theirs>",
// a debt owed by our team; and the near-misses: gratitude owed, a wish, a request, a deed already
// done, a promise waiting on the other side's delivery, a reported hypothetical.
import { describe, expect, it } from 'vitest';
import { Story, contact } from '../risk/builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const piet = contact('piet@acme.com', 'Piet Varga', 'procurement');
const story = () => new Story({ contacts: [dana, piet] });
const TUESDAY = '2026-11-17T10:00:00.000Z';
const ours = (text: string) => story().email(TUESDAY, { from: 'sam@ourco.com', to: 'dana@acme.com', text }).insights!.commitments;
const theirs = (text: string) => story().email(TUESDAY, { from: 'dana@acme.com', to: 'sam@ourco.com', text }).insights!.commitments;
const chat = (from: string, text: string) => story().chat(TUESDAY, from, text).insights!.commitments;
const note = (text: string) => story().note(TUESDAY, text).insights!.commitments;

describe('a verbless handover toward the reader, dated', () => {
  it('the thing, a direction to the reader and a date', () => {
    expect(ours('Amended rate card over to you by Thursday.')[0]).toMatchObject({ owner: 'us', deliverable: 'Amended rate card', dueAt: '2026-11-19T17:00:00.000Z' });
    expect(theirs('Our marked-up schedule back to you on Monday.')[0]).toMatchObject({ owner: 'them', deliverable: 'Our marked-up schedule', dueAt: '2026-11-23T17:00:00.000Z' });
    expect(chat('sam@ourco.com', 'staging logins coming your way fri morning')[0]).toMatchObject({ owner: 'us', deliverable: 'staging logins' });
  });

  it('a plural head the tagger reads as a verb, and a named reader in our notes', () => {
    expect(theirs('Comments back to you by the 24th.')[0]).toMatchObject({ owner: 'them', dueAt: '2026-11-24T17:00:00.000Z' });
    expect(note('Next steps: capacity forecast to Dana by Fri.')[0]).toMatchObject({ owner: 'us', deliverable: 'capacity forecast' });
  });

  it('not a wish, a request, a question or a deed done', () => {
    expect(theirs('Amended rate card over to you Friday would be ideal.')).toEqual([]);
    expect(theirs('Amended rate card to us by Thursday, please.')).toEqual([]);
    expect(theirs('Any chance of the amended rate card back to us by Thursday?')).toEqual([]);
    expect(ours('The rate card over to you on Friday was only a draft.')).toEqual([]);
    expect(note('Walked the new pallet view through with Dana\'s crew this morning, went fine.')).toEqual([]);
  });
});

describe('a task taken, then the thing and its date without a verb', () => {
  it('in the next sentence or the next clause', () => {
    expect(ours("Sure, that one's mine. Patched export by Friday.")[0]).toMatchObject({ owner: 'us', dueAt: '2026-11-20T17:00:00.000Z' });
    expect(chat('sam@ourco.com', "yep that's on me, corrected tally by thurs")[0]).toMatchObject({ owner: 'us', deliverable: 'corrected tally' });
  });

  it('an apology owning a mistake takes no task', () => {
    expect(ours("Sorry, that one's on me. Lesson learned.")).toEqual([]);
  });
});

describe('a thing fronted before the promiser', () => {
  it('is the deliverable', () => {
    expect(ours("I can't date the tablet app yet, but the barcode fix I can promise for Thursday.")[0]).toMatchObject({ owner: 'us', deliverable: 'the barcode fix', dueAt: '2026-11-19T17:00:00.000Z' });
    expect(theirs('The signed waiver I can send over tomorrow.')[0]).toMatchObject({ owner: 'them', deliverable: 'The signed waiver' });
    expect(ours('That audit extract we can have to you by the 25th.')[0]).toMatchObject({ deliverable: 'That audit extract' });
  });
});

describe('meaning over two sentences', () => {
  it("the account's \"you'll have them\" pointing back to its own thing", () => {
    expect(theirs("Our markups on the schedule are nearly there. You'll have them Thursday.")[0]).toMatchObject({ owner: 'them', deliverable: 'Our markups', dueAt: '2026-11-19T17:00:00.000Z' });
    expect(theirs("Your schedule arrived. You'll have it back once finance has looked.")).toEqual([]);
  });

  it('he/she opening a sentence stands for the person named before', () => {
    expect(theirs('Piet chaired the review. He will send the vendor scorecard on Friday.')[0]).toMatchObject({ owner: 'them', who: 'Piet Varga', deliverable: 'the vendor scorecard' });
    expect(ours('Ingrid sat in on the call. She will send the tax forms tomorrow.')[0]).toMatchObject({ owner: 'us', deliverable: 'the tax forms' });
    expect(ours('Ingrid sat in on the call. She will be away next week.')).toEqual([]);
  });

  it('the reference resolver is used when a pronoun needs it; a weekday is never the thing', () => {
    expect(ours("We've drafted the interface answers. You'll have them on Friday.")[0]).toMatchObject({ deliverable: 'the interface answers' });
  });
});

describe('promises relayed on the speaker\'s side', () => {
  it('causative have/get with a participle or a direction', () => {
    expect(ours('Ingrid confirmed that she will have the SFTP drop configured by Wednesday the 25th.')[0]).toMatchObject({ owner: 'us', deliverable: 'the SFTP drop', dueAt: '2026-11-25T17:00:00.000Z' });
    expect(theirs("Piet said he'd have the signed annex back to us by Monday.")[0]).toMatchObject({ owner: 'them', deliverable: 'the signed annex' });
  });

  it('not a reported hypothetical or a state', () => {
    expect(theirs("Piet said he'd have the budget cleared if the trial had gone better.")).toEqual([]);
    expect(ours("Ingrid said she'd have more room in January.")).toEqual([]);
  });

  it('"who will" after a colleague brought in', () => {
    expect(ours('Copying Ingrid, who will share the mapping sheet with you tomorrow.')[0]).toMatchObject({ owner: 'us', deliverable: 'the mapping sheet' });
  });

  it("a thing said to be on its way under our own verb of saying, not under a contact's", () => {
    expect(ours('Ingrid asked me to let you know the credit will be applied by Friday.')[0]).toMatchObject({ owner: 'us', deliverable: 'the credit' });
    expect(note('Piet says all suppliers will be onboarded to the new portal by spring.')).toEqual([]);
  });
});

describe('who delivers, by the words around the thing', () => {
  it("you'll get X from one of the speaker's side or a department", () => {
    expect(theirs("You'll get the signed forms from Piet this week.")[0]).toMatchObject({ owner: 'them', deliverable: 'the signed forms' });
    expect(theirs("You'll receive a supplier survey from procurement next week.")[0]).toMatchObject({ owner: 'them' });
  });

  it('a debt of our team, not gratitude', () => {
    expect(ours('Our payments team owes you a corrected remittance, and you will have it no later than the 26th.')[0]).toMatchObject({ owner: 'us', deliverable: 'a corrected remittance', dueAt: '2026-11-26T17:00:00.000Z' });
    expect(theirs('We owe you a lot for the help during peak season.')).toEqual([]);
    expect(ours('We owe our growth to partners like you.')).toEqual([]);
  });

  it("the account's deed on a thing of ours is for us; ending our use is not", () => {
    expect(theirs('Our network team will allowlist your relay addresses tomorrow morning.')[0]).toMatchObject({ owner: 'them' });
    expect(theirs('We will add your sender domain to our gateway today.')[0]).toMatchObject({ owner: 'them' });
    expect(theirs('We will replace your scanners with the new fleet next year.')).toEqual([]);
  });
});

describe('not promises', () => {
  it('a promise waiting on the other side\'s delivery', () => {
    expect(theirs("Can you send the port list? I'll open the firewall by Thursday once I have it.")).toEqual([]);
    expect(ours('As soon as we receive the sample file we will build the mapping.')).toEqual([]);
  });

  it('a past commitment in a relative clause', () => {
    expect(ours('To close this out: the patch we committed to went live on 3 November.')).toEqual([]);
  });
});

describe('due dates typed in a hurry', () => {
  it('weekday typos, a weekday after eod, "no later than", "week of"', () => {
    expect(ours("I'll send the summary by Firday.")[0]).toMatchObject({ dueAt: '2026-11-20T17:00:00.000Z' });
    expect(chat('sam@ourco.com', 'will do - summary to u by eod thurs')[0]).toMatchObject({ dueAt: '2026-11-19T17:00:00.000Z' });
    expect(ours("I'll send the summary no later than the 27th.")[0]).toMatchObject({ dueAt: '2026-11-27T17:00:00.000Z' });
  });
});

describe('plans, labels and restated promises', () => {
  it('a plan to bring someone in and then hand something over', () => {
    expect(ours('My plan is to loop in our tax desk and send you the withholding memo by Friday.')[0]).toMatchObject({ owner: 'us', deliverable: 'the withholding memo' });
    expect(ours('Next step on our side is to get you the revised rate card.')[0]).toMatchObject({ owner: 'us', deliverable: 'the revised rate card' });
    expect(ours('We might loop in our tax desk at some point.')).toEqual([]);
  });

  it('an action label with its owner, an arrow in our notes, "we (name)"', () => {
    expect(ours('Action on us: the updated escalation matrix, by Monday.')[0]).toMatchObject({ owner: 'us', deliverable: 'the updated escalation matrix' });
    expect(note('Ingrid -> send Dana the SFTP keys, Thu.')[0]).toMatchObject({ owner: 'us', deliverable: 'the SFTP keys' });
    expect(note('AI Ingrid: share benchmark deck with Dana by Fri')[0]).toMatchObject({ owner: 'us', deliverable: 'benchmark deck' });
    expect(note('Agreed: we (Ingrid) deliver the tariff template to Dana by 27 Nov.')[0]).toMatchObject({ owner: 'us', deliverable: 'the tariff template' });
    // A contact before a bare colon may be quoted: no action label, no item.
    expect(note('Dana: send us the pallet counts.').filter((c) => c.owner === 'them')).toEqual([]);
  });

  it("the account's promise told back to it by us, dated or agreed; an ask is not", () => {
    expect(ours("As agreed, you'll send over the signed annex this week, and we'll enable the EU region once we have it.")[0]).toMatchObject({ owner: 'them', deliverable: 'the signed annex' });
    expect(ours("So you'll get us the driver list by Wednesday.")[0]).toMatchObject({ owner: 'them', deliverable: 'the driver list' });
    expect(ours("You'll need to send over the signed annex before we enable the EU region.")).toEqual([]);
  });
});

describe("the account's own deeds", () => {
  it('on the shared work, not on its own things, people or our removal', () => {
    expect(theirs('We will tidy up the duplicate consignee records before the cutover.')[0]).toMatchObject({ owner: 'them' });
    expect(theirs('We will repaint our loading bays next month.')).toEqual([]);
    expect(theirs('We will train our seasonal pickers on the handhelds in March.')).toEqual([]);
    expect(theirs('We will retire the old handhelds in spring.')).toEqual([]);
  });
});

describe('reported words in our notes', () => {
  it('a promise reported needs a deed; another person\'s news is not ours', () => {
    expect(note('Told Dana we would send the revised tariff by Friday.')[0]).toMatchObject({ owner: 'us', deliverable: 'the revised tariff' });
    expect(note("Dana pushed for a date on the label fix; told her we'd know more after the sprint review.")).toEqual([]);
    expect(note('Freight audit moved in-house last quarter; Piet says all carriers will be re-rated by spring.')).toEqual([]);
  });
});

describe('states and habits under will', () => {
  it('a number to come, where one works, what happens as usual', () => {
    expect(theirs("We'll have 35 new pickers starting after New Year.")).toEqual([]);
    expect(theirs('Piet will be working from the Gdansk site next month.')).toEqual([]);
    expect(ours('Our help desk will be reachable over the break as usual.')).toEqual([]);
    expect(theirs('Piet will be sending the signed annex over this afternoon.')[0]).toMatchObject({ owner: 'them' });
  });
});

describe('more subjects and arrivals', () => {
  it('a task handed to a colleague of the speaker\'s side', () => {
    expect(ours("I've asked Ingrid to send you the load-plan template today.")[0]).toMatchObject({ owner: 'us', deliverable: 'the load-plan template' });
    expect(theirs("I've asked Piet to return the signed annex by Friday.")[0]).toMatchObject({ owner: 'them' });
    // Asking their person is a request, not our deed.
    expect(ours("I've asked Dana to send the signed annex by Friday.")).toEqual([]);
  });

  it("a person's own team as the subject, a gerund after 'committed to'", () => {
    expect(ours("Dana's team will map the legacy lane codes by Friday.")[0]).toMatchObject({ owner: 'them' });
    expect(theirs('Piet has committed to sending the volume forecast by month end.')[0]).toMatchObject({ owner: 'them', deliverable: 'the volume forecast' });
    expect(ours("We're committed to getting the label fix into your hands this week.")[0]).toMatchObject({ owner: 'us' });
  });

  it('arrivals: "should be with you", "on the way", "you can expect X from <name>"', () => {
    expect(theirs('The countersigned schedule should be with you by Thursday.')[0]).toMatchObject({ owner: 'them', deliverable: 'The countersigned schedule' });
    expect(ours('A corrected statement is on the way.')[0]).toMatchObject({ owner: 'us', deliverable: 'A corrected statement' });
    expect(theirs('You can expect the cost-centre codes from Piet tomorrow.')[0]).toMatchObject({ owner: 'them', deliverable: 'the cost-centre codes' });
    expect(ours('The usage figure should hit your inbox on Monday.')).toEqual([]);
  });
});
