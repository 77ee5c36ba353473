// Expansion look-alikes and cross-sentence asks (h6): sentences written fresh, not from the corpus.
import { describe, expect, it } from 'vitest';
import { findExpansion } from '../../../agents/perception/expansion.js';

const read = (text: string, opts: { rivals?: string[] } = {}) => findExpansion([{ side: 'them', text } as never], opts);
/** Each row a class of look-alike in fresh words: none of them is expansion. */
const noneOf = (rows: Array<[string, string]>) => it.each(rows)('%s', (_, text) => { expect(read(text)).toEqual([]); });
const note = (text: string) => findExpansion([{ side: 'us', text } as never], { reported: true });

// Each look-alike by its class, read as the account's words (a note as ours, reporting them).
const LOOK_ALIKES: Array<[string, string, { rivals?: string[]; note?: boolean }?]> = [
  ['a login to another named tool', 'Two of our dispatch supervisors got a login to Routefox last month and keep comparing screens.'],
  ['seats on another named tool', 'The tax team wants seats on Ledgerly as well.'],
  ['a rival perceived elsewhere in the message', 'The Ghent crew keeps asking when they can get licences.', { rivals: ['Ghent'] }],
  ['a figure called a mistake', 'Ignore the 15 additional licences on the draft, that line was a mistake.'],
  ['a figure taken back, the count kept', 'The extra 10 users in my last mail were a slip of the keyboard. We are keeping it at 80.'],
  ['the count held flat', 'Finance wants another quote. We will stick with 120 seats next year.'],
  ['access already enabled', 'I checked whether the Malmö planners could log in too, and they can, it is already enabled for them.'],
  ['users for a staging copy', 'Owen asked us to add a few more users to the staging environment to rehearse the cutover.', { note: true }],
  ['a limit to be lifted', 'The carriers team hit the export cap again and want it lifted.'],
  ['a feature liked', 'the yard crew found the compact layout yesterday and now the whole site loves it'],
  ['one new person provisioned', 'Please set up an account for our new analyst, Bea Lund, who started in treasury on Monday.'],
  ['nobody asked', 'Thanks for the volume pricing, but no one on our side has asked for more licences.'],
  ['a process described, no action needed', 'Sharing the starter pack we give new depot staff: page 2 is where they receive a platform login. No action needed.'],
  ["the reader's modal over a past addition", 'Thought you would like to hear: we added 12 vans and 19 couriers to the Leipzig fleet this month.'],
  ['something needed in place, no way in', 'Our audit team needs a signed data agreement in place before the review.'],
  ['a new region of a service', 'Which IP addresses does the new region use for webhooks?'],
];

describe('expansion look-alikes: capacity that is not ours or not more', () => {
  it.each(LOOK_ALIKES)('%s', (_, text, opts = {}) => {
    expect(opts.note ? note(text) : read(text, opts)).toEqual([]);
  });
});

describe('expansion asked across sentences', () => {
  it('hiring news, then capacity asked for the newcomers', () => {
    expect(read('Treasury is growing again with two analysts joining in March and a third in April. We would need licences for all three by then.')[0])
      .toMatchObject({ team: expect.stringMatching(/Treasury/), seats: 3 });
    expect(read('Our billing team grows by 6 people in February. Can you add seats for them?')[0]).toMatchObject({ team: expect.stringMatching(/billing/), seats: 6 });
  });
  it('"them" takes the people of the sentence before, and their place', () => {
    expect(read('The deal closed, so 9 new planners start in Bremen next month. Can we get them accounts before then?')[0]).toMatchObject({ team: 'Bremen', seats: 9 });
    expect(read('Four new brokers are starting in Vigo on the 3rd. Please create user accounts for them, same rights as the existing team.')[0]?.team).toMatch(/Vigo/);
  });
  it('a copy of what another unit has', () => {
    expect(read('The Lyon team watched the Paris rollout and keep asking when they get theirs.')[0]?.team).toMatch(/Lyon/);
    expect(read('That means the Krakow billing team will need the same setup Gdynia has.')[0]?.team).toMatch(/Krakow/);
  });
  it('one ask said twice is one cue', () => {
    expect(read('The tender desk (8 people) would like to start using the platform. Could you add them to our current agreement?')).toHaveLength(1);
  });
  it('ending another vendor\'s pilot is no contraction of ours', () => {
    expect(read('We are ending the trial with Shipwise at the end of the quarter and bringing the claims desk onto your platform, roughly 30 users.')[0]).toMatchObject({ seats: 30 });
  });
  it('a leader named after the counted group counts too', () => {
    expect(read('The Porto team wants in. Nine planners plus their supervisor.')[0]?.seats).toBe(10);
  });
});

describe('expansion: fields and answers', () => {
  it('"half a dozen" is six, and a group named just after a teamless ask is its team', () => {
    expect(read('Half a dozen more logins for the tender desk, please.')[0]?.seats).toBe(6);
    expect(read('Could you add another 7 users to our plan? The claims team is taking it on.')[0]).toMatchObject({ team: expect.stringMatching(/claims/), seats: 7 });
  });
  it('a unit with a phrasal verb is the unit, not a compound', () => {
    expect(read('Can we get the new audit team set up? Five reviewers.')[0]).toMatchObject({ team: expect.stringMatching(/audit/), seats: 5 });
  });
  it('a disclaimer, a rate or seats at an event asks for nothing', () => {
    expect(read('Roughly what would 30 extra seats cost? Purely curious, no plans yet.')).toEqual([]);
    expect(read('What is the price per additional seat on the annual plan?')).toEqual([]);
    expect(read('We need more seats at the partner dinner, can you ask the venue?')).toEqual([]);
  });
  it('our how-many question answered with a count', () => {
    const call = (q: string, a: string) => findExpansion([{ side: 'us', text: q }, { side: 'them', text: a }] as never);
    expect(call('How many of the Tilburg pickers would need a login?', 'All 23 of them, they rotate shifts.')[0]).toMatchObject({ team: expect.stringMatching(/Tilburg/), seats: 23 });
    expect(call('How many seats are in use today?', 'About 40, I think.')).toEqual([]);
    expect(call('How many of the auditors would use it?', 'None really, they only read the exports.')).toEqual([]);
    expect(findExpansion([{ side: 'them', text: 'Eleven, all of them planners.' }] as never, { before: 'How many people in the Leeds team will need access?' })[0]).toMatchObject({ seats: 11 });
  });
});

describe('expansion: a rival perceived in the message', () => {
  it('seats in the rival are not ours, a move from the rival onto us is', () => {
    expect(read('Trackwell handed our SDRs 20 free logins last week.', { rivals: ['Trackwell'] })).toEqual([]);
    expect(read('We are moving the SDR team from Trackwell onto your platform in March, 20 users.', { rivals: ['Trackwell'] })[0]).toMatchObject({ seats: 20 });
    expect(read('We want the Faro depot on the platform, about 12 users, but finance wants a Trackwell quote first.', { rivals: ['Trackwell'] })[0]?.team).toMatch(/Faro/);
  });
});

describe('expansion: units the tagger misreads and counts with a named lead', () => {
  it('an acronym grown or stood up, and a hyphenated count before the unit', () => {
    expect(read('We are standing up a SOC in Tartu in February, around 9 analysts, and they will need accounts.')[0]?.team).toMatch(/Tartu/);
    expect(read('Their 14-person billing team will move onto your platform after the merger.')[0]).toMatchObject({ team: expect.stringMatching(/billing/), seats: 14 });
  });
  it('a person named plus others counts the person', () => {
    expect(read('The tax team (Ingrid + 2) want their own workspace.')[0]?.seats).toBe(3);
  });
  it('"as" in a clause is no comparison', () => {
    expect(read('Our plan assumes we go from 40 to 55 seats as the service centre grows.')[0]?.team).toMatch(/service centre/);
  });
  it('a count before a comma, and a bump by a number of seats', () => {
    expect(read('The returns clerks want in too. They are only four, but they are in it all day.')[0]?.seats).toBe(4);
    expect(read('could you bump us up by 8 licences? the new claims pod starts monday')[0]?.seats).toBe(8);
  });
});

describe('expansion: replacements, maybes, releases and new uses', () => {
  noneOf([
    ['people put in the places of leavers', 'Please add Oskar and Lene to the workspace, they are replacing the two planners who left.'],
    ['rights moved between people', 'We want to add two more admins, really just shifting admin rights from Bo to Lene and Oskar.'],
    ['a maybe with no time', 'We may need a few more licences at some point, will keep you posted.'],
    ['a new version rolled out', 'We will roll out the new tablet app version to our couriers on Monday.'],
  ]);
  it('a group wanted in the tool, and a use of ours for more work', () => {
    expect(read('Ingrid wants her buyers in the tool before the spring tender, I think it is 7 people.')[0]).toMatchObject({ team: expect.stringMatching(/buyers/), seats: 7 });
    expect(read('We are considering using your platform for returns handling too, not just outbound.')).toHaveLength(1);
  });
});

describe('expansion said as a noun, a group wanted added, and a bare count in brackets', () => {
  it('a rollout or licence extension still ahead, to a named place or unit', () => {
    expect(read('An extension of the contract to the Aarhus depot would make sense from April, around 15 loaders.')[0]).toMatchObject({ team: expect.stringMatching(/Aarhus/), seats: 15 });
    expect(read('The rollout to Tromsø should happen in Q2, 22 users.')[0]).toMatchObject({ team: 'Tromsø', seats: 22 });
    expect(read('The rollout to Tromsø was completed last month.')).toEqual([]);
    expect(read('An extension of the deadline to Friday would make sense.')).toEqual([]);
  });
  it('a department wanted added, counted in brackets; a note added to a ticket is not', () => {
    expect(note('Sync w/ Greta: she wants Payroll (4) added before year end.')[0]).toMatchObject({ team: 'Payroll', seats: 4 });
    expect(read("I'd like to add a comment to the case: it only happens on the Hull team's logins.")).toEqual([]);
  });
  it('a unit after a word the tagger reads as an adverb', () => {
    expect(read('the infra team will want logins once the cutover is done, maybe 5.')[0]).toMatchObject({ team: expect.stringMatching(/infra/), seats: 5 });
  });
});

describe('expansion: more users doing things, and use going on now', () => {
  noneOf([
    ['more users logging in', 'Adoption is picking up, 12 more users signed in this week than last.'],
    ['more users complaining', 'More users are grumbling about the slow map view every morning.'],
    ['extra users on a bill, none added', "Extra seats appeared on the bill and we didn't add anyone."],
    ['a new team already using it', 'The new crew in Hull is using the platform a lot, they like it.'],
  ]);
  it('more users arriving or needing access still count', () => {
    expect(read('Another 9 users will need access from April.')[0]?.seats).toBe(9);
    expect(read('14 more people are joining the Hull crew in May, can you add them?')[0]?.seats).toBe(14);
  });
});

describe('expansion: capacity held, then more wanted', () => {
  it('what a department already has is not the count it asks for', () => {
    expect(read('Legal already has 6 seats; they want 2 more.')[0]).toMatchObject({ team: 'Legal', seats: 2 });
    expect(read('Legal already has seats, they only want the new clause library.')).toEqual([]);
  });
  it('a lower-case unit after a linking adverb', () => {
    expect(read('Dispatch already uses it every day, now customer care wants in too.')[0]?.team).toMatch(/customer care/);
  });
});
