// The offline answerer on account stories built by hand: it gives the fact asked for and cites the
// sentence that states it. Insights are set by hand where an answer depends on them, so these tests
// hold whatever perception reads today.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Insights, type Signal } from '../../agents/signals/schema.js';
import { answerWithRules, type AskContext } from '../../agents/ask/answer-rules.js';
import { classifyQuestion } from '../../agents/ask/intent.js';
import { windowDays, type OpenRecommendationView } from '../../agents/ask/overview.js';
import { excerptIsIn } from '../../agents/evidence.js';
import type { MemoryHit } from '../../agents/graph/deps.js';
import { Story, at, contact, NOW } from './risk/builders.js';

function perceived(s: Signal, insights: z.input<typeof Insights>): Signal {
  s.insights = Insights.parse(insights);
  return s;
}

const people = [
  contact('marisol@redfern.com', 'Marisol Vega', 'economic_buyer', { title: 'CFO' }),
  contact('ahmed@redfern.com', 'Ahmed Farouk', 'champion', { title: 'Lab Systems Manager' }),
  contact('olu@redfern.com', 'Olu Adeyemi', 'procurement', { title: 'Procurement Manager' }),
  contact('felix@redfern.com', 'Felix Brandt', 'user', { title: 'Operations Analyst' }),
];

function redfern(stage = 'customer') {
  return new Story({ account: { id: "acme", name: "Redfern Bio", domains: ["redfern.com"], stage, renewalDate: stage === "customer" ? at(80) : null, arr: 90_000 }, contacts: [...people] });
}

async function ask(s: Story, question: string, extra: Partial<AskContext> = {}) {
  const assessment = s.assess();
  const hits: MemoryHit[] = [];
  const out = await answerWithRules({
    question, account: s.account, contacts: s.contacts, signals: s.signals, assessment, asOf: NOW,
    retrieve: async () => hits, ...extra,
  });
  // Every citation quotes its signal verbatim.
  for (const c of out.citations) {
    const sig = s.signals.find((x) => x.id === c.signalId);
    expect(sig, c.signalId).toBeDefined();
    expect(excerptIsIn(sig!, c.excerpt), `"${c.excerpt}" in ${c.signalId}`).toBe(true);
  }
  return out;
}

describe('what did <person or role> say about <topic>', () => {
  it('the sentence about the topic, not the subject line or the first sentence', async () => {
    const s = redfern();
    const mail = s.email(at(-9), { from: 'marisol@redfern.com', to: 'sam@ourco.com', subject: 'Q1 planning', text: 'Sam, a few notes ahead of Q1.\n\nOur hiring plan is on hold until the Series C closes. On budget: every software renewal above 50k now needs a second sign-off from the board, so expect our process to take about three weeks longer. Otherwise we are happy with the service.\n\nMarisol' });
    const r = await ask(s, 'What did the CFO say about budget?');
    expect(r.intent).toBe('what_said');
    expect(r.answer).toMatch(/^Marisol Vega last said about budget in an email on .*: "On budget: every software renewal above 50k now needs a second sign-off from the board, so expect our process to take about three weeks longer\." In short, Marisol said every software renewal above 50k now needs a second sign-off from the board, so expect their process to take about three weeks longer\.$/);
    expect(r.answer).not.toContain('Q1 planning');
    expect(r.citations).toEqual([{ signalId: mail.id, excerpt: 'On budget: every software renewal above 50k now needs a second sign-off from the board, so expect our process to take about three weeks longer.', occurredAt: mail.occurredAt }]);
  });

  it('on a call: only the named person’s turns, and a related word counts (pricing → discount, quote)', async () => {
    const s = redfern();
    s.meeting(at(-4), 'Commercial review', ['olu@redfern.com', 'ahmed@redfern.com', 'sam@ourco.com'], [
      ['Ahmed Farouk', 'The pricing page was confusing for my team.'],
      ['Olu Adeyemi', 'Thanks for joining. We looked at the order form last week.'],
      ['Olu Adeyemi', 'To get this approved I would need a ten percent discount on the quote you sent.'],
      ['Sam Patel', 'Understood, I will take that back.'],
    ]);
    const r = await ask(s, 'What did procurement say about pricing?');
    expect(r.answer).toMatch(/^Olu Adeyemi last said about pricing on a call on .*"To get this approved I would need a ten percent discount on the quote you sent\." In short, Olu said to get this approved they would need a ten percent discount on the quote we sent\.$/);
    expect(r.answer).not.toContain('pricing page');
  });

  it('memory retrieval breaks a tie between two messages on the topic', async () => {
    const s = redfern();
    const older = s.email(at(-20), { from: 'ahmed@redfern.com', to: 'sam@ourco.com', subject: 'Training', text: 'The training for new staff went well.' });
    s.email(at(-5), { from: 'ahmed@redfern.com', to: 'sam@ourco.com', subject: 'More training', text: 'We need training for the night shift too.' });
    const hit = { signalId: older.id, kind: 'email', occurredAt: older.occurredAt, text: '', excerpt: '', score: 0.9 };
    const ranked = await ask(s, 'What did Ahmed say about training?', { retrieve: async () => [hit] });
    expect(ranked.citations.map((c) => c.signalId)).toEqual([older.id]);
    const unranked = await ask(s, 'What did Ahmed say about training?');
    expect(unranked.citations.map((c) => c.signalId)).toEqual([s.signals[1].id, older.id]); // equally strong: both, newest first
    expect(unranked.answer).toMatch(/^Ahmed Farouk last said about training in an email .*"We need training for the night shift too\." Before that, in an email .*"The training for new staff went well\." In short, Ahmed said they need training for the night shift too\.$/);
  });

  it('nothing on the topic: says so and cites nothing', async () => {
    const s = redfern();
    s.email(at(-3), { from: 'olu@redfern.com', to: 'sam@ourco.com', subject: 'PO', text: 'The purchase order is raised.' });
    const r = await ask(s, 'What did Olu say about the parking garage?');
    expect(r.answer).toBe('I found nothing from Olu Adeyemi (Procurement Manager, procurement) about "parking garage" in the account\'s memory.');
    expect(r.citations).toEqual([]);
  });
});

describe('usage', () => {
  it('a steady slide is told with its weekly means', async () => {
    const s = redfern();
    [300, 282, 260, 241, 225, 204].forEach((value, i) => s.add({ kind: 'usage', occurredAt: at(-1 - 7 * (5 - i)), metric: 'seats_active', value }));
    const r = await ask(s, 'How is usage trending?');
    expect(r.answer).toMatch(/^Usage at Redfern Bio: seats_active has slid steadily: weekly means 300 → 282 → 260 → 241 → 225 → 204 over 6 weeks \(fitted -32%, about 6\.3% a week\)\. Flagged: usage_drop\.$/);
    expect(r.citations).toHaveLength(2);
  });
});

describe('what we promised', () => {
  it('names each deliverable in our words, then quotes the promise', async () => {
    const s = redfern();
    s.email(at(-9), { from: 'olu@redfern.com', to: 'sam@ourco.com', subject: 'Security', text: 'Can you send your SOC 2 Type II report?' });
    perceived(s.email(at(-8), { from: 'sam@ourco.com', to: 'olu@redfern.com', subject: 'Re: Security', text: "Sure, you'll have it from me by Tuesday." }), {
      commitments: [{ text: "Sure, you'll have it from me by Tuesday.", owner: 'us', who: 'Sam Patel', deliverable: 'the SOC 2 Type II report', dueAt: at(-4) }],
    });
    const r = await ask(s, 'What have we promised?');
    expect(r.intent).toBe('commitments');
    expect(r.answer).toMatch(/^We promised: the SOC 2 Type II report \(Sam Patel, .*, due .*\) — overdue: "Sure, you'll have it from me by Tuesday\."/);
  });
});

describe('who takes over', () => {
  const departure = "I've accepted an offer at a maritime analytics startup, and my final day is the 18th.";
  const handover = 'Felix Brandt will be picking up the platform relationship from our side.';

  it('from the sentence that hands over, when perception did not name a successor', async () => {
    const s = redfern();
    s.contacts[1] = contact('ines@redfern.com', 'Ines Duarte', 'champion');
    const mail = perceived(s.email(at(-6), { from: 'ines@redfern.com', to: 'sam@ourco.com', subject: 'Some personal news', text: `Hi Sam,\n\n${departure}\n\n${handover} He knows the dashboards well.\n\nInes` }), {});
    const r = await ask(s, 'Who is taking over from Ines?');
    expect(r.intent).toBe('successor');
    expect(r.answer).toMatch(/^Felix Brandt \(Operations Analyst, user\) takes over from Ines Duarte/);
    expect(r.citations).toEqual([{ signalId: mail.id, excerpt: handover, occurredAt: mail.occurredAt }]);
  });

  it('from the perceived successor when there is one', async () => {
    const s = redfern();
    s.contacts[1] = contact('ines@redfern.com', 'Ines Duarte', 'champion');
    perceived(s.email(at(-6), { from: 'ines@redfern.com', to: 'sam@ourco.com', subject: 'News', text: `${departure} ${handover}` }), {
      stakeholderChanges: [{ contactEmail: 'ines@redfern.com', name: 'Ines Duarte', change: 'left', text: handover, successor: { name: 'Felix Brandt', email: 'felix@redfern.com' } }],
    });
    const r = await ask(s, 'Who replaces Ines?');
    expect(r.answer).toBe(`Felix Brandt takes over from Ines Duarte (in an email on ${'Sat, Nov 14'}: "${handover}").`);
  });
});

describe('what should I do next', () => {
  const recs: OpenRecommendationView[] = [
    { kind: 'renewal_plan', title: 'Build the renewal plan for Redfern Bio', rationale: 'Renewal in 80 days with no renewal conversation. Agree the path now.', priority: 52, status: 'proposed', dueAt: at(5) },
    { kind: 'reply', title: 'Reply to Olu Adeyemi: "PO"', rationale: 'Olu asked a question 3 days ago and nobody has replied. They are waiting.', priority: 71, status: 'proposed', dueAt: at(0, 2) },
    { kind: 'follow_up', title: 'Follow up with Ahmed Farouk', rationale: 'Quiet for 15 days.', priority: 90, status: 'snoozed', snoozedUntil: at(3) },
  ];

  it('the open recommendations, proposed before snoozed, by priority, each with why, citing their evidence', async () => {
    const s = redfern();
    const q = s.email(at(-3), { from: 'olu@redfern.com', to: 'sam@ourco.com', subject: 'PO', text: 'Which entity should the PO be addressed to?' });
    recs[1].evidence = [{ signalId: q.id, excerpt: 'Which entity should the PO be addressed to?' }];
    const r = await ask(s, 'What should I do next on this account?', { openRecommendations: recs });
    expect(r.intent).toBe('next_steps');
    expect(r.answer).toMatch(/^Open recommendations for Redfern Bio, most important first: 1\) Reply to Olu Adeyemi: "PO" \(due .*\) — why: Olu asked a question 3 days ago and nobody has replied\. 2\) Build the renewal plan .* — why: Renewal in 80 days with no renewal conversation\. 3\) Follow up with Ahmed Farouk \(snoozed until .*\) — why: Quiet for 15 days\.$/);
    expect(r.citations).toEqual([{ signalId: q.id, excerpt: 'Which entity should the PO be addressed to?', occurredAt: q.occurredAt }]);
  });

  it('nothing stored yet: what the agent would recommend now, from the assessment', async () => {
    const s = redfern('proposal');
    perceived(s.email(at(-3), { from: 'olu@redfern.com', to: 'sam@ourco.com', subject: 'Contract question', text: 'Which entity should the contract be addressed to?' }), { question: true });
    const r = await ask(s, "what's next?");
    expect(r.answer).toMatch(/^What the agent recommends for Redfern Bio, most important first: 1\) Reply to Olu Adeyemi/);
    expect(r.citations.length).toBeGreaterThan(0);
  });
});

describe('a summary of the account', () => {
  it('stage, risk and its top factors, last touch, next meeting, renewal', async () => {
    const s = redfern();
    s.email(at(-30), { from: 'sam@ourco.com', to: 'ahmed@redfern.com', subject: 'Check-in', text: 'Hi Ahmed, how is the rollout going?' });
    s.email(at(-25), { from: 'ahmed@redfern.com', to: 'sam@ourco.com', subject: 'Re: Check-in', text: 'All good, thanks.' });
    s.calendar(at(-2), 'scheduled', 'qbr-1', 'Quarterly review', at(6), ['ahmed@redfern.com', 'sam@ourco.com']);
    const r = await ask(s, 'Give me a summary of the account');
    expect(r.intent).toBe('summary');
    expect(r.answer).toMatch(/^Redfern Bio: customer stage, \$90k ARR\. Risk: (low|medium|high|critical) \(score \d+\/100\)/);
    expect(r.answer).toContain('Last touch: from them, email "Re: Check-in" from Ahmed Farouk 25 days ago; from us, email "Check-in" from Sam Patel 30 days ago.');
    expect(r.answer).toMatch(/Next meeting: "Quarterly review" on /);
    expect(r.answer).toMatch(/Renewal: .* \(80 days from now\)\./);
  });
});

describe('what changed recently', () => {
  it('the notable signals of the window, quoted, and the risk then against now', async () => {
    const s = redfern();
    s.email(at(-40), { from: 'ahmed@redfern.com', to: 'sam@ourco.com', subject: 'Old news', text: 'We are evaluating Benchling as well.' });
    s.email(at(-8), { from: 'sam@ourco.com', to: 'ahmed@redfern.com', subject: 'Check-in', text: 'Hi Ahmed, anything you need?' });
    const gone = perceived(s.email(at(-3), { from: 'felix@redfern.com', to: 'sam@ourco.com', subject: 'Ahmed', text: 'Hello Sam. Ahmed left Redfern on Friday. I will be your contact for now.' }), {
      stakeholderChanges: [{ contactEmail: 'ahmed@redfern.com', name: 'Ahmed Farouk', change: 'left', text: 'Ahmed left Redfern on Friday.' }],
    });
    const r = await ask(s, 'What changed in the last 7 days?');
    expect(r.intent).toBe('recent_changes');
    expect(r.answer).toMatch(/^What changed at Redfern Bio in the last 7 days: Risk \w+ \(\d+\/100\) 7 days ago → \w+ \(\d+\/100\) now; new: .*\[champion_change\]/);
    expect(r.answer).toContain('people: Ahmed Farouk left (in an email: "Ahmed left Redfern on Friday.")');
    expect(r.answer).not.toContain('Benchling');
    expect(r.citations.some((c) => c.signalId === gone.id && c.excerpt === 'Ahmed left Redfern on Friday.')).toBe(true);
  });

  it('reads the window from the question', () => {
    expect(windowDays('what happened in the last 10 days?')).toBe(10);
    expect(windowDays('anything new in the past two weeks')).toBe(14);
    expect(windowDays('what changed this month')).toBe(30);
    expect(windowDays('what changed recently?')).toBe(14);
  });
});

describe('intents', () => {
  const intent = (q: string) => classifyQuestion(q, people).intent;
  it('new ones, in several phrasings', () => {
    for (const q of ['What should I do next on this account?', "What's the next step here?", 'What do you recommend?', 'Where should I focus?']) expect(intent(q), q).toBe('next_steps');
    for (const q of ['Give me a summary of the account', 'Catch me up', 'Where do we stand with them?', 'Brief me on Redfern']) expect(intent(q), q).toBe('summary');
    for (const q of ['What changed recently?', "What's new this week?", 'What has happened in the last 10 days?', 'Any news?']) expect(intent(q), q).toBe('recent_changes');
    for (const q of ['Who is taking over from Ines?', 'Who replaces Ines?', "Who is Ines's successor?"]) expect(intent(q), q).toBe('successor');
  });

  it('the existing ones are unchanged', () => {
    expect(intent('What is the status of the renewal?')).toBe('renewal');
    expect(intent('How is usage trending?')).toBe('usage');
    expect(intent('Who is our champion now?')).toBe('champion');
    expect(intent('What did procurement say last?')).toBe('what_said');
    expect(intent('When did we last hear from them?')).toBe('last_contact');
    expect(intent('Why is Redfern at risk?')).toBe('why_at_risk');
    expect(intent('What did Olu say about the renewal?')).toBe('what_said');
  });
});
