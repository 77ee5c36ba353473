// Held-out classes of people changes (issue 15), in words of their own: scopes that keep a frame from
// reporting a change the account did not have (news long settled, a remit kept, a change outside our
// deal, hearsay, a thing handed on or promoted, "a heads up", an organisation's hire), and recall
// constructions (a coordinated subject, a passive replacement in a post, not continuing with the
// company, a new role as the subject, a known contact's new post, a newcomer in apposition, a pronoun
// across sentences read by the shared resolver).
import { describe, expect, it } from 'vitest';
import { one, read } from './stakeholder-read.js';

describe('stakeholder scopes (precision)', () => {
  it('news long settled is no change', () => {
    for (const text of [
      'Dana was promoted back in 2017 and has headed the depot network since.',
      'Dana took over purchasing a few years ago, she knows the history well.',
      'Li was made finance lead last year, so she signs the renewals.',
    ]) expect(read(text), text).toEqual([]);
  });

  it('a move or a new title that keeps the remit changes nothing for us', () => {
    for (const text of [
      'Dana is relocating to our Porto office but keeps all her accounts, yours included.',
      'Li has been promoted to group controller and remains your sponsor.',
      'Dana moves into the analytics team in May, while she stays on as our point of contact.',
    ]) expect(read(text), text).toEqual([]);
  });

  it('a change said to lie outside our deal', () => {
    for (const text of [
      'Dana is the new sponsor for the canteen refit, which is separate from your platform.',
      'Li stepped down as treasurer of the staff club, which does not affect our project with you.',
    ]) expect(read(text), text).toEqual([]);
  });

  it('hearsay denied, a heads up, a thing handed on or promoted', () => {
    for (const text of [
      'The gossip that Dana is quitting is nonsense; she is going nowhere.',
      'Dana, a quick heads up: the invoice run slips to Thursday.',
      'The audit form came back signed, and Dana passed it to Li for filing this morning.',
      'Li was promoted to the early-access cohort for your mobile app.',
    ]) expect(read(text), text).toEqual([]);
  });

  it('an organisation named as a client or a carrier is no person; a name modifying a noun neither', () => {
    for (const text of [
      'Our customer Fjordline Cargo has appointed a new head of fleet, and wants a demo for him.',
      'Hi Sam, the new Tallinn joiners started Tuesday and Li gave them spare licences.',
    ]) expect(read(text), text).toEqual([]);
  });

  it('a trip after leaving is an absence, but leaving the employer with a trip later is not', () => {
    expect(read('Dana leaves on Sunday for a ten-day trip to the Asian plants.')).toEqual([]);
    expect(one('Dana leaves Acme at the end of March, going back to Lyon.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    expect(one('Dana will be leaving the company in May; until then she remains your contact.')).toMatchObject({ change: 'left' });
  });
});

describe('stakeholder constructions (recall)', () => {
  it('replaced in a post, by someone', () => {
    const c = one('Dana was replaced as head of buying by Oskar Lind on Monday.');
    expect(c).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    expect(c.successor?.name).toBe('Oskar Lind');
  });

  it('not continuing with the company', () => {
    expect(one('Dana will not be continuing with Acme after the spring.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    expect(read('Dana will not be continuing with the pilot after the spring.')).toEqual([]);
  });

  it('the new post as the subject, and a known contact named to a new post', () => {
    expect(one("Dana's new role is director of network planning.")).toMatchObject({ contactEmail: 'dana@acme.com', change: 'role_changed' });
    expect(one('As of this morning, Dana is our new Chief Data Officer.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'role_changed' });
  });

  it('a newcomer in apposition after "a new <title>"', () => {
    expect(one('Li mentioned we have a new Head of Yard, Bram Koster, who sits on the steering group.')).toMatchObject({ name: 'Bram Koster', change: 'joined' });
  });

  it('a coordinated subject, with the model reading "left" as a noun', () => {
    expect(read('Dana and Li have both left the company.').map((c) => c.change)).toContain('left');
  });

  it('a successor who gets the accounts, or takes over ownership', () => {
    expect(one('I leave Acme at month end. Oskar gets my accounts.').successor?.name).toBe('Oskar');
    expect(one('Please transfer ownership of the reports from Dana to me, since Dana has moved to the Lyon plant and no longer runs the weekly reports.')).toMatchObject({ contactEmail: 'dana@acme.com', successor: { name: 'Li Wen' } });
  });

  it('a pronoun in the next sentence points to the subject before, not the last name said', () => {
    expect(one('Dana thanked Oskar for the cutover. She has moved to the Lyon subsidiary.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'moved' });
    expect(one('I had coffee with Dana today. She told me she is retiring in June.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
  });

  it('out of a post in other words: no longer our <title>, a post that no longer exists, out and in, a last word as <title>', () => {
    expect(one('For the record, Dana is no longer our logistics director. Li has taken that on.')).toMatchObject({ contactEmail: 'dana@acme.com', successor: { name: 'Li Wen' } });
    expect(one("After the merger, Dana's post no longer exists.")).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    expect(one('Dana is out, Oskar is in as plant manager.')).toMatchObject({ contactEmail: 'dana@acme.com', successor: { name: 'Oskar' } });
    expect(one('This is my final note as purchasing lead; Oskar Lind takes over from Monday.').successor?.name).toBe('Oskar Lind');
  });

  it('moved to do another job, leading from a stated moment, and who we will hear from', () => {
    expect(one('Dana has been moved over to run our Iberian distribution.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'moved' });
    expect(one('As of next Monday, Dana is heading our new Baltic unit, so Oskar will be your main contact.').successor?.name).toBe('Oskar');
    expect(one("You'll be hearing from Oskar going forward, as Dana has moved to a different role.").successor?.name).toBe('Oskar');
  });

  it('the same words about a task, a meeting or presence are no change', () => {
    for (const text of [
      'dana is out today, li is in tho',
      'Dana has been moved over to run the supplier workshop while I travel.',
      'As of Monday, Dana is heading the tender evaluation for three weeks.',
      'From Thursday Li chairs the weekly sync instead of me.',
      'Heard from Li that the pallets arrived; Dana is out as usual on Fridays.',
    ]) expect(read(text), text).toEqual([]);
  });

  it('successors: filling in, a relationship taken forward after an appositive, looped in', () => {
    expect(one('Dana has left Acme. Oskar is filling in until we hire.').successor?.name).toBe('Oskar');
    expect(one('Dana has left Acme. Oskar Lind, our plant controller, will take the relationship forward.').successor?.name).toBe('Oskar Lind');
    expect(one('Dana has left Acme. Please loop Oskar in on everything instead.').successor?.name).toBe('Oskar');
    expect(one('Dana has left Acme. Oskar will fill in the leaver form for her.').successor).toBeUndefined();
  });
});

describe('stakeholder scopes, second round (precision)', () => {
  it('a newcomer who never reaches our product, our own hire congratulated, some day, a desk, a report, a visit', () => {
    for (const text of [
      'Our new apprentice, Timo, starts Friday in the canteen team; he will not be using your platform.',
      'Congratulations on hiring Bettina, she was brilliant on the demo.',
      'Dana will move on eventually, as everybody does.',
      'Dana is moving to a new desk by the window on the second floor.',
      'Li is taking over the weekly margin report from Dana, just this once.',
      'Dana leaves for Lisbon on Monday to visit the cold store.',
    ]) expect(read(text).filter((c) => c.side !== 'us'), text).toEqual([]);
  });
});

describe('stakeholder constructions, fourth round', () => {
  it('HR and non-native phrasings of a departure', () => {
    for (const text of [
      'Offboarding: please revoke badge access for Dana Ruiz (leaver, effective 02/03).',
      'Dana is no more working for Acme since Monday.',
      'Dana is on her way out; her notice runs until the 28th.',
      'We had to part with Dana last month.',
    ]) expect(one(text), text).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    expect(one('I inform you that Mrs. Ruiz has terminated her collaboration with our company.')).toMatchObject({ change: 'left' });
  });

  it('a post passed from one to another, a named successor, a move into a group function, elevated to the board', () => {
    expect(one('The controller role has passed from Dana to Oskar Lind.')).toMatchObject({ contactEmail: 'dana@acme.com' });
    const named = one("Oskar will be Dana's successor from April.");
    expect(named).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    expect(named.successor?.name).toBe('Oskar');
    expect(one('Dana moving to group treasury (March).')).toMatchObject({ contactEmail: 'dana@acme.com' });
    expect(one('Dana has been elevated to the board as chief operating officer.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'role_changed' });
  });

  it('the same words for leavers in general, forms, money, a building, or cover', () => {
    for (const text of [
      'New starters and leavers should gain or lose access the same day.',
      'Dana will fill in the leaver form for the temp.',
      'We are not ready to part with that much budget for add-ons.',
      'Dana is on her way out of the building, she will ring you from the car.',
      'The admin role passed from Dana to Li for the length of her holiday.',
    ]) expect(read(text), text).toEqual([]);
  });
});

