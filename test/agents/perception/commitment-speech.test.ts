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

  it('an answer to an imperative counts only with a date', () => {
    expect(theirs("Mail me the amended schedule and I'll get it approved.")).toEqual([]);
    expect(theirs("Mail me the amended schedule and I'll get it approved by Thursday.")[0]).toMatchObject({ owner: 'them', dueAt: '2026-11-19T17:00:00.000Z' });
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
