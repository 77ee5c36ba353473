// An unlisted organisation is a competitor in an evaluation frame said in other words (their rep's
// offer, a sandbox or a side-by-side run, a second opinion, a preference, a feature they have and we
// lack); a listed tool the account simply uses sits beside us.
import { describe, expect, it } from 'vitest';
import { findCompetitors } from '../../../agents/perception/competitors.js';

const LIST = ['Gong', 'Clari'];
const inPlay = (text: string) => findCompetitors([{ side: 'them', text }], LIST).filter((c) => c.context === 'evaluation' || c.context === 'mention').map((c) => c.name);

describe('competitors in other words', () => {
  it.each([
    ["Harbinly's account exec called twice this week with a discount.", 'Harbinly'],
    ['We spun up a Lattix sandbox to see how it handles our volumes.', 'Lattix'],
    ['The finance team is running Corvane side by side with you until March.', 'Corvane'],
    ['Our CIO wants a second opinion from Quillora before we commit.', 'Quillora'],
    ['Honestly some of the reps prefer Tamsin\'s mobile app.', 'Tamsin'],
    ['Ostrava Cloud supports offline mode, which you do not.', 'Ostrava Cloud'],
  ])('%s', (text, name) => {
    expect(inPlay(text)).toEqual([name]);
  });

  it.each([
    'Gong records all our calls and we push the notes into your CRM every day.',
    'Our sales team uses Clari for forecasting every day.',
    'Marit prefers the old layout for her reports.',
    'Solveig\'s feedback was that the new board view is cleaner.',
  ])('not in play: %s', (text) => {
    expect(inPlay(text)).toEqual([]);
  });
});
