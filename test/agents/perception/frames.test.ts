// One test per frame, on sentences written for these tests (not the dev corpus the frames were tuned
// on): each frame reads a new phrasing of its event and refuses the look-alikes that share its words.
import { describe, expect, it } from 'vitest';
import { perceiveSignal, type PerceiveContext } from '../../../agents/perception/index.js';
import type { Insights, Signal } from '../../../agents/signals/schema.js';

const NOW = '2026-11-10T15:00:00Z'; // a Tuesday
const ctx = {
  account: { id: 'acc', name: 'Harbor Mills', domains: ['harbormills.example'], stage: 'customer', settings: {} },
  contacts: [
    { id: 'c1', accountId: 'acc', email: 'ines@harbormills.example', name: 'Ines Faria', title: 'Head of Ops', role: 'champion', status: 'active' },
    { id: 'c2', accountId: 'acc', email: 'bo@harbormills.example', name: 'Bo Lindgren', title: 'Controller', role: 'economic_buyer', status: 'active' },
  ],
  ourDomains: ['ourco.com'],
  competitors: ['Gong'],
} as unknown as PerceiveContext;

const base = { id: 's', accountId: 'acc', source: 'test', receivedAt: NOW, occurredAt: NOW };
const fromThem = (text: string): Insights => perceiveSignal({ ...base, kind: 'email', from: { email: 'ines@harbormills.example', name: 'Ines Faria' }, to: [{ email: 'sam@ourco.com', name: 'Sam' }], cc: [], subject: 'Re: update', text } as Signal, ctx);
const fromUs = (text: string, quoted?: string): Insights => perceiveSignal({
  ...base, kind: 'email', from: { email: 'sam@ourco.com', name: 'Sam Ortiz' }, to: [{ email: 'ines@harbormills.example', name: 'Ines Faria' }], cc: [], subject: 'Re: update',
  text: quoted ? `${text}\n\nOn Mon, Ines Faria <ines@harbormills.example> wrote:\n> ${quoted}` : text,
} as Signal, ctx);
const onCall = (text: string): Insights => perceiveSignal({
  ...base, kind: 'meeting', title: 'Weekly sync', attendees: [{ email: 'bo@harbormills.example', name: 'Bo Lindgren' }, { email: 'sam@ourco.com', name: 'Sam Ortiz' }],
  transcript: [{ speaker: 'Bo Lindgren', text }],
} as Signal, ctx);

describe('departure frame', () => {
  it('a person + a departure event in any tense, with whoever takes over', () => {
    expect(fromThem('Quick note: Yara is moving on to a role at a shipping firm, and Dev will pick up her projects.').stakeholderChanges)
      .toEqual([expect.objectContaining({ name: 'Yara', change: 'left', successor: { name: 'Dev' } })]);
    expect(onCall("Ines handed in her notice; her final week is the one after next.").stakeholderChanges)
      .toEqual([expect.objectContaining({ contactEmail: 'ines@harbormills.example', change: 'left' })]);
    expect(fromThem('Bo no longer works here.').stakeholderChanges).toEqual([expect.objectContaining({ contactEmail: 'bo@harbormills.example', change: 'left' })]);
  });

  it('not an absence, an errand or a thing being left', () => {
    for (const text of ['Bo is leaving early for a school pickup.', 'Yara left her laptop in the meeting room.', 'Dev is off sick until Thursday.', 'We left the pricing question open for now.']) {
      expect(fromThem(text).stakeholderChanges, text).toEqual([]);
    }
  });
});

describe('promise frame', () => {
  it("our side's future act with its deliverable, resolved from the question answered", () => {
    const [c] = fromUs("Sure thing. You'll have a signed copy of the security addendum from me on Thursday.").commitments;
    expect(c).toMatchObject({ owner: 'us', deliverable: expect.stringMatching(/security addendum/), dueAt: '2026-11-12T17:00:00.000Z' });
    const [r] = fromUs("We'll get that over to you tomorrow.", 'Can you share the data retention policy with our auditors?').commitments;
    expect(r?.deliverable).toMatch(/data retention policy/);
  });

  it('not conditional on them, an offer, a hedge or a past act', () => {
    for (const text of ['As soon as your IT team whitelists our IPs, we will switch on the sync.', 'We could draft a rollout plan if that is useful.', 'I might be able to send a preview build.', 'I sent the revised quote on Friday.']) {
      expect(fromUs(text).commitments, text).toEqual([]);
    }
  });
});

describe('competitor frame', () => {
  it('an unlisted organisation in an evaluation frame', () => {
    expect(fromThem('Our COO asked us to get a price from Ravelin Works before we renew.').competitors).toEqual([expect.objectContaining({ name: 'Ravelin Works', context: 'evaluation' })]);
    expect(onCall('We have a bake-off with Solvent next month.').competitors.map((c) => c.name)).toEqual(['Solvent']);
  });

  it('not the tool being left, an integration, or a name in passing', () => {
    expect(fromThem('We are retiring Gong at the end of the year.').competitors).toEqual([expect.objectContaining({ name: 'Gong', replacing: true })]);
    for (const text of ['Does your Zapier connector support custom objects?', 'Our accountants at Ferris & Bell need the invoices monthly.']) {
      expect(fromThem(text).competitors, text).toEqual([]);
    }
  });
});

describe('churn frame', () => {
  it('a decision or consideration to leave, in words without a lexicon cue', () => {
    for (const text of ['We will not be extending past the current term.', 'The board wants us to look at other vendors before March.', 'Honestly we no longer believe the roadmap dates.']) {
      expect(fromThem(text).churnIntent, text).toBeDefined();
    }
  });

  it('not a cancelled meeting, a renewal done, or a complaint about the old vendor', () => {
    for (const text of ["Let's cancel tomorrow's sync, nothing new to cover.", 'We renewed for three more years this morning.', 'The previous vendor kept losing our data, you have been a relief.']) {
      const i = fromThem(text);
      expect(i.churnIntent, text).toBeUndefined();
      expect(i.sentiment, text).toBeGreaterThan(-0.25);
    }
  });
});

describe('request frame', () => {
  it('interrogatives, imperatives and desideratives without a question mark', () => {
    for (const text of ['Could someone check why the nightly job skipped Sunday.', 'Keen to know whether the API has a sandbox.', 'Send me the updated rate card when you can.']) {
      expect(fromThem(text).requests, text).toHaveLength(1);
    }
    expect(onCall("I'd want the audit trail exported before our review.").requests).toHaveLength(1);
  });

  it('not a sign-off, a report of someone else asking, or our own question', () => {
    for (const text of ['Let us know if anything else comes up.', 'Our CFO asked whether the price includes support; I told him it does.']) {
      expect(fromThem(text).requests, text).toBeUndefined();
    }
    expect(fromUs('Could you confirm the go-live date?').requests).toBeUndefined();
  });
});

describe('expansion frame', () => {
  it('a new unit wanting capacity, with team and headcount', () => {
    expect(fromThem('The Porto warehouse team would like their own licences, about thirty of them.').expansion)
      .toEqual([expect.objectContaining({ team: expect.stringMatching(/Porto warehouse team/), seats: 30 })]);
    expect(onCall('Our compliance department is asking to be onboarded as well.').expansion).toEqual([expect.objectContaining({ team: expect.stringMatching(/compliance/) })]);
  });

  it('not contraction or a person moving', () => {
    for (const text of ['We need to drop ten seats when the contractors leave.', 'Bo transferred to our Porto office in May.']) {
      expect(fromThem(text).expansion, text).toEqual([]);
    }
  });
});

describe('buying frame', () => {
  it('intent to purchase or sign', () => {
    for (const text of ['Finance approved the purchase, so send over the order form.', 'We are keen to buy the premium support tier.']) {
      expect(fromThem(text).buying, text).toHaveLength(1);
    }
  });

  it('not on hold, not a sign-in, not a fault', () => {
    for (const text of ['Purchasing is frozen until January, so the order waits.', 'I cannot sign in to the admin console.', 'The PO on your invoice is wrong.']) {
      expect(fromThem(text).buying, text).toEqual([]);
    }
  });
});
