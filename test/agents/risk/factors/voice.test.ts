// What the account says: competitors, sentiment, expansion and buying intent.
import { describe, expect, it } from 'vitest';
import { competitorMention } from '../../../../agents/risk/factors/competitor-mention.js';
import { negativeSentiment } from '../../../../agents/risk/factors/negative-sentiment.js';
import { expansionSignal } from '../../../../agents/risk/factors/expansion-signal.js';
import { buyingSignal } from '../../../../agents/risk/factors/buying-signal.js';
import { Story, at, contact } from '../builders.js';
import { Insights } from '../../../../agents/signals/schema.js';

const miles = contact('miles@acme.com', 'Miles Darrow', 'economic_buyer');
const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion', { title: 'VP Operations' });
const story = () => new Story({ account: { stage: 'customer', renewalDate: at(200) }, contacts: [miles, dana] });

describe('competitor_mention', () => {
  it('counts mentions in play, not replaced tools, and ages out of the window', () => {
    const s = story();
    s.email(at(-10), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'We are replacing Gong next quarter.' });
    s.meeting(at(-3), 'Review', ['miles@acme.com', 'sam@ourco.com'], [['Miles Darrow', 'Clari offered us a discount to switch.']]);
    const check = competitorMention(s.timeline());
    expect(check.factor).toMatchObject({ weight: 12, evidence: [s.signals[1].id] });
    expect(check.factor!.explanation).toMatch(/^Clari is in play/);
    expect(check.nextChangeAt).toBe(at(57));
    expect(competitorMention(s.timeline(at(58))).factor).toBeNull();
  });

  it('a tool we integrate with, or the one they are leaving, is not in play (perceived context, set by hand here)', () => {
    const s = story();
    const mail = s.email(at(-2), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'Your connector to Samsara works well; we moved off Fleetio in spring.' });
    mail.insights = Insights.parse({ competitors: [
      { name: 'Samsara', text: 'Your connector to Samsara works well', context: 'integration' },
      { name: 'Fleetio', text: 'we moved off Fleetio in spring.', context: 'replacing' },
    ] });
    expect(competitorMention(s.timeline()).factor).toBeNull();
    mail.insights = Insights.parse({ competitors: [{ name: 'Fleetio', text: 'we asked Fleetio for a quote', context: 'evaluation' }] });
    expect(competitorMention(s.timeline()).factor?.explanation).toMatch(/^Fleetio is in play/);
  });
});

describe('negative_sentiment', () => {
  it('a recent negative message, quoted, with who said it', () => {
    const s = story();
    s.email(at(-2), { from: 'miles@acme.com', to: 'riley@ourco.com', text: 'Honestly, we are not happy. The exports have been broken for two weeks and my team is frustrated. This is unacceptable.' });
    const check = negativeSentiment(s.timeline());
    expect(check.factor).toMatchObject({ weight: 20, contacts: ['miles@acme.com'], evidence: [s.signals[0].id] });
    expect(check.factor!.explanation).toBe('Negative sentiment from Acme Logistics: Miles Darrow 2 days ago: "The exports have been broken for two weeks and my team is frustrated."');
    expect(check.nextChangeAt).toBe(at(12));
  });

  it('open urgent tickets add to it', () => {
    const s = story();
    s.ticket(at(-6), 'Exports failing', 'Exports still failing every night.', 'urgent', 'open', 'miles@acme.com');
    expect(negativeSentiment(s.timeline()).factor!.explanation).toMatch(/1 urgent ticket is open$/);
    const solved = story();
    solved.ticket(at(-6), 'Exports failing', 'Exports still failing every night.', 'urgent', 'solved', 'miles@acme.com');
    expect(negativeSentiment(solved.timeline()).factor).toBeNull();
  });

  it('settled when the same person later writes clearly positively', () => {
    const s = story();
    s.email(at(-5), { from: 'miles@acme.com', to: 'riley@ourco.com', text: 'We are frustrated, the exports are broken.' });
    s.email(at(-1), { from: 'miles@acme.com', to: 'riley@ourco.com', text: 'Great work on the fix, the team is happy and thankful.' });
    expect(negativeSentiment(s.timeline()).factor).toBeNull();
  });

  it('only inbound: our apologies are not their sentiment; old complaints age out', () => {
    const s = story();
    s.email(at(-1), { from: 'riley@ourco.com', to: 'miles@acme.com', text: 'I am sorry, this is unacceptable on our side and I am frustrated too.' });
    s.email(at(-20), { from: 'miles@acme.com', to: 'riley@ourco.com', text: 'This is unacceptable.' });
    expect(negativeSentiment(s.timeline()).factor).toBeNull();
  });
});

describe('expansion_signal', () => {
  it('quotes the speaker with their title', () => {
    const s = story();
    s.email(at(-4), { from: 'dana@acme.com', to: 'riley@ourco.com', text: 'We want to roll it out to the Berlin warehouse in Q1.' });
    expect(expansionSignal(s.timeline()).factor).toMatchObject({
      weight: 20, contacts: ['dana@acme.com'],
      explanation: 'Dana Ruiz (VP Operations) said 4 days ago: "We want to roll it out to the Berlin warehouse in Q1."',
    });
  });
});

describe('buying_signal', () => {
  it('asking for the contract', () => {
    const s = story();
    s.email(at(-1), { from: 'miles@acme.com', to: 'sam@ourco.com', text: "We're ready to move forward. Could you send the contract?" });
    const f = buyingSignal(s.timeline()).factor!;
    expect(f.explanation).toBe('Buying intent: Miles Darrow 1 day ago: "Could you send the contract?"');
    expect(f.weight).toBe(18);
  });

  it('the proposal viewed repeatedly, not once; a pricing visit on its own', () => {
    const once = story();
    once.engagement(at(-2), 'proposal_viewed', { contactEmail: 'dana@acme.com' });
    expect(buyingSignal(once.timeline()).factor).toBeNull();
    const thrice = story();
    for (const d of [-3, -2, -1]) thrice.engagement(at(d), 'proposal_viewed', { contactEmail: 'dana@acme.com' });
    expect(buyingSignal(thrice.timeline()).factor!.explanation).toBe('Buying intent: the proposal was viewed 3 times in 14 days (last 1 day ago)');
    const pricing = story();
    pricing.engagement(at(0, -1), 'pricing_page_visit', { contactEmail: 'peter@acme.com' });
    expect(buyingSignal(pricing.timeline()).factor!.explanation).toBe('Buying intent: a visit to the pricing page (last 1 hour ago)');
  });
});

describe('negative_sentiment and ticket threads', () => {
  it('an urgent ticket later solved is settled', () => {
    const s = story();
    s.ticket(at(-6), 'Exports failing', 'Exports still failing every night.', 'urgent', 'open', 'miles@acme.com');
    s.ticket(at(-2), 'Exports failing', 'Fixed in 4.12.1.', 'urgent', 'solved', 'miles@acme.com');
    expect(negativeSentiment(s.timeline()).factor).toBeNull();
    expect(negativeSentiment(s.timeline(at(-3))).factor).not.toBeNull();
  });
});
