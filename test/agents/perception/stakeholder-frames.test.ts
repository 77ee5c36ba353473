// The event classes of stakeholder-frames.ts (issue 15), in words of their own: a job that ends, a
// separation said by the organisation, an exit elsewhere, a post changed, an arrival into a vacancy,
// more successor constructions, and the scopes that keep look-alikes out.
import { describe, expect, it } from 'vitest';
import { one, read } from './stakeholder-read.js';

describe('stakeholder frames: more ways a change is said', () => {
  it('a job that ends (a contract run out, notice, garden leave), a separation, an exit elsewhere (going freelance, another company)', () => {
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
      "dana's contract ran out last month and nobody renewed it",
      'Dana is on garden leave until the end of her notice period.',
      'Dana handed back her keys - yesterday was her last.',
      'Dana went freelance in the summer.',
      'Dana? She is not in the company now, she went to other shipping company.',
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

  it('moves to a unit said without an article, or by a permanent secondment', () => {
    expect(one('Dana has been shifted over to special projects.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'moved' });
    expect(one("Dana was seconded permanently to the group's Asian affiliate.")).toMatchObject({ contactEmail: 'dana@acme.com', change: 'moved' });
  });

  it('who takes over: acting without a verb, "ask" for a topic, by address, as the speaker, over "and", in lower case, by signing off', () => {
    // Each text with the one who takes over in it.
    const takesOver = new Map<string, string>([
      ['Dana resigned. Li acting until we hire.', 'Li'],
      ['Dana has left; for invoices ask Li.', 'Li'],
      ['Dana left on Friday. Reassign her dashboards to li@acme.com please.', 'Li'],
      ['Dana has left us, so send anything on invoices to me.', 'Li'],
      ["Dana resigned in May and I've inherited her accounts.", 'Li'],
      ['Dana retired. Tariq Osei knows the depots well and will take the lead.', 'Tariq'],
      ['dana quit, billing stuff goes to oskar now', 'Oskar'],
      ['Dana is gone. Tariq signs off on purchases from today.', 'Tariq'],
      ['Dana has retired; until a hire is made, Tariq Osei is holding the fort.', 'Tariq'],
      ['Dana left in May. Her clients were split between Li and Tariq Osei.', 'Li'],
      ["Dana is gone; Li's the one to call now.", 'Li'],
      ['Dana has departed. Li is now our signatory.', 'Li'],
    ]);
    for (const [text, who] of takesOver) expect(one(text).successor?.name, text).toContain(who);
  });

  it('third round: a job landed elsewhere, now at another organisation, an idiom of retiring, the reins handed over', () => {
    for (const text of ['Dana landed a job with Harwell Logistics.', 'Our former controller Dana is now at Brightline.', 'Dana is hanging up her boots in June.']) {
      expect(one(text), text).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    }
    expect(one('Dana handed over the reins to Li.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'moved', successor: expect.objectContaining({ name: 'Li Wen' }) });
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
      'I leave the office now, back online after dinner.',
      'Dana wants the licences transferred to my account please.',
      'Li took over the spreadsheet from Dana in May.',
      'I passed to the finance team your invoice.',
      'Li has been put in charge of organising the summer party.',
      'Dana quit smoking in May.',
      'Li took a package of labels to the depot.',
      'Dana is now at Heathrow, flight delayed.',
      'Dana is now with Li in the server room.',
    ]) expect(read(text), text).toEqual([]);
    // Our own people rotating are ours, not the account's.
    expect(read('Our own CSM rotation: Sam takes over from Jo in March.').filter((c) => c.side !== 'us')).toEqual([]);
  });
});
