// Chat and hurried mail often leave out the full stop between two sentences; a promise or an ask in
// the second one was read as part of the first.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../agents/perception/nlp.js';
import { Story, at, contact } from '../risk/builders.js';

const texts = (t: string) => analyze(t).map((s) => s.text);

describe('sentences typed without the full stop between them', () => {
  it('a clause opener capitalised mid-line starts a new sentence', () => {
    expect(texts("the migration script ran clean overnight We will switch the old tenant off on Monday")).toEqual(['the migration script ran clean overnight', 'We will switch the old tenant off on Monday']);
    expect(texts('quick one on the invoice Could you split it by cost centre')).toEqual(['quick one on the invoice', 'Could you split it by cost centre']);
  });

  it('not inside a title, after a word that leads on, in a condition or in reported speech', () => {
    expect(texts('Onboarding checklist for Your Admins')).toHaveLength(1);
    expect(texts('if finance signs off this week We can start the rollout in May')).toHaveLength(1);
    expect(texts('told Marta I will send the figures by Friday')).toHaveLength(1);
  });

  it('our promise after a run-on is read', () => {
    const s = new Story({ account: { stage: 'customer', domains: ['korvel.eu'] }, contacts: [contact('ines@korvel.eu', 'Ines Mara', 'champion')] });
    const promises = s.email(at(-1), { from: 'sam@ourco.com', to: 'ines@korvel.eu', text: "thanks for the patience on the data fix I'll send the corrected export by Thursday" }).insights!.commitments;
    expect(promises.map((p) => p.owner)).toEqual(['us']);
  });
});
