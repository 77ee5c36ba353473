// More slots of the evaluation frame (agents/perception/competitor-slots.ts), in words of their own: a vendor's people
// courting the customer, a vendor planning the customer's move, a possessive set against ours, a case against a vendor,
// a tool tried on the side, a vendor invited into a tender, peers on a tool with pressure on us, a rival kept or just
// chosen over, a forwarded offer; and the places a listed rival's name is not in play.
import { describe, expect, it } from 'vitest';
import { findCompetitors } from '../../../agents/perception/competitors.js';

const LIST = ['Gong', 'Clari'];
const inPlay = (text: string, side: 'them' | 'us' = 'them') => findCompetitors([{ side, text }], LIST, { reported: side === 'us' })
  .filter((c) => c.context === 'evaluation' || c.context === 'mention').map((c) => c.name);

describe('competitor slots read from roles', () => {
  it.each([
    ["After finance asked for a competing quote, Mendrel's people rang our buyer twice.", 'Mendrel'],
    ['The Quarrow folks dropped by on Monday and showed us their yard planner.', 'Quarrow'],
    ['The Brisket team is coming in on Friday to demo the dock module to our shift leads.', 'Brisket'],
    ['Hollis has already mapped out what a migration would take for us, about a month they say.', 'Hollis'],
    ['I have Tamberlane\'s order form on my desk next to yours, and theirs caps liability higher.', 'Tamberlane'],
    ['So what is your answer to Corvex\'s live ETA feature?', 'Corvex'],
    ['Whatever you quote, I will put it next to Loftus\'s before the board meets.', 'Loftus'],
    ['The CFO wants a business case against Pendry before signing.', 'Pendry'],
    ['Two of the dispatchers are logging their routes in Fairway on the side.', 'Fairway'],
    ['Our buyer has been paying for Wexley on her own card to try the mobile app.', 'Wexley'],
    ['For this round of the tender we also invited the company Drossel.', 'Drossel'],
    ['Our sister companies all run Ambrel now, and the group wants us to align by spring.', 'Ambrel'],
    ['In the end the board picked you over Gong, mostly on the forecasting.', 'Gong'],
    ['The depot in Leeds will stay with Clari for another year.', 'Clari'],
    ['Marlin Freightware is a serious contender now.', 'Marlin Freightware'],
    ['We\'re halfway through the security assessment for Vantry.', 'Vantry'],
    ['Norrow\'s team has been in touch offering a free migration.', 'Norrow'],
    ['We want to hear what Tessaly can offer before renewing.', 'Tessaly'],
    ['A vendor called Pindar cold-called our COO offering 30% off.', 'Pindar'],
    ['Ravensby would save us roughly 15k a year, their rep says.', 'Ravensby'],
    ['Dunleary is giving us a 45-day free trial.', 'Dunleary'],
    ['We are running a pilot of Tarnby alongside yours and will compare the two on the same lanes.', 'Tarnby'],
    ['Gong\'s renewal pricing came in below yours.', 'Gong'],
    ['We want to move the whole support team onto Clari next year.', 'Clari'],
    ['We are shifting our forecasting into Clari after the summer.', 'Clari'],
    ['Half the reps keep asking for Gong seats instead.', 'Gong'],
    ['Honestly the planners would rather use Selkirk, they had it at their last firm.', 'Selkirk'],
    ['Why should we stay with you when Clari does all of this already?', 'Clari'],
    ['We push our call notes into Gong every night, and now the CRO wants a demo of Gong\'s forecasting.', 'Gong'],
  ])('%s', (text, name) => {
    expect(inPlay(text)).toEqual([name]);
  });

  it('quotes that came from two vendors (where quotes came from, not where a person worked)', () => {
    expect(inPlay('Besides yours, the other two quotes came from Brennick and Olafsen.')).toEqual(['Brennick', 'Olafsen']);
  });

  it('names given in answer to our question about who else is being looked at', () => {
    const said = (before: string, text: string) => findCompetitors([{ side: 'us', text: before }, { side: 'them', text }], LIST)
      .filter((c) => c.context === 'evaluation' || c.context === 'mention').map((c) => c.name);
    expect(said('Who else are you looking at this year?', 'Truthfully, Ombra and possibly Kettering.')).toEqual(['Ombra', 'Kettering']);
    expect(said('Anyone else on the shortlist?', 'Not really, Ombra was ruled out in the spring.')).toEqual([]);
    expect(said('How did the Leeds go-live go?', 'Great, Ingrid and Tove loved it.')).toEqual([]);
  });

  it('a vendor whose offer was forwarded to us', () => {
    const text = 'FYI, see below.\n\nFrom: Kettlewell Software Sales\nSubject: proposal\n\nWe can do 31 EUR per user on a two-year term.';
    expect(inPlay(text)).toEqual(['Kettlewell Software']);
  });

  it('a name set against ours in the question before: "does yours do X? wrenly\'s does"', () => {
    expect(inPlay("can your planner split loads by weight? wrenly's does it out of the box")).toEqual(['Wrenly']);
  });

  it.each([
    'Freya left to join Clari in March; Owen takes over her accounts.',
    'Did you see that Gong got acquired? Crazy week.',
    'The Clari rep called again, I told him we are locked in with you until 2028.',
    'It was a test of the Gong recording integration, not an evaluation.',
    'Saw your stand at the fair, right next to Gong\'s.',
    'Please delete the Clari invoice I sent you by mistake.',
    'Gong is one of our biggest shipping customers.',
    'The warehouse team mostly prefers English for the app.',
    'Our AP team moves to Zervo next year, no impact on us.',
    'The Oslo team is coming in Thursday to review the schedule with our planners.',
    'Stellan\'s team wants to run a workshop on the dashboards with your CSM.',
    'Owen compared our on-time rates against Hallam\'s and was pleased.',
    'Our pilot depot in Varberg goes live next week.',
    'We looked at Tarrow back in 2021 and went with you.',
    'Our team is comparing quotes from Halberd and Coyne for haulage to Iberia.',
    'Ops is weighing new forklifts from Hadley for the Leeds depot.',
    'Tuvalu Motors gave us a demo of their electric vans.',
    'The Clari forecasts and your renewal view disagree this week.',
    'We are ex-Gong customers, so call recording is familiar.',
    'We dropped Clari last year.',
    'Anja came to us from Gong, so she knows the space.',
    'We moved 12 licences from the Leeds team to Harrogate; the total is the same.',
    'We are migrating our warehouse data from Redshift to Snowflake in May.',
    'The team moved the weekly sync to Thursdays.',
    'Please transfer his seats to Elif from Monday.',
    'Gong is great for calls, yours is great for renewals, no overlap.',
  ])('not in play: %s', (text) => {
    expect(inPlay(text)).toEqual([]);
  });
});
