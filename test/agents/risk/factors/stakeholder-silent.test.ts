import { describe, expect, it } from 'vitest';
import { stakeholderSilent } from '../../../../agents/risk/factors/stakeholder-silent.js';
import { Story, at, contact } from '../builders.js';

const marta = contact('marta@castellan.com', 'Marta Silva', 'champion');
const olu = contact('olu@castellan.com', 'Olu Bakare', 'procurement');
const ken = contact('ken@castellan.com', 'Ken Ito', 'security');
const story = () => new Story({ account: { name: 'Castellan', domains: ['castellan.com'], stage: 'negotiation' }, contacts: [marta, olu, ken] });

describe('stakeholder_silent', () => {
  it('a role that can block the deal, silent for two weeks while the champion talks', () => {
    const s = story();
    const last = s.email(at(-16), { from: 'olu@castellan.com', to: 'sam@ourco.com', text: 'Vendor form received.' });
    s.email(at(-1), { from: 'marta@castellan.com', to: 'sam@ourco.com', text: 'Pushing internally.' });
    expect(stakeholderSilent(s.timeline()).factor).toMatchObject({
      weight: 15, contacts: ['olu@castellan.com'], evidence: [last.id],
      explanation: 'Olu Bakare (procurement) silent for 16 days, while Marta Silva (champion) was heard from on Thu 19 Nov',
    });
  });

  it('someone we wrote to who never answered, counted from our first message', () => {
    const s = story();
    s.email(at(-20), { from: 'sam@ourco.com', to: 'ken@castellan.com', text: 'Could you share your security questionnaire?' });
    const followUp = s.email(at(-10), { from: 'sam@ourco.com', to: 'ken@castellan.com', text: 'Following up on the questionnaire.' });
    s.email(at(-1), { from: 'marta@castellan.com', to: 'sam@ourco.com', text: 'Pushing internally.' });
    expect(stakeholderSilent(s.timeline()).factor).toMatchObject({
      contacts: ['ken@castellan.com'], evidence: [followUp.id],
      explanation: 'Ken Ito (security) has not answered since we first wrote 20 days ago, while Marta Silva (champion) was heard from on Thu 19 Nov',
    });
  });

  it('not yet fourteen days: when they cross it', () => {
    const s = story();
    s.email(at(-10), { from: 'olu@castellan.com', to: 'sam@ourco.com', text: 'Vendor form received.' });
    s.email(at(-1), { from: 'marta@castellan.com', to: 'sam@ourco.com', text: 'Pushing internally.' });
    expect(stakeholderSilent(s.timeline())).toEqual({ factor: null, nextChangeAt: at(4) });
  });

  it('not when everyone is quiet (that is silence), nor for people never part of the conversation', () => {
    const quiet = story();
    quiet.email(at(-20), { from: 'olu@castellan.com', to: 'sam@ourco.com', text: 'Vendor form received.' });
    quiet.email(at(-18), { from: 'marta@castellan.com', to: 'sam@ourco.com', text: 'Pushing internally.' });
    expect(stakeholderSilent(quiet.timeline()).factor).toBeNull();
    const never = story();
    never.email(at(-1), { from: 'marta@castellan.com', to: 'sam@ourco.com', text: 'Pushing internally.' });
    expect(stakeholderSilent(never.timeline()).factor).toBeNull();
  });

  it('roles are configurable; a user going quiet is not watched by default', () => {
    const s = new Story({ account: { domains: ['castellan.com'], stage: 'negotiation', settings: { thresholds: { stakeholderSilent: { roles: ['user'] } } } }, contacts: [marta, olu, contact('uma@castellan.com', 'Uma Roy', 'user')] });
    s.email(at(-20), { from: 'olu@castellan.com', to: 'sam@ourco.com', text: 'Noted.' });
    s.email(at(-20), { from: 'uma@castellan.com', to: 'sam@ourco.com', text: 'Noted.' });
    s.email(at(-1), { from: 'marta@castellan.com', to: 'sam@ourco.com', text: 'Pushing internally.' });
    expect(stakeholderSilent(s.timeline()).factor!.contacts).toEqual(['uma@castellan.com']);
  });
});
