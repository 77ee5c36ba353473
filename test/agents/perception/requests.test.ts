// Requests without a question mark or an opening verb: an instruction in a later clause, an
// abbreviation, a wish said as "would be really useful", a passive "should be removed"; and the
// look-alikes that ask nothing (a sign-off, "go ahead", a fix reported done).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../agents/perception/nlp.js';
import { asks } from '../../../agents/perception/question.js';

const asking = (text: string) => analyze(text).some(asks);

describe('requests in other forms', () => {
  it.each([
    'The export drops the last column, please take a look.',
    'Renewal quote looks fine; send the final version over when ready.',
    'lmk when the sandbox is back up',
    'Invoice received, let us know when the credit note is out.',
    'It would be super helpful to have the audit trail as CSV.',
    'The duplicate billing contact should be removed before the next run.',
    'This needs to be escalated to your engineering team.',
  ])('asks: %s', (text) => {
    expect(asking(text)).toBe(true);
  });

  it.each([
    'Maintenance on Sunday suits us, go ahead.',
    'The sync issue should be resolved now, thanks for the patience.',
    'All sorted on our side, see you at the review.',
    'Contract is countersigned, let me know if you have any questions.',
    'We tested it twice and it works, we should be fine.',
    'Sounds good, let me run it past finance first.',
  ])('asks nothing: %s', (text) => {
    expect(asking(text)).toBe(false);
  });
});

describe('softened and subjectless asks', () => {
  it.each([
    'Ready to go, only need the countersigned copy.',
    'Hoping you could clarify the overage terms.',
    'Could use a hand with the SAML metadata.',
    'Would appreciate your take on the rollout order.',
    'Our auditors want to see the access logs for October.',
    'Still waiting on your answer about data residency.',
  ])('asks: %s', (text) => {
    expect(asking(text)).toBe(true);
  });

  it.each([
    'Just need to wrap up the import on our end first.',
    'The analysts would love the new charts, they look great.',
    'We are waiting for the budget decision from our CFO.',
  ])('asks nothing: %s', (text) => {
    expect(asking(text)).toBe(false);
  });
});

describe('the message our reply answers', () => {
  it("what the customer asked is in our reply's quoted part", async () => {
    const { Story, contact } = await import('../risk/builders.js');
    const story = new Story({ contacts: [contact('dana@acme.com', 'Dana Ruiz', 'champion')] });
    const reply = story.email('2026-11-17T10:00:00.000Z', {
      from: 'sam@ourco.com', to: 'dana@acme.com',
      text: 'Sure, you will have it on Friday.\n\nOn Mon, 16 Nov 2026 at 09:12, Dana Ruiz <dana@acme.com> wrote:\n> Could you send the rate card for the EU region?',
    });
    expect(reply.insights!.requests).toEqual([{ text: 'Could you send the rate card for the EU region?' }]);
    expect(reply.insights!.question).toBe(false);
  });
});
