// Expansion read from its construction rather than its stock words (h9): verbs the tagger leaves
// unlemmatised, a group carried over with a particle, a capacity count raised, departments written
// as one word, and the look-alikes those readings must not take in. Sentences written fresh.
import { describe, expect, it } from 'vitest';
import { findExpansion } from '../../../agents/perception/expansion.js';

const read = (text: string) => findExpansion([{ side: 'them', text } as never], {});

const ASKS: Array<[string, string, { team?: string; seats?: number }]> = [
  ['a wanting verb the tagger calls an adjective', 'The billing clerks keep begging me for logins of their own, there are five of them.', { team: 'billing clerks', seats: 5 }],
  ['a progressive the tagger calls a noun', 'Our payroll people have been pestering Keiko for access since the summer.', { team: 'payroll people' }],
  ['a one-word operations department', 'Dmitri: FinOps would like a workspace to review carrier spend, 4 people.', { team: 'FinOps', seats: 4 }],
  ['read-only access is still access', 'The tax team would like read-only access to the platform for their quarterly checks, six users.', { team: 'tax team', seats: 6 }],
  ['how long they waited is no time limit', 'The Vigo yard crew have watched the dispatch board for weeks and now they would like logins of their own.', { team: 'Vigo yard crew' }],
  ['a group brought across', "We're looking at bringing the customs brokers across next spring, roughly fifteen people.", { team: 'customs brokers', seats: 15 }],
  ['a count of licences lifted', 'Could you lift our licence cap to 140? The Bilbao depot opens in March.', {}],
  ['a seat count bumped by a number', "I'd like to bump the seat count by 12 from January.", { seats: 12 }],
  ['an app switched on for new users', 'Please switch on the mobile app for the Porto couriers, 25 new users.', { team: 'Porto couriers', seats: 25 }],
  ['a whole team on it', 'Alva wants her entire team on it before peak season, 9 people.', { seats: 9 }],
  ['on the same system as ours', 'After the merger I want the Kestrel dispatchers working on the same system as ours, your platform included.', { team: 'Kestrel dispatchers' }],
];

describe('expansion read from its construction', () => {
  it.each(ASKS)('%s', (_, text, fields) => {
    const got = read(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject(fields);
  });
});

const LOOK_ALIKES: Array<[string, string]> = [
  ['one person set up', 'Please create him a login and add him to the Finance group, he started on Monday.'],
  ['a department in a title', 'Our new Head of Data asked me to forward her CV to you before the kickoff.'],
  ['seats bought already', 'The 8 extra licences we bought in May for the Gdynia crew still sit unassigned; can you help us assign them?'],
  ['an ask already met', 'The Tartu team asked for access back in spring and we set them up in June.'],
  ['a service for people, not capacity', 'The claims group would like a refresher workshop for the 14 people who started this autumn.'],
  ['a unit added as a value', 'Please add our Kaunas warehouse as a location in the route filters.'],
  ['a branch only if ever', 'If we ever opened a Canadian branch we would need more licences, but that is not on the cards.'],
  ['access to something else, ours set aside', 'The new starter in treasury needs access to the shared mailbox, not your tool.'],
  ['use as a habit', "Yeah the whole returns desk is on it every morning now, it's just part of the routine."],
  ['brought over for a workshop', "I'll bring the whole planning team over for the workshop on Friday."],
  ['brought onto a call', "Can you bring the implementation team on next Tuesday's call?"],
  ['numbers brought across into a report', 'Please bring the Oslo numbers across into the monthly report.'],
  ['taken to a meeting', "Let's take this to the other offices' managers meeting next week."],
  ['active users counted, not capacity', 'Our active user count went up by 30 after the webinar.'],
  ['a count raised in the past', 'We increased the licence count by 10 back in June.'],
  ['a pronoun "it" is no IT department', 'Is Pedro still on the account, or has someone else taken it over?'],
  ['access kept a little longer', 'Can the Madrid planners keep their access for another week while they finish the migration?'],
  ['a price per seat', 'Ledgerwise quoted the whole package at 12 euros a seat, just so you know.'],
  ['run off the existing workspace', 'Asked whether Valencia would need logins - they will run it off the Seville workspace with existing users.'],
  ['switched off', 'Honestly the room is asking what we would save by turning it off.'],
  ['accounts deleted', 'There were 30 new accounts created by the sync bug, please delete them.'],
  ['what it would have cost', 'Raj wanted to know what the extra seats would have cost last year, just for the records.'],
  ['read-only access with more seats ruled out', 'The compliance team only needs read-only access to the existing reports, no new seats.'],
  ['seats awaited, already ordered', "We've been waiting for the extra seats for weeks, when will they show up in the admin panel?"],
  ['on board with a format', "I'll get the finance team on board with the new invoice format."],
  ['access expected already', "The Leeds team should have access already, can you check why they can't log in?"],
  ['an expectation, not a wish', 'They should have their logins by now, IT sent the invites on Monday.'],
  ['a gerund object of another verb', "The sync error is back and it's stalling onboarding for the new hub."],
  ['"it" is the training named before it', 'Mia ran the induction session herself and wants the whole crew on it by spring.'],
];

const GROUPS: Array<[string, string, string]> = [
  ['the place said beside the group', 'The returns crew, about eight people in Ghent, keep asking when they can have logins.', 'Ghent'],
  ['a group in the sentence before the count', "Once the Porto folks saw the route board they got really excited. I think we're looking at another nine seats from March.", 'Porto'],
  ['a bare team "of" a place', 'the team of Brescia is now 5 reps and they all want to use the tool like Verona', 'Brescia'],
  ["a group in a department's possession", "Legal's contract reviewers (3 of them) want to be added at renewal.", 'Legal'],
  ['an SSO group is no unit', 'Please enable the mobile app for the Tartu couriers - 20 new users, SSO group nw-tartu already exists.', 'Tartu couriers'],
];

describe('which group an expansion is for', () => {
  it.each(GROUPS)('%s', (_, text, team) => {
    const got = read(text);
    expect(got).toHaveLength(1);
    expect(got[0].team).toContain(team);
  });
});

describe('expansion look-alikes of those constructions', () => {
  it.each(LOOK_ALIKES)('%s', (_, text) => { expect(read(text)).toEqual([]); });
});
