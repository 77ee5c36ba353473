// Round five of the rules perceiver: mechanisms, not phrasings (coordinated acts under one modality,
// a named person as the promise's subject, closing in the future tense, the unit's modifiers and place).
import { describe, expect, it } from 'vitest';
import { Story, contact } from '../risk/builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const ken = contact('ken@acme.com', 'Ken Ito', 'security');
const story = () => new Story({ account: { stage: 'customer' }, contacts: [dana, ken] });
const TUESDAY = '2026-11-17T10:00:00.000Z';
const fromDana = (text: string) => story().email(TUESDAY, { from: 'dana@acme.com', to: 'sam@ourco.com', text }).insights!;
const fromUs = (text: string) => story().email(TUESDAY, { from: 'sam@ourco.com', to: 'dana@acme.com', text }).insights!;

describe('rules perceiver v5', () => {
  it('reads the second act under one "will" ("talk to procurement and send the PO number")', () => {
    expect(fromDana("I'll check with procurement and send you the PO number tomorrow.").commitments).toEqual([expect.objectContaining({ owner: 'them' })]);
    // …but not a handover of a role.
    expect(fromDana('Dana will be picking up the relationship from our side.').commitments).toEqual([]);
  });

  it('a named colleague as the subject: ours when not a contact, theirs when a contact', () => {
    expect(fromUs('Nnamdi will send you the revised SOW tomorrow.').commitments).toEqual([expect.objectContaining({ owner: 'us', who: 'Nnamdi' })]);
    expect(fromDana('Ken will return the signed security questionnaire by Friday.').commitments).toEqual([expect.objectContaining({ owner: 'them', who: 'Ken Ito' })]);
    expect(fromDana('Ken will be out next week.').commitments).toEqual([]);
  });

  it('closing in the future tense is buying intent; a plain price question is not', () => {
    expect(fromDana("We'll be renewing, just waiting on the final numbers.").buying).toHaveLength(1);
    expect(fromDana("We won't be renewing this year.").buying).toEqual([]);
    expect(fromDana('What would this cost for twenty seats?').buying).toEqual([]);
  });

  it('the team keeps its modifiers and takes its place from the sentence', () => {
    expect(fromDana('The inside sales team has been asking for their own licences, maybe 15 of them.').expansion[0]).toMatchObject({ team: 'inside sales team', seats: 15 });
    expect(fromDana("We're acquiring a small company in Warsaw and would like to bring their 40 staff onto the platform.").expansion[0]).toMatchObject({ team: 'staff in Warsaw', seats: 40 });
  });

  it('a successor named as the replacement or the one appointed', () => {
    expect(fromDana('Ken has left; his replacement, Lina Park, starts next week.').stakeholderChanges[0]).toMatchObject({ change: 'left', successor: { name: 'Lina Park' } });
    expect(fromDana('Ken has resigned and we have appointed Marcus Lee as interim lead.').stakeholderChanges[0]).toMatchObject({ successor: { name: 'Marcus Lee' } });
  });

  it('an arrival named in an appositive that opens the sentence; no longer in charge is a change of role', () => {
    expect(fromDana('Our new Head of Procurement, Lars Berg, will be joining future calls.').stakeholderChanges).toEqual([expect.objectContaining({ change: 'joined', name: 'Lars Berg' })]);
    expect(fromDana('Ken is no longer responsible for the security review.').stakeholderChanges).toEqual([expect.objectContaining({ name: 'Ken Ito' })]);
  });
});
