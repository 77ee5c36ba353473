// Expansion read by mechanism: who gets the capacity (a pronoun's antecedent, "the people there"),
// what is grown (our product, not a firewall), whose growth it is (an outside party's is not), and
// what a number is (a year, "the main one", an estimate only where capacity is named).
import { describe, expect, it } from 'vitest';
import { findExpansion } from '../../../agents/perception/expansion.js';

const read = (text: string) => findExpansion([{ side: 'them', text } as never]);

describe('expansion: who gets the capacity', () => {
  it('a pronoun object takes the group of the sentence before', () => {
    const [cue] = read('The analytics folks keep pulling reports off the finance team. Honestly it would be simpler to give them licences of their own.');
    expect(cue?.team).toMatch(/analytics/);
  });
  it('"the people there" takes the place named just before', () => {
    const [cue] = read('We open a depot in Tilburg next month. The drivers there will need accounts on the platform.');
    expect(cue?.team).toMatch(/Tilburg/);
  });
  it('a pronoun that points to a group leaving or merging is no newcomer', () => {
    expect(read('The Hull planners are merging into the York team. Can you move them to the York workspace?')).toEqual([]);
  });
  it('a lower-case department with its place before the verb', () => {
    expect(read('sales in Galicia would like access as well')[0]?.team).toMatch(/Galicia/);
  });
  it('a quoted name before the unit word', () => {
    expect(read("Please add a 'Night Desk' team with 4 new licences.")[0]).toMatchObject({ team: expect.stringMatching(/Night Desk/), seats: 4 });
  });
  it('a sentence-initial "It" is the pronoun, not the IT department', () => {
    expect(read("Our Porto hub wants access. It's about 12 people.")[0]).toMatchObject({ team: expect.stringMatching(/Porto/), seats: 12 });
  });
  it('a headcount in a verbless fragment after the ask', () => {
    expect(read('The claims desk wants its own workspace. Small, 4 admins.')[0]?.seats).toBe(4);
  });
});

describe('expansion: what grows and whose growth it is', () => {
  it('a group already on it is the state of things; a change marker makes it growth', () => {
    expect(read('The warehouses are on it and Priya fields the occasional how-to question.')).toEqual([]);
    expect(read('Both depots are on it these days.')).toEqual([]);
    expect(read('The Antwerp warehouse is on it now too, and they will need six more logins.')[0]?.team).toMatch(/Antwerp/);
    expect(read('Our Ghent branch signed the addendum and went live on the tool last week.')).toEqual([]);
    expect(read('Ghent is live on the tool; the Bruges branch would like to go live as well.')[0]?.team).toMatch(/Bruges/);
  });
  it('expanding something that is not ours', () => {
    expect(read('Our network team is expanding the firewall rules to the new subnet; can you confirm your IP range?')).toEqual([]);
  });
  it("an outside party's rollout, named in apposition", () => {
    expect(read('A client of ours, Morrow Shipping, is rolling out your tool to 80 people.')).toEqual([]);
  });
  it('a negation conceded before "but" does not cancel the ask after it', () => {
    expect(read("I don't want to promise anything yet, but our Rennes office would like its own workspace.")[0]?.team).toMatch(/Rennes/);
  });
  it('a decision against the rollout', () => {
    expect(read("We've decided against adding the Bremen office; they don't need it.")).toEqual([]);
  });
  it('a wish given up is not an ask', () => {
    expect(read('The Split office wanted a workspace of its own at one point, but they are happy in the shared one.')).toEqual([]);
  });
  it('their own thing that is not capacity', () => {
    expect(read('Our team keeps asking for their own colour scheme on the dashboards.')).toEqual([]);
  });
});

describe('expansion: what a number counts', () => {
  it('an estimate after capacity was named, even past "maybe"', () => {
    expect(read('The bottleneck is seats. We need a bigger allocation, maybe ten more.')[0]?.seats).toBe(10);
  });
  it('a bare estimate with no capacity named is not seats', () => {
    expect(read('We need a few more days, maybe two more.')).toEqual([]);
  });
  it('a year is not a count', () => {
    expect(read('We plan to roll it out across all of our subsidiaries during 2028.')[0]?.seats).toBeUndefined();
  });
  it('the capacity held is not the capacity asked for', () => {
    expect(read('Please quote our current 50 seats plus 8 for the new tax desk.')[0]).toMatchObject({ team: expect.stringMatching(/tax desk/), seats: 8 });
  });
  it('"the main one" is not a count', () => {
    expect(read('The Graz office would like a second workspace next to the main one.')[0]?.seats).toBeUndefined();
  });
});

describe('expansion: blind dev items, by mechanism (issue 15)', () => {
  it('a time phrase before the unit is no source ("from March our branch…")', () => {
    expect(read('From March our branch in Graz will also be using the system.')[0]?.team).toMatch(/Graz/);
  });
  it('a present passive is still to happen ("gets added"), a past one is done', () => {
    expect(read('The claims unit gets added at the next true-up.')[0]?.team).toMatch(/claims unit/);
    expect(read('The claims unit was added at the last true-up.')).toEqual([]);
  });
  it('a group with its headcount in brackets', () => {
    expect(read('Customs clearance (about 9 people) wants logins too.')[0]).toMatchObject({ team: expect.stringMatching(/Customs clearance/), seats: 9 });
  });
  it('counts: modifiers between number and noun, "N of us", an estimate glued to its number', () => {
    expect(read('Please add 6 night shift dispatchers to the licence.')[0]?.seats).toBe(6);
    expect(read('Can the bid team get accounts? There are 7 of us.')[0]?.seats).toBe(7);
    expect(read('the yard planners want their own workspace, est.4 heads')[0]?.seats).toBe(4);
  });
  it('wanting said as pestering or begging, our product as "your thing"', () => {
    expect(read('the payroll desk keeps pestering me to get on your thing')[0]?.team).toMatch(/payroll desk/);
  });
  it('a capacity noun that only modifies another noun is no capacity', () => {
    expect(read('new starters in our Porto team keep seeing the old login screen, can you look')).toEqual([]);
    expect(read('The Vigo office would like logins for its planners.')[0]?.team).toMatch(/Vigo/);
  });
  it('a wish the speaker discounts, a plan given up, a plan paused', () => {
    expect(read("Our COO keeps saying every warehouse should be on it, but don't get your hopes up.")).toEqual([]);
    expect(read('We had planned to bring the Lagos office onto the platform, but the budget went to hardware.')).toEqual([]);
    expect(read('Adding the Oslo hub is paused until the merger closes.')).toEqual([]);
  });
  it("the account's own business, an outsider's ask, capacity already received", () => {
    expect(read('We just won a contract with a grocery chain, so the ops team will be busy onboarding them.')).toEqual([]);
    expect(read('A supplier of ours, Kestrel Foods, wants a workspace on our account.')).toEqual([]);
    expect(read('The Lyon team finally got their seats on Monday, all working.')).toEqual([]);
  });
  it('something extended to a group of people so they can get in', () => {
    expect(read("Please extend the SSO mapping to the 'Route Planning' AD group (11 users) so they can log in.")[0]).toMatchObject({ team: expect.stringMatching(/Route Planning/), seats: 11 });
  });
  it('onto a modified stack only when the sentence ties it to us, and not when it retires us', () => {
    expect(read('Our Chile entity moves onto the group platform next year and your tool is part of it.')[0]?.team).toMatch(/Chile/);
    expect(read('Every subsidiary moves onto the Oracle stack next year, retiring your app.')).toEqual([]);
  });
  it('a role usually outside the account is inside it under a department', () => {
    expect(read('The compliance auditors in Ghent check every route by hand. Giving them their own view in your tool would save hours.')[0]?.team).toMatch(/Ghent/);
  });
});

describe('expansion: objects and scopes (issue 15, probes)', () => {
  it('capacity wished for ("would love to have a few seats") is no capacity held', () => {
    expect(read('Treasury would love to have a couple of seats for the quarter close.')[0]?.team).toMatch(/Treasury/);
    expect(read('The Aalborg office has 30 seats on the platform today.')).toEqual([]);
  });
  it('a unit added to our capacity, not to a list or a file', () => {
    expect(read('Any chance we could add the Bergen crew? They are 5.')[0]).toMatchObject({ team: expect.stringMatching(/Bergen crew/), seats: 5 });
    expect(read('Can you add the Malaga office to the mailing list for outage notices?')).toEqual([]);
    expect(read('Procurement asked for access to the February savings report.')).toEqual([]);
    expect(read('Could you add our new office address in Tartu to the billing details?')).toEqual([]);
  });
  it('still undecided is no want', () => {
    expect(read("When the Tampere branch opens we'll see whether they need the tool at all.")).toEqual([]);
  });
  it('"the whole of" a unit moving onto us, unless it is there already', () => {
    expect(read('If the trial holds up, the whole of logistics will move onto it.')).toHaveLength(1);
    expect(read('The rest of the business is on it already.')).toEqual([]);
  });
});
