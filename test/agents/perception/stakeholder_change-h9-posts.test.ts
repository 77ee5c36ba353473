// People named by their post, seen off, or told in a clause that opens with a time (issue 15, held-out
// recall), and the look-alikes that are a setting of a tool or a thing owned (precision).
import { describe, expect, it } from 'vitest';
import { Story, at, contact } from '../risk/builders.js';
import { read, one } from './stakeholder-read.js';

const people = [
  contact('ines@acme.com', 'Ines Moll', 'economic_buyer', { title: 'Chief Financial Officer' }),
  contact('bo@acme.com', 'Bo Strand', 'champion', { title: 'Treasury Director' }),
  contact('kai@acme.com', 'Kai Berg', 'technical_evaluator', { title: 'Head of Infrastructure' }),
  contact('una@acme.com', 'Una Roth', 'user', { title: 'Infrastructure Manager' }),
];
const byPost = (text: string) => new Story({ contacts: people }).email(at(-1), { from: 'bo@acme.com', to: 'sam@ourco.com', text }).insights!.stakeholderChanges;

describe('stakeholder changes: a person named by their post', () => {
  it('is the contact holding it: by what the post is over, then by its level', () => {
    expect(byPost('Our CFO has handed in her notice.')).toEqual([expect.objectContaining({ change: 'left', contactEmail: 'ines@acme.com' })]);
    expect(byPost('The head of infrastructure retired on Friday; Una is covering.')).toEqual([expect.objectContaining({ change: 'left', contactEmail: 'kai@acme.com', successor: expect.objectContaining({ name: 'Una Roth' }) })]);
    expect(byPost('FYI our infrastructure manager is stepping down at Easter.')).toEqual([expect.objectContaining({ change: 'left', contactEmail: 'una@acme.com' })]);
  });

  it('a post nobody holds is named as said; a post doing something else is no change', () => {
    expect(byPost('Our Head of Customs has moved on.')).toEqual([expect.objectContaining({ change: 'left', name: 'Head of Customs' })]);
    expect(byPost('Our CFO wants the figures before she signs.')).toEqual([]);
    expect(byPost('The head of infrastructure is away until the 9th.')).toEqual([]);
  });
});

describe('stakeholder changes: seen off, and a clause opened by a time', () => {
  it('sad to see someone go, sorry to lose them; not when only wished against', () => {
    expect(one("Everyone's sad to see Dana go, she built this programme.")).toMatchObject({ change: 'left', name: 'Dana Ruiz' });
    expect(read("We'd hate to see Dana go, she knows the warehouse inside out.")).toEqual([]);
  });

  it('"After the merger Dana will…": the time is no condition, and a noun modifier is no subject', () => {
    expect(one("After the merger Dana will report to the group CTO and won't be involved in our rollout anymore.")).toMatchObject({ change: 'moved', name: 'Dana Ruiz' });
  });
});

describe('stakeholder changes: settings of a tool and things owned are no post', () => {
  it('an admin in the tool, teams switched to test permissions, the owner of a spreadsheet, a list or a channel left', () => {
    for (const text of [
      'Dana has been promoted to admin in your app.',
      'Dana switched teams in the portal to check the permissions.',
      'Dana is the new owner of the freight rates spreadsheet.',
      'Dana is no longer on the mailing list, could you add her back?',
      'Dana finally left that noisy Slack channel.',
    ]) expect(read(text), text).toEqual([]);
    expect(one('Dana has moved into a new role in the platform team.')).toMatchObject({ change: 'moved' });
  });
});

describe('stakeholder changes: a piece of work taken on, background in a relative clause', () => {
  it('now handling a task, in charge of paperwork, stepping into a review, contact for a survey: no post', () => {
    for (const text of [
      'Dana will now handle the monthly backups.',
      'Dana is now in charge of the customs paperwork.',
      'Dana will be stepping into the pricing review to give the finance view.',
      'Dana is the new point of contact for the carrier survey.',
    ]) expect(read(text), text).toEqual([]);
    expect(one('Dana will now handle procurement for the whole group.')).toMatchObject({ change: 'moved', name: 'Dana Ruiz' });
  });

  it('a known person introduced with how they once joined is no arrival', () => {
    expect(read('Dana, who joined us from a port operator, really likes the new map view.')).toEqual([]);
  });
});

describe('stakeholder changes: a post whose holder changed, a new job, a move for good', () => {
  it('"our treasury director changed; it\'s now X" is the holder\'s change with X after them; a date or a plan that changed is nothing', () => {
    expect(byPost("Our treasury director changed last month; it's now Pia Holt.")).toEqual([expect.objectContaining({ change: 'moved', contactEmail: 'bo@acme.com', successor: expect.objectContaining({ name: 'Pia Holt' }) })]);
    expect(byPost('Kai said the cutover date changed again.')).toEqual([]);
  });

  it('off to a new job, moving somewhere permanently', () => {
    expect(one('Apparently Dana is off to a new job after the summer.')).toMatchObject({ change: 'left', name: 'Dana Ruiz' });
    expect(one('Dana is relocating to the Porto site permanently.')).toMatchObject({ change: 'moved', name: 'Dana Ruiz' });
  });
});
