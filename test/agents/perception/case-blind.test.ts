import { describe, expect, it } from 'vitest';
import { analyze } from '../../../agents/perception/nlp.js';
import { asWritten, caseBlind } from '../../../agents/perception/case-blind.js';
import { findCompetitors } from '../../../agents/perception/competitors.js';
import type { Utterance } from '../../../agents/perception/utterances.js';
import { Story, at, contact } from '../risk/builders.js';

const them = (text: string): Utterance[] => [{ side: 'them', text }];
const rivals = (text: string) => findCompetitors(them(text), ['Clari', 'Salesloft']).filter((c) => c.context === 'evaluation').map((c) => c.name);

describe('messages typed all in lower case', () => {
  it('an unknown word in the evaluation frame is read as the name it would be with a capital', () => {
    expect(rivals('ran a two week pilot with zephyrix, their routing felt faster than yours tbh')).toEqual(['Zephyrix']);
    expect(rivals('procurement wants a quote from trelloway before we sign anything')).toEqual(['Trelloway']);
    // A list shares the slot, and a name before the thing evaluated is the vendor's (both missed when read by case).
    expect(rivals('the shortlist is down to you, corvane and ashgrove')).toEqual(['Corvane', 'Ashgrove']);
    expect(rivals('honestly the tarnby trial went well, their mobile app is nicer')).toEqual(['Tarnby']);
    // A listed rival typed in lower case is the listed one.
    expect(rivals('we are comparing you against salesloft this quarter')).toEqual(['Salesloft']);
  });

  it('quotes the sentence as it was typed', () => {
    const [mention] = findCompetitors(them('ran a two week pilot with zephyrix last month'), []);
    expect(mention?.text).toBe('ran a two week pilot with zephyrix last month');
  });

  it('common nouns the model does not know, acronyms and determined phrases stay words', () => {
    expect(rivals('can u resend the pdf, the old link is dead')).toEqual([]);
    expect(rivals('the leadership team has lost faith in the roadmap you showed us')).toEqual([]);
    const s = caseBlind(analyze('we want your dashboards and the leaderboard compared with what we had')[0]);
    expect(s.toks.filter((t) => t.cap).map((t) => t.text)).toEqual([]);
  });

  it('a sentence with any capital is read as written', () => {
    const s = analyze('We had a demo from zephyrix')[0];
    expect(caseBlind(s)).toBe(s);
    const lower = caseBlind(analyze('we had a demo from zephyrix')[0]);
    expect(lower.text).toBe('we had a demo from Zephyrix');
    expect(asWritten(lower)).toBe('we had a demo from zephyrix');
  });
});

describe('people in a message typed all in lower case', () => {
  const s = new Story({ account: { stage: 'customer', domains: ['halberd.io'] }, contacts: [contact('oona@halberd.io', 'Oona Falk', 'champion'), contact('teo@halberd.io', 'teo@halberd.io', 'economic_buyer')] });
  const read = (text: string) => s.email(at(-1), { from: 'teo@halberd.io', to: 'sam@ourco.com', text }).insights!.stakeholderChanges;

  it('a known contact or an unknown name leaving, moving or arriving is read, and quoted as typed', () => {
    const [gone] = read("heads up, oona handed in her notice, friday is her last day with us");
    expect(gone).toMatchObject({ contactEmail: 'oona@halberd.io', change: 'left', text: 'heads up, oona handed in her notice, friday is her last day with us' });
    expect(read('fyi wendeline quit last week, she went to a competitor').map((c) => [c.name, c.change])).toEqual([['Wendeline', 'left']]);
    expect(read('we just hired a new head of data, kasimir olander, he starts monday').map((c) => c.change)).toEqual(['joined']);
  });

  it('the look-alikes stay none', () => {
    expect(read('oona is leaving early today, dentist')).toEqual([]);
    expect(read("oona left a few comments on the draft, can u take a look")).toEqual([]);
  });
});

describe('promises in a message typed all in lower case', () => {
  const s = new Story({ account: { stage: 'customer', domains: ['halberd.io'] }, contacts: [contact('oona@halberd.io', 'Oona Falk', 'champion'), contact('teo@halberd.io', 'teo@halberd.io', 'economic_buyer')] });
  const promises = (text: string) => s.email(at(-1), { from: 'teo@halberd.io', to: 'sam@ourco.com', text }).insights!.commitments;

  it('a named person of theirs taking an action, quoted as typed', () => {
    const [p] = promises('oona will send over the signed security addendum by friday');
    expect(p).toMatchObject({ owner: 'them', text: 'oona will send over the signed security addendum by friday' });
    expect(p.deliverable?.toLowerCase()).toBe('the signed security addendum');
  });

  it('no promise where the person only has a plan of her own', () => {
    expect(promises('oona will be out of office on friday')).toEqual([]);
  });
});

describe('asks in a message typed all in lower case', () => {
  const s = new Story({ account: { stage: 'customer', domains: ['halberd.io'] }, contacts: [contact('oona@halberd.io', 'Oona Falk', 'champion'), contact('teo@halberd.io', 'teo@halberd.io', 'economic_buyer')] });

  it('a question put to their own colleague by name is not put to us', () => {
    const asked = s.chat(at(-1), 'teo@halberd.io', 'oona, can you send sam the list of users who need their access removed?').insights!;
    expect(asked.requests ?? []).toEqual([]);
    expect(s.chat(at(-1), 'teo@halberd.io', 'sam, can you send me the list of users who still have admin access?').insights!.requests?.length).toBe(1);
  });

  it('our note reporting what a named person of theirs asked, quoted as typed', () => {
    const note = s.note(at(-1), 'call w/ teo. oona asked whether we could move the admin training to tuesday').insights!;
    expect(note.requests?.map((r) => r.text)).toEqual(['oona asked whether we could move the admin training to tuesday']);
  });
});
