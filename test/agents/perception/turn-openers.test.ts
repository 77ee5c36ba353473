// A call turn or chat often opens with "So, um," or "Okay, so," before its clause; frames that read a
// clause from its start (a note's "Raj asked whether…", a vocative "Ines, could you…", a verbless
// "Promised Ines a walkthrough") lost their start to it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../agents/perception/nlp.js';
import { Story, at, contact } from '../risk/builders.js';

describe('a turn opener set off by a comma', () => {
  it('is read past, with the hesitations after it; the sentence is quoted as said', () => {
    const [s] = analyze('Well, uh, Ines asked if we could move the audit export to Monday.');
    expect(s.toks.map((t) => t.text).slice(0, 2)).toEqual(['Ines', 'asked']);
    expect(s.text).toBe('Well, uh, Ines asked if we could move the audit export to Monday.');
  });

  it('stays where it is part of the clause or all there is', () => {
    expect(analyze('So we chose to stay another year.')[0].toks[0].text).toBe('So');
    expect(analyze('Okay.')[0].toks[0].text).toBe('Okay');
    // "Anyway," dismisses what came before: it is kept for the readers that need it.
    expect(analyze('Anyway, the numbers look fine.')[0].toks[0].text).toBe('Anyway');
  });

  it('reads the ask in our note and the colleague addressed in their chat', () => {
    const s = new Story({ account: { stage: 'customer', domains: ['korvel.eu'] }, contacts: [contact('ines@korvel.eu', 'Ines Mara', 'champion'), contact('piet@korvel.eu', 'Piet Vos', 'user')] });
    expect(s.note(at(-1), 'So, um, Ines asked whether we could extend the trial workspace by two weeks.').insights!.requests?.length).toBe(1);
    expect(s.chat(at(-1), 'piet@korvel.eu', 'Okay, so, Ines, could you send the onboarding list to Sam before Friday?').insights!.requests ?? []).toEqual([]);
  });
});
