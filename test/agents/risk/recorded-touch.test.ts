// "Already done": a rep rejects a recommendation because they did it outside the product, and the
// decision leaves a note on the account's timeline (workflows/activities/decide.ts). The risk model
// counts that note as our outreach, exactly as it counts an email we sent: it answers their waiting
// question, starts their time to reply, keeps the promise it names. A rep's ordinary note does not.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Insights, type Signal } from '../../../agents/signals/schema.js';
import { isRecordedTouch, participants, stakeholderMap } from '../../../agents/stakeholders.js';
import { Story, at, contact, factor, names } from './builders.js';

function perceived(s: Signal, insights: z.input<typeof Insights>): Signal {
  s.insights = Insights.parse(insights);
  return s;
}

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const ken = contact('ken@acme.com', 'Ken Ito', 'security');
const story = (stage = 'discovery') => new Story({ account: { stage }, contacts: [dana, ken] });

/** The note a decision writes: by the owner, naming the recommendation and its recipients. */
function alreadyDone(s: Story, when: string, rec: string, title: string, to: string[] = []): Signal {
  return s.add({
    kind: 'note', occurredAt: when, source: 'decision', externalId: `already-done:${rec}`, author: 'Sam Patel',
    text: `Sam Patel already did this: ${title}${to.length ? ` (with ${to.join(', ')})` : ''}.`,
  });
}

describe('a recommendation rejected as already done is outreach', () => {
  it('answers the question that was waiting for us', () => {
    const s = story();
    perceived(s.email(at(-4), { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Sandbox', text: 'Can we get a sandbox workspace for the pilot team?' }), { question: true });
    expect(names(s.assess(at(-1)))).toContain('unanswered_inbound');
    alreadyDone(s, at(-1), 'rec-1', 'Reply to Dana Ruiz: "Sandbox"', ['dana@acme.com']);
    expect(names(s.assess())).not.toContain('unanswered_inbound');
  });

  it('starts their time to answer, as an email would: no silence until the stage allows it', () => {
    const s = story();
    s.email(at(-15), { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Pilot', text: 'The pilot team is keen, we will come back with dates.' });
    expect(names(s.assess(at(-2)))).toContain('silence');
    alreadyDone(s, at(-2), 'rec-2', 'Follow up with Dana Ruiz (champion) on "Pilot"', ['dana@acme.com']);
    const a = s.assess();
    expect(names(a)).not.toContain('silence');
    expect(a.nextChangeAt).toBe(at(5)); // the discovery stage's 7 days, counted from the touch

    // Exactly what the same outreach by email does.
    const byEmail = story();
    byEmail.email(at(-15), { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Pilot', text: 'The pilot team is keen, we will come back with dates.' });
    byEmail.email(at(-2), { from: 'sam@ourco.com', to: 'dana@acme.com', subject: 'Re: Pilot', text: 'Checking in on the pilot dates.' });
    expect(names(byEmail.assess())).toEqual(names(a));
    expect(byEmail.assess().nextChangeAt).toBe(a.nextChangeAt);
  });

  it('a lead answered outside the product is no longer waiting', () => {
    const s = story('lead');
    s.email(at(0, -3), { from: 'ken@acme.com', to: 'sam@ourco.com', subject: 'Pricing', text: 'What does the team plan cost for 12 people?' });
    expect(names(s.assess())).toContain('new_lead_waiting');
    alreadyDone(s, at(0, -2), 'rec-3', 'Reply to new lead Ken Ito now', ['ken@acme.com']);
    expect(names(s.assess())).not.toContain('new_lead_waiting');
  });

  it('keeps the promise it names', () => {
    const s = story('negotiation');
    perceived(s.email(at(-9), { from: 'sam@ourco.com', to: 'ken@acme.com', subject: 'Security', text: "We'll send the penetration test summary by Friday." }),
      { commitments: [{ text: "We'll send the penetration test summary by Friday.", owner: 'us', deliverable: 'the penetration test summary', dueAt: at(-6), counterparts: ['ken@acme.com'] }] });
    expect(names(s.assess(at(-1)))).toContain('overdue_commitment');
    alreadyDone(s, at(-1), 'rec-4', 'Send Ken Ito (security) the penetration test summary, promised for Fri, Nov 13', ['ken@acme.com']);
    expect(names(s.assess())).not.toContain('overdue_commitment');
  });

  it('reached the people its draft was for', () => {
    const s = story();
    const touch = alreadyDone(s, at(-1), 'rec-5', 'Re-engage Ken Ito at Acme Logistics', ['ken@acme.com', 'dana@acme.com']);
    expect(isRecordedTouch(touch)).toBe(true);
    expect(participants(touch)).toEqual({ from: [], to: ['ken@acme.com', 'dana@acme.com'] });
    expect(stakeholderMap(s.contacts, s.signals, s.signals[0].occurredAt).find((x) => x.email === 'ken@acme.com')?.lastToThem).toEqual({ at: touch.occurredAt, signalId: touch.id });
  });
});

describe('what is not a recorded touch', () => {
  it("a rep's own note, or a note from another source with the same words", () => {
    const s = story();
    perceived(s.email(at(-4), { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Sandbox', text: 'Can we get a sandbox workspace for the pilot team?' }), { question: true });
    const mine = s.note(at(-2), 'Called Dana about the sandbox, left a voicemail.');
    const imported = s.add({ kind: 'note', occurredAt: at(-1), source: 'crm-import', externalId: 'already-done:x', text: 'Sam Patel already did this: Reply to Dana Ruiz.' });
    expect(isRecordedTouch(mine)).toBe(false);
    expect(isRecordedTouch(imported)).toBe(false);
    expect(factor(s.assess(), 'unanswered_inbound')).toBeDefined();
  });
});
