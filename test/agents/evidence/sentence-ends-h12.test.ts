// A quote cut from a signal must be a whole sentence: the dot inside an e-mail address, a web link
// or a decimal number is not the end of one, so an excerpt never stops at "(jonas." or "v2.".
import { describe, expect, it } from 'vitest';
import { sentences } from '../../../agents/evidence.js';
import { Story, at } from '../risk/builders.js';
import { excerptFor } from '../../../agents/evidence.js';

describe('where a sentence ends', () => {
  it('keeps addresses, links and decimals inside their sentence', () => {
    const text = 'Please copy jonas.weber@kelpie.de on the invoice. Our portal is at billing.kelpie.de/vendors, and we run v3.2 today! Thanks';
    expect(sentences(text)).toEqual([
      'Please copy jonas.weber@kelpie.de on the invoice.',
      'Our portal is at billing.kelpie.de/vendors, and we run v3.2 today!',
      'Thanks',
    ]);
  });

  it('still ends at a full stop before a closing quote or at the end of a line', () => {
    expect(sentences('She said "done." Then left.\nNext line?')).toEqual(['She said "done."', 'Then left.', 'Next line?']);
  });

  it('quotes a structured record whole, address included', () => {
    const s = new Story({ account: { name: 'Kelpie', domains: ['kelpie.de'], stage: 'proposal' } });
    const sig = s.add({ kind: 'engagement', occurredAt: at(-1), event: 'proposal_viewed', contactEmail: 'jonas.weber@kelpie.de' });
    expect(excerptFor(sig, 'proposal')).toBe('proposal viewed by jonas.weber@kelpie.de');
  });
});
