// Roles a vendor plays in the customer's buying that the frame had no slot for, and names that are no
// vendor of ours whatever frame they stand in (competitor-weighed.ts, competitor-outsiders.ts and their
// hooks). Sentences in fresh words, a positive and a hard negative for each class.
import { describe, expect, it } from 'vitest';
import { findCompetitors } from '../../../agents/perception/competitors.js';

const LIST = ['Gong', 'Clari'];
const inPlay = (text: string, before?: string) =>
  findCompetitors([...(before ? [{ side: 'us' as const, text: before }] : []), { side: 'them', text }], LIST)
    .filter((c) => c.context === 'evaluation' || c.context === 'mention')
    .map((c) => c.name);

function cases(title: string, found: Array<[string, string[]]>, none: string[]): void {
  describe(title, () => {
    it.each(found)('%s', (text, names) => expect(inPlay(text).sort()).toEqual([...names].sort()));
    it.each(none)('not in play: %s', (text) => expect(inPlay(text)).toEqual([]));
  });
}

cases('compared with us on a scale', [
  ['Honestly your reporting feels clunkier than Wexmoor.', ['Wexmoor']],
  ['ur seats r way dearer than clari per head', ['Clari']],
  ['Pallisade came back noticeably cheaper than yours.', ['Pallisade']],
], [
  'The Leeds depot is slower than Bradford this month.',
  'Our trucks are older than the ones Kettering runs.',
]);

cases('the recipient of the buyer\'s papers, asked for its numbers or to prepare them', [
  ['Harlow and Bexcombe have both received our tender pack.', ['Harlow', 'Bexcombe']],
  ['Procurement sent the same requirements to Ostwick last Friday.', ['Ostwick']],
  ['To show the board we tested the market we asked Fennimore for their numbers, and the per-seat price was lower.', ['Fennimore']],
  ['Mårten has asked Quillby to put together pricing for the same scope.', ['Quillby']],
], [
  'We sent the signed agreement to Adaeze for her records.',
  'I asked Beatrix for her numbers on the Hamburg volumes.',
]);

cases('named under a label, selling with no object, put in our place', [
  ['Competitors: Orlanda, Vesk.', ['Orlanda', 'Vesk']],
  ['And yes, Marrowby are bidding as well.', ['Marrowby']],
  ['The Dutch team has run Tolvane for a quarter and the board is weighing a move to it instead of your platform.', ['Tolvane']],
  ['The product we piloted in spring, Caddis, already exports to PDF.', ['Caddis']],
  ['Two more suppliers made the shortlist, Ashgrove and Tamsin.', ['Ashgrove', 'Tamsin']],
  ['Kelvara reckon they could have us live before Easter.', ['Kelvara']],
  ['Raj has a reference call lined up with one of Brackwell\'s existing customers.', ['Brackwell']],
], [
  'Notes: Harrogate, Leeds.',
  'The depots we visited last week, Hull and Grimsby, were spotless.',
]);

cases('the same show as ours, one of both weighed, a trial environment', [
  ['For what it is worth, Quenby came in on Thursday and ran pretty much the same workshop.', ['Quenby']],
  ['Could you make a joint session with our IT lead and the Wrenhurst people? We need to see both tools against the same data.', ['Wrenhurst']],
  ["Owen's engineers now have accounts on Larchmont's staging environment.", ['Larchmont']],
], [
  'Bradford did the same training on the same day.',
  'Could you join a call with our IT lead and the Hamburg planners? We want to see how both depots use the new release.',
]);

cases('weighed against us in a buyer\'s words', [
  ['Raj wants a second quote before he signs, so Ellery Data are presenting to the leadership team on Monday.', ['Ellery Data']],
  ['We are trimming vendors. Your tool and Brisco both do route planning, so one of you will go.', ['Brisco']],
  ['Adaeze asked me whether Brisco would be cheaper for the same seats.', ['Brisco']],
  ['Owen spent the week testing your routing against Brisco on the Hull lanes.', ['Brisco']],
  ['Still waiting on your completed security questionnaire; Brisco returned theirs on Monday.', ['Brisco']],
], [
  'Dr Lindgren is presenting to the board on the depot results.',
  'Still waiting on your invoice; Bexley sent theirs on Monday.',
  'Maybe Hull would be better for the launch.',
]);

cases('names that are no vendor of ours', [], [
  // the customer's own rival, department, region, a label on our screen, a word cut at a letter the tokeniser lacks
  'Kestrel Freight, our biggest competitor, quoted the Gdańsk lane at half our rate.',
  'Adaeze asked FinOps to scope what moving off your platform would cost us.',
  'honestly latam reps keep asking for a demo of the new ui',
  "The 'Export quote' tab shows a blank page for every user.",
  // someone known there, a closed or elsewhere evaluation, a back-office tool, a person
  'A former colleague from Clari just joined our board.',
  'The Verity pilot wrapped up in August and nobody asked to keep it.',
  'Adaeze trialled Clari at her previous company, which is why she backed you here.',
  'Purchasing moved to Brexo last quarter and every supplier gets onboarded there.',
  'talked to Lucia from the Porto office today. she wants the training moved',
  // denied, settled, or turned down
  'No, nobody is pitching us right now. Clari sent a calendar, that is all.',
  'We ran the comparison in 2023, Gong and you and one more, and you won, end of story.',
  "We've decided against the Harwick pilot, so no need to worry.",
  "Ingrid from Clari rang me twice and I didn't even take the call.",
  'The pilot with Penmoor Logistics (our 3PL) starts on Monday.',
]);

describe('an answer of "no" to a question about rivals', () => {
  it('leaves a listed name mentioned after it out of play', () => {
    expect(inPlay('No, not at all. Somebody from Gong emailed me once, that was it.', 'Are you looking at anyone else at the moment?')).toEqual([]);
  });
  it('keeps a listed name in play when the answer is yes', () => {
    expect(inPlay('Yes, somebody from Gong emailed me once.', 'Are you looking at anyone else at the moment?')).toEqual(['Gong']);
  });
});
