// Scope of negation, condition, modality and tense across clause boundaries, in fresh words.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../agents/perception/nlp.js';
import { conditionAfter, conditionBefore, modalityAt, negated } from '../../../agents/perception/frames.js';

const at = (text: string, word: string) => {
  const [s] = analyze(text);
  const i = s.toks.findIndex((t) => t.lower === word || t.lemma === word);
  if (i < 0) throw new Error(`${word} not in ${text}`);
  return { s, i };
};
const neg = (text: string, word: string) => { const { s, i } = at(text, word); return negated(s, i); };
const cond = (text: string, word: string) => { const { s, i } = at(text, word); return conditionBefore(s, i)?.word; };

describe('negation scope', () => {
  it('a negative subject negates its verb ("Nobody on the floor will miss it")', () => {
    expect(neg('Nobody on the night shift will miss the old scanner app.', 'miss')).toBe(true);
    expect(neg('No one in finance has opened the dashboard since June.', 'open')).toBe(true);
    expect(neg('None of the planners use the forecast view.', 'use')).toBe(true);
  });

  it('but not past a clause break or in a later clause', () => {
    expect(neg('Nobody complained, so we are renewing the plan.', 'renew')).toBe(false);
    expect(neg('Nothing is broken; we are simply moving the budget to another tool.', 'move')).toBe(false);
  });

  it('"not because X but because Y": neither the main verb nor Y is denied', () => {
    expect(neg('We are pausing the rollout not because of cost but because the drivers resist it.', 'pause')).toBe(false);
    expect(neg('We are pausing the rollout not because of cost but because the drivers resist it.', 'resist')).toBe(false);
  });
});

describe('condition scope', () => {
  it('"if"/"unless" before a main clause conditions it', () => {
    expect(cond('If the board signs off, we will extend to the Lyon site.', 'extend')).toBe('if');
    expect(cond('Unless the price drops, then we walk away in March.', 'walk')).toBe('unless');
  });

  it('"even if" concedes: what follows holds regardless', () => {
    expect(cond('Even if the migration slips, we will sign the order this month.', 'sign')).toBeUndefined();
  });

  it('a whether-"if" after check/ask/see ends at the next coordinated verb', () => {
    expect(cond('I will check if the export finished and send you the file tonight.', 'send')).toBeUndefined();
    expect(cond('I will check if the export finished and send you the file tonight.', 'finish')).toBe('if');
  });

  it('a trailing condition after the verb', () => {
    const { s, i } = at('We will add the Lyon team if the pilot goes well.', 'add');
    expect(conditionAfter(s, i)?.word).toBe('if');
    const b = at('We will add the Lyon team, and the pilot went well.', 'add');
    expect(conditionAfter(b.s, b.i)).toBeUndefined();
    const c = at('Let me know if the quote changes.', 'know');
    expect(conditionAfter(c.s, c.i)?.word).toBe('if');
  });
});

describe('modality and tense', () => {
  it('"would have" is a past that did not happen', () => {
    const { s, i } = at('We would have renewed if the API had shipped.', 'renew');
    expect(modalityAt(s, i)).toMatchObject({ counterfactual: true });
  });

  it('"used to" is a habit given up', () => {
    const { s, i } = at('The depot team used to export everything to Excel.', 'export');
    expect(modalityAt(s, i)).toMatchObject({ formerHabit: true });
  });

  it('would/could/might alone are hypothetical; will is not', () => {
    expect(modalityAt(...Object.values(at('We might move the Porto users next year.', 'move')) as [never, number])).toMatchObject({ hypothetical: true });
    expect(modalityAt(...Object.values(at('We will move the Porto users next year.', 'move')) as [never, number])).toMatchObject({ hypothetical: false, counterfactual: false });
  });

  it('reported speech names who said it', () => {
    const { s, i } = at('Marta said they would cancel the second workspace.', 'cancel');
    expect(modalityAt(s, i)).toMatchObject({ reportedBy: 'Marta' });
    const own = at('We will cancel the second workspace.', 'cancel');
    expect(modalityAt(own.s, own.i).reportedBy).toBeUndefined();
  });
});
