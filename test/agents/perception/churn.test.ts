// Churn and dissatisfaction are about us: an ending said in any words (an idiom, a notice, moving to
// something else, value not seen, nobody using it), and not a fault report without feeling, a
// complaint about the account's own tools or a third party, or a third party that was dropped.
import { describe, expect, it } from 'vitest';
import { churn, frame } from './churn-read.js';

describe('churn frames', () => {
  it.each([
    'Leadership has decided to walk away from the platform at the end of the term.',
    'We are paying a lot and getting very little value out of it.',
    'Honestly nobody on the floor opens it anymore.',
    "We'll most likely go with a cheaper option next year.",
    'Consider this email our formal notice of non-renewal.',
    'The CFO wants to pull the plug before the next invoice.',
    'We still struggle to see the value for the money.',
    'Finance is assessing whether to keep the licences past March.',
    'Next year we will scale down to the starter tier.',
    'I can no longer defend the spend to my CFO.',
    'Realistically I cannot see us renewing in this state.',
    'No one relies on the forecasts any more.',
    'The roadmap items we were promised have yet to arrive.',
    'Renewal is far from guaranteed.',
    'We are not getting any real return from it.',
    'Procurement asked me to explore alternatives before March.',
    'I have to write up the case for replacing your platform.',
    'We are done dealing with your billing team.',
  ])('reads an ending or lost value: %s', (text) => {
    expect(frame(text)).toBe(true);
  });

  it.each([
    'Before year end, what else do you need from our side?',
    'We switched off Tallyrow once everyone moved to your dashboards.',
    'They ripped out Quorra years ago and nobody misses it.',
    'We are weighing whether to renew early and lock in the rate.',
    'No one wants to skip the kickoff.',
    'We are exploring alternatives to our current courier provider.',
  ])('not an ending of ours: %s', (text) => {
    expect(frame(text)).toBe(false);
  });
});

describe('dissatisfaction is about us', () => {
  it.each([
    'Our printer vendor has been a nightmare all week.',
    'My VPN keeps dropping, our IT team is hopeless today.',
    'Getting an error 403 when I open the settings page.',
    'Is there a way to limit who can delete projects?',
    'The PO is 7731, please reference it on the invoice.',
    'The old IDs came from Quorra, so skip those rows.',
    'No worries at all, take your time with the review.',
    'Not a problem, Thursday works too.',
    'Nobody cares about the legacy report, feel free to drop it.',
  ])('not churn: %s', (text) => {
    expect(churn(text)).toBe(false);
  });

  it.each([
    'The dashboards have been wrong for three weeks and my managers have given up on them.',
    'Every release breaks something else and we are losing customers over it.',
    'We are really disappointed with how your team handled the migration.',
  ])('churn: %s', (text) => {
    expect(churn(text)).toBe(true);
  });
});

describe('churn read from roles: what is cut, to whom it is escalated, whose trust is lost', () => {
  it.each([
    'To hit the savings target we must trim our seats from 90 to 40.',
    'The CFO would like the line for this tool gone by April.',
    'I am taking this up with your chief executive tomorrow.',
    'Faith in the forecasts has been eroded by months of bad numbers.',
    "I honestly can't vouch for the platform to my board any more.",
    'We were promised a native Teams integration last spring.',
    'Our directors are rethinking the whole subscription.',
    'We have begun mapping out how we would operate without your tool.',
  ])('churn frame: %s', (text) => {
    expect(frame(text)).toBe(true);
  });

  it.each([
    'We are trimming the catering budget, nothing that affects your platform.',
    'We cut the seats for the Oslo team because that office is closing.',
    'The export came out far better than what we were promised.',
    'Escalated to your tier two desk and it was sorted in minutes.',
    'A peer at another haulage firm dropped your product last year.',
    'Last winter we nearly walked away, but your new support lead won us back.',
    'We will not be renewing the warehouse lease.',
  ])('no churn frame: %s', (text) => {
    expect(frame(text)).toBe(false);
  });
});

