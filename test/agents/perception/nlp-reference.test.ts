// Reference in the shared layer: which noun phrase or name "it", "they", "she", "that" stands for, and
// the subject a fragment leaves unsaid. In fresh words; frames call antecedentOf / elidedSubject.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../agents/perception/nlp.js';
import { antecedentOf, elidedSubject } from '../../../agents/perception/nlp-reference.js';

/** The referent of the n-th occurrence (0-based) of a pronoun in a text. */
function refOf(text: string, pronoun: string, opts = {}, n = 0) {
  const sents = analyze(text);
  let seen = 0;
  for (let si = 0; si < sents.length; si += 1) {
    for (const t of sents[si].toks) {
      if (t.lower !== pronoun) continue;
      if (seen === n) return antecedentOf(sents, si, t.i, opts)?.text;
      seen += 1;
    }
  }
  return undefined;
}

describe('pronouns', () => {
  it('"it" takes the latest thing or tool before it, across sentences', () => {
    expect(refOf('We trialled Quillpath over the summer. It never synced with our ERP.', 'it')).toBe('Quillpath');
    expect(refOf('The revised order form arrived this morning. Can you countersign it?', 'it')).toBe('The revised order form');
    expect(refOf('Mirela loved the new heatmap view, and she wants it for the Porto depot too.', 'it')).toBe('the new heatmap view');
  });

  it('"it" skips people and times', () => {
    expect(refOf('Ana reviewed the retention clause on Monday. It still needs a tweak.', 'it', { people: ['Ana Costa'] })).toBe('the retention clause');
  });

  it('"she"/"he" take a person: a known contact, a name, or a role noun', () => {
    expect(refOf('Brightline Systems called, then Ana rang back. She is keen.', 'she', { people: ['Ana Costa'] })).toBe('Ana');
    expect(refOf('Our new finance director starts in May and he will own the budget.', 'he')).toBe('Our new finance director');
  });

  it('"they" takes an organisation, a group or a plural', () => {
    expect(refOf('We met Harlow Logistics on Tuesday. They quoted far below you.', 'they')).toBe('Harlow Logistics');
    expect(refOf('The depot supervisors saw the demo and they want logins.', 'they')).toBe('The depot supervisors');
    expect(refOf('Procurement came back on the terms. They want net 60.', 'they', { orgs: [] })).toBe('Procurement');
  });

  it('a caller can rule a candidate out', () => {
    expect(refOf('We compared Tallyo and Corvane. They felt slow.', 'they', { orgs: ['Tallyo', 'Corvane'], reject: (r: { text: string }) => r.text === 'Corvane' })).toBe('Tallyo');
  });

  it('nothing for I/we/you, and nothing when no candidate agrees', () => {
    expect(refOf('We will send it.', 'we')).toBeUndefined();
    expect(refOf('Thanks for Tuesday. It was useful.', 'it')).toBeUndefined();
  });
});

describe('elided subjects', () => {
  it('a fragment without its subject takes the sentence before it', () => {
    const sents = analyze('Oakridge pitched their routing suite last week. Way too pricey for us.');
    expect(elidedSubject(sents, 1, { orgs: ['Oakridge'] })?.text).toBe('Oakridge');
    const chain = analyze('We evaluated Pellinor in spring. Dropped it after the pilot.');
    expect(elidedSubject(chain, 1)?.text).toBe('We');
  });

  it('a sentence with its own subject, or an imperative, has none', () => {
    expect(elidedSubject(analyze('Gantry sent a quote. The price is fair.'), 1)).toBeUndefined();
    expect(elidedSubject(analyze('Gantry sent a quote. Please check it.'), 1)).toBeUndefined();
  });
});
