import { describe, expect, it } from 'vitest';
import { withoutLetterFormulas } from '../../../agents/perception/letter-formulas.js';
import { sentimentOf } from '../../../agents/perception/sentiment.js';
import { CHURN_SENTIMENT_THRESHOLD } from '../../../evals/perception/score.js';
import type { Utterance } from '../../../agents/perception/utterances.js';

const them = (text: string): Utterance[] => [{ side: 'them', text }];
const BODY = 'Our invoices have been wrong three months running and my controller is furious. We are paying for a service we cannot rely on.';

describe('letter formulas', () => {
  it('drops the salutation, the closing and the signature block under it', () => {
    const letter = `Dear Tomás,\n\n${BODY}\n\nKind regards,\nHelga Brandt\nHead of Finance Operations\nBrandt & Söhne GmbH | +49 30 1234567`;
    expect(withoutLetterFormulas(letter)).toBe(BODY);
    expect(withoutLetterFormulas(`hey team!\n${BODY}\ncheers - Helga`)).toBe(BODY);
  });

  it('keeps a thanks that says something, a long tail that is no signature, and a message that is only a formula', () => {
    expect(withoutLetterFormulas('Thanks for nothing. The import failed again.')).toBe('Thanks for nothing. The import failed again.');
    const tail = `${BODY}\n\nThanks,\n${'We also need the audit trail for every change made by an admin in the last quarter, with who, when and what. '.repeat(2)}`;
    expect(withoutLetterFormulas(tail)).toBe(tail.trim());
    expect(withoutLetterFormulas('Many thanks!')).toBe('Many thanks!');
  });

  it('a complaint signed off politely reads as negative as the bare complaint', () => {
    const bare = sentimentOf(them(BODY));
    const signed = sentimentOf(them(`Hello Tomás,\n\n${BODY}\n\nThanks in advance,\nHelga\nHead of Finance Operations\nBrandt & Söhne`));
    expect(bare.sentiment).toBeLessThanOrEqual(CHURN_SENTIMENT_THRESHOLD);
    expect(signed.sentiment).toBeCloseTo(bare.sentiment, 5);
    expect(signed.negativeText).toBe(bare.negativeText);
  });
});
