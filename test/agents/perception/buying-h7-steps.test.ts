// Buying steps said of the deal itself (the paper, the money or the approval as the subject, a pronoun
// standing for it), and look-alikes that are someone else's deal, a routine, a duty or a budget merely named.
import { describe, expect, it } from 'vitest';
import { findBuying } from '../../../agents/perception/buying.js';

const said = (text: string) => findBuying([{ side: 'them', text }]).length > 0;

describe('a verdict said of the deal', () => {
  it.each([
    // The paper, the money or the approval as the subject, in the passive or intransitive.
    'Finance came back: the spend is approved.',
    'Good news, the business case went through at the exec meeting.',
    'The money for your platform has been ring-fenced.',
    'The PO for the 40 licences went in this morning.',
    'Our budget request for the analytics module was granted.',
    'The DPA has now been executed on our side.',
    'Vendor security assessment: cleared.',
    // A pronoun for a deal named before it.
    'Your proposal got a warm reception. It was approved by the steering group this morning.',
    'I had a look at your MSA yesterday. It has been signed off by Rafael.',
    'We sent your pen test report to our assessors. It passed without comment.',
  ])('reads the step: %s', (text) => {
    expect(said(text)).toBe(true);
  });

  it.each([
    // Someone else's deal, or ours set apart.
    "The freight forwarder's contract was signed last month.",
    'The deal with the Danish retailer went through last night!',
    'The budget for the Gdansk depot refit came through.',
    'Our quarterly budget got approved, nothing to do with you.',
    'Our new hire signed her contract. It was approved by HR.',
    // The pronoun doing something, not having it done to it.
    'We got your proposal. Honestly it cleared nothing up.',
    'We discussed the contract. It was a long meeting.',
    // A budget named, owned or judged; a duty gained.
    'I still hold the budget for your platform, whatever you may have heard.',
    'The budget for the tool is tight this year.',
    'She was promoted, so she can approve the shift rotas herself now.',
  ])('not a step: %s', (text) => {
    expect(said(text)).toBe(false);
  });
});
