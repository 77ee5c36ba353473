import { describe, expect, it } from 'vitest';
import { Story, contact } from '../risk/builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const ken = contact('ken@acme.com', 'Ken Ito', 'security');
const story = () => new Story({ contacts: [dana, ken] });
const TUESDAY = '2026-11-17T10:00:00.000Z';

describe('commitments', () => {
  it('our promise in an outbound email: owner us, due Friday end of business, made to the recipients', () => {
    const s = story().email(TUESDAY, { from: 'sam@ourco.com', to: 'ken@acme.com', cc: ['dana@acme.com'], text: "Thanks for the call. We'll send the security questionnaire answers by Friday.\n\nSam" });
    expect(s.insights!.commitments).toEqual([{
      text: "We'll send the security questionnaire answers by Friday.", owner: 'us', who: 'Sam Patel', deliverable: 'the security questionnaire answers',
      dueAt: '2026-11-20T17:00:00.000Z', counterparts: ['ken@acme.com', 'dana@acme.com'],
    }]);
  });

  it("the customer's promise is theirs", () => {
    const s = story().email(TUESDAY, { from: 'dana@acme.com', to: 'sam@ourco.com', text: "I'll get you the signed order form next week." });
    expect(s.insights!.commitments).toEqual([expect.objectContaining({ owner: 'them', who: 'Dana Ruiz', dueAt: '2026-11-27T17:00:00.000Z', counterparts: ['sam@ourco.com'] })]);
  });

  it('a promise with no date gets the default due date and says so', () => {
    const s = story().email(TUESDAY, { from: 'sam@ourco.com', to: 'dana@acme.com', text: 'I will follow up with the pricing details for the Berlin team.' });
    expect(s.insights!.commitments[0]).toMatchObject({ owner: 'us', dueAt: '2026-11-20T17:00:00.000Z', dueDefaulted: true });
  });

  it('reads each speaker turn of a call; the promise is made to whoever asked', () => {
    const s = story().meeting(TUESDAY, 'Security review', ['ken@acme.com', 'dana@acme.com', 'sam@ourco.com'], [
      ['Ken Ito', 'Can you share your pen test summary?'],
      ['Sam Patel', "Yes. I'll share the pen test summary tomorrow."],
      ['Dana Ruiz', "And I'll book the legal review for Thursday."],
    ]);
    expect(s.insights!.commitments).toEqual([
      expect.objectContaining({ owner: 'us', who: 'Sam Patel', dueAt: '2026-11-18T17:00:00.000Z', counterparts: ['ken@acme.com'] }),
      expect.objectContaining({ owner: 'them', who: 'Dana Ruiz', dueAt: '2026-11-19T17:00:00.000Z', counterparts: ['sam@ourco.com'] }),
    ]);
  });

  it('a speaker who is not an account contact and not at its domain is us', () => {
    const s = story().add({ kind: 'meeting', occurredAt: TUESDAY, title: 'Call', attendees: [], transcript: 'Dana Ruiz: Can you send the roadmap?\nAlex (SE): Sure, I will send the roadmap deck by end of week.' });
    expect(s.insights!.commitments).toEqual([expect.objectContaining({ owner: 'us', who: 'Alex (SE)', dueAt: '2026-11-20T17:00:00.000Z', counterparts: ['dana@acme.com'] })]);
  });

  it('in our notes, named action items belong to whoever is named', () => {
    const s = story().note(TUESDAY, 'Call with Dana and Ken.\nAction items:\n- Dana to send the signed order form by Thursday.\n- Sam will share the SOC 2 report tomorrow.\n- They will confirm the legal contact.');
    expect(s.insights!.commitments.map((c) => [c.owner, c.who, c.dueAt])).toEqual([
      ['them', 'Dana Ruiz', '2026-11-19T17:00:00.000Z'],
      ['us', 'Sam', '2026-11-18T17:00:00.000Z'],
      ['them', undefined, '2026-11-20T17:00:00.000Z'],
    ]);
  });

  it('chat promises, by the author side', () => {
    const s = story().chat(TUESDAY, 'sam@ourco.com', "I'll send over the SSO setup guide today.");
    expect(s.insights!.commitments).toEqual([expect.objectContaining({ owner: 'us', dueAt: '2026-11-17T17:00:00.000Z' })]);
  });

  it('questions, conditionals, offers without a date and refusals are not promises', () => {
    const s = story().email(TUESDAY, { from: 'sam@ourco.com', to: 'dana@acme.com', text: [
      'Could you send the logo?', 'If you want, we will send a draft.', 'We can share a reference customer.',
      "We won't send anything before legal signs off.", 'Happy to walk you through it.', 'We will be at the conference.',
    ].join(' ') });
    expect(s.insights!.commitments).toEqual([]);
    const dated = story().email(TUESDAY, { from: 'sam@ourco.com', to: 'dana@acme.com', text: 'Let me send you the reference list by Thursday.' });
    expect(dated.insights!.commitments).toEqual([expect.objectContaining({ owner: 'us', dueAt: '2026-11-19T17:00:00.000Z' })]);
  });

  it('only the new text of a reply counts, not the quoted history', () => {
    const s = story().email(TUESDAY, { from: 'dana@acme.com', to: 'sam@ourco.com', text: "Thanks, looks good.\n\nOn Mon, Nov 16, 2026 at 9:00 AM Sam Patel <sam@ourco.com> wrote:\n> We'll send the contract by Friday." });
    expect(s.insights!.commitments).toEqual([]);
  });

  it('automated mail carries no promises', () => {
    const s = story().email(TUESDAY, { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Automatic reply: contract', text: "I'm out of the office until Monday. I will reply when I return." });
    expect(s.insights).toMatchObject({ auto: 'auto_reply', commitments: [] });
  });
});
