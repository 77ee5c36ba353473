// New phrasings of two frames, in words the frames were not tuned on: a person gone, moved or arrived
// (notice given, "not with us anymore", a start date, our own side's introductions), and our
// promises (a colleague's, "you'll have it by…", "expect X from us", "I'm on it", a debt in our notes)
// with the non-promises beside them (a condition on the customer, an announcement).
import { describe, expect, it } from 'vitest';
import { Story, contact } from '../risk/builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const ken = contact('ken@acme.com', 'Ken Ito', 'security');
const story = () => new Story({ contacts: [dana, ken] });
const TUESDAY = '2026-11-17T10:00:00.000Z';
const fromDana = (text: string) => story().email(TUESDAY, { from: 'dana@acme.com', to: 'sam@ourco.com', text }).insights!;
const fromSam = (text: string) => story().email(TUESDAY, { from: 'sam@ourco.com', to: 'dana@acme.com', text }).insights!;
const theirs = (ins: { stakeholderChanges: Array<{ side?: string; change: string; name?: string }> }) => ins.stakeholderChanges.filter((c) => c.side !== 'us');

describe('people changes in other words', () => {
  it.each([
    ['Ken gave his notice on Friday, sadly.', 'left', 'Ken Ito'],
    ['Just so you know, Bettina is not with the company any longer.', 'left', 'Bettina'],
    ['Our new head of finance, Oluwaseun Adeyemi, starts next Monday.', 'joined', 'Oluwaseun Adeyemi'],
  ])('%s', (text, change, name) => {
    expect(theirs(fromDana(text))).toEqual([expect.objectContaining({ change, name })]);
  });

  it.each([
    ['Ken is off to a new challenge after Christmas.', 'left', 'Ken Ito'],
    ['Unfortunately Ken was laid off in the October cuts.', 'left', 'Ken Ito'],
    ["Since Ken's resignation, Dana has been managing the security review.", 'left', 'Ken Ito'],
    ['Ken has been named chief information security officer.', 'role_changed', 'Ken Ito'],
    ['Dana took over from Ken in September.', 'moved', 'Ken Ito'],
    ['We have a new procurement lead, Ilse Brandvold.', 'joined', 'Ilse Brandvold'],
    ['Ken is no longer the right person for security reviews, please go to Dana.', 'moved', 'Ken Ito'],
    ["Ken's seat on the steering group has been filled by Dana.", 'left', 'Ken Ito'],
    ['I am transitioning out of the program lead role next month.', 'left', 'Dana Ruiz'],
    ['Dana has replaced Ken as our security contact.', 'moved', 'Ken Ito'],
  ])('%s', (text, change, name) => {
    expect(theirs(fromDana(text))).toEqual([expect.objectContaining({ change, name })]);
  });

  it('the one who takes over, named after the event', () => {
    expect(theirs(fromDana("Since Ken's resignation, Dana has been managing the security review."))).toEqual([expect.objectContaining({ successor: expect.objectContaining({ name: 'Dana Ruiz' }) })]);
  });

  it.each([
    'Ken is on parental leave until March, Dana covers meanwhile.',
    'While Ken is travelling, Dana is temporarily no longer the contact for audits.',
    'We replaced Quorra with your scheduler last spring.',
    'Ken quit using the desktop client last month, he lives in the browser now.',
    'Ken starts his holiday on Friday.',
  ])('no change: %s', (text) => {
    expect(theirs(fromDana(text))).toEqual([]);
  });

  it("our own colleague introduced by us is ours, the customer's new hire named in our note is theirs", () => {
    expect(theirs(fromSam('Let me introduce Marisol Vega, our new implementation lead, who will run your workshops.'))).toEqual([]);
    const note = story().note(TUESDAY, 'Dana said Tobias Lang starts Monday as their new IT director.').insights!;
    expect(theirs(note)).toEqual([expect.objectContaining({ change: 'joined', name: 'Tobias Lang' })]);
  });
});

describe('promises in other words', () => {
  it.each([
    ['My manager will send you the revised terms by Thursday.', 'the revised terms'],
    ["You'll have the load test results on Friday.", 'the load test results'],
    ['Expect a written incident summary from us tomorrow.', 'a written incident summary'],
    ["I'm already on the reconciliation report, you'll get it Thursday.", 'the reconciliation report'],
  ])('%s', (text, deliverable) => {
    expect(fromSam(text).commitments).toEqual([expect.objectContaining({ owner: 'us', deliverable })]);
  });

  it.each([
    ["Not a problem, we'll get the certificate over to you on Monday.", 'the certificate'],
    ["I'm emailing the signed copy over this evening.", 'the signed copy'],
    ['We are reviewing the logs now and will send a root cause by Wednesday.', 'a root cause'],
  ])('%s', (text, deliverable) => {
    expect(fromSam(text).commitments).toEqual([expect.objectContaining({ owner: 'us', deliverable })]);
  });

  it.each([
    ['Told Ken we would share the benchmark numbers next week.', 'the benchmark numbers'],
    ['Action: chase the signed DPA with legal.', 'the signed DPA'],
  ])('our note: %s', (text, deliverable) => {
    expect(story().note(TUESDAY, text).insights!.commitments).toEqual([expect.objectContaining({ owner: 'us', deliverable })]);
  });

  it("the account's plans for its own use are no promise to us", () => {
    expect(fromDana('We plan to roll it out to the Porto office in spring.').commitments).toEqual([]);
    expect(fromDana("We'll add the support team, about 30 people, next quarter.").commitments).toEqual([]);
    expect(fromDana("We'll send you the admin list on Friday.").commitments).toEqual([expect.objectContaining({ owner: 'them' })]);
  });

  it('a note of what was already done, or a progressive that is only a reason, is no promise', () => {
    expect(story().note(TUESDAY, 'Sent the renewal deck to Dana on Friday.').insights!.commitments).toEqual([]);
    expect(fromDana("Ken will chair Thursday's review since I'm presenting.").commitments).toEqual([]);
  });

  it('a debt written in our notes', () => {
    const ins = story().note(TUESDAY, 'Sam owes Dana the API quota numbers by Friday.').insights!;
    expect(ins.commitments).toEqual([expect.objectContaining({ owner: 'us', deliverable: 'the API quota numbers' })]);
  });

  it.each([
    'Assuming your security team signs off, we will turn on SSO next week.',
    'As long as your admins finish the import, we will open reporting on Monday.',
    'Expect slower dashboards during the maintenance window on Saturday.',
    "You'll see the new menu after you log in again.",
  ])('not a promise: %s', (text) => {
    expect(fromSam(text).commitments).toEqual([]);
  });
});
