// Churn read from the exit prepared or the relationship running down (churn-exits.ts), and the frame
// words read with another meaning (offFrame in churn.ts, the guards in churn-frames.ts and churn-ends.ts):
// a renewal as a landmark or an adjective's oblique, the point of another act, other matters looked at,
// planned non-use, a named tool never used, a disbanded group's seats, a person's contract, a site of
// theirs kept open. Sentences in new words.
import { describe, expect, it } from 'vitest';
import { frame } from './churn-read.js';

describe('churn from the exit being prepared', () => {
  it.each([
    // what we would lose if we left
    'Finance wants a note on what stops working if we turn off your app in April.',
    'Can someone list what we would lose if we go with the other supplier?',
    'I need a view of what would break if we pull the plug on the subscription.',
    // a vendor chosen, and it won't be you
    'The group is picking one provider for all regions, and it will not be you.',
    // the wind-down
    'Marit will coordinate the wind-down with your team.',
    'During the wind-down we still need read access.',
    // continued use blocked
    'Audit will not sign off continued use of the portal after March.',
    'We cannot authorise further renewal under these terms.',
    // our need ending
    'From spring we will not need your licences any more.',
    "We no longer need the platform after the merger completes.",
    // count or usage falling
    'The seat count for next term is going down from 120 to 45.',
    'Adoption across the depots is down 30% on last quarter.',
    // a selection run while we are the bridge
    'Next year is an interim arrangement while we run a full vendor selection.',
    // rebuilt in-house
    'Our own engineers think they can rebuild the part we actually use.',
    // the contract the only thing keeping them
    "Honestly, if the term didn't tie us in we'd have been gone by now.",
    // routed around, outlook, defence exhausted, not here next year
    'The dispatch team works around the tool these days.',
    "The decision sits with the board and it is not looking good for your renewal.",
    "I'm done defending this platform in steering meetings.",
    'I am running out of ways to justify it to the CFO.',
    'Nobody wants to invest time in something that may not be here next year.',
    // talk of replacing, rival quotes, someone in our place
    "In the review the word 'replace' came up twice.",
    'Procurement asked for three competing quotes ahead of the renewal.',
    'The draft plan has a line for Brightloop where you used to be.',
    // the exit checklist, someone's whether-it-stays, the other half of the team
    'How long is our data kept after termination? It is for the exit checklist.',
    'All of it is frozen until the executives decide whether your platform stays.',
    "The other half of the team keep asking me why we're still paying for this.",
  ])('reads churn: %s', (text) => {
    expect(frame(text)).toBe(true);
  });
});

describe('the same words, no churn with us', () => {
  it.each([
    // nothing needed from us
    'Nothing more needed from you this week.',
    // a message sent
    "I'll drop you a note when the change window closes.",
    // a renewal as a landmark or an oblique
    "That question isn't related to your renewal at all.",
    "I don't expect the headcount to change before the renewal.",
    // the point of another act
    "I don't see the point in re-running the pilot survey.",
    // other matters
    'Once the audit closes I can look at other projects.',
    // planned non-use, a named tool never used
    "The new site will be run by loaders who'll never touch the platform.",
    "Corvent got bought last week; our ops team never used it anyway.",
    // seats of a group that is gone
    "We won't renew the weekend crew's licences; that crew has been disbanded.",
    // a person's contract
    "Bruno's contract ended in October and they didn't extend, so Ilse takes his tasks.",
    // a site of theirs kept open
    'The real question is whether we keep the Malmo warehouse open at all.',
    // other words near the new frames
    'Whatever we decide, the winner of the tender for forklifts will be announced in May.',
    'Our data team wrote a script to build the weekly export.',
    'We are migrating payroll to the new platform next month.',
    "If the new hire doesn't work out we'd be back to square one.",
    "Greta will be your contact for the handover of the renewal paperwork.",
    'Usage went down over the Christmas break, as it does every year.',
  ])('reads no churn: %s', (text) => {
    expect(frame(text)).toBe(false);
  });
});
