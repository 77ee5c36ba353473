// Churn read from the act and what it acts on (churn-ends.ts): an ending verb whose object is ours, a
// replacement sought, use collapsing, the champion's credit spent, a termination paper, not carrying
// on, a stop-gap term, typos mended; and the same words where the object is someone else's, the act is
// denied or hypothetical, a feature is superseded, a fault stops use, or the person is the one moving.
import { describe, expect, it } from 'vitest';
import { churn, frame } from './churn-read.js';

describe('churn from acts on what we sell', () => {
  it.each([
    'Ops is itching to bin your software before the next budget cycle.',
    'The Leeds hub switched off your handhelds on Monday and went back to clipboards.',
    'Practically speaking, that means decommissioning your platform by autumn.',
    'We will end the partnership with your company at the close of the fiscal year.',
    'Our CIO told me to source bids for a replacement before spring.',
    'Bring me alternatives before the board meets.',
    'Last week we signed heads of terms with a rival provider.',
    'We are costing up what it takes to build this in-house.',
    'Engagement has plummeted since June.',
    'None of the planners have really opened it since the summer.',
    "I have run out of excuses for you with the COO.",
    "I won't go to bat for another year of this.",
    'Counsel will issue our cancellation notice this week.',
    "Honestly my advice will be that we don't continue.",
    'We plan to leave once the agreement is up.',
    "After June we'd stay on a rolling monthly deal until we decide what to do.",
    'We are now reviewing whether the warehouse can stay on your system at all.',
    'Why are we still paying for this?',
    "The payback just isn't there.",
    'we r def not renwing the contrct',
  ])('reads churn: %s', (text) => {
    expect(frame(text)).toBe(true);
  });

  it.each([
    "Nobody here is planning to drop you, whatever you hear.",
    'We nearly scrapped the whole thing in the first month, and now every hub relies on it.',
    'If we ever retired your app, the drivers would revolt.',
    'I had to kill the app and restart it twice this morning.',
    'Please remove the old barcode scanners from the asset list.',
    'We are replacing our payroll provider; another supplier for payroll starts in May.',
    'We compared alternatives before choosing you three years ago.',
    'Could you suggest alternatives for the workshop date?',
    'We need a replacement for Tomas while he is on paternity leave.',
    'Nobody at the hub can log in since the release this morning.',
    'Nobody opens the weekly digest now that the new dashboard is live.',
    'Nobody in finance uses it, which is fine, it is built for operations.',
    'Nobody on the ops floor uses spreadsheets any more.',
    'Adoption dipped when we moved the reps to new territories, but it has recovered.',
    "Kasia's contract with us was not renewed, so she left on Friday.",
    'He has gone to another freight forwarder in Hamburg.',
    'Our standard termination notice period is ninety days.',
    // The writer's framing holds for the whole message: said not to be about us, or called low priority, in another sentence.
    "The dockworkers are threatening to strike over the new shifts. Nothing to do with your app, just a warning it's hectic here.",
    'The map view keeps resetting its zoom, slightly irritating. Low priority.',
  ])('no churn, nor a complaint about us: %s', (text) => {
    expect(churn(text)).toBe(false);
  });
});

