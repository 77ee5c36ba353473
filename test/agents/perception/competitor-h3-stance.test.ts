// The customer's stance between a rival and us, names written in lower case, products for their
// maker, and listed names mentioned with no evaluation in play (competitor-stance.ts and its hooks).
import { describe, expect, it } from 'vitest';
import { findCompetitors } from '../../../agents/perception/competitors.js';

const LIST = ['Gong', 'Clari'];
const inPlay = (text: string) => findCompetitors([{ side: 'them', text }], LIST).filter((c) => c.context === 'evaluation' || c.context === 'mention').map((c) => c.name);

/** Sentences naming one rival in play, and sentences with none. */
function cases(title: string, found: Array<[string, string]>, none: string[]): void {
  describe(title, () => {
    if (found.length) it.each(found)('%s', (text, name) => expect(inPlay(text)).toEqual([name]));
    it.each(none)('not in play: %s', (text) => expect(inPlay(text)).toEqual([]));
  });
}

cases('a rival preferred over us', [
  ['Half the planners would take Morrowind Labs over you tomorrow.', 'Morrowind Labs'],
  ['If it came down to cost alone it would be Pellam over you.', 'Pellam'],
  ['Finance is pushing for Ostrelle rather than renewing with you.', 'Ostrelle'],
  ['The regional leads keep tilting towards Vantorq.', 'Vantorq'],
], [
  'Nobody here would pick Pellam over you.',
  'We handed the account over to you in March.',
]);

cases('names in lower case', [
  ['got a walk-through from quibbly on thursday, not bad', 'Quibbly'],
  ['quibbly quoted us way under ur price', 'Quibbly'],
  ['the ops team is moving to clari for forecasting next quarter', 'Clari'],
], [
  'we got a walkthrough of the new rollout plan yesterday',
  'can u get us a quote for the 6 devs joining',
  'we have a gong by the door we ring for every signed deal',
]);

cases('other slots of the frame', [
  ['The product we are piloting beside yours (Harrowgate) already does multi-currency.', 'Harrowgate'],
  ['An offer was slipped to our CFO by Brennick last week.', 'Brennick'],
  ["Honestly the Lumo mobile app is just easier for the drivers.", 'Lumo'],
  ['The Quint folks did a proof of concept with our planners and it held up.', 'Quint'],
  ["Tarrow's Forecast Studio trial opens Monday for the sales managers.", 'Tarrow'],
], [
  'Our billing system (Fennick) posts the invoices overnight.',
  'The board pack was approved by Adaeze this morning.',
  "I'll write a short quote for the newsletter and get it signed off by brandops first.",
  'The Antwerp depot is faster than it was in spring.',
]);

cases('a listed name with nothing in play', [], [
  'Our keynote speaker was a former Gong sales engineer.',
  "did anyone see Clari's new billboard by the station",
  'If Gong ever built a yard-management module we might take a look.',
  'The Clari contract we held for the SDR team lapsed in June and nobody noticed.',
  "We're closing the trial with Morrowind at the end of the week and keeping everyone on your platform.",
  'Owen wants a line on how you differ from Gong for the wiki. No evaluation going on, just onboarding docs.',
  "We're moving all staff onto Gong meeting links for the offsite.",
]);

cases('ranked above us, called in, singled out', [
  ['At this point Fernhollow is ahead of you on the scoring sheet.', 'Fernhollow'],
  ['Fernhollow has the edge on pricing, I have to say.', 'Fernhollow'],
  ['To be honest Fernhollow looks like the safer choice for the board.', 'Fernhollow'],
  ["We're leaning Fernhollow unless something changes.", 'Fernhollow'],
  ['Someone suggested getting in Dovecot for a workshop next month.', 'Dovecot'],
  ['We sat through pitches from four suppliers. The sharpest of them was Dovecot.', 'Dovecot'],
  ['Our new CRO ran Dovecot at her last company and wants us to move the whole team over there.', 'Dovecot'],
], [
  'The Lisbon office is ahead of plan on adoption.',
  'We visited four depots. The largest of them was Gdansk.',
  'From Monday the renewal paperwork moves to Ilse Marquardt on my team.',
  'Otto used Dovecot at his last job and moved to Porto after that.',
]);

cases('vendor lists after a colon, product names, closed trials', [
  ['Suppliers we are meeting next week: Ambrell.', 'Ambrell'],
  ['The last two standing are Ambrell and yourselves.', 'Ambrell'],
  ['The Ambrell CX Cloud pilot wraps up in May.', 'Ambrell'],
], [
  'Our pilot of Ambrell finished in February and we stayed with you.',
  'The Ambrell rep rang again, I told him we renewed with you for two years.',
]);

cases('vendors outside our category, and a company merely talked about', [
  ["Clari's rep has been phoning me daily since the trade fair.", 'Clari'],
  ['Gong is offering to run your renewal forecasting for less, they say.', 'Gong'],
], [
  "We're trialling Personio for HR across the Nordic entities.",
  'Ops asked Webfleet for a quote on telematics for the trucks.',
  'Finance got a demo from Sage for the accounting migration.',
  'Gainsight is the headline sponsor of the summit in Lisbon.',
  'Otto did six years at Clari before he joined us.',
  'Our sister company is a Gong customer, for what it is worth.',
  'Before we switched to you we ran Salesloft for two years.',
  'Gong sits nicely alongside your product, no issues at all.',
]);

cases('people are not organisations; more of what a vendor does', [
  ["The Wexford people are presenting to our leadership team on Tuesday.", 'Wexford'],
  ["We've got Wexford coming over next week to demo us their routing.", 'Wexford'],
  ['Wexford told us they would move our history across for free.', 'Wexford'],
  ['Wexford would cost us roughly half what we pay you today.', 'Wexford'],
  ['We have reference calls lined up with three Wexford customers.', 'Wexford'],
  ['Our COO wants a side-by-side of you and Wexford before the board.', 'Wexford'],
], [
  'I had a long call with Dorota from our planning team about the budget.',
  'We plan to trial the routing module with Pieter\'s team first.',
  'I spoke to Aurelio at Maersk about the new lanes.',
  'Quote from Svea: "the new board view saved my week".',
]);

describe('an answer to who else is weighed', () => {
  it('names the rival though a negation follows it', () => {
    const got = findCompetitors([{ side: 'us', text: 'Who else are you looking at?' }, { side: 'them', text: 'Wexford and, er, one more whose name I can\'t recall.' }], LIST);
    expect(got.map((c) => c.name)).toEqual(['Wexford']);
  });
});

cases('a vendor after our business', [
  ['Finance wants a second quote on file, so we have asked Calloway.', 'Calloway'],
  ['Calloway has been very aggressive on pricing with us lately.', 'Calloway'],
  ['Calloway is pitching to our exec committee next month.', 'Calloway'],
  ['Calloway keeps coming up in planning meetings as an alternative.', 'Calloway'],
  ["There's a real buzz in the ops team about Calloway.", 'Calloway'],
  ['What would it take for you to match Calloway?', 'Calloway'],
  ['We have invited Calloway to the final round.', 'Calloway'],
  ['Calloway is firmly on our radar.', 'Calloway'],
  ["calloway's pricing is looking really good tbh", 'Calloway'],
], [
  "We're due to get admin access to the new reporting workspace on Friday.",
  'The Lisbon team is looking really good this quarter.',
]);

describe('a pronoun for the name said just before', () => {
  it.each([
    'Calloway got in touch in October. We have agreed to hear them out.',
    'Have you run into Calloway? Our CFO is quite taken with them.',
  ])('%s', (text) => expect(inPlay(text)).toEqual(['Calloway']));
});

describe('our own people', () => {
  it('are not vendors, named by the caller or speaking in the signal', () => {
    expect(findCompetitors([{ side: 'them', text: "Tobiah's demo of the new reports was great." }], LIST, { ourPeople: ['Tobiah Marsh'] })).toEqual([]);
    expect(findCompetitors([{ side: 'us', speaker: 'Tobiah Marsh', text: 'Anything else?' }, { side: 'them', text: 'The pilot with Tobiah went really well.' }], LIST)).toEqual([]);
  });
});
