// Classes found by account stories written in new words this session (kept out of the repo as probes):
// each was a false alarm in the risk model, fixed by class, and is checked here in other words.
import { describe, expect, it } from 'vitest';
import { Story, at, contact } from '../risk/builders.js';

const s = new Story({ account: { stage: 'negotiation', domains: ['fenwick.com'] }, contacts: [contact('ada@fenwick.com', 'Ada Quinn', 'champion'), contact('raul@fenwick.com', 'Raul Ortega', 'procurement')] });
const read = (text: string) => s.email(at(-1), { from: 'ada@fenwick.com', to: 'sam@ourco.com', text }).insights!;

describe('probe classes', () => {
  it('a loss only imagined, to keep something, is no negative tone', () => {
    expect(read("We'd really hate to forfeit the launch pricing, so let's keep things moving.").sentiment).toBeGreaterThanOrEqual(0);
    expect(read('I would not want to miss the onboarding slot you offered.').sentiment).toBeGreaterThanOrEqual(0);
    // A real complaint keeps its tone.
    expect(read('We keep losing whole afternoons to these sync failures and it is unacceptable.').sentiment).toBeLessThan(-0.25);
  });

  it('a document passed on is no stakeholder change; a remit handed over still is', () => {
    expect(read('All good from my side, sending it to Raul now.').stakeholderChanges).toEqual([]);
    expect(read('Signed off on my end, passing it to purchasing.').stakeholderChanges).toEqual([]);
    expect(read("From March I'm handing the relationship over to Raul, as I'm moving to our Madrid office.").stakeholderChanges.length).toBeGreaterThan(0);
  });

  it('our own company, named by its domain, is never a rival', () => {
    expect(read('Our risk team finished the vendor assessment of OurCo and scored you low risk.').competitors).toEqual([]);
    expect(read('We are also evaluating Tandemly against OurCo this month.').competitors.map((c) => c.name)).toEqual(['Tandemly']);
    // Written in lower case in a chat, it is still named as a name.
    expect(read("fyi we're also trialling brightpath next week, their audit module is cheaper").competitors.map((c) => c.name)).toEqual(['Brightpath']);
  });

  it("a person's move is a stakeholder change, not the account's churn", () => {
    const moved = read("Quick note: I've switched to the strategy team this week, so I'm no longer looking after procurement.");
    expect(moved.stakeholderChanges.length).toBeGreaterThan(0);
    expect(moved.churnIntent).toBeUndefined();
    // Unless the sentence names our deal.
    expect(read("With Greta gone, the new director has told us he won't renew your contract.").churnIntent).toBeDefined();
  });
});
