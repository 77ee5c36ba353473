// What the rules reasoner writes when: a renewal is near (whom to work it with, and who has never
// talked to us); the champion has left and their mailbox is gone (ask the people still there, not a
// bouncing address); we owe them an overdue promise while they are quiet (keeping it is the
// follow-up, not a "did my note reach you?"); a customer chases something ("any news on …?").
import { describe, expect, it } from 'vitest';
import { planFromFactors } from '../../../agents/reasoners/rules.js';
import { requestedAction } from '../../../agents/reasoners/describe.js';
import type { ProposedRecommendation } from '../../../agents/recommendation.js';
import { Story, at, contact, NOW } from '../risk/builders.js';

function plan(story: Story): ProposedRecommendation[] {
  return planFromFactors({ account: story.account, contacts: story.contacts, signals: story.signals, asOf: NOW, assessment: story.assess(), evidence: {}, ownerName: 'Sam Patel' });
}
const kind = (recs: ProposedRecommendation[], k: string) => recs.find((r) => r.kind === k);

describe('renewal plan', () => {
  it('names the champion to work it with and the buyer who never talked to us', () => {
    const s = new Story({
      account: { name: 'Wickham Opticians', domains: ['wickham-optics.com'], stage: 'customer', renewalDate: '2027-01-08T00:00:00.000Z' },
      contacts: [
        contact('ines@wickham-optics.com', 'Ines Moreau', 'champion', { title: 'Clinic Systems Lead' }),
        contact('karl@wickham-optics.com', 'Karl Lund', 'economic_buyer', { title: 'CFO' }),
      ],
    });
    s.email(at(-20), { from: 'ines@wickham-optics.com', to: 'riley@ourco.com', subject: 'Re: reminders', text: 'The appointment reminders are working nicely across the branches, thank you.' });
    s.email(at(-19), { from: 'riley@ourco.com', to: 'ines@wickham-optics.com', subject: 'Re: reminders', text: 'Lovely to hear, thanks Ines.' });
    const r = kind(plan(s), 'renewal_plan');
    expect(r?.title).toMatch(/renews Fri, Jan 8\) with Ines Moreau$/);
    expect(r?.rationale).toContain('Work it with Ines Moreau (champion) and Karl Lund (economic buyer); Karl has never been in a conversation with us.');
  });
});

describe('a champion whose address is gone', () => {
  it('asks the people still there, never the bouncing mailbox', () => {
    const s = new Story({
      account: { name: 'Dunmore Print', domains: ['dunmoreprint.ie'], stage: 'customer', renewalDate: at(250) },
      contacts: [
        contact('aoife@dunmoreprint.ie', 'Aoife Byrne', 'champion', { title: 'Studio Manager' }),
        contact('colm@dunmoreprint.ie', 'Colm Reilly', 'user', { title: 'Pre-press Technician' }),
      ],
    });
    s.email(at(-25), { from: 'aoife@dunmoreprint.ie', to: 'riley@ourco.com', subject: 'Proofing', text: 'Proofing rounds are down to two on most jobs now.' });
    s.crm(at(-6), 'contact_left', { contactEmail: 'aoife@dunmoreprint.ie' });
    const r = kind(plan(s), 'find_new_champion');
    expect(r?.draft?.to).toEqual(['colm@dunmoreprint.ie']);
    expect(r?.draft?.body).toContain('I understand Aoife Byrne has left Dunmore Print.');
    expect(r?.draft?.body).not.toMatch(/Congratulations/);
  });
});

describe('quiet customers we owe something', () => {
  it('the overdue promise is the follow-up', () => {
    const s = new Story({
      account: { name: 'Harcourt Labs', domains: ['harcourtlabs.com'], stage: 'negotiation' },
      contacts: [contact('nadia@harcourtlabs.com', 'Nadia Osei', 'champion', { title: 'Lab Director' })],
    });
    s.meeting(at(-8), 'Harcourt / Ourco commercials', ['nadia@harcourtlabs.com', 'sam@ourco.com'], [
      ['Nadia Osei', 'We need to see the validation pack before we can take this to the board.'],
      ['Sam Patel', "Understood, I'll send you the validation pack by Monday."],
    ]);
    const recs = plan(s);
    expect(s.assess().factors.map((f) => f.factor)).toEqual(expect.arrayContaining(['silence', 'overdue_commitment']));
    expect(kind(recs, 'fulfil_commitment')?.title).toContain('validation pack');
    expect(kind(recs, 'follow_up')).toBeUndefined();
  });

  it('a chaser asking for news of a thing is answered with that thing', () => {
    expect(requestedAction('Hi Sam, any news on the revised data processing agreement?')).toBe('update them on the revised data processing agreement');
    expect(requestedAction("what's the status of our sandbox upgrade?")).toBe('update them on their sandbox upgrade');
    expect(requestedAction('Any update?')).toBeUndefined();
  });
});
