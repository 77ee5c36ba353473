// The shared language layer, second pass: a restart across a hesitation, a capitalised verb opening a
// sentence, and what "she", "he", "her" or "their" refer to (officers' acronyms, a noun followed by a
// time word, a pronoun repeated in its sentence, a subject pronoun after a verb of saying).
import { describe, expect, it } from 'vitest';
import { analyze, type Tok } from '../../../agents/perception/nlp.js';
import { normaliseRegister } from '../../../agents/perception/nlp-register.js';
import { antecedentOf } from '../../../agents/perception/nlp-reference.js';

const first = (t: string): Tok => analyze(t)[0].toks[0];
/** The referent of the n-th (from 0) occurrence of a pronoun in a text. */
function referent(text: string, pronoun: string, n = 0): string | undefined {
  const sents = analyze(text);
  let seen = 0;
  for (const [si, s] of sents.entries()) {
    for (const [k, t] of s.toks.entries()) {
      if (t.lower !== pronoun || seen++ !== n) continue;
      return antecedentOf(sents, si, k)?.text;
    }
  }
  return undefined;
}

describe('a hard-wrapped email', () => {
  const texts = (t: string) => analyze(t).map((x) => x.text);

  it('joins a line to the rest of its sentence on the next, capitalised or not', () => {
    expect(texts('Before Monday you should know that finance has invited\nCorvane to bid for the same 80 seats.')).toHaveLength(1);
    expect(texts('The shortlist is down to two: you and Brask\nAnalytics.')).toHaveLength(1);
    expect(texts('The DPA came back from our lawyers this morning with comments;\nnone of them block signature.')).toHaveLength(1);
    expect(texts('We asked whether the export could cope with our month-end load,\nand it did, comfortably.')).toHaveLength(1);
    expect(texts('From December the integration is owned by Mrs.\nIrena Kowal in our Gdynia office.')).toHaveLength(1);
  });

  it('but a signature, a title or a greeting after a long line stays a line of its own', () => {
    expect(texts('Thanks again for taking the time to walk us through the roadmap\nPetra')).toHaveLength(2);
    expect(texts('Thanks again for taking the time to walk us through the roadmap,\nHead of Operations')).toHaveLength(2);
    expect(texts('Hi Sam,\nthe invoice is attached.')).toHaveLength(2);
  });
});

describe('a restart across a hesitation', () => {
  it('drops the false start with the filler', () => {
    expect(normaliseRegister("We'll, uh, we'll send the order form Friday.").text).toBe("we'll send the order form Friday.");
    expect(normaliseRegister('The, er, the Leeds office wants ten more seats.').text).toBe('the Leeds office wants ten more seats.');
    expect(normaliseRegister("They, um, they've picked another vendor.").text).toBe("they've picked another vendor.");
    expect(normaliseRegister('We have been, uh, we have been patient.').text).toBe('we have been patient.');
  });

  it('keeps the sentence quoted as said', () => {
    expect(analyze("I'm, um, I'm sending the export tonight.")[0].text).toBe("I'm, um, I'm sending the export tonight.");
  });

  it('and a hesitation with no restart is dropped alone', () => {
    expect(normaliseRegister('um, we will, uh, send the mockups Friday').text).toBe('we will send the mockups Friday');
  });
});

describe('a capitalised -ing or -ed word opening a sentence before its object', () => {
  it('is the verb, with its verb lemma', () => {
    expect(first('Closing this ticket from our side.')).toMatchObject({ pos: 'VERB', lemma: 'close' });
    expect(first('Chased Tomasz for the PO again.')).toMatchObject({ pos: 'VERB', lemma: 'chase' });
  });

  it('but a name stays a name, and a feeling before its clause is no verb', () => {
    expect(first('Harding signed the order form.').pos).toBe('PROPN');
    expect(first('Disappointed we lost the slot at the offsite.').pos).not.toBe('VERB');
  });
});

describe('negation of a word of doubt or reluctance', () => {
  const negatedWords = (t: string) => analyze(t).flatMap((x) => x.toks).filter((x) => x.neg).map((x) => x.lower);

  it('asserts what follows it', () => {
    expect(negatedWords('No doubt the board will approve the upgrade.')).toEqual(['doubt']);
    expect(negatedWords("We won't hesitate to countersign it.")).toEqual(['hesitate']);
    expect(negatedWords("The depot can't wait to start on the new app.")).toEqual(['wait']);
  });

  it('but a plain negation, or "won\'t wait", keeps its scope', () => {
    expect(negatedWords("We won't wait for the quote to cancel.")).toContain('cancel');
    expect(negatedWords("We won't renew at this price.")).toContain('renew');
  });
});

describe('reference', () => {
  it('an officer written as an acronym is a person', () => {
    expect(referent('The CRO wants a comparison with Clari. She used it before.', 'she')).toBe('The CRO');
    expect(referent('Our new CMO started on Monday. He asked for a demo.', 'he')).toBe('Our new CMO');
    expect(referent('The GM signed off; he wants the paperwork today.', 'he')).toBe('The GM');
  });

  it('a noun followed by a word of time still heads its phrase', () => {
    expect(referent('Greta met the vendor yesterday. She liked their pricing.', 'their')).toBe('the vendor');
  });

  it('a pronoun repeated in its sentence, with nothing agreeing between, is the same one', () => {
    expect(referent('The CRO wants a comparison with Clari. She ran it at her last company.', 'her')).toBe('The CRO');
  });

  it('a subject pronoun after a verb of saying may be the one who said it', () => {
    expect(referent('Ana said she would sign after lunch.', 'she')).toBe('Ana');
  });
});
