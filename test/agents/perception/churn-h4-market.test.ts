// The account beaten in its own market (someoneElses in churn-frames.ts): no grievance with us, for the
// churn frames or for sentiment; the same loss blamed on us stays negative. Sentences in new words.
import { describe, expect, it } from 'vitest';
import { churn } from './churn-read.js';

describe("the account's own market", () => {
  it.each([
    'Ha, Brennick Haulage just undercut us on the Tallinn lane by two euros a pallet, sales are furious.',
    'We lost the Antwerp tender to a cheaper haulier and the board is livid.',
    'A rival forwarder poached our biggest retail client last week, awful news.',
  ])('reads no churn: %s', (text) => {
    expect(churn(text)).toBe(false);
  });
  it('a loss blamed on us stays negative', () => {
    expect(churn('Your outage cost us the Antwerp tender, we lost the deal to a rival and I am furious.')).toBe(true);
  });
});
