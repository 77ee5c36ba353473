// More of the evaluation frame in a buyer's everyday words (competitor-frame.ts, competitor-stance.ts,
// competitor-weighed.ts), and listed rivals that are only a tool in use or one already left.
import { describe, expect, it } from 'vitest';
import { findCompetitors } from '../../../agents/perception/competitors.js';

const LIST = ['Gong', 'Clari', 'Gainsight', 'Salesloft'];
const inPlay = (text: string) =>
  findCompetitors([{ side: 'them', text }], LIST).filter((c) => c.context === 'evaluation' || c.context === 'mention').map((c) => c.name);

describe('a vendor weighed, in everyday words', () => {
  it.each([
    ['Tomasz has been kicking the tyres on something called Lodestar.', 'Lodestar'],
    ['Our COO keeps pushing for Brantwood, says it covers everything yours does.', 'Brantwood'],
    ['Purchasing added Brantwood to the longlist, and then put Oakshott on the longlist too.', 'Oakshott'],
    ['We have Oakshott coming in for a demo next Wednesday.', 'Oakshott'],
    ['The board is deciding whether to renew with you or go with Oakshott.', 'Oakshott'],
    ["Oakshott's sales people have been very pushy with Adaeze.", 'Oakshott'],
    ['Oakshott ran a slick demo for our planners on Monday.', 'Oakshott'],
    ['The Oakshott folks keep telling Raj they could do it for less.', 'Oakshott'],
    ["Honestly Oakshott's route app is what the dispatchers want.", 'Oakshott'],
    ["We're shifting our forecasting out of your platform and over into Clari.", 'Clari'],
    ["Thanks for the proposal, Lee. Pembury's was a lot vaguer.", 'Pembury'],
  ])('%s', (text, name) => expect(inPlay(text)).toContain(name));
});

describe('not a vendor weighed', () => {
  it.each([
    'The ops team is pushing for Hull to go live before Leeds.',
    'We have Priyanka coming in for a training session next Wednesday.',
    'We have Priyanka coming in for a demo of your reporting next Wednesday.',
    'Bea gave a great presentation for our board on the quarter.',
    "The Hull team's been very persistent about the label bug.",
    // apart from us, beside us, turned away in the next sentence, taking part in a trial of ours
    'We are trialling Verrat for the forklift sensors, entirely separate from your rollout.',
    "We saw a demo of Pictor's new heatmaps, it could sit nicely on top of your export.",
    "Halloway's sales team rang Raj twice this week. He told them we're under contract with you for three more years.",
    'We ran a pilot of your new API with Brennan Foods in the spring.',
    'We are working with Brennan Foods on the deal for the Baltic lanes.',
    'Your team and Brennan Foods overlap on Tuesdays for the delivery window.',
    'We need your answers by Friday; Brennan Foods already sent theirs on the freight audit.',
    // a listed tool in use, or left
    'Could the weekly export follow the Gainsight layout? Finance built a model on it.',
    'Gong flagged that the pricing call went sideways, so I am on it.',
    'Our warehouse data sits in BigQuery and Clari reads it from there.',
    'We moved all our playbooks out of Gainsight in the spring.',
    'We stopped paying for Salesloft back in March.',
    'We swapped Salesloft for a cheaper dialler last year.',
  ])('%s', (text) => expect(inPlay(text)).toEqual([]));
});

/** What a call turn perceives after our question. */
const answered = (question: string, answer: string) =>
  findCompetitors([{ side: 'us', text: question }, { side: 'them', text: answer }], LIST)
    .filter((c) => c.context === 'evaluation' || c.context === 'mention').map((c) => c.name);

describe('a turn that answers our question', () => {
  it('names a rival on a line of its own after a filler sentence', () => {
    expect(answered('Anyone else on the table at the moment?', 'Well, er, yes. Dunmore. They have been quite pushy on price.')).toEqual(['Dunmore']);
  });
  it('keeps the name of our question for a pronoun two sentences on', () => {
    expect(answered('How was the Dunmore demo?', 'Hm. Okay, I suppose. Their dashboards are slicker than yours, to be fair.')).toEqual(['Dunmore']);
  });
  it('reads what a rival will come back with as awaited', () => {
    expect(answered('What is holding up the signature?', 'Raj wants to see what Dunmore comes back with before he signs.')).toEqual(['Dunmore']);
  });
  it('gives no name as the answer in a later sentence with a verb of its own, or after "just you"', () => {
    expect(answered('Who else did you look at?', 'We looked at a couple. Leeds was the first site to try it.')).toEqual([]);
    expect(answered('Anyone else in the mix?', 'Just you. Hull goes live first though.')).toEqual([]);
  });
  it('keeps no customer name for a pronoun two sentences on', () => {
    expect(answered('How was the week?', 'We met Kessler Foods on Monday. Great people. They offered us a tour of the new depot.')).toEqual([]);
  });
  it('takes a turn that opens with a denial as no answer', () => {
    expect(answered('Anyone else on the table at the moment?', 'Not as far as I know. Hull is the priority this quarter.')).toEqual([]);
  });
});

/** What our note perceives (it reports the account). */
const noted = (text: string) =>
  findCompetitors([{ side: 'us', text }], LIST, { reported: true }).filter((c) => c.context === 'evaluation' || c.context === 'mention').map((c) => c.name);

describe('our notes', () => {
  it.each([
    ['Ops review: Adaeze asked how you compare with Vantry on support hours.', ['Vantry']],
    ['Competitive: Vantry + Moorcroft both answered the RFI, shortlist in Feb.', ['Vantry', 'Moorcroft']],
    ['Lost the Antwerp lanes to Vantry, the other depots renew as planned.', ['Vantry']],
  ])('%s', (text, names) => expect(noted(text).sort()).toEqual([...names].sort()));
  it.each([
    'Loved the Hull presentation. They offered us a tour next month.',
    'Greta says they lost the Baltic tender to Kessler Freight last month.',
    'We compared Hull to Leeds on dwell time during the review.',
    'Mia + Owen on the call, Hull / Leeds rollout discussed.',
  ])('not in play: %s', (text) => expect(noted(text)).toEqual([]));
});
