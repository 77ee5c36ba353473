// The rules reasoner names what each action is about, from the perceived fields: the deliverable we
// owe, the successor who was named, the team and its seats, the competitor. Insights are written by
// hand here so these tests say what the reasoner does with them, whatever perception reads today.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Insights, type Signal } from '../../agents/signals/schema.js';
import { planFromFactors } from '../../agents/reasoners/rules.js';
import { deliverableOf, promisedThing, requestedAction, scopeFromText } from '../../agents/reasoners/describe.js';
import type { ProposedRecommendation } from '../../agents/recommendation.js';
import { Story, at, contact, NOW } from './risk/builders.js';

/** Replaces what perception read with exactly these insights. */
function perceived(s: Signal, insights: z.input<typeof Insights>): Signal {
  s.insights = Insights.parse(insights);
  return s;
}

function plan(story: Story, asOf = NOW): ProposedRecommendation[] {
  const assessment = story.assess(asOf);
  return planFromFactors({ account: story.account, contacts: story.contacts, signals: story.signals.filter((x) => x.occurredAt <= asOf), asOf, assessment, evidence: {}, ownerName: 'Sam Patel' });
}

const one = (recs: ProposedRecommendation[], kind: string) => {
  const r = recs.find((x) => x.kind === kind);
  if (!r) throw new Error(`no ${kind} among ${recs.map((x) => x.kind).join(', ')}`);
  return r;
};

const people = [
  contact('ken@acme.com', 'Ken Ito', 'security', { title: 'Head of Security' }),
  contact('dana@acme.com', 'Dana Ruiz', 'champion', { title: 'VP Operations' }),
  contact('lee@acme.com', 'Lee Park', null, { title: 'Operations Manager' }),
];
const story = (stage = 'proposal') => new Story({ account: { stage, renewalDate: stage === 'customer' ? at(200) : null }, contacts: people });

describe('fulfil_commitment names the deliverable', () => {
  it('the perceived deliverable, when the promise itself only says "it"', () => {
    const s = story();
    s.email(at(-9), { from: 'ken@acme.com', to: 'sam@ourco.com', subject: 'Security review', text: 'Could you send us your SOC 2 Type II report?' });
    perceived(s.email(at(-8), { from: 'sam@ourco.com', to: 'ken@acme.com', subject: 'Re: Security review', text: "Sure, I'll send it over by Tuesday." }), {
      commitments: [{ text: "Sure, I'll send it over by Tuesday.", owner: 'us', who: 'Sam Patel', deliverable: 'the SOC 2 Type II report', dueAt: at(-4), counterparts: ['ken@acme.com'] }],
    });
    const r = one(plan(s), 'fulfil_commitment');
    expect(r.title).toMatch(/^Send Ken Ito \(security\) the SOC 2 Type II report, promised for /);
    expect(r.rationale).toContain('We owe the SOC 2 Type II report');
    expect(r.draft?.to).toEqual(['ken@acme.com']);
    expect(r.draft?.subject).toBe('SOC 2 Type II report');
    expect(r.draft?.body).toContain('here is the SOC 2 Type II report.');
  });

  it('no perceived deliverable: a noun phrase from the promise, else the subject it was made under, never "it"', () => {
    expect(promisedThing("We'll get you the revised quote for 40 seats by Friday.")).toBe('the revised quote for 40 seats');
    expect(promisedThing("You'll have the migration runbook from me on Monday.")).toBe('the migration runbook');
    expect(promisedThing('We owe them a pricing sheet for the Berlin office.')).toBe('a pricing sheet for the Berlin office');
    expect(promisedThing("I'll send it over tomorrow.")).toBeUndefined();
    expect(promisedThing('Let me check that and get back to you.')).toBeUndefined();

    const s = story();
    perceived(s.email(at(-8), { from: 'sam@ourco.com', to: 'ken@acme.com', subject: 'Re: Data retention policy', text: "Good question. I'll send it over tomorrow." }), {
      commitments: [{ text: "I'll send it over tomorrow.", owner: 'us', dueAt: at(-7), counterparts: ['ken@acme.com'] }],
    });
    const r = one(plan(s), 'fulfil_commitment');
    expect(r.title).toContain('what we promised on "Data retention policy"');
    expect(r.title).not.toMatch(/\b(it|that)\b,? promised/);
    expect(deliverableOf({ text: "We'll get you the revised quote for 40 seats by Friday." })).toBe('the revised quote for 40 seats');
  });
});

describe('fulfil_commitment answers their message asking after it', () => {
  it('one recommendation: the promise kept, in the thread of their chaser, to whoever asked', () => {
    const s = story();
    perceived(s.email(at(-10), { from: 'sam@ourco.com', to: 'dana@acme.com', subject: 'Rollout', text: "I'll send the data retention summary by Friday." }), {
      commitments: [{ text: "I'll send the data retention summary by Friday.", owner: 'us', who: 'Sam Patel', deliverable: 'the data retention summary', dueAt: at(-7), counterparts: ['dana@acme.com'] }],
    });
    perceived(s.email(at(-2), { from: 'lee@acme.com', to: 'sam@ourco.com', subject: 'Legal review', text: 'Our lawyers meet on Tuesday. Is the retention summary on its way?' }), {
      question: true, requests: [{ text: 'Is the retention summary on its way?' }],
    });
    const recs = plan(s);
    expect(recs.map((r) => r.kind)).not.toContain('reply');
    const r = one(recs, 'fulfil_commitment');
    expect(r.title).toBe('Send Dana Ruiz (champion) and Lee Park the data retention summary, promised for Fri, Nov 13 (Lee asked again Wed, Nov 18)');
    expect(r.rationale).toContain('Lee Park asked after it on Wed, Nov 18: "Is the retention summary on its way?"; sending it answers that message too.');
    expect(r.draft).toMatchObject({ to: ['lee@acme.com', 'dana@acme.com'], subject: 'Re: Legal review' });
    expect(r.draft?.body).toMatch(/^Hi Lee,\n\n> Is the retention summary on its way\?\n\nSorry to keep you waiting — as promised, here is the data retention summary\./);
  });
});

describe('find_new_champion names the successor and the champion who left', () => {
  it('a named successor: win them over, and the draft goes to them', () => {
    const s = story('customer');
    perceived(s.email(at(-3), { from: 'lee@acme.com', to: 'sam@ourco.com', subject: 'Change on our side', text: "Quick note: Dana's last day was Friday, she has joined a logistics startup. I'm taking over the rollout." }), {
      stakeholderChanges: [{ contactEmail: 'dana@acme.com', name: 'Dana Ruiz', change: 'left', text: "Dana's last day was Friday, she has joined a logistics startup.", successor: { name: 'Lee Park', email: 'lee@acme.com' }, newRole: 'a logistics startup' }],
    });
    const r = one(plan(s), 'find_new_champion');
    expect(r.title).toBe('Win over Lee Park, who takes over from Dana Ruiz (champion) at Acme Logistics');
    expect(r.rationale).toContain('Dana Ruiz (champion) (now a logistics startup) named Lee Park as the successor');
    expect(r.draft).toMatchObject({ to: ['lee@acme.com'] });
    expect(r.draft?.body).toMatch(/^Hi Lee,\n\nI understand you are taking over from Dana Ruiz/);
  });

  it('no successor named: find one, and the departed champion is still named', () => {
    const s = story('customer');
    perceived(s.email(at(-3), { from: 'ken@acme.com', to: 'sam@ourco.com', subject: 'FYI', text: 'Dana has moved on from Acme.' }), {
      stakeholderChanges: [{ contactEmail: 'dana@acme.com', name: 'Dana Ruiz', change: 'left', text: 'Dana has moved on from Acme.' }],
    });
    const r = one(plan(s), 'find_new_champion');
    expect(r.title).toBe('Find a new champion at Acme Logistics now that Dana Ruiz (champion) has moved on');
  });
});

describe('expansion_discovery says which team and how many seats', () => {
  it('team and seats from the perceived expansion', () => {
    const s = story('customer');
    perceived(s.email(at(-2), { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Denver', text: 'Our Denver office would like a workspace of its own, around 40 people to start.' }), {
      expansion: [{ text: 'Our Denver office would like a workspace of its own, around 40 people to start.', email: 'dana@acme.com', team: 'Denver office', seats: 40 }],
    });
    const r = one(plan(s), 'expansion_discovery');
    expect(r.title).toBe('Explore the expansion at Acme Logistics: the Denver office (40 seats)');
    expect(r.rationale).toContain('The Denver office (40 seats): a new group');
  });
});

describe('expansion scope from the words, when perception gave none', () => {
  it('the group and the headcount, in our words', () => {
    expect(scopeFromText('Next quarter we want to bring our three outpatient clinics onto the same workflow. That is roughly another ninety staff.')).toEqual({ team: 'their three outpatient clinics', seats: 90 });
    expect(scopeFromText('Our Lisbon studio opens in March with roughly twenty-five designers.')).toEqual({ team: 'their Lisbon studio', seats: 25 });
    expect(scopeFromText('We are merging two teams and will need 12 fewer licences.')).toEqual({});
    expect(scopeFromText('The roadmap looks good.')).toEqual({});
  });

  it('used in the title when the perceived expansion has no team', () => {
    const s = story('customer');
    perceived(s.email(at(-2), { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Next year', text: 'Our Rotterdam depot would like to start using it too, around 30 drivers.' }), {
      expansion: [{ text: 'Our Rotterdam depot would like to start using it too, around 30 drivers.', email: 'dana@acme.com' }],
    });
    expect(one(plan(s), 'expansion_discovery').title).toBe('Explore the expansion at Acme Logistics: their Rotterdam depot (30 seats)');
  });
});

describe('reply says what they asked of us', () => {
  it('in our words, from the request', () => {
    expect(requestedAction('Could you send us the SAML metadata for our workspace?')).toBe('send the SAML metadata for their workspace');
    expect(requestedAction('Could you send the contract and let us know who signs on your side?')).toBe('send the contract');
    expect(requestedAction('morning all - let me know whether bulk export of appointment history is on the roadmap, our analysts keep asking for it')).toBe('tell them whether bulk export of appointment history is on the roadmap');
    expect(requestedAction("I'd need the signed DPA before our legal review.")).toBe('send the signed DPA before their legal review');
    expect(requestedAction('Quick one: is there a way to bulk-update pay codes through the API?')).toBe('tell them whether there is a way to bulk-update pay codes through the API');
    expect(requestedAction('Do you support SCIM provisioning for Azure AD?')).toBe('tell them whether we support SCIM provisioning for Azure AD');
    expect(requestedAction('Can you send it over?')).toBeUndefined();
    expect(requestedAction('How are you?')).toBeUndefined();
  });

  it('in the title of the reply', () => {
    const s = story();
    perceived(s.email(at(-3), { from: 'ken@acme.com', to: 'sam@ourco.com', subject: 'SSO setup', text: 'Hi Sam, could you send us the SAML metadata for our workspace? Thanks, Ken' }), { question: true });
    const r = one(plan(s), 'reply');
    expect(r.title).toBe('Reply to Ken Ito: send the SAML metadata for their workspace');
    expect(r.draft?.subject).toBe('Re: SSO setup');
  });
});

describe('competitive_response names the competitor', () => {
  it('the one in an evaluation, not the tool we integrate with', () => {
    const s = story();
    perceived(s.email(at(-2), { from: 'dana@acme.com', to: 'sam@ourco.com', subject: 'Pricing', text: 'We have asked Fleetwise for a quote as well. It would sync with Samsara like yours does.' }), {
      competitors: [
        { name: 'Fleetwise', text: 'We have asked Fleetwise for a quote as well.', context: 'evaluation' },
        { name: 'Samsara', text: 'It would sync with Samsara like yours does.', context: 'integration' },
      ],
    });
    const r = one(plan(s), 'competitive_response');
    expect(r.title).toBe('Respond to Fleetwise in play at Acme Logistics');
    expect(r.rationale).toContain('with Fleetwise');
    expect(`${r.title} ${r.rationale}`).not.toContain('Samsara:');
  });
});

describe('a new lead gets its reply at once', () => {
  const lead = () => new Story({ account: { name: 'Tern Logistics', domains: ['ternlogistics.com'], stage: 'lead' } });
  const form = 'We run 40 trucks from two depots. Is there any chance someone could call me before Monday?';

  it('drafted in the assessment that sees the form, escalated when the target passes unanswered', () => {
    const s = lead();
    s.engagement('2026-11-20T16:39:00Z', 'form_submitted', { contactEmail: 'peter@ternlogistics.com', contactName: 'Peter Novak', text: form });
    const now = one(plan(s), 'reply');
    expect(now.title).toBe('Reply to new lead Peter Novak: the draft is ready, answer within the 5-minute target');
    expect(now.target).toBe('peter@ternlogistics.com');
    expect(now.rationale).toContain('Their form asks: "Is there any chance someone could call me before Monday?"');
    expect(now.draft?.to).toEqual(['peter@ternlogistics.com']);
    expect(now.draft?.body).toMatch(/^Hi Peter,\n\nThank you for getting in touch through our website\. You asked:\n\n> Is there any chance someone could call me before Monday\?/);
    expect(now.draft?.body).toMatch(/a short call: would \[slot 1\] or \[slot 2\] work/);
    expect(Date.parse(now.dueAt)).toBe(Date.parse('2026-11-20T16:44:00Z'));

    const later = one(plan(s, '2026-11-20T16:50:00.000Z'), 'reply');
    expect(later.target).toBe(now.target); // the same recommendation, updated in place
    expect(later.title).toBe('Reply to new lead Peter Novak now: the 5-minute first-response target has passed');
    expect(later.priority).toBeGreaterThan(now.priority);
  });

  it('an inbound email: the requests perception read are what the draft acknowledges', () => {
    const s = lead();
    perceived(s.email('2026-11-20T16:38:00Z', { from: 'peter@ternlogistics.com', to: 'sales@ourco.com', subject: 'Dispatch software', text: 'Hello, I would need pricing for 15 dispatchers before our budget meeting.' }), {
      question: true, requests: [{ text: 'I would need pricing for 15 dispatchers before our budget meeting.' }],
    });
    const r = one(plan(s), 'reply');
    expect(r.draft?.subject).toBe('Re: Dispatch software');
    expect(r.draft?.body).toContain('> I would need pricing for 15 dispatchers before our budget meeting.');
    expect(r.draft?.body).toMatch(/^Hi there,/); // no name on the address: no invented one
  });

  it('the rationale says in our words what to answer, not only the quote', () => {
    const s = lead();
    s.engagement('2026-11-20T16:39:00Z', 'form_submitted', { contactEmail: 'ola@ternlogistics.com', contactName: 'Ola Berg', text: 'Can you send me a price list for the telematics add-on? We have 60 vans.' });
    expect(one(plan(s), 'reply').rationale).toContain('To answer: send a price list for the telematics add-on.');
    const y = lead();
    y.engagement('2026-11-20T16:39:00Z', 'form_submitted', { contactEmail: 'ola@ternlogistics.com', contactName: 'Ola Berg', text: 'Does your routing work offline in the cab?' });
    expect(one(plan(y), 'reply').rationale).toContain('To answer: tell them whether our routing work offline in the cab.');
  });
});
