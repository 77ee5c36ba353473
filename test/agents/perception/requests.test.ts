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
  ])('asks nothing: %s', (text) => {
    expect(asking(text)).toBe(false);
  });
});
