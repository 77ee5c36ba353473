import { describe, expect, it } from 'vitest';
import { ownerGap } from '../../../../agents/risk/factors/owner-gap.js';
import { Story, at } from '../builders.js';

describe('owner_gap', () => {
  it('no owner and no CSM', () => {
    const s = new Story({ account: { stage: 'discovery', ownerId: null, csmId: null } });
    s.email(at(-2), { from: 'dana@acme.com', to: 'jo@ourco.com', text: 'Thanks for the intro call.' });
    expect(ownerGap(s.timeline()).factor).toMatchObject({ weight: 20, explanation: 'Acme Logistics has no owner or CSM assigned', evidence: [s.signals[0].id] });
    const csmOnly = new Story({ account: { stage: 'customer', ownerId: null, csmId: 'riley' } });
    expect(ownerGap(csmOnly.timeline()).factor).toBeNull();
  });

  it('the CRM owner cleared, until someone is assigned', () => {
    const s = new Story({ account: { stage: 'customer', ownerId: 'sam', csmId: 'riley' } });
    s.crm(at(-21), 'owner', { from: 'Riley Chen', to: '' });
    expect(ownerGap(s.timeline()).factor!.explanation).toBe('Riley Chen no longer covers Acme Logistics: the owner was cleared in the CRM 21 days ago and no one has been assigned since');
    s.crm(at(-2), 'owner', { from: '', to: 'Jo Park' });
    expect(ownerGap(s.timeline()).factor).toBeNull();
  });

  it('our owner or CSM leaving, said in a note, with nobody assigned since', () => {
    const s = new Story({ account: { stage: 'customer', ownerId: 'sam', csmId: 'riley' } });
    s.note(at(-10), 'Riley, our CSM on Acme, has left the company. Nobody is assigned yet.');
    expect(ownerGap(s.timeline()).factor!.explanation).toBe('Riley has left (10 days ago: "Riley, our CSM on Acme, has left the company.") and no new owner has been assigned to Acme Logistics');
    s.crm(at(-1), 'owner', { from: 'Riley Chen', to: 'Jo Park' });
    expect(ownerGap(s.timeline()).factor).toBeNull();
  });

  it('not for a lost deal', () => {
    expect(ownerGap(new Story({ account: { stage: 'closed_lost', ownerId: null } }).timeline()).factor).toBeNull();
  });
});
