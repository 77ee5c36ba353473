// Churn said without the stock words (churn-drift.ts and the frames it widened): the exit prepared, our
// exit costed, a move away from us, a consolidation onto another vendor, the contract taken to market, the
// work drifting back to the old tools, another term not approved, a module no longer needed or taken up, an
// ultimatum whose condition is our failure, not being a customer next year, one vendor and not you, the
// last quarter with us, a team pulled off our app, and the champion who backed us and will not again (two
// sentences). Negatives: our own new version, an office move, a hypothesis, seats consolidated, a rival
// evaluated and beaten, a whiteboard during an outage, backing offered again. Sentences in new words.
import { describe, expect, it } from 'vitest';
import { churn } from './churn-read.js';

describe('exit intent without the stock words', () => {
  it.each([
    'We are planning the switchover to a new platform in March.',
    'Between us, I think they are getting ready to leave.',
    'Finance wants to know what we would save by turning the tool off.',
    'Leadership has asked for a plan for migrating away from your tool.',
    'Group IT is consolidating onto Pipewell for every region from April.',
    'Procurement will take the contract out to market in January.',
    'The warehouse leads have quietly gone back to tracking loads on the whiteboard again.',
    'With usage where it is, I cannot approve another year.',
    "I went to bat for you with our CFO last spring. I won't do that again.",
    "Once the pilot ends we won't need your routing module any more.",
    "We won't be taking up the mobile add-on again next year.",
    'if the fix isnt live by friday we are pulling the plug',
    "Between you and me, I don't think we'll be around as a customer next year.",
    "Our new COO wants to standardise on one vendor, and it's not you.",
    'We signed with Gainsight last week, so this will be our last quarter with you.',
    "We're pulling the dispatch team off your app next month.",
  ])('%s', (text) => {
    expect(churn(text)).toBe(true);
  });
});

describe('the same words with no exit', () => {
  it.each([
    "We're preparing the migration to your new version next weekend.",
    'We are planning the move to the new office in March.',
    'If we ever migrated away from your tool, the data export would be the hard part.',
    'We consolidated onto 40 seats after the reorg, which is plenty.',
    'Our team ran a bake-off with Trellis last year and picked you.',
    "The dispatchers used the whiteboard again during Tuesday's outage.",
    "I defended you in the steering meeting and I'd happily do it again.",
    "I can't do it again today, my calendar is full.",
    "Dmitri's team is getting ready to move to the new building.",
    "We won't need your help with the import after all.",
    'The team stopped logging in to the old portal once your app went live.',
    "Let's take the pressure off your support team and batch the requests weekly.",
  ])('%s', (text) => {
    expect(churn(text)).toBe(false);
  });
});
