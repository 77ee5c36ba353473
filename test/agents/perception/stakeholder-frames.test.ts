// The event classes of stakeholder-frames.ts (issue 15), in words of their own: a job that ends, a
// separation said by the organisation, an exit elsewhere, a post changed, an arrival into a vacancy,
// more successor constructions, and the scopes that keep look-alikes out.
import { describe, expect, it } from 'vitest';
import { one, read } from './stakeholder-read.js';

describe('stakeholder frames: more ways a change is said', () => {
  it('a job that ends, a separation, an exit elsewhere', () => {
    for (const text of [
      'We parted ways with Dana in June.',
      "Dana's last working day is Friday.",
      'Offboarding request for dana@acme.com: employment ended 2 May.',
      'Dana is not more working by us.',
      'Dana, who ran our depots for years, retired in May.',
      'Dana has decided to pursue opportunities outside Acme.',
      'Dana accepted the CFO role at Brightline Bank.',
      'Dana cleared out her desk yesterday after nine years.',
      'Not sure if anyone told you, but Dana has left.',
      "Dana is not with us since the merger, I'm afraid.",
    ]) expect(one(text), text).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    expect(one('kofi got laid off last week, whole team cut')).toMatchObject({ name: 'Kofi', change: 'left' });
  });

  it('a title in capitals is not the person who leaves', () => {
    const found = read('Dana Ruiz has accepted the Chief Operating Officer role at Halvorsen Group. Her time with us concludes on Friday.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
  });

  it('a post changed: the title itself, moving up to a title, put in charge, a remit taken on', () => {
    expect(one("Li's title changed to Head of Procurement.")).toMatchObject({ contactEmail: 'li@acme.com', change: 'role_changed' });
    expect(one('li got bumped up to senior director')).toMatchObject({ contactEmail: 'li@acme.com', change: 'role_changed' });
    for (const text of ['Li has been put in charge of the Rotterdam hub.', 'Li was asked to take on the retail side of the business.']) {
      expect(one(text), text).toMatchObject({ contactEmail: 'li@acme.com', change: 'moved' });
    }
  });

  it('an arrival into a vacancy, an incoming title', () => {
    expect(one('Say hello to Tariq Osei, he is filling the controller seat.')).toMatchObject({ name: 'Tariq Osei', change: 'joined' });
    expect(one('Please meet Noor Haddad, our incoming treasury lead.')).toMatchObject({ name: 'Noor Haddad', change: 'joined' });
  });

  it('who takes over: acting without a verb, "ask" for a topic, a remit handed by address', () => {
    expect(one('Dana resigned. Li acting until we hire.').successor?.name).toContain('Li');
    expect(one('Dana has left; for invoices ask Li.').successor?.name).toContain('Li');
    expect(one('Dana left on Friday. Reassign her dashboards to li@acme.com please.').successor?.name).toContain('Li');
  });

  it('look-alikes stay out', () => {
    for (const text of [
      'Our contract with you ends in March.',
      'We parted ways with the old courier last year.',
      'Li took a package to the post office.',
      'Dana is going to a shipping conference in Oslo.',
      'Dana wants to move up to the premium tier.',
      'Please fill the seat field in the booking form.',
      'Li, who joined the call late, left early.',
      'Dana, see below from our depot lead.',
      'The new routing goes live in Feb, Dana says.',
      'We had a demo from Corvid Systems; Dana brought Corvid Systems in to present.',
    ]) expect(read(text), text).toEqual([]);
  });
});
