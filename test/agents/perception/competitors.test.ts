import { describe, expect, it } from 'vitest';
import { findCompetitors } from '../../../agents/perception/competitors.js';
import type { Utterance } from '../../../agents/perception/utterances.js';
import { Story, at, contact } from '../risk/builders.js';

const said = (text: string): Utterance[] => [{ side: 'them', text }];
const LIST = ['Gong', 'Clari', 'Outreach', 'Monday.com'];
const replacing = (text: string) => findCompetitors(said(text), LIST).map((c) => [c.name, c.replacing]);

describe('competitor mentions', () => {
  it('the tool being replaced is marked replacing', () => {
    expect(replacing("We're moving off Gong at the end of the year.")).toEqual([['Gong', true]]);
    expect(replacing('We are replacing Clari this quarter.')).toEqual([['Clari', true]]);
    expect(replacing('We started migrating from Gong last month.')).toEqual([['Gong', true]]);
    expect(replacing('Our Gong contract ends in March and we will not renew it.')).toEqual([['Gong', true]]);
    expect(replacing('We used to use Outreach for sequences.')).toEqual([['Outreach', true]]);
  });

  it('a competitor in play is a threat', () => {
    expect(replacing('Clari showed us their forecasting demo yesterday.')).toEqual([['Clari', false]]);
    expect(replacing('We are also evaluating Gong, and they offered a 30% discount.')).toEqual([['Gong', false]]);
  });

  it('in "from X to Y" only X is being replaced', () => {
    expect(replacing('We are migrating from Gong to Clari next quarter.')).toEqual([['Gong', true], ['Clari', false]]);
    expect(replacing('We might replace our spreadsheets and look at Gong as well.')).toEqual([['Gong', false]]);
  });

  it('matches names as written: a capitalised name, not the common word', () => {
    expect(replacing('Our outreach to new stores went well.')).toEqual([]);
    expect(replacing('Monday.com is what finance uses.')).toEqual([['Monday.com', false]]);
    expect(replacing('See you Monday.')).toEqual([]);
  });

  it('uses the configured list, per account', () => {
    const story = new Story({ account: { settings: { competitors: ['Fleetio'] } }, contacts: [contact('dana@acme.com', 'Dana Ruiz', 'champion')] });
    const s = story.email(at(-1), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'Fleetio quoted us less. Gong is not relevant here.' });
    expect(s.insights!.competitors).toEqual([{ name: 'Fleetio', text: 'Fleetio quoted us less.', replacing: false, context: 'evaluation' }]);
  });
});
