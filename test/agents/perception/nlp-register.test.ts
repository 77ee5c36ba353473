// Register noise in the reading layer: chat shorthand, missing apostrophes, call fillers, stutters and
// misspelt function words read as the words they stand for, so lemmas, negation and modality come out
// as in edited prose. The sentence keeps its words as written (it is quoted as evidence).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../agents/perception/nlp.js';
import { lemmaLine, negated } from '../../../agents/perception/frames.js';

const line = (text: string) => analyze(text).map((s) => lemmaLine(s).line.trim()).join(' | ');
const negatedWord = (text: string, word: string) => {
  const [s] = analyze(text);
  const i = s.toks.findIndex((t) => t.lemma === word);
  return i >= 0 && negated(s, i);
};

describe('chat shorthand', () => {
  it('reads u, ur, r, pls, w/, w/o, b4, tmrw, lmk as the words they abbreviate', () => {
    expect(line('can u resend the invoice pls')).toMatch(/can you resend the invoice please/);
    expect(line('ur onboarding deck was gr8')).toMatch(/^your onboarding deck/);
    expect(line('we r moving the kickoff')).toMatch(/we be move the kickoff/);
    expect(line('ship it w/ the adapter, not w/o it')).toMatch(/with the adapter , not without it/);
    expect(line('need the slides b4 the board meets tmrw')).toMatch(/before the board meet tomorrow/);
    expect(line('lmk when the sandbox is up')).toMatch(/^let me know when/);
    expect(line('our new mgr hve the nxt qtr numbers')).toMatch(/^our new manager have the next quarter number/);
    expect(line('we are on a trail account since may')).toMatch(/a trial account/);
    expect(line('the hiking trail runs past the depot')).toMatch(/trail run past the depot/);
  });

  it('keeps the sentence as written for quoting', () => {
    const [s] = analyze('can u resend the invoice pls');
    expect(s.text).toBe('can u resend the invoice pls');
  });

  it('leaves a capital U, a letter in a list and a user id alone', () => {
    expect(line('Section U of the annex')).toMatch(/section u of the annex/);
    expect(line('the vendor id is wrong')).toMatch(/the vendor id be wrong/);
  });
});

describe('missing apostrophes', () => {
  it('negated modals without an apostrophe negate their verb', () => {
    expect(negatedWord('honestly we couldnt justify the spend', 'justify')).toBe(true);
    expect(negatedWord('the team wouldnt touch it again', 'touch')).toBe(true);
    expect(negatedWord('they shouldnt need a second licence', 'need')).toBe(true);
  });

  it('im, ill, id, youre, thats read as contractions where the next word is a verb or complement', () => {
    expect(line('im drafting the rollout note')).toMatch(/^i be draft the rollout note/);
    expect(line('ok ill chase finance for the PO')).toMatch(/i will chase finance/);
    expect(line('id love a walkthrough of the audit log')).toMatch(/^i would love a walkthrough/);
    expect(line('youre right about the quota')).toMatch(/^you be right/);
    expect(line('thats the last blocker')).toMatch(/^that be the last blocker/);
  });

  it('but not ill health, a patient who fell ill, or an order id', () => {
    expect(line('Piet fell ill last week')).toMatch(/fall ill last week/);
    expect(line('the ill effects of the outage')).toMatch(/the ill effect/);
    expect(line('your order id like the one in the email')).toMatch(/your order id like/);
  });

  it("'were' is we're only at the head of a clause before a predicate, never after a subject or in a question", () => {
    expect(line('were planning to renew in march')).toMatch(/^we be plan to renew/);
    expect(line('thanks! were still waiting on legal')).toMatch(/we be still wait on legal/);
    expect(line('they were planning to renew')).toMatch(/they be plan to renew/);
    expect(line('were you able to open the file')).toMatch(/^be you able/);
  });

  it("'its' is it's before a predicate, a possessive before its noun", () => {
    expect(line('its been a rough quarter')).toMatch(/^it (?:be|have) be a rough quarter/);
    expect(line('its not urgent')).toMatch(/^it be not urgent/);
    expect(line('the tool and its reporting module')).toMatch(/and its report module/);
  });
});

describe('spoken register', () => {
  it('drops hesitation fillers, a parenthetical "you know" and a filler "like"', () => {
    expect(line('um, we will, uh, send the mockups Friday')).toMatch(/^we will send the mockups? friday/);
    expect(line('so we were, you know, thinking of pausing the rollout')).toMatch(/so we be think of pause the rollout/);
    expect(line('yeah so, like, Jonas is gonna, you know, archive the old tickets')).toMatch(/yes so jonas be go to archive the old ticket/);
    expect(line('we were like thinking about pausing it')).toMatch(/we be think about pause it/);
  });

  it('keeps "let you know", "you know the…" and a "like" that means something', () => {
    expect(line("I'll let you know by noon")).toMatch(/let you know by noon/);
    expect(line('you know the export we discussed')).toMatch(/^you know the export/);
    expect(line('we would like a quote')).toMatch(/we would like a quote/);
  });

  it('collapses a stutter to one word', () => {
    expect(line('we we will sign it')).toMatch(/^we will sign it/);
    expect(line("I- I'll send it over")).toMatch(/^i will send it over/);
    expect(line('he said that that was fine')).toMatch(/say that that be fine/);
  });
});

describe('common misspellings of function words', () => {
  it('reads teh, adn, thier, untill, wich, becuase, tommorow, recieve as spelt right', () => {
    expect(line('we will recieve teh keys adn the badge tommorow')).toMatch(/we will receive the key and the badge tomorrow/);
    expect(line('untill thier audit closes')).toMatch(/^until their audit close/);
    expect(line('wich is odd becuase it worked')).toMatch(/^which be odd because/);
  });

  it('reads an unknown word one keystroke from a word the frames turn on as that word', () => {
    expect(line('we are not extnding the contarct')).toMatch(/we be not extend the contract/);
    expect(line('pls hold the renewl quote')).toMatch(/hold the renewal quote/);
    expect(line('she is resinging in spring')).toMatch(/she be resign in spring/);
  });

  it('but not a name, a real word or a word two edits away', () => {
    expect(line('Renwix sent the file')).toMatch(/^renwix send the file/);
    expect(line('the trail runs past the depot')).toMatch(/^the trail run/);
    expect(line('the xtndng cable')).toMatch(/the xtndng cable/);
    expect(analyze('we migrated in May')[0].toks.map((t) => t.text)).toContain('migrated');
  });
});
